#include "core/version.h"

#ifndef DEEPPACKET_VERSION
#error "DEEPPACKET_VERSION must be defined by the build"
#endif

namespace deeppacket {

std::string version() {
    return DEEPPACKET_VERSION;
}

}  // namespace deeppacket
