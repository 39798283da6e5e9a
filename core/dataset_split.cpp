#include "core/dataset_split.h"

#include <algorithm>
#include <map>
#include <random>

namespace deeppacket {

std::optional<SplitKind> parseSplitKind(const std::string& text) {
    if (text == "packet") {
        return SplitKind::Packet;
    }
    if (text == "flow") {
        return SplitKind::Flow;
    }
    if (text == "file") {
        return SplitKind::File;
    }
    return std::nullopt;
}

std::string splitKindName(SplitKind kind) {
    switch (kind) {
        case SplitKind::Packet:
            return "packet";
        case SplitKind::Flow:
            return "flow";
        case SplitKind::File:
            return "file";
    }
    return "flow";
}

DatasetSplit splitDataset(const Dataset& dataset, SplitKind kind, std::uint64_t seed,
                          double trainShare, double validationShare) {
    std::mt19937_64 rng(seed);
    const double shares[3] = {trainShare, validationShare, 1.0 - trainShare - validationShare};
    DatasetSplit split;
    std::vector<std::size_t>* sets[3] = {&split.train, &split.validation, &split.test};
    for (std::size_t c = 0; c < dataset.classes.size(); ++c) {
        // The units of this class, each a list of packet indices.
        std::map<std::uint64_t, std::vector<std::size_t>> units;
        for (std::size_t i = 0; i < dataset.size(); ++i) {
            if (static_cast<std::size_t>(dataset.labels[i]) != c) {
                continue;
            }
            const std::uint64_t unit = kind == SplitKind::Packet ? i
                                       : kind == SplitKind::Flow ? dataset.flows[i]
                                                                 : dataset.fileIndex[i];
            units[unit].push_back(i);
        }
        std::vector<const std::vector<std::size_t>*> order;
        std::size_t total = 0;
        for (const auto& [unit, packets] : units) {
            order.push_back(&packets);
            total += packets.size();
        }
        std::shuffle(order.begin(), order.end(), rng);
        std::size_t filled[3] = {0, 0, 0};
        for (const auto* packets : order) {
            // The set furthest below its target share of this class's packets, relative to that
            // share: three flows then go to train, validation and test (absolute gaps would send
            // them to train, train, validation and leave the test set empty), while the first
            // unit, however large, still goes to train.
            std::size_t best = 0;
            double bestDeficit = -1e300;
            for (std::size_t s = 0; s < 3; ++s) {
                if (shares[s] <= 0) {
                    continue;
                }
                const double target = shares[s] * static_cast<double>(total);
                const double deficit = (target - static_cast<double>(filled[s])) / target;
                if (deficit > bestDeficit) {
                    bestDeficit = deficit;
                    best = s;
                }
            }
            sets[best]->insert(sets[best]->end(), packets->begin(), packets->end());
            filled[best] += packets->size();
        }
    }
    for (auto* set : sets) {
        std::sort(set->begin(), set->end());
    }
    return split;
}

std::vector<std::size_t> undersample(const Dataset& dataset,
                                     const std::vector<std::size_t>& indices, std::uint64_t seed) {
    std::vector<std::vector<std::size_t>> byClass(dataset.classes.size());
    for (std::size_t i : indices) {
        byClass[static_cast<std::size_t>(dataset.labels[i])].push_back(i);
    }
    std::size_t smallest = indices.size();
    for (const auto& members : byClass) {
        if (!members.empty()) {
            smallest = std::min(smallest, members.size());
        }
    }
    std::mt19937_64 rng(seed);
    std::vector<std::size_t> kept;
    for (auto& members : byClass) {
        std::shuffle(members.begin(), members.end(), rng);
        kept.insert(kept.end(), members.begin(),
                    members.begin() + static_cast<long>(std::min(smallest, members.size())));
    }
    std::sort(kept.begin(), kept.end());
    return kept;
}

}  // namespace deeppacket
