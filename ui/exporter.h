#pragma once

#include <QString>

#include <vector>

#include "ui/classification_result.h"

class QCustomPlot;

namespace deeppacket::ui {

// Every export writes through QSaveFile: the file appears whole or not at all. Each function
// returns an empty string on success, else a message naming the file and the reason.

QString exportPacketsCsv(const ClassificationResult& result, const QString& path);
QString exportFlowsCsv(const ClassificationResult& result, const QString& path);
QString exportMetricsCsv(const ClassificationResult& result, const QString& path);
QString exportConfusionCsv(const ClassificationResult& result, const QString& path);

// A plot as PNG or JPEG (pixels = size x dpi / 96), SVG or PDF, chosen by the file's suffix.
QString exportPlot(QCustomPlot* plot, const QString& path, int width, int height, int dpi);

// One self-contained HTML file: the run's summary, per-class counts, the metrics table and the
// given plots as embedded PNG images.
struct ReportPlot {
    QString title;
    QCustomPlot* plot;
};
QString exportHtmlReport(const ClassificationResult& result, const std::vector<ReportPlot>& plots,
                         const QString& path);

}  // namespace deeppacket::ui
