#include "core/flow_dataset.h"

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <unordered_map>
#include <unordered_set>

#include "core/dataset.h"
#include "core/flow_key.h"

namespace deeppacket {
namespace {

constexpr std::size_t kSnapshots = std::size(kFlowSnapshots);

struct OpenFlow {
    FlowFeatures features;
    std::string label;
    std::vector<float> snapshots;  // one row per snapshot reached, in kFlowSnapshots order
};

// One flow's finished rows, before the class names are known.
struct FlowRows {
    std::string label;
    std::uint32_t flow = 0;
    std::uint32_t file = 0;
    std::uint32_t packets = 0;
    std::vector<float> whole;
    std::vector<float> snapshots;
};

}  // namespace

std::vector<std::size_t> FlowDataset::wholeFlows(const std::vector<std::size_t>& rows) const {
    std::vector<std::size_t> out;
    for (std::size_t r : rows) {
        if (prefix[r] == 0) {
            out.push_back(r);
        }
    }
    return out;
}

std::vector<std::size_t> FlowDataset::firstPackets(const std::vector<std::size_t>& rows,
                                                   std::uint32_t count) const {
    std::vector<std::size_t> out;
    for (std::size_t r : rows) {
        if (prefix[r] == count || (prefix[r] == 0 && packets[r] <= count)) {
            out.push_back(r);
        }
    }
    return out;
}

FlowDataset buildFlowDataset(const std::vector<std::string>& files, const GroundTruth& truth,
                             const PreprocessOptions& preprocessing,
                             const FlowDatasetOptions& options,
                             const std::function<void(const StreamProgress&)>& progress,
                             const std::atomic<bool>* cancel) {
    std::vector<std::optional<std::string>> fileLabels;
    for (const auto& file : files) {
        fileLabels.push_back(truth.perFlow() ? std::nullopt : truth.labelOfFile(file));
    }
    std::mt19937_64 rng(options.seed);
    std::vector<FlowRows> kept;
    std::unordered_map<std::uint32_t, OpenFlow> open;
    std::uint32_t openFile = 0;
    std::unordered_set<std::uint32_t> unlabelled;  // flows of this file without a label

    // Ends the flows of the file just read: each becomes its rows, at most maxFlowsPerFile.
    auto finishFile = [&] {
        std::vector<std::pair<std::uint32_t, OpenFlow*>> flows;
        for (auto& [id, flow] : open) {
            flows.emplace_back(id, &flow);
        }
        std::sort(flows.begin(), flows.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        if (options.maxFlowsPerFile > 0 && flows.size() > options.maxFlowsPerFile) {
            std::shuffle(flows.begin(), flows.end(), rng);
            flows.resize(options.maxFlowsPerFile);
            std::sort(flows.begin(), flows.end(),
                      [](const auto& a, const auto& b) { return a.first < b.first; });
        }
        for (auto& [id, flow] : flows) {
            FlowRows rows;
            rows.label = flow->label;
            rows.flow = id;
            rows.file = openFile;
            rows.packets = flow->features.packets();
            rows.whole.resize(kFlowFeatureLength);
            flow->features.write(rows.whole.data());
            rows.snapshots = std::move(flow->snapshots);
            kept.push_back(std::move(rows));
        }
        open.clear();
        unlabelled.clear();
    };

    PacketStream stream(files, preprocessing);
    PacketBatch batch(preprocessing.vectorLength, 1024);
    while (stream.next(batch)) {
        if (cancel != nullptr && cancel->load()) {
            throw DatasetError("cancelled");
        }
        for (const PacketRecord& r : batch.records()) {
            if (r.fileIndex != openFile) {
                finishFile();
                openFile = r.fileIndex;
            }
            auto it = open.find(r.flowId);
            if (it == open.end()) {
                if (unlabelled.count(r.flowId) != 0) {
                    continue;
                }
                const std::optional<std::string> label =
                    truth.perFlow()
                        ? truth.labelOfFlow(files[r.fileIndex], FlowKey::of(r.src, r.srcPort, r.dst,
                                                                            r.dstPort, r.protocol))
                        : fileLabels[r.fileIndex];
                if (!label) {
                    unlabelled.insert(r.flowId);
                    continue;
                }
                it = open.emplace(r.flowId, OpenFlow{}).first;
                it->second.label = *label;
            }
            OpenFlow& flow = it->second;
            flow.features.add(r);
            for (std::uint32_t at : kFlowSnapshots) {
                if (flow.features.packets() == at) {
                    flow.snapshots.resize(flow.snapshots.size() + kFlowFeatureLength);
                    flow.features.write(flow.snapshots.data() + flow.snapshots.size() -
                                        kFlowFeatureLength);
                }
            }
        }
        if (progress) {
            progress(stream.progress());
        }
    }
    finishFile();
    for (const auto& report : stream.reports()) {
        if (!report.opened()) {
            throw DatasetError(report.error);
        }
    }
    if (kept.empty() && !options.allowEmpty) {
        throw DatasetError("no flow of the " + std::to_string(files.size()) +
                           " captures got a label from " + truth.description() +
                           ": check the label scheme and the file names");
    }
    FlowDataset dataset;
    dataset.files = files;
    dataset.reports = stream.reports();
    std::map<std::string, std::int32_t> classIndex;
    for (const auto& rows : kept) {
        classIndex.emplace(rows.label, 0);
    }
    for (auto& [name, index] : classIndex) {
        index = static_cast<std::int32_t>(dataset.classes.size());
        dataset.classes.push_back(name);
    }
    auto append = [&dataset](const FlowRows& rows, const float* features, std::int32_t label,
                             std::uint32_t prefix) {
        dataset.features.insert(dataset.features.end(), features, features + kFlowFeatureLength);
        dataset.labels.push_back(label);
        dataset.flows.push_back(rows.flow);
        dataset.fileIndex.push_back(rows.file);
        dataset.prefix.push_back(prefix);
        dataset.packets.push_back(rows.packets);
    };
    for (const auto& rows : kept) {
        const std::int32_t label = classIndex[rows.label];
        append(rows, rows.whole.data(), label, 0);
        // A snapshot equal to the whole flow adds nothing.
        for (std::size_t s = 0;
             s < kSnapshots && (s + 1) * kFlowFeatureLength <= rows.snapshots.size(); ++s) {
            if (kFlowSnapshots[s] < rows.packets) {
                append(rows, rows.snapshots.data() + s * kFlowFeatureLength, label,
                       kFlowSnapshots[s]);
            }
        }
    }
    return dataset;
}

}  // namespace deeppacket
