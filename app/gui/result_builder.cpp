#include "app/gui/result_builder.h"

#include <stdexcept>

namespace deeppacket::gui {
namespace {

// What a result says of its models, from the analysis that ran them.
std::shared_ptr<ui::ClassificationResult> describedResult(const Analysis& analysis) {
    const AnalysisPlan& plan = analysis.plan();
    const ModelCard& card = analysis.model().card();
    auto result = std::make_shared<ui::ClassificationResult>();
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
    return result;
}

}  // namespace

std::shared_ptr<ui::ClassificationResult> resultOf(const Analysis& analysis,
                                                   AnalysisOutcome&& outcome) {
    const AnalysisPlan& plan = analysis.plan();
    // A capture that could not be read costs its own results only, and the window says which;
    // with none readable there is nothing to show.
    if (!outcome.summary.cancelled && outcome.unreadable.size() == outcome.summary.files.size()) {
        std::string message = outcome.unreadable.empty() ? "no captures" : "";
        for (const auto& error : outcome.unreadable) {
            message += (message.empty() ? "" : "\n") + error;
        }
        throw std::runtime_error(message);
    }
    auto result = describedResult(analysis);
    result->files = plan.files;
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

std::shared_ptr<ui::ClassificationResult> liveResultOf(const Analysis& analysis,
                                                       LiveRowsSnapshot&& rows,
                                                       const LiveMoment& moment) {
    auto result = describedResult(analysis);
    result->files = {moment.capturePath};
    FileReport report;
    report.path = moment.capturePath;
    report.format = "pcapng";
    report.linkType = moment.linkType;
    report.counts = moment.counts;
    report.flows = rows.flows.size();
    report.firstTimestampNs = rows.firstTimestampNs;
    result->fileReports = {std::move(report)};
    result->packets = std::move(rows.packets);
    result->flows = std::move(rows.flows);
    result->packetsPerClass = std::move(rows.packetsPerClass);
    result->flowsPerClass = std::move(rows.flowsPerClass);
    result->seconds = moment.seconds;
    result->liveSession = moment.session;
    result->liveInterface = QString::fromStdString(moment.interface);
    result->capturing = moment.capturing;
    result->firstPacket = rows.firstPacket;
    result->packetsSeen = rows.packetsSeen;
    result->openFlows = rows.openFlows;
    result->captureStats = moment.stats;
    result->framesCaptured = moment.frames;
    return result;
}

}  // namespace deeppacket::gui
