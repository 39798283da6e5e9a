#include "models/worker_group.h"

#include <torch/torch.h>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <cstdlib>
#include <optional>
#include <thread>
#include <vector>

namespace deeppacket {

struct WorkerGroup::Runtime {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
};

namespace {

// The network device Gloo binds to: the interface GLOO_SOCKET_IFNAME names (as PyTorch does),
// the loopback for a group on one machine, else this machine's address.
std::shared_ptr<::gloo::transport::Device> glooDevice(const std::string& masterAddress) {
    if (const char* name = std::getenv("GLOO_SOCKET_IFNAME"); name != nullptr && *name) {
        return c10d::ProcessGroupGloo::createDeviceForInterface(name);
    }
    if (masterAddress == "127.0.0.1" || masterAddress == "localhost" || masterAddress == "::1") {
        return c10d::ProcessGroupGloo::createDeviceForHostname(masterAddress);
    }
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

std::string seconds(std::chrono::milliseconds d) {
    return std::to_string(static_cast<double>(d.count()) / 1000.0) + " s";
}

}  // namespace

WorkerGroup::WorkerGroup(const WorkerGroupSpec& spec)
    : spec_(spec), runtime_(std::make_unique<Runtime>()) {
    const std::string where = spec.masterAddress + ":" + std::to_string(spec.masterPort);
    try {
        c10d::TCPStoreOptions options;
        options.port = spec.masterPort;
        options.isServer = spec.rank == 0 && !spec.agentStore;
        options.numWorkers = static_cast<std::size_t>(spec.worldSize);
        options.waitWorkers = true;
        options.timeout = spec.timeout;
        runtime_->store = c10::make_intrusive<c10d::TCPStore>(spec.masterAddress, options);
        if (spec.agentStore) {
            runtime_->store =
                c10::make_intrusive<c10d::PrefixStore>(spec.storePrefix, runtime_->store);
        }
    } catch (const std::exception& e) {
        throw WorkerGroupError("worker " + std::to_string(spec.rank) + " of " +
                               std::to_string(spec.worldSize) + ": the group did not meet at " +
                               where + " within " + seconds(spec.timeout) + ": " + e.what());
    }
    try {
        auto options = c10d::ProcessGroupGloo::Options::create(spec.timeout);
        options->devices.push_back(glooDevice(spec.masterAddress));
        options->threads = 1;
        runtime_->group = c10::make_intrusive<c10d::ProcessGroupGloo>(runtime_->store, spec.rank,
                                                                      spec.worldSize, options);
    } catch (const std::exception& e) {
        fail("the group's connections could not be made", e.what());
    }
}

WorkerGroup::~WorkerGroup() = default;

void WorkerGroup::allReduceSum(float* values, std::size_t count) {
    std::vector<at::Tensor> tensors{
        torch::from_blob(values, {static_cast<std::int64_t>(count)}, torch::kFloat32)};
    try {
        runtime_->group->allreduce(tensors)->wait(spec_.timeout);
    } catch (const std::exception& e) {
        fail("adding up " + std::to_string(count) + " values failed", e.what());
    }
}

void WorkerGroup::allReduceSum(std::int64_t* values, std::size_t count) {
    std::vector<at::Tensor> tensors{
        torch::from_blob(values, {static_cast<std::int64_t>(count)}, torch::kInt64)};
    try {
        runtime_->group->allreduce(tensors)->wait(spec_.timeout);
    } catch (const std::exception& e) {
        fail("adding up " + std::to_string(count) + " counts failed", e.what());
    }
}

void WorkerGroup::allReduceSum(double* values, std::size_t count) {
    std::vector<at::Tensor> tensors{
        torch::from_blob(values, {static_cast<std::int64_t>(count)}, torch::kFloat64)};
    try {
        runtime_->group->allreduce(tensors)->wait(spec_.timeout);
    } catch (const std::exception& e) {
        fail("adding up " + std::to_string(count) + " values failed", e.what());
    }
}

std::vector<std::string> WorkerGroup::allGather(const std::string& text) {
    // Each gather has keys of its own: every worker counts its gathers in the same order.
    const std::string prefix = "gather/" + std::to_string(gathers_++) + "/";
    std::vector<std::string> out;
    try {
        runtime_->store->set(prefix + std::to_string(spec_.rank),
                             std::vector<std::uint8_t>(text.begin(), text.end()));
        for (int r = 0; r < spec_.worldSize; ++r) {
            const std::vector<std::uint8_t> bytes = runtime_->store->get(prefix + std::to_string(r));
            out.emplace_back(bytes.begin(), bytes.end());
        }
    } catch (const std::exception& e) {
        fail("gathering what every worker has failed", e.what());
    }
    return out;
}

void WorkerGroup::broadcast(float* values, std::size_t count, int root) {
    std::vector<at::Tensor> tensors{
        torch::from_blob(values, {static_cast<std::int64_t>(count)}, torch::kFloat32)};
    c10d::BroadcastOptions options;
    options.rootRank = root;
    try {
        runtime_->group->broadcast(tensors, options)->wait(spec_.timeout);
    } catch (const std::exception& e) {
        fail("the broadcast from worker " + std::to_string(root) + " failed", e.what());
    }
}

void WorkerGroup::barrier() {
    try {
        runtime_->group->barrier()->wait(spec_.timeout);
    } catch (const std::exception& e) {
        fail("waiting for every worker failed", e.what());
    }
}

void WorkerGroup::fail(const std::string& what, const std::string& cause) {
    // A roll call through the rendezvous: every worker still there answers, and those that do
    // not within a few seconds are named. Without the store, worker 0 (its host) is gone.
    std::string who;
    try {
        runtime_->store->set("roll-call/" + std::to_string(spec_.rank), {1});
        std::vector<std::string> keys;
        for (int r = 0; r < spec_.worldSize; ++r) {
            keys.push_back("roll-call/" + std::to_string(r));
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
        std::vector<int> missing;
        do {
            missing.clear();
            for (int r = 0; r < spec_.worldSize; ++r) {
                if (!runtime_->store->check({keys[static_cast<std::size_t>(r)]})) {
                    missing.push_back(r);
                }
            }
            if (!missing.empty()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        } while (!missing.empty() && std::chrono::steady_clock::now() < deadline);
        for (int r : missing) {
            who += (who.empty() ? "" : ", ") + std::to_string(r);
        }
        if (!who.empty()) {
            who =
                missing.size() == 1 ? "worker " + who + " is gone" : "workers " + who + " are gone";
        }
    } catch (const std::exception&) {
        who = "worker 0 is gone (it hosts the group's rendezvous at " + spec_.masterAddress + ":" +
              std::to_string(spec_.masterPort) + ")";
    }
    std::string first = cause.substr(0, cause.find('\n'));
    throw WorkerGroupError("worker " + std::to_string(spec_.rank) + " of " +
                           std::to_string(spec_.worldSize) + ": " + what +
                           (who.empty() ? "" : ": " + who) + " (" + first + ")");
}

}  // namespace deeppacket
