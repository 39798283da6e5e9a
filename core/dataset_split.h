#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace deeppacket {

// How packets are kept apart between training, validation and test.
//   packet: each packet on its own (the paper's random split; flows leak across the sets)
//   flow:   all packets of a bidirectional flow in one set (flows of one session, as an FTP
//           control and data connection, can still fall on both sides)
//   file:   all packets of a capture file (a session) in one set: the default, the only split
//           that says how a model does on captures it has never seen
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

// The same over any rows: `groups` gives each row's unit (rows of one unit stay together),
// `labels` its class. A unit is dealt with the class most of its rows have, so a unit whose
// rows have several classes is still never on two sides.
DatasetSplit splitGroups(const std::vector<std::int32_t>& labels,
                         const std::vector<std::uint64_t>& groups, std::size_t classes,
                         std::uint64_t seed, double trainShare = 0.6, double validationShare = 0.2);

// Fold `fold` of `folds` (cross-validation by unit): the units of each class are shuffled once
// (seeded) and dealt into `folds` folds of about equal size; the test set is fold `fold`, and the
// other folds' units are dealt into training and validation (`validationShare` of them). Every
// unit is in the test set of exactly one fold.
DatasetSplit foldGroups(const std::vector<std::int32_t>& labels,
                        const std::vector<std::uint64_t>& groups, std::size_t classes,
                        std::size_t folds, std::size_t fold, std::uint64_t seed,
                        double validationShare = 0.25);

// The same, each row standing for `weights[i]` rows of its unit and class: a split decided on
// counts alone (a row per unit and class), as the workers of a group that each read some of the
// captures decide it together from their summed counts.
DatasetSplit splitWeightedGroups(const std::vector<std::int32_t>& labels,
                                 const std::vector<std::uint64_t>& groups,
                                 const std::vector<std::uint64_t>& weights, std::size_t classes,
                                 std::uint64_t seed, double trainShare = 0.6,
                                 double validationShare = 0.2);
DatasetSplit foldWeightedGroups(const std::vector<std::int32_t>& labels,
                                const std::vector<std::uint64_t>& groups,
                                const std::vector<std::uint64_t>& weights, std::size_t classes,
                                std::size_t folds, std::size_t fold, std::uint64_t seed,
                                double validationShare = 0.25);

// The units of a packet data set under a split kind, one per packet.
std::vector<std::uint64_t> splitUnits(const Dataset& dataset, SplitKind kind);

// Under-sampling (paper §3.2.1): a random subset of `indices` with as many packets of each class
// as the rarest class has. Applied to the training set only.
std::vector<std::size_t> undersample(const Dataset& dataset,
                                     const std::vector<std::size_t>& indices, std::uint64_t seed);

}  // namespace deeppacket
