#pragma once

#include <QObject>
#include <QPointer>

#include <optional>

#include "app/gui/classification_job.h"
#include "app/gui/live_job.h"
#include "app/gui/training_job.h"
#include "ui/analysis_wizard.h"
#include "ui/live_capture_dialog.h"
#include "ui/results_window.h"
#include "ui/training_wizard.h"

namespace deeppacket::gui {

// Wires the window, the wizard and the classification job together.
class MainController : public QObject {
    Q_OBJECT
  public:
    MainController();
    ~MainController() override;

    void show();
    // Opens the analysis wizard (one at a time), with these captures already added.
    void openWizard(const QStringList& captures);
    // Opens the "Train a model" wizard (one at a time).
    void openTrainingWizard();
    // Opens File → Capture live… (one at a time); Start begins the capture.
    void openLiveCapture();
    // Captures live as the request says (its capturePath is chosen here), replacing the
    // analysis that is open.
    void startLiveCapture(ui::LiveRequest request);

    ui::ResultsWindow* window() { return &window_; }
    ui::AnalysisWizard* wizard() { return wizard_; }
    ClassificationJob* job() { return &job_; }
    ui::TrainingWizard* trainingWizard() { return trainingWizard_; }
    TrainingJob* training() { return &training_; }
    LiveJob* live() { return &live_; }
    ui::LiveCaptureDialog* liveDialog() { return liveDialog_; }

    // Where pretrained models are looked for: beside the installed program, then the build tree.
    static QStringList modelFolders();
    // The bundled lab sample: installed beside the program, or the source tree's.
    static QString sampleFolder();

  private:
    // Asks before a new result replaces the analysis that is open; true when none is.
    bool confirmReplacingAnalysis();
    // Shows a result from files; a live capture still going ends first.
    void showFileResult(const ui::ResultPointer& result);

    ui::ResultsWindow window_;
    ClassificationJob job_;
    TrainingJob training_;
    LiveJob live_;
    QPointer<ui::AnalysisWizard> wizard_;
    QPointer<ui::LiveCaptureDialog> liveDialog_;
    int liveCaptures_ = 0;  // started in this process, for the raw captures' names
    QPointer<ui::TrainingWizard> trainingWizard_;
    ui::ResultPointer pending_;             // the last run's result, shown when the wizard finishes
    std::optional<AnalysisPlan> lastPlan_;  // what File → Run again (F5) runs
    ui::ResultPointer pendingTraining_;
};

}  // namespace deeppacket::gui
