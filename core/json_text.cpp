#include "core/json_text.h"

#include <nlohmann/json.hpp>

namespace deeppacket {

std::string jsonString(const std::string& text) {
    // Bytes that are not UTF-8 (file names on POSIX systems may hold any) become U+FFFD, so the
    // output is always valid JSON.
    return jsonText(nlohmann::json(text));
}

std::string jsonText(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace deeppacket
