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
#include "core/json_text.h"
#include "models/compute_device.h"
#include "models/model.h"
#include "models/training.h"

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

struct Stat {
    double mean = 0;
    double stddev = 0;
};

Stat stat(const std::vector<double>& values) {
    Stat s;
    for (double v : values) {
        s.mean += v;
    }
    s.mean /= static_cast<double>(values.size());
    for (double v : values) {
        s.stddev += (v - s.mean) * (v - s.mean);
    }
    s.stddev = values.size() > 1 ? std::sqrt(s.stddev / static_cast<double>(values.size() - 1)) : 0;
    return s;
}

std::string countsJson(const Dataset& d, const std::vector<std::size_t>& indices) {
    std::vector<std::uint64_t> counts(d.classes.size(), 0);
    for (std::size_t i : indices) {
        ++counts[static_cast<std::size_t>(d.labels[i])];
    }
    std::string out = "{";
    for (std::size_t c = 0; c < counts.size(); ++c) {
        out += (c ? ", " : "") + jsonString(d.classes[c]) + ": " + std::to_string(counts[c]);
    }
    return out + "}";
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
    const std::string arch = a.value("arch");
    if (arch != "sae" && arch != "cnn") {
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
    const std::string task = a.value("task");
    const std::string scheme = a.value("labels");
    const GroundTruth truth = GroundTruth::parse(scheme, task);
    bool inputsOk = true;
    const auto files = captureFilesFrom(a.operands(), console, inputsOk);
    if (!inputsOk) {
        return kExitFailure;
    }

    DatasetOptions datasetOptions;
    datasetOptions.maxPerClass =
        a.has("max-per-class") ? a.positiveInteger("max-per-class", 1, 1u << 30) : 0;
    datasetOptions.seed = seed;
    datasetOptions.cacheFolder = a.value("cache");
    const std::atomic<bool>* interrupted = interruptFlag();
    Dataset dataset;
    try {
        dataset =
            buildDataset(files, truth, scheme, preprocessing, datasetOptions, {}, interrupted);
    } catch (const DatasetError& e) {
        console.err << "deeppacket-cli: error: " << e.what() << "\n";
        return kExitFailure;
    }
    if (dataset.classes.size() < 2) {
        console.err << "deeppacket-cli: error: the labels give only one class ("
                    << dataset.classes.front() << "); a classifier needs two or more\n";
        return kExitFailure;
    }
    if (!quiet) {
        console.err << "data set: " << dataset.size() << " packets of " << dataset.classes.size()
                    << " classes from " << files.size() << " captures (" << truth.description()
                    << ")\n";
    }

    ModelCard card;
    card.network = arch == "sae"
                       ? NetworkSpec::paperSae(static_cast<int>(dataset.classes.size()),
                                               static_cast<int>(preprocessing.vectorLength))
                       : NetworkSpec::paperCnn(static_cast<int>(dataset.classes.size()),
                                               static_cast<int>(preprocessing.vectorLength));
    card.task = task;
    card.classes = dataset.classes;
    card.preprocessing = preprocessing;
    card.provenance.dataset = scheme + " over " + std::to_string(files.size()) + " captures";
    card.provenance.split = splitKindName(*split);
    card.provenance.seed = seed;

    std::vector<double> accuracy, macroF1, flowAccuracy, flowMacroF1;
    std::string firstRunJson;
    std::optional<Model> kept;
    for (std::size_t run = 0; run < repeats; ++run) {
        const std::uint64_t runSeed = seed + run;
        const DatasetSplit parts = splitDataset(dataset, *split, runSeed);
        const std::vector<std::size_t> train =
            a.has("no-undersample") ? parts.train : undersample(dataset, parts.train, runSeed);
        Model model = Model::create(card, runSeed);
        model.setDevice(*device);
        config.seed = runSeed;
        const TrainingOutcome outcome = trainModel(
            model, dataset, train, parts.validation, config,
            [&](const TrainingEpoch& e) {
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
        const Evaluation evaluation = evaluateOnSplit(model, dataset, parts.test);
        accuracy.push_back(evaluation.packetMetrics.accuracy);
        macroF1.push_back(evaluation.packetMetrics.macro.f1);
        flowAccuracy.push_back(evaluation.flowMetrics.accuracy);
        flowMacroF1.push_back(evaluation.flowMetrics.macro.f1);
        if (!kept) {
            char training[200];
            std::snprintf(training, sizeof training,
                          "{\"epochs\": %d, \"best_epoch\": %d, \"best_validation_loss\": %.6f, "
                          "\"stopped_early\": %s, \"interrupted\": %s, \"samples_per_second\": "
                          "%.1f}",
                          outcome.epochs, outcome.bestEpoch, outcome.bestValidationLoss,
                          outcome.stoppedEarly ? "true" : "false",
                          outcome.interrupted ? "true" : "false", outcome.samplesPerSecond);
            firstRunJson = "\"split\": " + jsonString(splitKindName(*split)) +
                           ", \"test\": " + metricsJson(evaluation) +
                           ", \"confusion_csv\": " + jsonString(confusionCsv(evaluation)) +
                           ", \"class_counts\": {\"train\": " + countsJson(dataset, train) +
                           ", \"validation\": " + countsJson(dataset, parts.validation) +
                           ", \"test\": " + countsJson(dataset, parts.test) +
                           "}, \"training\": " + training;
            console.out << "Test split (" << splitKindName(*split) << " split, run 1):\n"
                        << metricsTable(evaluation);
            kept.emplace(std::move(model));
        }
        if (outcome.interrupted) {
            break;
        }
    }
    std::string repeatJson;
    if (accuracy.size() > 1) {
        console.out << "\nOver " << accuracy.size() << " runs (mean ± std):\n";
        repeatJson = ", \"repeat\": {\"runs\": " + std::to_string(accuracy.size());
        const std::pair<const char*, const std::vector<double>*> series[] = {
            {"packet_accuracy", &accuracy},
            {"packet_macro_f1", &macroF1},
            {"flow_accuracy", &flowAccuracy},
            {"flow_macro_f1", &flowMacroF1}};
        for (const auto& [name, values] : series) {
            const Stat s = stat(*values);
            char line[120];
            std::snprintf(line, sizeof line, "  %-16s %.4f ± %.4f\n", name, s.mean, s.stddev);
            console.out << line;
            std::snprintf(line, sizeof line, ", \"%s\": {\"mean\": %.6f, \"std\": %.6f}", name,
                          s.mean, s.stddev);
            repeatJson += line;
        }
        repeatJson += "}";
    }
    kept->card().metricsJson = "{" + firstRunJson + repeatJson + "}";
    kept->save(a.value("output"));
    if (interrupted->load()) {
        console.err << "deeppacket-cli: interrupted: saved the best model so far to "
                    << a.value("output") << "\n";
        return kExitInterrupted;
    }
    console.out << "\nWrote " << a.value("output") << "\n";
    return kExitOk;
}

}  // namespace deeppacket::cli
