// The results workspace as a Wireshark user drives it: the display filter box, Apply as filter,
// Follow flow, Go to packet, numbers unique across captures, Open Recent and the shortcuts.
#include <gtest/gtest.h>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "app/gui/main_controller.h"
#include "tests/gui/wait_for.h"
#include "ui/display_filter_edit.h"
#include "ui/flow_table_model.h"
#include "ui/packet_table_model.h"
#include "ui/recent_captures.h"

namespace deeppacket {
namespace {

using test::waitFor;

// Two captures of three packets each, numbered 1 to 3 in their own files: a TCP flow (0) and a
// UDP flow (1) in the first, a TCP flow (2) in the second.
ui::ResultPointer twoCaptures() {
    auto r = std::make_shared<ui::ClassificationResult>();
    r->files = {"/data/first.pcap", "/data/second.pcap"};
    r->classes = {"chat", "streaming"};
    r->fileReports.resize(2);
    auto add = [&](std::uint32_t file, std::uint64_t number, const char* src, const char* dst,
                   std::uint8_t protocol, std::uint32_t length, std::uint32_t flow,
                   std::uint32_t label) {
        PacketResult p;
        p.record.fileIndex = file;
        p.record.number = number;
        p.record.src = *IpAddress::parse(src);
        p.record.dst = *IpAddress::parse(dst);
        p.record.srcPort = 40000;
        p.record.dstPort = protocol == 6 ? 443 : 53;
        p.record.protocol = protocol;
        p.record.wireLength = length;
        p.record.flowId = flow;
        p.classIndex = label;
        p.confidence = 0.75f;
        p.truth = static_cast<std::int32_t>(label);
        r->packets.push_back(p);
    };
    add(0, 1, "10.0.0.1", "10.0.0.2", 6, 60, 0, 0);
    add(0, 2, "10.0.0.1", "10.0.0.3", 17, 80, 1, 1);
    add(0, 3, "10.0.0.2", "10.0.0.1", 6, 1500, 0, 0);
    add(1, 1, "10.0.0.9", "10.0.0.2", 6, 70, 2, 1);
    add(1, 2, "10.0.0.2", "10.0.0.9", 6, 1400, 2, 1);
    add(1, 3, "10.0.0.9", "10.0.0.2", 6, 90, 2, 1);
    for (std::uint32_t flow = 0; flow < 3; ++flow) {
        FlowResult f;
        f.verdict.flowId = flow;
        f.verdict.fileIndex = flow == 2 ? 1 : 0;
        f.verdict.classIndex = flow == 0 ? 0 : 1;
        r->flows.push_back(f);
    }
    r->packetsPerClass = {2, 4};
    r->flowsPerClass = {1, 2};
    return r;
}

// The packet numbers the table shows, top to bottom.
QStringList shownNumbers(ui::ResultsWindow* window) {
    ui::PacketTableModel* model = window->packetModel();
    EXPECT_TRUE(waitFor([&] { return !model->busy(); }));
    QStringList numbers;
    for (int row = 0; row < model->rowCount(); ++row) {
        numbers << model->index(row, ui::PacketTableModel::Number).data().toString();
    }
    return numbers;
}

QAction* actionWithShortcut(QWidget* window, const QKeySequence& keys) {
    for (QAction* action : window->findChildren<QAction*>()) {
        if (action->shortcut() == keys) {
            return action;
        }
    }
    return nullptr;
}

TEST(Workspace, PacketNumbersAreUniqueAcrossCapturesAndTheFrameIsInTheTooltip) {
    gui::MainController app;
    app.window()->showResult(twoCaptures());
    EXPECT_EQ(shownNumbers(app.window()), (QStringList{"1", "2", "3", "4", "5", "6"}));
    ui::PacketTableModel* model = app.window()->packetModel();
    EXPECT_EQ(model->index(3, ui::PacketTableModel::Number).data(Qt::ToolTipRole).toString(),
              "Frame 1 of second.pcap");
}

TEST(Workspace, TheFilterBoxChecksAsYouTypeAppliesWhenTypingStopsAndKeepsAHistory) {
    gui::MainController app;
    app.window()->showResult(twoCaptures());
    ui::DisplayFilterEdit* box = app.window()->displayFilter();
    ASSERT_NE(box, nullptr);
    auto* error = app.window()->findChild<QLabel*>(QStringLiteral("displayFilterError"));
    ASSERT_NE(error, nullptr);

    // The habit that silently showed nothing before: a protocol and a length.
    QTest::keyClicks(box, "tcp and len>100");
    EXPECT_TRUE(box->error().isEmpty());
    EXPECT_TRUE(box->styleSheet().contains("#dcf5dc")) << box->styleSheet().toStdString();
    // Applied once typing pauses, without Enter.
    EXPECT_TRUE(waitFor([&] { return shownNumbers(app.window()).size() == 2; }, 5000));
    EXPECT_EQ(shownNumbers(app.window()), (QStringList{"3", "5"}));
    EXPECT_TRUE(box->history().isEmpty()) << "only Enter adds to the history";

    // A mistake turns the box red, says what and where, and the last good filter stays.
    box->clear();
    QTest::keyClicks(box, "tcp and lenght > 100");
    EXPECT_TRUE(box->styleSheet().contains("#f9d6d6"));
    EXPECT_TRUE(error->text().contains("unknown field 'lenght'")) << error->text().toStdString();
    EXPECT_TRUE(error->text().contains("column 9")) << error->text().toStdString();
    QTest::qWait(500);
    EXPECT_EQ(shownNumbers(app.window()), (QStringList{"3", "5"}));

    box->clear();
    QTest::keyClicks(box, "label == streaming && !(ip.addr == 10.0.0.9)");
    QTest::keyClick(box, Qt::Key_Return);
    EXPECT_TRUE(error->text().isEmpty());
    EXPECT_EQ(shownNumbers(app.window()), (QStringList{"2"}));
    EXPECT_EQ(box->history(), QStringList{"label == streaming && !(ip.addr == 10.0.0.9)"});
    // Names resolve against the result: a class it lacks is an error, not an empty table.
    box->clear();
    QTest::keyClicks(box, "label == video");
    EXPECT_TRUE(error->text().contains("no class 'video'")) << error->text().toStdString();
}

TEST(Workspace, ApplyAsFilterFollowFlowAndGoToPacket) {
    gui::MainController app;
    app.show();
    app.window()->showResult(twoCaptures());
    ui::ResultsWindow* window = app.window();
    ASSERT_EQ(shownNumbers(window).size(), 6);

    // Apply as filter on a cell: the packets with that value.
    window->applyAsFilter(3, ui::PacketTableModel::Source);
    EXPECT_EQ(window->displayFilter()->text(), "ip.src == 10.0.0.9");
    EXPECT_EQ(shownNumbers(window), (QStringList{"4", "6"}));
    window->applyAsFilter(0, ui::PacketTableModel::File);
    EXPECT_EQ(window->displayFilter()->text(), "file == second.pcap");

    // Follow flow from the Packets view: the selected packet's flow.
    window->displayFilter()->applyText({});
    ASSERT_EQ(shownNumbers(window).size(), 6);
    window->packetView()->setCurrentIndex(window->packetModel()->index(2, 0));
    ASSERT_TRUE(window->followSelectedFlow());
    EXPECT_EQ(window->displayFilter()->text(), "flow == 0");
    EXPECT_EQ(shownNumbers(window), (QStringList{"1", "3"}));
    // ... and from the Flows view.
    window->tabs()->setCurrentIndex(1);
    auto* flows = qobject_cast<ui::FlowTableModel*>(window->flowView()->model());
    window->flowView()->setCurrentIndex(flows->index(2, 0));
    ASSERT_TRUE(window->followSelectedFlow());
    EXPECT_EQ(window->tabs()->currentIndex(), 0);
    EXPECT_EQ(shownNumbers(window), (QStringList{"4", "5", "6"}));

    // Go to packet: selects it; one the filter hides is said so, not silently missed.
    EXPECT_TRUE(window->goToPacket(5));
    EXPECT_EQ(window->packetModel()->packetIndex(window->packetView()->currentIndex().row()), 4u);
    EXPECT_FALSE(window->goToPacket(1));
    EXPECT_TRUE(window->statusBar()->currentMessage().contains("hidden"));
    EXPECT_FALSE(window->goToPacket(99));
}

TEST(Workspace, ShortcutsAreWhereWiresharkUsersReachForThem) {
    gui::MainController app;
    ui::ResultsWindow* window = app.window();
    for (const QKeySequence& keys :
         {QKeySequence(QKeySequence::Find), QKeySequence(Qt::CTRL | Qt::Key_G),
          QKeySequence(QKeySequence::Close), QKeySequence(Qt::CTRL | Qt::Key_E),
          QKeySequence(QKeySequence::Refresh), QKeySequence(QKeySequence::Open)}) {
        QAction* action = actionWithShortcut(window, keys);
        ASSERT_NE(action, nullptr) << keys.toString().toStdString();
        // Shown in its menu: the action belongs to one.
        EXPECT_FALSE(action->associatedObjects().isEmpty()) << keys.toString().toStdString();
    }
    EXPECT_EQ(QKeySequence(QKeySequence::Refresh), QKeySequence(Qt::Key_F5));
    // Ctrl+W closes the analysis and goes back to the empty page.
    window->showResult(twoCaptures());
    actionWithShortcut(window, QKeySequence::Close)->trigger();
    EXPECT_EQ(window->result(), nullptr);
}

TEST(Workspace, OpenRecentListsWhatTheUserOpenedAFolderOnce) {
    ui::forgetRecentCaptures();
    QTemporaryDir folder;
    for (const char* name : {"a.pcap", "b.pcap", "c.pcapng"}) {
        QFile file(folder.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    }
    QTemporaryDir other;
    QFile single(other.filePath("one.pcap"));
    ASSERT_TRUE(single.open(QIODevice::WriteOnly));
    single.close();

    gui::MainController app;
    app.openWizard({folder.path()});
    app.wizard()->addCaptures({other.filePath("one.pcap")});
    EXPECT_EQ(ui::recentCaptures(),
              (QStringList{QFileInfo(other.filePath("one.pcap")).absoluteFilePath(),
                           QFileInfo(folder.path()).absoluteFilePath()}));
    auto* menu = app.window()->findChild<QMenu*>(QStringLiteral("recentMenu"));
    ASSERT_NE(menu, nullptr);
    emit menu->aboutToShow();
    QStringList entries;
    for (QAction* action : menu->actions()) {
        if (!action->isSeparator()) {
            entries << action->text();
        }
    }
    ASSERT_EQ(entries.size(), 3);  // two paths and "Clear the list"
    // The path whole, isolated so that a right-to-left layout keeps it in order.
    EXPECT_EQ(entries[1],
              QChar(0x2066) +
                  QDir::toNativeSeparators(QFileInfo(folder.path()).absoluteFilePath()) +
                  QChar(0x2069));
    // Choosing one opens the wizard on it.
    delete app.wizard();
    QStringList asked;
    QObject::connect(app.window(), &ui::ResultsWindow::newAnalysisRequested,
                     [&](const QStringList& paths) { asked = paths; });
    menu->actions()[1]->trigger();
    EXPECT_EQ(asked, QStringList{QFileInfo(folder.path()).absoluteFilePath()});
}

TEST(Workspace, PathsAndFileNamesAreIsolatedForRightToLeftLayouts) {
    gui::MainController app;
    auto result = std::make_shared<ui::ClassificationResult>(*twoCaptures());
    result->modelPath = "/models/traffic-sae.dpm";
    app.window()->showResult(result);
    const QChar lri(0x2066);
    const QChar pdi(0x2069);
    EXPECT_TRUE(app.window()->windowTitle().contains(lri + QStringLiteral("traffic-sae.dpm") + pdi))
        << app.window()->windowTitle().toStdString();
    QTemporaryDir dir;
    app.window()->exportTo("packets", dir.filePath("p.csv"));
    EXPECT_TRUE(app.window()->statusBar()->currentMessage().contains(
        lri + QDir::toNativeSeparators(dir.filePath("p.csv")) + pdi));
    app.window()->exportTo("packets", dir.filePath("no/such/folder/p.csv"));
    EXPECT_TRUE(app.window()->errorText().startsWith(lri))
        << app.window()->errorText().toStdString();
}

}  // namespace
}  // namespace deeppacket
