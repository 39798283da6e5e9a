// classify and evaluate as a group of workers, started as a launcher (torchrun, srun) starts
// them: each worker reads its block of the captures and writes its part of the rows; evaluate's
// metrics, confusion matrices and dendrogram are those of one run over all the captures.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "core/csv_reader.h"
#include "tests/support/cli_runner.h"
#include "tests/support/free_port.h"

namespace deeppacket {
namespace {

const std::string kSample = DEEPPACKET_LAB_SAMPLE;

// Runs `workers` copies of deeppacket-cli with the arguments side by side, as a launcher would,
// with RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT set; their runs by rank.
std::vector<test::CliRun> runGroup(int workers, const std::vector<std::string>& args,
                                   const test::TempDir& dir) {
    const std::string port = std::to_string(test::freePort());
    std::vector<test::CliRun> runs(static_cast<std::size_t>(workers));
    std::vector<std::thread> threads;
    for (int rank = 0; rank < workers; ++rank) {
        threads.emplace_back([&, rank] {
            runs[static_cast<std::size_t>(rank)] = test::runCli(
                args, dir,
                "RANK=" + std::to_string(rank) + " WORLD_SIZE=" + std::to_string(workers) +
                    " MASTER_ADDR=127.0.0.1 MASTER_PORT=" + port);
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

}  // namespace
}  // namespace deeppacket
