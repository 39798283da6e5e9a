#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <chrono>
#include <filesystem>
#include <system_error>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/capture_report.h"
#include "core/evaluation_report.h"
#include "core/live_capture.h"
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

    // A live capture: each moment of it is a result of its own, sharing the session number.
    // `packets` then holds the newest packets only; `firstPacket` is the index in the capture of
    // packets[0], so that numbers stay those of the whole capture. `files` is the raw capture
    // being written (a temporary pcapng, for the packet details and Save capture as).
    quint64 liveSession = 0;  // 0: captures read from files
    QString liveInterface;
    bool capturing = false;  // still going: more moments follow
    std::uint64_t firstPacket = 0;
    std::uint64_t packetsSeen = 0;  // every packet classified, kept in `packets` or not
    std::uint64_t openFlows = 0;
    LiveCaptureStats captureStats;
    std::uint64_t framesCaptured = 0;
    // Removes the raw capture of a live session once no moment of it is shown any more.
    std::shared_ptr<const struct RemovedWhenUnused> ownedCapture;
};

// A file that goes when the last result referring to it goes.
struct RemovedWhenUnused {
    std::string path;
    explicit RemovedWhenUnused(std::string file) : path(std::move(file)) {}
    ~RemovedWhenUnused() {
        std::error_code ignored;  // already gone, or never written: nothing to do
        std::filesystem::remove(std::filesystem::u8path(path), ignored);
    }
    RemovedWhenUnused(const RemovedWhenUnused&) = delete;
    RemovedWhenUnused& operator=(const RemovedWhenUnused&) = delete;
};

// The packet number shown for packets[index] (1-based, over the whole capture when live).
inline std::uint64_t packetNumber(const ClassificationResult& result, std::size_t index) {
    return result.firstPacket + index + 1;
}

using ResultPointer = std::shared_ptr<const ClassificationResult>;

// Progress of a running job, for the run page.
struct RunProgress {
    quint64 jobId = 0;
    double fraction = 0;
    quint64 packetsRead = 0;
    quint64 packetsClassified = 0;
    double elapsedSeconds = 0;
};

// What to capture live and with which models, from the GUI thread to the job's worker.
struct LiveRequest {
    AnalysisPlan plan;  // models and device; its files are not read
    LiveCaptureOptions capture;
    std::size_t keepPackets = 100'000;              // the newest packets the workspace keeps
    std::string capturePath;                        // where the raw capture is written (a pcapng)
    std::chrono::milliseconds updateInterval{250};  // the shortest time between two moments
};

}  // namespace deeppacket::ui

// The wizard's choices, from the GUI thread to the job's worker.
Q_DECLARE_METATYPE(deeppacket::AnalysisPlan)
Q_DECLARE_METATYPE(deeppacket::ui::ResultPointer)
Q_DECLARE_METATYPE(deeppacket::ui::RunProgress)
Q_DECLARE_METATYPE(deeppacket::ui::LiveRequest)
