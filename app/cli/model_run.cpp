#include "app/cli/model_run.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "app/cli/group_options.h"
#include "app/cli/progress_meter.h"
#include "core/atomic_file.h"
#include "core/file_shards.h"
#include "core/output_lock.h"
#include "core/output_parts.h"
#include "core/terminal_text.h"
#include "models/compute_device.h"
#include "models/pretrained_models.h"

namespace deeppacket::cli {
namespace {

std::string percent(std::uint64_t part, std::uint64_t whole) {
    char text[16];
    std::snprintf(
        text, sizeof text, "%.1f%%",
        whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    return text;
}

}  // namespace

ModelTrust trustOf(const Arguments& arguments) {
    return arguments.has("trust-model-code") ? ModelTrust::TrustCode : ModelTrust::DataOnly;
}

std::vector<OptionSpec> modelRunOptionSpecs() {
    std::vector<OptionSpec> specs = {
        {"model", 'm', "FILE", "the model: a .dpm file, or TorchScript with a .json sidecar"},
        {"trust-model-code", 0, "",
         "open a TorchScript model: it is a program and its code runs (only for files you "
         "trust)"},
        {"task", 0, "TASK",
         "without --model: the pretrained model of this task, application or "
         "traffic (default traffic)"},
        {"arch", 'a', "ARCH", "without --model: the pretrained sae (default) or cnn"},
        {"flow-model", 0, "FILE",
         "a flow model beside the packet model: flows get its verdict, packets its verdict on "
         "their flow (default without --model: the task's pretrained flow model)"},
        {"no-flow-model", 0, "", "only the packet model, flows by the vote of their packets"},
        {"output", 'o', "DIR", "folder for the result files (created if missing)"},
        {"batch", 'b', "N", "packets per batch (default 256; live: 1024)"},
        {"threads", 't', "N", "CPU threads for the network (default: LibTorch's choice)"},
        {"device", 'd', "DEVICE", "auto, cpu or cuda (default auto: CUDA when available)"},
        {"probabilities", 0, "", "add every class probability to packets.csv and flows.csv"},
        {"json", 0, "", "print the summary as JSON"},
        {"quiet", 'q', "", "no progress on stderr"},
        skipUnreadableOption(),
    };
    for (auto& spec : groupOptionSpecs()) {
        specs.push_back(spec);
    }
    specs.push_back({"part", 0, "R/N",
                     "one of N jobs run on their own (a job array): part R's block of the "
                     "captures, written as part files that 'merge' joins"});
    return specs;
}

ModelRun prepareModelRun(const Arguments& a, const std::string& labelScheme, Console console,
                         bool& inputsOk, RunInputs inputs) {
    const bool live = inputs == RunInputs::Live;
    AnalysisPlan plan;
    plan.modelPath = a.value("model");
    plan.flowModelPath = a.value("flow-model");
    plan.trust = trustOf(a);
    plan.labelScheme = labelScheme;
    if (a.has("flow-model") && a.has("no-flow-model")) {
        throw UsageError("--flow-model and --no-flow-model contradict each other");
    }
    if (!a.has("model")) {
        const std::string task = a.value("task", "traffic");
        const std::string arch = a.value("arch", "sae");
        if ((task != "application" && task != "traffic") || (arch != "sae" && arch != "cnn")) {
            throw UsageError(
                "pretrained models exist for --task application|traffic and "
                "--arch sae|cnn; for others give --model FILE");
        }
        const auto found = findPretrainedModel(task, arch);
        if (!found) {
            std::string where;
            for (const auto& folder : pretrainedModelFolders()) {
                where += "\n  " + folder;
            }
            throw ModelError("no pretrained model " + task + "-" + arch + ".dpm in:" + where +
                             "\ngive one with --model FILE");
        }
        plan.modelPath = *found;
        if (!a.has("flow-model") && !a.has("no-flow-model")) {
            // The flow model shipped with that packet model (same folder, same classes), not
            // one of another folder, which may have been trained on other classes.
            const auto flow =
                std::filesystem::path(plan.modelPath).parent_path() / (task + "-flow.dpm");
            std::error_code ec;
            if (std::filesystem::is_regular_file(flow, ec)) {
                plan.flowModelPath = flow.string();
            }
        }
    }
    if (!live && (!a.has("output") || a.value("output").empty())) {
        throw UsageError("an output folder is needed (-o DIR)");
    }
    if (live && !a.operands().empty()) {
        throw UsageError("live captures from an interface (-i); it takes no capture files");
    }
    if (!live && a.operands().empty()) {
        throw UsageError("at least one capture file or directory is needed");
    }
    const auto device = parseDeviceChoice(a.value("device", "auto"));
    if (!device) {
        throw UsageError("--device must be auto, cpu or cuda");
    }
    plan.device = *device;
    // Live, batches close after 200 ms anyway: a larger one costs no latency on a quiet link and
    // keeps up with more on a busy one (docs/live-capture.md has the figures).
    plan.batchSize = a.positiveInteger("batch", live ? 1024 : 256, 65536);
    plan.probabilities = a.has("probabilities");
    plan.flowUpdates = live;  // live prints each flow's verdict so far as it changes
    const std::size_t threads = a.has("threads") ? a.positiveInteger("threads", 1, 1024) : 0;
    if (!live) {
        plan.files = captureFilesFrom(a, console, inputsOk);
    }
    const WorkerGroupSpec group = groupOf(a);
    // --part R/N: one of N independent jobs (a job array), with no group runtime: the same
    // block of the captures and the same part files as worker R of a group of N.
    std::optional<std::pair<int, int>> part;
    if (a.has("part")) {
        try {
            part = parsePart(a.value("part"));
        } catch (const PartError& e) {
            throw UsageError(e.what());
        }
        if (group.distributed()) {
            throw UsageError(
                "--part is for jobs that run on their own; a group of workers (RANK, "
                "WORLD_SIZE, --rank, --world-size) splits the captures itself");
        }
        if (live || a.value("output").empty()) {
            throw UsageError("--part goes with captures and an output folder (-o)");
        }
    }
    const int rank = part ? part->first : group.rank;
    const int workers = part ? part->second : group.worldSize;
    if (workers > 1) {
        if (live) {
            throw UsageError("live captures on this machine alone: it takes no group of workers");
        }
        if (plan.files.size() < static_cast<std::size_t>(workers)) {
            throw UsageError(std::to_string(workers) + (part ? " parts" : " workers") +
                             " need at least as many captures; there are " +
                             std::to_string(plan.files.size()));
        }
        // Every worker lists the same captures in the same order and takes its own block.
        const auto [first, last] = fileShardOf(plan.files, rank, workers);
        plan.files =
            std::vector<std::string>(plan.files.begin() + static_cast<std::ptrdiff_t>(first),
                                     plan.files.begin() + static_cast<std::ptrdiff_t>(last));
    }

    ModelRun run;
    run.outputDir = a.value("output");
    run.quiet = a.has("quiet");
    run.json = a.has("json");
    if (part) {
        run.part = *part;
    }
    if (!run.outputDir.empty()) {
        const auto name = [&](const std::string& file) {
            return workers > 1 ? partFileName(file, rank, workers) : file;
        };
        plan.packetsCsv = outputPath(run, name("packets.csv"));
        plan.flowsCsv = outputPath(run, name("flows.csv"));
    }
    try {
        run.analysis = std::make_unique<Analysis>(std::move(plan));
    } catch (const AnalysisPlanError& e) {
        throw UsageError(std::string(e.what()) +
                         " (--model is the packet model, --flow-model the flow model)");
    }
    setComputeThreads(static_cast<int>(threads));  // 0 keeps LibTorch's default
    if (run.outputDir.empty()) {
        return run;  // live without -o: verdicts on stdout only
    }
    std::error_code ec;
    std::filesystem::create_directories(run.outputDir, ec);
    if (ec || !std::filesystem::is_directory(run.outputDir)) {
        throw FileWriteError(run.outputDir + ": cannot create the output folder" +
                             (ec ? ": " + ec.message() : std::string()));
    }
    // The workers of a group share the folder, each with files of its own: worker 0 alone
    // holds the lock that keeps other runs out. The jobs of --part may run at any time, side
    // by side: none locks.
    if (group.rank == 0 && !part) {
        run.lock = std::make_unique<OutputLock>(run.outputDir);
    }
    checkWritable(run.plan().packetsCsv);
    if (group.distributed()) {
        try {
            run.group = std::make_unique<WorkerGroup>(group);
        } catch (const WorkerGroupError& e) {
            throw std::runtime_error(e.what());
        }
    }
    return run;
}

AnalysisOutcome runModel(ModelRun& run, const std::atomic<bool>* interrupted) {
    ProgressMeter meter(!run.quiet);
    InferenceControl control;
    control.progress = [&](const StreamProgress& p) { meter.update(p); };
    control.cancel = interrupted;
    AnalysisOutcome outcome = run.analysis->run(control);
    meter.finish();
    return outcome;
}

std::optional<int> unfinishedRun(const AnalysisOutcome& outcome, Console console) {
    if (outcome.summary.cancelled) {
        console.err << "deeppacket-cli: interrupted: nothing written\n";
        return kExitInterrupted;
    }
    if (!reportCaptureProblems(outcome.summary.files, console)) {
        console.err << "deeppacket-cli: nothing written: fix or leave out the unreadable "
                       "captures\n";
        return kExitFailure;
    }
    return std::nullopt;
}

std::string outputPath(const ModelRun& run, const std::string& name) {
    return (std::filesystem::path(run.outputDir) / name).string();
}

std::string classSummaryText(const ModelRun& run, const InferenceSummary& s) {
    const ModelCard& card = run.model().card();
    const RunSummary files = summarize(s.files);
    std::string out = "Model: " + printable(run.plan().modelPath) + " (" + card.network.summary();
    if (!card.task.empty()) {
        out += ", " + printable(taskTitle(card.task));
    }
    char line[200];
    std::snprintf(line, sizeof line,
                  ")\nClassified %llu packets in %llu flows from %zu %s in %.2f s "
                  "(%.0f packets/s, %s)\n",
                  static_cast<unsigned long long>(s.packets),
                  static_cast<unsigned long long>(s.flows), s.files.size(),
                  s.files.size() == 1 ? "capture" : "captures", s.seconds,
                  s.seconds > 0 ? static_cast<double>(s.packets) / s.seconds : 0.0,
                  deviceChoiceName(run.model().device()).c_str());
    out += line;
    if (const Model* flowModel = run.analysis->flowModel()) {
        out += "Flow model: " + printable(run.plan().flowModelPath) + " (" +
               flowModel->card().network.summary() +
               "): the flows' labels, and each packet's flow_label\n";
    }
    out += std::to_string(files.counts.read()) + " packets read, " +
           std::to_string(files.counts.dropped()) + " dropped";
    std::string reasons;
    for (std::size_t i = 1; i < kDispositionCount; ++i) {
        const auto d = static_cast<Disposition>(i);
        if (files.counts[d] > 0) {
            reasons += (reasons.empty() ? "" : ", ") + std::string(dispositionName(d)) + " " +
                       std::to_string(files.counts[d]);
        }
    }
    out += reasons.empty() ? "\n\n" : " (" + reasons + ")\n\n";

    std::vector<std::string> names;
    std::size_t width = 5;
    for (const auto& c : card.classes) {
        names.push_back(printable(c, kQuotedValueLimit));
        width = std::max(width, names.back().size());
    }
    std::snprintf(line, sizeof line, "%-*s %10s %7s %8s %7s\n", static_cast<int>(width), "class",
                  "packets", "share", "flows", "share");
    out += line;
    for (std::size_t c = 0; c < card.classes.size(); ++c) {
        std::snprintf(line, sizeof line, "%-*s %10llu %7s %8llu %7s\n", static_cast<int>(width),
                      names[c].c_str(), static_cast<unsigned long long>(s.packetsPerClass[c]),
                      percent(s.packetsPerClass[c], s.packets).c_str(),
                      static_cast<unsigned long long>(s.flowsPerClass[c]),
                      percent(s.flowsPerClass[c], s.flows).c_str());
        out += line;
    }
    return out;
}

nlohmann::json classSummaryJson(const ModelRun& run, const InferenceSummary& s) {
    const ModelCard& card = run.model().card();
    const RunSummary files = summarize(s.files);
    nlohmann::json dropped = nlohmann::json::object();
    for (std::size_t i = 1; i < kDispositionCount; ++i) {
        const auto d = static_cast<Disposition>(i);
        dropped[std::string(dispositionName(d))] = files.counts[d];
    }
    nlohmann::json classes = nlohmann::json::array();
    for (std::size_t c = 0; c < card.classes.size(); ++c) {
        classes.push_back({{"name", card.classes[c]},
                           {"packets", s.packetsPerClass[c]},
                           {"flows", s.flowsPerClass[c]}});
    }
    return {
        {"model", run.plan().modelPath},
        {"network", card.network.summary()},
        {"task", card.task},
        {"device", deviceChoiceName(run.model().device())},
        {"captures", s.files.size()},
        {"packets_read", files.counts.read()},
        {"packets", s.packets},
        {"flows", s.flows},
        {"flows_closed_early", files.flowsClosedEarly},
        {"seconds", std::round(s.seconds * 1000) / 1000},
        {"dropped", dropped},
        {"classes", classes},
    };
}

}  // namespace deeppacket::cli
