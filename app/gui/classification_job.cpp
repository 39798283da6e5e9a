#include "app/gui/classification_job.h"

#include <QElapsedTimer>

#include <exception>

#include "app/gui/network_work.h"

namespace deeppacket::gui {

ClassificationJob::ClassificationJob(QObject* parent)
    : QObject(parent),
      cancel_(std::make_shared<std::atomic<bool>>(false)),
      thread_(QStringLiteral("classification")) {
    qRegisterMetaType<AnalysisPlan>();
    qRegisterMetaType<ui::ResultPointer>();
    qRegisterMetaType<ui::RunProgress>();
}

ClassificationJob::~ClassificationJob() {
    cancel_->store(true);
}

quint64 ClassificationJob::start(const AnalysisPlan& plan) {
    cancel_->store(true);  // a run still going stops at its next batch
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    const quint64 id = ++jobId_;
    // On the worker thread: everything it touches is its own or passed by value; `this` is
    // used only in what deliver() runs back on the job's thread.
    thread_.post([this, id, plan, cancel = cancel_] {
        QElapsedTimer clock;
        clock.start();
        try {
            auto result = networkWork().classify(
                plan,
                [&](const StreamProgress& p) {
                    ui::RunProgress report;
                    report.jobId = id;
                    report.fraction = p.bytesTotal > 0 ? static_cast<double>(p.bytesDone) /
                                                             static_cast<double>(p.bytesTotal)
                                                       : 0;
                    report.packetsRead = p.packetsRead;
                    report.packetsClassified = p.packetsKept;
                    report.elapsedSeconds = static_cast<double>(clock.elapsed()) / 1000.0;
                    JobThread::deliver(this, [this, report] {
                        if (report.jobId == jobId_) {
                            emit progress(report);
                        }
                    });
                },
                *cancel);
            if (cancel->load()) {
                JobThread::deliver(this, [this, id] { emit cancelled(id); });
            } else {
                JobThread::deliver(this, [this, id, result] { emit finished(id, result); });
            }
        } catch (const std::exception& e) {
            const QString message = QString::fromStdString(e.what());
            JobThread::deliver(this, [this, id, message] { emit failed(id, message); });
        }
    });
    return id;
}

void ClassificationJob::cancel() {
    cancel_->store(true);
}

}  // namespace deeppacket::gui
