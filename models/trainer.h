#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "models/model.h"

namespace deeppacket {

struct TrainingOptions {
    int epochs = 20;
    std::size_t batchSize = 64;
    double learningRate = 1e-3;
    std::uint64_t seed = 1;
};

struct EpochReport {
    int epoch = 0;        // 1-based
    double loss = 0;      // mean cross-entropy over the epoch
    double accuracy = 0;  // on the training batches, with dropout active
};

// Supervised training of a native network: cross-entropy on the logits, Adam, shuffled
// mini-batches (paper §4). `vectors` holds labels.size() rows of the model's input length
// (unscaled bytes); labels are class indices. Leaves the model in evaluation mode.
std::vector<EpochReport> trainSupervised(
    Model& model, const std::uint8_t* vectors, const std::vector<std::int64_t>& labels,
    const TrainingOptions& options, const std::function<void(const EpochReport&)>& onEpoch = {});

}  // namespace deeppacket
