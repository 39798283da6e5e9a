#pragma once

#include <cstddef>
#include <cstdint>

#include "core/decoded_packet.h"
#include "core/ip_address.h"

namespace deeppacket {

// A bidirectional 5-tuple: both directions of a conversation give the same key, because the
// endpoints are stored in a canonical order (the smaller address/port pair first). Protocols
// without ports (ICMP, ESP, ...) use ports 0, so their flow is the address pair and protocol.
struct FlowKey {
    IpAddress lowAddress;
    IpAddress highAddress;
    std::uint16_t lowPort = 0;
    std::uint16_t highPort = 0;
    std::uint8_t protocol = 0;

    static FlowKey of(const DecodedPacket& packet);
    static FlowKey of(const IpAddress& src, std::uint16_t srcPort, const IpAddress& dst,
                      std::uint16_t dstPort, std::uint8_t protocol);

    friend bool operator==(const FlowKey& a, const FlowKey& b) {
        return a.protocol == b.protocol && a.lowPort == b.lowPort && a.highPort == b.highPort &&
               a.lowAddress == b.lowAddress && a.highAddress == b.highAddress;
    }
};

struct FlowKeyHash {
    std::size_t operator()(const FlowKey& key) const noexcept;
};

}  // namespace deeppacket
