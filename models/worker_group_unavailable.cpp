// Worker groups where this LibTorch comes without Gloo's headers: the build says so, and a run
// that asks for a group says so too.
#include "models/worker_group.h"

namespace deeppacket {

struct WorkerGroup::Runtime {};

WorkerGroup::WorkerGroup(const WorkerGroupSpec& spec) : spec_(spec) {
    throw WorkerGroupError(
        "this build has no distributed runtime (LibTorch's c10d with Gloo): it was built "
        "without Gloo's headers (Debian: libgloo-dev)");
}

WorkerGroup::~WorkerGroup() = default;
void WorkerGroup::allReduceSum(float*, std::size_t) {}
void WorkerGroup::allReduceSum(std::int64_t*, std::size_t) {}
void WorkerGroup::allReduceSum(double*, std::size_t) {}
std::vector<std::string> WorkerGroup::allGather(const std::string& text) {
    return {text};
}
void WorkerGroup::broadcast(float*, std::size_t, int) {}
void WorkerGroup::barrier() {}
void WorkerGroup::checkUsable() const {}
void WorkerGroup::fail(const std::string& what, const std::string&) {
    throw WorkerGroupError(what);
}

}  // namespace deeppacket
