#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/ground_truth.h"
#include "models/data_parallel.h"
#include "models/group_dataset.h"
#include "models/model.h"
#include "models/training_session.h"

namespace deeppacket {
namespace {

// The verdict after this many packets of a flow is scored beside the whole-flow verdict.
constexpr std::uint32_t kEarlyPackets = 10;

// A set's whole flows of each class, over the group.
nlohmann::json flowCountsJson(const FlowDataset& d, const std::vector<std::size_t>& rows,
                              DataParallel& group) {
    std::vector<std::int64_t> counts(d.classes.size(), 0);
    for (std::size_t r : rows) {
        if (d.prefix[r] == 0) {
            ++counts[static_cast<std::size_t>(d.labels[r])];
        }
    }
    group.sum(counts.data(), counts.size());
    nlohmann::json out = nlohmann::json::object();
    for (std::size_t c = 0; c < counts.size(); ++c) {
        out[d.classes[c]] = counts[c];
    }
    return out;
}

// The units of the split, one per row: a flow's snapshot rows always go with the flow, except
// under the packet split, which (like the paper's) lets everything leak.
std::vector<std::uint64_t> flowUnits(const FlowDataset& d, SplitKind kind) {
    std::vector<std::uint64_t> units(d.size());
    for (std::size_t r = 0; r < d.size(); ++r) {
        units[r] = kind == SplitKind::Packet ? r
                   : kind == SplitKind::Flow ? d.flows[r]
                                             : d.fileIndex[r];
    }
    return units;
}

}  // namespace

TrainingReport trainFlowsOnCaptures(
    const TrainingPlan& plan, const std::function<void(std::size_t, const TrainingEpoch&)>& onEpoch,
    const std::atomic<bool>* cancel, const std::function<void(const StreamProgress&)>& onReading) {
    DataParallel group(plan.group);
    if (group.distributed() && plan.split != SplitKind::File) {
        throw DatasetError(
            "a group of workers trains with the file split: the packet and flow splits need "
            "every flow in one process");
    }
    const GroundTruth truth = GroundTruth::parse(plan.labelScheme, plan.task);
    const FlowDataset dataset =
        group.distributed()
            ? buildGroupFlowDataset(plan.files, truth, plan.preprocessing, plan.flowDataset,
                                    *plan.group, onReading, cancel)
            : buildFlowDataset(plan.files, truth, plan.preprocessing, plan.flowDataset, onReading,
                               cancel);
    const ModelCard card = trainingCard(
        plan, dataset.classes, NetworkSpec::flowNetwork(static_cast<int>(dataset.classes.size())));

    TrainingReport report;
    report.classes = dataset.classes;
    const std::vector<std::size_t> all = [&] {
        std::vector<std::size_t> rows(dataset.size());
        for (std::size_t r = 0; r < rows.size(); ++r) {
            rows[r] = r;
        }
        return rows;
    }();
    // How many whole flows rows hold, over the group.
    const auto flowsIn = [&](const std::vector<std::size_t>& rows) {
        auto count = static_cast<std::int64_t>(dataset.wholeFlows(rows).size());
        group.sum(&count, 1);
        return static_cast<std::size_t>(count);
    };
    report.flows = flowsIn(all);
    std::vector<std::uint64_t> units = flowUnits(dataset, plan.split);
    std::optional<Model> first;
    nlohmann::json metrics;
    for (std::size_t run = 0; run < plan.repeats; ++run) {
        const std::uint64_t seed = plan.config.seed + run;
        const DatasetSplit parts =
            runSplit(plan, dataset.labels, dataset.fileIndex, units, dataset.classes.size(), run);
        const std::vector<std::size_t> validation = dataset.wholeFlows(parts.validation);
        const std::pair<const char*, std::size_t> sizes[] = {{"training", flowsIn(parts.train)},
                                                             {"validation", flowsIn(validation)},
                                                             {"test", flowsIn(parts.test)}};
        for (const auto& [name, flows] : sizes) {
            if (flows == 0) {
                throw DatasetError(std::string("the ") + name + " set of the " +
                                   splitKindName(plan.split) +
                                   " split has no flow: " + std::to_string(report.flows) +
                                   " flows in too few units; add captures or choose a finer split");
            }
        }
        const auto began = std::chrono::steady_clock::now();
        Model model = Model::create(card, seed);
        model.setDevice(plan.device);
        TrainingConfig config = plan.config;
        config.seed = seed;
        config.group = plan.group;
        TrainingOutcome outcome = trainFlowModel(
            model, dataset, parts.train, validation, config,
            [&](const TrainingEpoch& e) {
                if (onEpoch) {
                    onEpoch(run, e);
                }
            },
            cancel);
        if (plan.refit && !outcome.interrupted && outcome.bestEpoch > 0) {
            std::vector<std::size_t> both = parts.train;
            both.insert(both.end(), parts.validation.begin(), parts.validation.end());
            TrainingConfig again = config;
            again.epochs = outcome.bestEpoch;
            again.selection = Selection::Last;
            Model refitted = Model::create(card, seed);
            refitted.setDevice(plan.device);
            const TrainingOutcome second = trainFlowModel(
                refitted, dataset, both, validation, again,
                [&](const TrainingEpoch& e) {
                    if (onEpoch) {
                        TrainingEpoch shown = e;
                        shown.phase = "refit";
                        onEpoch(run, shown);
                    }
                },
                cancel);
            if (!second.interrupted) {
                model = std::move(refitted);
                outcome.refitted = true;
            }
        }
        report.runs.push_back(evaluateFlowsOnSplit(model, dataset, parts.test, plan.group));
        report.early.push_back(
            evaluateEarlyFlowsOnSplit(model, dataset, parts.test, kEarlyPackets, plan.group));
        if (!first) {
            report.firstOutcome = outcome;
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
            nlohmann::json training = trainingJson(plan, outcome, seconds);
            training["options"]["max_flows_per_file"] = plan.flowDataset.maxFlowsPerFile;
            training["options"]["refit"] = plan.refit;
            training["refitted"] = outcome.refitted;
            metrics = {{"split", card.provenance.split},
                       {"test", metricsJson(report.runs.front())},
                       {"early",
                        {{"packets", kEarlyPackets}, {"test", metricsJson(report.early.front())}}},
                       {"confusion_csv", confusionCsv(report.runs.front())},
                       {"flow_counts",
                        {{"train", flowCountsJson(dataset, parts.train, group)},
                         {"validation", flowCountsJson(dataset, parts.validation, group)},
                         {"test", flowCountsJson(dataset, parts.test, group)}}},
                       {"training", training}};
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

}  // namespace deeppacket
