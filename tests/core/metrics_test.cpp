#include "core/metrics.h"

#include <gtest/gtest.h>

#include "core/evaluation_report.h"

namespace deeppacket {
namespace {

// Rows are the truth. For class A: TP 8, FN 2 (row), FP 1 + 0 (column).
ConfusionMatrix threeClasses() {
    ConfusionMatrix m({"A", "B", "C"});
    m.add(0, 0, 8);
    m.add(0, 1, 2);
    m.add(1, 0, 1);
    m.add(1, 1, 4);
    m.add(2, 2, 5);
    return m;
}

TEST(Metrics, HandComputedScores) {
    const Metrics s = computeMetrics(threeClasses());
    EXPECT_EQ(s.total, 20u);
    EXPECT_DOUBLE_EQ(s.accuracy, 17.0 / 20.0);
    EXPECT_DOUBLE_EQ(s.perClass[0].recall, 8.0 / 10.0);
    EXPECT_DOUBLE_EQ(s.perClass[0].precision, 8.0 / 9.0);
    EXPECT_NEAR(s.perClass[0].f1, 2 * (0.8 * 8.0 / 9.0) / (0.8 + 8.0 / 9.0), 1e-12);
    EXPECT_EQ(s.perClass[0].support, 10u);
    EXPECT_DOUBLE_EQ(s.perClass[1].recall, 4.0 / 5.0);
    EXPECT_DOUBLE_EQ(s.perClass[1].precision, 4.0 / 6.0);
    EXPECT_DOUBLE_EQ(s.perClass[2].recall, 1.0);
    EXPECT_DOUBLE_EQ(s.perClass[2].precision, 1.0);
    EXPECT_DOUBLE_EQ(s.perClass[2].f1, 1.0);
    const double f1b = 2 * (0.8 * 4.0 / 6.0) / (0.8 + 4.0 / 6.0);
    EXPECT_NEAR(s.macro.f1, (s.perClass[0].f1 + f1b + 1.0) / 3, 1e-12);
    EXPECT_NEAR(s.macro.recall, (0.8 + 0.8 + 1.0) / 3, 1e-12);
    EXPECT_NEAR(s.weighted.recall, (10 * 0.8 + 5 * 0.8 + 5 * 1.0) / 20, 1e-12);
    // Weighted recall always equals accuracy.
    EXPECT_NEAR(s.weighted.recall, s.accuracy, 1e-12);
}

TEST(Metrics, AbsentClassesAndEmptyDenominators) {
    ConfusionMatrix m({"A", "B", "C", "D"});
    m.add(0, 0, 3);
    m.add(1, 2, 2);  // B always taken for C; C has no true samples; D never occurs
    const Metrics s = computeMetrics(m);
    EXPECT_DOUBLE_EQ(s.perClass[1].recall, 0.0);
    EXPECT_DOUBLE_EQ(s.perClass[1].precision, 0.0);  // nothing predicted as B
    EXPECT_DOUBLE_EQ(s.perClass[1].f1, 0.0);
    EXPECT_DOUBLE_EQ(s.perClass[2].recall, 0.0);  // no true C
    EXPECT_DOUBLE_EQ(s.perClass[2].precision, 0.0);
    EXPECT_FALSE(s.present[3]);
    EXPECT_TRUE(s.present[2]);
    EXPECT_NEAR(s.macro.f1, 1.0 / 3, 1e-12);  // over A, B, C
    EXPECT_DOUBLE_EQ(s.accuracy, 3.0 / 5.0);
    EXPECT_THROW(m.add(4, 0), std::out_of_range);
}

TEST(Metrics, RowNormalisedMatrix) {
    const auto n = threeClasses().rowNormalized();
    EXPECT_DOUBLE_EQ(n[0], 0.8);
    EXPECT_DOUBLE_EQ(n[1], 0.2);
    EXPECT_DOUBLE_EQ(n[3], 0.2);
    EXPECT_DOUBLE_EQ(n[8], 1.0);
    ConfusionMatrix empty({"A", "B"});
    for (double v : empty.rowNormalized()) {
        EXPECT_EQ(v, 0.0);
    }
}

TEST(EvaluationReport, ClassNamesFromLabelsCannotDriveTheTerminalOrASpreadsheet) {
    ConfusionMatrix m({"\x1b[2Jclear", "=1+1", std::string(5000, 'x')});
    m.add(0, 0, 3);
    m.add(1, 1, 2);
    m.add(2, 2, 1);
    const Evaluation e = evaluate(m, m);
    const std::string table = metricsTable(e);
    EXPECT_EQ(table.find('\x1b'), std::string::npos);
    EXPECT_NE(table.find("\\x1b[2Jclear"), std::string::npos) << table;
    EXPECT_LT(table.size(), 2000u);  // the 5000-byte name is cut
    EXPECT_NE(metricsCsv(e).find("\n'=1+1,"), std::string::npos) << metricsCsv(e);
}

TEST(EvaluationReport, FilesAndClustering) {
    ConfusionMatrix flows({"A", "B", "C"});
    flows.add(0, 0, 2);
    flows.add(1, 1, 1);
    ConfusionMatrix packets = threeClasses();
    const Evaluation e = evaluate(packets, flows);
    EXPECT_EQ(e.clusteredClasses, (std::vector<std::string>{"A", "B", "C"}));
    EXPECT_EQ(e.dendrogram.leaves, 3u);
    const std::string metrics = metricsCsv(e);
    EXPECT_EQ(metrics.substr(0, metrics.find('\n')),
              "class,packet_recall,packet_precision,packet_f1,packet_support,flow_recall,"
              "flow_precision,flow_f1,flow_support");
    EXPECT_NE(metrics.find("\nA,0.8000,0.8889,0.8421,10,1.0000,1.0000,1.0000,2\n"),
              std::string::npos)
        << metrics;
    EXPECT_NE(metrics.find("\naccuracy,,,0.8500,20,,,1.0000,3\n"), std::string::npos) << metrics;
    const std::string confusion = confusionCsv(e);
    EXPECT_NE(confusion.find("packet,count,A,8,2,0\n"), std::string::npos) << confusion;
    EXPECT_NE(confusion.find("packet,normalized,A,0.8000,0.2000,0.0000\n"), std::string::npos);
    EXPECT_NE(confusion.find("flow,count,C,0,0,0\n"), std::string::npos);
    EXPECT_NE(metricsTable(e).find("macro average"), std::string::npos);
    EXPECT_TRUE(metricsJson(e)["dendrogram"].is_object());
}

}  // namespace
}  // namespace deeppacket
