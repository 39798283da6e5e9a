#include "models/networks.h"

#include <torch/nn/functional/activation.h>
#include <torch/nn/functional/dropout.h>

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

}  // namespace deeppacket
