#pragma once

#include <cstddef>
#include <cstdint>

namespace deeppacket {

// CRC-32 (IEEE 802.3, as zlib's crc32): detects corrupted or truncated files we wrote.
std::uint32_t crc32(const void* data, std::size_t size, std::uint32_t previous = 0);

}  // namespace deeppacket
