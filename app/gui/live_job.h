#pragma once

#include <QObject>

#include <atomic>
#include <memory>
#include <mutex>

#include "app/gui/job_thread.h"
#include "ui/classification_result.h"

namespace deeppacket::gui {

// Captures live on a worker thread, one capture at a time, and hands each moment of it to the
// GUI thread as an immutable result. Moments wait in a mailbox of one: when the GUI thread is
// busy, a newer moment replaces the one not shown yet, so that a fast link never queues up
// copies of the workspace.
class LiveJob : public QObject {
    Q_OBJECT
  public:
    explicit LiveJob(QObject* parent = nullptr);
    ~LiveJob() override;  // stops, then waits for the worker thread

    // Starts capturing as the request says and returns the session number its moments carry; a
    // capture still going is stopped first.
    quint64 start(const ui::LiveRequest& request);
    // Ends the capture; its last moment (capturing false) follows.
    void stop();
    // Ends the capture and drops its moments still to come (another result replaces it).
    void abandon();
    bool capturing() const { return capturing_; }
    quint64 session() const { return session_; }

  signals:
    void moment(deeppacket::ui::ResultPointer result);
    // The capture could not start or broke off; `session` says which.
    void failed(quint64 session, const QString& message);

  private:
    struct Mailbox {
        std::mutex mutex;
        ui::ResultPointer latest;
    };
    void takeMoment(const std::shared_ptr<Mailbox>& mailbox);

    std::shared_ptr<std::atomic<bool>> stop_;
    quint64 session_ = 0;
    bool capturing_ = false;
    JobThread thread_;  // last: destroyed first, waiting for the capture it stopped
};

}  // namespace deeppacket::gui
