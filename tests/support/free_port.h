#pragma once

#include <cstdint>

namespace deeppacket::test {

// A TCP port free on the loopback now, for a group of workers to meet at.
std::uint16_t freePort();

}  // namespace deeppacket::test
