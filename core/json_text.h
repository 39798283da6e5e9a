#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace deeppacket {

// A JSON document as compact text. Bytes that are not UTF-8 (file names on POSIX systems may
// hold any) become U+FFFD, where dumping plainly would throw: the output is always valid JSON.
std::string jsonText(const nlohmann::json& value);

}  // namespace deeppacket
