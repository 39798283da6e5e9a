#pragma once

#include <string>
#include <vector>

#include "core/metrics.h"
#include "core/ward_clustering.h"

class QCustomPlot;

namespace deeppacket::ui {

// Each function clears the plot and draws one figure; `highlight` is a class index to mark
// (the window's class filter), or -1.

// Packets and flows per class as grouped bars (shares in %), class names under the bars.
void plotClassCounts(QCustomPlot* plot, const std::vector<std::string>& classes,
                     const std::vector<std::uint64_t>& packets,
                     const std::vector<std::uint64_t>& flows, int highlight);

// The confusion matrix as a colour map: true classes down, predicted across, row-normalised
// values (or counts) in each cell, a colour scale beside it.
void plotConfusion(QCustomPlot* plot, const ConfusionMatrix& matrix, bool counts, int highlight);

// The Ward.D tree with leaves along the bottom and merge heights up; with clusters > 1 the
// subtrees of a cut into that many groups are coloured.
void plotDendrogram(QCustomPlot* plot, const Dendrogram& tree,
                    const std::vector<std::string>& labels, int clusters, int highlightLeaf);

}  // namespace deeppacket::ui
