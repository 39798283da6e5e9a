#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace deeppacket {

// An IPv4 or IPv6 address as it appears on the wire. IPv4 uses the first four bytes; the rest stay
// zero so that comparisons and hashes work on the whole array.
struct IpAddress {
    std::uint8_t version = 0;  // 4, 6, or 0 when the packet had no IP layer
    std::array<std::uint8_t, 16> bytes{};

    static IpAddress v4(const std::uint8_t* p);
    static IpAddress v6(const std::uint8_t* p);

    // Dotted quad for IPv4, RFC 5952 canonical text for IPv6, empty when version is 0.
    std::string toString() const;
    // Parses either text form (IPv6 with "::" and a trailing dotted quad too).
    static std::optional<IpAddress> parse(const std::string& text);

    friend bool operator==(const IpAddress& a, const IpAddress& b) {
        return a.version == b.version && a.bytes == b.bytes;
    }
    friend bool operator!=(const IpAddress& a, const IpAddress& b) { return !(a == b); }
    friend bool operator<(const IpAddress& a, const IpAddress& b) {
        return a.version != b.version ? a.version < b.version : a.bytes < b.bytes;
    }
};

}  // namespace deeppacket
