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
#include "core/prediction_recorder.h"
#include "models/device_choice.h"

namespace deeppacket::ui {

// What the user asked the app to do: the wizard's choices.
struct RunRequest {
    QStringList captures;
    QString task;  // "application", "traffic", or a model's own task
    QString modelPath;
    bool trustModelCode = false;  // the user agreed to run a TorchScript model's code
    QString flowModelPath;        // a flow model beside it (same classes), or empty
    DeviceChoice device = DeviceChoice::Auto;
    int batchSize = 256;
    QString labelScheme;  // empty: no ground truth; else a core label scheme ("folder", ...)
};

// Everything a finished run produced, handed from the worker thread to the views as one
// immutable value (shared, never copied).
struct ClassificationResult {
    std::vector<std::string> files;
    std::vector<std::string> classes;
    QString modelPath;
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

Q_DECLARE_METATYPE(deeppacket::ui::RunRequest)
Q_DECLARE_METATYPE(deeppacket::ui::ResultPointer)
Q_DECLARE_METATYPE(deeppacket::ui::RunProgress)
