#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>

namespace deeppacket::gui {

// The worker thread of one of the app's jobs: runs posted work one piece at a time, in order,
// off the GUI thread; destroying it waits for the piece that runs (the job cancels it first).
// Work hands its results back with deliver(), which runs a function on the job's own (GUI)
// thread, so that everything the work touches is its own or passed by value.
class JobThread {
  public:
    explicit JobThread(const QString& name);
    ~JobThread();
    JobThread(const JobThread&) = delete;
    JobThread& operator=(const JobThread&) = delete;

    void post(std::function<void()> work);

    // Runs `f` on `receiver`'s thread, queued; dropped when the receiver is gone by then.
    static void deliver(QObject* receiver, std::function<void()> f);

  private:
    QThread thread_;
    QObject* context_;  // lives on thread_; posted work runs in its event loop
};

}  // namespace deeppacket::gui
