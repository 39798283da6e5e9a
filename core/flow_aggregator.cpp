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
        if (flowModel_ != nullptr) {
            states_.insert(states_.begin() + static_cast<std::ptrdiff_t>(position), FlowState{});
        }
    }
    if (trackUpdates_) {
        updated_.push_back(record.flowId);
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
    if (flowModel_ == nullptr) {
        return;
    }
    FlowState& state = states_[position];
    state.features.add(record);
    const std::uint32_t n = state.features.packets();
    PendingPacket packet;
    if (n <= kFlowSequenceLength || (n & (n - 1)) == 0) {
        if (state.pendingRow < 0) {
            pendingFlows_.push_back(record.flowId);
        }
        pendingFeatures_.resize(pendingFeatures_.size() + kFlowFeatureLength);
        state.features.write(pendingFeatures_.data() + pendingFeatures_.size() -
                             kFlowFeatureLength);
        packet.row = static_cast<std::int32_t>(pendingFeatures_.size() / kFlowFeatureLength - 1);
        state.pendingRow = packet.row;
    } else if (state.pendingRow >= 0) {
        packet.row = state.pendingRow;
    } else {
        packet.classIndex = state.runningClass;
        packet.confidence = state.runningConfidence;
    }
    pendingPackets_.push_back(packet);
}

void FlowAggregator::classifyFlows(const float* features, std::size_t rows) {
    logFlow_.resize(rows * classes_);
    if (rows > 0) {
        flowModel_->flowLogProbabilities(features, rows, logFlow_.data());
    }
}

void FlowAggregator::takeRunningVerdicts(std::vector<std::uint32_t>& classIndex,
                                         std::vector<float>& confidence) {
    const std::size_t rows = pendingFeatures_.size() / kFlowFeatureLength;
    classifyFlows(pendingFeatures_.data(), rows);
    std::vector<std::uint32_t> rowClass(rows);
    std::vector<float> rowConfidence(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        const float* row = logFlow_.data() + r * classes_;
        const auto best = static_cast<std::size_t>(std::max_element(row, row + classes_) - row);
        rowClass[r] = static_cast<std::uint32_t>(best);
        rowConfidence[r] = std::exp(row[best]);
    }
    classIndex.resize(pendingPackets_.size());
    confidence.resize(pendingPackets_.size());
    for (std::size_t i = 0; i < pendingPackets_.size(); ++i) {
        const PendingPacket& p = pendingPackets_[i];
        const bool fromRow = p.row >= 0;
        classIndex[i] = fromRow ? rowClass[static_cast<std::size_t>(p.row)] : p.classIndex;
        confidence[i] = fromRow ? rowConfidence[static_cast<std::size_t>(p.row)] : p.confidence;
    }
    // The flows still open keep their newest verdict for their next packets.
    for (std::uint32_t id : pendingFlows_) {
        const auto at = std::lower_bound(
            open_.begin(), open_.end(), id,
            [](const FlowVerdict& v, std::uint32_t flow) { return v.flowId < flow; });
        if (at == open_.end() || at->flowId != id) {
            continue;
        }
        FlowState& state = states_[static_cast<std::size_t>(at - open_.begin())];
        if (state.pendingRow >= 0) {
            state.runningClass = rowClass[static_cast<std::size_t>(state.pendingRow)];
            state.runningConfidence = rowConfidence[static_cast<std::size_t>(state.pendingRow)];
            state.pendingRow = -1;
        }
    }
    pendingFlows_.clear();
    pendingPackets_.clear();
    pendingFeatures_.clear();
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

void FlowAggregator::vote(std::size_t position, FlowVerdict& v, bool keepProbabilities,
                          std::vector<double>& mean) const {
    const double* logSum = logSums_.data() + position * classes_;
    const double n = static_cast<double>(v.packets);
    mean.resize(classes_);
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
    v.voteClassIndex = v.classIndex;
    v.voteConfidence = v.confidence;
    if (keepProbabilities) {
        v.probabilities.resize(classes_);
        for (std::size_t c = 0; c < classes_; ++c) {
            v.probabilities[c] = static_cast<float>(std::exp(mean[c] - mean[best]) / total);
        }
    }
}

std::vector<FlowVerdict> FlowAggregator::takeUpdated(bool keepProbabilities) {
    std::sort(updated_.begin(), updated_.end());
    updated_.erase(std::unique(updated_.begin(), updated_.end()), updated_.end());
    std::vector<FlowVerdict> verdicts;
    verdicts.reserve(updated_.size());
    std::vector<double> mean;
    for (std::uint32_t id : updated_) {
        const auto at = std::lower_bound(
            open_.begin(), open_.end(), id,
            [](const FlowVerdict& v, std::uint32_t flow) { return v.flowId < flow; });
        if (at == open_.end() || at->flowId != id) {
            continue;  // over since
        }
        const auto position = static_cast<std::size_t>(at - open_.begin());
        FlowVerdict v = *at;
        vote(position, v, keepProbabilities, mean);
        if (flowModel_ != nullptr) {
            // The flow model's newest verdict on the flow so far (takeRunningVerdicts).
            v.byFlowModel = true;
            v.classIndex = states_[position].runningClass;
            v.confidence = states_[position].runningConfidence;
            v.probabilities.clear();  // the model's distribution is not kept for open flows
        }
        verdicts.push_back(std::move(v));
    }
    updated_.clear();
    return verdicts;
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
    std::vector<FlowState> stillOpenStates;
    std::vector<float> doneFeatures;
    if (flowModel_ != nullptr) {
        stillOpenStates.reserve(open_.size() - done);
        doneFeatures.resize(done * kFlowFeatureLength);
    }
    std::vector<double> mean;
    for (std::size_t p = 0; p < open_.size(); ++p) {
        FlowVerdict& v = open_[p];
        const double* logSum = logSums_.data() + p * classes_;
        if (isDone[p] == 0) {
            stillOpen.push_back(std::move(v));
            stillOpenSums.insert(stillOpenSums.end(), logSum, logSum + classes_);
            if (flowModel_ != nullptr) {
                stillOpenStates.push_back(std::move(states_[p]));
            }
            continue;
        }
        if (flowModel_ != nullptr) {
            states_[p].features.write(doneFeatures.data() + verdicts.size() * kFlowFeatureLength);
        }
        vote(p, v, keepProbabilities, mean);
        verdicts.push_back(std::move(v));
    }
    if (flowModel_ != nullptr) {
        // The flow model's verdict on each whole flow replaces the vote.
        classifyFlows(doneFeatures.data(), verdicts.size());
        for (std::size_t i = 0; i < verdicts.size(); ++i) {
            const float* row = logFlow_.data() + i * classes_;
            const auto best = static_cast<std::size_t>(std::max_element(row, row + classes_) - row);
            FlowVerdict& v = verdicts[i];
            v.byFlowModel = true;
            v.classIndex = static_cast<std::uint32_t>(best);
            v.confidence = std::exp(row[best]);
            if (keepProbabilities) {
                for (std::size_t c = 0; c < classes_; ++c) {
                    v.probabilities[c] = std::exp(row[c]);
                }
            }
        }
        states_ = std::move(stillOpenStates);
    }
    // New arrays sized for what is left: a file's many finished flows do not keep their memory.
    open_ = std::move(stillOpen);
    logSums_ = std::move(stillOpenSums);
    return verdicts;  // in order of flow id, as open_ was
}

}  // namespace deeppacket
