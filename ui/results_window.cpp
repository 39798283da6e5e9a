#include "ui/results_window.h"

#include <qcustomplot.h>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QSaveFile>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <map>
#include <optional>

#include "core/capture_reader.h"
#include "core/version.h"
#include "ui/bidi_text.h"
#include "ui/class_colors.h"
#include "ui/device_combo.h"
#include "ui/display_filter_edit.h"
#include "ui/dropped_files.h"
#include "ui/exporter.h"
#include "ui/flow_table_model.h"
#include "ui/packet_details_pane.h"
#include "ui/packet_table_model.h"
#include "ui/plots.h"
#include "ui/recent_captures.h"
#include "ui/translations.h"

namespace deeppacket::ui {
namespace {

// The descriptions of core's dispositions (disposition.cpp), for lupdate: core has no Qt. A test
// checks that every one is translated.
[[maybe_unused]] const char* const kDispositionTexts[] = {
    QT_TRANSLATE_NOOP("deeppacket::ui::Disposition", "kept and turned into a vector"),
    QT_TRANSLATE_NOOP("deeppacket::ui::Disposition", "link type not supported"),
    QT_TRANSLATE_NOOP("deeppacket::ui::Disposition", "not an IPv4 or IPv6 packet"),
    QT_TRANSLATE_NOOP("deeppacket::ui::Disposition", "capture ends inside the link-layer header"),
    QT_TRANSLATE_NOOP("deeppacket::ui::Disposition", "capture ends inside the IP header"),
    QT_TRANSLATE_NOOP("deeppacket::ui::Disposition", "invalid IP header"),
    QT_TRANSLATE_NOOP("deeppacket::ui::Disposition", "non-first IP fragment (no transport header)"),
    QT_TRANSLATE_NOOP("deeppacket::ui::Disposition", "capture ends inside the TCP/UDP header"),
    QT_TRANSLATE_NOOP("deeppacket::ui::Disposition", "invalid TCP or UDP header"),
    QT_TRANSLATE_NOOP("deeppacket::ui::Disposition", "DNS, mDNS or LLMNR"),
    QT_TRANSLATE_NOOP("deeppacket::ui::Disposition", "TCP segment with SYN/ACK/FIN and no payload"),
    QT_TRANSLATE_NOOP("deeppacket::ui::Disposition", "neither TCP nor UDP (excluded by option)"),
};

QTableView* makeTable(QAbstractItemModel* model) {
    auto* view = new QTableView;
    view->setModel(model);
    view->setSortingEnabled(false);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(false);
    view->setWordWrap(false);
    // Fixed row heights: the view never measures rows, so a million rows scroll smoothly.
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionsClickable(true);
    view->horizontalHeader()->setSortIndicatorShown(true);
    QObject::connect(view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, model,
                     [model](int column, Qt::SortOrder order) { model->sort(column, order); });
    return view;
}

QWidget* withControls(QWidget* main, const QList<QWidget*>& controls) {
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    auto* bar = new QHBoxLayout;
    for (QWidget* c : controls) {
        bar->addWidget(c);
    }
    bar->addStretch();
    layout->addLayout(bar);
    layout->addWidget(main, 1);
    return page;
}

QTableWidgetItem* cell(const QString& text, bool number = true) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number) {
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    return item;
}

}  // namespace

ResultsWindow::ResultsWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("Deep Packet"));
    setAcceptDrops(true);
    resize(1200, 760);

    packets_ = new PacketTableModel(this);
    flows_ = new FlowTableModel(this);
    connect(packets_, &PacketTableModel::rowsReady, this, [this] {
        statusBar()->showMessage(
            tr("%1 of %2 packets shown").arg(packets_->rowCount()).arg(packets_->totalPackets()));
    });

    tabs_ = new QTabWidget;
    packetView_ = makeTable(packets_);
    packetView_->setObjectName(QStringLiteral("packetView"));
    flowView_ = makeTable(flows_);
    flowView_->setObjectName(QStringLiteral("flowView"));
    flowView_->horizontalHeader()->setSortIndicatorShown(false);
    filterEdit_ = new DisplayFilterEdit;
    filterEdit_->setMinimumWidth(480);
    filterError_ = new QLabel;
    filterError_->setObjectName(QStringLiteral("displayFilterError"));
    filterError_->setStyleSheet(QStringLiteral("QLabel { color: #a00; }"));
    connect(filterEdit_, &DisplayFilterEdit::errorChanged, filterError_, &QLabel::setText);
    connect(filterEdit_, &DisplayFilterEdit::filterApplied, this,
            [this](std::shared_ptr<const DisplayFilter> filter) {
                displayFilter_ = std::move(filter);
                applyFilters();
            });
    detailsPane_ = new PacketDetailsPane;
    auto* packetSplit = new QSplitter(Qt::Vertical);
    packetSplit->setObjectName(QStringLiteral("packetSplit"));
    packetSplit->addWidget(withControls(packetView_, {filterEdit_, filterError_}));
    packetSplit->addWidget(detailsPane_);
    packetSplit->setStretchFactor(0, 3);
    packetSplit->setStretchFactor(1, 2);
    tabs_->addTab(packetSplit, tr("Packets"));
    connect(packetView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid() && detailsPane_->isVisible()) {
                    detailsPane_->showPacket(packets_->packetIndex(current.row()));
                }
            });
    connect(packetView_, &QAbstractItemView::doubleClicked, this, [this] { openPacketDetails(); });
    connect(packetView_, &QAbstractItemView::activated, this, [this] { openPacketDetails(); });
    tabs_->addTab(flowView_, tr("Flows"));
    packetView_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(packetView_, &QWidget::customContextMenuRequested, this,
            &ResultsWindow::showPacketMenu);
    flowView_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(flowView_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        if (!flowView_->indexAt(at).isValid()) {
            return;
        }
        QMenu menu(this);
        menu.addAction(tr("&Follow flow"), this, [this] { followSelectedFlow(); });
        menu.exec(flowView_->viewport()->mapToGlobal(at));
    });

    summaryPlot_ = new QCustomPlot;
    summaryTable_ = new QTableWidget;
    auto* summary = new QWidget;
    auto* summaryLayout = new QHBoxLayout(summary);
    summaryLayout->addWidget(summaryPlot_, 3);
    summaryLayout->addWidget(summaryTable_, 2);
    tabs_->addTab(summary, tr("Summary"));

    metricsTable_ = new QTableWidget;
    tabs_->addTab(metricsTable_, tr("Metrics"));

    confusionPlot_ = new QCustomPlot;
    showCounts_ = new QCheckBox(tr("Show counts"));
    confusionLevel_ = new QComboBox;
    confusionLevel_->addItems({tr("Per packet"), tr("Per flow")});
    connect(showCounts_, &QCheckBox::toggled, this, &ResultsWindow::redrawPlots);
    connect(confusionLevel_, &QComboBox::currentIndexChanged, this, &ResultsWindow::redrawPlots);
    tabs_->addTab(withControls(confusionPlot_, {confusionLevel_, showCounts_}), tr("Confusion"));

    dendrogramPlot_ = new QCustomPlot;
    clusters_ = new QSpinBox;
    clusters_->setRange(1, 64);
    clusters_->setPrefix(tr("Clusters: "));
    connect(clusters_, &QSpinBox::valueChanged, this, &ResultsWindow::redrawPlots);
    tabs_->addTab(withControls(dendrogramPlot_, {clusters_}), tr("Dendrogram"));

    banner_ = new QLabel;
    banner_->setWordWrap(true);
    banner_->setStyleSheet(
        "QLabel { background: #fdecea; color: #8a1c1c; padding: 6px; border: 1px solid #f5c2c0; }");
    banner_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    banner_->hide();

    stack_ = new QStackedWidget;
    stack_->addWidget(buildEmptyPage());
    stack_->addWidget(tabs_);
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(banner_);
    layout->addWidget(stack_, 1);
    setCentralWidget(central);

    auto* toolbar = addToolBar(tr("Analysis"));
    toolbar->setObjectName("analysisToolBar");
    toolbar->addAction(tr("New analysis…"), this, [this] { emit newAnalysisRequested({}); });
    toolbar->addAction(tr("Capture live…"), this, [this] { emit liveCaptureRequested(); });
    stopAction_ = new QAction(tr("&Stop capture"), this);
    stopAction_->setObjectName(QStringLiteral("stopCapture"));
    stopAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    stopAction_->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    stopAction_->setEnabled(false);
    connect(stopAction_, &QAction::triggered, this, [this] { emit stopCaptureRequested(); });
    toolbar->addAction(stopAction_);
    toolbar->addSeparator();
    toolbar->addWidget(new QLabel(tr(" Class: ")));
    classFilter_ = new QComboBox;
    classFilter_->setMinimumWidth(180);
    classFilter_->addItem(tr("All classes"), -1);
    connect(classFilter_, &QComboBox::currentIndexChanged, this, &ResultsWindow::applyFilters);
    toolbar->addWidget(classFilter_);

    buildMenus();
    statusBar()->showMessage(tr("Drop capture files or folders to analyse them"));

    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
    for (QCustomPlot* plot : {summaryPlot_, confusionPlot_, dendrogramPlot_}) {
        plot->setMinimumSize(320, 240);
    }
}

ResultsWindow::~ResultsWindow() = default;

QWidget* ResultsWindow::buildEmptyPage() {
    emptyPage_ = new QLabel;
    emptyPage_->setAlignment(Qt::AlignCenter);
    emptyPage_->setStyleSheet(
        "QLabel { border: 3px dashed #bbb; border-radius: 16px; margin: 40px; }");
    connect(emptyPage_, &QLabel::linkActivated, this, [this] {
        if (!sampleFolder_.isEmpty()) {
            emit newAnalysisRequested({sampleFolder_});
        }
    });
    setSampleFolder({});
    return emptyPage_;
}

void ResultsWindow::setSampleFolder(const QString& folder) {
    sampleFolder_ = folder;
    QString text =
        tr("<div style='font-size:20pt; color:#555'>Drop a capture here</div>"
           "<p style='color:#777'>pcap and pcapng files, or folders of them. Or use "
           "<b>New analysis…</b> to pick files, a task and a model.</p>");
    if (!folder.isEmpty()) {
        text +=
            tr("<p><a href='sample'>Try the bundled sample</a>: real chat, email, file "
               "transfer, streaming, torrent and VoIP traffic, in the clear and through "
               "VPNs, with its true labels.</p>");
    }
    emptyPage_->setText(text);
}

void ResultsWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New analysis…"), QKeySequence::New, this,
                    [this] { emit newAnalysisRequested({}); });
    file->addAction(tr("&Open captures…"), QKeySequence::Open, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Open captures"), QSettings().value("captures/folder").toString(),
            tr("Captures (*.pcap *.pcapng *.cap);;All files (*)"));
        if (!files.isEmpty()) {
            emit newAnalysisRequested(files);
        }
    });
    QMenu* recent = file->addMenu(tr("Open &Recent"));
    recent->setObjectName(QStringLiteral("recentMenu"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] { fillRecentMenu(recent); });
    fillRecentMenu(recent);
    QAction* live =
        file->addAction(tr("Capture &live…"), this, [this] { emit liveCaptureRequested(); });
    live->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));  // Wireshark's capture options
    file->addAction(stopAction_);
    saveCaptureAction_ = file->addAction(tr("Sa&ve capture as…"), this, [this] {
        QString path = QFileDialog::getSaveFileName(
            this, tr("Save the capture"),
            QDir(QSettings().value("export/folder", QDir::homePath()).toString())
                .filePath(QFileInfo(QString::fromStdString(result_->files.front())).fileName()),
            tr("pcapng captures (*.pcapng)"));
        if (path.isEmpty()) {
            return;
        }
        QSettings().setValue("export/folder", QFileInfo(path).absolutePath());
        const QString error = saveCaptureTo(path);
        if (!error.isEmpty()) {
            showError(error);
        }
    });
    saveCaptureAction_->setObjectName(QStringLiteral("saveCapture"));
    saveCaptureAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    saveCaptureAction_->setEnabled(false);
    QAction* rerun = file->addAction(tr("Run a&gain"), this, [this] { emit rerunRequested(); });
    rerun->setShortcut(QKeySequence::Refresh);
    QAction* close = file->addAction(tr("&Close analysis"), this, &ResultsWindow::closeAnalysis);
    close->setShortcut(QKeySequence::Close);
    file->addSeparator();
    file->addAction(tr("&Train a model…"), this, [this] { emit trainingRequested(); });
    QMenu* exports = file->addMenu(tr("&Export"));
    // The tables export the rows they show (their filters), and say so.
    const QList<QPair<QString, QString>> kinds = {
        {"packets", tr("Packets shown, as CSV…")},
        {"flows", tr("Flows shown, as CSV…")},
        {"metrics", tr("Metrics as CSV…")},
        {"confusion", tr("Confusion matrix as CSV…")},
        {"dendrogram-newick", tr("Dendrogram as Newick…")},
        {"dendrogram-json", tr("Dendrogram as JSON…")},
        {"plot", tr("Current plot as image…")},
        {"report", tr("HTML report…")}};
    for (const auto& [kind, title] : kinds) {
        QAction* action = exports->addAction(title, this, [this, kind = kind] { askExport(kind); });
        action->setObjectName(QStringLiteral("export-") + kind);
        action->setEnabled(false);  // until there is something to export
        exportActions_.append({kind, action});
        if (kind == "packets") {
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
        }
    }
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    detailsAction_ = view->addAction(tr("Packet &details"));
    detailsAction_->setCheckable(true);
    detailsAction_->setChecked(QSettings().value("view/details", true).toBool());
    detailsPane_->setVisible(detailsAction_->isChecked());
    connect(detailsAction_, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue("view/details", on);
        detailsPane_->setVisible(on);
        if (on && packetView_->currentIndex().isValid()) {
            detailsPane_->showPacket(packets_->packetIndex(packetView_->currentIndex().row()));
        }
    });

    autoScrollAction_ = view->addAction(tr("&Auto scroll in live capture"));
    autoScrollAction_->setCheckable(true);
    autoScrollAction_->setChecked(QSettings().value("view/autoScroll", true).toBool());
    connect(autoScrollAction_, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue("view/autoScroll", on);
        if (on && capturing_) {
            packetView_->scrollToBottom();
        }
    });

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    go->addAction(tr("&Go to packet…"), QKeySequence(Qt::CTRL | Qt::Key_G), this, [this] {
        if (!result_) {
            return;
        }
        bool ok = false;
        const int number = QInputDialog::getInt(
            this, tr("Go to packet"), tr("Packet number (1 to %1):").arg(result_->packets.size()),
            1, 1, std::max(1, static_cast<int>(result_->packets.size())), 1, &ok);
        if (ok) {
            goToPacket(static_cast<quint64>(number));
        }
    });
    QMenu* analyze = menuBar()->addMenu(tr("&Analyze"));
    analyze->addAction(tr("Display &filter"), QKeySequence::Find, this, [this] {
        if (result_) {
            tabs_->setCurrentIndex(0);
            filterEdit_->setFocus();
            filterEdit_->selectAll();
        }
    });
    analyze->addAction(tr("&Apply as filter"), this, [this] {
        const QModelIndex index = packetView_->currentIndex();
        if (index.isValid()) {
            applyAsFilter(index.row(), index.column());
        }
    });
    analyze->addAction(tr("F&ollow flow"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_F),
                       this, [this] { followSelectedFlow(); });
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QMenu* language = help->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(language);
    QList<QPair<QString, QString>> choices = {{QString(), tr("System language")}};
    choices += availableLanguages();
    for (const auto& [code, name] : choices) {
        QAction* action = language->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == chosenLanguage());
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            setChosenLanguage(code);
            QMessageBox::information(this, tr("Language"),
                                     tr("The language changes when Deep Packet starts again."));
        });
    }
    help->addAction(tr("&About Deep Packet"), this, &ResultsWindow::showAbout);
}

void ResultsWindow::showResult(ResultPointer result) {
    if (result && result_ && result->liveSession != 0 &&
        result->liveSession == result_->liveSession) {
        advanceLive(std::move(result));
        return;
    }
    result_ = std::move(result);
    lastSeen_ = 0;
    lastSeconds_ = 0;
    banner_->hide();
    packets_->setResult(result_);
    flows_->setResult(result_);
    detailsPane_->setResult(result_);
    // The filter box keeps its text; its names now resolve against this result.
    displayFilter_.reset();
    filterEdit_->setContext(result_->classes, result_->files);
    packetView_->setColumnHidden(PacketTableModel::Truth, !result_->evaluation);
    flowView_->setColumnHidden(FlowTableModel::Truth, !result_->evaluation);
    // With a flow model, two labels per packet (its own, its flow's) and two per flow (the
    // flow model's verdict, the packets' vote).
    const bool flowModel = !result_->flowModelPath.isEmpty();
    packetView_->setColumnHidden(PacketTableModel::FlowVerdict, !flowModel);
    flowView_->setColumnHidden(FlowTableModel::PacketVote, !flowModel);
    for (int i = 0; i < PacketTableModel::ColumnCount - 1; ++i) {
        packetView_->setColumnWidth(
            i, i == PacketTableModel::Source || i == PacketTableModel::Destination ? 190 : 95);
    }
    {
        const QSignalBlocker block(classFilter_);
        classFilter_->clear();
        classFilter_->addItem(tr("All classes"), -1);
        for (std::size_t c = 0; c < result_->classes.size(); ++c) {
            QPixmap swatch(12, 12);
            swatch.fill(classColor(c));
            classFilter_->addItem(QIcon(swatch), QString::fromStdString(result_->classes[c]),
                                  static_cast<int>(c));
        }
    }
    QStringList unreadable;
    for (const auto& file : result_->fileReports) {
        if (!file.opened()) {
            unreadable << QString::fromStdString(file.error);
        }
    }
    if (!unreadable.isEmpty()) {
        showError(tr("%n capture(s) could not be read and are not in these results:", nullptr,
                     static_cast<int>(unreadable.size())) +
                  "\n" + isolatedLines(unreadable.join('\n')));
    }
    const bool evaluated = result_->evaluation.has_value();
    for (int tab = 3; tab < 6; ++tab) {
        tabs_->setTabEnabled(tab, evaluated);
    }
    if (evaluated) {
        clusters_->setMaximum(
            std::max<int>(1, static_cast<int>(result_->evaluation->dendrogram.leaves)));
    }
    fillSummaryTable();
    fillMetricsTable();
    redrawPlots();
    updateExportActions();
    stack_->setCurrentIndex(1);
    QString status = tr("%1 packets in %2 flows from %3 captures, classified in %4 s on %5")
                         .arg(result_->packets.size())
                         .arg(result_->flows.size())
                         .arg(result_->files.size())
                         .arg(result_->seconds, 0, 'f', 2)
                         .arg(result_->device);
    if (flowModel) {
        status += tr("; flow verdicts by %1").arg(QFileInfo(result_->flowModelPath).fileName());
    }
    statusBar()->showMessage(status);
    setWindowTitle(
        tr("Deep Packet — %1").arg(isolatedLtr(QFileInfo(result_->modelPath).fileName())));
    updateCaptureActions();
    if (result_->liveSession != 0) {
        showLiveStatus();
    }
}

void ResultsWindow::advanceLive(ResultPointer result) {
    const bool follow = followsNewest();
    // The selected packet by number, to select it again when a sort rebuilt the rows.
    std::optional<std::uint64_t> selected;
    if (packetView_->currentIndex().isValid()) {
        selected = packetNumber(*result_, packets_->packetIndex(packetView_->currentIndex().row()));
    }
    result_ = std::move(result);
    packets_->advance(result_);
    flows_->advance(result_);
    detailsPane_->advance(result_);
    if (selected && !packetView_->currentIndex().isValid() && *selected > result_->firstPacket) {
        const int row = packets_->rowOfPacket(*selected - 1 - result_->firstPacket);
        if (row >= 0) {
            // Selected again without reading the packet back: the pane still shows it.
            const QSignalBlocker block(packetView_->selectionModel());
            packetView_->selectionModel()->setCurrentIndex(
                packets_->index(row, 0),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            packetView_->viewport()->update();
        }
    }
    fillSummaryTable();
    redrawPlots();
    updateCaptureActions();
    showLiveStatus();
    if (follow) {
        packetView_->scrollToBottom();
    }  // otherwise the view stays where the user left it
}

bool ResultsWindow::followsNewest() const {
    if (!autoScrollAction_->isChecked()) {
        return false;
    }
    // At the bottom, or with nothing to scroll yet.
    const QScrollBar* bar = packetView_->verticalScrollBar();
    return bar->value() >= bar->maximum();
}

void ResultsWindow::setCapturing(bool capturing) {
    capturing_ = capturing;
    updateCaptureActions();
    if (result_ && result_->liveSession != 0) {
        showLiveStatus();
    }
}

void ResultsWindow::updateCaptureActions() {
    stopAction_->setEnabled(capturing_);
    saveCaptureAction_->setEnabled(result_ && result_->liveSession != 0 && !result_->capturing &&
                                   !capturing_ && !result_->files.empty());
}

void ResultsWindow::showLiveStatus() {
    const ClassificationResult& r = *result_;
    const double interval = r.seconds - lastSeconds_;
    const double rate =
        interval > 0 ? static_cast<double>(r.packetsSeen - lastSeen_) / interval : 0;
    lastSeen_ = r.packetsSeen;
    lastSeconds_ = r.seconds;
    const QString interfaceName = isolatedLtr(r.liveInterface);
    QString status = r.capturing
                         ? tr("Capturing on %1: %2 packets classified (%3/s), %4 flows (%5 open)")
                               .arg(interfaceName)
                               .arg(r.packetsSeen)
                               .arg(rate, 0, 'f', 0)
                               .arg(r.flows.size())
                               .arg(r.openFlows)
                         : tr("Capture on %1 stopped: %2 packets classified, %3 flows")
                               .arg(interfaceName)
                               .arg(r.packetsSeen)
                               .arg(r.flows.size());
    if (r.firstPacket > 0) {
        status += tr("; the table keeps the newest %1").arg(r.packets.size());
    }
    status += tr("; dropped %1 by the kernel, %2 by the interface")
                  .arg(r.captureStats.droppedByKernel)
                  .arg(r.captureStats.droppedByInterface);
    statusBar()->showMessage(status);
    setWindowTitle(r.capturing ? tr("Deep Packet — capturing on %1").arg(interfaceName)
                               : tr("Deep Packet — %1").arg(interfaceName));
}

QString ResultsWindow::saveCaptureTo(const QString& path) {
    if (!result_ || result_->liveSession == 0 || result_->capturing || result_->files.empty()) {
        return tr("There is no stopped live capture to save.");
    }
    const QString source = QString::fromStdString(result_->files.front());
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly)) {
        return tr("Cannot read %1: %2").arg(isolatedLtr(source), in.errorString());
    }
    // Written under a temporary name and renamed over the destination only when complete.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        return tr("Cannot write %1: %2").arg(isolatedLtr(path), out.errorString());
    }
    QByteArray chunk;
    while (!(chunk = in.read(1 << 20)).isEmpty()) {
        if (out.write(chunk) != chunk.size()) {
            return tr("Cannot write %1: %2").arg(isolatedLtr(path), out.errorString());
        }
    }
    if (in.error() != QFileDevice::NoError || !out.commit()) {
        return tr("Cannot write %1: %2").arg(isolatedLtr(path), out.errorString());
    }
    statusBar()->showMessage(tr("Saved the capture as %1").arg(isolatedLtr(path)), 8000);
    return {};
}

void ResultsWindow::showError(const QString& message) {
    banner_->setText(message);
    banner_->show();
    statusBar()->showMessage(message.section('\n', 0, 0), 10000);
}

QString ResultsWindow::errorText() const {
    return banner_->isHidden() ? QString() : banner_->text();
}

void ResultsWindow::setClassFilter(int classIndex) {
    const int item = classFilter_->findData(classIndex);
    classFilter_->setCurrentIndex(item < 0 ? 0 : item);
}

void ResultsWindow::fillRecentMenu(QMenu* menu) {
    menu->clear();
    const QStringList paths = recentCaptures();
    for (const QString& path : paths) {
        // The path whole: a folder of 14 captures is one entry, named as the user opened it.
        QAction* action = menu->addAction(isolatedLtr(QDir::toNativeSeparators(path)));
        connect(action, &QAction::triggered, this,
                [this, path] { emit newAnalysisRequested({path}); });
    }
    if (paths.isEmpty()) {
        menu->addAction(tr("No recent captures"))->setEnabled(false);
        return;
    }
    menu->addSeparator();
    menu->addAction(tr("&Clear the list"), this, [] { forgetRecentCaptures(); });
}

void ResultsWindow::openPacketDetails() {
    const QModelIndex index = packetView_->currentIndex();
    if (!result_ || !index.isValid()) {
        return;
    }
    detailsAction_->setChecked(true);  // shows the pane (and its packet) when it was hidden
    detailsPane_->showPacket(packets_->packetIndex(index.row()));
}

void ResultsWindow::closeAnalysis() {
    if (!result_) {
        return;
    }
    if (capturing_) {
        emit stopCaptureRequested();
    }
    result_.reset();
    packets_->setResult(nullptr);
    flows_->setResult(nullptr);
    detailsPane_->setResult(nullptr);
    updateExportActions();
    updateCaptureActions();
    banner_->hide();
    stack_->setCurrentIndex(0);
    setWindowTitle(tr("Deep Packet"));
    statusBar()->showMessage(tr("Drop capture files or folders to analyse them"));
}

bool ResultsWindow::goToPacket(quint64 number) {
    if (!result_ || number == 0 || number > packetNumber(*result_, result_->packets.size() - 1)) {
        statusBar()->showMessage(tr("There is no packet %1").arg(number), 8000);
        return false;
    }
    if (number <= result_->firstPacket) {
        statusBar()->showMessage(
            tr("Packet %1 is no longer kept: the table keeps the newest %2 packets")
                .arg(number)
                .arg(result_->packets.size()),
            8000);
        return false;
    }
    const int row =
        packets_->rowOfPacket(static_cast<std::size_t>(number - 1 - result_->firstPacket));
    if (row < 0) {
        statusBar()->showMessage(tr("Packet %1 is hidden by the filters").arg(number), 8000);
        return false;
    }
    tabs_->setCurrentIndex(0);
    const QModelIndex index = packets_->index(row, PacketTableModel::Number);
    packetView_->setCurrentIndex(index);
    packetView_->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

bool ResultsWindow::followSelectedFlow() {
    if (!result_) {
        return false;
    }
    std::optional<std::uint32_t> flow;
    if (tabs_->currentIndex() == 1) {
        const QModelIndex index = flowView_->currentIndex();
        if (index.isValid()) {
            flow = flows_->flowAt(index.row()).verdict.flowId;
        }
    } else {
        const QModelIndex index = packetView_->currentIndex();
        if (index.isValid()) {
            flow = packets_->packetAt(index.row()).record.flowId;
        }
    }
    if (!flow) {
        statusBar()->showMessage(tr("Select a packet or a flow to follow"), 8000);
        return false;
    }
    tabs_->setCurrentIndex(0);
    setClassFilter(-1);
    filterEdit_->applyText(QStringLiteral("flow == %1").arg(*flow));
    return true;
}

void ResultsWindow::applyAsFilter(int row, int column) {
    static const std::map<int, const char*> fields = {{PacketTableModel::Number, "number"},
                                                      {PacketTableModel::Source, "ip.src"},
                                                      {PacketTableModel::Destination, "ip.dst"},
                                                      {PacketTableModel::Protocol, "proto"},
                                                      {PacketTableModel::Length, "len"},
                                                      {PacketTableModel::Label, "label"},
                                                      {PacketTableModel::Confidence, "confidence"},
                                                      {PacketTableModel::Truth, "truth"},
                                                      {PacketTableModel::File, "file"},
                                                      {PacketTableModel::FlowVerdict, "flow"},
                                                      {PacketTableModel::Time, "number"}};
    const auto field = fields.find(column);
    if (!result_ || row < 0 || row >= packets_->rowCount() || field == fields.end()) {
        return;
    }
    const std::string text = displayFilterFor(field->second, packets_->packetAt(row),
                                              result_->firstPacket + packets_->packetIndex(row),
                                              result_->classes, result_->files);
    if (!text.empty()) {
        tabs_->setCurrentIndex(0);
        filterEdit_->applyText(QString::fromStdString(text));
    }
}

void ResultsWindow::showPacketMenu(const QPoint& position) {
    const QModelIndex index = packetView_->indexAt(position);
    if (!index.isValid()) {
        return;
    }
    packetView_->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(tr("&Apply as filter"), this,
                   [this, index] { applyAsFilter(index.row(), index.column()); });
    menu.addAction(tr("&Follow flow"), this, [this] { followSelectedFlow(); });
    menu.exec(packetView_->viewport()->mapToGlobal(position));
}

void ResultsWindow::applyFilters() {
    const int classIndex =
        classFilter_->currentData().isValid() ? classFilter_->currentData().toInt() : -1;
    packets_->setFilter(classIndex, displayFilter_);
    flows_->setClassFilter(classIndex);
    redrawPlots();
    if (result_) {
        statusBar()->showMessage(tr("Filtering…"));
    }
}

void ResultsWindow::redrawPlots() {
    if (!result_) {
        return;
    }
    const int highlight =
        classFilter_->currentData().isValid() ? classFilter_->currentData().toInt() : -1;
    plotClassCounts(summaryPlot_, result_->classes, result_->packetsPerClass,
                    result_->flowsPerClass, highlight);
    if (!result_->evaluation) {
        return;
    }
    const Evaluation& e = *result_->evaluation;
    plotConfusion(confusionPlot_, confusionLevel_->currentIndex() == 0 ? e.packets : e.flows,
                  showCounts_->isChecked(), highlight);
    int leaf = -1;
    if (highlight >= 0) {
        const std::string& name = result_->classes[static_cast<std::size_t>(highlight)];
        for (std::size_t i = 0; i < e.clusteredClasses.size(); ++i) {
            if (e.clusteredClasses[i] == name) {
                leaf = static_cast<int>(i);
            }
        }
    }
    plotDendrogram(dendrogramPlot_, e.dendrogram, e.clusteredClasses, clusters_->value(), leaf);
}

QString dispositionText(Disposition d) {
    const std::string text(dispositionDescription(d));
    return QCoreApplication::translate("deeppacket::ui::Disposition", text.c_str());
}

void ResultsWindow::fillSummaryTable() {
    summaryTable_->clear();
    summaryTable_->setColumnCount(2);
    summaryTable_->setHorizontalHeaderLabels({tr("What"), tr("Packets")});
    const RunSummary total = summarize(result_->fileReports);
    QList<QPair<QString, quint64>> rows = {{tr("read"), total.counts.read()},
                                           {tr("classified"), total.counts.kept()},
                                           {tr("dropped"), total.counts.dropped()}};
    for (std::size_t i = 1; i < kDispositionCount; ++i) {
        const auto d = static_cast<Disposition>(i);
        if (total.counts[d] > 0) {
            rows.append({QStringLiteral("   %1").arg(dispositionText(d)), total.counts[d]});
        }
    }
    rows.append({tr("flows"), total.flows});
    if (result_->liveSession != 0) {
        rows.append({tr("open flows"), result_->openFlows});
        rows.append({tr("captured"), result_->framesCaptured});
        rows.append({tr("dropped by the kernel"), result_->captureStats.droppedByKernel});
        rows.append({tr("dropped by the interface"), result_->captureStats.droppedByInterface});
        rows.append({tr("kept in the table"), result_->packets.size()});
    }
    for (std::size_t c = 0; c < result_->classes.size(); ++c) {
        rows.append({tr("class %1").arg(QString::fromStdString(result_->classes[c])),
                     result_->packetsPerClass[c]});
    }
    summaryTable_->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        summaryTable_->setItem(r, 0, cell(rows[r].first, false));
        summaryTable_->setItem(r, 1, cell(QString::number(rows[r].second)));
    }
    summaryTable_->resizeColumnsToContents();
    summaryTable_->verticalHeader()->hide();
}

void ResultsWindow::fillMetricsTable() {
    metricsTable_->clear();
    if (!result_->evaluation) {
        metricsTable_->setRowCount(0);
        return;
    }
    const Evaluation& e = *result_->evaluation;
    const QStringList headers = {tr("Class"),   tr("Rc"),      tr("Pr"),
                                 tr("F1"),      tr("Support"), tr("Flow Rc"),
                                 tr("Flow Pr"), tr("Flow F1"), tr("Flow support")};
    metricsTable_->setColumnCount(static_cast<int>(headers.size()));
    metricsTable_->setHorizontalHeaderLabels(headers);
    QList<std::tuple<QString, ClassScores, ClassScores>> rows;
    for (std::size_t c = 0; c < result_->classes.size(); ++c) {
        if (e.packetMetrics.present[c] || e.flowMetrics.present[c]) {
            rows.append({QString::fromStdString(result_->classes[c]), e.packetMetrics.perClass[c],
                         e.flowMetrics.perClass[c]});
        }
    }
    rows.append({tr("Macro average"), e.packetMetrics.macro, e.flowMetrics.macro});
    rows.append({tr("Weighted average"), e.packetMetrics.weighted, e.flowMetrics.weighted});
    metricsTable_->setRowCount(static_cast<int>(rows.size()) + 1);
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const auto& [name, p, f] = rows[r];
        metricsTable_->setItem(r, 0, cell(name, false));
        int column = 1;
        for (const ClassScores* s : {&p, &f}) {
            metricsTable_->setItem(r, column++, cell(QString::number(s->recall, 'f', 2)));
            metricsTable_->setItem(r, column++, cell(QString::number(s->precision, 'f', 2)));
            metricsTable_->setItem(r, column++, cell(QString::number(s->f1, 'f', 2)));
            metricsTable_->setItem(r, column++, cell(QString::number(s->support)));
        }
    }
    const int last = static_cast<int>(rows.size());
    metricsTable_->setItem(last, 0, cell(tr("Accuracy"), false));
    metricsTable_->setItem(last, 3, cell(QString::number(e.packetMetrics.accuracy, 'f', 4)));
    metricsTable_->setItem(last, 7, cell(QString::number(e.flowMetrics.accuracy, 'f', 4)));
    metricsTable_->resizeColumnsToContents();
    metricsTable_->verticalHeader()->hide();
}

QString ResultsWindow::viewDescription() const {
    QStringList parts;
    if (classFilter_->currentIndex() > 0) {
        parts << tr("class %1").arg(classFilter_->currentText());
    }
    if (displayFilter_) {
        parts << tr("display filter %1").arg(filterEdit_->text().trimmed());
    }
    return parts.join(QStringLiteral("; "));
}

void ResultsWindow::updateExportActions() {
    const bool evaluated = result_ && result_->evaluation.has_value();
    for (const auto& [kind, action] : exportActions_) {
        const bool needsTruth = kind == "metrics" || kind == "confusion" ||
                                kind.startsWith(QLatin1String("dendrogram"));
        action->setEnabled(result_ != nullptr && (!needsTruth || evaluated));
    }
}

void ResultsWindow::exportTo(const QString& kind, const QString& path) {
    if (!result_) {
        return;  // the actions are disabled without a result
    }
    QString error;
    QString what = QFileInfo(path).fileName();
    const QString view = viewDescription();
    if (kind == "packets") {
        const bool all = view.isEmpty();
        error = exportPacketsCsv(*result_, path, all ? nullptr : &packets_->rows());
        what = all ? tr("all %1 packets").arg(result_->packets.size())
                   : tr("the %1 packets shown (%2)").arg(packets_->rowCount()).arg(view);
    } else if (kind == "flows") {
        const bool all = classFilter_->currentIndex() <= 0;
        error = exportFlowsCsv(*result_, path, all ? nullptr : &flows_->rows());
        what = all ? tr("all %1 flows").arg(result_->flows.size())
                   : tr("the %1 flows shown (class %2)")
                         .arg(flows_->rowCount())
                         .arg(classFilter_->currentText());
    } else if (kind == "metrics") {
        error = exportMetricsCsv(*result_, path);
    } else if (kind == "confusion") {
        error = exportConfusionCsv(*result_, path);
    } else if (kind == "dendrogram-newick" || kind == "dendrogram-json") {
        error = exportDendrogram(*result_, path, kind == "dendrogram-newick");
    } else if (kind == "report") {
        std::vector<ReportPlot> plots = {{tr("Packets and flows per class"), summaryPlot_}};
        if (result_->evaluation) {
            plots.push_back({tr("Confusion matrix (row-normalised)"), confusionPlot_});
            plots.push_back({tr("Hierarchical clustering (Ward.D)"), dendrogramPlot_});
        }
        error = exportHtmlReport(*result_, plots, path, view);
    }
    if (error.isEmpty()) {
        banner_->hide();  // an earlier export's error is stale now
        statusBar()->showMessage(
            tr("Saved %1 to %2").arg(what, isolatedLtr(QDir::toNativeSeparators(path))), 10000);
    } else {
        showError(isolatedLines(error));  // it names the file
    }
}

void ResultsWindow::askExport(const QString& kind) {
    if (!result_) {
        return;
    }
    QSettings settings;
    // The last export's folder, else the captures', else home: never the root folder.
    QString folder = settings.value("export/folder").toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
        folder = result_->files.empty()
                     ? QDir::homePath()
                     : QFileInfo(QString::fromStdString(result_->files.front())).absolutePath();
    }
    if (kind == "plot") {
        QCustomPlot* plot = tabs_->currentIndex() == 4   ? confusionPlot_
                            : tabs_->currentIndex() == 5 ? dendrogramPlot_
                                                         : summaryPlot_;
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Export plot"));
        auto* form = new QFormLayout(&dialog);
        auto* width = new QSpinBox;
        auto* height = new QSpinBox;
        auto* dpi = new QSpinBox;
        width->setRange(100, 10000);
        height->setRange(100, 10000);
        dpi->setRange(72, 1200);
        width->setValue(settings.value("export/width", 1200).toInt());
        height->setValue(settings.value("export/height", 800).toInt());
        dpi->setValue(settings.value("export/dpi", 150).toInt());
        form->addRow(tr("Width (points)"), width);
        form->addRow(tr("Height (points)"), height);
        form->addRow(tr("Resolution (dpi)"), dpi);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() != QDialog::Accepted) {
            return;
        }
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export plot"), folder, tr("PNG (*.png);;SVG (*.svg);;PDF (*.pdf)"));
        if (path.isEmpty()) {
            return;
        }
        settings.setValue("export/width", width->value());
        settings.setValue("export/height", height->value());
        settings.setValue("export/dpi", dpi->value());
        settings.setValue("export/folder", QFileInfo(path).absolutePath());
        const QString error = exportPlot(plot, path, width->value(), height->value(), dpi->value());
        if (error.isEmpty()) {
            statusBar()->showMessage(
                tr("Saved %1").arg(isolatedLtr(QDir::toNativeSeparators(path))), 8000);
        } else {
            showError(error);
        }
        return;
    }
    const bool html = kind == "report";
    const bool newick = kind == "dendrogram-newick";
    const bool json = kind == "dendrogram-json";
    const QString suffix = html ? ".html" : newick ? ".nwk" : json ? ".json" : ".csv";
    const QString name = kind.startsWith(QLatin1String("dendrogram")) ? "dendrogram" : kind;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export"), QDir(folder).filePath(name + suffix),
                                     html     ? tr("HTML (*.html)")
                                     : newick ? tr("Newick (*.nwk)")
                                     : json   ? tr("JSON (*.json)")
                                              : tr("CSV (*.csv)"));
    if (!path.isEmpty()) {
        settings.setValue("export/folder", QFileInfo(path).absolutePath());
        exportTo(kind, path);
    }
}

void ResultsWindow::showAbout() {
    QMessageBox::about(
        this, tr("About Deep Packet"),
        tr("<h3>Deep Packet %1</h3><p>Encrypted traffic classification with deep learning "
           "(stacked autoencoder and 1D CNN), after Lotfollahi et al.</p>"
           "<p>Qt %2<br>%3<br>%4</p>")
            .arg(QString::fromStdString(version()), QString::fromLatin1(qVersion()),
                 networksBuildSummary(), QString::fromStdString(pcapLibraryVersion())));
}

void ResultsWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedFiles(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
    }
}

void ResultsWindow::dropEvent(QDropEvent* event) {
    const QStringList files = droppedFiles(event->mimeData());
    if (files.isEmpty()) {
        return;
    }
    event->acceptProposedAction();
    emit newAnalysisRequested(files);
}

void ResultsWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    QMainWindow::closeEvent(event);
}

}  // namespace deeppacket::ui
