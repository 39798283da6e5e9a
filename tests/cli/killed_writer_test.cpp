// A writer killed mid-way (SIGKILL: no handler, no cleanup) never leaves a half-written file in
// place of a user's old one: deeppacket-cli classify, vectors and train are started on real
// inputs over existing outputs and killed once their temporary files hold data.
#include <gtest/gtest.h>
#include <pcap/dlt.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/support/cli_runner.h"
#include "tests/support/killed_process.h"
#include "tests/support/labelled_captures.h"
#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

namespace fs = std::filesystem;
using test::Bytes;

// Starts deeppacket-cli without waiting for it.
pid_t startCli(const std::vector<std::string>& args) {
    const pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> argv;
        std::string program = DEEPPACKET_CLI;
        argv.push_back(program.data());
        std::vector<std::string> copies = args;
        for (auto& a : copies) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        freopen("/dev/null", "w", stdout);
        freopen("/dev/null", "w", stderr);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    return pid;
}

void writeText(const std::string& path, const std::string& text) {
    test::writeFile(path, Bytes(text.begin(), text.end()));
}

// A capture of many small TLS-like packets over a few hundred flows.
std::string manyPackets(const test::TempDir& dir, std::size_t count,
                        const std::string& name = "many.pcap") {
    std::vector<test::Record> records;
    records.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        test::TcpSpec tcp;
        tcp.srcPort = static_cast<std::uint16_t>(40000 + i % 300);
        tcp.seq = static_cast<std::uint32_t>(i);
        test::Record r;
        r.data = test::ethernet(
            test::kEtherIpv4,
            test::ipv4({}, test::tcp(tcp, test::counting(120, static_cast<std::uint8_t>(i)))));
        r.seconds = 1700000000 + static_cast<std::uint32_t>(i / 1000);
        r.fraction = static_cast<std::uint32_t>(i % 1000) * 1000;
        records.push_back(std::move(r));
    }
    const std::string path = dir.path(name);
    test::writeFile(path, test::pcapFile(DLT_EN10MB, records));
    return path;
}

TEST(KilledWriter, ClassifyLeavesTheOldResultFiles) {
    test::TempDir dir;
    const std::string capture = manyPackets(dir, 150000);
    fs::create_directories(dir.path("out"));
    const std::string packets = dir.path("out/packets.csv");
    const std::string flows = dir.path("out/flows.csv");
    writeText(packets, "old packets\n");
    writeText(flows, "old flows\n");

    const pid_t pid =
        startCli({"classify", "--model", std::string(DEEPPACKET_PRETRAINED) + "/traffic-sae.dpm",
                  "-t", "1", "-q", "-o", dir.path("out"), capture});
    ASSERT_TRUE(test::waitForPartialFile(pid, packets)) << "classify ended before writing";
    ASSERT_TRUE(test::killNow(pid)) << "classify ended before it was killed";
    EXPECT_EQ(test::readText(packets), "old packets\n");
    EXPECT_EQ(test::readText(flows), "old flows\n");

    // The next run replaces them whole.
    test::TempDir runDir;
    const auto run = test::runCli(
        {"classify", "--model", std::string(DEEPPACKET_PRETRAINED) + "/traffic-sae.dpm", "-q", "-o",
         dir.path("out"), dir.path("many.pcap")},
        runDir);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(test::readText(packets).rfind("file,", 0), 0u);
}

TEST(KilledWriter, VectorsLeavesTheOldArrays) {
    test::TempDir dir;
    const std::string capture = manyPackets(dir, 150000);
    const std::string npy = dir.path("v.npy");
    const std::string csv = dir.path("v.csv");
    writeText(npy, "old array");
    writeText(csv, "old metadata\n");

    const pid_t pid = startCli({"vectors", "-q", "--length", "200", "-o", dir.path("v"), capture});
    const bool running = test::waitForPartialFile(pid, npy);
    const bool killed = running && test::killNow(pid);
    if (!killed) {
        // Finished before the kill (a fast machine): then the outputs are complete.
        EXPECT_EQ(test::readText(npy).substr(1, 5), "NUMPY");
        GTEST_SKIP() << "vectors finished before it could be killed";
    }
    EXPECT_EQ(test::readText(npy), "old array");
    EXPECT_EQ(test::readText(csv), "old metadata\n");
}

TEST(KilledWriter, TrainingLeavesTheOldModel) {
    test::TempDir dir;
    test::writeLabelledCaptures(dir, "lab", 41, 6, 40);
    const std::string model = dir.path("model.dpm");
    fs::copy_file(std::string(DEEPPACKET_PRETRAINED) + "/traffic-sae.dpm", model);
    const auto before = test::readText(model);

    const pid_t pid = startCli({"train", "--arch", "cnn", "--task", "demo", "--labels", "folder",
                                "--split", "flow", "--epochs", "1000", "--patience", "1000", "-t",
                                "1", "-o", model, dir.path("lab")});
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    ASSERT_TRUE(test::killNow(pid)) << "training ended before it was killed";
    EXPECT_EQ(test::readText(model), before);
    test::TempDir runDir;
    EXPECT_EQ(test::runCli({"info", model}, runDir).code, 0);
}

// Temporary files of the destination, left or not.
std::vector<std::string> temporariesOf(const std::string& destination) {
    std::vector<std::string> out;
    const fs::path path(destination);
    const std::string prefix = path.filename().string() + ".tmp-";
    for (const auto& entry : fs::directory_iterator(path.parent_path())) {
        if (entry.path().filename().string().rfind(prefix, 0) == 0) {
            out.push_back(entry.path().string());
        }
    }
    return out;
}

// SIGTERM (kill, systemd, a scheduler) stops a writer as cleanly as Ctrl-C: no litter.
TEST(KilledWriter, TerminatedCommandsRemoveTheirTemporaryFiles) {
    test::TempDir dir;
    const std::string capture = manyPackets(dir, 150000);
    fs::create_directories(dir.path("out"));
    for (const auto& [args, destination] :
         std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"vectors", "-q", "-o", dir.path("v"), capture}, dir.path("v.npy")},
             {{"classify", "--model", std::string(DEEPPACKET_PRETRAINED) + "/traffic-sae.dpm", "-t",
               "1", "-q", "-o", dir.path("out"), capture},
              dir.path("out/packets.csv")}}) {
        const pid_t pid = startCli(args);
        if (!test::waitForPartialFile(pid, destination)) {
            GTEST_SKIP() << args.front() << " finished before it could be stopped";
        }
        ASSERT_EQ(kill(pid, SIGTERM), 0);
        int status = 0;
        ASSERT_EQ(waitpid(pid, &status, 0), pid);
        ASSERT_TRUE(WIFEXITED(status)) << args.front() << " was killed by the signal";
        EXPECT_EQ(WEXITSTATUS(status), 130) << args.front();
        EXPECT_EQ(temporariesOf(destination), std::vector<std::string>{}) << args.front();
        EXPECT_FALSE(fs::exists(destination)) << args.front();
    }
}

// A process killed outright leaves its temporary file; the next run for the same destination
// removes it (its writer is gone), and leaves a live writer's alone.
TEST(KilledWriter, TheNextRunRemovesADeadWritersTemporaryFile) {
    test::TempDir dir;
    const std::string capture = manyPackets(dir, 2000);
    const pid_t dead = fork();
    if (dead == 0) {
        _exit(0);
    }
    waitpid(dead, nullptr, 0);
    const std::string stale = dir.path("v.npy.tmp-" + std::to_string(dead) + "-0");
    const std::string live = dir.path("v.npy.tmp-" + std::to_string(getpid()) + "-7");
    writeText(stale, "left by a killed run");
    writeText(live, "still being written");
    const auto run = test::runCli({"vectors", "-q", "-o", dir.path("v"), capture}, dir);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_FALSE(fs::exists(stale));
    EXPECT_TRUE(fs::exists(live));
}

}  // namespace
}  // namespace deeppacket
