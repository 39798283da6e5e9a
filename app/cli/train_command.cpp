#include <cmath>
#include <cstdio>
#include <ostream>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/model_run.h"
#include "app/cli/preprocess_flags.h"
#include "core/dataset.h"
#include "core/dataset_split.h"
#include "core/evaluation_report.h"
#include "core/ground_truth.h"
#include "core/output_lock.h"
#include "core/terminal_text.h"
#include "models/compute_device.h"
#include "models/model.h"
#include "models/training.h"
#include "models/training_session.h"

namespace deeppacket::cli {
namespace {

const char* const kUsage =
    "Usage: deeppacket-cli train --arch sae|cnn --task NAME --labels SCHEME [OPTIONS] CAPTURE...\n"
    "                            -o MODEL\n"
    "\n"
    "Trains one of the paper's networks on labelled captures: 60/20/20 train/validation/test\n"
    "split (stratified by class; by flow unless --split says otherwise), the training set\n"
    "under-sampled to balanced classes, SAE layer-wise pre-training then fine-tuning, early\n"
    "stopping on the validation loss. Prints each epoch and the test scores (per packet and\n"
    "per flow), and writes the model with its card (metrics, class counts, split, options).\n"
    "Ctrl-C stops and saves the best model so far.\n"
    "\n"
    "Label schemes: folder, iscx (for --task application|traffic), iscx-application,\n"
    "iscx-traffic, files:CSV, flows:CSV (see 'deeppacket-cli evaluate --help').\n"
    "\n"
    "Options:\n";

std::vector<OptionSpec> optionSpecs() {
    std::vector<OptionSpec> specs = {
        {"help", 'h', "", "show this help"},
        {"arch", 'a', "ARCH", "sae or cnn"},
        {"task", 0, "NAME", "application, traffic, or a name of your own"},
        {"labels", 'l', "SCHEME", "where the true labels come from"},
        {"split", 0, "KIND", "packet, flow (default) or file"},
        {"output", 'o', "MODEL", "the model file to write (.dpm)"},
        {"epochs", 0, "N", "most supervised epochs (default 50)"},
        {"pretrain-epochs", 0, "N", "SAE pre-training epochs per layer (default 10)"},
        {"batch", 'b', "N", "batch size (default 128)"},
        {"lr", 0, "RATE", "Adam learning rate (default 0.001)"},
        {"patience", 0, "N", "epochs without improvement before stopping (default 5)"},
        {"seed", 0, "N", "seed of the split, sampling and initial weights (default 1)"},
        {"repeat", 0, "N", "train N times on N splits, report mean and std (default 1)"},
        {"max-per-class", 0, "N", "keep at most N packets of each class (default: all)"},
        {"no-undersample", 0, "", "keep the training set's natural class balance"},
        {"cache", 0, "DIR", "cache the parsed data set in DIR for the next run"},
        {"threads", 't', "N", "CPU threads (default: LibTorch's choice)"},
        {"device", 'd', "DEVICE", "auto, cpu or cuda (default auto)"},
        {"quiet", 'q', "", "no progress on stderr"},
        skipUnreadableOption(),
    };
    for (auto& spec : preprocessOptionSpecs()) {
        specs.push_back(spec);
    }
    return specs;
}

double number(const Arguments& a, const std::string& name, double fallback) {
    if (!a.has(name)) {
        return fallback;
    }
    try {
        std::size_t used = 0;
        const double value = std::stod(a.value(name), &used);
        if (used == a.value(name).size() && value > 0) {
            return value;
        }
    } catch (const std::exception&) {
    }
    throw UsageError("--" + name + " must be a positive number");
}

void printRepeatStats(std::ostream& out, const std::vector<Evaluation>& runs) {
    out << "\nOver " << runs.size() << " runs (mean ± std):\n";
    for (const RunStatistic& s : runStatistics(runs)) {
        char line[120];
        std::snprintf(line, sizeof line, "  %-16s %.4f ± %.4f\n", s.name.c_str(), s.mean, s.stddev);
        out << line;
    }
}

}  // namespace

int runTrain(const std::vector<std::string>& args, Console console) {
    const auto specs = optionSpecs();
    const Arguments a = Arguments::parse(args, specs);
    if (a.has("help")) {
        console.out << kUsage << formatOptions(specs);
        return kExitOk;
    }
    for (const char* required : {"arch", "task", "labels", "output"}) {
        if (!a.has(required) || a.value(required).empty()) {
            throw UsageError(std::string("--") + required + " is needed");
        }
    }
    if (a.operands().empty()) {
        throw UsageError("at least one capture file or directory is needed");
    }
    const auto arch = parseNetworkKind(a.value("arch"));
    if (!arch || *arch == NetworkKind::TorchScript) {
        throw UsageError("--arch must be sae or cnn");
    }
    const auto split = parseSplitKind(a.value("split", "flow"));
    if (!split) {
        throw UsageError("--split must be packet, flow or file");
    }
    const auto device = parseDeviceChoice(a.value("device", "auto"));
    if (!device) {
        throw UsageError("--device must be auto, cpu or cuda");
    }
    TrainingConfig config;
    config.epochs = static_cast<int>(a.positiveInteger("epochs", 50, 100000));
    config.pretrainEpochs = static_cast<int>(a.positiveInteger("pretrain-epochs", 10, 100000));
    config.batchSize = a.positiveInteger("batch", 128, 65536);
    config.learningRate = number(a, "lr", 1e-3);
    config.patience = static_cast<int>(a.positiveInteger("patience", 5, 100000));
    const std::uint64_t seed = a.positiveInteger("seed", 1, 1u << 30);
    const std::size_t repeats = a.positiveInteger("repeat", 1, 100);
    const PreprocessOptions preprocessing = preprocessOptionsFrom(a);
    const bool quiet = a.has("quiet");
    if (a.has("threads")) {
        setComputeThreads(static_cast<int>(a.positiveInteger("threads", 1, 1024)));
    }
    TrainingPlan plan;
    plan.task = a.value("task");
    plan.labelScheme = a.value("labels");
    GroundTruth::parse(plan.labelScheme, plan.task);  // a bad scheme fails before any reading
    bool inputsOk = true;
    plan.files = captureFilesFrom(a, console, inputsOk);
    if (!inputsOk) {
        return kExitFailure;
    }
    plan.arch = *arch;
    plan.split = *split;
    config.seed = seed;
    plan.config = config;
    plan.preprocessing = preprocessing;
    plan.dataset.maxPerClass =
        a.has("max-per-class") ? a.positiveInteger("max-per-class", 1, 1u << 30) : 0;
    plan.dataset.seed = seed;
    plan.dataset.cacheFolder = a.value("cache");
    plan.undersample = !a.has("no-undersample");
    plan.repeats = repeats;
    plan.device = *device;
    plan.output = a.value("output");
    // Before any work: an unwritable -o found after the last epoch loses the training.
    checkWritable(plan.output);
    const OutputLock lock(plan.output);

    const std::atomic<bool>* interrupted = interruptFlag();
    TrainingReport report;
    try {
        report = trainOnCaptures(
            plan,
            [&](std::size_t run, const TrainingEpoch& e) {
                if (quiet) {
                    return;
                }
                char line[200];
                if (e.phase == "train") {
                    std::snprintf(line, sizeof line,
                                  "[run %zu] epoch %3d  loss %.4f  validation loss %.4f  "
                                  "accuracy %.4f  %.0f s\n",
                                  run + 1, e.epoch, e.trainLoss, e.validationLoss,
                                  e.validationAccuracy, e.seconds);
                } else {
                    std::snprintf(line, sizeof line, "[run %zu] %s epoch %3d  MSE %.6f  %.0f s\n",
                                  run + 1, e.phase.c_str(), e.epoch, e.trainLoss, e.seconds);
                }
                console.err << line;
            },
            interrupted);
    } catch (const DatasetError& e) {
        console.err << "deeppacket-cli: error: " << printable(e.what()) << "\n";
        return kExitFailure;
    }
    console.out << "Data set: " << report.packets << " packets of " << report.classes.size()
                << " classes\nTest split (" << splitKindName(plan.split) << " split, run 1):\n"
                << metricsTable(report.runs.front());
    if (report.runs.size() > 1) {
        printRepeatStats(console.out, report.runs);
    }
    if (report.interrupted) {
        console.err << "deeppacket-cli: interrupted: saved the best model so far to "
                    << printable(plan.output) << "\n";
        return kExitInterrupted;
    }
    console.out << "\nWrote " << printable(plan.output) << "\n";
    return kExitOk;
}

}  // namespace deeppacket::cli
