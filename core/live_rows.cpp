#include "core/live_rows.h"

namespace deeppacket {

LiveRows::LiveRows(std::size_t classes, std::size_t keepPackets)
    : classes_(classes), keepPackets_(keepPackets), packetsPerClass_(classes, 0) {}

void LiveRows::packets(const PacketBatch& batch, const BatchPredictions& predictions) {
    const bool flowModel = !predictions.flowClassIndex.empty();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (packetsSeen_ == 0) {
            firstTimestampNs_ = batch.records()[i].timestampNs;
        }
        ++packetsSeen_;
        ++packetsPerClass_[predictions.classIndex[i]];
        if (keepPackets_ == 0) {
            continue;
        }
        if (packets_.size() == keepPackets_) {
            packets_.pop_front();
        }
        PacketResult& p = packets_.emplace_back();
        p.record = batch.records()[i];
        p.classIndex = predictions.classIndex[i];
        p.confidence = predictions.confidence[i];
        if (flowModel) {
            p.flowClassIndex = static_cast<std::int32_t>(predictions.flowClassIndex[i]);
            p.flowConfidence = predictions.flowConfidence[i];
        }
    }
    changed_ = changed_ || batch.size() > 0;
}

void LiveRows::store(const FlowVerdict& verdict, bool open) {
    if (verdict.flowId >= flows_.size()) {
        flows_.resize(verdict.flowId + std::size_t{1});
    }
    FlowResult& row = flows_[verdict.flowId];
    row.verdict = verdict;
    row.verdict.probabilities.clear();  // a view shows the verdict, not the distribution
    row.open = open;
    changed_ = true;
}

void LiveRows::flows(const std::vector<FlowVerdict>& flows) {
    for (const FlowVerdict& v : flows) {
        store(v, false);
    }
}

void LiveRows::flowUpdates(const std::vector<FlowVerdict>& flows) {
    for (const FlowVerdict& v : flows) {
        store(v, true);
    }
}

LiveRowsSnapshot LiveRows::snapshot() const {
    LiveRowsSnapshot s;
    s.packets.assign(packets_.begin(), packets_.end());
    s.firstPacket = packetsSeen_ - packets_.size();
    s.packetsSeen = packetsSeen_;
    s.packetsPerClass = packetsPerClass_;
    s.flowsPerClass.assign(classes_, 0);
    s.firstTimestampNs = firstTimestampNs_;
    s.flows.reserve(flows_.size());
    for (const FlowResult& f : flows_) {
        if (f.verdict.packets == 0) {
            continue;  // an id not reported yet
        }
        s.flows.push_back(f);
        ++s.flowsPerClass[f.verdict.classIndex];
        s.openFlows += f.open ? 1 : 0;
    }
    changed_ = false;
    return s;
}

}  // namespace deeppacket
