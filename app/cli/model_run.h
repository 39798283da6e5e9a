#pragma once

#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "core/output_lock.h"
#include "models/analysis.h"
#include "models/worker_group.h"

namespace deeppacket::cli {

// TrustCode when the command line has --trust-model-code, DataOnly otherwise.
ModelTrust trustOf(const Arguments& arguments);

// Options shared by the commands that run a model over captures (classify, evaluate).
std::vector<OptionSpec> modelRunOptionSpecs();

// An analysis ready to run over captures, as the command line asked: the plan (with
// packets.csv and flows.csv in the output folder) and its loaded models.
struct ModelRun {
    std::unique_ptr<OutputLock> lock;  // on the output folder, for the whole run
    std::unique_ptr<Analysis> analysis;
    std::string outputDir;
    bool quiet = false;
    bool json = false;
    // Under a launcher (RANK, WORLD_SIZE, … or --rank, --world-size, --master): this worker's
    // group. It reads its own block of the captures and writes its part of packets.csv and
    // flows.csv (packets.part-R-of-N.csv); null for a run on its own.
    std::unique_ptr<WorkerGroup> group;
    // --part R/N: this job's part, as (R, N); nothing otherwise.
    std::optional<std::pair<int, int>> part;

    const Model& model() const { return analysis->model(); }
    const AnalysisPlan& plan() const { return analysis->plan(); }
};

// What a run reads: the captures named by the operands (an output folder is needed), or a live
// capture (no operands; the output folder is optional).
enum class RunInputs { Captures, Live };

// Builds the plan from the options (`labelScheme` empty: not scored), creates the output folder,
// locks it and checks that it is writable (FileWriteError), loads the models (ModelError) onto
// the device (DeviceError) and sets the threads. Inputs that name nothing are reported and make
// `inputsOk` false.
ModelRun prepareModelRun(const Arguments& arguments, const std::string& labelScheme,
                         Console console, bool& inputsOk, RunInputs inputs = RunInputs::Captures);

// Runs the analysis with a progress meter; stops early when `interrupted` is set. (live: its
// own loop, live_command.cpp.)
AnalysisOutcome runModel(ModelRun& run, const std::atomic<bool>* interrupted);

// The exit code when a run must not write its results: it was interrupted, or a capture could
// not be read (both reported on console.err). Nothing when the results may be written.
std::optional<int> unfinishedRun(const AnalysisOutcome& outcome, Console console);

// The per-class counts of a run: a table, or a JSON object.
std::string classSummaryText(const ModelRun& run, const InferenceSummary& summary);
nlohmann::json classSummaryJson(const ModelRun& run, const InferenceSummary& summary);

std::string outputPath(const ModelRun& run, const std::string& name);

}  // namespace deeppacket::cli
