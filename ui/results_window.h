#pragma once

#include <QMainWindow>

#include <memory>

#include "core/display_filter.h"
#include "core/disposition.h"
#include "ui/classification_result.h"

class QAction;
class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QMenu;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace deeppacket::ui {

// Why a packet was dropped (or kept), in the user's language.
QString dispositionText(Disposition d);

class DisplayFilterEdit;
class FlowTableModel;
class PacketDetailsPane;
class PacketTableModel;

// The main window: an empty page inviting a drop, then the results workspace with the packet
// and flow tables, the summary, and with ground truth the metrics, confusion heatmap and
// dendrogram. A class filter in the tool bar applies to every view; a display filter
// (display_filter.h) to the packets. Menus and shortcuts follow Wireshark's where it has the
// same thing: Ctrl+F filter, Ctrl+G go to packet, Apply as filter, Follow flow, Open Recent.
class ResultsWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit ResultsWindow(QWidget* parent = nullptr);
    ~ResultsWindow() override;

    const ClassificationResult* result() const { return result_.get(); }
    PacketTableModel* packetModel() const { return packets_; }
    QTabWidget* tabs() const { return tabs_; }
    QCustomPlot* summaryPlot() const { return summaryPlot_; }
    QCustomPlot* confusionPlot() const { return confusionPlot_; }
    QCustomPlot* dendrogramPlot() const { return dendrogramPlot_; }
    QString errorText() const;
    void setClassFilter(int classIndex);
    DisplayFilterEdit* displayFilter() const { return filterEdit_; }
    PacketDetailsPane* detailsPane() const { return detailsPane_; }
    // Opens the details pane on the packet of the current row (double-click, Enter).
    void openPacketDetails();
    QTableView* packetView() const { return packetView_; }
    QTableView* flowView() const { return flowView_; }
    // Selects the packet with this number in the analysis (1-based); false when there is none
    // or the filters hide it (the status bar says which).
    bool goToPacket(quint64 number);
    // Shows only the packets of the flow of the packet selected in the Packets view, or of the
    // flow selected in the Flows view (whichever tab is open); false without a selection.
    bool followSelectedFlow();
    // Back to the empty page (Ctrl+W).
    void closeAnalysis();
    // "Apply as filter" for a cell of the packet table.
    void applyAsFilter(int row, int column);
    // Offers "Try the bundled sample" on the empty page (nothing when empty).
    void setSampleFolder(const QString& folder);
    // Whether a live capture is going on (set by whoever runs it): Stop is offered, and the
    // capture's raw file can be saved only once it stopped.
    void setCapturing(bool capturing);
    bool capturing() const { return capturing_; }
    // Whether the packet table follows the newest packet of a live capture: View → Auto scroll
    // in live capture is on and the user has not scrolled away from the bottom.
    bool followsNewest() const;
    // Saves the stopped live capture's raw packets as pcapng at `path` (written whole or not at
    // all); returns an error message, empty on success.
    QString saveCaptureTo(const QString& path);

  public slots:
    void showResult(deeppacket::ui::ResultPointer result);
    // Shows an error in the window (never only on stderr), with the file and the reason.
    void showError(const QString& message);
    void exportTo(const QString& kind, const QString& path);

  signals:
    // The user wants a new analysis, starting from these captures (maybe none).
    void newAnalysisRequested(const QStringList& captures);
    // The user wants to train a model.
    void trainingRequested();
    // The user wants the last analysis run again (F5).
    void rerunRequested();
    // The user wants to capture live (File → Capture live…), or to stop the capture.
    void liveCaptureRequested();
    void stopCaptureRequested();

  protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

  private:
    // Shows a later moment of the live capture that is shown, keeping the view's place.
    void advanceLive(ResultPointer result);
    void showLiveStatus();
    void updateCaptureActions();
    void buildMenus();
    void fillRecentMenu(QMenu* menu);
    void showPacketMenu(const QPoint& position);
    QWidget* buildEmptyPage();
    QLabel* emptyPage_ = nullptr;
    QString sampleFolder_;
    void applyFilters();
    void redrawPlots();
    void fillSummaryTable();
    void fillMetricsTable();
    void askExport(const QString& kind);
    void updateExportActions();
    // The window's filters in words ("class Chat; display filter tcp"), empty without any.
    QString viewDescription() const;
    void showAbout();

    ResultPointer result_;
    QStackedWidget* stack_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QLabel* banner_ = nullptr;
    QComboBox* classFilter_ = nullptr;
    DisplayFilterEdit* filterEdit_ = nullptr;
    QLabel* filterError_ = nullptr;
    PacketDetailsPane* detailsPane_ = nullptr;
    QAction* detailsAction_ = nullptr;
    QList<QPair<QString, QAction*>> exportActions_;
    std::shared_ptr<const DisplayFilter> displayFilter_;
    PacketTableModel* packets_ = nullptr;
    FlowTableModel* flows_ = nullptr;
    QTableView* packetView_ = nullptr;
    QTableView* flowView_ = nullptr;
    QCustomPlot* summaryPlot_ = nullptr;
    QTableWidget* summaryTable_ = nullptr;
    QTableWidget* metricsTable_ = nullptr;
    QCustomPlot* confusionPlot_ = nullptr;
    QCheckBox* showCounts_ = nullptr;
    QComboBox* confusionLevel_ = nullptr;
    QCustomPlot* dendrogramPlot_ = nullptr;
    QSpinBox* clusters_ = nullptr;
    QAction* stopAction_ = nullptr;
    QAction* saveCaptureAction_ = nullptr;
    QAction* autoScrollAction_ = nullptr;
    bool capturing_ = false;
    // The previous moment's count and time, for the packet rate.
    std::uint64_t lastSeen_ = 0;
    double lastSeconds_ = 0;
};

}  // namespace deeppacket::ui
