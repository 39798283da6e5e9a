#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/decoded_packet.h"
#include "core/disposition.h"
#include "core/frame_lookup.h"

namespace deeppacket {

// One line of a packet's details, as Wireshark's details pane shows it: a layer (depth 0) or a
// field of it (depth 1), with the frame bytes it covers.
struct DissectedField {
    int depth = 0;
    std::string name;
    std::string value;
    std::uint32_t offset = 0;  // into the frame's bytes
    std::uint32_t length = 0;
};

struct Dissection {
    std::vector<DissectedField> fields;
    Disposition disposition = Disposition::Kept;  // what the decoder made of the frame
    DecodedPacket packet;                         // valid when disposition is Kept
    std::uint32_t ipOffset = 0;                   // where the IP header starts in the frame
};

// Decodes the frame's layers into fields: the frame, the link layer (removed by preprocessing),
// IPv4 or IPv6, TCP, UDP or ICMP, and the payload. The packet's pointers refer to frame.bytes.
Dissection dissectFrame(const StoredFrame& frame);

// The deepest field that covers a frame offset, or null.
const DissectedField* fieldAt(const Dissection& dissection, std::uint32_t offset);

}  // namespace deeppacket
