// Exports that say what they export and follow the view, and plots that do not hide facts:
// an absent class's confusion row is empty, identical classes' merges are visible.
#include <gtest/gtest.h>

#include <qcustomplot.h>
#include <QAction>
#include <QFile>
#include <QLabel>
#include <QStatusBar>
#include <QTemporaryDir>

#include "app/gui/main_controller.h"
#include "core/csv_reader.h"
#include "core/evaluation_report.h"
#include "tests/gui/wait_for.h"
#include "ui/display_filter_edit.h"
#include "ui/exporter.h"
#include "ui/packet_table_model.h"
#include "ui/plots.h"

namespace deeppacket {
namespace {

using test::waitFor;

// Three classes, 30 packets (10 per predicted class), each its own flow, all with truth; class 2
// never occurs in the truth.
ui::ResultPointer scoredResult() {
    auto r = std::make_shared<ui::ClassificationResult>();
    r->files = {"/data/a.pcap"};
    r->classes = {"chat", "email", "voip"};
    r->fileReports.resize(1);
    ConfusionMatrix packets(r->classes);
    for (std::uint32_t i = 0; i < 30; ++i) {
        PacketResult p;
        p.record.number = i + 1;
        p.record.src = *IpAddress::parse("10.0.0.1");
        p.record.dst = *IpAddress::parse("10.0.0.2");
        p.record.protocol = 6;
        p.record.wireLength = 100 + i;
        p.record.flowId = i;
        p.classIndex = i % 3;
        p.truth = static_cast<std::int32_t>(i % 2);
        packets.add(static_cast<std::size_t>(p.truth), p.classIndex);
        r->packets.push_back(p);
        FlowResult f;
        f.verdict.flowId = i;
        f.verdict.classIndex = p.classIndex;
        f.truth = p.truth;
        r->flows.push_back(f);
    }
    r->packetsPerClass = {10, 10, 10};
    r->flowsPerClass = {10, 10, 10};
    r->labelsDescription = "file labels";
    r->evaluation = evaluate(packets, packets);
    return r;
}

QAction* exportAction(ui::ResultsWindow* window, const QString& kind) {
    return window->findChild<QAction*>("export-" + kind);
}

TEST(Exports, AreOffWithNothingLoadedFollowTheViewAndSayWhatTheyWrote) {
    gui::MainController app;
    ui::ResultsWindow* window = app.window();
    for (const char* kind : {"packets", "flows", "metrics", "report", "dendrogram-newick"}) {
        ASSERT_NE(exportAction(window, kind), nullptr) << kind;
        EXPECT_FALSE(exportAction(window, kind)->isEnabled()) << kind;
    }
    window->showResult(scoredResult());
    for (const char* kind : {"packets", "flows", "metrics", "confusion", "report",
                             "dendrogram-newick", "dendrogram-json"}) {
        EXPECT_TRUE(exportAction(window, kind)->isEnabled()) << kind;
    }
    QTemporaryDir dir;
    // With no filter, everything; with one, the rows shown, and the status bar says which.
    window->exportTo("packets", dir.filePath("all.csv"));
    EXPECT_EQ(readCsvFile(dir.filePath("all.csv").toStdString()).rows.size(), 30U);
    EXPECT_TRUE(window->statusBar()->currentMessage().contains("all 30 packets"));
    window->displayFilter()->applyText("label == email");
    ASSERT_TRUE(waitFor([&] { return window->packetModel()->rowCount() == 10; }));
    window->exportTo("packets", dir.filePath("shown.csv"));
    const CsvTable shown = readCsvFile(dir.filePath("shown.csv").toStdString());
    ASSERT_EQ(shown.rows.size(), 10U);
    for (const auto& row : shown.rows) {
        EXPECT_EQ(row[10], "email");
    }
    EXPECT_TRUE(window->statusBar()->currentMessage().contains("the 10 packets shown"))
        << window->statusBar()->currentMessage().toStdString();
    window->setClassFilter(2);
    ASSERT_TRUE(waitFor([&] { return !window->packetModel()->busy(); }));
    window->exportTo("flows", dir.filePath("flows.csv"));
    EXPECT_EQ(readCsvFile(dir.filePath("flows.csv").toStdString()).rows.size(), 10U);
    window->exportTo("report", dir.filePath("report.html"));
    QFile report(dir.filePath("report.html"));
    ASSERT_TRUE(report.open(QIODevice::ReadOnly));
    EXPECT_TRUE(report.readAll().contains("View: class voip; display filter label == email"));

    // The dendrogram as the command line writes it.
    window->exportTo("dendrogram-newick", dir.filePath("tree.nwk"));
    QFile newick(dir.filePath("tree.nwk"));
    ASSERT_TRUE(newick.open(QIODevice::ReadOnly));
    const QByteArray tree = newick.readAll();
    EXPECT_TRUE(tree.trimmed().endsWith(";")) << tree.toStdString();
    window->exportTo("dendrogram-json", dir.filePath("tree.json"));
    QFile json(dir.filePath("tree.json"));
    ASSERT_TRUE(json.open(QIODevice::ReadOnly));
    EXPECT_TRUE(json.readAll().contains("\"merge\""));

    // A failed export shows its error; the next good one clears it.
    window->exportTo("packets", dir.filePath("missing/folder/p.csv"));
    EXPECT_FALSE(window->errorText().isEmpty());
    window->exportTo("packets", dir.filePath("again.csv"));
    EXPECT_TRUE(window->errorText().isEmpty());
    // Closed, nothing is exportable again.
    window->closeAnalysis();
    EXPECT_FALSE(exportAction(window, "packets")->isEnabled());
}

TEST(Plots, AnAbsentClassRowIsEmptyAndIdenticalClassesMergeVisibly) {
    const ui::ResultPointer r = scoredResult();
    QCustomPlot plot;
    ui::plotConfusion(&plot, r->evaluation->packets, false, -1);
    // Labels for the two rows with truth (2 x 3 cells), none for voip's empty row.
    int labels = 0;
    for (int i = 0; i < plot.itemCount(); ++i) {
        labels += qobject_cast<QCPItemText*>(plot.item(i)) != nullptr ? 1 : 0;
    }
    EXPECT_EQ(labels, 6);
    auto* map = qobject_cast<QCPColorMap*>(plot.plottable(0));
    ASSERT_NE(map, nullptr);
    EXPECT_TRUE(std::isnan(map->data()->cell(0, 2)));
    EXPECT_FALSE(std::isnan(map->data()->cell(0, 0)));

    // Two classes with identical rows: a merge at height 0, drawn above the axis.
    ConfusionMatrix same({"a", "b", "c"});
    same.add(0, 2, 5);
    same.add(1, 2, 5);
    same.add(2, 0, 5);
    const Evaluation e = evaluate(same, same);
    ASSERT_EQ(e.dendrogram.height.front(), 0.0);
    QCustomPlot tree;
    ui::plotDendrogram(&tree, e.dendrogram, e.clusteredClasses, 1, -1);
    for (int i = 0; i < tree.itemCount(); ++i) {
        if (auto* line = qobject_cast<QCPItemLine*>(tree.item(i))) {
            if (line->start->coords().y() == line->end->coords().y()) {
                EXPECT_GT(line->start->coords().y(), 0.0) << "a merge lies on the axis";
            }
        }
    }
}

}  // namespace
}  // namespace deeppacket
