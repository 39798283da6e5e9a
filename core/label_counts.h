#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/capture_report.h"
#include "core/ground_truth.h"
#include "core/preprocess_options.h"

namespace deeppacket {

// How many packets of each label a set of captures holds once preprocessed: what training
// would read before any cap, so that a user sees a class of four packets before training on it.
struct LabelledPacketCounts {
    std::map<std::string, std::uint64_t> perLabel;
    std::uint64_t unlabelled = 0;  // kept packets the scheme has no label for
    std::vector<FileReport> files;
    bool cancelled = false;
};

// Reads the captures through the preprocessing (vectors are made and thrown away) and counts the
// kept packets per label. Stops early when `cancel` is set.
LabelledPacketCounts countLabelledPackets(const std::vector<std::string>& files,
                                          const GroundTruth& truth,
                                          const PreprocessOptions& options,
                                          const std::atomic<bool>* cancel = nullptr);

}  // namespace deeppacket
