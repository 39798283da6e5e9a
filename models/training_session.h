#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/dataset_split.h"
#include "core/evaluation_report.h"
#include "core/packet_selection.h"
#include "models/compute_device.h"
#include "models/network_spec.h"
#include "models/training.h"

namespace deeppacket {

// Everything one training from captures needs: shared by `deeppacket-cli train` and the app.
struct TrainingPlan {
    std::vector<std::string> files;
    std::string labelScheme;
    std::string task;
    NetworkKind arch = NetworkKind::Sae;
    SplitKind split = SplitKind::Flow;
    TrainingConfig config;
    PreprocessOptions preprocessing;
    DatasetOptions dataset;
    bool undersample = true;
    std::size_t repeats = 1;  // runs on splits seeded seed, seed + 1, ...
    DeviceChoice device = DeviceChoice::Auto;
    std::string output;  // the model file written (the first run's model)
    // Set together with the cancel flag when the user cancels instead of stopping: then
    // nothing is written (stopping keeps the best model so far).
    const std::atomic<bool>* discard = nullptr;
};

struct TrainingReport {
    std::vector<std::string> classes;
    std::size_t packets = 0;       // in the data set
    PacketSelection testPackets;   // the first run's test split
    std::vector<Evaluation> runs;  // test scores of each run
    TrainingOutcome firstOutcome;
    bool interrupted = false;
    bool discarded = false;   // cancelled with `discard` set: no model written
    std::string metricsJson;  // what the model card carries
};

// Mean and sample standard deviation of a score over the runs of a --repeat.
struct RunStatistic {
    std::string name;  // packet_accuracy, packet_macro_f1, flow_accuracy, flow_macro_f1
    double mean = 0;
    double stddev = 0;
};
std::vector<RunStatistic> runStatistics(const std::vector<Evaluation>& runs);

// Builds the data set (DatasetError), splits, under-samples, trains each run, scores it on its
// test set, and writes the first run's model with its card. `onEpoch` gets the run (0-based);
// `onReading` reports the reading of the captures.
TrainingReport trainOnCaptures(
    const TrainingPlan& plan, const std::function<void(std::size_t, const TrainingEpoch&)>& onEpoch,
    const std::atomic<bool>* cancel,
    const std::function<void(const StreamProgress&)>& onReading = {});

}  // namespace deeppacket
