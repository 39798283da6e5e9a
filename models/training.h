#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/dataset_split.h"
#include "core/evaluation_report.h"
#include "core/flow_dataset.h"
#include "models/model.h"

namespace deeppacket {

class WorkerGroup;

// What picks the epoch whose weights are kept, and stops training when it stops improving.
//   macro-f1: the validation macro-F1 (ties: the lower validation loss). The default: on
//             captures the model has not seen the validation loss rises from the first epoch
//             on while the macro-F1 still climbs for many (over-confident wrong answers cost
//             loss without costing answers).
//   loss:     the validation loss.
//   last:     the last epoch, with no early stopping (a refit for a number of epochs already
//             chosen on validation data).
enum class Selection { MacroF1, Loss, Last };
std::optional<Selection> parseSelection(const std::string& text);
std::string selectionName(Selection selection);

// The paper's training procedure (§2.3, §4) with early stopping.
struct TrainingConfig {
    int epochs = 50;          // at most, for the supervised phase
    int pretrainEpochs = 10;  // per layer, SAE only
    std::size_t batchSize = 128;
    double learningRate = 1e-3;
    int patience = 8;  // epochs without a better validation score before stopping
    Selection selection = Selection::MacroF1;
    // Cross-entropy weighted by the inverse of each class's share of the training set, so that
    // rare classes count as much as common ones without throwing data away.
    bool classWeights = true;
    std::uint64_t seed = 1;
    // Data-parallel training over a group of workers (models/worker_group.h), each holding the
    // rows of its own capture files (the data set's file indices count over the whole list):
    // a global batch of `batchSize` rows is drawn from all of them, gradients are summed each
    // step, and the validation scores, stopping and the weights kept are the group's. Null: this
    // process alone (the same arithmetic, a group of one).
    WorkerGroup* group = nullptr;
};

struct TrainingEpoch {
    std::string phase;  // "pretrain layer N" or "train"
    int epoch = 0;      // 1-based within the phase
    double trainLoss = 0;
    double validationLoss = 0;      // train phase only
    double validationAccuracy = 0;  // train phase only
    double validationMacroF1 = 0;   // train phase only
    double seconds = 0;             // since training began
};

// Follows the supervised epochs and says which one is best so far under a selection.
class EpochSelector {
  public:
    explicit EpochSelector(Selection selection) : selection_(selection) {}
    // Records an epoch; true when it is the best so far (its weights should be kept).
    bool offer(const TrainingEpoch& epoch);
    int bestEpoch() const { return best_.epoch; }
    const TrainingEpoch& best() const { return best_; }
    int sinceBest() const { return sinceBest_; }

  private:
    Selection selection_;
    TrainingEpoch best_;
    bool any_ = false;
    int sinceBest_ = 0;
};

struct TrainingOutcome {
    int epochs = 0;     // supervised epochs run
    int bestEpoch = 0;  // whose weights the model now holds
    double bestValidationLoss = 0;
    double bestValidationMacroF1 = 0;
    bool stoppedEarly = false;
    bool interrupted = false;
    bool refitted = false;  // trained again on training and validation data (flow models)
    // SAE: each layer's reconstruction loss after its first and its last pre-training epoch.
    std::vector<std::pair<double, double>> pretrainLoss;
    double samplesPerSecond = 0;  // supervised phase, over the group
    int workers = 1;
    // The time each step spent adding up the workers' gradients (0 alone).
    double gradientSumSecondsPerStep = 0;
};

// Trains `model` on the dataset's `train` packets, stopping early on the `validation` score
// (config.selection) and keeping the best epoch's weights. SAE: first each encoder layer as an
// autoencoder (MSE, Adam, the layers below frozen), then the whole network with cross-entropy
// (Adam). CNN: cross-entropy with Adam. `cancel` stops after the current batch; the best weights so
// far stay in the model.
TrainingOutcome trainModel(Model& model, const Dataset& dataset,
                           const std::vector<std::size_t>& train,
                           const std::vector<std::size_t>& validation, const TrainingConfig& config,
                           const std::function<void(const TrainingEpoch&)>& onEpoch = {},
                           const std::atomic<bool>* cancel = nullptr);

// Trains a flow model on the data set's `train` rows, selecting on the `validation` rows as
// above (pass whole flows: the verdict that matters is the one on the whole flow).
TrainingOutcome trainFlowModel(Model& model, const FlowDataset& dataset,
                               const std::vector<std::size_t>& train,
                               const std::vector<std::size_t>& validation,
                               const TrainingConfig& config,
                               const std::function<void(const TrainingEpoch&)>& onEpoch = {},
                               const std::atomic<bool>* cancel = nullptr);

// A flow model's scores on the data set's `rows` (whole flows and snapshots): flows are scored
// once each on their whole-flow row; packets get their flow's verdict (each flow counts as many
// times as it has packets). With a group, every worker's rows count.
Evaluation evaluateFlowsOnSplit(Model& model, const FlowDataset& dataset,
                                const std::vector<std::size_t>& rows, WorkerGroup* group = nullptr);
// The same on the verdicts given after the first `packets` packets of each flow.
Evaluation evaluateEarlyFlowsOnSplit(Model& model, const FlowDataset& dataset,
                                     const std::vector<std::size_t>& rows, std::uint32_t packets,
                                     WorkerGroup* group = nullptr);

// Classifies the dataset's `test` packets and scores them per packet and per flow (a flow's
// verdict from the mean log-probability of its test packets). With a group, every worker's
// test packets count (the confusion counts are summed).
Evaluation evaluateOnSplit(Model& model, const Dataset& dataset,
                           const std::vector<std::size_t>& test, WorkerGroup* group = nullptr);

}  // namespace deeppacket
