#include "core/flow_aggregator.h"

#include <algorithm>
#include <cmath>

namespace deeppacket {

void FlowAggregator::add(const PacketRecord& record, const float* logProbabilities) {
    if (open_ == 0) {
        firstId_ = record.flowId;
    } else if (record.flowId < firstId_) {
        // Only when some packets are skipped (a selection): a flow first seen after a later one.
        const std::size_t extra = firstId_ - record.flowId;
        verdicts_.insert(verdicts_.begin(), extra, FlowVerdict{});
        logSums_.insert(logSums_.begin(), extra * classes_, 0.0);
        firstId_ = record.flowId;
    }
    const std::size_t slot = record.flowId - firstId_;
    if (slot >= verdicts_.size()) {
        verdicts_.resize(slot + 1);
        logSums_.resize((slot + 1) * classes_, 0.0);
    }
    FlowVerdict& v = verdicts_[slot];
    if (v.packets == 0) {
        ++open_;
        v.flowId = record.flowId;
        v.fileIndex = record.fileIndex;
        v.src = record.src;
        v.dst = record.dst;
        v.srcPort = record.srcPort;
        v.dstPort = record.dstPort;
        v.protocol = record.protocol;
        v.firstTimestampNs = record.timestampNs;
        v.lastTimestampNs = record.timestampNs;
    }
    ++v.packets;
    v.bytes += record.wireLength;
    v.firstTimestampNs = std::min(v.firstTimestampNs, record.timestampNs);
    v.lastTimestampNs = std::max(v.lastTimestampNs, record.timestampNs);
    double* logSum = logSums_.data() + slot * classes_;
    for (std::size_t c = 0; c < classes_; ++c) {
        logSum[c] += static_cast<double>(logProbabilities[c]);
    }
}

std::vector<FlowVerdict> FlowAggregator::takeVerdicts(bool keepProbabilities) {
    std::vector<FlowVerdict> verdicts;
    verdicts.reserve(open_);
    std::vector<double> mean(classes_);
    for (std::size_t slot = 0; slot < verdicts_.size(); ++slot) {
        FlowVerdict& v = verdicts_[slot];
        if (v.packets == 0) {
            continue;
        }
        const double n = static_cast<double>(v.packets);
        const double* logSum = logSums_.data() + slot * classes_;
        for (std::size_t c = 0; c < classes_; ++c) {
            mean[c] = logSum[c] / n;
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
    // Released, not kept: the next file may have few flows.
    std::vector<FlowVerdict>().swap(verdicts_);
    std::vector<double>().swap(logSums_);
    open_ = 0;
    return verdicts;
}

}  // namespace deeppacket
