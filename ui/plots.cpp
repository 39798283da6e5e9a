#include "ui/plots.h"

#include <qcustomplot.h>

#include <algorithm>
#include <functional>
#include <limits>

#include "ui/class_colors.h"

namespace deeppacket::ui {
namespace {

void resetPlot(QCustomPlot* plot) {
    plot->clearPlottables();
    plot->clearItems();
    // Drop the colour scale a previous heatmap added beside the axis rect.
    while (plot->plotLayout()->elementCount() > 1) {
        plot->plotLayout()->remove(plot->plotLayout()->elementAt(1));
        plot->plotLayout()->simplify();
    }
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->xAxis->setRangeReversed(false);
    plot->yAxis->setRangeReversed(false);
    plot->xAxis->setTickLabelRotation(0);
    plot->xAxis->setLabel({});
    plot->yAxis->setLabel({});
    plot->legend->setVisible(false);
    plot->xAxis->grid()->setVisible(true);
    plot->yAxis->grid()->setVisible(true);
}

QSharedPointer<QCPAxisTickerText> classTicker(const std::vector<std::string>& names) {
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (std::size_t i = 0; i < names.size(); ++i) {
        ticker->addTick(static_cast<double>(i), QString::fromStdString(names[i]));
    }
    return ticker;
}

double share(std::uint64_t part, std::uint64_t whole) {
    return whole == 0 ? 0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

void plotClassCounts(QCustomPlot* plot, const std::vector<std::string>& classes,
                     const std::vector<std::uint64_t>& packets,
                     const std::vector<std::uint64_t>& flows, int highlight) {
    resetPlot(plot);
    std::uint64_t packetTotal = 0;
    std::uint64_t flowTotal = 0;
    for (auto n : packets) {
        packetTotal += n;
    }
    for (auto n : flows) {
        flowTotal += n;
    }
    auto* group = new QCPBarsGroup(plot);
    auto* packetBars = new QCPBars(plot->xAxis, plot->yAxis);
    auto* flowBars = new QCPBars(plot->xAxis, plot->yAxis);
    QVector<double> keys;
    QVector<double> packetShares;
    QVector<double> flowShares;
    for (std::size_t c = 0; c < classes.size(); ++c) {
        keys << static_cast<double>(c);
        packetShares << share(packets[c], packetTotal);
        flowShares << share(flows[c], flowTotal);
    }
    packetBars->setName(QObject::tr("packets (%)"));
    flowBars->setName(QObject::tr("flows (%)"));
    packetBars->setData(keys, packetShares);
    flowBars->setData(keys, flowShares);
    packetBars->setBrush(QColor(0, 114, 178));
    flowBars->setBrush(QColor(230, 159, 0));
    packetBars->setPen(Qt::NoPen);
    flowBars->setPen(Qt::NoPen);
    packetBars->setWidth(0.35);
    flowBars->setWidth(0.35);
    packetBars->setBarsGroup(group);
    flowBars->setBarsGroup(group);
    plot->xAxis->setTicker(classTicker(classes));
    plot->xAxis->setTickLabelRotation(classes.size() > 6 ? 45 : 0);
    plot->xAxis->grid()->setVisible(false);
    plot->xAxis->setRange(-0.7, static_cast<double>(classes.size()) - 0.3);
    plot->yAxis->setLabel(QObject::tr("share (%)"));
    plot->yAxis->setRange(
        0, std::max(10.0, std::max(*std::max_element(packetShares.begin(), packetShares.end()),
                                   *std::max_element(flowShares.begin(), flowShares.end())) *
                              1.1));
    if (highlight >= 0) {
        auto* mark = new QCPItemRect(plot);
        mark->topLeft->setCoords(highlight - 0.45, plot->yAxis->range().upper);
        mark->bottomRight->setCoords(highlight + 0.45, 0);
        mark->setPen(QPen(QColor(200, 0, 0), 2, Qt::DashLine));
    }
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot->replot();
}

void plotConfusion(QCustomPlot* plot, const ConfusionMatrix& matrix, bool counts, int highlight) {
    resetPlot(plot);
    const int n = static_cast<int>(matrix.size());
    const std::vector<double> normalized = matrix.rowNormalized();
    auto* map = new QCPColorMap(plot->xAxis, plot->yAxis);
    map->data()->setSize(n, n);
    map->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    double maxCount = 1;
    for (int t = 0; t < n; ++t) {
        for (int p = 0; p < n; ++p) {
            maxCount =
                std::max(maxCount, static_cast<double>(matrix.at(static_cast<std::size_t>(t),
                                                                 static_cast<std::size_t>(p))));
        }
    }
    for (int t = 0; t < n; ++t) {
        // A class absent from the truth has no row to speak of: empty, not 0.00 ("never
        // right").
        std::uint64_t rowTotal = 0;
        for (int p = 0; p < n; ++p) {
            rowTotal += matrix.at(static_cast<std::size_t>(t), static_cast<std::size_t>(p));
        }
        for (int p = 0; p < n; ++p) {
            const auto ti = static_cast<std::size_t>(t);
            const auto pi = static_cast<std::size_t>(p);
            if (rowTotal == 0) {
                map->data()->setCell(p, t, std::numeric_limits<double>::quiet_NaN());
                continue;
            }
            const double value = counts ? static_cast<double>(matrix.at(ti, pi))
                                        : normalized[ti * matrix.size() + pi];
            map->data()->setCell(p, t, value);
            if (n <= 20) {
                auto* label = new QCPItemText(plot);
                label->position->setCoords(p, t);
                label->setText(counts ? QString::number(matrix.at(ti, pi))
                                      : QString::number(value, 'f', 2));
                const double level = counts ? value / maxCount : value;
                label->setColor(level > 0.55 ? Qt::black : Qt::white);
                QFont font = label->font();
                font.setPointSizeF(n > 12 ? 6.5 : 8.5);
                label->setFont(font);
            }
        }
    }
    auto* scale = new QCPColorScale(plot);
    plot->plotLayout()->addElement(0, 1, scale);
    scale->setType(QCPAxis::atRight);
    scale->axis()->setLabel(counts ? QObject::tr("packets") : QObject::tr("share of the row"));
    map->setColorScale(scale);
    QCPColorGradient gradient(QCPColorGradient::gpThermal);
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    map->setGradient(gradient);
    map->setDataRange(QCPRange(0, counts ? maxCount : 1.0));
    map->setInterpolate(false);
    auto* margins = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    plot->xAxis->setTicker(classTicker(matrix.classes()));
    plot->yAxis->setTicker(classTicker(matrix.classes()));
    plot->xAxis->setTickLabelRotation(45);
    plot->xAxis->setLabel(QObject::tr("predicted class"));
    plot->yAxis->setLabel(QObject::tr("true class"));
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->grid()->setVisible(false);
    plot->xAxis->setRange(-0.5, n - 0.5);
    plot->yAxis->setRange(-0.5, n - 0.5);
    plot->yAxis->setRangeReversed(true);  // the first class on top, as the paper draws it
    if (highlight >= 0 && highlight < n) {
        auto* mark = new QCPItemRect(plot);
        mark->topLeft->setCoords(-0.5, highlight - 0.5);
        mark->bottomRight->setCoords(n - 0.5, highlight + 0.5);
        mark->setPen(QPen(QColor(0, 200, 255), 2));
    }
    plot->replot();
}

void plotDendrogram(QCustomPlot* plot, const Dendrogram& tree,
                    const std::vector<std::string>& labels, int clusters, int highlightLeaf) {
    resetPlot(plot);
    const std::size_t n = tree.leaves;
    if (n == 0) {
        plot->replot();
        return;
    }
    std::vector<double> leafX(n);
    std::vector<std::string> ordered(n);
    for (std::size_t position = 0; position < n; ++position) {
        leafX[tree.order[position]] = static_cast<double>(position);
        ordered[position] = labels.at(tree.order[position]);
    }
    const std::vector<int> group = tree.cut(clusters > 1 ? static_cast<std::size_t>(clusters) : 1);
    // Position and group (0 = mixed) of each merge, from its children.
    std::vector<double> nodeX(tree.merge.size());
    std::vector<int> nodeGroup(tree.merge.size());
    auto child = [&](int entry, double& x, double& height, int& g) {
        if (entry < 0) {
            const auto leaf = static_cast<std::size_t>(-entry - 1);
            x = leafX[leaf];
            height = 0;
            g = group[leaf];
        } else {
            const auto s = static_cast<std::size_t>(entry - 1);
            x = nodeX[s];
            height = tree.height[s];
            g = nodeGroup[s];
        }
    };
    // Classes whose rows are identical merge at height 0, where a bracket would lie on the
    // axis unseen: such merges are drawn a step above their children, dashed.
    double tallest = 0;
    for (double h : tree.height) {
        tallest = std::max(tallest, h);
    }
    const double step = tallest > 0 ? tallest * 0.03 : 0.05;
    std::vector<double> drawnHeight(tree.merge.size());
    double top = 0;
    for (std::size_t s = 0; s < tree.merge.size(); ++s) {
        double x[2];
        double h[2];
        int g[2];
        child(tree.merge[s][0], x[0], h[0], g[0]);
        child(tree.merge[s][1], x[1], h[1], g[1]);
        for (std::size_t k = 0; k < 2; ++k) {
            if (tree.merge[s][k] > 0) {
                h[k] = drawnHeight[static_cast<std::size_t>(tree.merge[s][k] - 1)];
            }
        }
        nodeX[s] = (x[0] + x[1]) / 2;
        nodeGroup[s] = g[0] == g[1] ? g[0] : 0;
        const QColor colour = clusters > 1 && nodeGroup[s] != 0
                                  ? classColor(static_cast<std::size_t>(nodeGroup[s] - 1))
                                  : QColor(60, 60, 60);
        const bool flat = tree.height[s] <= std::max(h[0], h[1]);
        const double y = flat ? std::max(h[0], h[1]) + step : tree.height[s];
        drawnHeight[s] = y;
        top = std::max(top, y);
        const QPen pen(colour, 1.6, flat ? Qt::DashLine : Qt::SolidLine);
        // The bracket: up from each child, across at the merge height.
        for (int k = 0; k < 2; ++k) {
            auto* up = new QCPItemLine(plot);
            up->start->setCoords(x[k], h[k]);
            up->end->setCoords(x[k], y);
            up->setPen(pen);
        }
        auto* across = new QCPItemLine(plot);
        across->start->setCoords(x[0], y);
        across->end->setCoords(x[1], y);
        across->setPen(pen);
    }
    plot->xAxis->setTicker(classTicker(ordered));
    plot->xAxis->setTickLabelRotation(n > 6 ? 45 : 0);
    plot->xAxis->grid()->setVisible(false);
    plot->xAxis->setRange(-0.6, static_cast<double>(n) - 0.4);
    plot->yAxis->setRange(0, top > 0 ? top * 1.08 : 1);
    plot->yAxis->setLabel(QObject::tr("height (Ward.D)"));
    if (highlightLeaf >= 0 && static_cast<std::size_t>(highlightLeaf) < n) {
        auto* mark = new QCPItemRect(plot);
        const double x = leafX[static_cast<std::size_t>(highlightLeaf)];
        mark->topLeft->setCoords(x - 0.4, top * 0.05);
        mark->bottomRight->setCoords(x + 0.4, 0);
        mark->setBrush(QColor(200, 0, 0, 120));
        mark->setPen(Qt::NoPen);
    }
    plot->replot();
}

}  // namespace deeppacket::ui
