// Worker groups on PyTorch's distributed runtime (c10d, Gloo) as launchers start them: real
// worker processes on this machine, copies of this test program, meeting over localhost.
#include "models/worker_group.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/packet_builder.h"
#include "tests/support/worker_processes.h"

namespace deeppacket {
namespace {

// `workers` copies of this program as a group, each running the probe below with `task`.
std::vector<std::string> runGroup(int workers, const std::string& task, const test::TempDir& dir) {
    return test::runWorkerProbes(workers, "WorkerGroupProbe.Run", task, dir);
}

// What each worker of runGroup() does (skipped when the test program runs as itself).
TEST(WorkerGroupProbe, Run) {
    const char* task = std::getenv("DEEPPACKET_WORKER_PROBE");
    if (task == nullptr) {
        GTEST_SKIP() << "runs as a worker of the WorkerGroup tests only";
    }
    std::ofstream out(std::getenv("DEEPPACKET_WORKER_OUT"));
    WorkerGroupOverrides overrides;
    overrides.timeout = std::chrono::seconds(30);
    try {
        WorkerGroup group(workerGroupSpec(overrides));
        const int rank = group.rank();
        if (std::string(task) == "die" && rank == group.worldSize() - 1) {
            _exit(3);  // a worker that dies after the group formed
        }
        float values[3] = {static_cast<float>(rank + 1), 10.0f * static_cast<float>(rank + 1),
                           0.5f};
        group.allReduceSum(values, 3);
        float root[2] = {rank == 1 ? 7.0f : 0.0f, rank == 1 ? 8.0f : 0.0f};
        group.broadcast(root, 2, 1);
        group.barrier();
        out << values[0] << " " << values[1] << " " << values[2] << " " << root[0] << " "
            << root[1];
    } catch (const WorkerGroupError& e) {
        out << "error: " << e.what();
    }
}

TEST(WorkerGroup, TwoAndThreeWorkersAddUpAndBroadcast) {
    for (int workers : {2, 3}) {
        test::TempDir dir;
        const auto outputs = runGroup(workers, "sum", dir);
        // 1 + 2 (+ 3), ten times that, 0.5 per worker; rank 1's broadcast.
        const int n = workers;
        std::ostringstream expected;
        expected << n * (n + 1) / 2 << " " << 10 * n * (n + 1) / 2 << " " << 0.5 * n << " 7 8";
        for (int rank = 0; rank < workers; ++rank) {
            EXPECT_EQ(outputs[static_cast<std::size_t>(rank)], expected.str())
                << workers << " workers, rank " << rank;
        }
    }
}

TEST(WorkerGroup, AWorkerThatDiesIsNamedAndTheOthersStop) {
    test::TempDir dir;
    const auto began = std::chrono::steady_clock::now();
    const auto outputs = runGroup(3, "die", dir);
    EXPECT_LT(std::chrono::steady_clock::now() - began, std::chrono::seconds(30))
        << "the others stopped well within the timeout";
    for (int rank = 0; rank < 2; ++rank) {
        const std::string& text = outputs[static_cast<std::size_t>(rank)];
        EXPECT_NE(text.find("error: worker " + std::to_string(rank) + " of 3"), std::string::npos)
            << text;
        EXPECT_NE(text.find("worker 2 is gone"), std::string::npos) << text;
    }
}

TEST(WorkerGroup, TheLaunchersEnvironmentAndTheOptions) {
    std::map<std::string, std::string> variables;
    const auto env = [&](const char* name) -> const char* {
        const auto it = variables.find(name);
        return it == variables.end() ? nullptr : it->second.c_str();
    };
    WorkerGroupSpec alone = workerGroupSpec({}, env);
    EXPECT_FALSE(alone.distributed());
    EXPECT_EQ(alone.rank, 0);

    variables = {
        {"RANK", "2"}, {"WORLD_SIZE", "4"}, {"MASTER_ADDR", "node1"}, {"MASTER_PORT", "29400"}};
    WorkerGroupSpec torchrun = workerGroupSpec({}, env);
    EXPECT_EQ(torchrun.rank, 2);
    EXPECT_EQ(torchrun.worldSize, 4);
    EXPECT_EQ(torchrun.masterAddress, "node1");
    EXPECT_EQ(torchrun.masterPort, 29400);

    // Slurm's own variables when the launcher set no RANK.
    variables = {{"SLURM_PROCID", "1"}, {"SLURM_NTASKS", "3"}, {"MASTER_ADDR", "n0"}};
    WorkerGroupSpec slurm = workerGroupSpec({}, env);
    EXPECT_EQ(slurm.rank, 1);
    EXPECT_EQ(slurm.worldSize, 3);

    // The command line's options win.
    WorkerGroupOverrides options;
    options.rank = 0;
    options.worldSize = 2;
    options.master = "[fd00::1]:5000";
    WorkerGroupSpec given = workerGroupSpec(options, env);
    EXPECT_EQ(given.worldSize, 2);
    EXPECT_EQ(given.masterAddress, "fd00::1");
    EXPECT_EQ(given.masterPort, 5000);
    options.master = "head:4000";
    EXPECT_EQ(workerGroupSpec(options, env).masterPort, 4000);

    // torchrun's agent hosts the store; the workers' keys are under the attempt's prefix.
    variables = {{"RANK", "1"},
                 {"WORLD_SIZE", "2"},
                 {"TORCHELASTIC_USE_AGENT_STORE", "True"},
                 {"TORCHELASTIC_RESTART_COUNT", "2"}};
    WorkerGroupSpec elastic = workerGroupSpec({}, env);
    EXPECT_TRUE(elastic.agentStore);
    EXPECT_EQ(elastic.storePrefix, "/worker/attempt_2");

    // What a launcher set wrong is named.
    variables = {{"RANK", "two"}, {"WORLD_SIZE", "4"}};
    EXPECT_THROW(workerGroupSpec({}, env), std::invalid_argument);
    variables = {{"RANK", "4"}, {"WORLD_SIZE", "4"}};
    EXPECT_THROW(workerGroupSpec({}, env), std::invalid_argument);
    variables = {{"MASTER_PORT", "70000"}};
    EXPECT_THROW(workerGroupSpec({}, env), std::invalid_argument);
    options = {};
    options.master = ":5000";
    EXPECT_THROW(workerGroupSpec(options, {}), std::invalid_argument);
}

}  // namespace
}  // namespace deeppacket
