// deeppacket: the desktop application. `deeppacket [CAPTURES...]` opens the analysis wizard
// with those captures.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTimer>

#include "app/gui/main_controller.h"
#include "core/allocator_tuning.h"
#include "core/version.h"
#include "ui/translations.h"

int main(int argc, char** argv) {
    deeppacket::tuneAllocatorForInference();
    QApplication app(argc, argv);
    QApplication::setOrganizationName("DeepPacket");
    QApplication::setApplicationName("Deep Packet");
    QApplication::setApplicationVersion(QString::fromStdString(deeppacket::version()));
    deeppacket::ui::installTranslations(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::tr("Encrypted traffic classification"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("captures", QApplication::tr("Capture files or folders to open."),
                                 "[captures...]");
    parser.process(app);

    deeppacket::gui::MainController controller;
    controller.show();
    if (!parser.positionalArguments().isEmpty()) {
        const QStringList files = parser.positionalArguments();
        QTimer::singleShot(0, &controller, [&controller, files] { controller.openWizard(files); });
    }
    return QApplication::exec();
}
