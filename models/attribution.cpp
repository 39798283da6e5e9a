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

    // The mean gradient over the path's points, in batches of at most kBatch points so that
    // memory stays bounded. A ReLU network's log-probability can change by many nats within a
    // sliver of the path, so a rule with too few points misses it: the sum of the attributions
    // then falls short of the change. The points are multiplied until it does not, or up to
    // kMaxSteps, and the error left is reported.
    constexpr int kBatch = 256;
    constexpr int kMaxSteps = 4096;
    const double change = out.logProbability - out.baselineLogProbability;
    const double tolerance = std::max(0.01, 0.02 * std::abs(change));
    for (int n = steps;; n *= 4) {
        torch::Tensor gradientSum = torch::zeros({length}, input.options());
        for (int first = 0; first < n; first += kBatch) {
            const int count = std::min(kBatch, n - first);
            const torch::Tensor alphas =
                (torch::arange(first, first + count,
                               torch::TensorOptions().dtype(torch::kFloat32)) +
                 0.5)
                    .div_(static_cast<double>(n))
                    .unsqueeze(1)
                    .to(device);
            torch::Tensor path = (alphas * input).detach().requires_grad_(true);
            const torch::Tensor logp = network.logProbabilities(path);
            if (!logp.requires_grad()) {
                throw ModelError("this model's network gives no gradients, so no attribution");
            }
            logp.select(1, out.classIndex).sum().backward();
            gradientSum += path.grad().sum(0);
        }
        const torch::Tensor attribution =
            (gradientSum.div(static_cast<double>(n)) * input.squeeze(0))
                .to(torch::kCPU, torch::kFloat32)
                .contiguous();
        const float* a = attribution.data_ptr<float>();
        out.perByte.assign(a, a + length);
        out.steps = n;
        const double sum = std::accumulate(out.perByte.begin(), out.perByte.end(), 0.0);
        out.sumError = std::abs(sum - change);
        if (out.sumError <= tolerance || n * 4 > kMaxSteps) {
            break;
        }
    }
    return out;
}

}  // namespace deeppacket
