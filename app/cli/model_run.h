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
#include "core/inference_engine.h"
#include "core/output_lock.h"
#include "models/model.h"

namespace deeppacket::cli {

// TrustCode when the command line has --trust-model-code, DataOnly otherwise.
ModelTrust trustOf(const Arguments& arguments);

// Options shared by the commands that run a model over captures (classify, evaluate).
std::vector<OptionSpec> modelRunOptionSpecs();

// A model ready to run over captures, as the command line asked.
struct ModelRun {
    Model model;
    std::string modelPath;
    // A flow model beside the packet model (--flow-model, or the task's pretrained one).
    std::optional<Model> flowModel;
    std::string flowModelPath;
    std::vector<std::string> files;
    InferenceOptions options;
    std::string outputDir;
    bool quiet = false;
    bool json = false;
    std::unique_ptr<OutputLock> lock;  // on the output folder, for the whole run
};

// Loads the model and the flow model (ModelError), moves it to the device (DeviceError), sets the
// threads, creates the output folder, locks it and checks that it is writable (FileWriteError).
// Inputs that name nothing are reported and make `inputsOk` false.
ModelRun prepareModelRun(const Arguments& arguments, Console console, bool& inputsOk);

// Runs the model over the captures with a progress meter; stops early when `interrupted` is set.
InferenceSummary runModel(ModelRun& run, PredictionSink& sink,
                          const std::atomic<bool>* interrupted);

// The exit code when a run must not write its results: it was interrupted, or a capture could
// not be read (both reported on console.err). Nothing when the results may be written.
std::optional<int> unfinishedRun(const InferenceSummary& summary, Console console);

// The per-class counts of a run: a table, or a JSON object.
std::string classSummaryText(const ModelRun& run, const InferenceSummary& summary);
nlohmann::json classSummaryJson(const ModelRun& run, const InferenceSummary& summary);

std::string outputPath(const ModelRun& run, const std::string& name);

}  // namespace deeppacket::cli
