#pragma once

#include <cstdint>
#include <vector>

#include "core/inference_engine.h"

namespace deeppacket {

// Accumulates the log-probabilities of each flow's packets and turns them into verdicts.
//
// Flow ids are dense within a file, so open flows live in arrays indexed by id (from the lowest
// id seen) rather than in a node per flow: per-flow allocations between the engine's large
// per-batch buffers fragment the heap (see flow_table.h).
class FlowAggregator {
  public:
    explicit FlowAggregator(std::size_t classes) : classes_(classes) {}

    void add(const PacketRecord& record, const float* logProbabilities);
    // The verdicts of every open flow, in order of flow id; forgets them.
    std::vector<FlowVerdict> takeVerdicts(bool keepProbabilities);
    bool empty() const { return open_ == 0; }

  private:
    std::size_t classes_;
    std::uint32_t firstId_ = 0;          // flow id of slot 0
    std::vector<FlowVerdict> verdicts_;  // per slot; packets == 0 marks an unused slot
    std::vector<double> logSums_;        // per slot, classes_ values
    std::size_t open_ = 0;
};

}  // namespace deeppacket
