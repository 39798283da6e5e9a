#include "models/model_conversion.h"

#include <torch/types.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "models/network.h"

namespace deeppacket {
namespace {

constexpr float kTolerance = 1e-4f;           // largest difference of log-probabilities accepted
constexpr std::size_t kLargestWindow = 8;     // strides and pooling windows tried
constexpr std::size_t kMostConvolutions = 3;  // 8^4 stride and pooling combinations at most

struct Layer {
    std::vector<std::int64_t> weight;  // [out, in] or [filters, channels, kernel]
};

// The module's layers, when its parameters come as (weight, bias) pairs in order.
std::vector<Layer> layersOf(const std::vector<std::pair<std::string, torch::Tensor>>& parameters,
                            const std::string& source) {
    std::vector<Layer> layers;
    for (std::size_t i = 0; i + 1 < parameters.size(); i += 2) {
        const torch::Tensor& w = parameters[i].second;
        const torch::Tensor& b = parameters[i + 1].second;
        if ((w.dim() != 2 && w.dim() != 3) || b.dim() != 1 || b.size(0) != w.size(0)) {
            throw ModelError(source + ": cannot convert: '" + parameters[i].first + "' and '" +
                             parameters[i + 1].first +
                             "' are not the weight and bias of a linear or convolution layer");
        }
        layers.push_back({w.sizes().vec()});
    }
    if (layers.empty() || parameters.size() % 2 != 0) {
        throw ModelError(source +
                         ": cannot convert: the module's parameters are not (weight, "
                         "bias) pairs of linear or convolution layers");
    }
    return layers;
}

// Every spec of this program's networks whose weights have the module's shapes.
std::vector<NetworkSpec> candidateSpecs(const std::vector<Layer>& layers, const ModelCard& card) {
    std::vector<NetworkSpec> out;
    std::size_t convolutions = 0;
    while (convolutions < layers.size() && layers[convolutions].weight.size() == 3) {
        ++convolutions;
    }
    NetworkSpec base;
    base.inputLength = card.network.inputLength;
    base.classes = card.network.classes;
    for (std::size_t i = convolutions; i + 1 < layers.size(); ++i) {
        base.hidden.push_back(static_cast<int>(layers[i].weight[0]));
    }
    if (convolutions == 0) {
        base.kind = NetworkKind::Sae;
        out.push_back(base);
    } else if (convolutions < layers.size() && convolutions <= kMostConvolutions) {
        base.kind = NetworkKind::Cnn;
        // Strides and pooling are not in the parameters: try each small combination.
        std::size_t combinations = kLargestWindow;
        for (std::size_t c = 0; c < convolutions; ++c) {
            combinations *= kLargestWindow;
        }
        for (std::size_t n = 0; n < combinations; ++n) {
            NetworkSpec spec = base;
            std::size_t rest = n;
            for (std::size_t c = 0; c < convolutions; ++c) {
                const auto& w = layers[c].weight;
                spec.conv.push_back({static_cast<int>(w[0]), static_cast<int>(w[2]),
                                     static_cast<int>(rest % kLargestWindow) + 1});
                rest /= kLargestWindow;
            }
            spec.pool = static_cast<int>(rest % kLargestWindow) + 1;
            out.push_back(spec);
        }
    }
    std::vector<NetworkSpec> fitting;
    for (const NetworkSpec& spec : out) {
        if (!spec.problem().empty()) {
            continue;
        }
        const std::vector<ParameterShape> shapes = spec.parameterShapes();
        bool same = shapes.size() == layers.size() * 2;
        for (std::size_t i = 0; same && i < layers.size(); ++i) {
            same = shapes[2 * i].shape == layers[i].weight;
        }
        if (same) {
            fitting.push_back(spec);
        }
    }
    return fitting;
}

}  // namespace

Model convertToDataModel(Model& program, const std::string& source) {
    if (program.card().network.kind != NetworkKind::TorchScript) {
        throw ModelError(source + ": already a Deep Packet model");
    }
    const auto parameters = program.network().namedParameters();
    const std::vector<NetworkSpec> specs =
        candidateSpecs(layersOf(parameters, source), program.card());
    if (specs.empty()) {
        throw ModelError(source +
                         ": cannot convert: the module's layer shapes are not those of "
                         "an SAE or a CNN of this program for " +
                         std::to_string(program.card().network.inputLength) + " inputs and " +
                         std::to_string(program.card().network.classes) + " classes");
    }
    // Probe inputs: random bytes, and the all-zero and all-255 vectors.
    const std::size_t rows = 16;
    const std::size_t columns = program.inputLength();
    std::vector<std::uint8_t> probe(rows * columns);
    std::mt19937 random(7);
    for (auto& byte : probe) {
        byte = static_cast<std::uint8_t>(random() & 0xff);
    }
    std::fill_n(probe.begin(), columns, std::uint8_t{0});
    std::fill_n(probe.begin() + static_cast<std::ptrdiff_t>(columns), columns, std::uint8_t{255});
    std::vector<float> expected(rows * program.classCount());
    program.logProbabilities(probe.data(), rows, expected.data());

    float closest = INFINITY;
    for (const NetworkSpec& spec : specs) {
        ModelCard card = program.card();
        card.network = spec;
        card.outputKind = "logits";
        card.provenance.notes +=
            std::string(card.provenance.notes.empty() ? "" : " ") +
            "Converted from a TorchScript model, checked to give the same outputs.";
        Model native = Model::create(card, 0);
        {
            torch::NoGradGuard noGrad;
            auto target = native.network().namedParameters();
            for (std::size_t i = 0; i < target.size(); ++i) {
                target[i].second.copy_(
                    parameters[i].second.detach().to(torch::kCPU, torch::kFloat32));
            }
        }
        std::vector<float> got(expected.size());
        native.logProbabilities(probe.data(), rows, got.data());
        float difference = 0;
        for (std::size_t i = 0; i < got.size(); ++i) {
            difference = std::max(difference, std::fabs(got[i] - expected[i]));
        }
        if (difference <= kTolerance) {
            return native;
        }
        closest = std::min(closest, difference);
    }
    throw ModelError(source +
                     ": cannot convert: a network of the same layer shapes gives other "
                     "outputs (log-probabilities differ by up to " +
                     std::to_string(closest) +
                     "): the module computes something besides linear or convolution layers "
                     "with ReLU");
}

}  // namespace deeppacket
