#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/inference_engine.h"
#include "core/metrics.h"
#include "core/truth_lookup.h"

namespace deeppacket {

// Scores a run against its ground truth as it streams by: the packet and flow confusion
// matrices, and what could not be scored.
class PredictionScorer final : public PredictionSink {
  public:
    PredictionScorer(const std::vector<std::string>& classes, TruthLookup& truth);

    void packets(const PacketBatch& batch, const BatchPredictions& predictions) override;
    void flows(const std::vector<FlowVerdict>& flows) override;

    const ConfusionMatrix& packetConfusion() const { return packetConfusion_; }
    const ConfusionMatrix& flowConfusion() const { return flowConfusion_; }
    std::uint64_t unlabeledPackets() const { return unlabeledPackets_; }
    std::uint64_t unlabeledFlows() const { return unlabeledFlows_; }
    // Truth labels the model has no class for, with their packet counts (not scored).
    const std::map<std::string, std::uint64_t>& unknownLabels() const { return unknownLabels_; }

  private:
    TruthLookup& truth_;
    ConfusionMatrix packetConfusion_;
    ConfusionMatrix flowConfusion_;
    std::uint64_t unlabeledPackets_ = 0;
    std::uint64_t unlabeledFlows_ = 0;
    std::map<std::string, std::uint64_t> unknownLabels_;
};

}  // namespace deeppacket
