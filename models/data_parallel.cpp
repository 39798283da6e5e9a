#include "models/data_parallel.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstring>

#include "models/worker_group.h"

namespace deeppacket {

bool DataParallel::distributed() const {
    return group_ != nullptr && group_->worldSize() > 1;
}

int DataParallel::rank() const {
    return group_ != nullptr ? group_->rank() : 0;
}

int DataParallel::worldSize() const {
    return group_ != nullptr ? group_->worldSize() : 1;
}

void DataParallel::sum(double* values, std::size_t count) {
    if (distributed()) {
        group_->allReduceSum(values, count);
    }
}

void DataParallel::sum(std::int64_t* values, std::size_t count) {
    if (distributed()) {
        group_->allReduceSum(values, count);
    }
}

bool DataParallel::sumGradients(const std::vector<torch::Tensor>& parameters, bool stop) {
    if (!distributed()) {
        return stop;
    }
    const auto start = std::chrono::steady_clock::now();
    std::vector<torch::Tensor> flat;
    for (const auto& p : parameters) {
        flat.push_back(p.grad().defined() ? p.grad().detach().to(torch::kCPU).reshape(-1)
                                          : torch::zeros({p.numel()}, torch::kFloat32));
    }
    flat.push_back(torch::full({1}, stop ? 1.0F : 0.0F));
    torch::Tensor buffer = torch::cat(flat).contiguous();
    group_->allReduceSum(buffer.data_ptr<float>(), static_cast<std::size_t>(buffer.numel()));
    const bool anyStop = buffer[buffer.numel() - 1].item<float>() > 0;
    std::int64_t offset = 0;
    for (const auto& p : parameters) {
        torch::Tensor summed = buffer.narrow(0, offset, p.numel()).view(p.sizes()).to(p.device());
        offset += p.numel();
        if (p.grad().defined()) {
            p.grad().detach().copy_(summed);
        } else {
            const_cast<torch::Tensor&>(p).mutable_grad() = summed.clone();
        }
    }
    gradientSeconds_ +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ++gradientSums_;
    return anyStop;
}

void DataParallel::broadcastParameters(const std::vector<torch::Tensor>& parameters) {
    if (!distributed()) {
        return;
    }
    torch::NoGradGuard noGrad;
    for (const auto& p : parameters) {
        torch::Tensor values = p.detach().to(torch::kCPU).contiguous().clone();
        group_->broadcast(values.data_ptr<float>(), static_cast<std::size_t>(values.numel()), 0);
        const_cast<torch::Tensor&>(p).copy_(values.to(p.device()));
    }
}

void DataParallel::checkSameParameters(const std::vector<torch::Tensor>& parameters) {
    if (!distributed()) {
        return;
    }
    std::int64_t differing = 0;
    for (const auto& p : parameters) {
        const torch::Tensor mine = p.detach().to(torch::kCPU).contiguous();
        torch::Tensor first = mine.clone();
        group_->broadcast(first.data_ptr<float>(), static_cast<std::size_t>(first.numel()), 0);
        if (std::memcmp(first.data_ptr<float>(), mine.data_ptr<float>(),
                        static_cast<std::size_t>(mine.numel()) * sizeof(float)) != 0) {
            differing = 1;
        }
    }
    std::vector<std::int64_t> workers(static_cast<std::size_t>(worldSize()), 0);
    workers[static_cast<std::size_t>(rank())] = differing;
    sum(workers.data(), workers.size());
    std::string which;
    for (std::size_t r = 0; r < workers.size(); ++r) {
        if (workers[r] != 0) {
            which += (which.empty() ? "" : ", ") + std::to_string(r);
        }
    }
    if (!which.empty()) {
        throw WorkerGroupError("worker " + std::to_string(rank()) + " of " +
                               std::to_string(worldSize()) + ": the weights of worker(s) " + which +
                               " differ from worker 0's after training");
    }
}

ConfusionMatrix DataParallel::sum(const ConfusionMatrix& confusion) {
    return distributed() ? allReduceSum(*group_, confusion) : confusion;
}

GlobalRows::GlobalRows(const std::vector<std::size_t>& rows,
                       const std::function<std::uint32_t(std::size_t)>& fileOf, std::size_t files,
                       DataParallel& group) {
    std::vector<std::int64_t> counts(files, 0);
    for (std::size_t row : rows) {
        ++counts[fileOf(row)];
    }
    localStart_.assign(files + 1, 0);
    for (std::size_t f = 0; f < files; ++f) {
        localStart_[f + 1] = localStart_[f] + static_cast<std::size_t>(counts[f]);
    }
    rows_.resize(rows.size());
    std::vector<std::size_t> next(localStart_.begin(), localStart_.end() - 1);
    for (std::size_t row : rows) {
        rows_[next[fileOf(row)]++] = row;
    }
    // A capture is read by one worker only: the sums are each file's rows, wherever they are.
    group.sum(counts.data(), counts.size());
    fileStart_.assign(files + 1, 0);
    for (std::size_t f = 0; f < files; ++f) {
        fileStart_[f + 1] = fileStart_[f] + static_cast<std::uint64_t>(counts[f]);
    }
    order_.resize(static_cast<std::size_t>(fileStart_.back()));
    for (std::size_t i = 0; i < order_.size(); ++i) {
        order_[i] = i;
    }
}

void GlobalRows::shuffle(std::mt19937_64& rng) {
    std::shuffle(order_.begin(), order_.end(), rng);
}

void GlobalRows::localRows(std::uint64_t begin, std::uint64_t end,
                           std::vector<std::size_t>& out) const {
    out.clear();
    for (std::uint64_t i = begin; i < end; ++i) {
        const std::uint64_t position = order_[static_cast<std::size_t>(i)];
        const auto file = static_cast<std::size_t>(
            std::upper_bound(fileStart_.begin(), fileStart_.end(), position) - fileStart_.begin() -
            1);
        const std::size_t held = localStart_[file + 1] - localStart_[file];
        const std::uint64_t k = position - fileStart_[file];
        if (k < held) {  // this worker read the file (then it holds all of its rows)
            out.push_back(rows_[localStart_[file] + static_cast<std::size_t>(k)]);
        }
    }
}

}  // namespace deeppacket
