#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/prediction_rows.h"

namespace deeppacket {

// A display filter over classified packets, in the manner of Wireshark's: fields, comparisons,
// and/or/not and parentheses, e.g.
//
//   tcp and len > 100
//   ip.addr == 10.8.0.0/16 && !(label == chat)
//   truth == "VPN: file transfer" and not correct
//   file contains vpn or confidence < 0.5
//
// Fields (displayFilterFields() lists them with what they hold):
//   number (frame.number)  the packet's number in the analysis (unique across its captures)
//   ip.src ip.dst ip.addr  addresses; a value may be a prefix, 10.0.0.0/8 or 2001:db8::/32
//   port tcp.port udp.port tcp.srcport tcp.dstport udp.srcport udp.dstport
//   proto                  tcp, udp, icmp, … or a number
//   len (frame.len)        length on the wire;  ip.len the IP packet's length
//   label truth            class names (the predicted one, the true one)
//   confidence             the predicted class's probability
//   file                   the capture's file name (== a name or a path; contains a part)
//   flow (tcp.stream)      the flow's id in the analysis
//   correct                the label equals the truth (a packet without truth is not correct)
// and the bare protocol tests tcp, udp, icmp, icmpv6, ip (IPv4) and ipv6.
// Operators: == eq, != ne, < lt, <= le, > gt, >= ge, contains; and &&, or ||, not !.
// A field of two values (ip.addr, port, tcp.port, udp.port) matches == and the orderings when
// either value does, and != when neither equals. Names and words compare without case.
class DisplayFilterError : public std::runtime_error {
  public:
    DisplayFilterError(const std::string& message, std::size_t position)
        : std::runtime_error(message), position_(position) {}
    // Where in the text the problem starts (a byte offset).
    std::size_t position() const { return position_; }

  private:
    std::size_t position_;
};

// A field of the language and what it holds, for help texts and completion.
struct DisplayFilterField {
    const char* name;
    const char* description;
};
const std::vector<DisplayFilterField>& displayFilterFields();

class DisplayFilter {
  public:
    // The empty filter: every packet matches.
    DisplayFilter();
    ~DisplayFilter();
    DisplayFilter(DisplayFilter&&) noexcept;
    DisplayFilter& operator=(DisplayFilter&&) noexcept;

    // Parses `text` for packets of a result with these classes and capture files (class and
    // file names are resolved once, here). Blank text is the empty filter. Throws
    // DisplayFilterError with a one-line message and the position.
    static DisplayFilter parse(const std::string& text, const std::vector<std::string>& classes,
                               const std::vector<std::string>& files);

    bool empty() const { return root_ == nullptr; }
    // Whether packet `p`, the `index`-th (0-based) of its result, passes.
    bool matches(const PacketResult& p, std::size_t index) const;

    struct Node;

  private:
    std::unique_ptr<Node> root_;
};

// The filter that selects packets whose `field` equals this packet's, for "Apply as filter"
// (field: number, ip.src, ip.dst, proto, len, label, truth, confidence, file, flow). Empty when
// the packet has no such value (no truth, no IP layer).
std::string displayFilterFor(const std::string& field, const PacketResult& p, std::size_t index,
                             const std::vector<std::string>& classes,
                             const std::vector<std::string>& files);

}  // namespace deeppacket
