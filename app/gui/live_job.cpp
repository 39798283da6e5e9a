#include "app/gui/live_job.h"

#include <exception>

#include "app/gui/network_work.h"

namespace deeppacket::gui {

LiveJob::LiveJob(QObject* parent)
    : QObject(parent),
      stop_(std::make_shared<std::atomic<bool>>(false)),
      thread_(QStringLiteral("live capture")) {
    qRegisterMetaType<ui::ResultPointer>();
    qRegisterMetaType<ui::LiveRequest>();
}

LiveJob::~LiveJob() {
    stop_->store(true);
}

quint64 LiveJob::start(const ui::LiveRequest& request) {
    stop_->store(true);  // a capture still going ends at its next read
    stop_ = std::make_shared<std::atomic<bool>>(false);
    const quint64 session = ++session_;
    capturing_ = true;
    auto mailbox = std::make_shared<Mailbox>();
    // On the worker thread: everything it touches is its own or passed by value; `this` is
    // used only in what deliver() runs back on the job's thread.
    thread_.post([this, session, request, mailbox, stop = stop_] {
        auto post = [this, mailbox](ui::ResultPointer result) {
            bool waiting = false;
            {
                const std::lock_guard<std::mutex> lock(mailbox->mutex);
                waiting = mailbox->latest != nullptr;
                mailbox->latest = std::move(result);
            }
            if (!waiting) {
                JobThread::deliver(this, [this, mailbox] { takeMoment(mailbox); });
            }
        };
        try {
            networkWork().captureLive(request, session, post, *stop);
        } catch (const std::exception& e) {
            const QString message = QString::fromStdString(e.what());
            JobThread::deliver(this, [this, session, message] {
                if (session == session_) {
                    capturing_ = false;
                }
                emit failed(session, message);
            });
        }
    });
    return session;
}

void LiveJob::takeMoment(const std::shared_ptr<Mailbox>& mailbox) {
    ui::ResultPointer result;
    {
        const std::lock_guard<std::mutex> lock(mailbox->mutex);
        result = std::move(mailbox->latest);
    }
    if (!result || result->liveSession != session_) {
        return;  // a capture that was replaced
    }
    capturing_ = result->capturing;
    emit moment(std::move(result));
}

void LiveJob::stop() {
    stop_->store(true);
}

void LiveJob::abandon() {
    stop_->store(true);
    ++session_;  // what the stopped capture still hands out is for another session
    capturing_ = false;
}

}  // namespace deeppacket::gui
