#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace deeppacket {

// How packets are kept apart between training, validation and test.
//   packet: each packet on its own (the paper's random split; flows leak across the sets)
//   flow:   all packets of a bidirectional flow in one set (the default)
//   file:   all packets of a capture file in one set
enum class SplitKind { Packet, Flow, File };

std::optional<SplitKind> parseSplitKind(const std::string& text);
std::string splitKindName(SplitKind kind);

// Indices into a dataset.
struct DatasetSplit {
    std::vector<std::size_t> train;
    std::vector<std::size_t> validation;
    std::vector<std::size_t> test;
};

// 60/20/20 (paper §4), seeded and stratified by class: within each class, the units (packets,
// flows or files) are shuffled and dealt to the set furthest below its share of that class's
// packets, so each set holds about its share of every class.
DatasetSplit splitDataset(const Dataset& dataset, SplitKind kind, std::uint64_t seed,
                          double trainShare = 0.6, double validationShare = 0.2);

// Under-sampling (paper §3.2.1): a random subset of `indices` with as many packets of each class
// as the rarest class has. Applied to the training set only.
std::vector<std::size_t> undersample(const Dataset& dataset,
                                     const std::vector<std::size_t>& indices, std::uint64_t seed);

}  // namespace deeppacket
