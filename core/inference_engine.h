#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/batch_classifier.h"
#include "core/capture_report.h"
#include "core/flow_classifier.h"
#include "core/flow_verdict.h"
#include "core/packet_batch.h"
#include "core/packet_stream.h"
#include "core/preprocess_options.h"

namespace deeppacket {

class LiveCapture;

struct InferenceOptions {
    std::size_t batchSize = 256;
    bool probabilities = false;  // hand out every class probability, not only the top one
    // A flow model beside the packet classifier (same classes): flows get its verdict, packets
    // its running verdict on their flow (BatchPredictions::flowClassIndex).
    FlowClassifier* flowModel = nullptr;
    // Hand out the verdicts so far of the open flows after every batch that added packets to
    // them (PredictionSink::flowUpdates), for a live view of flows that are not over yet.
    bool flowUpdates = false;
};

// Receives the results while the engine runs, so that nothing proportional to the capture
// size is kept: packets batch by batch, flows once their file has been read.
class PredictionSink {
  public:
    virtual ~PredictionSink() = default;
    // Before anything else: the run's capture files, which PacketRecord::fileIndex and
    // FlowVerdict::fileIndex index.
    virtual void begin(const std::vector<std::string>& /*files*/) {}
    virtual void packets(const PacketBatch& /*batch*/, const BatchPredictions& /*predictions*/) {}
    virtual void flows(const std::vector<FlowVerdict>& /*flows*/) {}
    // With InferenceOptions::flowUpdates: the verdicts so far of the flows still open that the
    // last batch added to; each such flow's final verdict comes later through flows().
    virtual void flowUpdates(const std::vector<FlowVerdict>& /*flows*/) {}
};

struct InferenceControl {
    // Called at most every 100 ms, on the calling thread.
    std::function<void(const StreamProgress&)> progress;
    // Checked before each batch; when set, the run stops and reports itself cancelled.
    const std::atomic<bool>* cancel = nullptr;
    // When set, only the packets it accepts are classified, counted and grouped into flows
    // (the test split of a training run); the others are read and passed over.
    std::function<bool(const PacketRecord&)> select;
};

struct InferenceSummary {
    std::vector<FileReport> files;
    std::vector<std::uint64_t> packetsPerClass;
    std::vector<std::uint64_t> flowsPerClass;
    std::uint64_t packets = 0;
    std::uint64_t flows = 0;
    bool cancelled = false;
    double seconds = 0;
};

// Classifies every kept packet of the captures: streams batches from PacketStream through the
// classifier and aggregates flows. Memory stays bounded by one batch plus the open flows of the
// file being read. The classifier's input length must match the options' vector length.
InferenceSummary classifyCaptures(BatchClassifier& classifier,
                                  const std::vector<std::string>& files,
                                  const PreprocessOptions& preprocessing,
                                  const InferenceOptions& options, PredictionSink& sink,
                                  const InferenceControl& control = {});

// The same over a live capture, until it stops (LiveStreamOptions::stop, or control.cancel):
// packets in batches that close when full or maxBatchDelay after their first packet, flows as
// they end (and all open ones at the end). The summary's one file is the interface.
InferenceSummary classifyLive(BatchClassifier& classifier, LiveCapture& capture,
                              const LiveStreamOptions& live, const PreprocessOptions& preprocessing,
                              const InferenceOptions& options, PredictionSink& sink,
                              const InferenceControl& control = {});

// Turns log-probabilities (count x classes) into predictions.
void predictionsFromLogProbabilities(const float* logProbabilities, std::size_t count,
                                     std::size_t classes, bool keepProbabilities,
                                     BatchPredictions& out);

}  // namespace deeppacket
