#include "models/networks.h"

#include <torch/nn/functional/activation.h>
#include <torch/nn/functional/dropout.h>

#include "core/flow_features.h"

namespace deeppacket {

namespace F = torch::nn::functional;

SaeImpl::SaeImpl(const NetworkSpec& spec) : dropout(spec.dropout) {
    encoders = register_module("encoders", torch::nn::ModuleList());
    std::int64_t width = spec.inputLength;
    for (int size : spec.hidden) {
        encoders->push_back(torch::nn::Linear(width, size));
        width = size;
    }
    head = register_module("head", torch::nn::Linear(width, spec.classes));
}

torch::Tensor SaeImpl::encode(torch::Tensor x, std::size_t layers) {
    for (std::size_t i = 0; i < layers && i < encoders->size(); ++i) {
        x = torch::relu(encoders[i]->as<torch::nn::Linear>()->forward(x));
        x = F::dropout(x, F::DropoutFuncOptions().p(dropout).training(is_training()));
    }
    return x;
}

torch::Tensor SaeImpl::forward(torch::Tensor x) {
    return head->forward(encode(std::move(x), encoders->size()));
}

CnnImpl::CnnImpl(const NetworkSpec& spec) : dropout(spec.dropout) {
    convolutions = register_module("convolutions", torch::nn::ModuleList());
    std::int64_t channels = 1;
    for (const auto& c : spec.conv) {
        convolutions->push_back(torch::nn::Conv1d(
            torch::nn::Conv1dOptions(channels, c.filters, c.kernel).stride(c.stride)));
        channels = c.filters;
    }
    pool = register_module("pool", torch::nn::AvgPool1d(torch::nn::AvgPool1dOptions(spec.pool)));
    dense = register_module("dense", torch::nn::ModuleList());
    std::int64_t width = channels * spec.convOutputLength();
    for (int size : spec.hidden) {
        dense->push_back(torch::nn::Linear(width, size));
        width = size;
    }
    head = register_module("head", torch::nn::Linear(width, spec.classes));
}

torch::Tensor CnnImpl::forward(torch::Tensor x) {
    x = x.unsqueeze(1);  // one input channel
    for (const auto& conv : *convolutions) {
        x = torch::relu(conv->as<torch::nn::Conv1d>()->forward(x));
    }
    x = pool->forward(x);
    x = F::dropout(x, F::DropoutFuncOptions().p(dropout).training(is_training()));
    x = x.flatten(1);
    for (const auto& layer : *dense) {
        x = torch::relu(layer->as<torch::nn::Linear>()->forward(x));
    }
    return head->forward(x);
}

FlowNetImpl::FlowNetImpl(const NetworkSpec& spec) : dropout(spec.dropout) {
    std::int64_t channels = kFlowPacketFeatures;
    if (spec.sizeEmbedding > 0) {
        sizes = register_module(
            "size_embedding",
            torch::nn::Embedding(NetworkSpec::kSizeEmbeddingRows, spec.sizeEmbedding));
        channels += spec.sizeEmbedding;
    }
    convolutions = register_module("convolutions", torch::nn::ModuleList());
    for (const auto& c : spec.conv) {
        convolutions->push_back(torch::nn::Conv1d(
            torch::nn::Conv1dOptions(channels, c.filters, c.kernel).padding(c.kernel / 2)));
        channels = c.filters;
    }
    dense = register_module("dense", torch::nn::ModuleList());
    std::int64_t width = spec.inputLength + 2 * channels;
    for (int size : spec.hidden) {
        dense->push_back(torch::nn::Linear(width, size));
        width = size;
    }
    head = register_module("head", torch::nn::Linear(width, spec.classes));
}

torch::Tensor FlowNetImpl::forward(torch::Tensor x) {
    const auto steps = static_cast<std::int64_t>(kFlowSequenceLength);
    const auto perStep = static_cast<std::int64_t>(kFlowPacketFeatures);
    // [N, steps * perStep] -> [N, perStep, steps]: the packet features are the channels.
    torch::Tensor sequence = x.narrow(1, 0, steps * perStep).view({-1, steps, perStep});
    const torch::Tensor present = sequence.select(2, 0).unsqueeze(1);  // [N, 1, steps]
    if (sizes) {
        // Back from length / 1500 to the length, and the other direction in the upper half;
        // positions past the flow's packets get a zero vector, as their features are zeros.
        const torch::Tensor length = (sequence.select(2, 2) * double{kFlowLengthScale})
                                         .round()
                                         .clamp(0, kFlowLengthScale)
                                         .to(torch::kLong);
        const torch::Tensor backward = sequence.select(2, 1).lt(0).to(torch::kLong);
        const torch::Tensor vectors =
            sizes->forward(length + backward * NetworkSpec::kSizeEmbeddingLengths) *
            present.transpose(1, 2);
        sequence = torch::cat({sequence, vectors}, 2);
    }
    torch::Tensor h = sequence.transpose(1, 2);
    for (const auto& conv : *convolutions) {
        h = torch::relu(conv->as<torch::nn::Conv1d>()->forward(h));
    }
    // Mean and maximum over the packets the flow has (a flow of 3 packets is not 29 empty
    // ones); ReLU outputs are >= 0, so masking with 0 leaves the maximum right.
    const torch::Tensor count = present.sum(2).clamp_min(1.0);
    h = h * present;
    const torch::Tensor mean = h.sum(2) / count;
    const torch::Tensor largest = std::get<0>(h.max(2));
    x = torch::cat({x, mean, largest}, 1);
    for (const auto& layer : *dense) {
        x = torch::relu(layer->as<torch::nn::Linear>()->forward(x));
        x = F::dropout(x, F::DropoutFuncOptions().p(dropout).training(is_training()));
    }
    return head->forward(x);
}

}  // namespace deeppacket
