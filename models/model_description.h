#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/model_card.h"
#include "models/model_file.h"

// What a model file says about itself, read without LibTorch and without running anything: the
// command line's `info` and the app's wizard show cards before (or without) loading the networks.

namespace deeppacket {

// A TorchScript archive was to be opened without the user's consent: nothing was run.
class ModelCodeError : public ModelError {
  public:
    using ModelError::ModelError;
};

struct ModelDescription {
    ModelCard card;
    std::optional<std::size_t> parameters;  // unknown for a TorchScript archive not opened
    bool program = false;                   // a TorchScript archive
};

// The card of a model file: a .dpm's card checked against its tensors, or a TorchScript
// archive's sidecar. Throws ModelError.
ModelDescription describeModel(const std::string& path);

// Whether opening the file would run code (a TorchScript archive, not named .dpm).
bool modelHoldsCode(const std::string& path);
// Whether the file starts like a zip archive (as TorchScript programs do).
bool looksLikeZipArchive(const std::string& path);

// A tensor shape for messages: "[3002, 16]".
std::string shapeText(const std::vector<std::int64_t>& shape);

// The card of a TorchScript archive, from the JSON beside it (FILE.json, or FILE with its
// extension replaced). Throws ModelError.
ModelCard torchScriptCard(const std::string& path);

// The tensors of a .dpm by name, checked against the shapes the card's network needs before
// anything is built: a small file must not make the loader allocate what its card claims.
// Throws ModelError.
std::map<std::string, const StoredTensor*> checkedTensors(const ModelFileContents& contents,
                                                          const ModelCard& card,
                                                          const std::string& path);

}  // namespace deeppacket
