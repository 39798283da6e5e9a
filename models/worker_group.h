#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/metrics.h"

// A group of worker processes on PyTorch's distributed runtime (c10d: a TCP store for the
// rendezvous, Gloo for the collectives), as the launchers people already run start them:
// torchrun, Slurm's srun, Kubernetes training operators all give each worker RANK, WORLD_SIZE,
// MASTER_ADDR and MASTER_PORT.

namespace deeppacket {

// The group could not form, or a worker went away: the message says which.
class WorkerGroupError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Where one worker stands in its group.
struct WorkerGroupSpec {
    int rank = 0;
    int worldSize = 1;
    std::string masterAddress = "127.0.0.1";
    std::uint16_t masterPort = 29500;
    // How long the rendezvous and each collective may wait for the others.
    std::chrono::milliseconds timeout{std::chrono::minutes(5)};
    // Under torchrun the launcher's agent hosts the store at MASTER_PORT (every worker is its
    // client) and the workers' keys live under "/worker/attempt_N", N counting restarts.
    bool agentStore = false;
    std::string storePrefix;

    bool distributed() const { return worldSize > 1; }
};

// What the user gave on the command line; unset values come from the launcher's environment.
struct WorkerGroupOverrides {
    std::optional<int> rank;
    std::optional<int> worldSize;
    std::optional<std::string> master;  // HOST or HOST:PORT
    std::optional<std::chrono::milliseconds> timeout;
};

// The spec from the overrides and the environment (`environment` reads a variable: getenv by
// default): RANK and WORLD_SIZE, else Slurm's SLURM_PROCID and SLURM_NTASKS; MASTER_ADDR and
// MASTER_PORT; torchrun's TORCHELASTIC_USE_AGENT_STORE and TORCHELASTIC_RESTART_COUNT. Without any
// of them a single worker. Throws std::invalid_argument naming the variable or option that is
// wrong.
WorkerGroupSpec workerGroupSpec(
    const WorkerGroupOverrides& overrides = {},
    const std::function<const char*(const char*)>& environment = nullptr);

// One worker's membership: joins the group on construction (rank 0 hosts the rendezvous) and
// leaves it on destruction. Collectives work on plain float buffers, in place, and must be
// called by every worker in the same order. Every failure is a WorkerGroupError that says what
// failed and, when a worker went away, which one.
class WorkerGroup {
  public:
    explicit WorkerGroup(const WorkerGroupSpec& spec);
    ~WorkerGroup();
    WorkerGroup(const WorkerGroup&) = delete;
    WorkerGroup& operator=(const WorkerGroup&) = delete;

    int rank() const { return spec_.rank; }
    int worldSize() const { return spec_.worldSize; }

    // Every worker's values added up, everywhere.
    void allReduceSum(float* values, std::size_t count);
    void allReduceSum(std::int64_t* values, std::size_t count);  // exact, for counts
    void allReduceSum(double* values, std::size_t count);
    // Every worker's text, by rank, everywhere (through the rendezvous store: for small things
    // such as class names).
    std::vector<std::string> allGather(const std::string& text);
    // Rank `root`'s values, everywhere.
    void broadcast(float* values, std::size_t count, int root);
    // Waits for every worker.
    void barrier();

  private:
    [[noreturn]] void fail(const std::string& what, const std::string& cause);
    void checkUsable() const;
    template <typename T>
    void sumInPlace(T* values, std::size_t count, const char* what);

    struct Runtime;
    WorkerGroupSpec spec_;
    std::unique_ptr<Runtime> runtime_;
    std::uint64_t gathers_ = 0;
};

// A confusion matrix of every worker's counts, everywhere (exact: 64-bit integers).
ConfusionMatrix allReduceSum(WorkerGroup& group, const ConfusionMatrix& confusion);

}  // namespace deeppacket
