#include "ui/exporter.h"

#include <qcustomplot.h>
#include <QBuffer>
#include <QFileInfo>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include "core/packet_csv.h"
#include "core/prediction_csv.h"

namespace deeppacket::ui {
namespace {

QString writeAll(const QString& path, const std::function<bool(QSaveFile&)>& write) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QObject::tr("%1: cannot write: %2").arg(path, file.errorString());
    }
    if (!write(file)) {
        file.cancelWriting();
        return QObject::tr("%1: writing failed: %2").arg(path, file.errorString());
    }
    if (!file.commit()) {
        return QObject::tr("%1: cannot save: %2").arg(path, file.errorString());
    }
    return {};
}

bool put(QSaveFile& file, const std::string& text) {
    return file.write(text.data(), static_cast<qint64>(text.size())) ==
           static_cast<qint64>(text.size());
}

std::string truthText(const ClassificationResult& r, std::int32_t truth) {
    return truth >= 0 ? r.classes[static_cast<std::size_t>(truth)] : std::string();
}

QString escape(const QString& text) {
    return text.toHtmlEscaped();
}

}  // namespace

QString exportPacketsCsv(const ClassificationResult& r, const QString& path,
                         const std::vector<std::uint32_t>* rows) {
    const bool truth = !r.labelsDescription.isEmpty();
    std::vector<std::string> files;
    for (const auto& f : r.files) {
        files.push_back(csvField(f));
    }
    return writeAll(path, [&](QSaveFile& file) {
        const bool flowModel = !r.flowModelPath.isEmpty();
        std::string buffer = packetCsvHeader(r.classes, truth, false, flowModel);
        static const std::string kNone;
        const std::size_t count = rows != nullptr ? rows->size() : r.packets.size();
        for (std::size_t i = 0; i < count; ++i) {
            const PacketResult& p = r.packets[rows != nullptr ? (*rows)[i] : i];
            const std::string t = truthText(r, p.truth);
            const std::string* flowLabel =
                !flowModel              ? nullptr
                : p.flowClassIndex >= 0 ? &r.classes[static_cast<std::size_t>(p.flowClassIndex)]
                                        : &kNone;
            appendPacketCsvRow(buffer, files[p.record.fileIndex], p.record, r.classes[p.classIndex],
                               p.confidence, truth ? &t : nullptr, nullptr, 0, flowLabel,
                               p.flowConfidence);
            if (buffer.size() > (1 << 20)) {
                if (!put(file, buffer)) {
                    return false;
                }
                buffer.clear();
            }
        }
        return put(file, buffer);
    });
}

QString exportFlowsCsv(const ClassificationResult& r, const QString& path,
                       const std::vector<std::uint32_t>* rows) {
    const bool truth = !r.labelsDescription.isEmpty();
    return writeAll(path, [&](QSaveFile& file) {
        const bool flowModel = !r.flowModelPath.isEmpty();
        std::string buffer = flowCsvHeader(r.classes, truth, false, flowModel);
        const std::size_t count = rows != nullptr ? rows->size() : r.flows.size();
        for (std::size_t i = 0; i < count; ++i) {
            const FlowResult& f = r.flows[rows != nullptr ? (*rows)[i] : i];
            const std::string t = truthText(r, f.truth);
            appendFlowCsvRow(buffer, csvField(r.files[f.verdict.fileIndex]), f.verdict,
                             r.classes[f.verdict.classIndex], truth ? &t : nullptr,
                             flowModel ? &r.classes[f.verdict.voteClassIndex] : nullptr);
        }
        return put(file, buffer);
    });
}

QString exportMetricsCsv(const ClassificationResult& r, const QString& path) {
    if (!r.evaluation) {
        return QObject::tr("%1: there are no metrics without ground truth").arg(path);
    }
    return writeAll(path, [&](QSaveFile& file) { return put(file, metricsCsv(*r.evaluation)); });
}

QString exportConfusionCsv(const ClassificationResult& r, const QString& path) {
    if (!r.evaluation) {
        return QObject::tr("%1: there is no confusion matrix without ground truth").arg(path);
    }
    return writeAll(path, [&](QSaveFile& file) { return put(file, confusionCsv(*r.evaluation)); });
}

QString exportDendrogram(const ClassificationResult& r, const QString& path, bool newick) {
    if (!r.evaluation) {
        return QObject::tr("%1: there is no dendrogram without ground truth").arg(path);
    }
    const Evaluation& e = *r.evaluation;
    const std::string text = newick ? e.dendrogram.newick(e.clusteredClasses) + "\n"
                                    : e.dendrogram.json(e.clusteredClasses).dump(2) + "\n";
    return writeAll(path, [&](QSaveFile& file) { return put(file, text); });
}

QString exportPlot(QCustomPlot* plot, const QString& path, int width, int height, int dpi) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (width < 16 || height < 16 || dpi < 24) {
        return QObject::tr("%1: the size is too small").arg(path);
    }
    return writeAll(path, [&](QSaveFile& file) {
        if (suffix == "pdf") {
            QPdfWriter writer(&file);
            writer.setResolution(dpi);
            writer.setPageSize(QPageSize(QSizeF(width, height), QPageSize::Point));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            QCPPainter painter(&writer);
            plot->toPainter(&painter, writer.width(), writer.height());
            return painter.end();
        }
        if (suffix == "svg") {
            QSvgGenerator generator;
            generator.setOutputDevice(&file);
            generator.setSize(QSize(width, height));
            generator.setViewBox(QRect(0, 0, width, height));
            generator.setTitle(QStringLiteral("Deep Packet"));
            QCPPainter painter(&generator);
            plot->toPainter(&painter, width, height);
            return painter.end();
        }
        const double scale = dpi / 96.0;
        QImage image = plot->toPixmap(width, height, scale).toImage();
        const int dotsPerMeter = static_cast<int>(dpi / 0.0254);
        image.setDotsPerMeterX(dotsPerMeter);
        image.setDotsPerMeterY(dotsPerMeter);
        return image.save(&file, suffix == "jpg" || suffix == "jpeg" ? "JPG" : "PNG");
    });
}

QString exportHtmlReport(const ClassificationResult& r, const std::vector<ReportPlot>& plots,
                         const QString& path, const QString& view) {
    QString html;
    html += QStringLiteral(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Deep Packet report</title>"
        "<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:"
        "collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
        "th:first-child,td:first-child{text-align:left}</style></head><body>");
    html += QStringLiteral(
                "<h1>Deep Packet report</h1><p>Model: %1 (%2)<br>Task: %3<br>"
                "Captures: %4<br>Packets classified: %5 in %6 flows, %7 s on %8</p>")
                .arg(escape(r.modelPath), escape(r.modelSummary), escape(r.task))
                .arg(r.files.size())
                .arg(r.packets.size())
                .arg(r.flows.size())
                .arg(r.seconds, 0, 'f', 2)
                .arg(escape(r.device));
    if (!r.flowModelPath.isEmpty()) {
        html += QStringLiteral("<p>Flow model (the flows' verdicts): %1 (%2)</p>")
                    .arg(escape(r.flowModelPath), escape(r.flowModelSummary));
    }
    if (!view.isEmpty()) {
        // The counts and scores are the whole run's; the plots highlight what the window showed.
        html += QStringLiteral("<p>View: %1</p>").arg(escape(view));
    }
    html += QStringLiteral(
        "<h2>Classes</h2><table><tr><th>class</th><th>packets</th>"
        "<th>flows</th></tr>");
    for (std::size_t c = 0; c < r.classes.size(); ++c) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(escape(QString::fromStdString(r.classes[c])))
                    .arg(r.packetsPerClass[c])
                    .arg(r.flowsPerClass[c]);
    }
    html += QStringLiteral("</table>");
    if (r.evaluation) {
        const Evaluation& e = *r.evaluation;
        html += QStringLiteral(
                    "<h2>Metrics (%1)</h2><table><tr><th>class</th><th>Rc</th>"
                    "<th>Pr</th><th>F1</th><th>support</th><th>flow Rc</th>"
                    "<th>flow Pr</th><th>flow F1</th><th>flow support</th></tr>")
                    .arg(escape(r.labelsDescription));
        auto row = [&](const QString& name, const ClassScores& p, const ClassScores& f) {
            html += QStringLiteral(
                        "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                        "<td>%6</td><td>%7</td><td>%8</td><td>%9</td></tr>")
                        .arg(escape(name))
                        .arg(p.recall, 0, 'f', 2)
                        .arg(p.precision, 0, 'f', 2)
                        .arg(p.f1, 0, 'f', 2)
                        .arg(p.support)
                        .arg(f.recall, 0, 'f', 2)
                        .arg(f.precision, 0, 'f', 2)
                        .arg(f.f1, 0, 'f', 2)
                        .arg(f.support);
        };
        for (std::size_t c = 0; c < r.classes.size(); ++c) {
            if (e.packetMetrics.present[c] || e.flowMetrics.present[c]) {
                row(QString::fromStdString(r.classes[c]), e.packetMetrics.perClass[c],
                    e.flowMetrics.perClass[c]);
            }
        }
        row(QObject::tr("macro average"), e.packetMetrics.macro, e.flowMetrics.macro);
        row(QObject::tr("weighted average"), e.packetMetrics.weighted, e.flowMetrics.weighted);
        html += QStringLiteral("</table><p>Accuracy: %1 per packet, %2 per flow</p>")
                    .arg(e.packetMetrics.accuracy, 0, 'f', 4)
                    .arg(e.flowMetrics.accuracy, 0, 'f', 4);
    }
    for (const auto& p : plots) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        p.plot->toPixmap(900, 520, 1.5).save(&buffer, "PNG");
        html += QStringLiteral(
                    "<h2>%1</h2><img alt=\"%1\" width=\"900\" src=\"data:image/png;"
                    "base64,%2\">")
                    .arg(escape(p.title), QString::fromLatin1(png.toBase64()));
    }
    html += QStringLiteral("</body></html>\n");
    return writeAll(path, [&](QSaveFile& file) {
        const QByteArray bytes = html.toUtf8();
        return file.write(bytes) == bytes.size();
    });
}

}  // namespace deeppacket::ui
