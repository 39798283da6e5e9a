#pragma once

#include <vector>

#include "app/cli/arguments.h"
#include "models/worker_group.h"

namespace deeppacket::cli {

// --rank, --world-size and --master: a group of workers, as launchers describe it.
std::vector<OptionSpec> groupOptionSpecs();

// The group the options and the launcher's environment describe (UsageError for wrong values).
WorkerGroupSpec groupOf(const Arguments& arguments);

}  // namespace deeppacket::cli
