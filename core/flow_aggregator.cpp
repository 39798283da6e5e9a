#include "core/flow_aggregator.h"

#include <algorithm>
#include <cmath>

namespace deeppacket {

void FlowAggregator::add(const PacketRecord& record, const float* logProbabilities) {
    auto [it, inserted] = flows_.try_emplace(record.flowId);
    Open& open = it->second;
    FlowVerdict& v = open.verdict;
    if (inserted) {
        v.flowId = record.flowId;
        v.fileIndex = record.fileIndex;
        v.src = record.src;
        v.dst = record.dst;
        v.srcPort = record.srcPort;
        v.dstPort = record.dstPort;
        v.protocol = record.protocol;
        v.firstTimestampNs = record.timestampNs;
        open.logSum.assign(classes_, 0.0);
    }
    ++v.packets;
    v.bytes += record.wireLength;
    v.firstTimestampNs = std::min(v.firstTimestampNs, record.timestampNs);
    v.lastTimestampNs = std::max(v.lastTimestampNs, record.timestampNs);
    for (std::size_t c = 0; c < classes_; ++c) {
        open.logSum[c] += static_cast<double>(logProbabilities[c]);
    }
}

std::vector<FlowVerdict> FlowAggregator::takeVerdicts(bool keepProbabilities) {
    std::vector<FlowVerdict> verdicts;
    verdicts.reserve(flows_.size());
    std::vector<double> mean(classes_);
    for (auto& [id, open] : flows_) {
        FlowVerdict& v = open.verdict;
        const double n = static_cast<double>(v.packets);
        for (std::size_t c = 0; c < classes_; ++c) {
            mean[c] = open.logSum[c] / n;
        }
        const auto best =
            static_cast<std::size_t>(std::max_element(mean.begin(), mean.end()) - mean.begin());
        // Softmax of the mean log-probabilities, shifted by the maximum for stability.
        double total = 0;
        for (std::size_t c = 0; c < classes_; ++c) {
            total += std::exp(mean[c] - mean[best]);
        }
        v.classIndex = static_cast<std::uint32_t>(best);
        v.confidence = static_cast<float>(1.0 / total);
        if (keepProbabilities) {
            v.probabilities.resize(classes_);
            for (std::size_t c = 0; c < classes_; ++c) {
                v.probabilities[c] = static_cast<float>(std::exp(mean[c] - mean[best]) / total);
            }
        }
        verdicts.push_back(std::move(v));
    }
    flows_.clear();
    std::sort(verdicts.begin(), verdicts.end(),
              [](const FlowVerdict& a, const FlowVerdict& b) { return a.flowId < b.flowId; });
    return verdicts;
}

}  // namespace deeppacket
