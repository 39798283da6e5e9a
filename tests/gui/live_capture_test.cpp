// File → Capture live… and the workspace during a live capture: the dialog (interfaces with
// their addresses, the capture filter checked as it is typed, the models), and, as root, a
// capture on a veth pair into a network namespace with known traffic sent across it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <filesystem>

#include "app/gui/main_controller.h"
#include "core/capture_reader.h"
#include "core/csv_reader.h"
#include "core/display_filter.h"
#include "models/model.h"
#include "tests/gui/screenshot.h"
#include "tests/gui/wait_for.h"
#include "tests/support/packet_builder.h"
#include "tests/support/veth_fixture.h"
#include "ui/flow_table_model.h"
#include "ui/live_capture_dialog.h"
#include "ui/packet_details_pane.h"
#include "ui/packet_table_model.h"

namespace deeppacket {
namespace {

using test::waitFor;

// A packet model and a flow model with the same three classes, in a model folder. Untrained:
// what is tested is the capture and the workspace, not the verdicts.
class LiveModels {
  public:
    LiveModels() {
        ModelCard card;
        card.task = "demo";
        card.network = NetworkSpec::paperSae(3);
        card.classes = {"alpha", "beta", "gamma"};
        Model::create(card, 3).save(dir.path("packets.dpm"));
        card.network = NetworkSpec::flowNetwork(3);
        Model::create(card, 4).save(dir.path("flows.dpm"));
    }
    QString folder() const { return QString::fromStdString(dir.path("")); }
    std::string packetModel() const { return dir.path("packets.dpm"); }
    std::string flowModel() const { return dir.path("flows.dpm"); }
    test::TempDir dir;
};

std::vector<CaptureInterface> twoInterfaces() {
    CaptureInterface lo;
    lo.name = "lo";
    lo.addresses = {"127.0.0.1", "::1"};
    lo.up = lo.running = lo.loopback = true;
    CaptureInterface eth;
    eth.name = "eth7";
    eth.description = "the uplink";
    eth.addresses = {"192.0.2.10", "2001:db8::10"};
    eth.up = eth.running = true;
    return {lo, eth};
}

TEST(LiveCaptureDialog, ListsInterfacesWithAddressesAndChecksTheFilterAsItIsTyped) {
    LiveModels models;
    ui::LiveCaptureDialog dialog({models.folder()}, nullptr, twoInterfaces);
    QTreeWidget* list = dialog.interfaceList();
    ASSERT_EQ(list->topLevelItemCount(), 2);
    // The first interface that is up and not the loopback is offered first.
    EXPECT_TRUE(list->currentItem()->text(0).contains("eth7"));
    EXPECT_TRUE(list->currentItem()->text(1).contains("192.0.2.10"));
    EXPECT_TRUE(list->currentItem()->text(1).contains("2001:db8::10"));
    EXPECT_TRUE(list->topLevelItem(0)->text(2).contains("loopback"));

    auto* start = dialog.findChild<QPushButton*>(QStringLiteral("startCapture"));
    ASSERT_NE(start, nullptr);
    dialog.setFilter(QStringLiteral("tcp port banana"));
    EXPECT_FALSE(dialog.filterError().isEmpty());
    EXPECT_FALSE(dialog.canStart());
    EXPECT_FALSE(start->isEnabled());
    dialog.setFilter(QStringLiteral("udp or tcp port 443"));
    EXPECT_TRUE(dialog.filterError().isEmpty());
    EXPECT_TRUE(start->isEnabled());

    // The packet model of the folder, with the flow model of its classes beside it.
    const ui::LiveRequest request = dialog.request();
    EXPECT_EQ(request.plan.modelPath, models.packetModel());
    EXPECT_EQ(request.plan.flowModelPath, models.flowModel());
    EXPECT_EQ(request.capture.interface, "eth7");
    EXPECT_EQ(request.capture.filter, "udp or tcp port 443");
    dialog.chooseInterface(QStringLiteral("lo"));
    dialog.setKeepPackets(5000);
    EXPECT_EQ(dialog.request().capture.interface, "lo");
    EXPECT_EQ(dialog.request().keepPackets, 5000U);
    // A flow model is no packet model.
    dialog.chooseModel(QString::fromStdString(models.flowModel()));
    EXPECT_EQ(dialog.request().plan.modelPath, models.packetModel());

    // The choices are there the next time.
    dialog.accept();
    ui::LiveCaptureDialog again({models.folder()}, nullptr, twoInterfaces);
    EXPECT_EQ(again.request().capture.interface, "lo");
    EXPECT_EQ(again.request().capture.filter, "udp or tcp port 443");
    EXPECT_EQ(again.request().keepPackets, 5000U);
    // Nothing to list is said, not a crash.
    ui::LiveCaptureDialog broken({models.folder()}, nullptr, []() -> std::vector<CaptureInterface> {
        throw CaptureError("no interfaces here");
    });
    EXPECT_FALSE(broken.canStart());
}

// A moment of a live capture of session 7 that keeps packets [first, end) of the capture; packet
// n is UDP when n is odd, of length 100 + n, in flow n % 3.
ui::ResultPointer moment(std::uint64_t first, std::uint64_t end) {
    auto r = std::make_shared<ui::ClassificationResult>();
    r->liveSession = 7;
    r->capturing = true;
    r->classes = {"alpha", "beta"};
    r->files = {"/tmp/live.pcapng"};
    r->fileReports.resize(1);
    r->firstPacket = first;
    r->packetsSeen = end;
    for (std::uint64_t n = first; n < end; ++n) {
        PacketResult p;
        p.record.number = n + 1;
        p.record.protocol = n % 2 == 1 ? 17 : 6;
        p.record.wireLength = static_cast<std::uint32_t>(100 + n);
        p.record.flowId = static_cast<std::uint32_t>(n % 3);
        p.classIndex = static_cast<std::uint32_t>(n % 2);
        r->packets.push_back(p);
    }
    return r;
}

QStringList numbers(const ui::PacketTableModel& model) {
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        out << model.index(row, ui::PacketTableModel::Number).data().toString();
    }
    return out;
}

TEST(LiveTable, NewPacketsJoinThroughTheFiltersAndOldOnesLeave) {
    ui::PacketTableModel model;
    model.setResult(moment(0, 6));
    model.setFilter(-1, std::make_shared<const DisplayFilter>(
                            DisplayFilter::parse("udp", {"alpha", "beta"}, {})));
    ASSERT_TRUE(waitFor([&] { return !model.busy(); }));
    EXPECT_EQ(numbers(model), (QStringList{"2", "4", "6"}));
    // Packets 0-3 fell out, 6-9 came: the UDP ones among them join at the end.
    int removed = 0;
    int inserted = 0;
    QObject::connect(&model, &QAbstractItemModel::rowsRemoved, [&] { ++removed; });
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, [&] { ++inserted; });
    model.advance(moment(4, 10));
    EXPECT_EQ(numbers(model), (QStringList{"6", "8", "10"}));
    EXPECT_EQ(removed, 1);
    EXPECT_EQ(inserted, 1);
    // A filter computed for an earlier moment is carried over to the one shown.
    model.setFilter(-1, std::make_shared<const DisplayFilter>(
                            DisplayFilter::parse("tcp", {"alpha", "beta"}, {})));
    model.advance(moment(5, 12));
    ASSERT_TRUE(waitFor([&] { return !model.busy(); }));
    EXPECT_EQ(numbers(model), (QStringList{"7", "9", "11"}));
    // Sorted, the rows are sorted again with the new packets among them.
    model.setFilter(-1, nullptr);
    model.sort(ui::PacketTableModel::Length, Qt::DescendingOrder);
    ASSERT_TRUE(waitFor([&] { return !model.busy(); }));
    model.advance(moment(9, 13));
    EXPECT_EQ(numbers(model), (QStringList{"13", "12", "11", "10"}));
}

class LiveWorkspace : public test::VethFixture {};

TEST_F(LiveWorkspace, FillsAsPacketsArriveFollowsTheNewestAndKeepsEverythingAfterStop) {
    LiveModels models;
    gui::MainController app;
    ui::ResultsWindow* window = app.window();
    window->resize(1000, 700);
    window->show();
    ui::LiveRequest request;
    request.plan.modelPath = models.packetModel();
    request.plan.flowModelPath = models.flowModel();
    request.capture.interface = veth_->outside;
    request.capture.filter = "ip and src host " + veth_->there;
    request.keepPackets = 50;
    app.startLiveCapture(request);
    EXPECT_TRUE(window->capturing());
    auto seen = [&] { return window->result() ? window->result()->packetsSeen : 0; };

    // Two UDP flows of 40 datagrams: the table fills while the capture goes on, keeps the newest
    // 50, numbered over the whole capture, and follows the newest row.
    ASSERT_TRUE(waitFor([&] { return window->result() != nullptr; }, 30000));
    ASSERT_TRUE(veth_->sendUdp(40));
    ASSERT_TRUE(waitFor([&] { return seen() == 80; }, 30000)) << seen();
    const ui::ClassificationResult* r = window->result();
    EXPECT_TRUE(r->capturing);
    EXPECT_EQ(r->packets.size(), 50U);
    EXPECT_EQ(r->firstPacket, 30U);
    ui::PacketTableModel* packets = window->packetModel();
    ASSERT_EQ(packets->rowCount(), 50);
    EXPECT_EQ(packets->index(0, ui::PacketTableModel::Number).data().toString(), "31");
    EXPECT_EQ(packets->index(49, ui::PacketTableModel::Number).data().toString(), "80");
    EXPECT_EQ(packets->index(0, ui::PacketTableModel::File).data().toString(),
              QString::fromStdString(veth_->outside));
    QScrollBar* bar = window->packetView()->verticalScrollBar();
    EXPECT_EQ(bar->value(), bar->maximum()) << "the newest row is shown";
    // Both flows are in the Flows view with their verdicts so far, still open.
    ASSERT_TRUE(waitFor([&] { return window->flowView()->model()->rowCount() == 2; }));
    EXPECT_EQ(window->result()->openFlows, 2U);
    EXPECT_EQ(window->result()->packetsPerClass[0] + window->result()->packetsPerClass[1] +
                  window->result()->packetsPerClass[2],
              80U);
    EXPECT_TRUE(window->findChild<QAction*>(QStringLiteral("stopCapture"))->isEnabled());
    EXPECT_FALSE(window->findChild<QAction*>(QStringLiteral("saveCapture"))->isEnabled());

    // The packet details read the newest packet back from the capture as it is written.
    window->detailsPane()->show();
    window->detailsPane()->showPacket(49);
    ASSERT_TRUE(waitFor([&] { return window->detailsPane()->ready(); }));
    EXPECT_TRUE(window->detailsPane()->inspection()->error.isEmpty())
        << window->detailsPane()->inspection()->error.toStdString();

    // Scrolled away from the newest, the view stays where the user left it.
    window->packetView()->scrollToTop();
    ASSERT_LT(bar->value(), bar->maximum());
    ASSERT_TRUE(veth_->sendTcp(30));
    ASSERT_TRUE(waitFor([&] { return seen() == 110; }, 30000)) << seen();
    EXPECT_EQ(bar->value(), 0);
    EXPECT_EQ(packets->rowCount(), 50);
    ASSERT_TRUE(waitFor([&] { return window->flowView()->model()->rowCount() == 3; }));

    // Stop: the last moment has every flow over, and everything stays for export.
    window->findChild<QAction*>(QStringLiteral("stopCapture"))->trigger();
    ASSERT_TRUE(waitFor([&] { return !window->capturing(); }, 30000));
    r = window->result();
    EXPECT_FALSE(r->capturing);
    EXPECT_EQ(r->packetsSeen, 110U);
    EXPECT_EQ(r->openFlows, 0U);
    EXPECT_EQ(r->flows.size(), 3U);
    EXPECT_EQ(r->captureStats.droppedByKernel, 0U);
    QTemporaryDir out;
    window->exportTo(QStringLiteral("packets"), out.filePath(QStringLiteral("packets.csv")));
    EXPECT_EQ(readCsvFile(out.filePath(QStringLiteral("packets.csv")).toStdString()).rows.size(),
              50U);
    window->exportTo(QStringLiteral("flows"), out.filePath(QStringLiteral("flows.csv")));
    EXPECT_EQ(readCsvFile(out.filePath(QStringLiteral("flows.csv")).toStdString()).rows.size(), 3U);

    // The raw capture saved as pcapng: every frame that crossed, as libpcap reads it back.
    ASSERT_TRUE(window->findChild<QAction*>(QStringLiteral("saveCapture"))->isEnabled());
    const QString saved = out.filePath(QStringLiteral("saved.pcapng"));
    EXPECT_EQ(window->saveCaptureTo(saved), QString());
    CaptureReader reader(saved.toStdString());
    EXPECT_EQ(reader.format(), "pcapng");
    Frame frame;
    std::uint64_t frames = 0;
    while (reader.next(frame)) {
        ++frames;
    }
    EXPECT_GE(frames, 80U + 30 + 4);
    EXPECT_EQ(frames, r->framesCaptured);

    // Closing the analysis removes the temporary capture; the saved copy stays.
    const std::string temporary = r->files.front();
    EXPECT_TRUE(std::filesystem::exists(temporary));
    window->closeAnalysis();
    EXPECT_TRUE(waitFor([&] { return !std::filesystem::exists(temporary); }));
    EXPECT_TRUE(QFileInfo::exists(saved));
}

// The README's screenshot of a live capture: the shipped traffic models on lab traffic replayed
// across the pair (HLS video and Opus calls through OpenVPN, BitTorrent, IRC).
TEST_F(LiveWorkspace, TheShippedModelsOnReplayedLabTraffic) {
    const std::string models = DEEPPACKET_SOURCE_ROOT "/models/pretrained/";
    const std::string sample = DEEPPACKET_SOURCE_ROOT "/resources/lab-sample/";
    if (!std::filesystem::exists(models + "traffic-sae.dpm")) {
        GTEST_SKIP() << "no shipped traffic model";
    }
    gui::MainController app;
    ui::ResultsWindow* window = app.window();
    window->resize(1280, 820);
    window->show();
    ui::LiveRequest request;
    request.plan.modelPath = models + "traffic-sae.dpm";
    request.plan.flowModelPath = models + "traffic-flow.dpm";
    request.capture.interface = veth_->outside;
    request.capture.promiscuous = true;
    app.startLiveCapture(request);
    ASSERT_TRUE(waitFor([&] { return window->result() != nullptr; }, 30000));
    for (const char* capture : {"hls_openvpn_01.pcap", "rtp-opus_openvpn_01.pcap",
                                "bittorrent-qbittorrent_none_01.pcap", "irc_none_01.pcap"}) {
        ASSERT_TRUE(veth_->replay(sample + capture, 0.5)) << capture;
    }
    ASSERT_TRUE(waitFor([&] { return window->result()->packetsSeen > 300; }, 30000));
    QTest::qWait(600);  // the last moment
    EXPECT_TRUE(window->result()->capturing);
    // A packet of the IRC session, with its details read back from the growing capture.
    ui::PacketTableModel* packets = window->packetModel();
    window->packetView()->selectRow(packets->rowCount() - 5);
    ASSERT_TRUE(waitFor([&] { return window->detailsPane()->ready(); }));
    test::screenshot(window, "live-1-capturing");
    window->tabs()->setCurrentIndex(1);
    test::screenshot(window, "live-2-flows");
    window->findChild<QAction*>(QStringLiteral("stopCapture"))->trigger();
    ASSERT_TRUE(waitFor([&] { return !window->capturing(); }, 30000));
    EXPECT_GE(window->result()->flows.size(), 4U);
    EXPECT_EQ(window->flowView()->model()->index(0, ui::FlowTableModel::File).data().toString(),
              QString::fromStdString(veth_->outside));
}

TEST_F(LiveWorkspace, AnInterfaceThatCannotBeOpenedIsAnErrorInTheWindow) {
    LiveModels models;
    gui::MainController app;
    ui::LiveRequest request;
    request.plan.modelPath = models.packetModel();
    request.capture.interface = "no-such-if0";
    app.startLiveCapture(request);
    ASSERT_TRUE(waitFor([&] { return !app.window()->capturing(); }, 30000));
    EXPECT_TRUE(app.window()->errorText().contains("no-such-if0"))
        << app.window()->errorText().toStdString();
}

}  // namespace
}  // namespace deeppacket
