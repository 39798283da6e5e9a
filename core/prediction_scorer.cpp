#include "core/prediction_scorer.h"

namespace deeppacket {

PredictionScorer::PredictionScorer(const std::vector<std::string>& classes, TruthLookup& truth)
    : truth_(truth), packetConfusion_(classes), flowConfusion_(classes) {}

void PredictionScorer::packets(const PacketBatch& batch, const BatchPredictions& predictions) {
    if (!truth_.hasTruth()) {
        return;
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const std::string* label = nullptr;
        const std::int32_t truth = truth_.classOf(batch.records()[i], label);
        if (truth >= 0) {
            packetConfusion_.add(static_cast<std::size_t>(truth), predictions.classIndex[i]);
        } else if (truth == kUnknownLabel) {
            ++unknownLabels_[*label];
        } else {
            ++unlabeledPackets_;
        }
    }
}

void PredictionScorer::flows(const std::vector<FlowVerdict>& flows) {
    if (!truth_.hasTruth()) {
        return;
    }
    for (const auto& f : flows) {
        const std::string* label = nullptr;
        const std::int32_t truth = truth_.classOf(f, label);
        if (truth >= 0) {
            flowConfusion_.add(static_cast<std::size_t>(truth), f.classIndex);
        } else {
            ++unlabeledFlows_;
        }
    }
}

}  // namespace deeppacket
