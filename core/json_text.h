#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace deeppacket {

// A JSON string literal (quotes included) made by the JSON library: control characters escaped,
// bytes that are not UTF-8 replaced by U+FFFD.
std::string jsonString(const std::string& text);

// A JSON document as compact text, with bytes that are not UTF-8 replaced by U+FFFD (dumping it
// plainly would throw on them).
std::string jsonText(const nlohmann::json& value);

}  // namespace deeppacket
