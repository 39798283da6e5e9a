// What the desktop app's start and a classification cost, as the app does them: the seconds
// from the process's start (the loader's work on its libraries included) to its first window
// on screen, and the seconds of a classification through the app's job (the networks plugin
// loaded on the job's thread) of a capture, for scripts/bench-startup to print beside
// deeppacket-cli's time on the same capture. Linux (reads /proc).
//
//   gui_startup MODEL CAPTURE      (with QT_QPA_PLATFORM=offscreen on a machine without display)
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QWindow>

#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "app/gui/main_controller.h"

namespace {

// Seconds since this process started, from the kernel's record of its start (in clock ticks
// since boot) and the boot-based clock.
double secondsSinceProcessStart() {
    std::ifstream in("/proc/self/stat");
    const std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Fields after the command name (in parentheses, which may hold spaces); starttime is the
    // 22nd field, the 20th after it.
    std::istringstream fields(stat.substr(stat.rfind(')') + 2));
    std::string field;
    for (int i = 0; i < 20; ++i) {
        fields >> field;
    }
    const double started = std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9 - started;
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: gui_startup MODEL CAPTURE\n");
        return 2;
    }
    deeppacket::gui::MainController controller;
    controller.show();
    QWindow* window = controller.window()->windowHandle();
    while (window == nullptr || !window->isExposed()) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
        window = controller.window()->windowHandle();
    }
    std::printf("first window: %.3f s after the process started\n", secondsSinceProcessStart());

    deeppacket::AnalysisPlan request;
    request.modelPath = argv[1];
    request.files = {argv[2]};
    request.keepRows = true;
    QEventLoop loop;
    bool ok = false;
    QObject::connect(controller.job(), &deeppacket::gui::ClassificationJob::finished, &loop,
                     [&](quint64, deeppacket::ui::ResultPointer result) {
                         ok = true;
                         std::printf("classified %zu packets\n", result->packets.size());
                         loop.quit();
                     });
    QObject::connect(controller.job(), &deeppacket::gui::ClassificationJob::failed, &loop,
                     [&](quint64, const QString& message) {
                         std::fprintf(stderr, "failed: %s\n", qPrintable(message));
                         loop.quit();
                     });
    QElapsedTimer clock;
    clock.start();
    controller.job()->start(request);
    loop.exec();
    std::printf("classification in the app: %.3f s (networks loaded on the job's thread)\n",
                static_cast<double>(clock.elapsed()) / 1000.0);
    return ok ? 0 : 1;
}
