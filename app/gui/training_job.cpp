#include "app/gui/training_job.h"

#include <QElapsedTimer>

#include <exception>

#include "app/gui/network_work.h"

namespace deeppacket::gui {

TrainingJob::TrainingJob(QObject* parent)
    : QObject(parent), flags_(std::make_shared<Flags>()), thread_(QStringLiteral("training")) {
    qRegisterMetaType<ui::TrainingRequest>();
    qRegisterMetaType<ui::TrainingProgress>();
    qRegisterMetaType<ui::ResultPointer>();
}

TrainingJob::~TrainingJob() {
    discard();
}

void TrainingJob::start(const ui::TrainingRequest& request) {
    discard();
    flags_ = std::make_shared<Flags>();
    // On the worker thread: `this` is used only in what deliver() runs back on the job's thread.
    thread_.post([this, request, flags = flags_] {
        QElapsedTimer clock;
        clock.start();
        qint64 lastReport = -1000;
        auto report = [this](const ui::TrainingProgress& p) {
            JobThread::deliver(this, [this, p] { emit epoch(p); });
        };
        try {
            auto result = networkWork().train(
                request,
                [&](std::size_t, const TrainingEpoch& e) {
                    ui::TrainingProgress p;
                    p.phase = QString::fromStdString(e.phase);
                    p.epoch = e.epoch;
                    p.trainLoss = e.trainLoss;
                    p.validationLoss = e.validationLoss;
                    p.validationAccuracy = e.validationAccuracy;
                    p.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
                    report(p);
                },
                [&](const StreamProgress& s) {
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
                    report(p);
                },
                flags->cancel, flags->discard);
            if (result) {
                JobThread::deliver(this, [this, result] { emit finished(result); });
            } else {
                JobThread::deliver(this, [this] { emit cancelled(); });
            }
        } catch (const std::exception& e) {
            const QString message = QString::fromStdString(e.what());
            JobThread::deliver(this, [this, message] { emit failed(message); });
        }
    });
}

void TrainingJob::discard() {
    flags_->discard.store(true);  // before the cancel flag, which the worker acts on
    flags_->cancel.store(true);
}

}  // namespace deeppacket::gui
