#include "core/ip_address.h"

#include <cstdio>
#include <cstring>

namespace deeppacket {

IpAddress IpAddress::v4(const std::uint8_t* p) {
    IpAddress a;
    a.version = 4;
    std::memcpy(a.bytes.data(), p, 4);
    return a;
}

IpAddress IpAddress::v6(const std::uint8_t* p) {
    IpAddress a;
    a.version = 6;
    std::memcpy(a.bytes.data(), p, 16);
    return a;
}

std::string IpAddress::toString() const {
    char text[48];
    if (version == 4) {
        std::snprintf(text, sizeof text, "%u.%u.%u.%u", bytes[0], bytes[1], bytes[2], bytes[3]);
        return text;
    }
    if (version != 6) {
        return {};
    }
    std::uint16_t groups[8];
    for (std::size_t i = 0; i < 8; ++i) {
        groups[i] = static_cast<std::uint16_t>((bytes[2 * i] << 8) | bytes[2 * i + 1]);
    }
    // RFC 5952: the longest run (first on ties) of two or more zero groups becomes "::".
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8;) {
        if (groups[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && groups[j] == 0) {
            ++j;
        }
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }
    std::string out;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            out += "::";
            i += bestLength - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':') {
            out += ':';
        }
        std::snprintf(text, sizeof text, "%x", groups[i]);
        out += text;
    }
    return out;
}

namespace {

bool parseIpv4(const std::string& text, std::uint8_t* out) {
    int parts = 0;
    std::size_t i = 0;
    while (parts < 4) {
        if (i >= text.size() || text[i] < '0' || text[i] > '9') {
            return false;
        }
        unsigned value = 0;
        std::size_t digits = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 4) {
            value = value * 10 + static_cast<unsigned>(text[i] - '0');
            ++i;
            ++digits;
        }
        if (value > 255 || (digits > 1 && text[i - digits] == '0')) {
            return false;
        }
        out[parts++] = static_cast<std::uint8_t>(value);
        if (parts < 4) {
            if (i >= text.size() || text[i] != '.') {
                return false;
            }
            ++i;
        }
    }
    return i == text.size();
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

bool parseIpv6(const std::string& text, std::uint8_t* out) {
    std::uint16_t head[8];
    std::uint16_t tail[8];
    int headCount = 0;
    int tailCount = 0;
    bool compressed = false;
    std::size_t i = 0;
    if (text.compare(0, 2, "::") == 0) {
        compressed = true;
        i = 2;
    }
    while (i < text.size()) {
        const int used = headCount + tailCount;
        // A dotted quad may end the address, standing for the last two groups.
        const std::size_t colon = text.find(':', i);
        const std::string group = text.substr(i, colon == std::string::npos ? colon : colon - i);
        if (colon == std::string::npos && group.find('.') != std::string::npos) {
            std::uint8_t v4[4];
            if (used > 6 || !parseIpv4(group, v4)) {
                return false;
            }
            std::uint16_t* groups = compressed ? tail : head;
            int& count = compressed ? tailCount : headCount;
            groups[count++] = static_cast<std::uint16_t>((v4[0] << 8) | v4[1]);
            groups[count++] = static_cast<std::uint16_t>((v4[2] << 8) | v4[3]);
            i = text.size();
            break;
        }
        if (group.empty() || group.size() > 4 || used >= 8) {
            return false;
        }
        unsigned value = 0;
        for (char c : group) {
            const int d = hexDigit(c);
            if (d < 0) {
                return false;
            }
            value = value * 16 + static_cast<unsigned>(d);
        }
        (compressed ? tail[tailCount++] : head[headCount++]) = static_cast<std::uint16_t>(value);
        if (colon == std::string::npos) {
            i = text.size();
            break;
        }
        i = colon + 1;
        if (i < text.size() && text[i] == ':') {
            if (compressed) {
                return false;  // a second "::"
            }
            compressed = true;
            ++i;
        } else if (i == text.size()) {
            return false;  // a trailing single colon
        }
    }
    const int total = headCount + tailCount;
    if ((compressed && total > 7) || (!compressed && total != 8)) {
        return false;
    }
    std::uint16_t groups[8] = {};
    for (int k = 0; k < headCount; ++k) {
        groups[k] = head[k];
    }
    for (int k = 0; k < tailCount; ++k) {
        groups[8 - tailCount + k] = tail[k];
    }
    for (int k = 0; k < 8; ++k) {
        out[2 * k] = static_cast<std::uint8_t>(groups[k] >> 8);
        out[2 * k + 1] = static_cast<std::uint8_t>(groups[k]);
    }
    return true;
}

}  // namespace

std::optional<IpAddress> IpAddress::parse(const std::string& text) {
    std::uint8_t bytes[16];
    if (text.find(':') != std::string::npos) {
        if (parseIpv6(text, bytes)) {
            return v6(bytes);
        }
    } else if (parseIpv4(text, bytes)) {
        return v4(bytes);
    }
    return std::nullopt;
}

}  // namespace deeppacket
