#pragma once

#include <optional>
#include <string>
#include <vector>

namespace deeppacket {

// Where an installed data folder of the program (e.g. "models", "lab-sample") may lie: in
// share/deeppacket beside the running program (so a relocated install finds its own), then next
// to the program (a Windows or macOS bundle).
std::vector<std::string> installedDataFolders(const std::string& name);

// Where the pretrained models are looked for, in order: $DEEPPACKET_MODELS, the installed
// share/deeppacket/models beside the running program (so a relocated install finds its own),
// a models/ folder next to the program (a Windows or macOS bundle), and the source tree's
// models/pretrained (running from a build tree).
std::vector<std::string> pretrainedModelFolders();

// The pretrained model for a task ("application" or "traffic") and network ("sae" or "cnn"):
// the first folder holding <task>-<arch>.dpm.
std::optional<std::string> findPretrainedModel(const std::string& task, const std::string& arch);

// The running program's own path (empty when the platform does not say).
std::string currentExecutablePath();

}  // namespace deeppacket
