#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace deeppacket {

enum class NetworkKind { Sae, Cnn, Flow, TorchScript };

std::string networkKindName(NetworkKind kind);  // "sae", "cnn", "flow", "torchscript"
std::optional<NetworkKind> parseNetworkKind(const std::string& text);

// The name and shape of one weight tensor of a network.
struct ParameterShape {
    std::string name;
    std::vector<std::int64_t> shape;
};

struct ConvLayerSpec {
    int filters = 0;
    int kernel = 0;
    int stride = 1;
};

// The shape of a network: enough to build it again before loading its weights.
struct NetworkSpec {
    NetworkKind kind = NetworkKind::Sae;
    int inputLength = 1500;
    int classes = 0;
    std::vector<int> hidden;  // fully connected layers before the softmax head
    double dropout = 0.25;
    std::vector<ConvLayerSpec> conv;  // CNN: over the bytes; flow: over the packet sequence
    int pool = 2;                     // CNN only: average pooling window and stride
    // Flow only: each packet's (direction, IP length) is also looked up in a learnt table of
    // vectors this wide (0: none). A packet length is a category more than a quantity (a
    // protocol message has its exact size), and a linear layer on length / 1500 cannot pick
    // one size out; the table can.
    int sizeEmbedding = 0;

    // Paper §3.3: fully connected 400-300-200-100-50, ReLU, dropout 0.25, softmax head.
    static NetworkSpec paperSae(int classes, int inputLength = 1500);
    // Paper §3.3 and Appendix: conv 200x5, conv 80x4, average pooling 2, dropout 0.25, dense
    // 600-500-400-300-200-100-50, softmax head. The paper gives no strides; taken literally
    // (stride 1) the first dense layer alone has 35.8 M weights and a CPU classifies ~270
    // packets/s. Both convolutions use stride 3 here: kernels (5 and 4) still overlap so no byte
    // is skipped, and the network has 4.8 M parameters, trains and runs on a CPU.
    static NetworkSpec paperCnn(int classes, int inputLength = 1500);

    // A flow model (not in the paper): convolutions (kernel 3, stride 1, padded) over the
    // sequence of a flow's first packets (their features and a 16-wide size embedding), their
    // masked mean and maximum over the packets, beside the raw features, into dense layers
    // 256-128 and a softmax head; ~200 k parameters.
    // Input: the kFlowFeatureLength features of core/flow_features.h.
    static NetworkSpec flowNetwork(int classes);
    // Whether the network classifies flows (from flow features) rather than packets.
    bool classifiesFlows() const { return kind == NetworkKind::Flow; }
    // Rows of the size embedding: every IP length 0..kFlowLengthScale in each direction.
    static constexpr int kSizeEmbeddingLengths = 1501;
    static constexpr int kSizeEmbeddingRows = 2 * kSizeEmbeddingLengths;

    // Length of the feature map after the convolutions and the pooling (CNN only).
    int convOutputLength() const;
    // Floats of the largest activation one input row produces (for sizing forward passes).
    std::size_t largestActivation() const;
    // The names and shapes of the SAE's or CNN's weights, as the built network registers them,
    // without building it: a model file's card is checked against its tensors before anything
    // is allocated. Empty for TorchScript.
    std::vector<ParameterShape> parameterShapes() const;
    // Why the spec cannot be built, or empty when it can.
    std::string problem() const;
    // e.g. "SAE 1500-400-300-200-100-50-17" or "CNN conv 200x5/3, 80x4/3, pool 2, ..."
    std::string summary() const;
};

}  // namespace deeppacket
