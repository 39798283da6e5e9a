#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/dataset_split.h"
#include "core/evaluation_report.h"
#include "models/model.h"

namespace deeppacket {

// The paper's training procedure (§2.3, §4) with early stopping.
struct TrainingConfig {
    int epochs = 50;          // at most, for the supervised phase
    int pretrainEpochs = 10;  // per layer, SAE only
    std::size_t batchSize = 128;
    double learningRate = 1e-3;
    int patience = 5;  // epochs without a better validation loss before stopping
    std::uint64_t seed = 1;
};

struct TrainingEpoch {
    std::string phase;  // "pretrain layer N" or "train"
    int epoch = 0;      // 1-based within the phase
    double trainLoss = 0;
    double validationLoss = 0;      // train phase only
    double validationAccuracy = 0;  // train phase only
    double seconds = 0;             // since training began
};

struct TrainingOutcome {
    int epochs = 0;     // supervised epochs run
    int bestEpoch = 0;  // whose weights the model now holds
    double bestValidationLoss = 0;
    bool stoppedEarly = false;
    bool interrupted = false;
    // SAE: each layer's reconstruction loss after its first and its last pre-training epoch.
    std::vector<std::pair<double, double>> pretrainLoss;
    double samplesPerSecond = 0;  // supervised phase
};

// Trains `model` on the dataset's `train` packets, stopping early on the `validation` loss and
// keeping the best epoch's weights. SAE: first each encoder layer as an autoencoder (MSE, Adam,
// the layers below frozen), then the whole network with cross-entropy (Adam). CNN: cross-entropy
// with Adam. `cancel` stops after the current batch; the best weights so far stay in the model.
TrainingOutcome trainModel(Model& model, const Dataset& dataset,
                           const std::vector<std::size_t>& train,
                           const std::vector<std::size_t>& validation, const TrainingConfig& config,
                           const std::function<void(const TrainingEpoch&)>& onEpoch = {},
                           const std::atomic<bool>* cancel = nullptr);

// Classifies the dataset's `test` packets and scores them per packet and per flow (a flow's
// verdict from the mean log-probability of its test packets).
Evaluation evaluateOnSplit(Model& model, const Dataset& dataset,
                           const std::vector<std::size_t>& test);

}  // namespace deeppacket
