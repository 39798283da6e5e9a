#pragma once

#include <QMetaType>

#include <atomic>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "core/preprocess_options.h"
#include "ui/classification_result.h"
#include "ui/job_wizard.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace deeppacket::ui {

// What the user asked to train.
struct TrainingRequest {
    QStringList captures;
    QString labelScheme;
    QString task;
    QString arch = "sae";
    QString split = "file";
    int epochs = 50;
    int pretrainEpochs = 10;
    int batchSize = 128;
    double learningRate = 1e-3;
    int patience = 8;
    int seed = 1;
    int maxPerClass = 0;  // packets kept per class while reading; 0: all
    DeviceChoice device = DeviceChoice::Auto;
    QString output;
    // How packets become vectors (the command line's --mask-* and the rest), and where read data
    // sets are cached for the next training on the same captures (empty: nowhere).
    PreprocessOptions preprocessing;
    QString cacheFolder;
};

// How far training has got: the reading of the captures ("reading", with fraction and
// packets), one finished epoch ("pretrain layer N" or "train") or the final scoring of the test
// split ("scoring").
struct TrainingProgress {
    QString phase;
    double fraction = 0;
    quint64 packets = 0;
    int epoch = 0;
    double trainLoss = 0;
    double validationLoss = 0;
    double validationAccuracy = 0;
    double seconds = 0;
};

// "Train a model": the data (captures and their labels), the network and its options, then
// the training itself with live loss and accuracy curves and a Cancel button.
class TrainingWizard : public JobWizard {
    Q_OBJECT
  public:
    enum Page { DataPage, NetworkPage, RunPage };

    explicit TrainingWizard(QWidget* parent = nullptr);

    void setCaptures(const QStringList& paths);
    void setLabels(const QString& scheme);
    void setOutput(const QString& path);
    void setEpochs(int epochs, int pretrainEpochs);
    void setPatience(int patience);
    void setSplit(const QString& split);  // "file", "flow" or "packet"
    TrainingRequest request() const;
    bool finished() const { return finished_; }
    QString error() const;
    QCustomPlot* curves() const { return curves_; }
    // The packets per class the captures hold, as the network page shows them (empty until
    // counted), and whether counting is done.
    QString classCounts() const;
    bool countsReady() const { return countsReady_; }
    // Below this many packets a class is too small to learn or to score: the page warns.
    static constexpr std::uint64_t kTinyClass = 100;

  public slots:
    void showEpoch(const deeppacket::ui::TrainingProgress& progress);
    void trainingSucceeded();
    void trainingFailed(const QString& message);

  signals:
    void trainRequested(const deeppacket::ui::TrainingRequest& request);

  protected:
    // Closing the wizard while training runs stops it (JobWizard); the best model so far is kept.
    void addDroppedCaptures(const QStringList& paths) override { setCaptures(paths); }
    // On the data page: the label scheme must parse (a label file that is not a label file is
    // said here, not after reading every capture).
    bool validateCurrentPage() override;

  private:
    QWizardPage* buildDataPage();
    QWizardPage* buildNetworkPage();
    QWizardPage* buildRunPage();
    // Counts the packets per label of the chosen captures off the GUI thread, for the network
    // page; a newer count supersedes an older one.
    void countClasses();

    QListWidget* captures_ = nullptr;
    QComboBox* labels_ = nullptr;
    QLineEdit* labelFile_ = nullptr;
    QLineEdit* task_ = nullptr;
    QLabel* dataError_ = nullptr;
    QLabel* classCounts_ = nullptr;
    bool countsReady_ = false;
    quint64 countGeneration_ = 0;
    std::shared_ptr<std::atomic<bool>> countCancel_;
    QComboBox* arch_ = nullptr;
    // One per field of kPreprocessFlags that identifies a flow, with that field.
    std::vector<std::pair<QCheckBox*, bool PreprocessOptions::*>> masks_;
    QComboBox* split_ = nullptr;
    QSpinBox* epochs_ = nullptr;
    QSpinBox* pretrainEpochs_ = nullptr;
    QSpinBox* batch_ = nullptr;
    QDoubleSpinBox* learningRate_ = nullptr;
    QSpinBox* patience_ = nullptr;
    QSpinBox* maxPerClass_ = nullptr;
    QComboBox* device_ = nullptr;
    QLineEdit* output_ = nullptr;
    QCustomPlot* curves_ = nullptr;
    QLabel* status_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPlainTextEdit* log_ = nullptr;
    QLabel* error_ = nullptr;
    QPushButton* cancel_ = nullptr;
    bool finished_ = false;
};

}  // namespace deeppacket::ui

Q_DECLARE_METATYPE(deeppacket::ui::TrainingRequest)
Q_DECLARE_METATYPE(deeppacket::ui::TrainingProgress)
