// deeppacket-cli live and interfaces on a real interface: a veth pair into a network namespace
// made by the test (root), with known UDP traffic sent across it while live captures.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "core/capture_reader.h"
#include "core/csv_reader.h"
#include "tests/support/cli_runner.h"
#include "tests/support/packet_builder.h"
#include "tests/support/shell_command.h"

namespace deeppacket {
namespace {

bool run(const std::string& command) {
    return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

// A veth pair: `outside` here (10.201.N.1), its peer in a namespace of its own (10.201.N.2).
class VethPair {
  public:
    VethPair() {
        const std::string id = std::to_string(getpid() % 100000);
        outside = "dpl" + id + "a";
        inside = "dpl" + id + "b";
        ns = "dp-live-" + id;
        const std::string net = "10.201." + std::to_string(getpid() % 250) + ".";
        here = net + "1";
        there = net + "2";
        ok = run("ip netns add " + ns) &&
             run("ip link add " + outside + " type veth peer name " + inside) &&
             run("ip link set " + inside + " netns " + ns) &&
             run("ip addr add " + here + "/24 dev " + outside) &&
             run("ip link set " + outside + " up") &&
             run("ip netns exec " + ns + " ip addr add " + there + "/24 dev " + inside) &&
             run("ip netns exec " + ns + " ip link set " + inside + " up") &&
             run("ip netns exec " + ns + " ip link set lo up");
    }
    ~VethPair() {
        run("ip link del " + outside);
        run("ip netns del " + ns);
    }
    // Sends `perFlow` UDP datagrams of 200 bytes on each of two flows from the namespace.
    bool send(int perFlow) const {
        const std::string script =
            "import socket, time\n"
            "for port, dst in ((5001, 9999), (5002, 9998)):\n"
            "    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
            "    s.bind(('" +
            there +
            "', port))\n"
            "    for i in range(" +
            std::to_string(perFlow) +
            "):\n"
            "        s.sendto(bytes(200), ('" +
            here +
            "', dst))\n"
            "        time.sleep(0.002)\n";
        return run("ip netns exec " + ns + " /usr/bin/python3 -c " + test::shellQuoted(script));
    }

    bool ok = false;
    std::string outside, inside, ns, here, there;
};

// Starts deeppacket-cli with stdout and stderr in files, without waiting for it.
pid_t start(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
    const pid_t pid = fork();
    if (pid == 0) {
        std::vector<std::string> copies = args;
        std::string program = DEEPPACKET_CLI;
        std::vector<char*> argv{program.data()};
        for (auto& a : copies) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        if (freopen(out.c_str(), "w", stdout) == nullptr ||
            freopen(err.c_str(), "w", stderr) == nullptr) {
            _exit(126);
        }
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    return pid;
}

// Waits for the process to end (up to `seconds`); its exit code, or -1.
int finish(pid_t pid, int seconds) {
    for (int i = 0; i < seconds * 20; ++i) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    return -1;
}

// Waits until `path` holds `text` (the capture has started), up to 60 s.
bool waitForText(const std::string& path, const std::string& text) {
    for (int i = 0; i < 1200; ++i) {
        if (test::readText(path).find(text) != std::string::npos) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

class Live : public ::testing::Test {
  protected:
    void SetUp() override {
        if (getuid() != 0) {
            GTEST_SKIP() << "needs root for a network namespace and a veth pair";
        }
        veth_ = std::make_unique<VethPair>();
        if (!veth_->ok) {
            GTEST_SKIP() << "cannot make a veth pair in a network namespace here";
        }
    }
    test::TempDir dir_;
    std::unique_ptr<VethPair> veth_;
};

TEST_F(Live, ClassifiesWhatCrossesTheInterfaceAndWritesEverythingAtTheEnd) {
    const std::string out = dir_.path("out.jsonl");
    const std::string err = dir_.path("err.txt");
    const pid_t pid = start(
        {"live", "-i", veth_->outside, "-f", "udp and src host " + veth_->there, "--count", "80",
         "--duration", "60", "--json", "-o", dir_.path("results"), "-w", dir_.path("live.pcapng")},
        out, err);
    ASSERT_TRUE(waitForText(err, "capturing on")) << test::readText(err);
    ASSERT_TRUE(veth_->send(40));
    ASSERT_EQ(finish(pid, 60), 0) << test::readText(err);

    // Verdicts came while the capture ran (the flow model's running verdicts), then each flow's.
    const std::string lines = test::readText(out);
    EXPECT_NE(lines.find("\"event\":\"update\""), std::string::npos) << lines;
    EXPECT_NE(lines.find("\"event\":\"flow\""), std::string::npos) << lines;
    // Captured, kept and classified: what was sent.
    const CsvTable packets = readCsvFile(dir_.path("results/packets.csv"));
    EXPECT_EQ(packets.rows.size(), 80U);
    const CsvTable flows = readCsvFile(dir_.path("results/flows.csv"));
    ASSERT_EQ(flows.rows.size(), 2U);
    for (const auto& row : flows.rows) {
        EXPECT_EQ(row[7], "40") << "packets of the flow";
    }
    // The raw capture, as libpcap reads it back.
    CaptureReader reader(dir_.path("live.pcapng"));
    EXPECT_EQ(reader.format(), "pcapng");
    Frame frame;
    std::uint64_t frames = 0;
    while (reader.next(frame)) {
        ++frames;
        EXPECT_EQ(frame.wireLength, 14U + 20 + 8 + 200);
    }
    EXPECT_EQ(frames, 80U);
    EXPECT_NE(test::readText(err).find("dropped 0 by the kernel"), std::string::npos)
        << test::readText(err);
}

TEST_F(Live, CtrlCEndsTheCaptureWithCompleteOutputs) {
    const std::string out = dir_.path("out.txt");
    const std::string err = dir_.path("err.txt");
    const pid_t pid = start({"live", "-i", veth_->outside, "-f", "udp and src host " + veth_->there,
                             "-o", dir_.path("results")},
                            out, err);
    ASSERT_TRUE(waitForText(err, "capturing on")) << test::readText(err);
    ASSERT_TRUE(veth_->send(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    kill(pid, SIGINT);
    ASSERT_EQ(finish(pid, 30), 0) << test::readText(err);
    EXPECT_EQ(readCsvFile(dir_.path("results/packets.csv")).rows.size(), 20U);
    EXPECT_EQ(readCsvFile(dir_.path("results/flows.csv")).rows.size(), 2U);
    // --duration ends it too, with nothing sent.
    const auto began = std::chrono::steady_clock::now();
    const test::CliRun quiet =
        test::runCli({"live", "-i", veth_->outside, "-f", "udp and src host " + veth_->there,
                      "--duration", "1", "-q", "-o", dir_.path("quiet")},
                     dir_);
    EXPECT_EQ(quiet.code, 0) << quiet.err;
    EXPECT_LT(std::chrono::steady_clock::now() - began, std::chrono::seconds(30));
    EXPECT_EQ(readCsvFile(dir_.path("quiet/packets.csv")).rows.size(), 0U);
}

TEST(LiveErrors, AMissingInterfaceOrABadFilterIsAClearError) {
    test::TempDir dir;
    const test::CliRun usage = test::runCli({"live"}, dir);
    EXPECT_EQ(usage.code, 2);
    // Listing needs no privilege; the loopback interface is always there.
    const test::CliRun list = test::runCli({"interfaces"}, dir);
    EXPECT_EQ(list.code, 0) << list.err;
    EXPECT_NE(list.out.find("lo"), std::string::npos) << list.out;
    const test::CliRun json = test::runCli({"interfaces", "--json"}, dir);
    EXPECT_NE(json.out.find("\"loopback\":true"), std::string::npos) << json.out;
    if (getuid() != 0) {
        // Without the privilege every capture fails first with that, and says what grants it.
        const test::CliRun denied = test::runCli({"live", "-i", "lo", "--duration", "1"}, dir);
        EXPECT_EQ(denied.code, 1);
        EXPECT_NE(denied.err.find("CAP_NET_RAW"), std::string::npos) << denied.err;
        return;
    }
    const test::CliRun missing =
        test::runCli({"live", "-i", "no-such-if0", "--duration", "1"}, dir);
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.err.find("no-such-if0"), std::string::npos) << missing.err;
    const test::CliRun filter =
        test::runCli({"live", "-i", "lo", "-f", "tcp port banana", "--duration", "1"}, dir);
    EXPECT_EQ(filter.code, 1);
    EXPECT_NE(filter.err.find("tcp port banana"), std::string::npos) << filter.err;
}

}  // namespace
}  // namespace deeppacket
