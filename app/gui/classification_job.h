#pragma once

#include <QObject>

#include <atomic>
#include <memory>

#include "app/gui/job_thread.h"
#include "ui/classification_result.h"

namespace deeppacket::gui {

// Runs classifications on a worker thread, one at a time. Results travel back as immutable
// values through queued signals; a job id lets the receiver drop the results of a run it has
// cancelled or replaced. Cancelling sets a flag the engine checks before every batch.
class ClassificationJob : public QObject {
    Q_OBJECT
  public:
    explicit ClassificationJob(QObject* parent = nullptr);
    ~ClassificationJob() override;  // cancels, then waits for the worker thread

    // Starts a run of the plan and returns its id; a run still going is cancelled first.
    quint64 start(const AnalysisPlan& plan);
    void cancel();
    quint64 currentJob() const { return jobId_; }

  signals:
    void progress(const deeppacket::ui::RunProgress& progress);
    void finished(quint64 jobId, deeppacket::ui::ResultPointer result);
    void failed(quint64 jobId, const QString& message);
    void cancelled(quint64 jobId);

  private:
    std::shared_ptr<std::atomic<bool>> cancel_;
    quint64 jobId_ = 0;
    JobThread thread_;  // last: destroyed first, waiting for the run it cancelled
};

}  // namespace deeppacket::gui
