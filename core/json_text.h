#pragma once

#include <string>

namespace deeppacket {

// A JSON string literal (quotes included) of UTF-8 text, with control characters escaped.
std::string jsonString(const std::string& text);

}  // namespace deeppacket
