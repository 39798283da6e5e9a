#include "app/cli/score_files.h"

#include <filesystem>

#include "core/atomic_file.h"

namespace deeppacket::cli {

void writeText(const std::string& path, const std::string& text) {
    AtomicFile file(path);
    file.write(text);
    file.commit();
}

void writeScoreFiles(const std::string& folder, const Evaluation& evaluation) {
    const auto path = [&](const char* name) {
        return (std::filesystem::path(folder) / name).string();
    };
    writeText(path("metrics.csv"), metricsCsv(evaluation));
    writeText(path("confusion.csv"), confusionCsv(evaluation));
    writeText(path("dendrogram.json"),
              evaluation.dendrogram.json(evaluation.clusteredClasses).dump(2) + "\n");
    writeText(path("dendrogram.nwk"),
              evaluation.dendrogram.newick(evaluation.clusteredClasses) + "\n");
}

}  // namespace deeppacket::cli
