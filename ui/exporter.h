#pragma once

#include <QString>

#include <vector>

#include "ui/classification_result.h"

class QCustomPlot;

namespace deeppacket::ui {

// Every export writes through QSaveFile: the file appears whole or not at all. Each function
// returns an empty string on success, else a message naming the file and the reason.

// The packets or flows of `rows` (indices into the result's, in that order), or all of them when
// `rows` is null: the tables export what they show.
QString exportPacketsCsv(const ClassificationResult& result, const QString& path,
                         const std::vector<std::uint32_t>* rows = nullptr);
QString exportFlowsCsv(const ClassificationResult& result, const QString& path,
                       const std::vector<std::uint32_t>* rows = nullptr);
QString exportMetricsCsv(const ClassificationResult& result, const QString& path);
QString exportConfusionCsv(const ClassificationResult& result, const QString& path);
// The Ward.D tree of the classes, as the command line's evaluate writes it: Newick (.nwk) or
// JSON (R's hclust fields), chosen by `newick`.
QString exportDendrogram(const ClassificationResult& result, const QString& path, bool newick);

// A plot as PNG or JPEG (pixels = size x dpi / 96), SVG or PDF, chosen by the file's suffix.
QString exportPlot(QCustomPlot* plot, const QString& path, int width, int height, int dpi);

// One self-contained HTML file: the run's summary, per-class counts, the metrics table and the
// given plots as embedded PNG images; `view` says what the window showed (its filters), or is
// empty.
struct ReportPlot {
    QString title;
    QCustomPlot* plot;
};
QString exportHtmlReport(const ClassificationResult& result, const std::vector<ReportPlot>& plots,
                         const QString& path, const QString& view = {});

}  // namespace deeppacket::ui
