#include <torch/nn/functional/activation.h>

#include "models/network.h"
#include "models/networks.h"

namespace deeppacket {
namespace {

// Holds an SAE, CNN or flow module (each maps [N, L] inputs to logits).
template <typename Holder>
class NativeNetwork final : public Network {
  public:
    explicit NativeNetwork(const NetworkSpec& spec) : net_(spec) {}

    torch::Tensor logits(const torch::Tensor& input) override { return net_->forward(input); }
    torch::Tensor logProbabilities(const torch::Tensor& input) override {
        return torch::log_softmax(net_->forward(input), 1);
    }
    void setTraining(bool training) override { net_->train(training); }
    void to(const torch::Device& device) override { net_->to(device); }
    std::vector<std::pair<std::string, torch::Tensor>> namedParameters() const override {
        std::vector<std::pair<std::string, torch::Tensor>> out;
        for (const auto& item : net_->named_parameters()) {
            out.emplace_back(item.key(), item.value());
        }
        for (const auto& item : net_->named_buffers()) {
            out.emplace_back(item.key(), item.value());
        }
        return out;
    }
    torch::nn::Module* module() override { return net_.get(); }

  private:
    Holder net_;
};

}  // namespace

std::unique_ptr<Network> makeNativeNetwork(const NetworkSpec& spec) {
    if (spec.kind == NetworkKind::Cnn) {
        return std::make_unique<NativeNetwork<Cnn>>(spec);
    }
    if (spec.kind == NetworkKind::Flow) {
        return std::make_unique<NativeNetwork<FlowNet>>(spec);
    }
    return std::make_unique<NativeNetwork<Sae>>(spec);
}

}  // namespace deeppacket
