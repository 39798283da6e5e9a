#include "models/network_spec.h"

#include <algorithm>

#include "core/flow_features.h"

namespace deeppacket {
namespace {

constexpr int kMaxSizeEmbedding = 256;
static_assert(NetworkSpec::kSizeEmbeddingLengths == kFlowLengthScale + 1,
              "the size embedding has a row for every length the flow features can say");

}  // namespace

std::string networkKindName(NetworkKind kind) {
    switch (kind) {
        case NetworkKind::Sae:
            return "sae";
        case NetworkKind::Cnn:
            return "cnn";
        case NetworkKind::Flow:
            return "flow";
        case NetworkKind::TorchScript:
            return "torchscript";
    }
    return "sae";
}

std::optional<NetworkKind> parseNetworkKind(const std::string& text) {
    if (text == "sae") {
        return NetworkKind::Sae;
    }
    if (text == "cnn") {
        return NetworkKind::Cnn;
    }
    if (text == "flow") {
        return NetworkKind::Flow;
    }
    if (text == "torchscript") {
        return NetworkKind::TorchScript;
    }
    return std::nullopt;
}

NetworkSpec NetworkSpec::paperSae(int classes, int inputLength) {
    NetworkSpec s;
    s.kind = NetworkKind::Sae;
    s.inputLength = inputLength;
    s.classes = classes;
    s.hidden = {400, 300, 200, 100, 50};
    return s;
}

NetworkSpec NetworkSpec::paperCnn(int classes, int inputLength) {
    NetworkSpec s;
    s.kind = NetworkKind::Cnn;
    s.inputLength = inputLength;
    s.classes = classes;
    s.conv = {{200, 5, 3}, {80, 4, 3}};
    s.pool = 2;
    s.hidden = {600, 500, 400, 300, 200, 100, 50};
    return s;
}

NetworkSpec NetworkSpec::flowNetwork(int classes) {
    NetworkSpec s;
    s.kind = NetworkKind::Flow;
    s.inputLength = static_cast<int>(kFlowFeatureLength);
    s.classes = classes;
    s.conv = {{32, 3, 1}, {64, 3, 1}};
    s.hidden = {256, 128};
    s.dropout = 0.1;
    s.sizeEmbedding = 16;
    return s;
}

int NetworkSpec::convOutputLength() const {
    int length = inputLength;
    for (const auto& c : conv) {
        if (c.kernel <= 0 || c.stride <= 0 || length < c.kernel) {
            return 0;
        }
        length = (length - c.kernel) / c.stride + 1;
    }
    return pool > 0 ? length / pool : 0;
}

std::size_t NetworkSpec::largestActivation() const {
    std::size_t largest = static_cast<std::size_t>(inputLength);
    if (kind == NetworkKind::Flow) {
        largest =
            std::max(largest, (kFlowPacketFeatures + static_cast<std::size_t>(sizeEmbedding)) *
                                  kFlowSequenceLength);
        for (const auto& c : conv) {
            largest = std::max(largest, static_cast<std::size_t>(c.filters) * kFlowSequenceLength);
        }
    }
    for (int h : hidden) {
        largest = std::max(largest, static_cast<std::size_t>(h));
    }
    int length = inputLength;
    for (const auto& c : conv) {
        if (c.stride <= 0 || length < c.kernel) {
            break;
        }
        length = (length - c.kernel) / c.stride + 1;
        largest = std::max(largest,
                           static_cast<std::size_t>(c.filters) * static_cast<std::size_t>(length));
    }
    return largest;
}

std::vector<ParameterShape> NetworkSpec::parameterShapes() const {
    std::vector<ParameterShape> out;
    auto layer = [&out](const std::string& prefix, std::vector<std::int64_t> weight) {
        const std::int64_t outputs = weight.front();
        out.push_back({prefix + ".weight", std::move(weight)});
        out.push_back({prefix + ".bias", {outputs}});
    };
    if (kind == NetworkKind::TorchScript) {
        return out;
    }
    std::int64_t width = inputLength;
    if (kind == NetworkKind::Flow) {
        if (sizeEmbedding > 0) {
            out.push_back({"size_embedding.weight", {kSizeEmbeddingRows, sizeEmbedding}});
        }
        std::int64_t channels = static_cast<std::int64_t>(kFlowPacketFeatures) + sizeEmbedding;
        for (std::size_t i = 0; i < conv.size(); ++i) {
            layer("convolutions." + std::to_string(i), {conv[i].filters, channels, conv[i].kernel});
            channels = conv[i].filters;
        }
        width = inputLength + 2 * channels;  // the features, and the pooled sequence twice
    }
    if (kind == NetworkKind::Cnn) {
        std::int64_t channels = 1;
        for (std::size_t i = 0; i < conv.size(); ++i) {
            layer("convolutions." + std::to_string(i), {conv[i].filters, channels, conv[i].kernel});
            channels = conv[i].filters;
        }
        width = channels * convOutputLength();
    }
    const std::string group = kind == NetworkKind::Sae ? "encoders." : "dense.";
    for (std::size_t i = 0; i < hidden.size(); ++i) {
        layer(group + std::to_string(i), {hidden[i], width});
        width = hidden[i];
    }
    layer("head", {classes, width});
    return out;
}

std::string NetworkSpec::problem() const {
    if (inputLength < 1) {
        return "input length must be positive";
    }
    if (classes < 2) {
        return "a classifier needs at least 2 classes, not " + std::to_string(classes);
    }
    if (dropout < 0 || dropout >= 1) {
        return "dropout must be in [0, 1)";
    }
    for (int h : hidden) {
        if (h < 1) {
            return "hidden layer sizes must be positive";
        }
    }
    if (kind == NetworkKind::Flow) {
        if (inputLength != static_cast<int>(kFlowFeatureLength)) {
            return "a flow network takes " + std::to_string(kFlowFeatureLength) +
                   " flow features, not " + std::to_string(inputLength);
        }
        if (sizeEmbedding < 0 || sizeEmbedding > kMaxSizeEmbedding) {
            return "a flow network's size embedding must be 0 to " +
                   std::to_string(kMaxSizeEmbedding) + " wide";
        }
        for (const auto& c : conv) {
            if (c.filters < 1 || c.kernel < 1 || c.kernel % 2 == 0 || c.stride != 1) {
                return "a flow network's convolutions need positive filters, an odd kernel and "
                       "stride 1";
            }
        }
    }
    if (kind != NetworkKind::Flow && sizeEmbedding != 0) {
        return "only a flow network has a size embedding";
    }
    if (kind == NetworkKind::Cnn) {
        if (conv.empty()) {
            return "a CNN needs at least one convolution";
        }
        for (const auto& c : conv) {
            if (c.filters < 1 || c.kernel < 1 || c.stride < 1) {
                return "convolution filters, kernel and stride must be positive";
            }
        }
        if (pool < 1) {
            return "pooling window must be positive";
        }
        if (convOutputLength() < 1) {
            return "the convolutions and pooling leave nothing of a " +
                   std::to_string(inputLength) + "-byte input";
        }
    }
    return {};
}

std::string NetworkSpec::summary() const {
    std::string out;
    if (kind == NetworkKind::TorchScript) {
        return "TorchScript module, " + std::to_string(inputLength) + " inputs, " +
               std::to_string(classes) + " classes";
    }
    if (kind == NetworkKind::Sae) {
        out = "SAE " + std::to_string(inputLength);
    } else if (kind == NetworkKind::Flow) {
        out = "Flow " + std::to_string(kFlowSequenceLength) + " packets";
        if (sizeEmbedding > 0) {
            out += ", size embedding " + std::to_string(sizeEmbedding);
        }
        out += ", conv";
        for (std::size_t i = 0; i < conv.size(); ++i) {
            out += (i ? ", " : " ") + std::to_string(conv[i].filters) + "x" +
                   std::to_string(conv[i].kernel);
        }
        out += ", dense";
    } else {
        out = "CNN " + std::to_string(inputLength) + " conv";
        for (std::size_t i = 0; i < conv.size(); ++i) {
            out += (i ? ", " : " ") + std::to_string(conv[i].filters) + "x" +
                   std::to_string(conv[i].kernel) + "/" + std::to_string(conv[i].stride);
        }
        out += ", avg-pool " + std::to_string(pool) + ", dense";
    }
    for (std::size_t i = 0; i < hidden.size(); ++i) {
        out += (kind != NetworkKind::Sae && i == 0 ? " " : "-") + std::to_string(hidden[i]);
    }
    return out + "-" + std::to_string(classes);
}

}  // namespace deeppacket
