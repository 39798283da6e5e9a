#pragma once

#include <QObject>
#include <QPointer>

#include <optional>

#include "app/gui/classification_job.h"
#include "app/gui/training_job.h"
#include "ui/analysis_wizard.h"
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

    ui::ResultsWindow* window() { return &window_; }
    ui::AnalysisWizard* wizard() { return wizard_; }
    ClassificationJob* job() { return &job_; }
    ui::TrainingWizard* trainingWizard() { return trainingWizard_; }
    TrainingJob* training() { return &training_; }

    // Where pretrained models are looked for: beside the installed program, then the build tree.
    static QStringList modelFolders();
    // The bundled lab sample: installed beside the program, or the source tree's.
    static QString sampleFolder();

  private:
    // Asks before a new result replaces the analysis that is open; true when none is.
    bool confirmReplacingAnalysis();

    ui::ResultsWindow window_;
    ClassificationJob job_;
    TrainingJob training_;
    QPointer<ui::AnalysisWizard> wizard_;
    QPointer<ui::TrainingWizard> trainingWizard_;
    ui::ResultPointer pending_;             // the last run's result, shown when the wizard finishes
    std::optional<AnalysisPlan> lastPlan_;  // what File → Run again (F5) runs
    ui::ResultPointer pendingTraining_;
};

}  // namespace deeppacket::gui
