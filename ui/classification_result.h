#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/capture_report.h"
#include "core/evaluation_report.h"
#include "core/prediction_rows.h"
#include "core/preprocess_options.h"
#include "models/analysis_plan.h"

namespace deeppacket::ui {

// Everything a finished run produced, handed from the worker thread to the views as one
// immutable value (shared, never copied).
struct ClassificationResult {
    std::vector<std::string> files;
    std::vector<std::string> classes;
    QString modelPath;
    ModelTrust modelTrust = ModelTrust::DataOnly;    // how the model was opened
    DeviceChoice deviceChoice = DeviceChoice::Auto;  // where it ran
    PreprocessOptions preprocessing;                 // its card's: how packets became vectors
    QString modelSummary;
    QString flowModelPath;     // empty without a flow model
    QString flowModelSummary;  // its network; flows then carry its verdicts
    QString task;
    QString device;
    std::vector<PacketResult> packets;
    std::vector<FlowResult> flows;
    std::vector<FileReport> fileReports;
    std::vector<std::uint64_t> packetsPerClass;
    std::vector<std::uint64_t> flowsPerClass;
    double seconds = 0;
    QString labelsDescription;             // empty without ground truth
    std::optional<Evaluation> evaluation;  // with ground truth and at least one scored packet
    std::uint64_t unlabeledPackets = 0;
};

using ResultPointer = std::shared_ptr<const ClassificationResult>;

// Progress of a running job, for the run page.
struct RunProgress {
    quint64 jobId = 0;
    double fraction = 0;
    quint64 packetsRead = 0;
    quint64 packetsClassified = 0;
    double elapsedSeconds = 0;
};

}  // namespace deeppacket::ui

// The wizard's choices, from the GUI thread to the job's worker.
Q_DECLARE_METATYPE(deeppacket::AnalysisPlan)
Q_DECLARE_METATYPE(deeppacket::ui::ResultPointer)
Q_DECLARE_METATYPE(deeppacket::ui::RunProgress)
