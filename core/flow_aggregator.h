#pragma once

#include <cstdint>
#include <vector>

#include "core/flow_classifier.h"
#include "core/flow_features.h"
#include "core/flow_verdict.h"

namespace deeppacket {

// Accumulates the log-probabilities of each flow's packets and turns them into verdicts: the
// packet vote (mean log-probability), and with a flow model the flow model's verdict on the
// flow's features (core/flow_features.h), which then is the flow's verdict.
//
// Open flows live in arrays sorted by flow id, not in a node per flow: per-flow allocations
// between the engine's large per-batch buffers fragment the heap (see flow_table.h). Ids are
// given in order of first appearance, so a new flow is nearly always appended.
class FlowAggregator {
  public:
    // With a flow model, its classes must be the packet classifier's (same count, same order).
    explicit FlowAggregator(std::size_t classes, FlowClassifier* flowModel = nullptr)
        : classes_(classes), flowModel_(flowModel) {}

    void add(const PacketRecord& record, const float* logProbabilities);
    // With a flow model: its verdict on each packet's flow as it stood once that packet was
    // added (what a live view shows), for the packets added since the last call, in order.
    // Recomputed for a flow's first kFlowSequenceLength packets and then at every power of two,
    // so that a long flow costs a few forward passes, not one per packet.
    void takeRunningVerdicts(std::vector<std::uint32_t>& classIndex,
                             std::vector<float>& confidence);
    // The verdicts of the flows that are over — idle beyond kFlowIdleTimeoutNs before the newest
    // packet added, so the flow table gives any later packet of theirs a new id — in order of
    // flow id; forgets them. Only valid when every kept packet is added (no selection).
    std::vector<FlowVerdict> takeFinished(bool keepProbabilities);
    // Moves "now" on to `timestampNs` when no packet came (a quiet live link), so that
    // takeFinished() ends the flows idle beyond the timeout by then.
    void advanceTo(std::int64_t timestampNs) {
        if (started_ && timestampNs > newestNs_) {
            newestNs_ = timestampNs;
        }
    }
    // The verdicts of the flows with these ids (closed early by the flow table), in order of
    // flow id; forgets them. Ids of flows not open here are ignored.
    std::vector<FlowVerdict> takeClosed(std::vector<std::uint32_t> ids, bool keepProbabilities);
    // The verdicts of every open flow, in order of flow id; forgets them (end of a file).
    std::vector<FlowVerdict> takeVerdicts(bool keepProbabilities);
    // Whether add() notes the flows it touches for takeUpdated() (off by default: only a live
    // view that shows open flows needs them).
    void trackUpdates(bool track) { trackUpdates_ = track; }
    // The verdicts so far of the open flows that got packets since the last call, in order of
    // flow id; they stay open. With a flow model, call after takeRunningVerdicts().
    std::vector<FlowVerdict> takeUpdated(bool keepProbabilities);
    bool empty() const { return open_.empty(); }

  private:
    // Takes the flows for which `done(verdict)` is true.
    template <typename Done>
    std::vector<FlowVerdict> take(bool keepProbabilities, Done done);

    // What the flow model needs of one open flow.
    struct FlowState {
        FlowFeatures features;
        std::int32_t pendingRow = -1;  // its latest row in pendingFeatures_, if any
        std::uint32_t runningClass = 0;
        float runningConfidence = 0;
    };
    // Where a packet's running verdict comes from: a row still to be classified, or a verdict.
    struct PendingPacket {
        std::int32_t row = -1;
        std::uint32_t classIndex = 0;
        float confidence = 0;
    };
    // The packet vote of the open flow at `position` into v (classIndex, confidence, the vote
    // and, when asked, the probabilities); `mean` is scratch space.
    void vote(std::size_t position, FlowVerdict& v, bool keepProbabilities,
              std::vector<double>& mean) const;
    // Runs the flow model over `rows` feature rows into logFlow_.
    void classifyFlows(const float* features, std::size_t rows);

    std::size_t classes_;
    FlowClassifier* flowModel_;
    std::vector<FlowState> states_;       // with a flow model: per open flow, as open_
    std::vector<float> pendingFeatures_;  // rows awaiting takeRunningVerdicts
    std::vector<PendingPacket> pendingPackets_;
    std::vector<std::uint32_t> pendingFlows_;  // ids of the flows with a pending row
    std::vector<float> logFlow_;
    std::vector<FlowVerdict> open_;       // open flows, by flow id
    std::vector<double> logSums_;         // per open flow, classes_ values
    std::vector<std::uint32_t> updated_;  // ids of flows touched since takeUpdated(), repeated
    bool trackUpdates_ = false;
    bool started_ = false;
    std::int64_t newestNs_ = 0;
    std::int64_t nextCheckNs_ = 0;
};

}  // namespace deeppacket
