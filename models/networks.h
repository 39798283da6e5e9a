#pragma once

// The paper's two networks as LibTorch modules. Internal to models/: only its .cpp files include
// this header; everything else sees the plain C++ interface of model.h.

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/pooling.h>
#include <torch/nn/pimpl.h>

#include "models/network_spec.h"

namespace deeppacket {

// Stacked autoencoder classifier: the encoder layers (Linear + ReLU + dropout) and a linear
// head giving logits. The decoders of layer-wise pre-training are not part of it: training
// makes them on the side and throws them away.
struct SaeImpl : torch::nn::Module {
    explicit SaeImpl(const NetworkSpec& spec);
    torch::Tensor forward(torch::Tensor x);  // [N, inputLength] in [0, 1] -> [N, classes] logits

    // The first `layers` encoder layers (0 = the input itself), in evaluation mode or not as
    // the module is: what layer `layers` of pre-training reconstructs.
    torch::Tensor encode(torch::Tensor x, std::size_t layers);

    torch::nn::ModuleList encoders;
    torch::nn::Linear head{nullptr};
    double dropout;
};
TORCH_MODULE(Sae);

// 1D CNN: convolutions with ReLU, average pooling, dropout, dense layers with ReLU, linear head.
struct CnnImpl : torch::nn::Module {
    explicit CnnImpl(const NetworkSpec& spec);
    torch::Tensor forward(torch::Tensor x);  // [N, inputLength] in [0, 1] -> [N, classes] logits

    torch::nn::ModuleList convolutions;
    torch::nn::AvgPool1d pool{nullptr};
    torch::nn::ModuleList dense;
    torch::nn::Linear head{nullptr};
    double dropout;
};
TORCH_MODULE(Cnn);

// Flow network (not in the paper): convolutions over the sequence of a flow's first packets,
// their mean and maximum over the packets present, concatenated with the raw features (the
// positions matter: a TLS handshake's sizes are its first packets), then dense layers with ReLU
// and dropout, and a linear head.
struct FlowNetImpl : torch::nn::Module {
    explicit FlowNetImpl(const NetworkSpec& spec);
    torch::Tensor forward(torch::Tensor x);  // [N, kFlowFeatureLength] -> [N, classes] logits

    torch::nn::Embedding sizes{nullptr};  // absent when the spec has no size embedding
    torch::nn::ModuleList convolutions;
    torch::nn::ModuleList dense;
    torch::nn::Linear head{nullptr};
    double dropout;
};
TORCH_MODULE(FlowNet);

}  // namespace deeppacket
