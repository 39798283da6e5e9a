#include "core/flow_aggregator.h"

#include <algorithm>
#include <cmath>

#include "core/flow_table.h"

namespace deeppacket {
namespace {

std::size_t slotOf(std::uint32_t id, std::size_t mask) {
    // Fibonacci hashing: consecutive ids spread over the table.
    return static_cast<std::size_t>((std::uint64_t{id} * 0x9E3779B97F4A7C15ull) >> 20) & mask;
}

}  // namespace

void FlowAggregator::add(const PacketRecord& record, const float* logProbabilities) {
    if (!started_ || record.timestampNs > newestNs_) {
        newestNs_ = record.timestampNs;
    }
    if (!started_) {
        started_ = true;
        nextCheckNs_ = newestNs_ + kFlowIdleTimeoutNs;
    }
    const std::size_t mask = index_.size() - 1;
    std::size_t i = slotOf(record.flowId, mask);
    std::size_t position = open_.size();
    while (index_[i] != 0) {
        if ((index_[i] >> 32) == std::uint64_t{record.flowId} + 1) {
            position = static_cast<std::size_t>((index_[i] & 0xFFFFFFFFu) - 1);
            break;
        }
        i = (i + 1) & mask;
    }
    if (position == open_.size()) {
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
        open_.push_back(std::move(v));
        logSums_.resize(open_.size() * classes_, 0.0);
        index_[i] = ((std::uint64_t{record.flowId} + 1) << 32) | (position + 1);
        if (open_.size() * 2 > index_.size()) {
            reindex();
        }
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

void FlowAggregator::reindex() {
    std::size_t size = kInitialIndex;
    while (open_.size() * 2 > size) {
        size *= 2;
    }
    index_.assign(size, 0);
    const std::size_t mask = size - 1;
    for (std::size_t p = 0; p < open_.size(); ++p) {
        std::size_t i = slotOf(open_[p].flowId, mask);
        while (index_[i] != 0) {
            i = (i + 1) & mask;
        }
        index_[i] = ((std::uint64_t{open_[p].flowId} + 1) << 32) | (p + 1);
    }
}

std::vector<FlowVerdict> FlowAggregator::takeFinished(bool keepProbabilities) {
    if (!started_ || newestNs_ < nextCheckNs_) {
        return {};  // checked once per quarter timeout of capture time
    }
    nextCheckNs_ = newestNs_ + kFlowIdleTimeoutNs / 4;
    return take(keepProbabilities, true);
}

std::vector<FlowVerdict> FlowAggregator::takeVerdicts(bool keepProbabilities) {
    started_ = false;
    return take(keepProbabilities, false);
}

std::vector<FlowVerdict> FlowAggregator::take(bool keepProbabilities, bool finishedOnly) {
    std::vector<FlowVerdict> verdicts;
    std::vector<FlowVerdict> stillOpen;
    std::vector<double> stillOpenSums;
    std::vector<double> mean(classes_);
    for (std::size_t p = 0; p < open_.size(); ++p) {
        FlowVerdict& v = open_[p];
        const double* logSum = logSums_.data() + p * classes_;
        if (finishedOnly && newestNs_ - v.lastTimestampNs <= kFlowIdleTimeoutNs) {
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
    reindex();
    std::sort(verdicts.begin(), verdicts.end(),
              [](const FlowVerdict& a, const FlowVerdict& b) { return a.flowId < b.flowId; });
    return verdicts;
}

}  // namespace deeppacket
