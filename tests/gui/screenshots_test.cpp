// The README's screenshots: the shipped traffic models on the bundled sample, through the
// wizard and every view, the packet details pane and the display filter included. Runs when
// DEEPPACKET_SCREENSHOTS names a folder (docs/screenshots); otherwise it only checks that the
// walk-through works.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QDir>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include "app/gui/main_controller.h"
#include "tests/gui/screenshot.h"
#include "tests/gui/wait_for.h"
#include "ui/display_filter_edit.h"
#include "ui/packet_details_pane.h"
#include "ui/packet_table_model.h"

namespace deeppacket {
namespace {

using test::screenshot;
using test::waitFor;

const QString kSample = QStringLiteral(DEEPPACKET_SOURCE_ROOT "/resources/lab-sample");
const QString kModels = QStringLiteral(DEEPPACKET_SOURCE_ROOT "/models/pretrained");

TEST(Screenshots, TheShippedModelsOnTheBundledSample) {
    if (!QFileInfo(kModels + "/traffic-sae.dpm").isFile()) {
        GTEST_SKIP() << "no shipped traffic model";
    }
    gui::MainController app;
    app.window()->resize(1280, 820);
    app.show();
    screenshot(app.window(), "empty-window");
    app.openWizard({kSample});
    ui::AnalysisWizard* wizard = app.wizard();
    ASSERT_TRUE(waitFor([&] { return wizard->readableCaptures() == 14; }, 20000));
    screenshot(wizard, "wizard-1-captures");
    wizard->next();
    for (QAbstractButton* b : wizard->currentPage()->findChildren<QRadioButton*>()) {
        if (b->text().contains("Traffic")) {
            b->click();
        }
    }
    screenshot(wizard, "wizard-2-task");
    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::AnalysisWizard::ModelPage);
    wizard->chooseModel(kModels + "/traffic-sae.dpm");
    ASSERT_TRUE(wizard->modelError().isEmpty()) << wizard->modelError().toStdString();
    screenshot(wizard, "wizard-3-model");
    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::AnalysisWizard::TruthPage);
    screenshot(wizard, "wizard-4-ground-truth");
    wizard->next();
    ASSERT_TRUE(waitFor([&] { return wizard->runFinished(); }, 60000))
        << wizard->runError().toStdString();
    screenshot(wizard, "wizard-5-run");
    // Enter now means Finish, in right-to-left layouts too.
    auto* finish = qobject_cast<QPushButton*>(wizard->button(QWizard::FinishButton));
    ASSERT_NE(finish, nullptr);
    EXPECT_TRUE(finish->isDefault());
    wizard->accept();
    ASSERT_TRUE(waitFor([&] { return app.window()->result() != nullptr; }, 5000));
    const ui::ClassificationResult* result = app.window()->result();
    ASSERT_TRUE(result->evaluation.has_value()) << "the sample's labels were offered and used";
    EXPECT_FALSE(result->flowModelPath.isEmpty()) << "the shipped flow model beside the SAE";

    // Packets with the details pane on a packet, its network input and attribution shown.
    ui::ResultsWindow* window = app.window();
    ui::PacketTableModel* packets = window->packetModel();
    ASSERT_TRUE(waitFor([&] { return !packets->busy(); }));
    window->packetView()->setCurrentIndex(packets->index(40, 0));
    ui::PacketDetailsPane* pane = window->detailsPane();
    ASSERT_TRUE(waitFor([&] { return pane->ready(); }, 30000));
    screenshot(window, "view-1-packets");
    pane->setBytesMode(ui::PacketDetailsPane::NetworkInput);
    pane->setShowAttribution(true);
    ASSERT_NE(pane->inspection()->attribution, nullptr)
        << pane->inspection()->attributionError.toStdString();
    screenshot(window, "view-7-network-input");
    window->displayFilter()->applyText("not correct and len > 200");
    ASSERT_TRUE(waitFor([&] { return !packets->busy(); }));
    screenshot(window, "view-8-display-filter");
    window->displayFilter()->applyText({});
    ASSERT_TRUE(waitFor([&] { return !packets->busy(); }));

    QTabWidget* tabs = window->tabs();
    for (int i = 1; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        screenshot(window, QStringLiteral("view-%1-%2").arg(i + 1).arg(tabs->tabText(i).toLower()));
    }
}

}  // namespace
}  // namespace deeppacket
