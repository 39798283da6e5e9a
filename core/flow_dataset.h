#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/capture_report.h"
#include "core/flow_features.h"
#include "core/ground_truth.h"
#include "core/packet_stream.h"
#include "core/preprocess_options.h"

namespace deeppacket {

// Labelled flows for training a flow model: one row of flow features per whole flow, and rows
// for the same flow seen after only its first packets (kFlowSnapshots), so that the model
// learns to give a verdict early and a live view can use it.
inline constexpr std::uint32_t kFlowSnapshots[] = {3, 5, 10, 20};

struct FlowDataset {
    std::vector<std::string> classes;  // sorted label names
    std::vector<std::string> files;
    std::vector<float> features;       // size() x kFlowFeatureLength
    std::vector<std::int32_t> labels;  // class index per row
    std::vector<std::uint32_t> flows;  // flow id per row (unique over the run)
    std::vector<std::uint32_t> fileIndex;
    std::vector<std::uint32_t> prefix;   // packets the row describes; 0: the whole flow
    std::vector<std::uint32_t> packets;  // packets of the whole flow
    std::vector<FileReport> reports;

    std::size_t size() const { return labels.size(); }
    const float* row(std::size_t i) const { return features.data() + i * kFlowFeatureLength; }
    // The rows among `rows` that describe whole flows.
    std::vector<std::size_t> wholeFlows(const std::vector<std::size_t>& rows) const;
    // The rows describing the first `packets` packets of a flow: the snapshot rows of that
    // length, and the whole-flow rows of flows with at most that many packets.
    std::vector<std::size_t> firstPackets(const std::vector<std::size_t>& rows,
                                          std::uint32_t count) const;
};

struct FlowDatasetOptions {
    // At most this many flows of each capture file (a random sample, seeded): a session of
    // thousands of one-packet flows (a torrent's DHT, a scan) does not outweigh the others.
    // 0: no cap.
    std::size_t maxFlowsPerFile = 2000;
    std::uint64_t seed = 1;
    // No labelled flow gives an empty data set instead of an error (one worker's block of a
    // group's captures may hold none).
    bool allowEmpty = false;
};

// Reads the captures (kept packets as `preprocessing` says), groups them into flows, labels
// each flow by the ground truth (per-flow schemes by its first packet) and keeps the labelled
// ones. Throws DatasetError (core/dataset.h) when a capture cannot be read or no flow gets a
// label.
FlowDataset buildFlowDataset(const std::vector<std::string>& files, const GroundTruth& truth,
                             const PreprocessOptions& preprocessing,
                             const FlowDatasetOptions& options,
                             const std::function<void(const StreamProgress&)>& progress = {},
                             const std::atomic<bool>* cancel = nullptr);

}  // namespace deeppacket
