#pragma once

#include <QMainWindow>

#include "ui/classification_result.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace deeppacket::ui {

class FlowTableModel;
class PacketTableModel;

// The main window: an empty page inviting a drop, then the results workspace with the packet
// and flow tables, the summary, and with ground truth the metrics, confusion heatmap and
// dendrogram. A class filter in the tool bar applies to every view.
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
    // Offers "Try the bundled sample" on the empty page (nothing when empty).
    void setSampleFolder(const QString& folder);

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

  protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

  private:
    void buildMenus();
    QWidget* buildEmptyPage();
    QLabel* emptyPage_ = nullptr;
    QString sampleFolder_;
    void applyFilters();
    void redrawPlots();
    void fillSummaryTable();
    void fillMetricsTable();
    void askExport(const QString& kind);
    void showAbout();

    ResultPointer result_;
    QStackedWidget* stack_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QLabel* banner_ = nullptr;
    QComboBox* classFilter_ = nullptr;
    QLineEdit* textFilter_ = nullptr;
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
};

}  // namespace deeppacket::ui
