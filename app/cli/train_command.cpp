#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <ostream>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/group_options.h"
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
#include "models/worker_group.h"

namespace deeppacket::cli {
namespace {

const char* const kUsage =
    "Usage: deeppacket-cli train --arch sae|cnn|flow --task NAME --labels SCHEME [OPTIONS]\n"
    "                            CAPTURE... -o MODEL\n"
    "\n"
    "Trains one of the paper's packet networks (sae, cnn) or a flow model (flow: classifies a\n"
    "flow from the sizes, directions, gaps and flags of its first packets and its statistics)\n"
    "on labelled captures. 60/20/20 train/validation/test split, stratified by class and by\n"
    "capture file (a session) unless --split says otherwise; --repeat K runs K-fold cross-\n"
    "validation instead and reports mean ± sd. Class-weighted cross-entropy (or the paper's\n"
    "under-sampling with --undersample); SAE layer-wise pre-training then fine-tuning; the\n"
    "epoch kept and early stopping chosen on the validation macro-F1 (--select loss for the\n"
    "validation loss). Prints each epoch and the test scores (per packet and per flow; for a\n"
    "flow model also after the first 10 packets of each flow), and writes the model with its\n"
    "card (metrics, class counts, split, options). Ctrl-C stops and saves the best model so far.\n"
    "\n"
    "Under a launcher (torchrun, srun; or --rank, --world-size, --master) the workers train one\n"
    "model together: each reads its block of the captures, the split and the caps are\n"
    "decided over all of them, each step's gradients are summed over the group, and worker 0\n"
    "writes the model (see docs/distributed.md).\n"
    "\n"
    "Label schemes: folder, iscx (for --task application|traffic), iscx-application,\n"
    "iscx-traffic, files:CSV, flows:CSV (see 'deeppacket-cli evaluate --help').\n"
    "\n"
    "Options:\n";

std::vector<OptionSpec> optionSpecs() {
    std::vector<OptionSpec> specs = {
        {"help", 'h', "", "show this help"},
        {"arch", 'a', "ARCH", "sae, cnn or flow"},
        {"task", 0, "NAME", "application, traffic, or a name of your own"},
        {"labels", 'l', "SCHEME", "where the true labels come from"},
        {"split", 0, "KIND", "file (default: by session), flow or packet (the paper's, leaky)"},
        {"split-groups", 0, "CSV",
         "file,group: files of a group stay in one set (e.g. recipes: cross-recipe scores)"},
        {"output", 'o', "MODEL", "the model file to write (.dpm)"},
        {"epochs", 0, "N", "most supervised epochs (default 50; flow models 100)"},
        {"pretrain-epochs", 0, "N", "SAE pre-training epochs per layer (default 10)"},
        {"batch", 'b', "N", "batch size (default 128; flow models 32)"},
        {"lr", 0, "RATE", "Adam learning rate (default 0.001)"},
        {"patience", 0, "N", "epochs without improvement before stopping (default 8; flow 20)"},
        {"select", 0, "WHAT", "macro-f1 (default) or loss: what picks the epoch kept"},
        {"no-class-weights", 0, "", "plain cross-entropy (rare classes count less)"},
        {"no-refit", 0, "",
         "flow models: keep the model of the chosen epoch instead of training again on "
         "training and validation sessions for that many epochs"},
        {"seed", 0, "N", "seed of the split, sampling and initial weights (default 1)"},
        {"repeat", 0, "K", "K-fold cross-validation by split unit, mean and sd (default 1)"},
        {"max-per-class", 0, "N", "keep at most N packets of each class (default: all)"},
        {"max-per-session", 0, "N", "and at most N of a class from one capture (default: all)"},
        {"max-flows-per-file", 0, "N", "flow models: at most N flows of a capture (default 2000)"},
        {"undersample", 0, "", "under-sample the training set to the rarest class (paper)"},
        {"no-undersample", 0, "", "keep every training packet (the default)"},
        {"paper-cnn", 0, "", "the CNN with stride 1, as the paper reads (35.8 M weights)"},
        {"cache", 0, "DIR", "cache the parsed data set in DIR for the next run"},
        {"threads", 't', "N", "CPU threads (default: LibTorch's choice)"},
        {"device", 'd', "DEVICE", "auto, cpu or cuda (default auto)"},
        {"quiet", 'q', "", "no progress on stderr"},
        skipUnreadableOption(),
    };
    for (auto& spec : preprocessOptionSpecs()) {
        specs.push_back(spec);
    }
    for (auto& spec : groupOptionSpecs()) {
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

void printRepeatStats(std::ostream& out, const std::vector<Evaluation>& runs,
                      const std::vector<Evaluation>& early) {
    out << "\nOver " << runs.size() << " folds (mean ± sd):\n";
    for (const RunStatistic& s : runStatistics(runs, early)) {
        char line[120];
        std::snprintf(line, sizeof line, "  %-20s %.4f ± %.4f\n", s.name.c_str(), s.mean, s.stddev);
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
        throw UsageError("--arch must be sae, cnn or flow");
    }
    const auto split = parseSplitKind(a.value("split", "file"));
    if (!split) {
        throw UsageError("--split must be packet, flow or file");
    }
    const auto device = parseDeviceChoice(a.value("device", "auto"));
    if (!device) {
        throw UsageError("--device must be auto, cpu or cuda");
    }
    TrainingConfig config;
    // A flow data set has a row per flow, not per packet: far fewer rows, so smaller batches
    // and more epochs give the network as many steps.
    const bool flows = *arch == NetworkKind::Flow;
    config.epochs = static_cast<int>(a.positiveInteger("epochs", flows ? 100 : 50, 100000));
    config.pretrainEpochs = static_cast<int>(a.positiveInteger("pretrain-epochs", 10, 100000));
    config.batchSize = a.positiveInteger("batch", flows ? 32 : 128, 65536);
    config.learningRate = number(a, "lr", 1e-3);
    config.patience = static_cast<int>(a.positiveInteger("patience", flows ? 20 : 8, 100000));
    const auto selection = parseSelection(a.value("select", "macro-f1"));
    if (!selection) {
        throw UsageError("--select must be macro-f1 or loss");
    }
    config.selection = *selection;
    config.classWeights = !a.has("no-class-weights");
    if (a.has("undersample") && a.has("no-undersample")) {
        throw UsageError("--undersample and --no-undersample contradict each other");
    }
    if (a.has("paper-cnn") && *arch != NetworkKind::Cnn) {
        throw UsageError("--paper-cnn goes with --arch cnn");
    }
    const std::uint64_t seed = a.positiveInteger("seed", 1, 1u << 30);
    const std::size_t repeats = a.positiveInteger("repeat", 1, 100);
    if (repeats == 2) {
        throw UsageError("--repeat needs 3 or more folds (2 would test on half the data)");
    }
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
    plan.dataset.maxPerFile =
        a.has("max-per-session") ? a.positiveInteger("max-per-session", 1, 1u << 30) : 0;
    plan.dataset.seed = seed;
    plan.dataset.cacheFolder = a.value("cache");
    plan.undersample = a.has("undersample");
    plan.paperLiteralCnn = a.has("paper-cnn");
    plan.refit = !a.has("no-refit");
    plan.groupsCsv = a.value("split-groups");
    if (a.has("split-groups") && a.has("split") && *split != SplitKind::File) {
        throw UsageError("--split-groups groups capture files: it goes with the file split");
    }
    plan.flowDataset.seed = seed;
    if (a.has("max-flows-per-file")) {
        plan.flowDataset.maxFlowsPerFile = a.positiveInteger("max-flows-per-file", 1, 1u << 30);
    }
    plan.repeats = repeats;
    plan.device = *device;
    plan.output = a.value("output");
    const WorkerGroupSpec groupSpec = groupOf(a);
    if (groupSpec.distributed()) {
        if (*split != SplitKind::File || plan.undersample) {
            throw UsageError(
                "a group of workers trains with the file split and class weights: --split "
                "packet|flow and --undersample need every packet in one process");
        }
        if (plan.files.size() < static_cast<std::size_t>(groupSpec.worldSize)) {
            throw UsageError(std::to_string(groupSpec.worldSize) +
                             " workers need at least as many captures; there are " +
                             std::to_string(plan.files.size()));
        }
    }
    // Before any work: an unwritable -o found after the last epoch loses the training. Worker
    // 0 alone writes the model.
    std::optional<OutputLock> lock;
    if (groupSpec.rank == 0) {
        checkWritable(plan.output);
        lock.emplace(plan.output);
    }
    std::unique_ptr<WorkerGroup> group;
    if (groupSpec.distributed()) {
        group = std::make_unique<WorkerGroup>(groupSpec);
        plan.group = group.get();
    }

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
                if (e.phase == "refit") {
                    std::snprintf(line, sizeof line,
                                  "[run %zu] refit epoch %3d  loss %.4f  %.0f s\n", run + 1,
                                  e.epoch, e.trainLoss, e.seconds);
                } else if (e.phase == "train") {
                    std::snprintf(line, sizeof line,
                                  "[run %zu] epoch %3d  loss %.4f  validation loss %.4f  "
                                  "accuracy %.4f  macro-F1 %.4f  %.0f s\n",
                                  run + 1, e.epoch, e.trainLoss, e.validationLoss,
                                  e.validationAccuracy, e.validationMacroF1, e.seconds);
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
    char crc[16];
    std::snprintf(crc, sizeof crc, "%08x", report.weightsCrc);
    if (group && group->rank() != 0) {
        // Worker 0 speaks for the group; the others say only that they hold the same model.
        console.err << "Worker " << group->rank() << " of " << group->worldSize()
                    << ": trained with the group (weights crc32 " << crc << "); worker 0 wrote "
                    << printable(plan.output) << "\n";
        return report.interrupted ? kExitInterrupted : kExitOk;
    }
    if (plan.arch == NetworkKind::Flow) {
        console.out << "Data set: " << report.flows << " flows of " << report.classes.size()
                    << " classes\nTest split (" << splitKindName(plan.split)
                    << " split, run 1), whole flows:\n"
                    << metricsTable(report.runs.front())
                    << "\nAfter the first 10 packets of each flow:\n"
                    << metricsTable(report.early.front());
    } else {
        console.out << "Data set: " << report.packets << " packets of " << report.classes.size()
                    << " classes\nTest split (" << splitKindName(plan.split) << " split, run 1):\n"
                    << metricsTable(report.runs.front());
    }
    console.out << "Best epoch " << report.firstOutcome.bestEpoch << " of "
                << report.firstOutcome.epochs << " (chosen on the validation "
                << selectionName(plan.config.selection) << ")\n";
    if (group) {
        char line[200];
        std::snprintf(line, sizeof line,
                      "Trained by %d workers: %.0f samples/s, %.1f ms a step adding up gradients; "
                      "weights crc32 %s\n",
                      group->worldSize(), report.firstOutcome.samplesPerSecond,
                      1000 * report.firstOutcome.gradientSumSecondsPerStep, crc);
        console.out << line;
    }
    if (report.runs.size() > 1) {
        printRepeatStats(console.out, report.runs, report.early);
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
