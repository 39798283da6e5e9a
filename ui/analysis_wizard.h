#pragma once

#include <utility>
#include <vector>

#include "models/model_description.h"
#include "ui/classification_result.h"
#include "ui/job_wizard.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QTreeWidget;

namespace deeppacket::ui {

// The paper's Fig. 3 as a wizard: captures, task, model, optional ground truth, run. It emits
// runRequested when the run page opens and shows the progress it is given; the job itself runs
// elsewhere (app/). Choices are remembered with QSettings.
class AnalysisWizard : public JobWizard {
    Q_OBJECT
  public:
    enum Page { CapturesPage, TaskPage, ModelPage, TruthPage, RunPage };

    // `modelFolders`: where pretrained models are looked for.
    AnalysisWizard(QStringList modelFolders, QWidget* parent = nullptr);

    void addCaptures(const QStringList& paths);
    // The plan of the chosen run: its rows kept for the results workspace.
    AnalysisPlan plan() const;

    // Test and scripting access to the pages' state.
    QStringList captureFiles(bool readableOnly = false) const;
    int readableCaptures() const;
    QString captureStatus(const QString& path) const;
    void chooseModel(const QString& path);
    void chooseLabels(const QString& scheme);
    QString modelError() const;
    bool runFinished() const { return finished_; }
    QString runError() const;

  public slots:
    void showProgress(const deeppacket::ui::RunProgress& progress);
    void runSucceeded();
    void runFailed(const QString& message);

  signals:
    void runRequested(const deeppacket::AnalysisPlan& plan);

  protected:
    void addDroppedCaptures(const QStringList& paths) override { addCaptures(paths); }
    // On the captures page: asks before going on without the captures that cannot be read.
    bool validateCurrentPage() override;

  private:
    friend class CapturesPageWidget;
    friend class ModelPageWidget;
    friend class RunPageWidget;

    bool askToRunModelCode(const QString& path);
    QWizardPage* buildCapturesPage();
    QWizardPage* buildTaskPage();
    QWizardPage* buildModelPage();
    QWizardPage* buildTruthPage();
    QWizardPage* buildRunPage();
    void scanCapture(const QString& path);
    void refreshModels();
    void showModelCard(const QString& path);
    // Offers the flow models found with the chosen model's classes (the first by default).
    void refreshFlowModels(const std::vector<std::string>& classes);
    QString task() const;
    // The classes of the pretrained packet model of a task, from its card (empty: none found).
    QStringList pretrainedClasses(const QString& task) const;
    // With no labels chosen yet: the label file beside the captures for the task (a folder's
    // labels-traffic.csv or labels-application.csv, as the bundled sample has), offered by itself.
    void offerLabelsBesideCaptures();
    void startRun();

    QStringList modelFolders_;
    // Captures page
    QTreeWidget* captures_ = nullptr;
    int pendingScans_ = 0;
    // Task page
    QButtonGroup* tasks_ = nullptr;
    // Model page
    QListWidget* models_ = nullptr;
    QTextBrowser* card_ = nullptr;
    QComboBox* device_ = nullptr;
    QComboBox* flowModel_ = nullptr;  // "none" or a flow model beside the packet model
    struct FlowModelFile {
        QString path;
        QString summary;
        std::vector<std::string> classes;
    };
    std::vector<FlowModelFile> flowModels_;  // of the task, in the model folders
    QSpinBox* batch_ = nullptr;
    QString modelPath_;
    QString modelError_;
    bool trustModelCode_ = false;  // for modelPath_, asked when it was chosen
    // Ground truth page
    QLabel* truthNote_ = nullptr;
    bool labelsChosen_ = false;  // the user picked a scheme: nothing is offered over it
    QButtonGroup* truth_ = nullptr;
    QLineEdit* truthFile_ = nullptr;
    // Run page
    QLabel* runSummary_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* rate_ = nullptr;
    QLabel* runError_ = nullptr;
    QPushButton* cancel_ = nullptr;
    bool finished_ = false;
};

}  // namespace deeppacket::ui
