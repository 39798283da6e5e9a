#pragma once

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

#include "ui/training_wizard.h"

namespace deeppacket::gui {

// Trains a network on a worker thread, reporting each epoch; the result is the written model
// and its test scores, as a ClassificationResult holding the evaluation. Cancel keeps the best
// model so far.
class TrainingJob : public QObject {
    Q_OBJECT
  public:
    explicit TrainingJob(QObject* parent = nullptr);
    ~TrainingJob() override;

    void start(const ui::TrainingRequest& request);
    void cancel() { cancel_->store(true); }

  signals:
    void epoch(const deeppacket::ui::TrainingProgress& progress);
    void finished(deeppacket::ui::ResultPointer result);
    void failed(const QString& message);

  private:
    class Worker;
    QThread thread_;
    Worker* worker_;
    std::shared_ptr<std::atomic<bool>> cancel_;
};

}  // namespace deeppacket::gui
