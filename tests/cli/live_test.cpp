// deeppacket-cli live and interfaces on a real interface: a veth pair into a network namespace
// made by the test (root), with known UDP traffic sent across it while live captures.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "core/capture_reader.h"
#include "core/csv_reader.h"
#include "tests/support/cli_runner.h"
#include "tests/support/packet_builder.h"
#include "tests/support/shell_command.h"
#include "tests/support/veth_fixture.h"

namespace deeppacket {
namespace {

// Starts deeppacket-cli with stdout and stderr in files, without waiting for it; `prefix` runs
// it (setpriv, env) when given.
pid_t start(const std::vector<std::string>& args, const std::string& out, const std::string& err,
            const std::vector<std::string>& prefix = {}) {
    std::vector<std::string> words = prefix;
    words.emplace_back(DEEPPACKET_CLI);
    words.insert(words.end(), args.begin(), args.end());
    const pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (auto& w : words) {
            argv.push_back(w.data());
        }
        argv.push_back(nullptr);
        if (freopen(out.c_str(), "w", stdout) == nullptr ||
            freopen(err.c_str(), "w", stderr) == nullptr) {
            _exit(126);
        }
        execvp(argv[0], argv.data());
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

class Live : public test::VethFixture {
  protected:
    test::TempDir dir_;
};

TEST_F(Live, ClassifiesWhatCrossesTheInterfaceAndWritesEverythingAtTheEnd) {
    const std::string out = dir_.path("out.jsonl");
    const std::string err = dir_.path("err.txt");
    const pid_t pid =
        start({"live", "-i", veth_->outside, "-f", "ip and src host " + veth_->there, "--duration",
               "60", "--json", "-o", dir_.path("results"), "-w", dir_.path("live.pcapng")},
              out, err);
    ASSERT_TRUE(waitForText(err, "capturing on")) << test::readText(err);
    // Two UDP flows of 40 datagrams, then a TCP connection with 30 segments of data.
    ASSERT_TRUE(veth_->sendUdp(40));
    ASSERT_TRUE(veth_->sendTcp(30));
    // Verdicts come while the capture runs (the flow model's running verdicts).
    ASSERT_TRUE(waitForText(out, "\"event\":\"update\"")) << test::readText(out);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    kill(pid, SIGTERM);
    ASSERT_EQ(finish(pid, 60), 0) << test::readText(err);
    EXPECT_NE(test::readText(out).find("\"event\":\"flow\""), std::string::npos);

    // Kept and classified: every datagram and every TCP segment with data; the handshake and
    // the closing segments are captured but dropped by the paper's rules.
    const CsvTable packets = readCsvFile(dir_.path("results/packets.csv"));
    EXPECT_EQ(packets.rows.size(), 80U + 30U);
    const CsvTable flows = readCsvFile(dir_.path("results/flows.csv"));
    ASSERT_EQ(flows.rows.size(), 3U);
    std::map<std::string, std::string> packetsByProtocol;
    for (const auto& row : flows.rows) {
        packetsByProtocol[row[6] + " " + row[7]] += "x";
    }
    EXPECT_EQ(packetsByProtocol["UDP 40"], "xx") << "two UDP flows of 40 packets";
    EXPECT_EQ(packetsByProtocol["TCP 30"], "x") << "one TCP flow of 30 packets";
    // Captured: the raw capture, as libpcap reads it back, holds every frame sent.
    CaptureReader reader(dir_.path("live.pcapng"));
    EXPECT_EQ(reader.format(), "pcapng");
    Frame frame;
    std::uint64_t udp = 0;
    std::uint64_t tcp = 0;
    while (reader.next(frame)) {
        const std::uint8_t protocol = frame.data[14 + 9];
        udp += protocol == 17 ? 1 : 0;
        tcp += protocol == 6 ? 1 : 0;
    }
    EXPECT_EQ(udp, 80U);
    EXPECT_GE(tcp, 30U + 4) << "SYN, ACK, 30 with data, FIN, ACK";
    EXPECT_NE(test::readText(err).find("dropped 0 by the kernel"), std::string::npos)
        << test::readText(err);
}

TEST_F(Live, CtrlCEndsTheCaptureWithCompleteOutputs) {
    const std::string out = dir_.path("out.txt");
    const std::string err = dir_.path("err.txt");
    const pid_t pid = start({"live", "-i", veth_->outside, "-f", "udp and src host " + veth_->there,
                             "--no-flow-model", "-o", dir_.path("results")},
                            out, err);
    ASSERT_TRUE(waitForText(err, "capturing on")) << test::readText(err);
    ASSERT_TRUE(veth_->sendUdp(10));
    // Without a flow model, each flow's vote so far is printed while it is open.
    ASSERT_TRUE(waitForText(out, "now ")) << test::readText(out);
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

// A user without the privilege captures through the capture helper, which alone holds it (as
// the package sets it up): a copy of the helper with the capabilities, and the command line run
// as nobody.
TEST_F(Live, AUserWithoutThePrivilegeCapturesThroughTheHelper) {
    const std::string folder = dir_.path("helper");
    const std::string helper = folder + "/deeppacket-capture";
    const std::string results = dir_.path("results");
    const std::string asNobody = "setpriv --reuid=nobody --regid=nogroup --clear-groups ";
    if (std::system(("mkdir -p " + folder + " " + results + " && cp " + DEEPPACKET_CAPTURE_HELPER +
                     " " + helper + " && chmod 755 " + dir_.path("") + " " + folder +
                     " && chmod 777 " + results + " && setcap cap_net_raw,cap_net_admin=eip " +
                     helper + " >/dev/null 2>&1")
                        .c_str()) != 0 ||
        std::system((asNobody + "test -x " + DEEPPACKET_CLI).c_str()) != 0) {
        GTEST_SKIP() << "cannot give a file capabilities here, or nobody cannot run the build";
    }
    const std::string out = dir_.path("out.txt");
    const std::string err = dir_.path("err.txt");
    const pid_t pid = start({"live", "-i", veth_->outside, "-f", "udp and src host " + veth_->there,
                             "-o", results + "/r"},
                            out, err,
                            {"setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                             "env", "DEEPPACKET_CAPTURE_HELPER=" + helper, "HOME=/tmp"});
    ASSERT_TRUE(waitForText(err, "capturing on")) << test::readText(err);
    EXPECT_NE(test::readText(err).find("through deeppacket-capture"), std::string::npos)
        << test::readText(err);
    ASSERT_TRUE(veth_->sendUdp(40));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    kill(pid, SIGTERM);
    ASSERT_EQ(finish(pid, 30), 0) << test::readText(err);
    EXPECT_EQ(readCsvFile(results + "/r/packets.csv").rows.size(), 80U);
    EXPECT_EQ(readCsvFile(results + "/r/flows.csv").rows.size(), 2U);

    // Outside the helper's group the capture is refused, saying what grants it.
    ASSERT_EQ(std::system(("chmod 750 " + helper).c_str()), 0);
    const test::CliRun refused =
        test::runCli({"live", "-i", veth_->outside, "--duration", "1"}, dir_,
                     asNobody + "env DEEPPACKET_CAPTURE_HELPER=" + helper + " HOME=/tmp");
    EXPECT_EQ(refused.code, 1);
    EXPECT_NE(refused.err.find("group deeppacket"), std::string::npos) << refused.err;
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
