#include "models/worker_group.h"

#include <torch/torch.h>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace deeppacket {

struct WorkerGroup::Runtime {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
    // A heartbeat: a counter each worker adds to twice a second, from a thread of its own and
    // through a connection of its own, so that a worker blocked in a collective still beats.
    // Whose counter stands still is gone.
    c10::intrusive_ptr<c10d::Store> beatStore;
    std::thread beat;
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;

    ~Runtime() {
        {
            std::lock_guard<std::mutex> lock(mutex);
            stopping = true;
        }
        wake.notify_all();
        if (beat.joinable()) {
            beat.join();
        }
    }
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

std::string heartbeatKey(int rank) {
    return "heartbeat/" + std::to_string(rank);
}

c10::intrusive_ptr<c10d::Store> storeClient(const WorkerGroupSpec& spec, bool server,
                                            bool waitWorkers) {
    c10d::TCPStoreOptions options;
    options.port = spec.masterPort;
    options.isServer = server;
    options.numWorkers = static_cast<std::size_t>(spec.worldSize);
    options.waitWorkers = waitWorkers;
    options.timeout = spec.timeout;
    c10::intrusive_ptr<c10d::Store> store =
        c10::make_intrusive<c10d::TCPStore>(spec.masterAddress, options);
    if (spec.agentStore) {
        store = c10::make_intrusive<c10d::PrefixStore>(spec.storePrefix, store);
    }
    return store;
}

std::string seconds(std::chrono::milliseconds d) {
    return std::to_string(static_cast<double>(d.count()) / 1000.0) + " s";
}

}  // namespace

WorkerGroup::WorkerGroup(const WorkerGroupSpec& spec)
    : spec_(spec), runtime_(std::make_unique<Runtime>()) {
    const std::string where = spec.masterAddress + ":" + std::to_string(spec.masterPort);
    try {
        runtime_->store = storeClient(spec, spec.rank == 0 && !spec.agentStore, true);
        runtime_->beatStore = storeClient(spec, false, false);
        runtime_->beatStore->add(heartbeatKey(spec.rank), 1);
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
    runtime_->beat = std::thread([runtime = runtime_.get(), key = heartbeatKey(spec.rank)] {
        std::unique_lock<std::mutex> lock(runtime->mutex);
        while (!runtime->wake.wait_for(lock, std::chrono::milliseconds(500),
                                       [runtime] { return runtime->stopping; })) {
            try {
                runtime->beatStore->add(key, 1);
            } catch (const std::exception&) {
                return;  // the store's host is gone: the collectives will say so
            }
        }
    });
}

WorkerGroup::~WorkerGroup() = default;

template <typename T>
void WorkerGroup::sumInPlace(T* values, std::size_t count, const char* what) {
    checkUsable();
    std::vector<at::Tensor> tensors{torch::from_blob(values, {static_cast<std::int64_t>(count)},
                                                     c10::CppTypeToScalarType<T>::value)};
    try {
        runtime_->group->allreduce(tensors)->wait(spec_.timeout);
    } catch (const std::exception& e) {
        fail("adding up " + std::to_string(count) + " " + what + " failed", e.what());
    }
}

void WorkerGroup::allReduceSum(float* values, std::size_t count) {
    sumInPlace(values, count, "values");
}

void WorkerGroup::allReduceSum(std::int64_t* values, std::size_t count) {
    sumInPlace(values, count, "counts");
}

void WorkerGroup::allReduceSum(double* values, std::size_t count) {
    sumInPlace(values, count, "values");
}

std::vector<std::string> WorkerGroup::allGather(const std::string& text) {
    // Each gather has keys of its own: every worker counts its gathers in the same order.
    const std::string prefix = "gather/" + std::to_string(gathers_++) + "/";
    std::vector<std::string> out;
    try {
        runtime_->store->set(prefix + std::to_string(spec_.rank),
                             std::vector<std::uint8_t>(text.begin(), text.end()));
        for (int r = 0; r < spec_.worldSize; ++r) {
            const std::vector<std::uint8_t> bytes =
                runtime_->store->get(prefix + std::to_string(r));
            out.emplace_back(bytes.begin(), bytes.end());
        }
    } catch (const std::exception& e) {
        fail("gathering what every worker has failed", e.what());
    }
    return out;
}

void WorkerGroup::broadcast(float* values, std::size_t count, int root) {
    checkUsable();
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
    checkUsable();
    try {
        runtime_->group->barrier()->wait(spec_.timeout);
    } catch (const std::exception& e) {
        fail("waiting for every worker failed", e.what());
    }
}

void WorkerGroup::checkUsable() const {
    if (!runtime_->group) {
        throw WorkerGroupError("worker " + std::to_string(spec_.rank) + " of " +
                               std::to_string(spec_.worldSize) + ": the group has failed");
    }
}

void WorkerGroup::fail(const std::string& what, const std::string& cause) {
    // This worker leaves the collectives first: a worker still waiting on it there then fails
    // too, at once, instead of at the timeout, and joins the roll call.
    try {
        runtime_->group.reset();
    } catch (const std::exception&) {
    }
    // A roll call: every worker still running beats (even one blocked in a collective); those
    // whose heartbeat stood still for three seconds (six beats) are named. Without the store,
    // worker 0 (its host) is gone.
    std::string who;
    try {
        const auto beats = [this] {
            std::vector<std::int64_t> counts;
            for (int r = 0; r < spec_.worldSize; ++r) {
                counts.push_back(runtime_->store->add(heartbeatKey(r), 0));
            }
            return counts;
        };
        const std::vector<std::int64_t> before = beats();
        std::this_thread::sleep_for(std::chrono::seconds(3));
        const std::vector<std::int64_t> after = beats();
        std::vector<int> missing;
        for (int r = 0; r < spec_.worldSize; ++r) {
            if (after[static_cast<std::size_t>(r)] == before[static_cast<std::size_t>(r)]) {
                missing.push_back(r);
            }
        }
        for (int r : missing) {
            who += (who.empty() ? "" : ", ") + std::to_string(r);
        }
        if (!who.empty()) {
            who =
                missing.size() == 1 ? "worker " + who + " is gone" : "workers " + who + " are gone";
        }
        // Every worker still running stays (beating, and worker 0 hosting the store) until the
        // others have held their own roll call, or a few seconds pass: one that left at once
        // would be taken for gone. The store may go as this one waits: its answer stands.
        try {
            runtime_->store->add("roll-call-done", 1);
            const auto expected = static_cast<std::int64_t>(spec_.worldSize) -
                                  static_cast<std::int64_t>(missing.size());
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
            while (runtime_->store->add("roll-call-done", 0) < expected &&
                   std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        } catch (const std::exception&) {
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
