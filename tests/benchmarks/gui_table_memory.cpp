// Memory of the desktop app's packet table, per row: classifies a capture into the result the
// workspace shows (the same function the app's job runs), puts it in the packet table model,
// sorts it, and prints resident memory after each step with the bytes per packet row.
//
//   gui_table_memory MODEL CAPTURE...
#include <QCoreApplication>
#include <QEventLoop>
#include <QStringList>
#include <QTimer>

#include <cstdio>
#include <fstream>
#include <string>

#include "app/gui/result_builder.h"
#include "ui/packet_table_model.h"

namespace {

// Resident and peak resident memory of this process, in bytes (Linux).
std::pair<double, double> residentBytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    double rss = 0;
    double peak = 0;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            rss = std::stod(line.substr(6)) * 1024;
        } else if (line.rfind("VmHWM:", 0) == 0) {
            peak = std::stod(line.substr(6)) * 1024;
        }
    }
    return {rss, peak};
}

void print(const char* step, double baseline, std::size_t rows) {
    const auto [rss, peak] = residentBytes();
    std::printf("%-34s RSS %8.1f MB  peak %8.1f MB  %7.1f bytes/row above the model\n", step,
                rss / 1e6, peak / 1e6, rows > 0 ? (rss - baseline) / static_cast<double>(rows) : 0);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: gui_table_memory MODEL CAPTURE...\n");
        return 2;
    }
    deeppacket::AnalysisPlan plan;
    plan.modelPath = argv[1];
    for (int i = 2; i < argc; ++i) {
        plan.files.push_back(argv[i]);
    }
    plan.keepRows = true;
    deeppacket::Analysis analysis(plan);
    // The model's first batch allocates LibTorch's working memory: count from after it.
    {
        deeppacket::Model model = deeppacket::Model::load(argv[1]);
        std::vector<std::uint8_t> zeros(model.inputLength() * 256, 0);
        std::vector<float> out(model.classCount() * 256);
        model.logProbabilities(zeros.data(), 256, out.data());
    }
    const double baseline = residentBytes().first;
    print("model loaded", baseline, 0);

    const auto result = deeppacket::gui::resultOf(analysis, analysis.run());
    const std::size_t rows = result->packets.size();
    std::printf("%zu packet rows (%zu bytes each in the result), %zu flow rows\n", rows,
                sizeof(deeppacket::PacketResult), result->flows.size());
    print("classified into the result", baseline, rows);

    deeppacket::ui::PacketTableModel table;
    QEventLoop loop;
    QObject::connect(&table, &deeppacket::ui::PacketTableModel::rowsReady, &loop,
                     &QEventLoop::quit);
    table.setResult(result);
    print("in the packet table", baseline, rows);
    table.sort(deeppacket::ui::PacketTableModel::Confidence, Qt::DescendingOrder);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    print("sorted by confidence", baseline, rows);
    table.setFilter(
        -1, std::make_shared<const deeppacket::DisplayFilter>(
                deeppacket::DisplayFilter::parse("port == 443", result->classes, result->files)));
    loop.exec();
    print("filtered by port == 443", baseline, rows);
    return 0;
}
