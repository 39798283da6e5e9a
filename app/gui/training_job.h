#pragma once

#include <QObject>

#include <atomic>
#include <memory>

#include "app/gui/job_thread.h"
#include "ui/training_wizard.h"

namespace deeppacket::gui {

// Trains a network on a worker thread, reporting each epoch; the result is the written model
// and its test scores, as a ClassificationResult holding the evaluation. stop() ends the training
// and keeps the best model so far; discard() ends it and writes nothing (then cancelled()).
class TrainingJob : public QObject {
    Q_OBJECT
  public:
    explicit TrainingJob(QObject* parent = nullptr);
    ~TrainingJob() override;

    void start(const ui::TrainingRequest& request);
    void stop() { flags_->cancel.store(true); }
    void discard();

  signals:
    void epoch(const deeppacket::ui::TrainingProgress& progress);
    void finished(deeppacket::ui::ResultPointer result);
    void cancelled();
    void failed(const QString& message);

  private:
    struct Flags {
        std::atomic<bool> cancel{false};
        std::atomic<bool> discard{false};
    };
    std::shared_ptr<Flags> flags_;
    JobThread thread_;  // last: destroyed first, waiting for the training it discarded
};

}  // namespace deeppacket::gui
