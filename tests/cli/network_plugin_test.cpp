// The networks (LibTorch and the hundreds of libraries it brings) load only for the commands
// that need them (app/cli/network_plugin.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/cli_runner.h"

namespace deeppacket {
namespace {

using test::CliRun;

const std::string kSample = DEEPPACKET_SAMPLE_CAPTURE;
const std::string kModel = std::string(DEEPPACKET_PRETRAINED) + "/traffic-sae.dpm";

bool loadedLibTorch(const CliRun& run) {
    return run.err.find("libtorch") != std::string::npos;
}

TEST(NetworkPlugin, OnlyTheCommandsWithNetworksLoadLibTorch) {
    test::TempDir dir;
    // glibc's loader names every library it opens, those of dlopen too.
    const std::string trace = "LD_DEBUG=files";
    const CliRun classify =
        test::runCli({"classify", "-m", kModel, kSample, "-o", dir.path("out")}, dir, trace);
    ASSERT_EQ(classify.code, 0) << classify.err;
    if (classify.err.find("file=") == std::string::npos) {
        GTEST_SKIP() << "this system's loader does not say what it loads";
    }
    EXPECT_TRUE(loadedLibTorch(classify));

    const std::vector<std::vector<std::string>> withoutNetworks = {
        {"--version"},        {"--help"},       {"classify", "--help"},
        {"inspect", kSample}, {"info", kModel}, {"vectors", kSample, "-o", dir.path("vectors")},
        {"merge", "--help"},
    };
    for (const auto& args : withoutNetworks) {
        const CliRun run = test::runCli(args, dir, trace);
        EXPECT_EQ(run.code, 0) << args.front() << ": " << run.err.substr(0, 2000);
        if (args.front() == "classify") {
            // Its options are the plugin's: help for a network command loads it.
            continue;
        }
        EXPECT_FALSE(loadedLibTorch(run)) << args.front();
    }
}

TEST(NetworkPlugin, AProgramWithoutItsPluginSaysSoAndStillInspects) {
    test::TempDir dir;
    const std::string alone = dir.path("deeppacket-cli");
    std::filesystem::copy_file(DEEPPACKET_CLI, alone);
    std::filesystem::permissions(alone, std::filesystem::perms::owner_exec,
                                 std::filesystem::perm_options::add);
    const CliRun classify =
        test::runCli({"classify", "-m", kModel, kSample, "-o", dir.path("out")}, dir, "", alone);
    EXPECT_EQ(classify.code, 1);
    EXPECT_NE(classify.err.find("the networks plugin: deeppacket-cli-networks"), std::string::npos)
        << classify.err;
    EXPECT_NE(classify.err.find(dir.path("deeppacket-cli-networks")), std::string::npos)
        << "it names where it looked: " << classify.err;
    EXPECT_EQ(std::count(classify.err.begin(), classify.err.end(), '\n'), 1) << classify.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("out")));

    const CliRun inspect = test::runCli({"inspect", kSample}, dir, "", alone);
    EXPECT_EQ(inspect.code, 0) << inspect.err;
    EXPECT_NE(inspect.out.find("kept"), std::string::npos);
}

}  // namespace
}  // namespace deeppacket
