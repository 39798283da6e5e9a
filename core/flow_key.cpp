#include "core/flow_key.h"

#include <cstring>
#include <tuple>

namespace deeppacket {
namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    // splitmix64's finaliser on the running value: cheap and spreads every input bit.
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBull;
    h ^= h >> 31;
    return h;
}

std::uint64_t mixAddress(std::uint64_t h, const IpAddress& a) {
    std::uint64_t words[2];
    std::memcpy(words, a.bytes.data(), sizeof words);
    return mix(mix(h, words[0]), words[1]);
}

}  // namespace

FlowKey FlowKey::of(const DecodedPacket& packet) {
    return of(packet.src, packet.srcPort, packet.dst, packet.dstPort, packet.protocol);
}

FlowKey FlowKey::of(const IpAddress& src, std::uint16_t srcPort, const IpAddress& dst,
                    std::uint16_t dstPort, std::uint8_t protocol) {
    FlowKey key;
    key.protocol = protocol;
    const bool forward = std::tie(src, srcPort) < std::tie(dst, dstPort);
    key.lowAddress = forward ? src : dst;
    key.highAddress = forward ? dst : src;
    key.lowPort = forward ? srcPort : dstPort;
    key.highPort = forward ? dstPort : srcPort;
    return key;
}

std::size_t FlowKeyHash::operator()(const FlowKey& key) const noexcept {
    std::uint64_t h = key.protocol;
    h = mixAddress(h, key.lowAddress);
    h = mixAddress(h, key.highAddress);
    h = mix(h, (std::uint64_t{key.lowPort} << 16) | key.highPort);
    return static_cast<std::size_t>(h);
}

}  // namespace deeppacket
