#pragma once

#include <cstdint>
#include <vector>

#include "core/inference_engine.h"

namespace deeppacket {

// Accumulates the log-probabilities of each flow's packets and turns them into verdicts.
//
// Open flows live in arrays with an open-addressing index by flow id, not in a node per flow:
// per-flow allocations between the engine's large per-batch buffers fragment the heap (see
// flow_table.h).
class FlowAggregator {
  public:
    explicit FlowAggregator(std::size_t classes) : classes_(classes), index_(kInitialIndex) {}

    void add(const PacketRecord& record, const float* logProbabilities);
    // The verdicts of the flows that are over — idle beyond kFlowIdleTimeoutNs before the newest
    // packet added, so the flow table gives any later packet of theirs a new id — in order of
    // flow id; forgets them. Only valid when every kept packet is added (no selection).
    std::vector<FlowVerdict> takeFinished(bool keepProbabilities);
    // The verdicts of every open flow, in order of flow id; forgets them (end of a file).
    std::vector<FlowVerdict> takeVerdicts(bool keepProbabilities);
    bool empty() const { return open_.empty(); }

  private:
    static constexpr std::size_t kInitialIndex = 1024;

    std::vector<FlowVerdict> take(bool keepProbabilities, bool finishedOnly);
    void reindex();

    std::size_t classes_;
    std::vector<FlowVerdict> open_;  // open flows, in order of first packet
    std::vector<double> logSums_;    // per open flow, classes_ values
    // id + 1 in the high half and position + 1 in the low half; 0 is an empty entry. A power of
    // two, at most half full.
    std::vector<std::uint64_t> index_;
    bool started_ = false;
    std::int64_t newestNs_ = 0;
    std::int64_t nextCheckNs_ = 0;
};

}  // namespace deeppacket
