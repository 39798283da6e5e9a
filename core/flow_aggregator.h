#pragma once

#include <cstdint>
#include <vector>

#include "core/inference_engine.h"

namespace deeppacket {

// Accumulates the log-probabilities of each flow's packets and turns them into verdicts.
//
// Open flows live in arrays sorted by flow id, not in a node per flow: per-flow allocations
// between the engine's large per-batch buffers fragment the heap (see flow_table.h). Ids are
// given in order of first appearance, so a new flow is nearly always appended.
class FlowAggregator {
  public:
    explicit FlowAggregator(std::size_t classes) : classes_(classes) {}

    void add(const PacketRecord& record, const float* logProbabilities);
    // The verdicts of the flows that are over — idle beyond kFlowIdleTimeoutNs before the newest
    // packet added, so the flow table gives any later packet of theirs a new id — in order of
    // flow id; forgets them. Only valid when every kept packet is added (no selection).
    std::vector<FlowVerdict> takeFinished(bool keepProbabilities);
    // The verdicts of the flows with these ids (closed early by the flow table), in order of
    // flow id; forgets them. Ids of flows not open here are ignored.
    std::vector<FlowVerdict> takeClosed(std::vector<std::uint32_t> ids, bool keepProbabilities);
    // The verdicts of every open flow, in order of flow id; forgets them (end of a file).
    std::vector<FlowVerdict> takeVerdicts(bool keepProbabilities);
    bool empty() const { return open_.empty(); }

  private:
    // Takes the flows for which `done(verdict)` is true.
    template <typename Done>
    std::vector<FlowVerdict> take(bool keepProbabilities, Done done);

    std::size_t classes_;
    std::vector<FlowVerdict> open_;  // open flows, by flow id
    std::vector<double> logSums_;    // per open flow, classes_ values
    bool started_ = false;
    std::int64_t newestNs_ = 0;
    std::int64_t nextCheckNs_ = 0;
};

}  // namespace deeppacket
