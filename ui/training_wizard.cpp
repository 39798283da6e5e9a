#include "ui/training_wizard.h"

#include <qcustomplot.h>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include "core/ground_truth.h"
#include "core/input_files.h"
#include "core/label_counts.h"
#include "ui/device_combo.h"

namespace deeppacket::ui {
namespace {

// The titles of kPreprocessFlags, for lupdate: the table lives in core, which has no Qt. A test
// checks that every title of the table is translated.
[[maybe_unused]] const char* const kFlagTitles[] = {
    QT_TRANSLATE_NOOP("deeppacket::ui::TrainingWizard", "addresses zeroed"),
    QT_TRANSLATE_NOOP("deeppacket::ui::TrainingWizard", "IP id masked"),
    QT_TRANSLATE_NOOP("deeppacket::ui::TrainingWizard", "checksums masked"),
    QT_TRANSLATE_NOOP("deeppacket::ui::TrainingWizard", "TCP seq/ack masked"),
    QT_TRANSLATE_NOOP("deeppacket::ui::TrainingWizard", "TCP timestamps masked"),
    QT_TRANSLATE_NOOP("deeppacket::ui::TrainingWizard", "IPv6 flow label masked"),
    QT_TRANSLATE_NOOP("deeppacket::ui::TrainingWizard", "TCP/UDP only"),
};

}  // namespace

TrainingWizard::TrainingWizard(QWidget* parent) : JobWizard(DataPage, parent) {
    setWindowTitle(tr("Train a model"));
    resize(820, 620);
    setPage(DataPage, buildDataPage());
    setPage(NetworkPage, buildNetworkPage());
    setPage(RunPage, buildRunPage());
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == NetworkPage) {
            countClasses();
        }
        if (id != RunPage) {
            return;
        }
        if (countCancel_) {
            countCancel_->store(true);  // training reads the captures itself
        }
        finished_ = false;
        setRunning(true);
        error_->clear();
        log_->clear();
        curves_->graph(0)->data()->clear();
        curves_->graph(1)->data()->clear();
        curves_->graph(2)->data()->clear();
        cancel_->setEnabled(true);
        progress_->setRange(0, 1000);
        progress_->setValue(0);
        status_->setText(tr("Starting…"));
        pageChanged(page(RunPage));
        emit trainRequested(request());
    });
}

QWizardPage* TrainingWizard::buildDataPage() {
    auto* page = new CheckedPage([this] {
        return captures_->count() > 0 && !task_->text().trimmed().isEmpty() &&
               (labels_->currentIndex() < 2 || QFileInfo(labelFile_->text()).isFile());
    });
    page->setTitle(tr("Labelled captures"));
    page->setSubTitle(
        tr("The captures to learn from (drop files or folders here), and where their true "
           "labels come from."));
    captures_ = new QListWidget;
    auto* addFiles = new QPushButton(tr("Add &files…"));
    auto* addFolder = new QPushButton(tr("Add f&older…"));
    connect(addFiles, &QPushButton::clicked, this, [this] {
        setCaptures(QFileDialog::getOpenFileNames(this, tr("Captures"), QString(),
                                                  tr("Captures (*.pcap *.pcapng *.cap)")));
    });
    connect(addFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder of captures"));
        if (!folder.isEmpty()) {
            setCaptures({folder});
        }
    });
    captures_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* remove = new QPushButton(tr("&Remove"));
    remove->setObjectName(QStringLiteral("removeCaptures"));
    connect(remove, &QPushButton::clicked, this, [this, page] {
        qDeleteAll(captures_->selectedItems());
        pageChanged(page);
    });
    labels_ = new QComboBox;
    labels_->addItems({tr("Folder names"), tr("ISCX VPN-nonVPN file names"),
                       tr("CSV of files (file,label)"), tr("CSV of flows (5-tuple,label)")});
    labelFile_ = new QLineEdit;
    task_ = new QLineEdit(QStringLiteral("application"));
    auto update = [this, page] {
        labelFile_->setEnabled(labels_->currentIndex() >= 2);
        pageChanged(page);
    };
    connect(labels_, &QComboBox::currentIndexChanged, this, update);
    connect(labelFile_, &QLineEdit::textChanged, this, update);
    connect(task_, &QLineEdit::textChanged, this, update);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(addFiles);
    buttons->addWidget(addFolder);
    buttons->addWidget(remove);
    buttons->addStretch();
    dataError_ = new QLabel;
    dataError_->setObjectName(QStringLiteral("labelError"));
    dataError_->setWordWrap(true);
    dataError_->setTextFormat(Qt::PlainText);
    dataError_->setStyleSheet("color: #a00");
    auto* form = new QFormLayout;
    form->addRow(tr("&Labels:"), labels_);
    form->addRow(tr("Label fil&e:"), labelFile_);
    form->addRow(tr("&Task name:"), task_);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(captures_);
    layout->addLayout(buttons);
    layout->addLayout(form);
    layout->addWidget(dataError_);
    update();
    return page;
}

QWizardPage* TrainingWizard::buildNetworkPage() {
    auto* page = new CheckedPage([this] { return !output_->text().trimmed().isEmpty(); });
    page->setTitle(tr("Network and options"));
    page->setSubTitle(
        tr("The paper's networks and procedure (§3.3, §4); a flow split keeps each "
           "flow's packets out of the other sets."));
    arch_ = new QComboBox;
    arch_->addItem(tr("Stacked autoencoder (SAE)"), "sae");
    arch_->addItem(tr("1D convolutional network (CNN)"), "cnn");
    split_ = new QComboBox;
    // By capture file first: the only split that says how a model does on sessions it has
    // never seen.
    split_->addItem(tr("By file"), "file");
    split_->addItem(tr("By flow (no flow in two sets)"), "flow");
    split_->addItem(tr("By packet (the paper's; leaks flows)"), "packet");
    epochs_ = new QSpinBox;
    epochs_->setRange(1, 10000);
    epochs_->setValue(50);
    pretrainEpochs_ = new QSpinBox;
    pretrainEpochs_->setRange(1, 10000);
    pretrainEpochs_->setValue(10);
    batch_ = new QSpinBox;
    batch_->setRange(1, 65536);
    batch_->setValue(128);
    learningRate_ = new QDoubleSpinBox;
    learningRate_->setDecimals(5);
    learningRate_->setRange(0.00001, 1.0);
    learningRate_->setValue(0.001);
    patience_ = new QSpinBox;
    patience_->setRange(1, 1000);
    patience_->setValue(8);
    maxPerClass_ = new QSpinBox;
    maxPerClass_->setRange(0, 100000000);
    maxPerClass_->setSingleStep(10000);
    maxPerClass_->setSpecialValueText(tr("all"));
    maxPerClass_->setToolTip(
        tr("Packets kept per class while reading, drawn at random from all of them: bounds "
           "the memory a large capture set needs."));
    device_ = makeDeviceCombo();
    output_ = new QLineEdit;
    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Model file"), QString(),
                                                          tr("Deep Packet models (*.dpm)"));
        if (!path.isEmpty()) {
            setOutput(path);
        }
    });
    connect(output_, &QLineEdit::textChanged, this, [page] { pageChanged(page); });
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(output_);
    outputRow->addWidget(browse);
    auto* form = new QFormLayout(page);
    form->addRow(tr("Net&work:"), arch_);
    form->addRow(tr("&Split:"), split_);
    form->addRow(tr("&Epochs (at most):"), epochs_);
    form->addRow(tr("SAE pre-t&raining epochs per layer:"), pretrainEpochs_);
    form->addRow(tr("Batc&h size:"), batch_);
    form->addRow(tr("&Learning rate:"), learningRate_);
    form->addRow(tr("&Patience (early stopping):"), patience_);
    form->addRow(tr("Packets per class (at m&ost):"), maxPerClass_);
    form->addRow(tr("&Device:"), device_);
    // The fields that identify a flow: a per-packet split puts packets of one flow on both
    // sides, and a network learns them instead of the traffic. Choosing that split masks them.
    auto* masks = new QVBoxLayout;
    for (const auto& f : kPreprocessFlags) {
        if (!f.identifiesFlow) {
            continue;
        }
        auto* box = new QCheckBox(tr(f.title));
        box->setObjectName(QString::fromLatin1(f.key));
        box->setToolTip(tr("Zero this field of every packet: it identifies a flow, not its "
                           "traffic (--%1 on the command line).")
                            .arg(QString::fromLatin1(f.option)));
        masks->addWidget(box);
        masks_.emplace_back(box, f.member);
    }
    connect(split_, &QComboBox::currentIndexChanged, this, [this] {
        if (split_->currentData().toString() == QLatin1String("packet")) {
            for (const auto& mask : masks_) {
                mask.first->setChecked(true);
            }
        }
    });
    form->addRow(tr("Fields that identify a flow:"), masks);
    classCounts_ = new QLabel;
    classCounts_->setObjectName(QStringLiteral("classCounts"));
    classCounts_->setWordWrap(true);
    classCounts_->setTextFormat(Qt::RichText);  // names in it are escaped
    form->addRow(tr("Packets per class:"), classCounts_);
    // A label of its own: a row that holds a layout gets no buddy, and its & would show.
    auto* outputLabel = new QLabel(tr("&Model file:"));
    outputLabel->setBuddy(output_);
    form->addRow(outputLabel, outputRow);
    return page;
}

QWizardPage* TrainingWizard::buildRunPage() {
    auto* page = new CheckedPage([this] { return finished_; });
    page->setTitle(tr("Training"));
    page->setFinalPage(true);
    curves_ = new QCustomPlot;
    curves_->setMinimumHeight(260);
    const QList<QPair<QString, QColor>> series = {{tr("training loss"), QColor(0, 114, 178)},
                                                  {tr("validation loss"), QColor(213, 94, 0)},
                                                  {tr("validation accuracy"), QColor(0, 158, 115)}};
    curves_->yAxis2->setVisible(true);
    curves_->yAxis2->setRange(0, 1);
    curves_->yAxis2->setLabel(tr("accuracy"));
    curves_->yAxis->setLabel(tr("cross-entropy"));
    curves_->xAxis->setLabel(tr("epoch"));
    // Epochs are whole numbers: ticks at 1, 2, 3 … (or multiples of them on long runs).
    QSharedPointer<QCPAxisTickerFixed> epochTicker(new QCPAxisTickerFixed);
    epochTicker->setTickStep(1.0);
    epochTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    curves_->xAxis->setTicker(epochTicker);
    for (int i = 0; i < series.size(); ++i) {
        QCPGraph* graph =
            curves_->addGraph(curves_->xAxis, i == 2 ? curves_->yAxis2 : curves_->yAxis);
        graph->setName(series[i].first);
        graph->setPen(QPen(series[i].second, 2));
        graph->setScatterStyle(QCPScatterStyle::ssCircle);
    }
    curves_->legend->setVisible(true);
    status_ = new QLabel;
    progress_ = new QProgressBar;
    progress_->setRange(0, 1000);
    log_ = new QPlainTextEdit;
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(2000);
    error_ = new QLabel;
    error_->setWordWrap(true);
    error_->setStyleSheet("color: #a00");
    cancel_ = new QPushButton(tr("&Stop and keep the best model"));
    connect(cancel_, &QPushButton::clicked, this, [this] {
        cancel_->setEnabled(false);
        emit cancelRequested();
    });
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(status_);
    layout->addWidget(progress_);
    layout->addWidget(curves_, 2);
    layout->addWidget(log_, 1);
    layout->addWidget(cancel_, 0, Qt::AlignLeft);
    layout->addWidget(error_);
    return page;
}

bool TrainingWizard::validateCurrentPage() {
    if (currentId() != DataPage) {
        return QWizard::validateCurrentPage();
    }
    const TrainingRequest r = request();
    try {
        GroundTruth::parse(r.labelScheme.toStdString(), r.task.toStdString());
    } catch (const std::exception& e) {
        dataError_->setText(
            tr("These labels cannot be used: %1").arg(QString::fromStdString(e.what())));
        return false;
    }
    dataError_->clear();
    return QWizard::validateCurrentPage();
}

QString TrainingWizard::classCounts() const {
    return classCounts_->text();
}

void TrainingWizard::countClasses() {
    if (countCancel_) {
        countCancel_->store(true);
    }
    countCancel_ = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = ++countGeneration_;
    countsReady_ = false;
    classCounts_->setStyleSheet(QString());
    classCounts_->setText(tr("Counting the packets of each class…"));
    const TrainingRequest r = request();
    std::vector<std::string> arguments;
    for (const QString& capture : r.captures) {
        arguments.push_back(capture.toStdString());
    }
    auto* watcher = new QFutureWatcher<LabelledPacketCounts>(this);
    connect(
        watcher, &QFutureWatcher<LabelledPacketCounts>::finished, this,
        [this, watcher, generation, cap = r.maxPerClass] {
            watcher->deleteLater();
            if (generation != countGeneration_) {
                return;
            }
            const LabelledPacketCounts counts = watcher->result();
            if (counts.cancelled) {
                return;
            }
            QStringList parts;
            QStringList tiny;
            for (const auto& [label, n] : counts.perLabel) {
                const QString name = QString::fromStdString(label).toHtmlEscaped();
                parts << QStringLiteral("%1 %2").arg(
                    name, QLocale().toString(static_cast<qulonglong>(n)));
                if (n < kTinyClass) {
                    tiny << name;
                }
            }
            QString text = parts.isEmpty() ? tr("no labelled packet") : parts.join(" · ");
            if (counts.unlabelled > 0) {
                text += QStringLiteral("<br>") +
                        tr("%1 packets have no label and are left out")
                            .arg(QLocale().toString(static_cast<qulonglong>(counts.unlabelled)));
            }
            if (cap > 0) {
                text +=
                    QStringLiteral("<br>") +
                    tr("At most %1 per class are kept while reading.").arg(QLocale().toString(cap));
            }
            if (counts.perLabel.size() < 2) {
                text += QStringLiteral("<br><b>") + tr("A model needs at least two classes.") +
                        QStringLiteral("</b>");
            }
            if (!tiny.isEmpty()) {
                text += QStringLiteral("<br><b>") +
                        tr("Too few packets (under %1) to learn or to score: %2.")
                            .arg(kTinyClass)
                            .arg(tiny.join(", ")) +
                        QStringLiteral("</b>");
            }
            const bool warn = !tiny.isEmpty() || counts.perLabel.size() < 2;
            classCounts_->setStyleSheet(warn ? QStringLiteral("color: #a00") : QString());
            classCounts_->setText(text);
            countsReady_ = true;
        });
    watcher->setFuture(QtConcurrent::run([arguments, scheme = r.labelScheme.toStdString(),
                                          task = r.task.toStdString(), options = r.preprocessing,
                                          cancel = countCancel_] {
        const InputFiles inputs = expandInputs(arguments);
        return countLabelledPackets(inputs.files, GroundTruth::parse(scheme, task), options,
                                    cancel.get());
    }));
}

void TrainingWizard::setCaptures(const QStringList& paths) {
    for (const QString& path : paths) {
        if (captures_->findItems(path, Qt::MatchExactly).isEmpty()) {
            captures_->addItem(path);
        }
    }
    pageChanged(page(DataPage));
}

void TrainingWizard::setLabels(const QString& scheme) {
    const int index = scheme == "folder"            ? 0
                      : scheme.startsWith("iscx")   ? 1
                      : scheme.startsWith("files:") ? 2
                      : scheme.startsWith("flows:") ? 3
                                                    : 0;
    labels_->setCurrentIndex(index);
    if (index >= 2) {
        labelFile_->setText(scheme.mid(6));
    }
}

void TrainingWizard::setOutput(const QString& path) {
    output_->setText(path);
}

void TrainingWizard::setSplit(const QString& split) {
    const int index = split_->findData(split);
    if (index >= 0) {
        split_->setCurrentIndex(index);
    }
}

void TrainingWizard::setPatience(int patience) {
    patience_->setValue(patience);
}

void TrainingWizard::setEpochs(int epochs, int pretrainEpochs) {
    epochs_->setValue(epochs);
    pretrainEpochs_->setValue(pretrainEpochs);
}

TrainingRequest TrainingWizard::request() const {
    TrainingRequest r;
    for (int i = 0; i < captures_->count(); ++i) {
        r.captures << captures_->item(i)->text();
    }
    const QStringList schemes = {"folder", "iscx", "files:", "flows:"};
    r.labelScheme = schemes[labels_->currentIndex()];
    if (labels_->currentIndex() >= 2) {
        r.labelScheme += labelFile_->text();
    }
    r.task = task_->text().trimmed();
    r.arch = arch_->currentData().toString();
    r.split = split_->currentData().toString();
    r.epochs = epochs_->value();
    r.pretrainEpochs = pretrainEpochs_->value();
    r.batchSize = batch_->value();
    r.learningRate = learningRate_->value();
    r.patience = patience_->value();
    r.maxPerClass = maxPerClass_->value();
    r.device = static_cast<DeviceChoice>(device_->currentData().toInt());
    r.output = output_->text().trimmed();
    for (const auto& [box, field] : masks_) {
        r.preprocessing.*field = box->isChecked();
    }
    // Read data sets are cached as the command line's --cache does, for the next training.
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (!cache.isEmpty()) {
        r.cacheFolder = cache + QStringLiteral("/datasets");
    }
    return r;
}

void TrainingWizard::showEpoch(const TrainingProgress& p) {
    const int epochs = epochs_->value();
    if (p.phase == "reading") {
        status_->setText(tr("Reading the captures: %L1 packets kept (%2 s)")
                             .arg(p.packets)
                             .arg(p.seconds, 0, 'f', 0));
        progress_->setValue(static_cast<int>(p.fraction * 1000));
        return;
    }
    if (p.phase == "scoring") {
        status_->setText(tr("Scoring the test split (%1 s)").arg(p.seconds, 0, 'f', 0));
        progress_->setRange(0, 0);  // busy: the length of this step is not known
        return;
    }
    if (p.phase == "train") {
        status_->setText(tr("Training: epoch %1 of at most %2 (%3 s)")
                             .arg(p.epoch)
                             .arg(epochs)
                             .arg(p.seconds, 0, 'f', 0));
        progress_->setValue(std::min(1000, p.epoch * 1000 / std::max(1, epochs)));
        curves_->graph(0)->addData(p.epoch, p.trainLoss);
        curves_->graph(1)->addData(p.epoch, p.validationLoss);
        curves_->graph(2)->addData(p.epoch, p.validationAccuracy);
        curves_->rescaleAxes();
        curves_->yAxis2->setRange(0, 1);
        curves_->replot();
        log_->appendPlainText(tr("epoch %1: loss %2, validation loss %3, accuracy %4 (%5 s)")
                                  .arg(p.epoch)
                                  .arg(p.trainLoss, 0, 'f', 4)
                                  .arg(p.validationLoss, 0, 'f', 4)
                                  .arg(p.validationAccuracy, 0, 'f', 4)
                                  .arg(p.seconds, 0, 'f', 0));
    } else {
        // The engine names the phase "pretrain layer N": only N goes into the translated text.
        const QString layer = p.phase.section(' ', -1);
        status_->setText(tr("Pre-training layer %1: epoch %2 (%3 s)")
                             .arg(layer)
                             .arg(p.epoch)
                             .arg(p.seconds, 0, 'f', 0));
        log_->appendPlainText(tr("Layer %1, epoch %2: reconstruction MSE %3")
                                  .arg(layer)
                                  .arg(p.epoch)
                                  .arg(p.trainLoss, 0, 'f', 6));
    }
}

void TrainingWizard::trainingSucceeded() {
    finished_ = true;
    setRunning(false);
    progress_->setRange(0, 1000);
    progress_->setValue(1000);
    status_->setText(tr("Finished."));
    cancel_->setEnabled(false);
    log_->appendPlainText(
        tr("Done: the model is saved. Press Finish to see its test split in the workspace."));
    pageChanged(page(RunPage));
}

void TrainingWizard::trainingFailed(const QString& message) {
    finished_ = false;
    setRunning(false);
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    status_->setText(tr("Stopped."));
    cancel_->setEnabled(false);
    error_->setText(message);
    pageChanged(page(RunPage));
}

QString TrainingWizard::error() const {
    return error_->text();
}

}  // namespace deeppacket::ui
