// The rough edges a new user met in the wizards: the model card as readable text, the bundled
// sample's labels offered by themselves, mnemonics that do not clash, long paths, plurals, and
// the run page after a cancel.
#include <gtest/gtest.h>

#include <qcustomplot.h>
#include <QAbstractButton>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeWidget>
#include <QWizard>

#include <map>

#include "app/gui/main_controller.h"
#include "core/disposition.h"
#include "core/preprocess_options.h"
#include "tests/gui/wait_for.h"
#include "tests/support/labelled_captures.h"
#include "ui/analysis_wizard.h"
#include "ui/training_wizard.h"

namespace deeppacket {
namespace {

using test::waitFor;

const QString kSample = QStringLiteral(DEEPPACKET_SOURCE_ROOT "/resources/lab-sample");
const QString kModels = QStringLiteral(DEEPPACKET_SOURCE_ROOT "/models/pretrained");

// The mnemonic letters of a page's visible controls and of the wizard's own buttons; a letter
// that appears twice is a clash (Alt+letter picks only one).
QStringList clashingMnemonics(QWizard* wizard) {
    std::map<QChar, QStringList> owners;
    auto note = [&](const QString& text) {
        const QRegularExpression mnemonic(QStringLiteral("&([^&])"));
        const auto match = mnemonic.match(text);
        if (match.hasMatch()) {
            owners[match.captured(1).at(0).toLower()] << text;
        }
    };
    for (QWidget* w : wizard->currentPage()->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(wizard)) {
            continue;
        }
        if (auto* b = qobject_cast<QAbstractButton*>(w)) {
            note(b->text());
        } else if (auto* l = qobject_cast<QLabel*>(w)) {
            note(l->text());
        }
    }
    for (auto which : {QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton}) {
        if (wizard->button(which)->isVisible()) {
            note(wizard->button(which)->text());
        }
    }
    QStringList clashes;
    for (const auto& [letter, texts] : owners) {
        if (texts.size() > 1) {
            clashes << texts.join(QStringLiteral(" / "));
        }
    }
    return clashes;
}

TEST(WizardEdges, TheModelCardIsReadableTextWithoutTheTrainingMachinesPaths) {
    ui::AnalysisWizard wizard({kModels});
    wizard.addCaptures({kSample});
    wizard.chooseModel(kModels + "/traffic-sae.dpm");
    ASSERT_TRUE(wizard.modelError().isEmpty()) << wizard.modelError().toStdString();
    auto* card = wizard.findChild<QTextBrowser*>();
    ASSERT_NE(card, nullptr);
    const QString text = card->toPlainText();
    EXPECT_TRUE(text.contains("It tells apart 12 classes")) << text.toStdString();
    EXPECT_TRUE(text.contains("file labels in labels-traffic.csv")) << text.toStdString();
    EXPECT_TRUE(text.contains("Macro average"));
    EXPECT_TRUE(text.contains("Per flow"));
    for (const char* internal : {"files:", "/srv/", "confusion_csv", "\\n", "{\""}) {
        EXPECT_FALSE(text.contains(internal)) << internal << " in the card:\n"
                                              << text.toStdString();
    }
}

TEST(WizardEdges, TheTaskPageSaysWhatTheShippedModelsKnow) {
    ui::AnalysisWizard wizard({kModels});
    QStringList texts;
    for (QLabel* label : wizard.page(ui::AnalysisWizard::TaskPage)->findChildren<QLabel*>()) {
        texts << label->text();
    }
    const QString all = texts.join('\n');
    EXPECT_TRUE(all.contains("The pretrained model knows 12 classes")) << all.toStdString();
    EXPECT_TRUE(all.contains("VPN: VoIP"));
    EXPECT_FALSE(all.contains("17 classes in the paper"));
}

TEST(WizardEdges, TheBundledSampleOffersItsOwnLabels) {
    gui::MainController app;
    app.openWizard({kSample});
    ui::AnalysisWizard* wizard = app.wizard();
    ASSERT_TRUE(waitFor([&] { return wizard->readableCaptures() == 14; }, 20000));
    // Traffic categorization.
    for (QAbstractButton* b :
         wizard->page(ui::AnalysisWizard::TaskPage)->findChildren<QRadioButton*>()) {
        if (b->text().contains("Traffic")) {
            b->click();
        }
    }
    wizard->next();
    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::AnalysisWizard::ModelPage);
    ASSERT_TRUE(wizard->modelError().isEmpty());
    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::AnalysisWizard::TruthPage);
    EXPECT_EQ(QString::fromStdString(wizard->plan().labelScheme),
              "files:" + QDir(kSample).filePath("labels-traffic.csv"));
    auto* note = wizard->findChild<QLabel*>(QStringLiteral("truthNote"));
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(note->text().contains("labels-traffic.csv"));
    EXPECT_EQ(clashingMnemonics(wizard), QStringList{});
}

TEST(WizardEdges, NoPageHasTwoControlsOnOneMnemonic) {
    gui::MainController app;
    app.openWizard({kSample});
    ui::AnalysisWizard* wizard = app.wizard();
    wizard->show();
    ASSERT_TRUE(waitFor([&] { return wizard->readableCaptures() == 14; }, 20000));
    for (int page = ui::AnalysisWizard::CapturesPage; page <= ui::AnalysisWizard::TruthPage;
         ++page) {
        ASSERT_EQ(wizard->currentId(), page);
        EXPECT_EQ(clashingMnemonics(wizard), QStringList{}) << "analysis page " << page;
        wizard->next();
    }
    wizard->reject();

    ui::TrainingWizard training;
    training.show();
    training.setCaptures({kSample});
    EXPECT_EQ(clashingMnemonics(&training), QStringList{}) << "training data page";
    training.next();
    ASSERT_EQ(training.currentId(), ui::TrainingWizard::NetworkPage);
    EXPECT_EQ(clashingMnemonics(&training), QStringList{}) << "training network page";
    // No literal '&' shows on a label.
    for (QLabel* label : training.currentPage()->findChildren<QLabel*>()) {
        if (label->buddy() == nullptr) {
            EXPECT_FALSE(label->text().contains(QRegularExpression("&[A-Za-z]")))
                << label->text().toStdString();
        }
    }
}

TEST(WizardEdges, ARunThatStopsSaysNoTimeLeft) {
    ui::AnalysisWizard wizard({kModels});
    auto* rate = wizard.findChild<QLabel*>(QStringLiteral("runRate"));
    ASSERT_NE(rate, nullptr);
    ui::RunProgress progress;
    progress.fraction = 0.1;
    progress.packetsClassified = 1000;
    progress.elapsedSeconds = 19;
    wizard.showProgress(progress);
    EXPECT_TRUE(rate->text().contains("about 171 s left")) << rate->text().toStdString();
    wizard.runFailed(QStringLiteral("Cancelled."));
    EXPECT_TRUE(rate->text().isEmpty()) << rate->text().toStdString();
}

TEST(WizardEdges, LongPathsKeepTheirFileNameAndTheStatusHasATooltip) {
    gui::MainController app;
    app.openWizard({kSample});
    ui::AnalysisWizard* wizard = app.wizard();
    ASSERT_TRUE(waitFor([&] { return wizard->readableCaptures() == 14; }, 20000));
    auto* list = wizard->findChild<QTreeWidget*>();
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->textElideMode(), Qt::ElideMiddle);
    QTreeWidgetItem* first = list->topLevelItem(0);
    EXPECT_FALSE(first->toolTip(0).isEmpty());
    EXPECT_EQ(first->toolTip(3), first->text(3));
}

TEST(WizardEdges, TrainingReusesTheOpenCapturesChecksItsLabelsAndShowsTheClassCounts) {
    test::TempDir dir;
    const test::LabelledCaptures captures = test::writeLabelledCaptures(dir, "set", 5, 2, 10);
    gui::MainController app;
    auto open = std::make_shared<ui::ClassificationResult>();
    open->files = captures.files;
    open->classes = {"x"};
    open->fileReports.resize(captures.files.size());
    open->packetsPerClass = {0};
    open->flowsPerClass = {0};
    app.window()->showResult(open);
    app.openTrainingWizard();
    ui::TrainingWizard* wizard = app.trainingWizard();
    auto* list = wizard->findChild<QListWidget*>();
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->count(), 3) << "the open analysis's captures";

    // A label file that is not one stops the wizard on the data page, saying why.
    const std::string bad = dir.path("bad.csv");
    test::writeFile(bad, test::Bytes{'h', 'i', '\n'});
    wizard->setLabels(QString::fromStdString("files:" + bad));
    wizard->next();
    EXPECT_EQ(wizard->currentId(), ui::TrainingWizard::DataPage);
    auto* error = wizard->findChild<QLabel*>(QStringLiteral("labelError"));
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(error->text().contains("bad.csv")) << error->text().toStdString();

    // Folder labels: the network page counts each class's packets and warns of tiny ones.
    wizard->setLabels("folder");
    wizard->next();
    ASSERT_EQ(wizard->currentId(), ui::TrainingWizard::NetworkPage);
    ASSERT_TRUE(waitFor([&] { return wizard->countsReady(); }));
    const QString counts = wizard->classCounts();
    for (const char* name : {"shell 20", "voice 20", "web 20", "Too few packets"}) {
        EXPECT_TRUE(counts.contains(name)) << name << ": " << counts.toStdString();
    }
    // Whole epochs on the curves' axis.
    EXPECT_NE(dynamic_cast<QCPAxisTickerFixed*>(wizard->curves()->xAxis->ticker().data()), nullptr);

    // Remove takes the selected captures out.
    wizard->back();
    list->item(0)->setSelected(true);
    auto* remove = wizard->findChild<QPushButton*>(QStringLiteral("removeCaptures"));
    ASSERT_NE(remove, nullptr);
    remove->click();
    EXPECT_EQ(list->count(), 2);
}

TEST(WizardEdges, PluralsReadAsEnglishAndCoreTextsAreTranslatedInEveryLanguage) {
    ui::AnalysisWizard wizard({kModels});
    QStringList texts;
    for (QLabel* label : wizard.page(ui::AnalysisWizard::TaskPage)->findChildren<QLabel*>()) {
        texts << label->text();
    }
    EXPECT_FALSE(texts.join('\n').contains("(es)"));
    // The words that come from core's tables (no Qt there) are in every translation.
    for (const QString& language :
         {QStringLiteral("de"), QStringLiteral("fa"), QStringLiteral("zh_CN")}) {
        QTranslator translator;
        ASSERT_TRUE(translator.load(":/i18n/deeppacket_" + language + ".qm"))
            << language.toStdString();
        for (const auto& flag : kPreprocessFlags) {
            EXPECT_FALSE(
                translator.translate("deeppacket::ui::TrainingWizard", flag.title).isEmpty())
                << language.toStdString() << ": " << flag.title;
        }
        for (std::size_t i = 0; i < kDispositionCount; ++i) {
            const std::string text(dispositionDescription(static_cast<Disposition>(i)));
            EXPECT_FALSE(
                translator.translate("deeppacket::ui::Disposition", text.c_str()).isEmpty())
                << language.toStdString() << ": " << text;
        }
    }
}

}  // namespace
}  // namespace deeppacket
