#include "models/trainer.h"

#include <torch/nn/module.h>
#include <torch/optim/adam.h>
#include <torch/types.h>
#include <torch/utils.h>

#include <stdexcept>

#include "models/network.h"

namespace deeppacket {

std::vector<EpochReport> trainSupervised(Model& model, const std::uint8_t* vectors,
                                         const std::vector<std::int64_t>& labels,
                                         const TrainingOptions& options,
                                         const std::function<void(const EpochReport&)>& onEpoch) {
    Network& network = model.network();
    torch::nn::Module* module = network.module();
    if (module == nullptr) {
        throw ModelError("only Deep Packet's own networks can be trained here");
    }
    if (labels.empty() || options.batchSize == 0 || options.epochs < 1) {
        throw std::invalid_argument("training needs samples, a batch size and epochs");
    }
    const auto count = static_cast<std::int64_t>(labels.size());
    const auto length = static_cast<std::int64_t>(model.inputLength());
    const torch::Tensor allInputs =
        torch::from_blob(const_cast<std::uint8_t*>(vectors), {count, length}, torch::kUInt8);
    const torch::Tensor allLabels =
        torch::from_blob(const_cast<std::int64_t*>(labels.data()), {count}, torch::kInt64);

    torch::manual_seed(options.seed);
    torch::optim::Adam optimizer(module->parameters(),
                                 torch::optim::AdamOptions(options.learningRate));
    network.setTraining(true);
    std::vector<EpochReport> reports;
    const auto batch = static_cast<std::int64_t>(options.batchSize);
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
        const torch::Tensor order = torch::randperm(count, torch::kInt64);
        double lossSum = 0;
        std::int64_t correct = 0;
        for (std::int64_t start = 0; start < count; start += batch) {
            const torch::Tensor index = order.slice(0, start, std::min(start + batch, count));
            const torch::Tensor input =
                allInputs.index_select(0, index).to(torch::kFloat32) / 255.0;
            const torch::Tensor target = allLabels.index_select(0, index);
            optimizer.zero_grad();
            const torch::Tensor logits = network.logits(input);
            const torch::Tensor loss = torch::cross_entropy_loss(logits, target);
            loss.backward();
            optimizer.step();
            lossSum += loss.item<double>() * static_cast<double>(index.size(0));
            correct += logits.argmax(1).eq(target).sum().item<std::int64_t>();
        }
        EpochReport report;
        report.epoch = epoch;
        report.loss = lossSum / static_cast<double>(count);
        report.accuracy = static_cast<double>(correct) / static_cast<double>(count);
        reports.push_back(report);
        if (onEpoch) {
            onEpoch(report);
        }
    }
    network.setTraining(false);
    return reports;
}

}  // namespace deeppacket
