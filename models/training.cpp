#include "models/training.h"

#include <torch/nn/functional/loss.h>
#include <torch/nn/options/loss.h>
#include <torch/optim/adam.h>
#include <torch/types.h>
#include <torch/utils.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <random>

#include "core/flow_aggregator.h"
#include "core/metrics.h"
#include "models/data_parallel.h"
#include "models/network.h"
#include "models/networks.h"

namespace deeppacket {
namespace {

using Clock = std::chrono::steady_clock;

// A labelled set the supervised loop draws batches from: packets or flows.
struct Samples {
    // Rows indices[begin, end) as network input and class targets, on the device.
    std::function<std::pair<torch::Tensor, torch::Tensor>(
        const std::vector<std::size_t>&, std::size_t, std::size_t, const torch::Device&)>
        batch;
    std::function<std::int32_t(std::size_t)> label;
    std::function<std::uint32_t(std::size_t)> file;  // the capture file a row comes from
    std::size_t files = 0;
    std::size_t classes = 0;
};

// A batch of the dataset as network input (networkInput) and class targets, on `device`.
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
    return {networkInput(bytes, device), targets.to(device)};
}

// A batch of flow feature rows and their classes, on `device`.
std::pair<torch::Tensor, torch::Tensor> makeFlowBatch(const FlowDataset& d,
                                                      const std::vector<std::size_t>& indices,
                                                      std::size_t begin, std::size_t end,
                                                      const torch::Device& device) {
    const auto rows = static_cast<std::int64_t>(end - begin);
    torch::Tensor features =
        torch::empty({rows, static_cast<std::int64_t>(kFlowFeatureLength)}, torch::kFloat32);
    torch::Tensor targets = torch::empty({rows}, torch::kInt64);
    auto* out = features.data_ptr<float>();
    auto* target = targets.data_ptr<std::int64_t>();
    for (std::size_t i = begin; i < end; ++i) {
        std::copy_n(d.row(indices[i]), kFlowFeatureLength, out + (i - begin) * kFlowFeatureLength);
        target[i - begin] = d.labels[indices[i]];
    }
    return {features.to(device), targets.to(device)};
}

struct Validation {
    double loss = 0;
    double accuracy = 0;
    double macroF1 = 0;
};

// Mean cross-entropy (unweighted), accuracy and macro-F1 over a set (every worker's rows of it),
// in evaluation mode.
Validation validate(Network& network, const Samples& samples,
                    const std::vector<std::size_t>& indices, std::size_t batch,
                    const torch::Device& device, DataParallel& group) {
    Validation out;
    torch::NoGradGuard noGrad;
    network.setTraining(false);
    ConfusionMatrix confusion(std::vector<std::string>(samples.classes));
    for (std::size_t start = 0; start < indices.size(); start += batch) {
        const std::size_t end = std::min(start + batch, indices.size());
        auto [input, target] = samples.batch(indices, start, end, device);
        const torch::Tensor logits = network.logits(input);
        out.loss +=
            torch::cross_entropy_loss(logits, target, {}, at::Reduction::Sum).item<double>();
        const torch::Tensor predicted = logits.argmax(1).to(torch::kCPU);
        const torch::Tensor truth = target.to(torch::kCPU);
        for (std::int64_t i = 0; i < predicted.size(0); ++i) {
            confusion.add(static_cast<std::size_t>(truth[i].item<std::int64_t>()),
                          static_cast<std::size_t>(predicted[i].item<std::int64_t>()));
        }
    }
    network.setTraining(true);
    double sums[2] = {out.loss, static_cast<double>(indices.size())};
    group.sum(sums, 2);
    if (sums[1] == 0) {
        return {};
    }
    const Metrics metrics = computeMetrics(group.sum(confusion));
    out.loss = sums[0] / sums[1];
    out.accuracy = metrics.accuracy;
    out.macroF1 = metrics.macro.f1;
    return out;
}

// Weights inversely proportional to each class's share of the training rows (mean 1 over the
// classes present); classes absent from training get weight 1. Counted over the group.
torch::Tensor classWeights(const Samples& samples, const std::vector<std::size_t>& train,
                           DataParallel& group) {
    std::vector<double> counts(samples.classes + 1, 0);
    for (std::size_t i : train) {
        counts[static_cast<std::size_t>(samples.label(i))] += 1;
    }
    counts.back() = static_cast<double>(train.size());
    group.sum(counts.data(), counts.size());
    const double total = counts.back();
    counts.pop_back();
    std::size_t present = 0;
    for (double c : counts) {
        present += c > 0 ? 1 : 0;
    }
    torch::Tensor weights = torch::ones({static_cast<std::int64_t>(samples.classes)});
    auto* w = weights.data_ptr<float>();
    for (std::size_t c = 0; c < samples.classes; ++c) {
        if (counts[c] > 0) {
            w[c] = static_cast<float>(total / (static_cast<double>(present) * counts[c]));
        }
    }
    return weights;
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

// Greedy layer-wise pre-training of the SAE's encoders (paper §2.3), each step on a global
// batch of the group's training rows.
void pretrain(SaeImpl& sae, const Dataset& d, GlobalRows& rows, const TrainingConfig& config,
              const torch::Device& device, std::mt19937_64& rng, Clock::time_point start,
              const std::function<void(const TrainingEpoch&)>& onEpoch,
              const std::atomic<bool>* cancel, DataParallel& group, TrainingOutcome& outcome) {
    std::vector<std::size_t> local;
    bool stopped = false;
    for (std::size_t layer = 0; layer < sae.encoders->size() && !stopped; ++layer) {
        auto encoder = sae.encoders[layer]->as<torch::nn::Linear>();
        torch::nn::Linear decoder(encoder->options.out_features(), encoder->options.in_features());
        decoder->to(device);
        group.broadcastParameters(decoder->parameters());
        std::vector<torch::Tensor> parameters = encoder->parameters();
        for (auto& p : decoder->parameters()) {
            parameters.push_back(p);
        }
        torch::optim::Adam optimizer(parameters, torch::optim::AdamOptions(config.learningRate));
        double first = 0;
        double last = 0;
        for (int epoch = 1; epoch <= config.pretrainEpochs && !stopped; ++epoch) {
            rows.shuffle(rng);
            double lossSum = 0;
            for (std::uint64_t b = 0; b < rows.size() && !stopped; b += config.batchSize) {
                const std::uint64_t end =
                    std::min<std::uint64_t>(b + config.batchSize, rows.size());
                rows.localRows(b, end, local);
                optimizer.zero_grad();
                if (!local.empty()) {
                    auto [input, target] = makeBatch(d, local, 0, local.size(), device);
                    torch::Tensor below;
                    {
                        // The layers below are frozen: their output is this layer's input.
                        torch::NoGradGuard noGrad;
                        sae.eval();
                        below = sae.encode(input, layer);
                    }
                    const torch::Tensor code = torch::relu(encoder->forward(below));
                    // The mean over the global batch: summed over the workers, one batch's.
                    const torch::Tensor loss =
                        torch::mse_loss(decoder->forward(code), below, at::Reduction::Sum) /
                        static_cast<double>((end - b) * static_cast<std::uint64_t>(below.size(1)));
                    loss.backward();
                    lossSum += loss.item<double>() * static_cast<double>(end - b);
                }
                stopped = group.sumGradients(parameters, stopRequested(cancel));
                optimizer.step();
            }
            group.sum(&lossSum, 1);
            last = lossSum / static_cast<double>(std::max<std::uint64_t>(1, rows.size()));
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
    outcome.interrupted = stopped;
}

// The supervised phase: cross-entropy (class-weighted when asked) with Adam, an epoch at a
// time, keeping the weights of the best epoch under the config's selection and stopping after
// `patience` epochs without a better one. Each step is one global batch of the group's rows.
void supervise(Model& model, const Samples& samples, GlobalRows& rows,
               const std::vector<std::size_t>& train, const std::vector<std::size_t>& validation,
               const TrainingConfig& config, std::mt19937_64& rng, Clock::time_point start,
               const std::function<void(const TrainingEpoch&)>& onEpoch,
               const std::atomic<bool>* cancel, DataParallel& group, TrainingOutcome& outcome) {
    Network& network = model.network();
    torch::nn::Module* module = network.module();
    const torch::Device device = module->parameters().front().device();
    const std::vector<torch::Tensor> parameters = module->parameters();
    torch::optim::Adam optimizer(parameters, torch::optim::AdamOptions(config.learningRate));
    const torch::Tensor weights =
        config.classWeights ? classWeights(samples, train, group).to(device) : torch::Tensor();
    // Without validation rows anywhere in the group, the training rows stand in.
    double validationRows = static_cast<double>(validation.size());
    group.sum(&validationRows, 1);
    const std::vector<std::size_t>& validating = validationRows > 0 ? validation : train;
    std::vector<std::size_t> local;
    std::vector<torch::Tensor> best = snapshot(network);
    // Training keeps activations and their gradients: a third of inference's pass size.
    const std::size_t rowsPerPass =
        device.is_cpu() ? std::max<std::size_t>(
                              1, (std::size_t{8} << 20) /
                                     (model.card().network.largestActivation() * sizeof(float)))
                        : config.batchSize;
    EpochSelector selector(config.selection);
    std::uint64_t samplesSeen = 0;
    double trainingSeconds = 0;
    for (int epoch = 1; epoch <= config.epochs && !outcome.interrupted; ++epoch) {
        const auto epochStart = Clock::now();
        rows.shuffle(rng);
        double lossSum = 0;
        std::uint64_t seen = 0;
        for (std::uint64_t b = 0; b < rows.size() && !outcome.interrupted; b += config.batchSize) {
            const std::uint64_t end = std::min<std::uint64_t>(b + config.batchSize, rows.size());
            rows.localRows(b, end, local);
            optimizer.zero_grad();
            // A batch goes through in passes of bounded activation size, gradients summed:
            // the same step as one pass, without the page-fault stalls of huge temporaries
            // (see Model::logProbabilities): the CNN trained 6x faster so (106 -> 638/s).
            // The loss is the global batch's mean: the workers' sums add up to it.
            for (std::size_t p = 0; p < local.size(); p += rowsPerPass) {
                const std::size_t passEnd = std::min(p + rowsPerPass, local.size());
                auto [input, target] = samples.batch(local, p, passEnd, device);
                const torch::Tensor loss =
                    torch::nn::functional::cross_entropy(
                        network.logits(input), target,
                        torch::nn::functional::CrossEntropyFuncOptions().weight(weights).reduction(
                            torch::kSum)) /
                    static_cast<double>(end - b);
                loss.backward();
                lossSum += loss.item<double>() * static_cast<double>(end - b);
            }
            outcome.interrupted = group.sumGradients(parameters, stopRequested(cancel));
            optimizer.step();
            seen += end - b;
        }
        group.sum(&lossSum, 1);
        samplesSeen += seen;
        trainingSeconds += std::chrono::duration<double>(Clock::now() - epochStart).count();
        if (outcome.interrupted) {
            break;
        }
        outcome.epochs = epoch;
        const Validation v = validate(network, samples, validating,
                                      std::min<std::size_t>(1024, rowsPerPass * 3), device, group);
        TrainingEpoch report;
        report.phase = "train";
        report.epoch = epoch;
        report.trainLoss = lossSum / static_cast<double>(std::max<std::size_t>(1, seen));
        report.validationLoss = v.loss;
        report.validationAccuracy = v.accuracy;
        report.validationMacroF1 = v.macroF1;
        report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        if (selector.offer(report)) {
            best = snapshot(network);
        }
        if (onEpoch) {
            onEpoch(report);
        }
        if (selector.sinceBest() >= config.patience) {
            outcome.stoppedEarly = true;
            break;
        }
    }
    outcome.bestEpoch = selector.bestEpoch();
    outcome.bestValidationLoss = selector.best().validationLoss;
    outcome.bestValidationMacroF1 = selector.best().validationMacroF1;
    if (outcome.bestEpoch > 0) {
        restore(network, best);
    }
    network.setTraining(false);
    outcome.samplesPerSecond =
        trainingSeconds > 0 ? static_cast<double>(samplesSeen) / trainingSeconds : 0;
    outcome.workers = group.worldSize();
    outcome.gradientSumSecondsPerStep =
        group.gradientSums() > 0
            ? group.gradientSeconds() / static_cast<double>(group.gradientSums())
            : 0;
    // The same sums and the same optimiser give the same weights everywhere; a difference
    // would be a bug, and worker 0's model would not be the group's.
    group.checkSameParameters(parameters);
}

void checkTrainable(Model& model, const GlobalRows& train, const TrainingConfig& config) {
    if (model.network().module() == nullptr) {
        throw ModelError("only Deep Packet's own networks can be trained");
    }
    if (train.size() == 0 || config.batchSize == 0) {
        throw std::invalid_argument("training needs samples and a batch size");
    }
}

}  // namespace

std::optional<Selection> parseSelection(const std::string& text) {
    if (text == "macro-f1") {
        return Selection::MacroF1;
    }
    if (text == "loss") {
        return Selection::Loss;
    }
    return std::nullopt;
}

std::string selectionName(Selection selection) {
    switch (selection) {
        case Selection::Loss:
            return "loss";
        case Selection::Last:
            return "last";
        case Selection::MacroF1:
            break;
    }
    return "macro-f1";
}

bool EpochSelector::offer(const TrainingEpoch& epoch) {
    bool better = !any_;
    if (any_) {
        if (selection_ == Selection::Last) {
            better = true;
        } else if (selection_ == Selection::Loss) {
            better = epoch.validationLoss < best_.validationLoss;
        } else {
            better = epoch.validationMacroF1 > best_.validationMacroF1 ||
                     (epoch.validationMacroF1 == best_.validationMacroF1 &&
                      epoch.validationLoss < best_.validationLoss);
        }
    }
    if (better) {
        best_ = epoch;
        any_ = true;
        sinceBest_ = 0;
    } else {
        ++sinceBest_;
    }
    return better;
}

namespace {

// The capture files rows may come from: the data set's list (in a group, the whole list),
// or more where rows were made without one.
template <typename Rows>
std::size_t fileCount(const Rows& dataset) {
    std::size_t files = dataset.files.size();
    for (auto index : dataset.fileIndex) {
        files = std::max<std::size_t>(files, std::size_t{index} + 1);
    }
    return files;
}

// The one training loop of packet and flow models: pre-training for the SAE, then the
// supervised phase, over the group's rows.
TrainingOutcome trainSamples(Model& model, const Dataset* packets, const Samples& samples,
                             const std::vector<std::size_t>& train,
                             const std::vector<std::size_t>& validation,
                             const TrainingConfig& config,
                             const std::function<void(const TrainingEpoch&)>& onEpoch,
                             const std::atomic<bool>* cancel) {
    DataParallel group(config.group);
    GlobalRows rows(train, samples.file, samples.files, group);
    checkTrainable(model, rows, config);
    const auto start = Clock::now();
    // The batches' order is the group's (one generator, seeded alike everywhere); dropout's
    // masks are each worker's own, as each worker draws them for rows of its own.
    torch::manual_seed(config.seed + 7919 * static_cast<std::uint64_t>(group.rank()));
    std::mt19937_64 rng(config.seed);
    TrainingOutcome outcome;
    Network& network = model.network();
    group.broadcastParameters(network.module()->parameters());
    network.setTraining(true);
    const torch::Device device = network.module()->parameters().front().device();
    if (auto* sae = dynamic_cast<SaeImpl*>(network.module()); sae != nullptr && packets) {
        pretrain(*sae, *packets, rows, config, device, rng, start, onEpoch, cancel, group, outcome);
        network.setTraining(true);
    }
    supervise(model, samples, rows, train, validation, config, rng, start, onEpoch, cancel, group,
              outcome);
    return outcome;
}

}  // namespace

TrainingOutcome trainModel(Model& model, const Dataset& dataset,
                           const std::vector<std::size_t>& train,
                           const std::vector<std::size_t>& validation, const TrainingConfig& config,
                           const std::function<void(const TrainingEpoch&)>& onEpoch,
                           const std::atomic<bool>* cancel) {
    if (model.classifiesFlows() || dataset.vectorLength != model.inputLength()) {
        throw std::invalid_argument("the data set's vectors do not fit the network's input");
    }
    Samples samples;
    samples.batch = [&dataset](const std::vector<std::size_t>& indices, std::size_t begin,
                               std::size_t end, const torch::Device& on) {
        return makeBatch(dataset, indices, begin, end, on);
    };
    samples.label = [&dataset](std::size_t i) { return dataset.labels[i]; };
    samples.file = [&dataset](std::size_t i) { return dataset.fileIndex[i]; };
    samples.files = fileCount(dataset);
    samples.classes = dataset.classes.size();
    return trainSamples(model, &dataset, samples, train, validation, config, onEpoch, cancel);
}

TrainingOutcome trainFlowModel(Model& model, const FlowDataset& dataset,
                               const std::vector<std::size_t>& train,
                               const std::vector<std::size_t>& validation,
                               const TrainingConfig& config,
                               const std::function<void(const TrainingEpoch&)>& onEpoch,
                               const std::atomic<bool>* cancel) {
    if (!model.classifiesFlows()) {
        throw std::invalid_argument("a packet model cannot be trained on flows");
    }
    Samples samples;
    samples.batch = [&dataset](const std::vector<std::size_t>& indices, std::size_t begin,
                               std::size_t end, const torch::Device& on) {
        return makeFlowBatch(dataset, indices, begin, end, on);
    };
    samples.label = [&dataset](std::size_t i) { return dataset.labels[i]; };
    samples.file = [&dataset](std::size_t i) { return dataset.fileIndex[i]; };
    samples.files = fileCount(dataset);
    samples.classes = dataset.classes.size();
    return trainSamples(model, nullptr, samples, train, validation, config, onEpoch, cancel);
}

namespace {

// Scores a flow model's verdicts on `rows`: each row one flow, counted `packets` times in the
// packet matrix.
Evaluation scoreFlowRows(Model& model, const FlowDataset& dataset,
                         const std::vector<std::size_t>& rows, WorkerGroup* group) {
    const std::size_t classes = model.classCount();
    ConfusionMatrix packets(model.card().classes);
    ConfusionMatrix flows(model.card().classes);
    std::vector<float> features;
    std::vector<float> out;
    constexpr std::size_t kBatch = 1024;
    for (std::size_t start = 0; start < rows.size(); start += kBatch) {
        const std::size_t end = std::min(start + kBatch, rows.size());
        features.resize((end - start) * kFlowFeatureLength);
        for (std::size_t i = start; i < end; ++i) {
            std::copy_n(dataset.row(rows[i]), kFlowFeatureLength,
                        features.data() + (i - start) * kFlowFeatureLength);
        }
        out.resize((end - start) * classes);
        model.flowLogProbabilities(features.data(), end - start, out.data());
        for (std::size_t i = start; i < end; ++i) {
            const float* row = out.data() + (i - start) * classes;
            const auto predicted =
                static_cast<std::size_t>(std::max_element(row, row + classes) - row);
            const auto truth = static_cast<std::size_t>(dataset.labels[rows[i]]);
            flows.add(truth, predicted);
            packets.add(truth, predicted, dataset.packets[rows[i]]);
        }
    }
    DataParallel parallel(group);
    const ConfusionMatrix allPackets = parallel.sum(packets);
    return evaluate(allPackets, parallel.sum(flows));
}

}  // namespace

Evaluation evaluateFlowsOnSplit(Model& model, const FlowDataset& dataset,
                                const std::vector<std::size_t>& rows, WorkerGroup* group) {
    return scoreFlowRows(model, dataset, dataset.wholeFlows(rows), group);
}

Evaluation evaluateEarlyFlowsOnSplit(Model& model, const FlowDataset& dataset,
                                     const std::vector<std::size_t>& rows, std::uint32_t packets,
                                     WorkerGroup* group) {
    return scoreFlowRows(model, dataset, dataset.firstPackets(rows, packets), group);
}

Evaluation evaluateOnSplit(Model& model, const Dataset& dataset,
                           const std::vector<std::size_t>& test, WorkerGroup* group) {
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
    // A flow lies in one capture, so in one worker's rows: its verdict is whole there.
    DataParallel parallel(group);
    const ConfusionMatrix allPackets = parallel.sum(packets);
    return evaluate(allPackets, parallel.sum(flows));
}

}  // namespace deeppacket
