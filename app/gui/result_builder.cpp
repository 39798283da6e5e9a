#include "app/gui/result_builder.h"

#include <stdexcept>

namespace deeppacket::gui {

std::shared_ptr<ui::ClassificationResult> resultOf(const Analysis& analysis,
                                                   AnalysisOutcome&& outcome) {
    const AnalysisPlan& plan = analysis.plan();
    const ModelCard& card = analysis.model().card();
    // A capture that could not be read costs its own results only, and the window says which;
    // with none readable there is nothing to show.
    if (!outcome.summary.cancelled && outcome.unreadable.size() == outcome.summary.files.size()) {
        std::string message = outcome.unreadable.empty() ? "no captures" : "";
        for (const auto& error : outcome.unreadable) {
            message += (message.empty() ? "" : "\n") + error;
        }
        throw std::runtime_error(message);
    }
    auto result = std::make_shared<ui::ClassificationResult>();
    result->files = plan.files;
    result->classes = card.classes;
    result->modelPath = QString::fromStdString(plan.modelPath);
    result->modelTrust = plan.trust;
    result->deviceChoice = plan.device;
    result->preprocessing = card.preprocessing;
    result->modelSummary = QString::fromStdString(card.network.summary());
    result->task = QString::fromStdString(taskTitle(card.task));
    result->device = QString::fromStdString(deviceChoiceName(analysis.model().device()));
    if (const Model* flowModel = analysis.flowModel()) {
        result->flowModelPath = QString::fromStdString(plan.flowModelPath);
        result->flowModelSummary = QString::fromStdString(flowModel->card().network.summary());
    }
    result->packets = std::move(outcome.packets);
    result->flows = std::move(outcome.flows);
    result->fileReports = outcome.summary.files;
    result->packetsPerClass = outcome.summary.packetsPerClass;
    result->flowsPerClass = outcome.summary.flowsPerClass;
    result->seconds = outcome.summary.seconds;
    if (const GroundTruth* truth = analysis.truth()) {
        result->labelsDescription = QString::fromStdString(truth->description());
        result->unlabeledPackets = outcome.scores->unlabeledPackets();
        result->evaluation = std::move(outcome.evaluation);
    }
    return result;
}

}  // namespace deeppacket::gui
