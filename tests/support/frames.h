#pragma once

#include <cstdint>

#include "core/frame.h"
#include "tests/support/packet_builder.h"

namespace deeppacket::test {

// A frame over bytes built by a test, captured whole. The bytes must outlive the frame.
inline Frame frameOf(const Bytes& bytes, std::uint32_t wireLength = 0) {
    Frame frame;
    frame.data = bytes.data();
    frame.capturedLength = static_cast<std::uint32_t>(bytes.size());
    frame.wireLength = wireLength != 0 ? wireLength : frame.capturedLength;
    return frame;
}

}  // namespace deeppacket::test
