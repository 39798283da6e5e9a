#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/batch_classifier.h"
#include "core/flow_classifier.h"
#include "models/device_choice.h"
#include "models/model_card.h"
#include "models/model_description.h"

namespace deeppacket {

class Network;

// A model file is data unless its user says otherwise. A Deep Packet model file (.dpm) holds
// only a card and float tensors; a TorchScript archive is a program whose code (forward,
// __setstate__) runs as soon as LibTorch opens it, so it is opened only with TrustCode.
enum class ModelTrust { DataOnly, TrustCode };

// A classifier with its card: one of the paper's networks (SAE or CNN) or a flow network with its
// weights, or a TorchScript module brought from PyTorch. Packet models classify byte vectors
// (BatchClassifier), flow models flow features (FlowClassifier). The interface is plain C++;
// LibTorch stays inside.
class Model final : public BatchClassifier, public FlowClassifier {
  public:
    // A new network with random weights (seeded) for the card's network spec.
    static Model create(ModelCard card, std::uint64_t seed);
    // A Deep Packet model file (.dpm), or, with TrustCode only, a TorchScript archive
    // (torch.jit.save) with a JSON sidecar beside it (FILE.json, or the same name with .json).
    // A file named .dpm or starting with the .dpm magic is never handed to LibTorch's loader.
    // Throws ModelCodeError for a TorchScript archive without TrustCode, ModelError otherwise.
    static Model load(const std::string& path, ModelTrust trust = ModelTrust::DataOnly);

    ~Model() override;
    Model(Model&&) noexcept;
    Model& operator=(Model&&) noexcept;

    // Writes a Deep Packet model file atomically. TorchScript models cannot be written.
    void save(const std::string& path) const;

    const ModelCard& card() const;
    ModelCard& card();
    std::size_t parameterCount() const;

    // Moves the network to a device (resolving Auto). Throws DeviceError.
    void setDevice(DeviceChoice choice);
    DeviceChoice device() const;

    std::size_t classCount() const override;
    std::size_t inputLength() const override;
    // Packet models only (ModelError otherwise).
    void logProbabilities(const std::uint8_t* vectors, std::size_t count, float* out) override;

    // Whether this is a flow model (card().network.classifiesFlows()).
    bool classifiesFlows() const;
    std::size_t flowClassCount() const override;
    // Flow models only (ModelError otherwise).
    void flowLogProbabilities(const float* features, std::size_t count, float* out) override;

    // The network itself, for training (models/ only).
    Network& network();

  private:
    struct Impl;
    explicit Model(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace deeppacket
