#include "models/training.h"

#include <torch/nn/functional/loss.h>
#include <torch/optim/adam.h>
#include <torch/types.h>
#include <torch/utils.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <random>

#include "core/flow_aggregator.h"
#include "models/network.h"
#include "models/networks.h"

namespace deeppacket {
namespace {

using Clock = std::chrono::steady_clock;

// A batch of the dataset as network input (bytes / 255) and class targets, on `device`.
std::pair<torch::Tensor, torch::Tensor> makeBatch(const Dataset& d,
                                                  const std::vector<std::size_t>& indices,
                                                  std::size_t begin, std::size_t end,
                                                  const torch::Device& device) {
    const auto rows = static_cast<std::int64_t>(end - begin);
    const auto length = static_cast<std::int64_t>(d.vectorLength);
    torch::Tensor bytes = torch::empty({rows, length}, torch::kUInt8);
    torch::Tensor targets = torch::empty({rows}, torch::kInt64);
    auto* out = bytes.data_ptr<std::uint8_t>();
    auto* target = targets.data_ptr<std::int64_t>();
    for (std::size_t i = begin; i < end; ++i) {
        std::copy_n(d.vector(indices[i]), d.vectorLength, out + (i - begin) * d.vectorLength);
        target[i - begin] = d.labels[indices[i]];
    }
    return {bytes.to(device).to(torch::kFloat32).div_(255.0), targets.to(device)};
}

// Mean cross-entropy and accuracy over a set, in evaluation mode.
std::pair<double, double> validate(Network& network, const Dataset& d,
                                   const std::vector<std::size_t>& indices, std::size_t batch,
                                   const torch::Device& device) {
    if (indices.empty()) {
        return {0, 0};
    }
    torch::NoGradGuard noGrad;
    network.setTraining(false);
    double loss = 0;
    std::int64_t correct = 0;
    for (std::size_t start = 0; start < indices.size(); start += batch) {
        const std::size_t end = std::min(start + batch, indices.size());
        auto [input, target] = makeBatch(d, indices, start, end, device);
        const torch::Tensor logits = network.logits(input);
        loss += torch::cross_entropy_loss(logits, target, {}, at::Reduction::Sum).item<double>();
        correct += logits.argmax(1).eq(target).sum().item<std::int64_t>();
    }
    network.setTraining(true);
    return {loss / static_cast<double>(indices.size()),
            static_cast<double>(correct) / static_cast<double>(indices.size())};
}

std::vector<torch::Tensor> snapshot(Network& network) {
    std::vector<torch::Tensor> copy;
    for (auto& [name, tensor] : network.namedParameters()) {
        copy.push_back(tensor.detach().clone());
    }
    return copy;
}

void restore(Network& network, const std::vector<torch::Tensor>& saved) {
    torch::NoGradGuard noGrad;
    std::size_t i = 0;
    for (auto& [name, tensor] : network.namedParameters()) {
        tensor.copy_(saved[i++]);
    }
}

bool stopRequested(const std::atomic<bool>* cancel) {
    return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

// Greedy layer-wise pre-training of the SAE's encoders (paper §2.3).
void pretrain(SaeImpl& sae, const Dataset& d, std::vector<std::size_t> train,
              const TrainingConfig& config, const torch::Device& device, std::mt19937_64& rng,
              Clock::time_point start, const std::function<void(const TrainingEpoch&)>& onEpoch,
              const std::atomic<bool>* cancel, TrainingOutcome& outcome) {
    for (std::size_t layer = 0; layer < sae.encoders->size(); ++layer) {
        auto encoder = sae.encoders[layer]->as<torch::nn::Linear>();
        torch::nn::Linear decoder(encoder->options.out_features(), encoder->options.in_features());
        decoder->to(device);
        std::vector<torch::Tensor> parameters = encoder->parameters();
        for (auto& p : decoder->parameters()) {
            parameters.push_back(p);
        }
        torch::optim::Adam optimizer(parameters, torch::optim::AdamOptions(config.learningRate));
        double first = 0;
        double last = 0;
        for (int epoch = 1; epoch <= config.pretrainEpochs && !stopRequested(cancel); ++epoch) {
            std::shuffle(train.begin(), train.end(), rng);
            double lossSum = 0;
            for (std::size_t b = 0; b < train.size() && !stopRequested(cancel);
                 b += config.batchSize) {
                const std::size_t end = std::min(b + config.batchSize, train.size());
                auto [input, target] = makeBatch(d, train, b, end, device);
                torch::Tensor below;
                {
                    // The layers below are frozen: their output is this layer's input.
                    torch::NoGradGuard noGrad;
                    sae.eval();
                    below = sae.encode(input, layer);
                }
                const torch::Tensor code = torch::relu(encoder->forward(below));
                const torch::Tensor loss = torch::mse_loss(decoder->forward(code), below);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lossSum += loss.item<double>() * static_cast<double>(end - b);
            }
            last = lossSum / static_cast<double>(train.size());
            if (epoch == 1) {
                first = last;
            }
            if (onEpoch) {
                TrainingEpoch report;
                report.phase = "pretrain layer " + std::to_string(layer + 1);
                report.epoch = epoch;
                report.trainLoss = last;
                report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
                onEpoch(report);
            }
        }
        outcome.pretrainLoss.emplace_back(first, last);
    }
}

}  // namespace

TrainingOutcome trainModel(Model& model, const Dataset& dataset,
                           const std::vector<std::size_t>& train,
                           const std::vector<std::size_t>& validation, const TrainingConfig& config,
                           const std::function<void(const TrainingEpoch&)>& onEpoch,
                           const std::atomic<bool>* cancel) {
    Network& network = model.network();
    torch::nn::Module* module = network.module();
    if (module == nullptr) {
        throw ModelError("only Deep Packet's own networks can be trained");
    }
    if (train.empty() || config.batchSize == 0) {
        throw std::invalid_argument("training needs packets and a batch size");
    }
    if (dataset.vectorLength != model.inputLength()) {
        throw std::invalid_argument("the data set's vectors do not fit the network's input");
    }
    const auto start = Clock::now();
    const torch::Device device = module->parameters().front().device();
    torch::manual_seed(config.seed);
    std::mt19937_64 rng(config.seed);
    TrainingOutcome outcome;
    network.setTraining(true);
    if (auto* sae = dynamic_cast<SaeImpl*>(module)) {
        pretrain(*sae, dataset, train, config, device, rng, start, onEpoch, cancel, outcome);
        network.setTraining(true);
    }

    torch::optim::Adam optimizer(module->parameters(),
                                 torch::optim::AdamOptions(config.learningRate));
    std::vector<std::size_t> order = train;
    std::vector<torch::Tensor> best = snapshot(network);
    // Training keeps activations and their gradients: a third of inference's pass size.
    const std::size_t rowsPerPass =
        device.is_cpu() ? std::max<std::size_t>(
                              1, (std::size_t{8} << 20) /
                                     (model.card().network.largestActivation() * sizeof(float)))
                        : config.batchSize;
    outcome.bestValidationLoss = std::numeric_limits<double>::infinity();
    int sinceBest = 0;
    std::size_t samples = 0;
    double trainingSeconds = 0;
    for (int epoch = 1; epoch <= config.epochs; ++epoch) {
        const auto epochStart = Clock::now();
        std::shuffle(order.begin(), order.end(), rng);
        double lossSum = 0;
        std::size_t seen = 0;
        for (std::size_t b = 0; b < order.size(); b += config.batchSize) {
            if (stopRequested(cancel)) {
                outcome.interrupted = true;
                break;
            }
            const std::size_t end = std::min(b + config.batchSize, order.size());
            optimizer.zero_grad();
            // A batch goes through in passes of bounded activation size, gradients summed:
            // the same step as one pass, without the page-fault stalls of huge temporaries
            // (see Model::logProbabilities): the CNN trained 6x faster so (106 -> 638/s).
            for (std::size_t p = b; p < end; p += rowsPerPass) {
                const std::size_t passEnd = std::min(p + rowsPerPass, end);
                auto [input, target] = makeBatch(dataset, order, p, passEnd, device);
                const torch::Tensor loss = torch::cross_entropy_loss(network.logits(input), target,
                                                                     {}, at::Reduction::Sum) /
                                           static_cast<double>(end - b);
                loss.backward();
                lossSum += loss.item<double>() * static_cast<double>(end - b);
            }
            optimizer.step();
            seen += end - b;
        }
        samples += seen;
        trainingSeconds += std::chrono::duration<double>(Clock::now() - epochStart).count();
        if (outcome.interrupted) {
            break;
        }
        outcome.epochs = epoch;
        const auto [validationLoss, validationAccuracy] =
            validate(network, dataset, validation.empty() ? train : validation,
                     std::min<std::size_t>(1024, rowsPerPass * 3), device);
        if (validationLoss < outcome.bestValidationLoss) {
            outcome.bestValidationLoss = validationLoss;
            outcome.bestEpoch = epoch;
            best = snapshot(network);
            sinceBest = 0;
        } else {
            ++sinceBest;
        }
        if (onEpoch) {
            TrainingEpoch report;
            report.phase = "train";
            report.epoch = epoch;
            report.trainLoss = lossSum / static_cast<double>(std::max<std::size_t>(1, seen));
            report.validationLoss = validationLoss;
            report.validationAccuracy = validationAccuracy;
            report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
            onEpoch(report);
        }
        if (sinceBest >= config.patience) {
            outcome.stoppedEarly = true;
            break;
        }
    }
    if (outcome.bestEpoch > 0) {
        restore(network, best);
    }
    network.setTraining(false);
    outcome.samplesPerSecond =
        trainingSeconds > 0 ? static_cast<double>(samples) / trainingSeconds : 0;
    return outcome;
}

Evaluation evaluateOnSplit(Model& model, const Dataset& dataset,
                           const std::vector<std::size_t>& test) {
    const std::size_t classes = model.classCount();
    ConfusionMatrix packets(model.card().classes);
    ConfusionMatrix flows(model.card().classes);
    FlowAggregator aggregator(classes);
    std::map<std::uint32_t, std::int32_t> flowTruth;
    std::vector<std::uint8_t> batch;
    std::vector<float> logProbabilities;
    constexpr std::size_t kBatch = 1024;
    for (std::size_t start = 0; start < test.size(); start += kBatch) {
        const std::size_t end = std::min(start + kBatch, test.size());
        batch.resize((end - start) * dataset.vectorLength);
        for (std::size_t i = start; i < end; ++i) {
            std::copy_n(dataset.vector(test[i]), dataset.vectorLength,
                        batch.data() + (i - start) * dataset.vectorLength);
        }
        logProbabilities.resize((end - start) * classes);
        model.logProbabilities(batch.data(), end - start, logProbabilities.data());
        for (std::size_t i = start; i < end; ++i) {
            const float* row = logProbabilities.data() + (i - start) * classes;
            const auto predicted =
                static_cast<std::size_t>(std::max_element(row, row + classes) - row);
            const auto truth = static_cast<std::size_t>(dataset.labels[test[i]]);
            packets.add(truth, predicted);
            PacketRecord record;
            record.flowId = dataset.flows[test[i]];
            record.fileIndex = dataset.fileIndex[test[i]];
            aggregator.add(record, row);
            flowTruth[record.flowId] = dataset.labels[test[i]];
        }
    }
    for (const auto& verdict : aggregator.takeVerdicts(false)) {
        flows.add(static_cast<std::size_t>(flowTruth[verdict.flowId]), verdict.classIndex);
    }
    return evaluate(packets, flows);
}

}  // namespace deeppacket
