#include "models/worker_group.h"

#include <torch/torch.h>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <cstdlib>
#include <thread>
#include <vector>

namespace deeppacket {
namespace {

// A whole number from text, or nothing.
std::optional<long> wholeNumber(const char* text) {
    if (text == nullptr || *text == '\0') {
        return std::nullopt;
    }
    char* end = nullptr;
    errno = 0;
    const long value = std::strtol(text, &end, 10);
    if (errno != 0 || *end != '\0') {
        return std::nullopt;
    }
    return value;
}

std::uint16_t portFrom(const std::string& text, const std::string& what) {
    const auto port = wholeNumber(text.c_str());
    if (!port || *port < 1 || *port > 65535) {
        throw std::invalid_argument(what + " '" + text + "' is not a port (1 to 65535)");
    }
    return static_cast<std::uint16_t>(*port);
}

}  // namespace

WorkerGroupSpec workerGroupSpec(const WorkerGroupOverrides& overrides,
                                const std::function<const char*(const char*)>& environment) {
    const auto env = [&](const char* name) -> const char* {
        return environment ? environment(name) : std::getenv(name);
    };
    // A variable that is set must make sense: a launcher that set it meant it.
    const auto number = [&](const char* name) -> std::optional<long> {
        const char* text = env(name);
        if (text == nullptr || *text == '\0') {
            return std::nullopt;
        }
        const auto value = wholeNumber(text);
        if (!value) {
            throw std::invalid_argument(std::string(name) + "='" + text +
                                        "' is not a whole number");
        }
        return value;
    };
    WorkerGroupSpec spec;
    std::optional<long> rank = number("RANK");
    std::optional<long> size = number("WORLD_SIZE");
    if (!rank && !size) {
        rank = number("SLURM_PROCID");
        size = number("SLURM_NTASKS");
    }
    if (overrides.rank) {
        rank = *overrides.rank;
    }
    if (overrides.worldSize) {
        size = *overrides.worldSize;
    }
    if (size && (*size < 1 || *size > 65536)) {
        throw std::invalid_argument("the world size " + std::to_string(*size) +
                                    " is not between 1 and 65536");
    }
    spec.worldSize = static_cast<int>(size.value_or(1));
    if (rank && (*rank < 0 || *rank >= spec.worldSize)) {
        throw std::invalid_argument("the rank " + std::to_string(*rank) +
                                    " is not below the world size " +
                                    std::to_string(spec.worldSize));
    }
    spec.rank = static_cast<int>(rank.value_or(0));
    if (const char* address = env("MASTER_ADDR"); address != nullptr && *address != '\0') {
        spec.masterAddress = address;
    }
    if (const char* port = env("MASTER_PORT"); port != nullptr && *port != '\0') {
        spec.masterPort = portFrom(port, "MASTER_PORT");
    }
    if (overrides.master) {
        const std::string& master = *overrides.master;
        const auto colon = master.rfind(':');
        // HOST:PORT, [IPV6]:PORT, or a host alone.
        if (colon != std::string::npos && master.find(']') < colon) {
            spec.masterAddress = master.substr(1, master.find(']') - 1);
            spec.masterPort = portFrom(master.substr(colon + 1), "--master's port");
        } else if (colon != std::string::npos && master.find(':') == colon) {
            spec.masterAddress = master.substr(0, colon);
            spec.masterPort = portFrom(master.substr(colon + 1), "--master's port");
        } else {
            spec.masterAddress = master;
        }
        if (spec.masterAddress.empty()) {
            throw std::invalid_argument("--master '" + master + "' names no host");
        }
    }
    if (overrides.timeout) {
        spec.timeout = *overrides.timeout;
    }
    return spec;
}

struct WorkerGroup::Runtime {
    c10::intrusive_ptr<c10d::TCPStore> store;
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
        options.isServer = spec.rank == 0;
        options.numWorkers = static_cast<std::size_t>(spec.worldSize);
        options.waitWorkers = true;
        options.timeout = spec.timeout;
        runtime_->store = c10::make_intrusive<c10d::TCPStore>(spec.masterAddress, options);
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
