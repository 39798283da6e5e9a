#include "app/gui/training_job.h"

#include <QElapsedTimer>

#include <stdexcept>

#include "app/gui/result_builder.h"
#include "core/input_files.h"
#include "models/model.h"
#include "models/training_session.h"

namespace deeppacket::gui {

// Lives on the worker thread; gets the request by value.
class TrainingJob::Worker : public QObject {
    Q_OBJECT
  public:
    void run(const ui::TrainingRequest& request, std::shared_ptr<Flags> flags) {
        try {
            if (auto result = train(request, *flags)) {
                emit finished(std::move(result));
            } else {
                emit cancelled();
            }
        } catch (const std::exception& e) {
            emit failed(QString::fromStdString(e.what()));
        }
    }

  signals:
    void epoch(const deeppacket::ui::TrainingProgress& progress);
    void finished(deeppacket::ui::ResultPointer result);
    void cancelled();
    void failed(const QString& message);

  private:
    // Null when the training was cancelled and discarded.
    ui::ResultPointer train(const ui::TrainingRequest& request, const Flags& flags) {
        QElapsedTimer clock;
        clock.start();
        TrainingPlan plan;
        std::vector<std::string> arguments;
        for (const QString& file : request.captures) {
            arguments.push_back(file.toStdString());
        }
        InputFiles inputs = expandInputs(arguments);
        // Training on part of the data without saying so would be worse than not training.
        for (const auto& problems : {inputs.errors, inputs.unreadable}) {
            if (!problems.empty()) {
                throw std::runtime_error(problems.front());
            }
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
        plan.device = request.device;
        plan.output = request.output.toStdString();
        plan.discard = &flags.discard;

        qint64 lastReport = -1000;
        const TrainingReport report = trainOnCaptures(
            plan,
            [this, &clock](std::size_t, const TrainingEpoch& e) {
                ui::TrainingProgress p;
                p.phase = QString::fromStdString(e.phase);
                p.epoch = e.epoch;
                p.trainLoss = e.trainLoss;
                p.validationLoss = e.validationLoss;
                p.validationAccuracy = e.validationAccuracy;
                p.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
                emit epoch(p);
            },
            &flags.cancel,
            [this, &clock, &lastReport](const StreamProgress& s) {
                // Reading reports every batch; ten updates a second are plenty.
                if (clock.elapsed() - lastReport < 100) {
                    return;
                }
                lastReport = clock.elapsed();
                ui::TrainingProgress p;
                p.phase = QStringLiteral("reading");
                p.fraction = s.bytesTotal > 0 ? static_cast<double>(s.bytesDone) /
                                                    static_cast<double>(s.bytesTotal)
                                              : 0;
                p.packets = s.packetsKept;
                p.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
                emit epoch(p);
            });

        if (report.discarded) {
            return nullptr;
        }
        // The workspace shows the test split, read afresh from the captures so that its rows
        // carry addresses and times, and scored by the model as written.
        ui::TrainingProgress scoring;
        scoring.phase = QStringLiteral("scoring");
        scoring.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
        emit epoch(scoring);
        Model model = Model::load(plan.output);
        model.setDevice(plan.device);
        InferenceControl control;
        const PacketSelection& test = report.testPackets;
        control.select = [&test](const PacketRecord& r) { return test.contains(r); };
        QStringList files;
        for (const auto& f : plan.files) {
            files << QString::fromStdString(f);
        }
        bool cancelled = false;
        auto result =
            classifyIntoResult(model, files, GroundTruth::parse(plan.labelScheme, plan.task),
                               InferenceOptions{}, control, &cancelled);
        result->modelPath = request.output;
        result->labelsDescription =
            tr("%1; the test split of a %2 split (%3 packets)%4")
                .arg(result->labelsDescription, request.split)
                .arg(test.size())
                .arg(report.interrupted ? tr(", training stopped early by the user") : QString());
        return result;
    }
};

TrainingJob::TrainingJob(QObject* parent)
    : QObject(parent), worker_(new Worker), flags_(std::make_shared<Flags>()) {
    qRegisterMetaType<ui::TrainingRequest>();
    qRegisterMetaType<ui::TrainingProgress>();
    qRegisterMetaType<ui::ResultPointer>();
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &Worker::epoch, this, &TrainingJob::epoch);
    connect(worker_, &Worker::finished, this, &TrainingJob::finished);
    connect(worker_, &Worker::cancelled, this, &TrainingJob::cancelled);
    connect(worker_, &Worker::failed, this, &TrainingJob::failed);
    thread_.setObjectName("training");
    thread_.start();
}

TrainingJob::~TrainingJob() {
    discard();
    thread_.quit();
    thread_.wait();
}

void TrainingJob::start(const ui::TrainingRequest& request) {
    discard();
    flags_ = std::make_shared<Flags>();
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, request, flags = flags_] { worker->run(request, flags); });
}

void TrainingJob::discard() {
    flags_->discard.store(true);  // before the cancel flag, which the worker acts on
    flags_->cancel.store(true);
}

}  // namespace deeppacket::gui

#include "training_job.moc"
