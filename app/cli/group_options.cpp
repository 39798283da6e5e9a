#include "app/cli/group_options.h"

#include "app/cli/command.h"

namespace deeppacket::cli {

std::vector<OptionSpec> groupOptionSpecs() {
    return {
        {"rank", 0, "N",
         "this worker's rank in a group of workers (default: RANK, as torchrun and others set "
         "it)"},
        {"world-size", 0, "N", "the number of workers in the group (default: WORLD_SIZE)"},
        {"master", 0, "HOST[:PORT]",
         "where the group meets: worker 0's address (default: MASTER_ADDR and MASTER_PORT)"},
    };
}

WorkerGroupSpec groupOf(const Arguments& a) {
    WorkerGroupOverrides overrides;
    if (a.has("rank")) {
        const std::string text = a.value("rank");
        const bool digits = !text.empty() && text.size() <= 5 &&
                            text.find_first_not_of("0123456789") == std::string::npos;
        if (!digits) {
            throw UsageError("--rank must be a whole number from 0, not '" + text + "'");
        }
        overrides.rank = std::stoi(text);
    }
    if (a.has("world-size")) {
        overrides.worldSize = static_cast<int>(a.positiveInteger("world-size", 1, 65536));
    }
    if (a.has("master")) {
        overrides.master = a.value("master");
    }
    try {
        return workerGroupSpec(overrides);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
}

}  // namespace deeppacket::cli
