#include "core/ward_clustering.h"

#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace deeppacket {
namespace {

// Index of pair (i, j), i < j (0-based), in R's packed dist() storage.
std::size_t packed(std::size_t n, std::size_t i, std::size_t j) {
    return i * n - i * (i + 1) / 2 + (j - i - 1);
}

std::string newickLabel(const std::string& label) {
    if (label.find_first_of(" ()[]':;,") == std::string::npos && !label.empty()) {
        return label;
    }
    std::string quoted = "'";
    for (char c : label) {
        quoted += c;
        if (c == '\'') {
            quoted += '\'';
        }
    }
    return quoted + "'";
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

}  // namespace

std::vector<double> euclideanDistances(const std::vector<double>& matrix, std::size_t rows,
                                       std::size_t columns) {
    if (matrix.size() != rows * columns) {
        throw std::invalid_argument("matrix size does not match its shape");
    }
    std::vector<double> d(rows < 2 ? 0 : rows * (rows - 1) / 2);
    for (std::size_t i = 0; i < rows; ++i) {
        for (std::size_t j = i + 1; j < rows; ++j) {
            double sum = 0;
            for (std::size_t c = 0; c < columns; ++c) {
                const double diff = matrix[i * columns + c] - matrix[j * columns + c];
                sum += diff * diff;
            }
            d[packed(rows, i, j)] = std::sqrt(sum);
        }
    }
    return d;
}

Dendrogram wardD(const std::vector<double>& distances, std::size_t n) {
    if (distances.size() != (n < 2 ? 0 : n * (n - 1) / 2)) {
        throw std::invalid_argument("distance vector does not match the number of leaves");
    }
    Dendrogram tree;
    tree.leaves = n;
    if (n < 2) {
        tree.order.assign(n, 0);
        return tree;
    }
    constexpr double kInfinity = 1e300;
    std::vector<double> diss = distances;
    std::vector<double> members(n, 1.0);
    std::vector<bool> active(n, true);
    std::vector<std::size_t> nearest(n, 0);  // nearest neighbour to the right of i
    std::vector<double> nearestDistance(n, kInfinity);
    std::vector<std::size_t> mergedLow(n - 1);
    std::vector<std::size_t> mergedHigh(n - 1);
    tree.height.resize(n - 1);

    std::size_t jm = 0;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        double best = kInfinity;
        for (std::size_t j = i + 1; j < n; ++j) {
            // Strict comparison: the first of equal distances wins, as in R.
            if (best > diss[packed(n, i, j)]) {
                best = diss[packed(n, i, j)];
                jm = j;
            }
        }
        nearest[i] = jm;
        nearestDistance[i] = best;
    }

    std::size_t im = 0;
    std::size_t jj = 0;
    for (std::size_t step = 0; step + 1 < n; ++step) {
        double best = kInfinity;
        for (std::size_t i = 0; i + 1 < n; ++i) {
            if (active[i] && nearestDistance[i] < best) {
                best = nearestDistance[i];
                im = i;
                jm = nearest[i];
            }
        }
        const std::size_t i2 = std::min(im, jm);
        const std::size_t j2 = std::max(im, jm);
        mergedLow[step] = i2;
        mergedHigh[step] = j2;
        tree.height[step] = best;
        active[j2] = false;

        // Lance-Williams update for Ward's method, from the merged cluster (kept as i2).
        const double d12 = diss[packed(n, i2, j2)];
        best = kInfinity;
        for (std::size_t k = 0; k < n; ++k) {
            if (!active[k] || k == i2) {
                continue;
            }
            const std::size_t ik = i2 < k ? packed(n, i2, k) : packed(n, k, i2);
            const std::size_t jk = j2 < k ? packed(n, j2, k) : packed(n, k, j2);
            diss[ik] = ((members[i2] + members[k]) * diss[ik] +
                        (members[j2] + members[k]) * diss[jk] - members[k] * d12) /
                       (members[i2] + members[j2] + members[k]);
            if (i2 < k) {
                if (diss[ik] < best) {
                    best = diss[ik];
                    jj = k;
                }
            } else if (diss[ik] < nearestDistance[k]) {
                nearestDistance[k] = diss[ik];
                nearest[k] = i2;
            }
        }
        members[i2] += members[j2];
        nearestDistance[i2] = best;
        nearest[i2] = jj;

        // Points whose nearest neighbour was one of the merged pair look again.
        for (std::size_t i = 0; i + 1 < n; ++i) {
            if (active[i] && (nearest[i] == i2 || nearest[i] == j2)) {
                double closest = kInfinity;
                for (std::size_t j = i + 1; j < n; ++j) {
                    if (active[j] && diss[packed(n, i, j)] < closest) {
                        closest = diss[packed(n, i, j)];
                        jj = j;
                    }
                }
                nearest[i] = jj;
                nearestDistance[i] = closest;
            }
        }
    }

    // R's merge matrix: a cluster is named by its smallest leaf while merging; rename each to
    // the (1-based) merge that formed it, leaves as negative numbers.
    std::vector<int> a(n - 1);
    std::vector<int> b(n - 1);
    for (std::size_t s = 0; s + 1 < n; ++s) {
        a[s] = -static_cast<int>(mergedLow[s] + 1);
        b[s] = -static_cast<int>(mergedHigh[s] + 1);
    }
    for (std::size_t s = 0; s + 2 < n; ++s) {
        const std::size_t k = std::min(mergedLow[s], mergedHigh[s]);
        for (std::size_t t = s + 1; t + 1 < n; ++t) {
            if (mergedLow[t] == k) {
                a[t] = static_cast<int>(s + 1);
            }
            if (mergedHigh[t] == k) {
                b[t] = static_cast<int>(s + 1);
            }
        }
    }
    tree.merge.resize(n - 1);
    for (std::size_t s = 0; s + 1 < n; ++s) {
        int x = a[s];
        int y = b[s];
        if (x > 0 && y < 0) {
            std::swap(x, y);  // a leaf comes first
        } else if (x > 0 && y > 0 && x > y) {
            std::swap(x, y);  // two clusters: the earlier first
        }
        tree.merge[s] = {x, y};
    }

    // Drawing order: expand the last merge, replacing each cluster by its two parts in place.
    std::vector<int> order = {tree.merge[n - 2][0], tree.merge[n - 2][1]};
    for (std::size_t s = n - 2; s-- > 0;) {
        for (std::size_t j = 0; j < order.size(); ++j) {
            if (order[j] == static_cast<int>(s + 1)) {
                order[j] = tree.merge[s][0];
                order.insert(order.begin() + static_cast<long>(j) + 1, tree.merge[s][1]);
                break;
            }
        }
    }
    tree.order.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        tree.order[i] = static_cast<std::size_t>(-order[i] - 1);
    }
    return tree;
}

Dendrogram clusterRows(const std::vector<double>& matrix, std::size_t rows, std::size_t columns) {
    return wardD(euclideanDistances(matrix, rows, columns), rows);
}

std::vector<int> Dendrogram::cut(std::size_t k) const {
    if (leaves == 0) {
        return {};
    }
    k = std::max<std::size_t>(1, std::min(k, leaves));
    // Union the leaves of the first (leaves - k) merges.
    std::vector<std::size_t> parent(leaves);
    std::iota(parent.begin(), parent.end(), 0);
    std::function<std::size_t(std::size_t)> root = [&](std::size_t x) {
        while (parent[x] != x) {
            x = parent[x] = parent[parent[x]];
        }
        return x;
    };
    std::vector<std::size_t> representative(merge.size());  // a leaf of each merged cluster
    auto leafOf = [&](int entry) {
        return entry < 0 ? static_cast<std::size_t>(-entry - 1)
                         : representative[static_cast<std::size_t>(entry - 1)];
    };
    for (std::size_t s = 0; s < merge.size(); ++s) {
        const std::size_t x = leafOf(merge[s][0]);
        representative[s] = x;
        if (s < leaves - k) {
            parent[root(leafOf(merge[s][1]))] = root(x);
        }
    }
    std::vector<int> groups(leaves, 0);
    std::vector<int> numberOfRoot(leaves, 0);
    int next = 0;
    for (std::size_t i = 0; i < leaves; ++i) {
        int& number = numberOfRoot[root(i)];
        if (number == 0) {
            number = ++next;
        }
        groups[i] = number;
    }
    return groups;
}

std::string Dendrogram::newick(const std::vector<std::string>& labels) const {
    if (leaves == 0) {
        return ";";
    }
    if (leaves == 1) {
        return newickLabel(labels.at(0)) + ";";
    }
    std::function<std::string(int, double)> node = [&](int entry, double parentHeight) {
        if (entry < 0) {
            return newickLabel(labels.at(static_cast<std::size_t>(-entry - 1))) + ":" +
                   number(parentHeight);
        }
        const auto s = static_cast<std::size_t>(entry - 1);
        return "(" + node(merge[s][0], height[s]) + "," + node(merge[s][1], height[s]) +
               "):" + number(parentHeight - height[s]);
    };
    const std::size_t last = merge.size() - 1;
    return "(" + node(merge[last][0], height[last]) + "," + node(merge[last][1], height[last]) +
           ");";
}

nlohmann::json Dendrogram::json(const std::vector<std::string>& labels) const {
    return {{"method", "ward.D"},
            {"distance", "euclidean"},
            {"labels", std::vector<std::string>(
                           labels.begin(), labels.begin() + static_cast<std::ptrdiff_t>(leaves))},
            {"merge", merge},
            {"height", height},
            {"order", order}};
}

}  // namespace deeppacket
