#include "models/attribution.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/compute_device.h"
#include "models/network.h"

namespace deeppacket {

ByteAttribution attributeBytes(Model& model, const std::uint8_t* vector,
                               std::optional<std::uint32_t> classIndex, int steps) {
    if (model.classifiesFlows()) {
        throw ModelError("a flow model has no packet bytes to attribute");
    }
    steps = std::max(1, steps);
    const auto length = static_cast<std::int64_t>(model.inputLength());
    const torch::Device device =
        resolveDevice(model.device()) == DeviceChoice::Cuda ? torch::kCUDA : torch::kCPU;
    Network& network = model.network();
    network.setTraining(false);

    const torch::Tensor bytes =
        torch::from_blob(const_cast<std::uint8_t*>(vector), {1, length}, torch::kUInt8);
    const torch::Tensor input = networkInput(bytes, device);  // [1, L] in [0, 1]

    ByteAttribution out;
    {
        torch::NoGradGuard noGrad;
        const torch::Tensor ends =
            network.logProbabilities(torch::cat({input, torch::zeros_like(input)}))
                .to(torch::kCPU, torch::kFloat64);
        const auto packet = ends[0];
        out.classIndex =
            classIndex ? *classIndex : static_cast<std::uint32_t>(packet.argmax().item<int64_t>());
        if (out.classIndex >= static_cast<std::uint32_t>(packet.size(0))) {
            throw ModelError("no class " + std::to_string(out.classIndex) + " in the model");
        }
        const torch::Tensor probabilities = packet.exp();
        for (std::int64_t c = 0; c < probabilities.size(0); ++c) {
            out.probabilities.push_back(static_cast<float>(probabilities[c].item<double>()));
        }
        out.logProbability = packet[out.classIndex].item<double>();
        out.baselineLogProbability = ends[1][out.classIndex].item<double>();
    }

    // The path's points as one batch: [steps, L], each row a_k * x.
    const torch::Tensor alphas =
        (torch::arange(steps, torch::TensorOptions().dtype(torch::kFloat32)) + 0.5)
            .div_(static_cast<double>(steps))
            .unsqueeze(1)
            .to(device);
    torch::Tensor path = (alphas * input).detach().requires_grad_(true);
    const torch::Tensor logp = network.logProbabilities(path);
    if (!logp.requires_grad()) {
        throw ModelError("this model's network gives no gradients, so no attribution");
    }
    logp.select(1, out.classIndex).sum().backward();
    const torch::Tensor attribution =
        (path.grad().mean(0) * input.squeeze(0)).to(torch::kCPU, torch::kFloat32).contiguous();
    const float* a = attribution.data_ptr<float>();
    out.perByte.assign(a, a + length);
    const double sum = std::accumulate(out.perByte.begin(), out.perByte.end(), 0.0);
    out.sumError = std::abs(sum - (out.logProbability - out.baselineLogProbability));
    return out;
}

}  // namespace deeppacket
