#include "models/training_session.h"

#include <torch/types.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "core/crc32.h"
#include "core/csv_reader.h"
#include "core/ground_truth.h"
#include "core/json_text.h"
#include "models/data_parallel.h"
#include "models/group_dataset.h"
#include "models/model.h"
#include "models/network.h"
#include "models/worker_group.h"

namespace deeppacket {
namespace {

// A set's packets of each class, over the group.
nlohmann::json countsJson(const Dataset& d, const std::vector<std::size_t>& indices,
                          DataParallel& group) {
    std::vector<std::int64_t> counts(d.classes.size(), 0);
    for (std::size_t i : indices) {
        ++counts[static_cast<std::size_t>(d.labels[i])];
    }
    group.sum(counts.data(), counts.size());
    nlohmann::json out = nlohmann::json::object();
    for (std::size_t c = 0; c < counts.size(); ++c) {
        out[d.classes[c]] = counts[c];
    }
    return out;
}

nlohmann::json repeatJson(const std::vector<Evaluation>& runs,
                          const std::vector<Evaluation>& early = {}) {
    nlohmann::json out = {{"runs", runs.size()}};
    for (const RunStatistic& s : runStatistics(runs, early)) {
        out[s.name] = {{"mean", s.mean}, {"std", s.stddev}};
    }
    return out;
}

}  // namespace

namespace {

RunStatistic statistic(const std::string& name, const std::vector<double>& values) {
    RunStatistic s{name, 0, 0};
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

}  // namespace

nlohmann::json trainingJson(const TrainingPlan& plan, const TrainingOutcome& outcome,
                            double seconds) {
    return {{"epochs", outcome.epochs},
            {"best_epoch", outcome.bestEpoch},
            {"best_validation_loss", outcome.bestValidationLoss},
            {"best_validation_macro_f1", outcome.bestValidationMacroF1},
            {"stopped_early", outcome.stoppedEarly},
            {"interrupted", outcome.interrupted},
            {"samples_per_second", outcome.samplesPerSecond},
            {"workers", outcome.workers},
            {"gradient_sum_seconds_per_step", outcome.gradientSumSecondsPerStep},
            {"seconds", seconds},
            {"options",
             {{"max_epochs", plan.config.epochs},
              {"batch_size", plan.config.batchSize},
              {"learning_rate", plan.config.learningRate},
              {"patience", plan.config.patience},
              {"selection", selectionName(plan.config.selection)},
              {"class_weights", plan.config.classWeights},
              {"repeats", plan.repeats}}}};
}

std::vector<std::uint64_t> fileUnits(const TrainingPlan& plan) {
    std::vector<std::uint64_t> units(plan.files.size());
    if (plan.groupsCsv.empty()) {
        for (std::size_t f = 0; f < units.size(); ++f) {
            units[f] = f;
        }
        return units;
    }
    CsvTable table;
    try {
        table = readCsvFile(plan.groupsCsv);
    } catch (const CsvError& e) {
        throw DatasetError(e.what());
    }
    const std::size_t fileColumn = table.column("file");
    const std::size_t groupColumn = table.column("group");
    if (fileColumn == std::string::npos || groupColumn == std::string::npos) {
        throw DatasetError(plan.groupsCsv + ": the columns 'file' and 'group' are needed");
    }
    // A file is matched by its path as given, else by its name (as label files are).
    std::map<std::string, std::string> byPath;
    std::map<std::string, std::string> byName;
    for (const auto& row : table.rows) {
        byPath[row[fileColumn]] = row[groupColumn];
        byName[std::filesystem::path(row[fileColumn]).filename().string()] = row[groupColumn];
    }
    std::map<std::string, std::uint64_t> index;
    for (std::size_t f = 0; f < units.size(); ++f) {
        const std::string* group = nullptr;
        if (const auto it = byPath.find(plan.files[f]); it != byPath.end()) {
            group = &it->second;
        } else if (const auto named =
                       byName.find(std::filesystem::path(plan.files[f]).filename().string());
                   named != byName.end()) {
            group = &named->second;
        }
        if (group == nullptr) {
            throw DatasetError(plan.files[f] + " has no group in " + plan.groupsCsv);
        }
        units[f] = index.emplace(*group, index.size()).first->second;
    }
    return units;
}

ModelCard trainingCard(const TrainingPlan& plan, const std::vector<std::string>& classes,
                       NetworkSpec network) {
    if (classes.size() < 2) {
        throw DatasetError("the labels give only one class (" + classes.front() +
                           "); a classifier needs two or more");
    }
    ModelCard card;
    card.network = std::move(network);
    card.task = plan.task;
    card.classes = classes;
    card.preprocessing = plan.preprocessing;
    card.provenance.dataset =
        plan.labelScheme + " over " + std::to_string(plan.files.size()) + " captures";
    card.provenance.split =
        plan.groupsCsv.empty() ? splitKindName(plan.split) : "groups of " + plan.groupsCsv;
    card.provenance.seed = plan.config.seed;
    return card;
}

namespace {

DatasetSplit fileRunSplit(const TrainingPlan& plan, const std::vector<std::int32_t>& labels,
                          const std::vector<std::uint32_t>& fileIndex, std::size_t classes,
                          std::size_t run) {
    const std::vector<std::uint64_t> unitOf = fileUnits(plan);
    const std::size_t units =
        unitOf.empty()
            ? 0
            : static_cast<std::size_t>(*std::max_element(unitOf.begin(), unitOf.end())) + 1;
    std::vector<std::int64_t> counts(units * classes, 0);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        ++counts[unitOf[fileIndex[i]] * classes + static_cast<std::size_t>(labels[i])];
    }
    DataParallel group(plan.group);
    group.sum(counts.data(), counts.size());
    // A row per unit and class, standing for that many packets, units in order.
    std::vector<std::int32_t> unitLabels;
    std::vector<std::uint64_t> unitIds;
    std::vector<std::uint64_t> weights;
    for (std::size_t u = 0; u < units; ++u) {
        for (std::size_t c = 0; c < classes; ++c) {
            if (counts[u * classes + c] > 0) {
                unitLabels.push_back(static_cast<std::int32_t>(c));
                unitIds.push_back(u);
                weights.push_back(static_cast<std::uint64_t>(counts[u * classes + c]));
            }
        }
    }
    const DatasetSplit byUnit =
        plan.repeats > 1
            ? foldWeightedGroups(unitLabels, unitIds, weights, classes, plan.repeats, run,
                                 plan.config.seed)
            : splitWeightedGroups(unitLabels, unitIds, weights, classes, plan.config.seed);
    std::vector<int> setOf(units, -1);
    const std::vector<std::size_t>* sets[] = {&byUnit.train, &byUnit.validation, &byUnit.test};
    for (int s = 0; s < 3; ++s) {
        for (std::size_t row : *sets[s]) {
            setOf[unitIds[row]] = s;
        }
    }
    DatasetSplit out;
    std::vector<std::size_t>* into[] = {&out.train, &out.validation, &out.test};
    for (std::size_t i = 0; i < labels.size(); ++i) {
        into[setOf[unitOf[fileIndex[i]]]]->push_back(i);
    }
    return out;
}

}  // namespace

DatasetSplit runSplit(const TrainingPlan& plan, const std::vector<std::int32_t>& labels,
                      const std::vector<std::uint32_t>& fileIndex,
                      const std::vector<std::uint64_t>& units, std::size_t classes,
                      std::size_t run) {
    if (plan.split == SplitKind::File) {
        return fileRunSplit(plan, labels, fileIndex, classes, run);
    }
    const std::uint64_t seed = plan.config.seed;
    return plan.repeats > 1 ? foldGroups(labels, units, classes, plan.repeats, run, seed)
                            : splitGroups(labels, units, classes, seed);
}

std::vector<RunStatistic> runStatistics(const std::vector<Evaluation>& runs,
                                        const std::vector<Evaluation>& early) {
    const std::pair<const char*, double (*)(const Evaluation&)> series[] = {
        {"packet_accuracy", [](const Evaluation& e) { return e.packetMetrics.accuracy; }},
        {"packet_macro_f1", [](const Evaluation& e) { return e.packetMetrics.macro.f1; }},
        {"flow_accuracy", [](const Evaluation& e) { return e.flowMetrics.accuracy; }},
        {"flow_macro_f1", [](const Evaluation& e) { return e.flowMetrics.macro.f1; }}};
    std::vector<RunStatistic> out;
    for (const auto& [name, value] : series) {
        std::vector<double> values;
        for (const auto& e : runs) {
            values.push_back(value(e));
        }
        out.push_back(statistic(name, values));
    }
    if (!early.empty()) {
        std::vector<double> values;
        for (const auto& e : early) {
            values.push_back(e.flowMetrics.macro.f1);
        }
        out.push_back(statistic("early_flow_macro_f1", values));
    }
    return out;
}

namespace {

// Every set needs packets (the group's): training on nothing, stopping on nothing or scoring on
// nothing would give a model card whose numbers mean nothing.
void checkSplit(std::size_t packets, const DatasetSplit& parts, SplitKind kind,
                DataParallel& group) {
    std::int64_t sizes[] = {static_cast<std::int64_t>(parts.train.size()),
                            static_cast<std::int64_t>(parts.validation.size()),
                            static_cast<std::int64_t>(parts.test.size())};
    group.sum(sizes, 3);
    const char* const names[] = {"training", "validation", "test"};
    for (int s = 0; s < 3; ++s) {
        if (sizes[s] == 0) {
            const std::string unit = kind == SplitKind::File ? "capture files" : "flows";
            throw DatasetError(std::string("the ") + names[s] + " set of the " +
                               splitKindName(kind) + " split is empty: " + std::to_string(packets) +
                               " packets in too few " + unit +
                               " for 60/20/20; add captures or choose a finer split");
        }
    }
}

}  // namespace

TrainingReport trainOnCaptures(
    const TrainingPlan& plan, const std::function<void(std::size_t, const TrainingEpoch&)>& onEpoch,
    const std::atomic<bool>* cancel, const std::function<void(const StreamProgress&)>& onReading) {
    if (plan.arch == NetworkKind::Flow) {
        return trainFlowsOnCaptures(plan, onEpoch, cancel, onReading);
    }
    DataParallel group(plan.group);
    if (group.distributed() && (plan.split != SplitKind::File || plan.undersample)) {
        throw DatasetError(
            "a group of workers trains with the file split and class weights: the packet and "
            "flow splits and --undersample need every packet in one process");
    }
    const GroundTruth truth = GroundTruth::parse(plan.labelScheme, plan.task);
    const Dataset dataset =
        group.distributed()
            ? buildGroupDataset(plan.files, truth, plan.labelScheme, plan.preprocessing,
                                plan.dataset, *plan.group, onReading, cancel)
            : buildDataset(plan.files, truth, plan.labelScheme, plan.preprocessing, plan.dataset,
                           onReading, cancel);
    const int classes = static_cast<int>(dataset.classes.size());
    const int length = static_cast<int>(plan.preprocessing.vectorLength);
    NetworkSpec network = plan.arch == NetworkKind::Cnn ? NetworkSpec::paperCnn(classes, length)
                                                        : NetworkSpec::paperSae(classes, length);
    if (plan.arch == NetworkKind::Cnn && plan.paperLiteralCnn) {
        for (auto& conv : network.conv) {
            conv.stride = 1;
        }
    }
    const ModelCard card = trainingCard(plan, dataset.classes, std::move(network));

    TrainingReport report;
    report.classes = dataset.classes;
    std::int64_t packets = static_cast<std::int64_t>(dataset.size());
    group.sum(&packets, 1);
    report.packets = static_cast<std::size_t>(packets);
    std::vector<std::uint64_t> units = splitUnits(dataset, plan.split);
    std::optional<Model> first;
    nlohmann::json metrics;  // what the card carries: the first run's scores and more
    for (std::size_t run = 0; run < plan.repeats; ++run) {
        const std::uint64_t seed = plan.config.seed + run;
        const DatasetSplit parts =
            runSplit(plan, dataset.labels, dataset.fileIndex, units, dataset.classes.size(), run);
        checkSplit(report.packets, parts, plan.split, group);
        const std::vector<std::size_t> train =
            plan.undersample ? undersample(dataset, parts.train, seed) : parts.train;
        const auto began = std::chrono::steady_clock::now();
        Model model = Model::create(card, seed);
        model.setDevice(plan.device);
        TrainingConfig config = plan.config;
        config.seed = seed;
        config.group = plan.group;
        const TrainingOutcome outcome = trainModel(
            model, dataset, train, parts.validation, config,
            [&](const TrainingEpoch& e) {
                if (onEpoch) {
                    onEpoch(run, e);
                }
            },
            cancel);
        report.runs.push_back(evaluateOnSplit(model, dataset, parts.test, plan.group));
        if (!first) {
            report.firstOutcome = outcome;
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
            nlohmann::json training = trainingJson(plan, outcome, seconds);
            training["options"]["pretrain_epochs"] = plan.config.pretrainEpochs;
            training["options"]["max_per_class"] = plan.dataset.maxPerClass;
            training["options"]["max_per_session"] = plan.dataset.maxPerFile;
            training["options"]["undersample"] = plan.undersample;
            const Evaluation& e = report.runs.front();
            metrics = {{"split", card.provenance.split},
                       {"test", metricsJson(e)},
                       {"confusion_csv", confusionCsv(e)},
                       {"class_counts",
                        {{"train", countsJson(dataset, train, group)},
                         {"validation", countsJson(dataset, parts.validation, group)},
                         {"test", countsJson(dataset, parts.test, group)}}},
                       {"training", training}};
            report.testPackets = PacketSelection(dataset, parts.test);
            first.emplace(std::move(model));
        }
        if (outcome.interrupted) {
            report.interrupted = true;
            break;
        }
    }
    finishTraining(plan, report, std::move(metrics), *first);
    return report;
}

void finishTraining(const TrainingPlan& plan, TrainingReport& report, nlohmann::json metrics,
                    Model& first) {
    if (report.interrupted && plan.discard != nullptr && plan.discard->load()) {
        report.discarded = true;
        return;
    }
    if (report.runs.size() > 1) {
        metrics["repeat"] = repeatJson(report.runs, report.early);
    }
    report.metricsJson = jsonText(metrics);
    first.card().metricsJson = report.metricsJson;
    for (const auto& [name, tensor] : first.network().namedParameters()) {
        const torch::Tensor values = tensor.detach().to(torch::kCPU).contiguous();
        report.weightsCrc =
            crc32(values.data_ptr(), static_cast<std::size_t>(values.nbytes()), report.weightsCrc);
    }
    // The workers hold the same model: worker 0 writes it.
    if (plan.group == nullptr || plan.group->rank() == 0) {
        first.save(plan.output);
    }
}

}  // namespace deeppacket
