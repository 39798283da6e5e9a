#pragma once

#include <torch/types.h>

#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "core/evaluation_report.h"
#include "core/metrics.h"

namespace deeppacket {

class WorkerGroup;

// A training's view of its group of workers (models/worker_group.h); a worker alone when the
// group is null, and then every sum is the worker's own value. Each call is collective: every
// worker makes the same calls in the same order.
class DataParallel {
  public:
    explicit DataParallel(WorkerGroup* group = nullptr) : group_(group) {}

    bool distributed() const;
    int rank() const;
    int worldSize() const;

    void sum(double* values, std::size_t count);
    void sum(std::int64_t* values, std::size_t count);
    // Every worker's gradients of these parameters added up, in place (a parameter without a
    // gradient counts as zeros and gets the sum): one all-reduce of one flat buffer, which also
    // carries whether a worker was asked to stop. True when one was: every worker then stops
    // after this same step.
    bool sumGradients(const std::vector<torch::Tensor>& parameters, bool stop);
    // Worker 0's values of these parameters, everywhere.
    void broadcastParameters(const std::vector<torch::Tensor>& parameters);
    // Throws WorkerGroupError when a worker's parameters differ from worker 0's in any bit:
    // the same gradients and the same optimiser must give the same weights everywhere.
    void checkSameParameters(const std::vector<torch::Tensor>& parameters);
    // A confusion matrix of every worker's counts (exact: 64-bit integers).
    ConfusionMatrix sum(const ConfusionMatrix& confusion);

    // Time spent in the gradient sums, and how many there were: the cost of communication.
    double gradientSeconds() const { return gradientSeconds_; }
    std::uint64_t gradientSums() const { return gradientSums_; }

  private:
    WorkerGroup* group_;
    double gradientSeconds_ = 0;
    std::uint64_t gradientSums_ = 0;
};

// A set's rows, spread over the workers, in one order every worker agrees on: capture files in
// order, and a file's rows in the order the worker that read it lists them. Each epoch shuffles
// that order with a generator seeded alike everywhere, so a global batch is the same rows
// whatever the number of workers, and each worker computes on the rows of it that it holds:
// the summed gradient is the gradient of one process on the whole batch.
class GlobalRows {
  public:
    // `rows`: this worker's rows of the set; `fileOf`: a row's capture file among `files`.
    GlobalRows(const std::vector<std::size_t>& rows,
               const std::function<std::uint32_t(std::size_t)>& fileOf, std::size_t files,
               DataParallel& group);

    std::uint64_t size() const { return order_.size(); }  // over the group
    void shuffle(std::mt19937_64& rng);
    // This worker's rows among the positions [begin, end) of the current order.
    void localRows(std::uint64_t begin, std::uint64_t end, std::vector<std::size_t>& out) const;

  private:
    std::vector<std::uint64_t> fileStart_;  // global position of each file's first row
    std::vector<std::size_t> localStart_;   // where each file's rows begin in rows_
    std::vector<std::size_t> rows_;         // this worker's rows, by file
    std::vector<std::uint64_t> order_;      // the current order of global positions
};

}  // namespace deeppacket
