#pragma once

#include <atomic>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/dataset_split.h"
#include "core/evaluation_report.h"
#include "core/flow_dataset.h"
#include "core/packet_selection.h"
#include "models/device_choice.h"
#include "models/model.h"
#include "models/network_spec.h"
#include "models/training.h"

namespace deeppacket {

// Everything one training from captures needs: shared by `deeppacket-cli train` and the app.
struct TrainingPlan {
    std::vector<std::string> files;
    std::string labelScheme;
    std::string task;
    NetworkKind arch = NetworkKind::Sae;  // sae, cnn (packet models) or flow
    SplitKind split = SplitKind::File;
    TrainingConfig config;
    PreprocessOptions preprocessing;
    DatasetOptions dataset;
    FlowDatasetOptions flowDataset;  // flow models
    // Packet models: under-sample the training set to the rarest class (the paper's way;
    // class-weighted loss keeps all the data instead, TrainingConfig::classWeights).
    bool undersample = false;
    // 1: one 60/20/20 split. K > 1: K-fold cross-validation by split unit (each unit tested
    // once; a quarter of the other folds validates), scores reported as mean and sd.
    std::size_t repeats = 1;
    bool paperLiteralCnn = false;  // CNN with stride 1, as the paper's text reads
    // Flow models: once the validation sessions have chosen the number of epochs, train again
    // from the start on training and validation sessions for that many epochs (the data held
    // out for choosing is not lost to the model; the test sessions stay unseen).
    bool refit = true;
    // A CSV `file,group` (matched as label files are): capture files of one group stay in one
    // set, whatever `split` says. With the recipe (client and server programs) of each session
    // as its group, the test sets hold recipes never trained on: the cross-recipe figure.
    std::string groupsCsv;
    DeviceChoice device = DeviceChoice::Auto;
    std::string output;  // the model file written (the first run's model)
    // Data-parallel training (packet and flow models) over a group of workers, each reading its
    // block of `files`: the split and the caps are the group's, and worker 0 alone writes `output`.
    WorkerGroup* group = nullptr;
    // Set together with the cancel flag when the user cancels instead of stopping: then
    // nothing is written (stopping keeps the best model so far).
    const std::atomic<bool>* discard = nullptr;
};

struct TrainingReport {
    std::vector<std::string> classes;
    std::size_t packets = 0;        // in the data set (packet models; the group's)
    std::size_t flows = 0;          // whole flows in the data set (flow models)
    std::vector<Evaluation> early;  // flow models: each run's scores after 10 packets a flow
    PacketSelection testPackets;    // the first run's test split
    std::vector<Evaluation> runs;   // test scores of each run
    TrainingOutcome firstOutcome;
    bool interrupted = false;
    bool discarded = false;   // cancelled with `discard` set: no model written
    std::string metricsJson;  // what the model card carries
    // CRC-32 of the first run's weights, in order: the same on every worker of a group.
    std::uint32_t weightsCrc = 0;
};

// Mean and sample standard deviation of a score over the runs of a --repeat.
struct RunStatistic {
    std::string name;  // packet_accuracy, packet_macro_f1, flow_accuracy, flow_macro_f1
                       // (early_flow_macro_f1 for flow models, from runStatistics(runs, early))
    double mean = 0;
    double stddev = 0;
};
std::vector<RunStatistic> runStatistics(const std::vector<Evaluation>& runs,
                                        const std::vector<Evaluation>& early = {});

// The split unit of each capture file of the plan: its index, or with plan.groupsCsv the index
// of its group. Throws DatasetError naming a file the CSV gives no group.
std::vector<std::uint64_t> fileUnits(const TrainingPlan& plan);

// The card of a model the plan trains on these classes (DatasetError for fewer than two).
ModelCard trainingCard(const TrainingPlan& plan, const std::vector<std::string>& classes,
                       NetworkSpec network);

// What a model card says of a training run: its outcome, time and the plan's options.
nlohmann::json trainingJson(const TrainingPlan& plan, const TrainingOutcome& outcome,
                            double seconds);

// Ends a training: nothing written when it was cancelled with plan.discard set (then
// report.discarded); otherwise the mean ± sd of a --repeat (and of the early verdicts) joins the
// metrics, which go into the first run's card, and that model is written to plan.output.
void finishTraining(const TrainingPlan& plan, TrainingReport& report, nlohmann::json metrics,
                    Model& first);

// The split of a --repeat run (see TrainingPlan::repeats) of rows given by label and capture
// file (an index into the plan's whole list of files). The file split (and plan.groupsCsv's
// groups of files) is decided on each unit's class counts alone, summed over the plan's group:
// every worker, whichever captures it read, gets the same units in each set, and a group the
// same sets as one process. The packet and flow splits deal `units`, one per row (in one
// process only).
DatasetSplit runSplit(const TrainingPlan& plan, const std::vector<std::int32_t>& labels,
                      const std::vector<std::uint32_t>& fileIndex,
                      const std::vector<std::uint64_t>& units, std::size_t classes,
                      std::size_t run);

// Builds the data set (DatasetError), splits, under-samples when asked, trains each run,
// scores it on its test set, and writes the first run's model with its card. Flow models are
// trained on the flows of the captures (core/flow_dataset.h). `onEpoch` gets the run (0-based);
// `onReading` reports the reading of the captures.
TrainingReport trainOnCaptures(
    const TrainingPlan& plan, const std::function<void(std::size_t, const TrainingEpoch&)>& onEpoch,
    const std::atomic<bool>* cancel,
    const std::function<void(const StreamProgress&)>& onReading = {});

// trainOnCaptures for a flow model (plan.arch == NetworkKind::Flow).
TrainingReport trainFlowsOnCaptures(
    const TrainingPlan& plan, const std::function<void(std::size_t, const TrainingEpoch&)>& onEpoch,
    const std::atomic<bool>* cancel, const std::function<void(const StreamProgress&)>& onReading);

}  // namespace deeppacket
