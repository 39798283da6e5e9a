#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tests/support/packet_builder.h"

namespace deeppacket::test {

// Captures of three kinds of traffic that a network can learn apart, one folder per class (so
// the "folder" label scheme applies): "web" (TLS records over TCP 443), "voice" (RTP over UDP)
// and "shell" (SSH over TCP 22). Client ports, sizes and payload bytes vary with the seed, so
// training and test captures made with different seeds share no packet.
struct LabelledCaptures {
    std::vector<std::string> classes;  // "shell", "voice", "web": sorted, as folder labels
    std::vector<std::string> files;    // one capture per class, in class order
};

LabelledCaptures writeLabelledCaptures(const TempDir& dir, const std::string& subfolder,
                                       std::uint32_t seed, int flowsPerClass = 3,
                                       int packetsPerFlow = 20);

}  // namespace deeppacket::test
