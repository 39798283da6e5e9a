#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace deeppacket {

// What happened to one captured frame. Every frame read from a capture gets exactly one
// disposition, so "read" is always the sum of "kept" and every drop reason.
enum class Disposition : std::uint8_t {
    Kept,
    UnknownLinkType,           // link type the decoder does not know
    NonIp,                     // ARP, LLDP, STP, ... (no IPv4/IPv6 inside)
    TruncatedLinkHeader,       // capture ends inside the link-layer header or its tags
    TruncatedIpHeader,         // capture ends inside the IP header or an IPv6 extension header
    MalformedIpHeader,         // bad version, IHL < 5, total length < header, length beyond frame
    IpFragment,                // a non-first IP fragment: it carries no transport header
    TruncatedTransportHeader,  // capture ends inside the TCP or UDP header
    MalformedTransportHeader,  // TCP data offset < 5 or beyond the segment
    Dns,                       // DNS (53), mDNS (5353) and LLMNR (5355), over UDP or TCP
    TcpNoPayload,              // SYN, ACK or FIN set and no payload: handshakes and bare ACKs
    OtherTransport,            // neither TCP nor UDP, when the options ask for TCP/UDP only
};

inline constexpr std::size_t kDispositionCount = 12;

// Stable machine-readable names ("kept", "non-ip", "tcp-no-payload", ...), used by the CLI and
// files.
std::string_view dispositionName(Disposition d);
// One line for people, e.g. "TCP segment with SYN/ACK/FIN and no payload".
std::string_view dispositionDescription(Disposition d);
std::optional<Disposition> dispositionFromName(std::string_view name);

// Per-disposition packet counters of a file or of a whole run.
struct PacketCounts {
    std::array<std::uint64_t, kDispositionCount> byDisposition{};

    void add(Disposition d) { ++byDisposition[static_cast<std::size_t>(d)]; }
    std::uint64_t operator[](Disposition d) const {
        return byDisposition[static_cast<std::size_t>(d)];
    }
    std::uint64_t kept() const { return (*this)[Disposition::Kept]; }
    std::uint64_t read() const;
    std::uint64_t dropped() const { return read() - kept(); }

    PacketCounts& operator+=(const PacketCounts& other);
};

}  // namespace deeppacket
