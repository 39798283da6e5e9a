#include "core/metrics.h"

#include <stdexcept>

namespace deeppacket {
namespace {

double ratio(double numerator, double denominator) {
    return denominator == 0 ? 0 : numerator / denominator;
}

}  // namespace

ConfusionMatrix::ConfusionMatrix(std::vector<std::string> classes)
    : classes_(std::move(classes)), counts_(classes_.size() * classes_.size(), 0) {}

void ConfusionMatrix::add(std::size_t truth, std::size_t predicted, std::uint64_t count) {
    if (truth >= classes_.size() || predicted >= classes_.size()) {
        throw std::out_of_range("class index outside the confusion matrix");
    }
    counts_[truth * classes_.size() + predicted] += count;
}

std::uint64_t ConfusionMatrix::total() const {
    std::uint64_t sum = 0;
    for (auto c : counts_) {
        sum += c;
    }
    return sum;
}

std::uint64_t ConfusionMatrix::rowTotal(std::size_t truth) const {
    std::uint64_t sum = 0;
    for (std::size_t p = 0; p < size(); ++p) {
        sum += at(truth, p);
    }
    return sum;
}

std::uint64_t ConfusionMatrix::columnTotal(std::size_t predicted) const {
    std::uint64_t sum = 0;
    for (std::size_t t = 0; t < size(); ++t) {
        sum += at(t, predicted);
    }
    return sum;
}

std::vector<double> ConfusionMatrix::rowNormalized() const {
    std::vector<double> out(counts_.size(), 0.0);
    for (std::size_t t = 0; t < size(); ++t) {
        const double row = static_cast<double>(rowTotal(t));
        for (std::size_t p = 0; p < size(); ++p) {
            out[t * size() + p] = ratio(static_cast<double>(at(t, p)), row);
        }
    }
    return out;
}

Metrics computeMetrics(const ConfusionMatrix& m) {
    Metrics out;
    const std::size_t n = m.size();
    out.perClass.resize(n);
    out.present.resize(n);
    out.total = m.total();
    std::uint64_t correct = 0;
    std::size_t presentCount = 0;
    for (std::size_t c = 0; c < n; ++c) {
        const double tp = static_cast<double>(m.at(c, c));
        const double actual = static_cast<double>(m.rowTotal(c));
        const double predicted = static_cast<double>(m.columnTotal(c));
        ClassScores& s = out.perClass[c];
        s.recall = ratio(tp, actual);
        s.precision = ratio(tp, predicted);
        s.f1 = ratio(2 * s.precision * s.recall, s.precision + s.recall);
        s.support = m.rowTotal(c);
        correct += m.at(c, c);
        out.present[c] = actual > 0 || predicted > 0;
        if (out.present[c]) {
            ++presentCount;
            out.macro.recall += s.recall;
            out.macro.precision += s.precision;
            out.macro.f1 += s.f1;
        }
        const double weight = ratio(actual, static_cast<double>(out.total));
        out.weighted.recall += weight * s.recall;
        out.weighted.precision += weight * s.precision;
        out.weighted.f1 += weight * s.f1;
    }
    if (presentCount > 0) {
        out.macro.recall /= static_cast<double>(presentCount);
        out.macro.precision /= static_cast<double>(presentCount);
        out.macro.f1 /= static_cast<double>(presentCount);
    }
    out.macro.support = out.weighted.support = out.total;
    out.accuracy = ratio(static_cast<double>(correct), static_cast<double>(out.total));
    return out;
}

}  // namespace deeppacket
