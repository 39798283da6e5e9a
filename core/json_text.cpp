#include "core/json_text.h"

#include <nlohmann/json.hpp>

namespace deeppacket {

std::string jsonText(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace deeppacket
