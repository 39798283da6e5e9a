#pragma once

#include <cstdint>

namespace deeppacket {

// One captured record as libpcap hands it over. `data` points into the reader's buffer and is
// valid until the next read from the same reader.
struct Frame {
    const std::uint8_t* data = nullptr;
    std::uint32_t capturedLength = 0;  // bytes present in the capture
    std::uint32_t wireLength = 0;      // bytes the frame had on the wire
    std::int64_t timestampNs = 0;      // nanoseconds since the Unix epoch
    std::uint64_t number = 0;          // 1-based position in its capture file (Wireshark's "No.")
};

}  // namespace deeppacket
