#include "core/inference_engine.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "core/flow_aggregator.h"

namespace deeppacket {

void predictionsFromLogProbabilities(const float* logProbabilities, std::size_t count,
                                     std::size_t classes, bool keepProbabilities,
                                     BatchPredictions& out) {
    out.classIndex.resize(count);
    out.confidence.resize(count);
    out.probabilities.resize(keepProbabilities ? count * classes : 0);
    for (std::size_t i = 0; i < count; ++i) {
        const float* row = logProbabilities + i * classes;
        const auto best = static_cast<std::size_t>(std::max_element(row, row + classes) - row);
        out.classIndex[i] = static_cast<std::uint32_t>(best);
        out.confidence[i] = std::exp(row[best]);
        if (keepProbabilities) {
            for (std::size_t c = 0; c < classes; ++c) {
                out.probabilities[i * classes + c] = std::exp(row[c]);
            }
        }
    }
}

namespace {

void checkOptions(BatchClassifier& classifier, const PreprocessOptions& preprocessing,
                  const InferenceOptions& options) {
    if (classifier.inputLength() != preprocessing.vectorLength) {
        throw std::invalid_argument(
            "the model takes vectors of " + std::to_string(classifier.inputLength()) +
            " bytes, the preprocessing makes " + std::to_string(preprocessing.vectorLength));
    }
    if (options.flowModel != nullptr &&
        options.flowModel->flowClassCount() != classifier.classCount()) {
        throw std::invalid_argument(
            "the flow model has " + std::to_string(options.flowModel->flowClassCount()) +
            " classes, the packet model " + std::to_string(classifier.classCount()));
    }
    if (options.batchSize == 0) {
        throw std::invalid_argument("batch size must be at least 1");
    }
}

// The engine: the stream's batches through the classifier, flows into verdicts, all to the sink.
InferenceSummary run(BatchClassifier& classifier, PacketStream& stream,
                     const PreprocessOptions& preprocessing, const InferenceOptions& options,
                     PredictionSink& sink, const InferenceControl& control) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto lastProgress = start;

    const std::size_t classes = classifier.classCount();
    InferenceSummary summary;
    summary.packetsPerClass.assign(classes, 0);
    summary.flowsPerClass.assign(classes, 0);

    sink.begin(stream.files());
    stream.keepClosedFlowIds();
    PacketBatch read(preprocessing.vectorLength, options.batchSize);
    // Without a selection the batch read is the batch classified; with one, the selected
    // packets are copied out of it.
    PacketBatch selected(preprocessing.vectorLength, control.select ? options.batchSize : 1);
    PacketBatch& batch = control.select ? selected : read;
    std::vector<float> logProbabilities(options.batchSize * classes);
    BatchPredictions predictions;
    FlowAggregator flows(classes, options.flowModel);
    flows.trackUpdates(options.flowUpdates);
    std::uint32_t openFile = 0;

    auto emit = [&](const std::vector<FlowVerdict>& verdicts) {
        if (verdicts.empty()) {
            return;
        }
        for (const auto& v : verdicts) {
            ++summary.flowsPerClass[v.classIndex];
        }
        summary.flows += verdicts.size();
        sink.flows(verdicts);
    };
    auto emitFlows = [&] { emit(flows.takeVerdicts(options.probabilities)); };

    auto classifyBatch = [&] {
        classifier.logProbabilities(batch.vectors(), batch.size(), logProbabilities.data());
        predictionsFromLogProbabilities(logProbabilities.data(), batch.size(), classes,
                                        options.probabilities, predictions);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const PacketRecord& record = batch.records()[i];
            // Flow ids belong to one file: a packet of a later file closes the earlier flows.
            if (record.fileIndex != openFile) {
                emitFlows();
                openFile = record.fileIndex;
            }
            flows.add(record, logProbabilities.data() + i * classes);
            ++summary.packetsPerClass[predictions.classIndex[i]];
        }
        if (options.flowModel != nullptr) {
            flows.takeRunningVerdicts(predictions.flowClassIndex, predictions.flowConfidence);
        }
        summary.packets += batch.size();
        sink.packets(batch, predictions);
        if (options.flowUpdates) {
            const std::vector<FlowVerdict> updated = flows.takeUpdated(options.probabilities);
            if (!updated.empty()) {
                sink.flowUpdates(updated);
            }
        }
        // Flows that are over go out as soon as they are known, so that a long capture does not
        // keep them all. With a selection some packets of a flow are skipped and its last time
        // is unknown here, so flows wait for the end of their file.
        if (!control.select) {
            emit(flows.takeFinished(options.probabilities));
        }
    };

    while (true) {
        if (control.cancel != nullptr && control.cancel->load(std::memory_order_relaxed)) {
            summary.cancelled = true;
            break;
        }
        if (!stream.next(read)) {
            break;
        }
        if (control.select) {
            batch.clear();
            for (std::size_t i = 0; i < read.size(); ++i) {
                if (control.select(read.records()[i])) {
                    std::memcpy(batch.append(read.records()[i]), read.vector(i),
                                read.vectorLength());
                }
            }
        }
        if (!batch.empty()) {
            classifyBatch();
        } else if (stream.live() && !control.select) {
            // A quiet link: time goes on without packets, and flows idle beyond the timeout
            // end by the clock. A second's margin keeps this before the timestamp of any
            // packet not read yet (the link was quiet for the capture's whole wait).
            const auto wall = std::chrono::system_clock::now().time_since_epoch();
            flows.advanceTo(std::chrono::duration_cast<std::chrono::nanoseconds>(wall).count() -
                            1'000'000'000);
            emit(flows.takeFinished(options.probabilities));
        }
        // Flows closed early over the open-flow budget: all their packets were in this batch or
        // earlier ones, so their verdicts are final.
        emit(flows.takeClosed(stream.takeClosedFlows(), options.probabilities));

        const auto now = Clock::now();
        if (control.progress && now - lastProgress >= std::chrono::milliseconds(100)) {
            lastProgress = now;
            control.progress(stream.progress());
        }
    }
    emitFlows();
    if (control.progress) {
        control.progress(stream.progress());
    }
    summary.files = stream.reports();
    summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return summary;
}

}  // namespace

InferenceSummary classifyCaptures(BatchClassifier& classifier,
                                  const std::vector<std::string>& files,
                                  const PreprocessOptions& preprocessing,
                                  const InferenceOptions& options, PredictionSink& sink,
                                  const InferenceControl& control) {
    checkOptions(classifier, preprocessing, options);
    PacketStream stream(files, preprocessing);
    return run(classifier, stream, preprocessing, options, sink, control);
}

InferenceSummary classifyLive(BatchClassifier& classifier, LiveCapture& capture,
                              const LiveStreamOptions& live, const PreprocessOptions& preprocessing,
                              const InferenceOptions& options, PredictionSink& sink,
                              const InferenceControl& control) {
    checkOptions(classifier, preprocessing, options);
    PacketStream stream(capture, live, preprocessing);
    return run(classifier, stream, preprocessing, options, sink, control);
}

}  // namespace deeppacket
