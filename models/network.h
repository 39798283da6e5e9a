#pragma once

// What a Model runs: a LibTorch module behind one small interface. Internal to models/.

#include <torch/types.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/network_spec.h"

namespace torch::nn {
class Module;
}

namespace deeppacket {

class Network {
  public:
    virtual ~Network() = default;

    // [N, inputLength] floats in [0, 1] -> [N, classes] log-probabilities.
    virtual torch::Tensor logProbabilities(const torch::Tensor& input) = 0;
    // The raw output the network trains on (logits), for the networks that can be trained.
    virtual torch::Tensor logits(const torch::Tensor& input) = 0;
    virtual void setTraining(bool training) = 0;
    virtual void to(const torch::Device& device) = 0;
    virtual std::vector<std::pair<std::string, torch::Tensor>> namedParameters() const = 0;
    // The module of a native network (for optimizers and layer-wise training); null otherwise.
    virtual torch::nn::Module* module() { return nullptr; }
};

// The network input of byte vectors, for inference and training alike: [N, length] bytes (on
// any device; they travel as bytes, 4x less than floats) -> [N, length] floats on `device`,
// every byte divided by 255 (paper §3.2: values in [0, 1]).
inline torch::Tensor networkInput(const torch::Tensor& bytes, const torch::Device& device) {
    return bytes.to(device).to(torch::kFloat32).div_(255.0);
}

// The paper's SAE or CNN for a spec, with fresh weights.
std::unique_ptr<Network> makeNativeNetwork(const NetworkSpec& spec);

// A TorchScript archive. `outputKind` says what its forward returns: "logits",
// "log_probabilities" or "probabilities". Throws ModelError.
std::unique_ptr<Network> loadTorchScriptNetwork(const std::string& path,
                                                const std::string& outputKind);

}  // namespace deeppacket
