#pragma once

#include <cstddef>
#include <string>

namespace deeppacket {

// Text that comes from anyone (file names, labels, model cards) made safe to print on a
// terminal: control characters (C0 except tab, DEL, C1) and bytes that are not UTF-8 become
// \xNN, so that no escape sequence reaches the terminal (a screen clear, a title change) and
// every byte stays visible. Text longer than `limit` bytes is cut, saying how much was left out.
std::string printable(const std::string& text, std::size_t limit = std::string::npos);

// The limit for one value quoted inside a message (a label, a cell of a user's file).
inline constexpr std::size_t kQuotedValueLimit = 120;

}  // namespace deeppacket
