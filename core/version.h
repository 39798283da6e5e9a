#pragma once

#include <string>

namespace deeppacket {

// The program version, from the project() call of the top-level CMakeLists.txt.
std::string version();

}  // namespace deeppacket
