#include "app/gui/result_builder.h"

#include <stdexcept>

#include "core/prediction_recorder.h"

namespace deeppacket::gui {

std::shared_ptr<ui::ClassificationResult> classifyIntoResult(
    Model& model, const QStringList& captures, const std::optional<GroundTruth>& truth,
    const InferenceOptions& options, const InferenceControl& control, bool* cancelled) {
    const ModelCard& card = model.card();
    auto result = std::make_shared<ui::ClassificationResult>();
    for (const QString& file : captures) {
        result->files.push_back(file.toStdString());
    }
    result->classes = card.classes;
    result->modelSummary = QString::fromStdString(card.network.summary());
    result->task = QString::fromStdString(taskTitle(card.task));
    result->device = QString::fromStdString(deviceChoiceName(model.device()));

    PredictionRecorder::Outputs outputs;
    outputs.keepRows = true;
    outputs.flowModel = options.flowModel != nullptr;
    PredictionRecorder recorder(card.classes, truth ? &*truth : nullptr, outputs);
    const InferenceSummary summary =
        classifyCaptures(model, result->files, card.preprocessing, options, recorder, control);
    *cancelled = summary.cancelled;
    if (summary.cancelled) {
        return result;
    }
    // A capture that could not be read costs its own results only; the window says which.
    std::size_t unreadable = 0;
    for (const auto& file : summary.files) {
        unreadable += file.opened() ? 0u : 1u;
    }
    if (unreadable == summary.files.size()) {
        throw std::runtime_error(summary.files.empty() ? "no captures" : summary.files[0].error);
    }
    result->packets = recorder.takePackets();
    result->flows = recorder.takeFlows();
    result->fileReports = summary.files;
    result->packetsPerClass = summary.packetsPerClass;
    result->flowsPerClass = summary.flowsPerClass;
    result->seconds = summary.seconds;
    if (truth) {
        result->labelsDescription = QString::fromStdString(truth->description());
        result->unlabeledPackets = recorder.unlabeledPackets();
        if (recorder.packetConfusion().total() > 0) {
            result->evaluation = evaluate(recorder.packetConfusion(), recorder.flowConfusion());
        }
    }
    return result;
}

}  // namespace deeppacket::gui
