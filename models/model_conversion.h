#pragma once

#include "models/model.h"

namespace deeppacket {

// A data-only Deep Packet model with the same weights and outputs as a trusted TorchScript
// model, when its layers are those of an SAE (linear layers with ReLU) or of the paper's CNN
// (1D convolutions, average pooling, linear layers). The layers are read from the module's
// parameters in order; the strides and the pooling window, which parameters do not show, are
// found by trying each that fits the shapes. The result must give the same log-probabilities
// as the module on probe inputs, or this throws ModelError saying why it cannot convert.
Model convertToDataModel(Model& program, const std::string& source);

}  // namespace deeppacket
