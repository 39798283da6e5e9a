#include "ui/analysis_wizard.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "core/capture_reader.h"
#include "core/ground_truth.h"
#include "core/input_files.h"
#include "models/model_description.h"
#include "ui/device_combo.h"
#include "ui/model_card_view.h"
#include "ui/model_folders.h"
#include "ui/recent_captures.h"

namespace deeppacket::ui {
namespace {

enum CaptureColumn { FileColumn, PacketsColumn, LinkColumn, StatusColumn };

// What the captures page shows of a file: read on a worker thread.
struct CaptureInfo {
    QString path;
    quint64 packets = 0;
    QString linkType;
    QString error;    // unreadable: why
    QString warning;  // read up to a cut
};

CaptureInfo inspectCapture(const QString& path) {
    CaptureInfo info;
    info.path = path;
    try {
        CaptureReader reader(path.toStdString());
        info.linkType = QString::fromStdString(linkTypeName(reader.linkType()));
        const std::string description = linkTypeDescription(reader.linkType());
        if (!description.empty()) {
            info.linkType += QStringLiteral(" (%1)").arg(QString::fromStdString(description));
        }
        Frame frame;
        while (reader.next(frame)) {
            ++info.packets;
        }
        info.warning = QString::fromStdString(reader.warning());
    } catch (const std::exception& e) {
        info.error = QString::fromStdString(e.what());
    }
    return info;
}

}  // namespace

AnalysisWizard::AnalysisWizard(QStringList modelFolders, QWidget* parent)
    : JobWizard(CapturesPage, parent), modelFolders_(std::move(modelFolders)) {
    setWindowTitle(tr("New analysis"));
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    resize(820, 600);
    setPage(CapturesPage, buildCapturesPage());
    setPage(TaskPage, buildTaskPage());
    setPage(ModelPage, buildModelPage());
    setPage(TruthPage, buildTruthPage());
    setPage(RunPage, buildRunPage());
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == ModelPage) {
            refreshModels();
        } else if (id == TruthPage) {
            offerLabelsBesideCaptures();
        } else if (id == RunPage) {
            startRun();
        }
    });
}

QWizardPage* AnalysisWizard::buildCapturesPage() {
    auto* page = new CheckedPage([this] { return readableCaptures() > 0 && pendingScans_ == 0; });
    page->setTitle(tr("Captures"));
    page->setSubTitle(
        tr("Drop pcap or pcapng files or folders here, or add them. Each file is "
           "read to count its packets."));
    captures_ = new QTreeWidget;
    captures_->setHeaderLabels({tr("File"), tr("Packets"), tr("Link type"), tr("Status")});
    captures_->setRootIsDecorated(false);
    captures_->header()->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    // Long paths keep their file name: the middle of the folder part gives way.
    captures_->setTextElideMode(Qt::ElideMiddle);
    captures_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* addFiles = new QPushButton(tr("Add &files…"));
    auto* addFolder = new QPushButton(tr("Add f&older…"));
    auto* remove = new QPushButton(tr("&Remove"));
    auto* recent = new QComboBox;
    recent->addItem(tr("Recent captures…"));
    for (const QString& path : recentCaptures()) {
        recent->addItem(path);
    }
    connect(recent, &QComboBox::activated, this, [this, recent](int index) {
        if (index > 0) {
            addCaptures({recent->itemText(index)});
            recent->setCurrentIndex(0);
        }
    });
    connect(addFiles, &QPushButton::clicked, this, [this] {
        addCaptures(QFileDialog::getOpenFileNames(
            this, tr("Add captures"), QSettings().value("captures/folder").toString(),
            tr("Captures (*.pcap *.pcapng *.cap);;All files (*)")));
    });
    connect(addFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Add a folder of captures"), QSettings().value("captures/folder").toString());
        if (!folder.isEmpty()) {
            addCaptures({folder});
        }
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(captures_->selectedItems());
        pageChanged(this->page(CapturesPage));
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(addFiles);
    buttons->addWidget(addFolder);
    buttons->addWidget(remove);
    buttons->addStretch();
    buttons->addWidget(recent);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(captures_);
    layout->addLayout(buttons);
    return page;
}

QWizardPage* AnalysisWizard::buildTaskPage() {
    auto* page = new CheckedPage([] { return true; });
    page->setTitle(tr("Task"));
    page->setSubTitle(tr("What should each packet be labelled with?"));
    tasks_ = new QButtonGroup(page);
    auto* layout = new QVBoxLayout(page);
    // What the pretrained models of each task know, from their cards (not the paper's list:
    // a model knows the classes it was trained on).
    auto knows = [this](const QString& task, const QString& fallback) {
        const QStringList classes = pretrainedClasses(task);
        return classes.isEmpty() ? fallback
                                 : tr("The pretrained model knows %n class(es): %1", nullptr,
                                      static_cast<int>(classes.size()))
                                       .arg(classes.join(QStringLiteral(", ")));
    };
    const QList<QPair<QString, QString>> tasks = {
        {tr("&Application identification"),
         knows(QStringLiteral("application"),
               tr("Which application or protocol sent the packet (no pretrained model found: "
                  "choose a model file)"))},
        {tr("&Traffic categorization"),
         knows(QStringLiteral("traffic"),
               tr("What kind of traffic it is, and whether it went through a VPN (no "
                  "pretrained model found: choose a model file)"))},
        {tr("&Other"), tr("A task of your own: any model file, whatever its task")}};
    for (int i = 0; i < tasks.size(); ++i) {
        auto* button = new QRadioButton(tasks[i].first);
        auto* description = new QLabel(tasks[i].second);
        description->setWordWrap(true);
        description->setIndent(24);
        description->setStyleSheet("color: #555");
        tasks_->addButton(button, i);
        layout->addWidget(button);
        layout->addWidget(description);
        layout->addSpacing(8);
    }
    layout->addStretch();
    const int saved = QSettings().value("wizard/task", 0).toInt();
    tasks_->button(saved >= 0 && saved < 3 ? saved : 0)->setChecked(true);
    return page;
}

QWizardPage* AnalysisWizard::buildModelPage() {
    auto* page = new CheckedPage([this] { return !modelPath_.isEmpty() && modelError_.isEmpty(); });
    page->setTitle(tr("Model"));
    page->setSubTitle(
        tr("A pretrained network for the task, or any Deep Packet model file "
           "(.dpm) or TorchScript module with its JSON sidecar."));
    models_ = new QListWidget;
    card_ = new QTextBrowser;
    auto* browse = new QPushButton(tr("Bro&wse…"));
    device_ = makeDeviceCombo();
    flowModel_ = new QComboBox;
    flowModel_->setObjectName(QStringLiteral("flowModel"));
    flowModel_->setToolTip(
        tr("A flow model classifies each flow from the sizes, directions and timing of its "
           "packets; the packets keep the packet model's labels beside their flow's verdict."));
    batch_ = new QSpinBox;
    batch_->setRange(1, 65536);
    QSettings settings;
    batch_->setValue(settings.value("wizard/batch", 256).toInt());
    const int device = device_->findData(settings.value("wizard/device", 0).toInt());
    device_->setCurrentIndex(deviceSelectable(device_, device) ? device : 0);
    connect(models_, &QListWidget::currentTextChanged, this, [this](const QString& text) {
        if (!text.isEmpty()) {
            showModelCard(models_->currentItem()->data(Qt::UserRole).toString());
        }
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Choose a model"), QSettings().value("wizard/modelFolder").toString(),
            tr("Models (*.dpm *.pt *.pth);;All files (*)"));
        if (!path.isEmpty()) {
            chooseModel(path);
        }
    });
    auto* left = new QVBoxLayout;
    left->addWidget(models_);
    left->addWidget(browse);
    auto* top = new QHBoxLayout;
    top->addLayout(left, 2);
    top->addWidget(card_, 3);
    auto* form = new QFormLayout;
    form->addRow(tr("&Flow model:"), flowModel_);
    form->addRow(tr("&Device:"), device_);
    form->addRow(tr("Batc&h size:"), batch_);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(top, 1);
    layout->addLayout(form);
    return page;
}

QWizardPage* AnalysisWizard::buildTruthPage() {
    auto* page = new CheckedPage([this] {
        const int id = truth_->checkedId();
        return id < 3 || QFileInfo(truthFile_->text()).isFile();
    });
    page->setTitle(tr("Ground truth (optional)"));
    page->setSubTitle(
        tr("With true labels, the results include recall, precision and F1, the "
           "confusion matrix and the clustering of the classes."));
    truth_ = new QButtonGroup(page);
    truthFile_ = new QLineEdit;
    auto* browse = new QPushButton(tr("Browse…"));
    // No mnemonic on N, B or F: the wizard's Next, Back and Finish have them.
    const QStringList choices = {
        tr("None: &classify only"), tr("Folder na&mes"), tr("&ISCX VPN-nonVPN file names"),
        tr("CSV of file &labels (file,label)"),
        tr("CSV of flo&w labels (src,src_port,dst,dst_port,protocol,label)")};
    auto* layout = new QVBoxLayout(page);
    for (int i = 0; i < choices.size(); ++i) {
        auto* button = new QRadioButton(choices[i]);
        truth_->addButton(button, i);
        layout->addWidget(button);
    }
    auto* file = new QHBoxLayout;
    file->addWidget(truthFile_);
    file->addWidget(browse);
    layout->addLayout(file);
    layout->addStretch();
    truth_->button(0)->setChecked(true);
    truthNote_ = new QLabel;
    truthNote_->setObjectName(QStringLiteral("truthNote"));
    truthNote_->setWordWrap(true);
    truthNote_->setTextFormat(Qt::PlainText);
    layout->insertWidget(layout->count() - 1, truthNote_);
    auto update = [this] {
        truthFile_->setEnabled(truth_->checkedId() >= 3);
        pageChanged(this->page(TruthPage));
    };
    connect(truth_, &QButtonGroup::idClicked, this, update);
    connect(truth_, &QButtonGroup::idClicked, this, [this] { labelsChosen_ = true; });
    connect(truthFile_, &QLineEdit::textChanged, this, update);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Label file"), QString(),
                                                          tr("CSV (*.csv);;All files (*)"));
        if (!path.isEmpty()) {
            truthFile_->setText(path);
        }
    });
    update();
    return page;
}

QWizardPage* AnalysisWizard::buildRunPage() {
    auto* page = new CheckedPage([this] { return finished_; });
    page->setTitle(tr("Run"));
    page->setFinalPage(true);
    runSummary_ = new QLabel;
    runSummary_->setWordWrap(true);
    runSummary_->setTextFormat(Qt::PlainText);  // it holds file names
    progress_ = new QProgressBar;
    progress_->setRange(0, 1000);
    rate_ = new QLabel;
    rate_->setObjectName(QStringLiteral("runRate"));
    runError_ = new QLabel;
    runError_->setWordWrap(true);
    runError_->setStyleSheet("color: #a00");
    runError_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cancel_ = new QPushButton(tr("&Cancel run"));
    connect(cancel_, &QPushButton::clicked, this, [this] {
        cancel_->setEnabled(false);
        emit cancelRequested();
    });
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(runSummary_);
    layout->addWidget(progress_);
    layout->addWidget(rate_);
    layout->addWidget(cancel_, 0, Qt::AlignLeft);
    layout->addWidget(runError_);
    layout->addStretch();
    return page;
}

void AnalysisWizard::addCaptures(const QStringList& paths) {
    std::vector<std::string> arguments;
    for (const QString& p : paths) {
        arguments.push_back(p.toStdString());
    }
    const InputFiles inputs = expandInputs(arguments);
    QSettings settings;
    for (const std::string& file : inputs.files) {
        const QString path = QString::fromStdString(file);
        if (!captureFiles().contains(path)) {
            scanCapture(path);
        }
        settings.setValue("captures/folder", QFileInfo(path).absolutePath());
    }
    // As the user named them: a folder is one recent entry, not one per file inside.
    rememberCaptures(paths);
    for (const std::string& error : inputs.errors) {
        auto* item = new QTreeWidgetItem(captures_);
        item->setText(FileColumn, QString::fromStdString(error).section(':', 0, 0));
        item->setText(StatusColumn, QString::fromStdString(error).section(':', 1).trimmed());
        item->setForeground(StatusColumn, QColor(170, 0, 0));
    }
}

void AnalysisWizard::scanCapture(const QString& path) {
    auto* item = new QTreeWidgetItem(captures_);
    item->setText(FileColumn, QDir::toNativeSeparators(path));
    item->setToolTip(FileColumn, QDir::toNativeSeparators(path));
    item->setData(FileColumn, Qt::UserRole, path);
    item->setText(StatusColumn, tr("reading…"));
    ++pendingScans_;
    pageChanged(this->page(CapturesPage));
    auto* watcher = new QFutureWatcher<CaptureInfo>(this);
    connect(watcher, &QFutureWatcher<CaptureInfo>::finished, this, [this, watcher] {
        const CaptureInfo info = watcher->result();
        watcher->deleteLater();
        --pendingScans_;
        for (int i = 0; i < captures_->topLevelItemCount(); ++i) {
            QTreeWidgetItem* row = captures_->topLevelItem(i);
            if (row->data(FileColumn, Qt::UserRole).toString() != info.path) {
                continue;
            }
            if (!info.error.isEmpty()) {
                row->setText(StatusColumn, info.error);
                row->setData(StatusColumn, Qt::UserRole, false);
                row->setForeground(StatusColumn, QColor(170, 0, 0));
                row->setToolTip(StatusColumn, info.error);
            } else {
                row->setText(PacketsColumn, QString::number(info.packets));
                row->setText(LinkColumn, info.linkType);
                row->setText(StatusColumn, info.warning.isEmpty() ? tr("ok") : info.warning);
                row->setToolTip(StatusColumn, row->text(StatusColumn));
                row->setData(StatusColumn, Qt::UserRole, true);
            }
        }
        pageChanged(this->page(CapturesPage));
    });
    watcher->setFuture(QtConcurrent::run(inspectCapture, path));
}

QStringList AnalysisWizard::captureFiles(bool readableOnly) const {
    QStringList files;
    for (int i = 0; i < captures_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* row = captures_->topLevelItem(i);
        const QString path = row->data(FileColumn, Qt::UserRole).toString();
        if (!path.isEmpty() && (!readableOnly || row->data(StatusColumn, Qt::UserRole).toBool())) {
            files << path;
        }
    }
    return files;
}

bool AnalysisWizard::validateCurrentPage() {
    if (currentId() != CapturesPage) {
        return JobWizard::validateCurrentPage();
    }
    QStringList unreadable;
    for (int i = 0; i < captures_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* row = captures_->topLevelItem(i);
        if (!row->data(StatusColumn, Qt::UserRole).toBool()) {
            unreadable << QStringLiteral("<li>%1: %2</li>")
                              .arg(row->text(FileColumn).toHtmlEscaped(),
                                   row->text(StatusColumn).toHtmlEscaped());
        }
    }
    if (unreadable.isEmpty()) {
        return true;
    }
    QMessageBox question(QMessageBox::Warning, tr("Captures that cannot be read"),
                         tr("<p>%n capture(s) cannot be read:</p><ul>%1</ul><p>Go on without "
                            "them?</p>",
                            nullptr, static_cast<int>(unreadable.size()))
                             .arg(unreadable.mid(0, 10).join(QString())),
                         QMessageBox::Yes | QMessageBox::No, this);
    question.setObjectName(QStringLiteral("unreadableCaptures"));
    question.setDefaultButton(QMessageBox::No);
    return question.exec() == QMessageBox::Yes;
}

int AnalysisWizard::readableCaptures() const {
    int count = 0;
    for (int i = 0; i < captures_->topLevelItemCount(); ++i) {
        count += captures_->topLevelItem(i)->data(StatusColumn, Qt::UserRole).toBool() ? 1 : 0;
    }
    return count;
}

QString AnalysisWizard::captureStatus(const QString& path) const {
    for (int i = 0; i < captures_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = captures_->topLevelItem(i);
        if (item->data(FileColumn, Qt::UserRole).toString() == path ||
            item->text(FileColumn) == path) {
            return item->text(StatusColumn);
        }
    }
    return {};
}

QStringList AnalysisWizard::pretrainedClasses(const QString& task) const {
    for (const auto& [path, model] : modelsInFolders(modelFolders_)) {
        if (QString::fromStdString(model.card.task) == task &&
            !model.card.network.classifiesFlows()) {
            QStringList classes;
            for (const auto& name : model.card.classes) {
                classes << QString::fromStdString(name);
            }
            return classes;
        }
    }
    return {};
}

QString AnalysisWizard::task() const {
    switch (tasks_->checkedId()) {
        case 0:
            return QStringLiteral("application");
        case 1:
            return QStringLiteral("traffic");
        default:
            return {};
    }
}

void AnalysisWizard::refreshModels() {
    const QString wanted = task();
    models_->clear();
    flowModels_.clear();
    for (const auto& [path, model] : modelsInFolders(modelFolders_)) {
        if (!wanted.isEmpty() && QString::fromStdString(model.card.task) != wanted) {
            continue;
        }
        const QString summary = QStringLiteral("%1 — %2").arg(
            QFileInfo(path).fileName(), QString::fromStdString(model.card.network.summary()));
        if (model.card.network.classifiesFlows()) {
            flowModels_.push_back({path, summary, model.card.classes});
            continue;
        }
        auto* item = new QListWidgetItem(summary);
        item->setData(Qt::UserRole, path);
        models_->addItem(item);
    }
    if (!modelPath_.isEmpty()) {
        showModelCard(modelPath_);
    } else if (models_->count() > 0) {
        models_->setCurrentRow(0);
    } else {
        card_->setHtml(
            tr("<p>No pretrained model for this task was found in:</p><ul><li>%1</li></ul>"
               "<p>Choose a model file with <b>Browse…</b>.</p>")
                .arg(modelFolders_.join("</li><li>")));
    }
}

void AnalysisWizard::chooseModel(const QString& path) {
    QSettings().setValue("wizard/modelFolder", QFileInfo(path).absolutePath());
    QListWidgetItem* item = nullptr;
    for (int i = 0; i < models_->count(); ++i) {
        if (models_->item(i)->data(Qt::UserRole).toString() == path) {
            item = models_->item(i);
        }
    }
    if (item == nullptr) {
        item = new QListWidgetItem(QFileInfo(path).fileName(), models_);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
    const QSignalBlocker block(models_);
    models_->setCurrentItem(item);
    showModelCard(path);
}

bool AnalysisWizard::askToRunModelCode(const QString& path) {
    QMessageBox question(
        QMessageBox::Warning, tr("A model that holds code"),
        tr("<p><b>%1</b> is a TorchScript model: a program. Opening it runs the code inside, "
           "which can do anything your account can, such as reading or deleting files.</p>"
           "<p>Run it only if you trust where it came from. Deep Packet model files (.dpm) "
           "hold data only.</p><p>Run this model's code?</p>")
            .arg(QFileInfo(path).fileName().toHtmlEscaped()),
        QMessageBox::Yes | QMessageBox::No, this);
    question.setObjectName(QStringLiteral("trustModelCode"));
    question.setDefaultButton(QMessageBox::No);
    return question.exec() == QMessageBox::Yes;
}

void AnalysisWizard::showModelCard(const QString& path) {
    modelPath_ = path;
    modelError_.clear();
    trustModelCode_ = false;
    try {
        // Described without running anything; a TorchScript model runs only if the user agrees.
        const ModelDescription model = describeModel(path.toStdString());
        if (model.program && !askToRunModelCode(path)) {
            throw ModelCodeError(tr("%1 is a TorchScript program and was not trusted: nothing "
                                    "in it was run. Convert it to a .dpm model with "
                                    "deeppacket-cli convert, or choose it again and trust it.")
                                     .arg(QFileInfo(path).fileName())
                                     .toStdString());
        }
        trustModelCode_ = model.program;
        const ModelCard& c = model.card;
        if (c.network.classifiesFlows()) {
            throw ModelError(tr("%1 is a flow model: it classifies flows beside a packet model. "
                                "Choose a packet model here and this one as the flow model.")
                                 .arg(QFileInfo(path).fileName())
                                 .toStdString());
        }
        refreshFlowModels(c.classes);
        card_->setHtml(modelCardHtml(QFileInfo(path).fileName(), model));
    } catch (const std::exception& e) {
        modelError_ = QString::fromStdString(e.what());
        card_->setHtml(tr("<p style='color:#a00'><b>This model cannot be used:</b><br>%1</p>")
                           .arg(modelError_.toHtmlEscaped()));
    }
    pageChanged(this->page(ModelPage));
}

void AnalysisWizard::refreshFlowModels(const std::vector<std::string>& classes) {
    const QString current = flowModel_->currentData().toString();
    flowModel_->clear();
    flowModel_->addItem(tr("None: flows by the vote of their packets"), QString());
    for (const FlowModelFile& f : flowModels_) {
        if (f.classes == classes) {
            flowModel_->addItem(f.summary, f.path);
        }
    }
    const int kept = current.isEmpty() ? -1 : flowModel_->findData(current);
    flowModel_->setCurrentIndex(kept >= 0 ? kept : flowModel_->count() > 1 ? 1 : 0);
}

QString AnalysisWizard::modelError() const {
    return modelError_;
}

void AnalysisWizard::offerLabelsBesideCaptures() {
    if (labelsChosen_) {
        return;  // the user's choice stays
    }
    const QStringList files = captureFiles(true);
    QSet<QString> folders;
    for (const QString& file : files) {
        folders.insert(QFileInfo(file).absolutePath());
    }
    truthNote_->clear();
    if (folders.size() != 1) {
        return;
    }
    const QDir folder(*folders.begin());
    QStringList names;
    if (!task().isEmpty()) {
        names << QStringLiteral("labels-%1.csv").arg(task());
    } else {
        names = folder.entryList({QStringLiteral("labels-*.csv")}, QDir::Files, QDir::Name);
    }
    for (const QString& name : names) {
        if (QFileInfo(folder.filePath(name)).isFile()) {
            chooseLabels(QStringLiteral("files:") + folder.filePath(name));
            labelsChosen_ = false;  // offered, not chosen: a later visit may offer another
            truthNote_->setText(tr("Labels found beside the captures: %1").arg(name));
            return;
        }
    }
}

void AnalysisWizard::chooseLabels(const QString& scheme) {
    int id = 0;
    if (scheme == "folder") {
        id = 1;
    } else if (scheme.startsWith("iscx")) {
        id = 2;
    } else if (scheme.startsWith("files:")) {
        id = 3;
        truthFile_->setText(scheme.mid(6));
    } else if (scheme.startsWith("flows:")) {
        id = 4;
        truthFile_->setText(scheme.mid(6));
    }
    truth_->button(id)->setChecked(true);
    emit truth_->idClicked(id);
}

AnalysisPlan AnalysisWizard::plan() const {
    AnalysisPlan r;
    // The user agreed to go on without the unreadable ones (validateCurrentPage).
    for (const QString& file : captureFiles(true)) {
        r.files.push_back(file.toStdString());
    }
    r.modelPath = modelPath_.toStdString();
    r.trust = trustModelCode_ ? ModelTrust::TrustCode : ModelTrust::DataOnly;
    r.flowModelPath = flowModel_->currentData().toString().toStdString();
    r.device = static_cast<DeviceChoice>(device_->currentData().toInt());
    r.batchSize = static_cast<std::size_t>(batch_->value());
    r.keepRows = true;
    switch (truth_->checkedId()) {
        case 1:
            r.labelScheme = "folder";
            break;
        case 2:
            r.labelScheme = "iscx";
            break;
        case 3:
            r.labelScheme = "files:" + truthFile_->text().toStdString();
            break;
        case 4:
            r.labelScheme = "flows:" + truthFile_->text().toStdString();
            break;
        default:
            break;
    }
    return r;
}

void AnalysisWizard::startRun() {
    const AnalysisPlan r = plan();
    QSettings settings;
    settings.setValue("wizard/task", tasks_->checkedId());
    settings.setValue("wizard/batch", static_cast<int>(r.batchSize));
    settings.setValue("wizard/device", static_cast<int>(r.device));
    runSummary_->setText(
        tr("Classifying %n capture(s) with %1 (%2, batch %3)%4.", nullptr,
           static_cast<int>(r.files.size()))
            .arg(QFileInfo(modelPath_).fileName(), device_->currentText())
            .arg(r.batchSize)
            .arg(r.labelScheme.empty()
                     ? QString()
                     : tr(", scored against %1").arg(labelSchemeText(r.labelScheme))));
    progress_->setValue(0);
    rate_->clear();
    runError_->clear();
    cancel_->setEnabled(true);
    setRunning(true);
    finished_ = false;
    pageChanged(this->page(RunPage));
    emit runRequested(r);
}

void AnalysisWizard::showProgress(const RunProgress& p) {
    progress_->setValue(static_cast<int>(p.fraction * 1000));
    const double rate =
        p.elapsedSeconds > 0 ? static_cast<double>(p.packetsClassified) / p.elapsedSeconds : 0;
    const double remaining =
        p.fraction > 0.001 ? p.elapsedSeconds * (1 - p.fraction) / p.fraction : 0;
    rate_->setText(tr("%1 packets classified, %2 packets/s, %3 s elapsed, about %4 s left")
                       .arg(p.packetsClassified)
                       .arg(rate, 0, 'f', 0)
                       .arg(p.elapsedSeconds, 0, 'f', 1)
                       .arg(remaining, 0, 'f', 0));
}

void AnalysisWizard::runSucceeded() {
    setRunning(false);
    finished_ = true;
    progress_->setValue(1000);
    cancel_->setEnabled(false);
    runSummary_->setText(runSummary_->text() + tr(" Done: press Finish to see the results."));
    rate_->clear();
    pageChanged(this->page(RunPage));
    // Enter means Finish now, whatever button had the focus (Back, in right-to-left layouts).
    QAbstractButton* finish = button(QWizard::FinishButton);
    if (auto* push = qobject_cast<QPushButton*>(finish)) {
        push->setDefault(true);
    }
    finish->setFocus();
}

void AnalysisWizard::runFailed(const QString& message) {
    setRunning(false);
    finished_ = false;
    cancel_->setEnabled(false);
    rate_->clear();  // no "about 171 s left" after a run that stopped
    runError_->setText(message);
    button(QWizard::BackButton)->setEnabled(true);
    pageChanged(this->page(RunPage));
}

QString AnalysisWizard::runError() const {
    return runError_->text();
}

}  // namespace deeppacket::ui
