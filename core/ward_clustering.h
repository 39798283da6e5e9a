#pragma once

#include <array>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace deeppacket {

// A hierarchical clustering in R's hclust form, so results compare one to one with R.
struct Dendrogram {
    std::size_t leaves = 0;
    // Row i is merge i+1: negative entries are leaves (-1 is leaf 0), positive entries are the
    // clusters of earlier merges (1-based), exactly as R's hclust()$merge.
    std::vector<std::array<int, 2>> merge;
    std::vector<double> height;      // of each merge
    std::vector<std::size_t> order;  // leaves (0-based) in the order a dendrogram draws them

    // Cluster number (1..k) of each leaf when the tree is cut into k groups, numbered in order
    // of the leaves as R's cutree() does. k is clamped to [1, leaves].
    std::vector<int> cut(std::size_t k) const;
    // The tree in Newick format with branch lengths (height differences).
    std::string newick(const std::vector<std::string>& labels) const;
    // The tree as JSON: labels, merge, height, order (0-based leaves).
    nlohmann::json json(const std::vector<std::string>& labels) const;
};

// Euclidean distances between the rows of a row-major matrix (n rows of `columns` values), as
// R's dist(): the lower triangle is not stored; entry (i, j), i < j, is at i*n - i*(i+1)/2 + j-i-1.
std::vector<double> euclideanDistances(const std::vector<double>& matrix, std::size_t rows,
                                       std::size_t columns);

// R's hclust(d, method = "ward.D") on such distances: Ward's criterion applied through the
// Lance-Williams update to the distances as given (not squared), with R's order of search and
// tie breaking, so merges and heights match R's. Throws std::invalid_argument on a size mismatch.
Dendrogram wardD(const std::vector<double>& distances, std::size_t n);

// The paper's clustering of a confusion matrix: ward.D on the Euclidean distances of its rows.
Dendrogram clusterRows(const std::vector<double>& matrix, std::size_t rows, std::size_t columns);

}  // namespace deeppacket
