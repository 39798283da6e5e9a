#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace deeppacket {

// Counts of (true class, predicted class) pairs; rows are the truth, columns the prediction.
class ConfusionMatrix {
  public:
    explicit ConfusionMatrix(std::vector<std::string> classes);

    void add(std::size_t truth, std::size_t predicted, std::uint64_t count = 1);
    std::uint64_t at(std::size_t truth, std::size_t predicted) const {
        return counts_[truth * classes_.size() + predicted];
    }
    const std::vector<std::string>& classes() const { return classes_; }
    std::size_t size() const { return classes_.size(); }
    std::uint64_t total() const;
    std::uint64_t rowTotal(std::size_t truth) const;
    std::uint64_t columnTotal(std::size_t predicted) const;

    // Each row divided by its total (rows without samples stay zero): the paper's heatmaps.
    std::vector<double> rowNormalized() const;

  private:
    std::vector<std::string> classes_;
    std::vector<std::uint64_t> counts_;
};

struct ClassScores {
    double recall = 0;     // TP / (TP + FN)
    double precision = 0;  // TP / (TP + FP)
    double f1 = 0;
    std::uint64_t support = 0;  // samples whose true class this is
};

// Standard definitions (the paper's equation (1) swaps the names of recall and precision). A
// ratio with a zero denominator is 0. Averages are taken over the classes that occur in the
// truth or in the predictions, as scikit-learn does by default; the weighted average weights
// each class by its support.
struct Metrics {
    std::vector<ClassScores> perClass;  // one per class of the matrix
    std::vector<bool> present;          // the class occurs in the truth or the predictions
    double accuracy = 0;
    ClassScores macro;
    ClassScores weighted;
    std::uint64_t total = 0;
};

Metrics computeMetrics(const ConfusionMatrix& matrix);

}  // namespace deeppacket
