#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <optional>
#include <vector>

#include "models/model.h"

namespace deeppacket {

// Which bytes of a packet's vector decided a packet model's answer: integrated gradients
// (Sundararajan et al., 2017) of one class's log-probability, from the all-zero vector (what
// padding looks like) to the packet's, along `steps` points of the straight path (midpoint rule).
//
// byte i gets  x_i * mean_k d log p_c(a_k x) / d x_i,  a_k = (k + 0.5) / steps,  x = bytes / 255.
//
// So a byte that is zero in the vector (padding, a masked field, a zeroed address) gets exactly
// 0, and the attributions sum to log p_c(x) - log p_c(0) up to the error of the rule: the points
// start at `steps` and are multiplied by four, up to 4096, until the error is within 2% of the
// change (or 0.01); `sumError` reports what is left. Ranked by magnitude, they say which bytes
// pushed towards the class (positive) or away from it (negative).
struct ByteAttribution {
    std::uint32_t classIndex = 0;
    std::vector<float> probabilities;   // the packet's, one per class
    std::vector<float> perByte;         // one per vector byte
    double logProbability = 0;          // log p_c of the packet
    double baselineLogProbability = 0;  // log p_c of the all-zero vector
    // |sum(perByte) - (logProbability - baselineLogProbability)|
    double sumError = 0;
    int steps = 0;  // the points of the path used
};

// For a packet model and one vector of model.inputLength() bytes; `classIndex` defaults to the
// predicted class. Runs on the calling thread (a few forward and backward passes), on the
// model's device. Throws ModelError for a flow model or a network without gradients.
ByteAttribution attributeBytes(Model& model, const std::uint8_t* vector,
                               std::optional<std::uint32_t> classIndex = std::nullopt,
                               int steps = 256);

// Byte indices ordered by decreasing |attribution| (ties: by position). Inline: the app's
// details pane ranks without linking the networks.
inline std::vector<std::size_t> rankBytes(const std::vector<float>& perByte) {
    std::vector<std::size_t> order(perByte.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::abs(perByte[a]) > std::abs(perByte[b]);
    });
    return order;
}

}  // namespace deeppacket
