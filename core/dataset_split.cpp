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

namespace {

// A unit of a split: its rows, how much they weigh, and the class it is dealt with.
struct Unit {
    std::vector<std::size_t> rows;
    std::uint64_t size = 0;
    std::size_t label = 0;
};

// The units of each class, in order of first row.
std::vector<std::vector<Unit>> unitsByClass(const std::vector<std::int32_t>& labels,
                                            const std::vector<std::uint64_t>& groups,
                                            const std::vector<std::uint64_t>& weights,
                                            std::size_t classes) {
    std::map<std::uint64_t, std::size_t> position;
    std::vector<Unit> units;
    std::vector<std::vector<std::uint64_t>> counts;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const auto [it, added] = position.emplace(groups[i], units.size());
        if (added) {
            units.emplace_back();
            counts.emplace_back(classes, 0);
        }
        const std::uint64_t weight = weights.empty() ? 1 : weights[i];
        units[it->second].rows.push_back(i);
        units[it->second].size += weight;
        counts[it->second][static_cast<std::size_t>(labels[i])] += weight;
    }
    std::vector<std::vector<Unit>> byClass(classes);
    for (std::size_t u = 0; u < units.size(); ++u) {
        const auto& c = counts[u];
        units[u].label = static_cast<std::size_t>(std::max_element(c.begin(), c.end()) - c.begin());
        byClass[units[u].label].push_back(std::move(units[u]));
    }
    return byClass;
}

// Deals the units, in their order, to the set furthest below its target share of their rows,
// relative to that share: three units then go to three sets (absolute gaps would send them to
// the largest set twice and leave the smallest empty), while the first unit, however large,
// goes to the largest share. Returns the set of each unit.
std::vector<std::size_t> deal(const std::vector<const Unit*>& units,
                              const std::vector<double>& shares) {
    std::uint64_t total = 0;
    for (const Unit* unit : units) {
        total += unit->size;
    }
    std::vector<std::uint64_t> filled(shares.size(), 0);
    std::vector<std::size_t> chosen;
    for (const Unit* unit : units) {
        std::size_t best = 0;
        double bestDeficit = -1e300;
        for (std::size_t s = 0; s < shares.size(); ++s) {
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
        filled[best] += unit->size;
        chosen.push_back(best);
    }
    return chosen;
}

// Deals the units to the sets and adds their rows there.
void dealRows(const std::vector<const Unit*>& units, const std::vector<double>& shares,
              const std::vector<std::vector<std::size_t>*>& sets) {
    const std::vector<std::size_t> chosen = deal(units, shares);
    for (std::size_t u = 0; u < units.size(); ++u) {
        auto& set = *sets[chosen[u]];
        set.insert(set.end(), units[u]->rows.begin(), units[u]->rows.end());
    }
}

// The units of one class in a seeded random order.
std::vector<const Unit*> shuffled(const std::vector<Unit>& units, std::mt19937_64& rng) {
    std::vector<const Unit*> order;
    for (const auto& unit : units) {
        order.push_back(&unit);
    }
    std::shuffle(order.begin(), order.end(), rng);
    return order;
}

void sortSets(DatasetSplit& split) {
    for (auto* set : {&split.train, &split.validation, &split.test}) {
        std::sort(set->begin(), set->end());
    }
}

}  // namespace

std::vector<std::uint64_t> splitUnits(const Dataset& dataset, SplitKind kind) {
    std::vector<std::uint64_t> units(dataset.size());
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        units[i] = kind == SplitKind::Packet ? i
                   : kind == SplitKind::Flow ? dataset.flows[i]
                                             : dataset.fileIndex[i];
    }
    return units;
}

DatasetSplit splitGroups(const std::vector<std::int32_t>& labels,
                         const std::vector<std::uint64_t>& groups, std::size_t classes,
                         std::uint64_t seed, double trainShare, double validationShare) {
    return splitWeightedGroups(labels, groups, {}, classes, seed, trainShare, validationShare);
}

DatasetSplit splitWeightedGroups(const std::vector<std::int32_t>& labels,
                                 const std::vector<std::uint64_t>& groups,
                                 const std::vector<std::uint64_t>& weights, std::size_t classes,
                                 std::uint64_t seed, double trainShare, double validationShare) {
    std::mt19937_64 rng(seed);
    DatasetSplit split;
    for (const auto& units : unitsByClass(labels, groups, weights, classes)) {
        dealRows(shuffled(units, rng),
                 {trainShare, validationShare, 1.0 - trainShare - validationShare},
                 {&split.train, &split.validation, &split.test});
    }
    sortSets(split);
    return split;
}

DatasetSplit foldGroups(const std::vector<std::int32_t>& labels,
                        const std::vector<std::uint64_t>& groups, std::size_t classes,
                        std::size_t folds, std::size_t fold, std::uint64_t seed,
                        double validationShare) {
    return foldWeightedGroups(labels, groups, {}, classes, folds, fold, seed, validationShare);
}

DatasetSplit foldWeightedGroups(const std::vector<std::int32_t>& labels,
                                const std::vector<std::uint64_t>& groups,
                                const std::vector<std::uint64_t>& weights, std::size_t classes,
                                std::size_t folds, std::size_t fold, std::uint64_t seed,
                                double validationShare) {
    std::mt19937_64 rng(seed);
    std::mt19937_64 foldRng(seed + 1000003 * (fold + 1));
    DatasetSplit split;
    for (const auto& units : unitsByClass(labels, groups, weights, classes)) {
        const std::vector<const Unit*> order = shuffled(units, rng);
        // Equal shares, dealt in the same order for every fold: the folds partition the units.
        const std::vector<std::size_t> foldOf =
            deal(order, std::vector<double>(folds, 1.0 / static_cast<double>(folds)));
        std::vector<const Unit*> rest;
        for (std::size_t u = 0; u < order.size(); ++u) {
            if (foldOf[u] == fold) {
                split.test.insert(split.test.end(), order[u]->rows.begin(), order[u]->rows.end());
            } else {
                rest.push_back(order[u]);
            }
        }
        std::shuffle(rest.begin(), rest.end(), foldRng);
        dealRows(rest, {1.0 - validationShare, validationShare}, {&split.train, &split.validation});
    }
    sortSets(split);
    return split;
}

DatasetSplit splitDataset(const Dataset& dataset, SplitKind kind, std::uint64_t seed,
                          double trainShare, double validationShare) {
    return splitGroups(dataset.labels, splitUnits(dataset, kind), dataset.classes.size(), seed,
                       trainShare, validationShare);
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
