#include "app/gui/main_controller.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStatusBar>

#include "app/gui/network_work.h"
#include "models/pretrained_models.h"
#include "ui/bidi_text.h"
#include "ui/packet_details_pane.h"

namespace deeppacket::gui {

MainController::MainController() {
    window_.setSampleFolder(sampleFolder());
    // The details pane's probabilities and attributions come from the networks plugin, loaded
    // on the pane's worker thread at the first packet shown.
    window_.detailsPane()->setExplainer(
        [](const ui::ClassificationResult& result, const std::vector<std::uint8_t>& vector) {
            return networkWork().explain(result, vector);
        });
    connect(&window_, &ui::ResultsWindow::newAnalysisRequested, this, &MainController::openWizard);
    connect(&job_, &ClassificationJob::progress, this, [this](const ui::RunProgress& p) {
        if (wizard_) {
            wizard_->showProgress(p);
        }
    });
    connect(&job_, &ClassificationJob::finished, this,
            [this](quint64 id, ui::ResultPointer result) {
                if (id != job_.currentJob()) {
                    return;  // a run that was replaced
                }
                pending_ = std::move(result);
                if (wizard_) {
                    wizard_->runSucceeded();
                } else {
                    showFileResult(pending_);
                }
            });
    connect(&job_, &ClassificationJob::failed, this, [this](quint64 id, const QString& message) {
        if (id != job_.currentJob()) {
            return;
        }
        if (wizard_) {
            wizard_->runFailed(message);
        }
        window_.showError(tr("The analysis failed: %1").arg(ui::isolatedLines(message)));
    });
    connect(&job_, &ClassificationJob::cancelled, this, [this](quint64 id) {
        if (id == job_.currentJob() && wizard_) {
            wizard_->runFailed(tr("Cancelled."));
        }
    });

    connect(&window_, &ui::ResultsWindow::rerunRequested, this, [this] {
        if (!lastPlan_ || wizard_) {
            return;  // nothing ran yet, or the wizard is running one
        }
        pending_.reset();
        job_.start(*lastPlan_);
        window_.statusBar()->showMessage(tr("Running the analysis again…"));
    });
    connect(&window_, &ui::ResultsWindow::trainingRequested, this,
            &MainController::openTrainingWizard);
    connect(&window_, &ui::ResultsWindow::liveCaptureRequested, this,
            &MainController::openLiveCapture);
    connect(&window_, &ui::ResultsWindow::stopCaptureRequested, &live_, &LiveJob::stop);
    connect(&live_, &LiveJob::moment, this, [this](ui::ResultPointer result) {
        window_.showResult(std::move(result));
        window_.setCapturing(live_.capturing());
    });
    connect(&live_, &LiveJob::failed, this, [this](quint64 session, const QString& message) {
        if (session != live_.session()) {
            return;
        }
        window_.setCapturing(false);
        window_.showError(tr("The live capture failed: %1").arg(ui::isolatedLines(message)));
    });
    connect(&training_, &TrainingJob::epoch, this, [this](const ui::TrainingProgress& p) {
        if (trainingWizard_) {
            trainingWizard_->showEpoch(p);
        }
    });
    connect(&training_, &TrainingJob::finished, this, [this](ui::ResultPointer result) {
        pendingTraining_ = std::move(result);
        if (trainingWizard_) {
            trainingWizard_->trainingSucceeded();
        }
        // Without its wizard nobody asked for the test split: the open analysis stays.
    });
    connect(&training_, &TrainingJob::failed, this, [this](const QString& message) {
        if (trainingWizard_) {
            trainingWizard_->trainingFailed(message);
        }
        window_.showError(tr("Training failed: %1").arg(ui::isolatedLines(message)));
    });
}

MainController::~MainController() {
    delete wizard_;
    delete trainingWizard_;
}

void MainController::openTrainingWizard() {
    if (!trainingWizard_) {
        trainingWizard_ = new ui::TrainingWizard(&window_);
        trainingWizard_->setAttribute(Qt::WA_DeleteOnClose);
        connect(trainingWizard_, &ui::TrainingWizard::trainRequested, this,
                [this](const ui::TrainingRequest& request) {
                    pendingTraining_.reset();
                    training_.start(request);
                });
        // "Stop and keep the best model" stops; closing or cancelling the wizard discards.
        connect(trainingWizard_, &ui::TrainingWizard::cancelRequested, &training_,
                &TrainingJob::stop);
        connect(trainingWizard_, &ui::TrainingWizard::discardRequested, &training_,
                &TrainingJob::discard);
        connect(trainingWizard_, &QWizard::accepted, this, [this] {
            if (pendingTraining_ && confirmReplacingAnalysis()) {
                showFileResult(pendingTraining_);
            }
        });
        // The captures of the open analysis, to train on them without finding them again.
        if (const ui::ClassificationResult* open = window_.result()) {
            QStringList captures;
            for (const auto& file : open->files) {
                const QString path = QString::fromStdString(file);
                if (QFileInfo(path).isFile()) {  // still there
                    captures << path;
                }
            }
            trainingWizard_->setCaptures(captures);
        }
    }
    trainingWizard_->show();
    trainingWizard_->raise();
}

bool MainController::confirmReplacingAnalysis() {
    if (window_.result() == nullptr) {
        return true;
    }
    QMessageBox question(QMessageBox::Question, tr("Open the test split"),
                         tr("Show the new model's test split? It replaces the analysis that is "
                            "open now."),
                         QMessageBox::Yes | QMessageBox::No, &window_);
    question.setObjectName(QStringLiteral("replaceAnalysis"));
    question.setDefaultButton(QMessageBox::Yes);
    return question.exec() == QMessageBox::Yes;
}

void MainController::showFileResult(const ui::ResultPointer& result) {
    if (live_.capturing()) {
        live_.abandon();
        window_.setCapturing(false);
    }
    window_.showResult(result);
}

void MainController::openLiveCapture() {
    if (!liveDialog_) {
        liveDialog_ = new ui::LiveCaptureDialog(modelFolders(), &window_);
        liveDialog_->setAttribute(Qt::WA_DeleteOnClose);
        connect(liveDialog_, &QDialog::accepted, this,
                [this] { startLiveCapture(liveDialog_->request()); });
    }
    liveDialog_->show();
    liveDialog_->raise();
    liveDialog_->activateWindow();
}

void MainController::startLiveCapture(ui::LiveRequest request) {
    if (live_.capturing()) {
        live_.abandon();
    }
    // The raw capture goes to a temporary file, as Wireshark's does: the packet details read
    // it back, File → Save capture as copies it, and it goes with the last moment shown.
    QString name = QString::fromStdString(request.capture.interface);
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    // The name is this capture's alone, so that a capture replaced within the same second
    // never removes its successor's file.
    const QString file =
        QStringLiteral("deeppacket-live-%1-%2-%3-%4.pcapng")
            .arg(name, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")),
                 QString::number(QCoreApplication::applicationPid()),
                 QString::number(++liveCaptures_));
    request.capturePath = QDir(QDir::tempPath()).filePath(file).toStdString();
    live_.start(request);
    window_.setCapturing(true);
    window_.statusBar()->showMessage(
        tr("Starting the capture on %1…")
            .arg(ui::isolatedLtr(QString::fromStdString(request.capture.interface))));
}

void MainController::show() {
    window_.show();
}

QString MainController::sampleFolder() {
    QStringList candidates;
    for (const auto& folder : installedDataFolders("lab-sample")) {
        candidates << QString::fromStdString(folder);
    }
#ifdef DEEPPACKET_SOURCE_SAMPLE
    candidates << QStringLiteral(DEEPPACKET_SOURCE_SAMPLE);
#endif
    for (const QString& folder : candidates) {
        if (QFileInfo(folder).isDir()) {
            return QDir::cleanPath(folder);
        }
    }
    return {};
}

QStringList MainController::modelFolders() {
    QStringList folders;
    for (const auto& folder : pretrainedModelFolders()) {
        folders << QString::fromStdString(folder);
    }
    return folders;
}

void MainController::openWizard(const QStringList& captures) {
    if (!wizard_) {
        wizard_ = new ui::AnalysisWizard(modelFolders(), &window_);
        wizard_->setAttribute(Qt::WA_DeleteOnClose);
        connect(wizard_, &ui::AnalysisWizard::runRequested, this, [this](const AnalysisPlan& plan) {
            pending_.reset();
            job_.start(plan);
        });
        connect(wizard_, &ui::AnalysisWizard::cancelRequested, &job_, &ClassificationJob::cancel);
        connect(wizard_, &QWizard::accepted, this, [this] {
            if (pending_) {
                showFileResult(pending_);
            }
        });
    }
    wizard_->addCaptures(captures);
    wizard_->show();
    wizard_->raise();
    wizard_->activateWindow();
}

}  // namespace deeppacket::gui
