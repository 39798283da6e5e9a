#pragma once

#include <QWizard>
#include <QWizardPage>

#include <functional>

namespace deeppacket::ui {

// A page whose completeness its wizard decides.
class CheckedPage : public QWizardPage {
  public:
    explicit CheckedPage(std::function<bool()> complete) : complete_(std::move(complete)) {}
    bool isComplete() const override { return complete_(); }
    void changed() { emit completeChanged(); }

  private:
    std::function<bool()> complete_;
};

// Tells the wizard a CheckedPage's completeness may have changed (null while it is being built).
void pageChanged(QWizardPage* page);

// What the analysis and the training wizards share: captures dropped on their first page, and a
// job (run elsewhere) that closing the wizard cancels.
class JobWizard : public QWizard {
    Q_OBJECT
  public:
    // `capturesPage`: the page id that takes dropped captures.
    JobWizard(int capturesPage, QWidget* parent);

  signals:
    void cancelRequested();
    // Closing or cancelling the wizard while it runs: the run's work is to be thrown away.
    void discardRequested();

  protected:
    // The wizard's job started or ended (finished, failed or cancelled).
    void setRunning(bool running) { running_ = running; }
    virtual void addDroppedCaptures(const QStringList& paths) = 0;

    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    // Closing the wizard while its job runs cancels the job.
    void done(int result) override;

  private:
    int capturesPage_;
    bool running_ = false;
};

}  // namespace deeppacket::ui
