#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/inference_engine.h"

namespace deeppacket {

// Accumulates the log-probabilities of each flow's packets and turns them into verdicts.
class FlowAggregator {
  public:
    explicit FlowAggregator(std::size_t classes) : classes_(classes) {}

    void add(const PacketRecord& record, const float* logProbabilities);
    // The verdicts of every open flow, in order of flow id; forgets them.
    std::vector<FlowVerdict> takeVerdicts(bool keepProbabilities);
    bool empty() const { return flows_.empty(); }

  private:
    struct Open {
        FlowVerdict verdict;         // identity and counts; the class is filled at the end
        std::vector<double> logSum;  // per class
    };

    std::size_t classes_;
    std::unordered_map<std::uint32_t, Open> flows_;
};

}  // namespace deeppacket
