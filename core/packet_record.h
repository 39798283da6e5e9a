#pragma once

#include <cstdint>

#include "core/ip_address.h"

namespace deeppacket {

// What is known of a kept packet besides its vector. Addresses and ports come from the packet
// itself, never from the (possibly masked) vector.
struct PacketRecord {
    std::uint32_t fileIndex = 0;  // index into the run's list of capture files
    std::uint64_t number = 0;     // 1-based position in its file, as Wireshark numbers frames
    std::int64_t timestampNs = 0;
    std::uint32_t wireLength = 0;  // frame length on the wire, link layer included
    IpAddress src;
    IpAddress dst;
    std::uint16_t srcPort = 0;
    std::uint16_t dstPort = 0;
    std::uint8_t protocol = 0;   // IP protocol number of the transport (6 TCP, 17 UDP, ...)
    std::uint8_t tcpFlags = 0;   // TCP only
    std::uint16_t ipLength = 0;  // IP packet length on the wire (header included), capped at 65535
    std::uint32_t flowId = 0;    // dense id of the bidirectional 5-tuple flow within the run
};

}  // namespace deeppacket
