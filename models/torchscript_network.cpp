#include <torch/script.h>

#include "models/model_card.h"
#include "models/network.h"

namespace deeppacket {
namespace {

class TorchScriptNetwork final : public Network {
  public:
    TorchScriptNetwork(torch::jit::Module module, std::string outputKind)
        : module_(std::move(module)), outputKind_(std::move(outputKind)) {}

    torch::Tensor logits(const torch::Tensor& input) override {
        return module_.forward({input}).toTensor();
    }
    torch::Tensor logProbabilities(const torch::Tensor& input) override {
        torch::Tensor out = logits(input);
        if (outputKind_ == "probabilities") {
            return torch::log(out.clamp_min(1e-30));
        }
        if (outputKind_ == "log_probabilities") {
            return out;
        }
        return torch::log_softmax(out, 1);
    }
    void setTraining(bool training) override { module_.train(training); }
    void to(const torch::Device& device) override { module_.to(device); }
    std::vector<std::pair<std::string, torch::Tensor>> namedParameters() const override {
        std::vector<std::pair<std::string, torch::Tensor>> out;
        for (const auto& item : module_.named_parameters()) {
            out.emplace_back(item.name, item.value);
        }
        return out;
    }

  private:
    torch::jit::Module module_;
    std::string outputKind_;
};

}  // namespace

std::unique_ptr<Network> loadTorchScriptNetwork(const std::string& path,
                                                const std::string& outputKind) {
    try {
        auto module = torch::jit::load(path, torch::kCPU);
        module.eval();
        return std::make_unique<TorchScriptNetwork>(std::move(module), outputKind);
    } catch (const c10::Error& e) {
        throw ModelError(path + ": not a loadable TorchScript module (" +
                         std::string(e.what_without_backtrace()) + ")");
    }
}

}  // namespace deeppacket
