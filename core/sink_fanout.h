#pragma once

#include <vector>

#include "core/inference_engine.h"

namespace deeppacket {

// Hands what a run streams to several sinks, in the order given.
class SinkFanout final : public PredictionSink {
  public:
    explicit SinkFanout(std::vector<PredictionSink*> sinks) : sinks_(std::move(sinks)) {}

    void begin(const std::vector<std::string>& files) override {
        for (PredictionSink* sink : sinks_) {
            sink->begin(files);
        }
    }
    void packets(const PacketBatch& batch, const BatchPredictions& predictions) override {
        for (PredictionSink* sink : sinks_) {
            sink->packets(batch, predictions);
        }
    }
    void flows(const std::vector<FlowVerdict>& flows) override {
        for (PredictionSink* sink : sinks_) {
            sink->flows(flows);
        }
    }
    void flowUpdates(const std::vector<FlowVerdict>& flows) override {
        for (PredictionSink* sink : sinks_) {
            sink->flowUpdates(flows);
        }
    }

  private:
    std::vector<PredictionSink*> sinks_;
};

}  // namespace deeppacket
