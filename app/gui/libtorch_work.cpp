// The app's work with the networks (network_work.h), in the plugin that links LibTorch.
#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "app/gui/network_work.h"
#include "app/gui/result_builder.h"
#include "core/allocator_tuning.h"
#include "core/input_files.h"
#include "core/live_capture.h"
#include "core/live_rows.h"
#include "core/pcapng_writer.h"
#include "models/analysis.h"
#include "models/training_session.h"

namespace deeppacket::gui {
namespace {

class LibTorchWork final : public NetworkWork {
  public:
    ByteAttribution explain(const ui::ClassificationResult& result,
                            const std::vector<std::uint8_t>& vector) override {
        // One packet at a time: the model is loaded once per result and its gradients are
        // not shared between threads.
        const std::lock_guard<std::mutex> lock(explaining_);
        const std::string path = result.modelPath.toStdString();
        if (!explainer_ || explainerPath_ != path) {
            explainer_.reset();
            explainer_ = std::make_unique<Model>(Model::load(path, result.modelTrust));
            explainer_->setDevice(result.deviceChoice);
            explainerPath_ = path;
        }
        if (vector.size() != explainer_->inputLength()) {
            throw ModelError(path + ": the model takes " +
                             std::to_string(explainer_->inputLength()) + " bytes, not " +
                             std::to_string(vector.size()));
        }
        return attributeBytes(*explainer_, vector.data());
    }

    ui::ResultPointer classify(const AnalysisPlan& plan,
                               const std::function<void(const StreamProgress&)>& progress,
                               const std::atomic<bool>& cancel) override {
        Analysis analysis(plan);
        InferenceControl control;
        control.cancel = &cancel;
        control.progress = progress;
        return resultOf(analysis, analysis.run(control));
    }

    void captureLive(const ui::LiveRequest& request, quint64 session,
                     const std::function<void(ui::ResultPointer)>& moment,
                     const std::atomic<bool>& stop) override {
        using Clock = std::chrono::steady_clock;
        AnalysisPlan plan = request.plan;
        plan.files.clear();
        plan.labelScheme.clear();  // a link has no label file
        plan.packetsCsv.clear();
        plan.flowsCsv.clear();
        plan.keepRows = false;  // LiveRows keeps the newest packets instead
        plan.probabilities = false;
        plan.flowUpdates = true;
        Analysis analysis(plan);
        LiveCapture capture(request.capture);
        PcapngWriter raw(request.capturePath, capture.linkType(),
                         static_cast<std::uint32_t>(request.capture.snapshotLength),
                         capture.interface());
        const auto owned = std::make_shared<const ui::RemovedWhenUnused>(request.capturePath);
        LiveRows rows(analysis.model().card().classes.size(), request.keepPackets);

        const auto start = Clock::now();
        auto lastMoment = start;
        Clock::duration interval = request.updateInterval;
        LiveCaptureStats lastStats;
        bool published = false;
        auto publish = [&](const StreamProgress& progress, bool capturing) {
            const LiveCaptureStats stats = capture.stats();
            const bool statsChanged = stats.received != lastStats.received ||
                                      stats.droppedByKernel != lastStats.droppedByKernel ||
                                      stats.droppedByInterface != lastStats.droppedByInterface;
            const auto now = Clock::now();
            // The first moment opens the workspace at once, before any packet.
            if (capturing && published &&
                (now - lastMoment < interval || (!rows.changed() && !statsChanged))) {
                return;
            }
            published = true;
            lastStats = stats;
            if (capturing) {
                raw.flush();  // so that the packet details can read what the view shows
            }
            LiveMoment m;
            m.session = session;
            m.interface = capture.interface();
            m.capturePath = capturing ? raw.temporaryPath() : request.capturePath;
            m.linkType = capture.linkType();
            m.capturing = capturing;
            m.seconds = std::chrono::duration<double>(now - start).count();
            m.counts = progress.counts;
            m.stats = stats;
            m.frames = raw.frames();
            auto result = liveResultOf(analysis, rows.snapshot(), m);
            result->ownedCapture = owned;
            // A moment copies the newest packets and every flow: with many of them the copy
            // takes a while, and moments then come less often, so that copying stays a small
            // share of the work.
            const auto took = Clock::now() - now;
            interval =
                std::max<Clock::duration>(Clock::duration(request.updateInterval), 10 * took);
            lastMoment = Clock::now();
            moment(std::move(result));
        };

        LiveStreamOptions live;
        live.stop = [&stop] { return stop.load(std::memory_order_relaxed); };
        live.onFrame = [&raw](const Frame& frame) { raw.write(frame); };
        InferenceControl control;
        StreamProgress lastProgress;
        control.progress = [&](const StreamProgress& p) {
            lastProgress = p;
            publish(p, true);
        };
        publish(lastProgress, true);
        analysis.runLive(capture, live, control, &rows);
        raw.commit();
        publish(lastProgress, false);
    }

    ui::ResultPointer train(const ui::TrainingRequest& request,
                            const std::function<void(std::size_t, const TrainingEpoch&)>& epoch,
                            const std::function<void(const StreamProgress&)>& reading,
                            const std::atomic<bool>& cancel,
                            const std::atomic<bool>& discard) override {
        TrainingPlan plan;
        std::vector<std::string> arguments;
        for (const QString& file : request.captures) {
            arguments.push_back(file.toStdString());
        }
        InputFiles inputs = expandInputs(arguments);
        // Training on part of the data without saying so would be worse than not training.
        // Every problem is named at once, as the command line does.
        std::string problems;
        for (const auto& list : {inputs.errors, inputs.unreadable}) {
            for (const auto& problem : list) {
                problems += (problems.empty() ? "" : "\n") + problem;
            }
        }
        if (!problems.empty()) {
            throw std::runtime_error(problems);
        }
        plan.files = std::move(inputs.files);
        if (plan.files.empty()) {
            throw std::runtime_error("no capture files among the inputs");
        }
        plan.labelScheme = request.labelScheme.toStdString();
        plan.task = request.task.toStdString();
        plan.arch = parseNetworkKind(request.arch.toStdString()).value_or(NetworkKind::Sae);
        plan.split = parseSplitKind(request.split.toStdString()).value_or(SplitKind::File);
        plan.config.epochs = request.epochs;
        plan.config.pretrainEpochs = request.pretrainEpochs;
        plan.config.batchSize = static_cast<std::size_t>(request.batchSize);
        plan.config.learningRate = request.learningRate;
        plan.config.patience = request.patience;
        plan.config.seed = static_cast<std::uint64_t>(request.seed);
        plan.dataset.maxPerClass = static_cast<std::size_t>(request.maxPerClass);
        plan.dataset.cacheFolder = request.cacheFolder.toStdString();
        plan.preprocessing = request.preprocessing;
        plan.device = request.device;
        plan.output = request.output.toStdString();
        plan.discard = &discard;

        const TrainingReport report = trainOnCaptures(plan, epoch, &cancel, reading);
        if (report.discarded) {
            return nullptr;
        }
        // The workspace shows the test split, read afresh from the captures so that its rows
        // carry addresses and times, and scored by the model as written.
        TrainingEpoch scoring;
        scoring.phase = "scoring";
        epoch(0, scoring);
        AnalysisPlan scoringPlan;
        scoringPlan.modelPath = plan.output;
        scoringPlan.device = plan.device;
        scoringPlan.files = plan.files;
        scoringPlan.labelScheme = plan.labelScheme;
        scoringPlan.keepRows = true;
        Analysis analysis(std::move(scoringPlan));
        InferenceControl control;
        const PacketSelection& test = report.testPackets;
        control.select = [&test](const PacketRecord& r) { return test.contains(r); };
        auto result = resultOf(analysis, analysis.run(control));
        result->labelsDescription =
            QCoreApplication::translate("ui", "%1; the test split of a %2 split (%3 packets)%4")
                .arg(result->labelsDescription, request.split)
                .arg(test.size())
                .arg(report.interrupted
                         ? QCoreApplication::translate("ui", ", training stopped early by the user")
                         : QString());
        return result;
    }

  private:
    std::mutex explaining_;
    std::unique_ptr<Model> explainer_;
    std::string explainerPath_;
};

}  // namespace
}  // namespace deeppacket::gui

#if defined(_WIN32)
#define DEEPPACKET_PLUGIN_EXPORT extern "C" __declspec(dllexport)
#else
#define DEEPPACKET_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))
#endif

DEEPPACKET_PLUGIN_EXPORT deeppacket::gui::NetworkWork* deeppacket_gui_network_work() {
    static_assert(
        std::is_same_v<decltype(&deeppacket_gui_network_work), deeppacket::gui::NetworkWorkEntry>);
    static deeppacket::gui::LibTorchWork work;
    deeppacket::tuneAllocatorForInference();
    return &work;
}
