#include "core/flow_aggregator.h"

#include <algorithm>
#include <cmath>

#include "core/flow_table.h"

namespace deeppacket {

void FlowAggregator::add(const PacketRecord& record, const float* logProbabilities) {
    if (!started_ || record.timestampNs > newestNs_) {
        newestNs_ = record.timestampNs;
    }
    if (!started_) {
        started_ = true;
        nextCheckNs_ = newestNs_ + kFlowIdleTimeoutNs;
    }
    // A new flow has the highest id so far unless a selection skipped its first packets.
    auto at = open_.end();
    if (!open_.empty() && record.flowId <= open_.back().flowId) {
        at = std::lower_bound(open_.begin(), open_.end(), record.flowId,
                              [](const FlowVerdict& v, std::uint32_t id) { return v.flowId < id; });
    }
    const auto position = static_cast<std::size_t>(at - open_.begin());
    if (at == open_.end() || at->flowId != record.flowId) {
        FlowVerdict v;
        v.flowId = record.flowId;
        v.fileIndex = record.fileIndex;
        v.src = record.src;
        v.dst = record.dst;
        v.srcPort = record.srcPort;
        v.dstPort = record.dstPort;
        v.protocol = record.protocol;
        v.firstTimestampNs = record.timestampNs;
        v.lastTimestampNs = record.timestampNs;
        open_.insert(at, std::move(v));
        logSums_.insert(logSums_.begin() + static_cast<std::ptrdiff_t>(position * classes_),
                        classes_, 0.0);
    }
    FlowVerdict& v = open_[position];
    ++v.packets;
    v.bytes += record.wireLength;
    v.firstTimestampNs = std::min(v.firstTimestampNs, record.timestampNs);
    v.lastTimestampNs = std::max(v.lastTimestampNs, record.timestampNs);
    double* logSum = logSums_.data() + position * classes_;
    for (std::size_t c = 0; c < classes_; ++c) {
        logSum[c] += static_cast<double>(logProbabilities[c]);
    }
}

std::vector<FlowVerdict> FlowAggregator::takeFinished(bool keepProbabilities) {
    if (!started_ || newestNs_ < nextCheckNs_) {
        return {};  // checked once per quarter timeout of capture time
    }
    nextCheckNs_ = newestNs_ + kFlowIdleTimeoutNs / 4;
    return take(keepProbabilities, [this](const FlowVerdict& v) {
        return newestNs_ - v.lastTimestampNs > kFlowIdleTimeoutNs;
    });
}

std::vector<FlowVerdict> FlowAggregator::takeClosed(std::vector<std::uint32_t> ids,
                                                    bool keepProbabilities) {
    if (ids.empty()) {
        return {};
    }
    std::sort(ids.begin(), ids.end());
    return take(keepProbabilities, [&ids](const FlowVerdict& v) {
        return std::binary_search(ids.begin(), ids.end(), v.flowId);
    });
}

std::vector<FlowVerdict> FlowAggregator::takeVerdicts(bool keepProbabilities) {
    started_ = false;
    return take(keepProbabilities, [](const FlowVerdict&) { return true; });
}

template <typename Done>
std::vector<FlowVerdict> FlowAggregator::take(bool keepProbabilities, Done doneWith) {
    // Exact sizes: with many flows these arrays are the largest of a run, and growing them by
    // doubling would leave the heap at twice their size.
    std::vector<char> isDone(open_.size());
    std::size_t done = 0;
    for (std::size_t p = 0; p < open_.size(); ++p) {
        isDone[p] = doneWith(open_[p]) ? 1 : 0;
        done += static_cast<std::size_t>(isDone[p]);
    }
    if (done == 0) {
        return {};
    }
    std::vector<FlowVerdict> verdicts;
    verdicts.reserve(done);
    std::vector<FlowVerdict> stillOpen;
    stillOpen.reserve(open_.size() - done);
    std::vector<double> stillOpenSums;
    stillOpenSums.reserve((open_.size() - done) * classes_);
    std::vector<double> mean(classes_);
    for (std::size_t p = 0; p < open_.size(); ++p) {
        FlowVerdict& v = open_[p];
        const double* logSum = logSums_.data() + p * classes_;
        if (isDone[p] == 0) {
            stillOpen.push_back(std::move(v));
            stillOpenSums.insert(stillOpenSums.end(), logSum, logSum + classes_);
            continue;
        }
        const double n = static_cast<double>(v.packets);
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
    // New arrays sized for what is left: a file's many finished flows do not keep their memory.
    open_ = std::move(stillOpen);
    logSums_ = std::move(stillOpenSums);
    return verdicts;  // in order of flow id, as open_ was
}

}  // namespace deeppacket
