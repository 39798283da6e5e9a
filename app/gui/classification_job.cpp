#include "app/gui/classification_job.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include "app/gui/network_work.h"

namespace deeppacket::gui {

// Lives on the worker thread; everything it touches is its own or passed by value.
class ClassificationJob::Worker : public QObject {
    Q_OBJECT
  public:
    void run(quint64 jobId, const ui::RunRequest& request,
             std::shared_ptr<std::atomic<bool>> cancel) {
        try {
            auto result = classify(jobId, request, *cancel);
            if (cancel->load()) {
                emit cancelled(jobId);
            } else {
                emit finished(jobId, std::move(result));
            }
        } catch (const std::exception& e) {
            emit failed(jobId, QString::fromStdString(e.what()));
        }
    }

  signals:
    void progress(const deeppacket::ui::RunProgress& progress);
    void finished(quint64 jobId, deeppacket::ui::ResultPointer result);
    void failed(quint64 jobId, const QString& message);
    void cancelled(quint64 jobId);

  private:
    ui::ResultPointer classify(quint64 jobId, const ui::RunRequest& request,
                               const std::atomic<bool>& cancel) {
        QElapsedTimer clock;
        clock.start();
        return networkWork().classify(
            request,
            [&](const StreamProgress& p) {
                ui::RunProgress report;
                report.jobId = jobId;
                report.fraction = p.bytesTotal > 0 ? static_cast<double>(p.bytesDone) /
                                                         static_cast<double>(p.bytesTotal)
                                                   : 0;
                report.packetsRead = p.packetsRead;
                report.packetsClassified = p.packetsKept;
                report.elapsedSeconds = static_cast<double>(clock.elapsed()) / 1000.0;
                emit progress(report);
            },
            cancel);
    }
};

ClassificationJob::ClassificationJob(QObject* parent)
    : QObject(parent), worker_(new Worker), cancel_(std::make_shared<std::atomic<bool>>(false)) {
    qRegisterMetaType<ui::RunRequest>();
    qRegisterMetaType<ui::ResultPointer>();
    qRegisterMetaType<ui::RunProgress>();
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &Worker::progress, this, [this](const ui::RunProgress& p) {
        if (p.jobId == jobId_) {
            emit progress(p);
        }
    });
    connect(worker_, &Worker::finished, this, &ClassificationJob::finished);
    connect(worker_, &Worker::failed, this, &ClassificationJob::failed);
    connect(worker_, &Worker::cancelled, this, &ClassificationJob::cancelled);
    thread_.setObjectName("classification");
    thread_.start();
}

ClassificationJob::~ClassificationJob() {
    cancel_->store(true);
    thread_.quit();
    thread_.wait();
}

quint64 ClassificationJob::start(const ui::RunRequest& request) {
    cancel_->store(true);  // a run still going stops at its next batch
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    const quint64 id = ++jobId_;
    QMetaObject::invokeMethod(worker_, [worker = worker_, id, request, flag = cancel_] {
        worker->run(id, request, flag);
    });
    return id;
}

void ClassificationJob::cancel() {
    cancel_->store(true);
}

}  // namespace deeppacket::gui

#include "classification_job.moc"
