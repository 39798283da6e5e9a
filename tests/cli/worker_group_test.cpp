// classify, evaluate and train as a group of workers, started as a launcher (torchrun, srun)
// starts them: each worker reads its block of the captures and writes its part of the rows;
// evaluate's metrics, confusion matrices and dendrogram are those of one run over all the
// captures; train's workers end with one model on the split one process would make.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/csv_reader.h"
#include "tests/support/cli_runner.h"
#include "tests/support/free_port.h"
#include "tests/support/labelled_captures.h"

namespace deeppacket {
namespace {

const std::string kSample = DEEPPACKET_LAB_SAMPLE;

// The launcher's variables for one worker of a group.
std::string launcherEnvironment(int rank, int workers, const std::string& port) {
    return "RANK=" + std::to_string(rank) + " WORLD_SIZE=" + std::to_string(workers) +
           " MASTER_ADDR=127.0.0.1 MASTER_PORT=" + port;
}

// Runs `workers` copies of deeppacket-cli with the arguments side by side, as a launcher would,
// with RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT set; their runs by rank.
std::vector<test::CliRun> runGroup(int workers, const std::vector<std::string>& args,
                                   const test::TempDir&) {
    const std::string port = std::to_string(test::freePort());
    std::vector<test::CliRun> runs(static_cast<std::size_t>(workers));
    std::vector<std::thread> threads;
    for (int rank = 0; rank < workers; ++rank) {
        threads.emplace_back([&, rank] {
            const test::TempDir own;  // each worker's stdout and stderr
            runs[static_cast<std::size_t>(rank)] =
                test::runCli(args, own, launcherEnvironment(rank, workers, port));
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    return runs;
}

// The (file, number) of every packet row, in order.
std::vector<std::string> packetKeys(const std::vector<std::string>& files) {
    std::vector<std::string> keys;
    for (const auto& file : files) {
        for (const auto& row : readCsvFile(file).rows) {
            keys.push_back(row[0] + "#" + row[1]);
        }
    }
    return keys;
}

TEST(WorkerGroupRuns, EvaluateByAGroupEqualsOneRunExactly) {
    test::TempDir dir;
    const std::vector<std::string> common = {"evaluate", "-q", "--labels",
                                             "files:" + kSample + "/labels-traffic.csv", kSample};
    auto args = common;
    args.insert(args.end(), {"-o", dir.path("one")});
    const test::CliRun one = test::runCli(args, dir);
    ASSERT_EQ(one.code, 0) << one.err;
    for (int workers : {2, 3}) {
        const std::string out = dir.path("group" + std::to_string(workers));
        args = common;
        args.insert(args.end(), {"-o", out});
        const auto runs = runGroup(workers, args, dir);
        for (const auto& run : runs) {
            ASSERT_EQ(run.code, 0) << run.err;
        }
        for (const char* file :
             {"metrics.csv", "confusion.csv", "dendrogram.json", "dendrogram.nwk"}) {
            EXPECT_EQ(test::readText(out + "/" + file), test::readText(dir.path("one/") + file))
                << workers << " workers: " << file;
        }
        // The parts, in rank order, hold the packets of the one run in its order.
        std::vector<std::string> parts;
        for (int rank = 0; rank < workers; ++rank) {
            parts.push_back(out + "/packets.part-" + std::to_string(rank) + "-of-" +
                            std::to_string(workers) + ".csv");
        }
        EXPECT_EQ(packetKeys(parts), packetKeys({dir.path("one/packets.csv")}));
        EXPECT_NE(runs[0].out.find("for the " + std::to_string(workers) + " workers"),
                  std::string::npos)
            << runs[0].out;
    }
}

// Six sessions of each of three classes, labelled by folder: enough for the file split.
void writeSessions(const test::TempDir& dir) {
    for (std::uint32_t s = 0; s < 6; ++s) {
        test::writeLabelledCaptures(dir, "sessions/" + std::to_string(s), 70 + s, 3, 20);
    }
}

// train on the sessions of writeSessions: an SAE of the "demo" task, the options given, the model
// written to `model`.
std::vector<std::string> sessionTraining(const test::TempDir& dir, const std::string& model,
                                         const std::vector<std::string>& options) {
    std::vector<std::string> args = {"train",    "--arch", "sae", "--task", "demo",
                                     "--labels", "folder", "-o",  model};
    args.insert(args.end(), options.begin(), options.end());
    args.push_back(dir.path("sessions"));
    return args;
}

nlohmann::json cardMetrics(const std::string& model, const test::TempDir& dir) {
    const test::CliRun info = test::runCli({"info", "--json", model}, dir);
    EXPECT_EQ(info.code, 0) << info.err;
    return nlohmann::json::parse(info.out)["card"]["metrics"];
}

// The docs' torchrun example: torchrun hosts the group's store itself (its agent's), and starts
// the program with --no_python. Debian's torchrun of PyTorch 1.13 on Python 3.11 needs
// --redirects and --tee other than 0 (its own parsing of 0 fails there).
TEST(WorkerGroupRuns, UnderTorchrun) {
    if (std::system("command -v torchrun >/dev/null 2>&1") != 0) {
        GTEST_SKIP() << "no torchrun (Debian: python3-torch)";
    }
    test::TempDir dir;
    const std::string labels = "files:" + kSample + "/labels-traffic.csv";
    ASSERT_EQ(
        test::runCli({"evaluate", "-q", "--labels", labels, "-o", dir.path("one"), kSample}, dir)
            .code,
        0);
    const test::CliRun run = test::runCli(
        {"--nproc_per_node=2", "--redirects", "1", "--tee", "1", "--no_python", DEEPPACKET_CLI,
         "evaluate", "-q", "--labels", labels, "-o", dir.path("torchrun"), kSample},
        dir, "", "torchrun");
    ASSERT_EQ(run.code, 0) << run.err;
    for (const char* file : {"metrics.csv", "confusion.csv", "dendrogram.json"}) {
        EXPECT_EQ(test::readText(dir.path("torchrun/") + file),
                  test::readText(dir.path("one/") + file))
            << file;
    }
    // The docs' training example, on sessions the test writes.
    writeSessions(dir);
    std::vector<std::string> torchrun = {"--nproc_per_node=2", "--redirects", "1", "--tee", "1",
                                         "--no_python",        DEEPPACKET_CLI};
    const auto training = sessionTraining(dir, dir.path("torchrun.dpm"),
                                          {"--epochs", "1", "--pretrain-epochs", "1", "-q"});
    torchrun.insert(torchrun.end(), training.begin(), training.end());
    const test::CliRun train = test::runCli(torchrun, dir, "", "torchrun");
    ASSERT_EQ(train.code, 0) << train.err;
    EXPECT_EQ(cardMetrics(dir.path("torchrun.dpm"), dir)["training"]["workers"], 2);
}

TEST(WorkerGroupRuns, ClassifyByAGroupWritesEachWorkersPart) {
    test::TempDir dir;
    const auto runs = runGroup(2, {"classify", "-q", "-o", dir.path("out"), kSample}, dir);
    std::size_t rows = 0;
    for (int rank = 0; rank < 2; ++rank) {
        ASSERT_EQ(runs[static_cast<std::size_t>(rank)].code, 0)
            << runs[static_cast<std::size_t>(rank)].err;
        rows += readCsvFile(dir.path("out/packets.part-" + std::to_string(rank) + "-of-2.csv"))
                    .rows.size();
    }
    const test::CliRun one = test::runCli({"classify", "-q", "-o", dir.path("one"), kSample}, dir);
    ASSERT_EQ(one.code, 0) << one.err;
    EXPECT_EQ(rows, readCsvFile(dir.path("one/packets.csv")).rows.size());
}

TEST(WorkerGroupRuns, AGroupLargerThanTheCapturesOrABadRankIsAUsageError) {
    test::TempDir dir;
    const test::CliRun many =
        test::runCli({"classify", "-q", "-o", dir.path("out"), kSample}, dir,
                     "RANK=0 WORLD_SIZE=100 MASTER_ADDR=127.0.0.1 MASTER_PORT=1");
    EXPECT_EQ(many.code, 2);
    EXPECT_NE(many.err.find("100 workers need at least as many captures"), std::string::npos)
        << many.err;
    const test::CliRun rank = test::runCli(
        {"classify", "-q", "--rank", "3", "--world-size", "2", "-o", dir.path("out"), kSample},
        dir);
    EXPECT_EQ(rank.code, 2);
    EXPECT_NE(rank.err.find("rank 3"), std::string::npos) << rank.err;
}

std::string weightsCrc(const std::string& text) {
    const auto at = text.find("weights crc32 ");
    return at == std::string::npos ? "none" : text.substr(at + 14, 8);
}

TEST(WorkerGroupRuns, TrainByAGroupOfTwoOrThree) {
    test::TempDir dir;
    writeSessions(dir);
    const std::vector<std::string> options = {"--epochs", "2", "--pretrain-epochs", "1", "--batch",
                                              "64",       "-q"};
    const test::CliRun one = test::runCli(sessionTraining(dir, dir.path("one.dpm"), options), dir);
    ASSERT_EQ(one.code, 0) << one.err;
    const nlohmann::json alone = cardMetrics(dir.path("one.dpm"), dir);
    for (int workers : {2, 3}) {
        const std::string model = dir.path("group" + std::to_string(workers) + ".dpm");
        const auto runs = runGroup(workers, sessionTraining(dir, model, options), dir);
        for (const auto& run : runs) {
            ASSERT_EQ(run.code, 0) << run.err;
        }
        // Worker 0 speaks for the group; every worker holds the same weights.
        EXPECT_NE(runs[0].out.find("Trained by " + std::to_string(workers) + " workers"),
                  std::string::npos)
            << runs[0].out;
        for (int rank = 1; rank < workers; ++rank) {
            const std::string& err = runs[static_cast<std::size_t>(rank)].err;
            EXPECT_NE(err.find("Worker " + std::to_string(rank) + " of " + std::to_string(workers) +
                               ": trained with the group"),
                      std::string::npos)
                << err;
            EXPECT_EQ(weightsCrc(err), weightsCrc(runs[0].out)) << "rank " << rank;
        }
        const nlohmann::json metrics = cardMetrics(model, dir);
        EXPECT_EQ(metrics["training"]["workers"], workers);
        // The split is decided on counts: the group's sets are those of one process.
        EXPECT_EQ(metrics["class_counts"], alone["class_counts"]) << workers << " workers";
    }
}

TEST(WorkerGroupRuns, AGroupSharesTheCapOfEachClass) {
    test::TempDir dir;
    writeSessions(dir);
    const auto runs = runGroup(
        2,
        {"train", "--arch", "cnn", "--task", "demo", "--labels", "folder", "--epochs", "1",
         "--max-per-class", "100", "-q", "-o", dir.path("capped.dpm"), dir.path("sessions")},
        dir);
    for (const auto& run : runs) {
        ASSERT_EQ(run.code, 0) << run.err;
    }
    const nlohmann::json counts = cardMetrics(dir.path("capped.dpm"), dir)["class_counts"];
    for (const char* name : {"shell", "voice", "web"}) {
        int kept = 0;
        for (const char* set : {"train", "validation", "test"}) {
            kept += counts[set][name].get<int>();
        }
        EXPECT_EQ(kept, 100) << name;  // 360 read of each class
    }
}

TEST(WorkerGroupRuns, AKilledWorkerEndsTheOthersWithItsName) {
    test::TempDir dir;
    writeSessions(dir);
    const std::string port = std::to_string(test::freePort());
    // Long enough to be killed in the middle: many pre-training epochs.
    const std::vector<std::string> args =
        sessionTraining(dir, dir.path("never.dpm"), {"--pretrain-epochs", "500", "--batch", "16"});
    std::vector<test::CliRun> runs(3);
    std::vector<std::thread> threads;
    const std::string pidFile = dir.path("worker2.pid");
    const test::TempDir victimDir;
    for (int rank = 0; rank < 3; ++rank) {
        threads.emplace_back([&, rank] {
            const test::TempDir own;
            std::vector<std::string> line = {"-c", "echo $$ > " + pidFile + "; exec \"$0\" \"$@\"",
                                             DEEPPACKET_CLI};
            line.insert(line.end(), args.begin(), args.end());
            runs[static_cast<std::size_t>(rank)] =
                rank == 2 ? test::runCli(line, victimDir, launcherEnvironment(rank, 3, port), "sh")
                          : test::runCli(args, own, launcherEnvironment(rank, 3, port));
        });
    }
    // Once worker 2 trains (its first epoch reported), SIGKILL: no goodbye to the others.
    const auto began = std::chrono::steady_clock::now();
    while (test::readText(victimDir.path("stderr.txt")).find("pretrain layer 1 epoch") ==
               std::string::npos &&
           std::chrono::steady_clock::now() - began < std::chrono::minutes(2)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    const pid_t victim = static_cast<pid_t>(std::stol(test::readText(pidFile)));
    ASSERT_EQ(kill(victim, SIGKILL), 0);
    const auto killed = std::chrono::steady_clock::now();
    for (auto& t : threads) {
        t.join();
    }
    // Gloo sees the closed connections at once; the roll call takes a few seconds.
    EXPECT_LT(std::chrono::steady_clock::now() - killed, std::chrono::seconds(60));
    for (int rank = 0; rank < 2; ++rank) {
        const test::CliRun& run = runs[static_cast<std::size_t>(rank)];
        EXPECT_EQ(run.code, 1) << run.err;
        EXPECT_NE(run.err.find("worker " + std::to_string(rank) + " of 3"), std::string::npos)
            << run.err;
        EXPECT_NE(run.err.find("worker 2 is gone"), std::string::npos) << run.err;
    }
    EXPECT_FALSE(std::filesystem::exists(dir.path("never.dpm"))) << "no model from a broken group";
}

TEST(WorkerGroupRuns, AGroupTrainsAFlowModelOnTheSplitOfOneProcess) {
    test::TempDir dir;
    writeSessions(dir);
    const auto flowTraining = [&](const std::string& model) {
        std::vector<std::string> args = sessionTraining(dir, model, {"--epochs", "3", "-q"});
        args[2] = "flow";  // --arch flow
        return args;
    };
    const test::CliRun one = test::runCli(flowTraining(dir.path("one.dpm")), dir);
    ASSERT_EQ(one.code, 0) << one.err;
    const auto runs = runGroup(2, flowTraining(dir.path("group.dpm")), dir);
    for (const auto& run : runs) {
        ASSERT_EQ(run.code, 0) << run.err;
    }
    EXPECT_EQ(weightsCrc(runs[1].err), weightsCrc(runs[0].out));
    const nlohmann::json metrics = cardMetrics(dir.path("group.dpm"), dir);
    EXPECT_EQ(metrics["training"]["workers"], 2);
    EXPECT_EQ(metrics["flow_counts"], cardMetrics(dir.path("one.dpm"), dir)["flow_counts"]);
    // The test flows are scored over the group: as many as one process scores.
    EXPECT_EQ(metrics["test"]["flows"]["total"],
              cardMetrics(dir.path("one.dpm"), dir)["test"]["flows"]["total"]);
}

TEST(WorkerGroupRuns, WhatAGroupCannotTrainIsAUsageError) {
    test::TempDir dir;
    const std::string group = "RANK=0 WORLD_SIZE=2 MASTER_ADDR=127.0.0.1 MASTER_PORT=1";
    for (const char* arch : {"sae", "flow"}) {
        const test::CliRun run =
            test::runCli({"train", "--task", "demo", "--labels", "folder", "-o", dir.path("m.dpm"),
                          "--arch", arch, "--split", "packet", kSample},
                         dir, group);
        EXPECT_EQ(run.code, 2) << arch;
        EXPECT_NE(run.err.find("file split"), std::string::npos) << run.err;
    }
}

}  // namespace
}  // namespace deeppacket
