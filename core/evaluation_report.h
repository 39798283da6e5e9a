#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/metrics.h"
#include "core/ward_clustering.h"

namespace deeppacket {

// The scores of one evaluation, per packet and per flow, and the paper's clustering.
struct Evaluation {
    ConfusionMatrix packets;
    ConfusionMatrix flows;
    Metrics packetMetrics;
    Metrics flowMetrics;
    // Ward.D clustering of the row-normalised packet confusion matrix, over the classes with
    // true samples (a class without any has an all-zero row that says nothing).
    std::vector<std::string> clusteredClasses;
    Dendrogram dendrogram;
};

Evaluation evaluate(const ConfusionMatrix& packets, const ConfusionMatrix& flows);

// metrics.csv, laid out like the paper's Table 2 (Rc, Pr, F1 per class), for packets and flows,
// with support, then the macro and weighted averages and the accuracy.
std::string metricsCsv(const Evaluation& e);
// confusion.csv: rows level,kind,truth,<predicted classes...> with level packet|flow and kind
// count|normalized; rows are true classes, columns predicted classes.
std::string confusionCsv(const Evaluation& e);
// The Table 2 layout as aligned text for a terminal.
std::string metricsTable(const Evaluation& e);
// The scores as a JSON object.
nlohmann::json metricsJson(const Evaluation& e);

}  // namespace deeppacket
