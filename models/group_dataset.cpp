#include "models/group_dataset.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <set>

#include "core/file_shards.h"
#include "models/data_parallel.h"
#include "models/worker_group.h"

namespace deeppacket {

std::vector<std::uint64_t> apportionCap(std::uint64_t cap, const std::vector<std::uint64_t>& pool,
                                        const std::vector<std::uint64_t>& have) {
    const std::size_t n = pool.size();
    std::vector<std::uint64_t> share(n, 0);
    std::uint64_t left =
        std::min<std::uint64_t>(cap, std::accumulate(have.begin(), have.end(), std::uint64_t{0}));
    // Water filling: split what is left over the workers that can still take more, in
    // proportion to their pools (largest remainders first, ties to the lower rank), until it
    // is all placed.
    while (left > 0) {
        std::uint64_t weight = 0;
        for (std::size_t r = 0; r < n; ++r) {
            if (share[r] < have[r]) {
                weight += std::max<std::uint64_t>(pool[r], 1);
            }
        }
        std::vector<std::pair<double, std::size_t>> remainders;
        std::uint64_t placed = 0;
        for (std::size_t r = 0; r < n; ++r) {
            if (share[r] >= have[r]) {
                continue;
            }
            const double exact = static_cast<double>(left) *
                                 static_cast<double>(std::max<std::uint64_t>(pool[r], 1)) /
                                 static_cast<double>(weight);
            const auto whole =
                std::min<std::uint64_t>(static_cast<std::uint64_t>(exact), have[r] - share[r]);
            share[r] += whole;
            placed += whole;
            if (share[r] < have[r]) {
                remainders.emplace_back(exact - static_cast<double>(whole), r);
            }
        }
        left -= placed;
        std::stable_sort(remainders.begin(), remainders.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (const auto& [fraction, r] : remainders) {
            if (left == 0) {
                break;
            }
            ++share[r];
            --left;
        }
    }
    return share;
}

namespace {

// Keeps the rows of `dataset` for which keep(i) holds.
void keepRows(Dataset& dataset, const std::vector<bool>& keep) {
    std::size_t out = 0;
    const std::size_t length = dataset.vectorLength;
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        if (!keep[i]) {
            continue;
        }
        std::copy_n(dataset.vectors.begin() + static_cast<std::ptrdiff_t>(i * length), length,
                    dataset.vectors.begin() + static_cast<std::ptrdiff_t>(out * length));
        dataset.labels[out] = dataset.labels[i];
        dataset.flows[out] = dataset.flows[i];
        dataset.fileIndex[out] = dataset.fileIndex[i];
        dataset.numbers[out] = dataset.numbers[i];
        ++out;
    }
    dataset.vectors.resize(out * length);
    dataset.labels.resize(out);
    dataset.flows.resize(out);
    dataset.fileIndex.resize(out);
    dataset.numbers.resize(out);
}

// The group's classes (the sorted union of every worker's), after one gather that also tells
// every worker any worker's error: then every worker throws DatasetError, naming the one that
// failed. `local` becomes the index of each of this worker's classes among them.
std::vector<std::string> groupClasses(WorkerGroup& group, const std::vector<std::string>& mine,
                                      const std::string& error, std::size_t files,
                                      const GroundTruth& truth, const char* what,
                                      std::vector<std::int32_t>& local) {
    const std::vector<std::string> told =
        group.allGather(nlohmann::json{{"error", error}, {"classes", mine}}.dump());
    std::set<std::string> names;
    for (std::size_t r = 0; r < told.size(); ++r) {
        const auto said = nlohmann::json::parse(told[r]);
        const std::string failed = said.at("error").get<std::string>();
        if (!failed.empty()) {
            throw DatasetError(error.empty() ? "worker " + std::to_string(r) + " of " +
                                                   std::to_string(told.size()) + ": " + failed
                                             : error);
        }
        for (const auto& name : said.at("classes")) {
            names.insert(name.get<std::string>());
        }
    }
    if (names.empty()) {
        throw DatasetError(std::string("no ") + what + " of the " + std::to_string(files) +
                           " captures got a label from " + truth.description() +
                           ": check the label scheme and the file names");
    }
    const std::vector<std::string> classes(names.begin(), names.end());
    local.clear();
    for (const auto& name : mine) {
        local.push_back(static_cast<std::int32_t>(
            std::lower_bound(classes.begin(), classes.end(), name) - classes.begin()));
    }
    return classes;
}

// Reads this worker's block of `files` with `read` and makes the set the group's: the classes
// are the group's, the labels count among them, file indices count over the whole list, which
// becomes the set's. Returns where each class the worker read stands among the group's.
template <typename Set, typename Read>
std::vector<std::int32_t> readBlock(Set& set, const std::vector<std::string>& files,
                                    const GroundTruth& truth, const char* what, WorkerGroup& group,
                                    const Read& read) {
    const auto [first, last] = fileShardOf(files, group.rank(), group.worldSize());
    std::string error;
    try {
        set = read(std::vector<std::string>(files.begin() + static_cast<std::ptrdiff_t>(first),
                                            files.begin() + static_cast<std::ptrdiff_t>(last)));
    } catch (const DatasetError& e) {
        error = e.what();
    }
    std::vector<std::int32_t> globalOf;
    set.classes = groupClasses(group, set.classes, error, files.size(), truth, what, globalOf);
    for (auto& label : set.labels) {
        label = globalOf[static_cast<std::size_t>(label)];
    }
    for (auto& index : set.fileIndex) {
        index += static_cast<std::uint32_t>(first);
    }
    set.files = files;
    return globalOf;
}

}  // namespace

FlowDataset buildGroupFlowDataset(const std::vector<std::string>& files, const GroundTruth& truth,
                                  const PreprocessOptions& preprocessing,
                                  const FlowDatasetOptions& options, WorkerGroup& group,
                                  const std::function<void(const StreamProgress&)>& progress,
                                  const std::atomic<bool>* cancel) {
    FlowDatasetOptions local = options;
    local.allowEmpty = true;
    FlowDataset dataset;
    readBlock(dataset, files, truth, "flow", group, [&](const std::vector<std::string>& block) {
        return buildFlowDataset(block, truth, preprocessing, local, progress, cancel);
    });
    return dataset;
}

Dataset buildGroupDataset(const std::vector<std::string>& files, const GroundTruth& truth,
                          const std::string& labelScheme, const PreprocessOptions& preprocessing,
                          const DatasetOptions& options, WorkerGroup& group,
                          const std::function<void(const StreamProgress&)>& progress,
                          const std::atomic<bool>* cancel) {
    const int rank = group.rank();
    const auto workers = static_cast<std::size_t>(group.worldSize());
    DatasetOptions local = options;
    local.allowEmpty = true;
    Dataset dataset;
    const std::vector<std::int32_t> globalOf = readBlock(
        dataset, files, truth, "packet", group, [&](const std::vector<std::string>& block) {
            return buildDataset(block, truth, labelScheme, preprocessing, local, progress, cancel);
        });
    // Per worker and class: the labelled packets read, and those kept (at most the cap).
    const std::size_t n = dataset.classes.size();
    std::vector<std::int64_t> counts(2 * workers * n, 0);
    const std::vector<std::uint64_t> kept = [&] {
        std::vector<std::uint64_t> out(n, 0);
        for (auto label : dataset.labels) {
            ++out[static_cast<std::size_t>(label)];
        }
        return out;
    }();
    for (std::size_t c = 0; c < globalOf.size(); ++c) {
        const auto g = static_cast<std::size_t>(globalOf[c]);
        counts[static_cast<std::size_t>(rank) * n + g] =
            static_cast<std::int64_t>(dataset.seenPerClass[c]);
    }
    for (std::size_t c = 0; c < n; ++c) {
        counts[(workers + static_cast<std::size_t>(rank)) * n + c] =
            static_cast<std::int64_t>(kept[c]);
    }
    group.allReduceSum(counts.data(), counts.size());
    std::vector<std::uint64_t> seen(n, 0);
    std::vector<std::uint64_t> quota(n, 0);
    for (std::size_t c = 0; c < n; ++c) {
        std::vector<std::uint64_t> pool(workers);
        std::vector<std::uint64_t> have(workers);
        for (std::size_t r = 0; r < workers; ++r) {
            pool[r] = static_cast<std::uint64_t>(counts[r * n + c]);
            have[r] = static_cast<std::uint64_t>(counts[(workers + r) * n + c]);
            seen[c] += pool[r];
        }
        quota[c] = options.maxPerClass > 0 ? apportionCap(options.maxPerClass, pool,
                                                          have)[static_cast<std::size_t>(rank)]
                                           : kept[c];
    }
    if (options.maxPerClass > 0) {
        // A uniform choice of `quota` of the worker's packets of each class, kept in order.
        std::vector<std::vector<std::size_t>> rowsOf(n);
        for (std::size_t i = 0; i < dataset.size(); ++i) {
            rowsOf[static_cast<std::size_t>(dataset.labels[i])].push_back(i);
        }
        std::mt19937_64 rng(options.seed + 104729 * static_cast<std::uint64_t>(rank));
        std::vector<bool> keep(dataset.size(), false);
        for (std::size_t c = 0; c < n; ++c) {
            std::shuffle(rowsOf[c].begin(), rowsOf[c].end(), rng);
            for (std::size_t k = 0; k < quota[c] && k < rowsOf[c].size(); ++k) {
                keep[rowsOf[c][k]] = true;
            }
        }
        keepRows(dataset, keep);
    }
    dataset.seenPerClass = seen;
    dataset.vectorLength = preprocessing.vectorLength;
    return dataset;
}

}  // namespace deeppacket
