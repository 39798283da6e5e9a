#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/preprocess_options.h"
#include "models/network_spec.h"

namespace deeppacket {

// A model file that cannot be used: the message names the file and says what is wrong.
class ModelError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Where a model came from, for its card.
struct Provenance {
    std::string dataset;  // e.g. "ISCX VPN-nonVPN 2016", or the capture folders
    std::string split;    // "packet", "flow" or "file"
    std::uint64_t seed = 0;
    std::string created;  // ISO 8601 UTC
    std::string programVersion;
    std::string notes;  // free text, e.g. why the CNN strides were chosen
};

// Everything a model file says besides its weights.
struct ModelCard {
    static constexpr int kFormatVersion = 1;

    NetworkSpec network;
    std::string task;                  // "application", "traffic", or a user's own
    std::vector<std::string> classes;  // output order
    PreprocessOptions preprocessing;   // how the training vectors were made
    Provenance provenance;
    std::string metricsJson = "null";  // test metrics as JSON, filled by training

    // TorchScript models only: what the module outputs ("logits", "log_probabilities" or
    // "probabilities").
    std::string outputKind = "logits";

    std::string toJson() const;
    // Parses and checks a card; `source` names the file in error messages.
    static ModelCard fromJson(const std::string& json, const std::string& source);
};

// A task name for people: "application identification", "traffic categorization", or as is.
std::string taskTitle(const std::string& task);

}  // namespace deeppacket
