#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/flow_dataset.h"

namespace deeppacket {

class WorkerGroup;

// This worker's part of a data set read by a group of workers. The worker reads its block of
// `files` (core/file_shards.h); the class list, the labelled packets seen and the class cap are
// the group's: the classes are the union of every worker's, sorted, and under
// `options.maxPerClass` each worker keeps a share of a class's cap in proportion to the packets
// of that class it read (never more than it holds). Without a class cap every worker keeps
// what one process would keep of its captures. File indices count over the whole list, and
// `files` is the whole list. A worker that cannot read its captures makes every worker throw
// DatasetError, naming it.
Dataset buildGroupDataset(const std::vector<std::string>& files, const GroundTruth& truth,
                          const std::string& labelScheme, const PreprocessOptions& preprocessing,
                          const DatasetOptions& options, WorkerGroup& group,
                          const std::function<void(const StreamProgress&)>& progress = {},
                          const std::atomic<bool>* cancel = nullptr);

// The same for a flow model's data set: each worker reads its block, the classes are the
// group's, file indices count over the whole list. `options.maxFlowsPerFile` is per capture, so
// it lies with the worker that reads it.
FlowDataset buildGroupFlowDataset(const std::vector<std::string>& files, const GroundTruth& truth,
                                  const PreprocessOptions& preprocessing,
                                  const FlowDatasetOptions& options, WorkerGroup& group,
                                  const std::function<void(const StreamProgress&)>& progress = {},
                                  const std::atomic<bool>* cancel = nullptr);

// Each of `pool` (a class's packets read by each worker) gets a share of `cap` in proportion to
// it, at most `have` (what the worker kept); what one cannot take goes to the others. The shares
// add up to min(cap, sum of have); every worker computes the same from the same counts.
std::vector<std::uint64_t> apportionCap(std::uint64_t cap, const std::vector<std::uint64_t>& pool,
                                        const std::vector<std::uint64_t>& have);

}  // namespace deeppacket
