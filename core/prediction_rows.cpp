#include "core/prediction_rows.h"

namespace deeppacket {

void PredictionRows::packets(const PacketBatch& batch, const BatchPredictions& predictions) {
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const PacketRecord& r = batch.records()[i];
        const std::string* label = nullptr;
        PacketResult row{r, predictions.classIndex[i], predictions.confidence[i],
                         truth_.classOf(r, label)};
        if (i < predictions.flowClassIndex.size()) {
            row.flowClassIndex = static_cast<std::int32_t>(predictions.flowClassIndex[i]);
            row.flowConfidence = predictions.flowConfidence[i];
        }
        packets_.push_back(row);
    }
}

void PredictionRows::flows(const std::vector<FlowVerdict>& flows) {
    for (const auto& f : flows) {
        const std::string* label = nullptr;
        flows_.push_back({f, truth_.classOf(f, label)});
    }
}

}  // namespace deeppacket
