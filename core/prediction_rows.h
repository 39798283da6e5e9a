#pragma once

#include <cstdint>
#include <vector>

#include "core/inference_engine.h"
#include "core/truth_lookup.h"

namespace deeppacket {

// A classified packet or flow kept in memory (for the desktop app's views and exports).
// truth: the true class index, or kNoLabel / kUnknownLabel.
struct PacketResult {
    PacketRecord record;
    std::uint32_t classIndex = 0;
    float confidence = 0;
    std::int32_t truth = kNoLabel;
    // With a flow model: its verdict on the packet's flow from the flow's packets so far.
    std::int32_t flowClassIndex = kNoLabel;
    float flowConfidence = 0;
};

struct FlowResult {
    FlowVerdict verdict;
    std::int32_t truth = kNoLabel;
    bool open = false;  // in a live capture, not over yet: the verdict is the one so far
};

// Keeps every packet and flow of a run, with its truth, for the app to show.
class PredictionRows final : public PredictionSink {
  public:
    explicit PredictionRows(TruthLookup& truth) : truth_(truth) {}

    void packets(const PacketBatch& batch, const BatchPredictions& predictions) override;
    void flows(const std::vector<FlowVerdict>& flows) override;

    // Everything kept so far, handed over.
    std::vector<PacketResult> takePackets() { return std::move(packets_); }
    std::vector<FlowResult> takeFlows() { return std::move(flows_); }

  private:
    TruthLookup& truth_;
    std::vector<PacketResult> packets_;
    std::vector<FlowResult> flows_;
};

}  // namespace deeppacket
