#pragma once

#include <string>

#include "core/evaluation_report.h"

namespace deeppacket::cli {

// metrics.csv, confusion.csv, dendrogram.json and dendrogram.nwk of an evaluation, in `folder`,
// each written whole or not at all: what evaluate writes, and merge for joined parts.
void writeScoreFiles(const std::string& folder, const Evaluation& evaluation);

// A file written whole or not at all (AtomicFile).
void writeText(const std::string& path, const std::string& text);

}  // namespace deeppacket::cli
