// Jobs that run on their own (--part R/N, as a Slurm job array starts them) and merge: the
// joined files are those of one run over all the captures, byte for byte.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/cli_runner.h"

namespace deeppacket {
namespace {

const std::string kSample = DEEPPACKET_LAB_SAMPLE;

TEST(Merge, PartsOfIndependentJobsMergeIntoOneRunsFiles) {
    test::TempDir dir;
    const std::string labels = "files:" + kSample + "/labels-traffic.csv";
    const test::CliRun one =
        test::runCli({"evaluate", "-q", "--labels", labels, "-o", dir.path("one"), kSample}, dir);
    ASSERT_EQ(one.code, 0) << one.err;
    // The jobs one after another, as an array's tasks may run at any time.
    for (int part = 2; part >= 0; --part) {
        const test::CliRun job =
            test::runCli({"evaluate", "-q", "--labels", labels, "--part",
                          std::to_string(part) + "/3", "-o", dir.path("parts"), kSample},
                         dir);
        ASSERT_EQ(job.code, 0) << job.err;
        EXPECT_NE(job.out.find("Part " + std::to_string(part) + " of 3"), std::string::npos)
            << job.out;
    }
    EXPECT_FALSE(std::filesystem::exists(dir.path("parts/metrics.csv")));
    const test::CliRun merge =
        test::runCli({"merge", "-o", dir.path("merged"), dir.path("parts")}, dir);
    ASSERT_EQ(merge.code, 0) << merge.err;
    EXPECT_NE(merge.out.find("macro average"), std::string::npos) << merge.out;
    for (const char* file : {"metrics.csv", "confusion.csv", "dendrogram.json", "dendrogram.nwk",
                             "packets.csv", "flows.csv"}) {
        EXPECT_EQ(test::readText(dir.path("merged/") + file),
                  test::readText(dir.path("one/") + file))
            << file;
    }
    // classify's parts join the same way (no scores).
    for (int part = 0; part < 2; ++part) {
        ASSERT_EQ(test::runCli({"classify", "-q", "--part", std::to_string(part) + "/2", "-o",
                                dir.path("classified"), kSample},
                               dir)
                      .code,
                  0);
    }
    ASSERT_EQ(test::runCli({"merge", dir.path("classified")}, dir).code, 0);
    ASSERT_EQ(test::runCli({"classify", "-q", "-o", dir.path("one-classify"), kSample}, dir).code,
              0);
    for (const char* file : {"packets.csv", "flows.csv"}) {
        EXPECT_EQ(test::readText(dir.path("classified/") + file),
                  test::readText(dir.path("one-classify/") + file))
            << file;
    }
    EXPECT_FALSE(std::filesystem::exists(dir.path("classified/metrics.csv")));
}

TEST(Merge, AMissingPartOrAWrongPartIsAnErrorThatSaysSo) {
    test::TempDir dir;
    const std::string labels = "files:" + kSample + "/labels-traffic.csv";
    ASSERT_EQ(test::runCli({"evaluate", "-q", "--labels", labels, "--part", "1/2", "-o",
                            dir.path("parts"), kSample},
                           dir)
                  .code,
              0);
    const test::CliRun missing = test::runCli({"merge", dir.path("parts")}, dir);
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.err.find("part 0 of 2 of flows.csv is missing"), std::string::npos)
        << missing.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("parts/packets.csv")));

    const test::CliRun empty = test::runCli({"merge", dir.path("")}, dir);
    EXPECT_EQ(empty.code, 1);
    EXPECT_NE(empty.err.find("holds no parts"), std::string::npos) << empty.err;

    const test::CliRun bad =
        test::runCli({"classify", "-q", "--part", "2/2", "-o", dir.path("x"), kSample}, dir);
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.err.find("R/N"), std::string::npos) << bad.err;
    const test::CliRun both =
        test::runCli({"classify", "-q", "--part", "0/2", "-o", dir.path("x"), kSample}, dir,
                     "RANK=0 WORLD_SIZE=2 MASTER_ADDR=127.0.0.1 MASTER_PORT=1");
    EXPECT_EQ(both.code, 2);
    EXPECT_NE(both.err.find("--part is for jobs that run on their own"), std::string::npos)
        << both.err;
}

}  // namespace
}  // namespace deeppacket
