#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/frame.h"

namespace deeppacket {

// One frame of a capture, copied out of the reader.
struct StoredFrame {
    std::vector<std::uint8_t> bytes;  // as captured
    std::uint32_t wireLength = 0;
    std::int64_t timestampNs = 0;
    std::uint64_t number = 0;
    int linkType = -1;

    Frame frame() const {
        return {bytes.data(), static_cast<std::uint32_t>(bytes.size()), wireLength, timestampNs,
                number};
    }
};

// Reads frame `number` (1-based) of a capture: the file is read from its start, so a frame near
// the end of a large capture costs a pass over it. Throws CaptureError naming the file when it
// cannot be opened or has no such frame.
StoredFrame readFrame(const std::string& path, std::uint64_t number);

}  // namespace deeppacket
