#include "core/terminal_text.h"

#include <cstdio>

namespace deeppacket {
namespace {

// Length of the well-formed UTF-8 sequence at text[i], or 0 when it is not one.
std::size_t utf8Length(const std::string& text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned minimum = 0;
    unsigned code = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2, code = lead & 0x1fu, minimum = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3, code = lead & 0x0fu, minimum = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4, code = lead & 0x07u, minimum = 0x10000;
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xc0u) != 0x80u) {
            return 0;
        }
        code = (code << 6) | (byte(i + k) & 0x3fu);
    }
    const bool surrogate = code >= 0xd800 && code <= 0xdfff;
    const bool c1 = code >= 0x80 && code <= 0x9f;  // C1 controls, e.g. CSI, OSC
    if (code < minimum || code > 0x10ffff || surrogate || c1) {
        return 0;
    }
    return length;
}

}  // namespace

std::string printable(const std::string& text, std::size_t limit) {
    std::string out;
    const std::size_t end = text.size() < limit ? text.size() : limit;
    std::size_t i = 0;
    while (i < end) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        if (c == '\t') {
            out += '\t';
            ++i;
            continue;
        }
        if (const std::size_t length = c >= 0x80 ? utf8Length(text, i) : 0; length > 0) {
            out.append(text, i, length);
            i += length;
            continue;
        }
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
        out += escaped;
        ++i;
    }
    if (i < text.size()) {
        out += "...(" + std::to_string(text.size() - i) + " more bytes)";
    }
    return out;
}

}  // namespace deeppacket
