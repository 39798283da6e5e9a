#include "core/evaluation_report.h"

#include <algorithm>
#include <cstdio>

#include "core/packet_csv.h"
#include "core/terminal_text.h"

namespace deeppacket {
namespace {

std::string fixed(double value, int digits = 4) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    return text;
}

void appendScores(std::string& out, const ClassScores& s) {
    out += "," + fixed(s.recall) + "," + fixed(s.precision) + "," + fixed(s.f1) + "," +
           std::to_string(s.support);
}

nlohmann::json scoresJson(const ClassScores& s) {
    return {{"recall", s.recall}, {"precision", s.precision}, {"f1", s.f1}, {"support", s.support}};
}

nlohmann::json levelJson(const Metrics& m, const std::vector<std::string>& classes) {
    nlohmann::json perClass = nlohmann::json::object();
    for (std::size_t c = 0; c < classes.size(); ++c) {
        perClass[classes[c]] = scoresJson(m.perClass[c]);
    }
    return {{"accuracy", m.accuracy},
            {"total", m.total},
            {"macro", scoresJson(m.macro)},
            {"weighted", scoresJson(m.weighted)},
            {"classes", perClass}};
}

}  // namespace

Evaluation evaluate(const ConfusionMatrix& packets, const ConfusionMatrix& flows) {
    Evaluation e{packets, flows, computeMetrics(packets), computeMetrics(flows), {}, {}};
    std::vector<std::size_t> rows;
    for (std::size_t c = 0; c < packets.size(); ++c) {
        if (packets.rowTotal(c) > 0) {
            rows.push_back(c);
            e.clusteredClasses.push_back(packets.classes()[c]);
        }
    }
    const std::vector<double> normalized = packets.rowNormalized();
    std::vector<double> matrix;
    for (std::size_t r : rows) {
        matrix.insert(matrix.end(), normalized.begin() + static_cast<long>(r * packets.size()),
                      normalized.begin() + static_cast<long>((r + 1) * packets.size()));
    }
    e.dendrogram = clusterRows(matrix, rows.size(), packets.size());
    return e;
}

std::string metricsCsv(const Evaluation& e) {
    std::string out =
        "class,packet_recall,packet_precision,packet_f1,packet_support,flow_recall,"
        "flow_precision,flow_f1,flow_support\n";
    const auto& classes = e.packets.classes();
    for (std::size_t c = 0; c < classes.size(); ++c) {
        out += csvField(classes[c]);
        appendScores(out, e.packetMetrics.perClass[c]);
        appendScores(out, e.flowMetrics.perClass[c]);
        out += "\n";
    }
    out += "macro average";
    appendScores(out, e.packetMetrics.macro);
    appendScores(out, e.flowMetrics.macro);
    out += "\nweighted average";
    appendScores(out, e.packetMetrics.weighted);
    appendScores(out, e.flowMetrics.weighted);
    out += "\naccuracy,,," + fixed(e.packetMetrics.accuracy) + "," +
           std::to_string(e.packetMetrics.total) + ",,," + fixed(e.flowMetrics.accuracy) + "," +
           std::to_string(e.flowMetrics.total) + "\n";
    return out;
}

std::string confusionCsv(const Evaluation& e) {
    const auto& classes = e.packets.classes();
    std::string out = "level,kind,truth";
    for (const auto& c : classes) {
        out += "," + csvField(c);
    }
    out += "\n";
    for (const auto* level : {&e.packets, &e.flows}) {
        const std::string name = level == &e.packets ? "packet" : "flow";
        const auto normalized = level->rowNormalized();
        for (const bool counts : {true, false}) {
            for (std::size_t t = 0; t < classes.size(); ++t) {
                out += name + (counts ? ",count," : ",normalized,") + csvField(classes[t]);
                for (std::size_t p = 0; p < classes.size(); ++p) {
                    out += "," + (counts ? std::to_string(level->at(t, p))
                                         : fixed(normalized[t * classes.size() + p]));
                }
                out += "\n";
            }
        }
    }
    return out;
}

std::string metricsTable(const Evaluation& e) {
    // Class names come from the user's labels: escaped and cut for the terminal.
    std::vector<std::string> classes;
    std::size_t width = 16;
    for (const auto& c : e.packets.classes()) {
        classes.push_back(printable(c, kQuotedValueLimit));
        width = std::max(width, classes.back().size());
    }
    auto pad = [&](const std::string& s) { return s + std::string(width + 2 - s.size(), ' '); };
    auto row = [&](const std::string& name, const ClassScores& p, const ClassScores& f) {
        char text[160];
        std::snprintf(text, sizeof text, "%.2f  %.2f  %.2f %9llu   %.2f  %.2f  %.2f %8llu\n",
                      p.recall, p.precision, p.f1, static_cast<unsigned long long>(p.support),
                      f.recall, f.precision, f.f1, static_cast<unsigned long long>(f.support));
        return pad(name) + text;
    };
    std::string out = pad("") + "per packet                      per flow\n" + pad("class") +
                      "Rc    Pr    F1     support   Rc    Pr    F1    support\n";
    for (std::size_t c = 0; c < classes.size(); ++c) {
        if (e.packetMetrics.present[c] || e.flowMetrics.present[c]) {
            out += row(classes[c], e.packetMetrics.perClass[c], e.flowMetrics.perClass[c]);
        }
    }
    out += row("macro average", e.packetMetrics.macro, e.flowMetrics.macro);
    out += row("weighted average", e.packetMetrics.weighted, e.flowMetrics.weighted);
    out += pad("accuracy") + fixed(e.packetMetrics.accuracy, 4) + std::string(26, ' ') +
           fixed(e.flowMetrics.accuracy, 4) + "\n";
    return out;
}

nlohmann::json metricsJson(const Evaluation& e) {
    return {{"packets", levelJson(e.packetMetrics, e.packets.classes())},
            {"flows", levelJson(e.flowMetrics, e.flows.classes())},
            {"dendrogram", e.dendrogram.json(e.clusteredClasses)}};
}

}  // namespace deeppacket
