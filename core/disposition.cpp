#include "core/disposition.h"

namespace deeppacket {
namespace {

struct DispositionText {
    std::string_view name;
    std::string_view description;
};

constexpr std::array<DispositionText, kDispositionCount> kTexts{{
    {"kept", "kept and turned into a vector"},
    {"unknown-link-type", "link type not supported"},
    {"non-ip", "not an IPv4 or IPv6 packet"},
    {"truncated-link-header", "capture ends inside the link-layer header"},
    {"truncated-ip-header", "capture ends inside the IP header"},
    {"malformed-ip-header", "invalid IP header"},
    {"ip-fragment", "non-first IP fragment (no transport header)"},
    {"truncated-transport-header", "capture ends inside the TCP/UDP header"},
    {"malformed-transport-header", "invalid TCP or UDP header"},
    {"dns", "DNS, mDNS or LLMNR"},
    {"tcp-no-payload", "TCP segment with SYN/ACK/FIN and no payload"},
    {"other-transport", "neither TCP nor UDP (excluded by option)"},
}};

}  // namespace

std::string_view dispositionName(Disposition d) {
    return kTexts[static_cast<std::size_t>(d)].name;
}

std::string_view dispositionDescription(Disposition d) {
    return kTexts[static_cast<std::size_t>(d)].description;
}

std::optional<Disposition> dispositionFromName(std::string_view name) {
    for (std::size_t i = 0; i < kTexts.size(); ++i) {
        if (kTexts[i].name == name) {
            return static_cast<Disposition>(i);
        }
    }
    return std::nullopt;
}

std::uint64_t PacketCounts::read() const {
    std::uint64_t total = 0;
    for (auto n : byDisposition) {
        total += n;
    }
    return total;
}

PacketCounts& PacketCounts::operator+=(const PacketCounts& other) {
    for (std::size_t i = 0; i < kDispositionCount; ++i) {
        byDisposition[i] += other.byDisposition[i];
    }
    return *this;
}

}  // namespace deeppacket
