#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/batch_classifier.h"
#include "models/compute_device.h"
#include "models/model_card.h"

namespace deeppacket {

class Network;

// A classifier with its card: one of the paper's networks (SAE or CNN) with its weights, or a
// TorchScript module brought from PyTorch. The interface is plain C++; LibTorch stays inside.
class Model final : public BatchClassifier {
  public:
    // A new network with random weights (seeded) for the card's network spec.
    static Model create(ModelCard card, std::uint64_t seed);
    // A Deep Packet model file (.dpm), or a TorchScript archive (torch.jit.save) with a JSON
    // sidecar beside it (FILE.json, or the same name with .json). Throws ModelError.
    static Model load(const std::string& path);

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
    void logProbabilities(const std::uint8_t* vectors, std::size_t count, float* out) override;

    // The network itself, for training (models/ only).
    Network& network();

  private:
    struct Impl;
    explicit Model(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace deeppacket
