#include "app/gui/training_job.h"

#include <QElapsedTimer>

#include <stdexcept>

#include "app/gui/network_work.h"

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
        qint64 lastReport = -1000;
        auto result = networkWork().train(
            request,
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
            },
            flags.cancel, flags.discard);
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
