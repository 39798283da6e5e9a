// Runs the real deeppacket-cli binary and checks its output, files and exit codes.
#include <gtest/gtest.h>
#include <pcap/dlt.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/cli/arguments.h"
#include "tests/support/cli_runner.h"
#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

using test::Bytes;
using test::operator+;

using test::CliRun;
using test::readText;

CliRun cli(const std::vector<std::string>& args, const test::TempDir& dir) {
    return test::runCli(args, dir);
}

std::string sample() {
    return DEEPPACKET_SAMPLE_CAPTURE;
}

TEST(Cli, HelpVersionAndUsageErrors) {
    test::TempDir dir;
    CliRun help = cli({"--help"}, dir);
    EXPECT_EQ(help.code, 0);
    EXPECT_NE(help.out.find("inspect"), std::string::npos);
    EXPECT_NE(help.out.find("vectors"), std::string::npos);

    CliRun version = cli({"--version"}, dir);
    EXPECT_EQ(version.code, 0);
    EXPECT_NE(version.out.find("deeppacket-cli " DEEPPACKET_VERSION_TEXT), std::string::npos);
    EXPECT_NE(version.out.find("libpcap"), std::string::npos);

    EXPECT_EQ(cli({}, dir).code, 2);
    EXPECT_EQ(cli({"frobnicate"}, dir).code, 2);
    CliRun unknownOption = cli({"inspect", "--no-such-option", sample()}, dir);
    EXPECT_EQ(unknownOption.code, 2);
    EXPECT_NE(unknownOption.err.find("unknown option --no-such-option"), std::string::npos);
    EXPECT_EQ(cli({"inspect"}, dir).code, 2);
    EXPECT_EQ(cli({"vectors", sample()}, dir).code, 2);  // no -o
    EXPECT_EQ(cli({"vectors", sample(), "-o", dir.path("v"), "--length", "0"}, dir).code, 2);
    CliRun inspectHelp = cli({"inspect", "--help"}, dir);
    EXPECT_EQ(inspectHelp.code, 0);
    EXPECT_NE(inspectHelp.out.find("--json"), std::string::npos);
}

TEST(Cli, InspectsTheBundledSample) {
    test::TempDir dir;
    CliRun run = cli({"inspect", sample()}, dir);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.out.find("link type EN10MB (Ethernet)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("packets read"), std::string::npos);
    EXPECT_NE(run.out.find("tcp-no-payload"), std::string::npos);
    EXPECT_NE(run.out.find("dns"), std::string::npos);
    EXPECT_EQ(run.out.find("Total:"), std::string::npos);  // one file: no separate total
    CliRun totals = cli({"inspect", "--totals", sample()}, dir);
    EXPECT_NE(totals.out.find("Total: 1 file"), std::string::npos) << totals.out;
}

TEST(Cli, InspectJsonAccountsForEveryPacket) {
    test::TempDir dir;
    std::vector<Bytes> frames = {
        test::ethernet(test::kEtherIpv4, test::ipv4({}, test::tcp({}, Bytes(10, 1)))),
        test::ethernet(test::kEtherArp, Bytes(28, 0)),
    };
    test::writeFile(dir.path("x.pcap"), test::pcapFile(DLT_EN10MB, test::recordsOf(frames)));
    CliRun run = cli({"inspect", "--json", dir.path("x.pcap")}, dir);
    ASSERT_EQ(run.code, 0) << run.err;
    const auto total = nlohmann::json::parse(run.out)["total"];
    EXPECT_EQ(total["read"], 2) << run.out;
    EXPECT_EQ(total["kept"], 1);
    EXPECT_EQ(total["dropped"], 1);
    EXPECT_EQ(total["dropped_by_reason"]["non-ip"], 1);
    EXPECT_EQ(total["link_types"],
              nlohmann::json::parse(R"({"EN10MB": {"files": 1, "packets": 2}})"));
}

TEST(Cli, InspectReportsBadFilesAndFails) {
    test::TempDir dir;
    test::writeFile(dir.path("notes.pcap"), Bytes(80, 'n'));
    CliRun bad = cli({"inspect", sample(), dir.path("notes.pcap")}, dir);
    EXPECT_EQ(bad.code, 1);
    EXPECT_NE(bad.err.find("notes.pcap: not a pcap or pcapng capture"), std::string::npos)
        << bad.err;
    EXPECT_NE(bad.out.find("1 unreadable"), std::string::npos) << bad.out;
    CliRun missing = cli({"inspect", dir.path("missing.pcap")}, dir);
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.err.find("missing.pcap: no such file"), std::string::npos);

    // A cut capture is read up to the cut: a warning, not a failure.
    Bytes file =
        test::pcapFile(DLT_RAW, test::recordsOf({test::ipv4({}, test::tcp({}, Bytes(9, 1))),
                                                 test::ipv4({}, test::tcp({}, Bytes(9, 2)))}));
    file.resize(file.size() - 5);
    test::writeFile(dir.path("cut.pcap"), file);
    CliRun cut = cli({"inspect", dir.path("cut.pcap")}, dir);
    EXPECT_EQ(cut.code, 0);
    EXPECT_NE(cut.err.find("warning"), std::string::npos);
    EXPECT_NE(cut.out.find("packets read   1"), std::string::npos) << cut.out;
}

TEST(Cli, InspectsDirectoriesRecursively) {
    test::TempDir dir;
    std::filesystem::create_directories(dir.path("in/sub"));
    const Bytes capture =
        test::pcapFile(DLT_RAW, test::recordsOf({test::ipv4({}, test::tcp({}, Bytes(9, 1)))}));
    test::writeFile(dir.path("in/a.pcap"), capture);
    test::writeFile(dir.path("in/sub/b.cap"), capture);
    test::writeFile(dir.path("in/sub/skip.txt"), Bytes(3, 0));
    CliRun run = cli({"inspect", "-q", "--totals", dir.path("in")}, dir);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.out.find("Total: 2 files"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("RAW (2 files, 2 packets)"), std::string::npos) << run.out;
}

TEST(Cli, VectorsWritesNumpyAndCsv) {
    test::TempDir dir;
    test::Ipv4Spec udpSpec;
    udpSpec.protocol = 17;
    const std::vector<Bytes> packets = {
        test::ipv4({}, test::tcp({}, test::counting(100))),
        test::ipv4(udpSpec, test::udp(5004, 5006, test::counting(30, 1))),
        test::ipv4(udpSpec, test::udp(1000, 53, Bytes(20, 0))),  // DNS: dropped
    };
    test::writeFile(dir.path("in.pcap"), test::pcapFile(DLT_RAW, test::recordsOf(packets)));
    CliRun run = cli({"vectors", dir.path("in.pcap"), "-o", dir.path("out"), "--mask-all"}, dir);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.err.find("wrote 2 vectors of 1500 bytes"), std::string::npos) << run.err;

    const std::string npy = readText(dir.path("out.npy"));
    ASSERT_EQ(npy.size(), 128u + 2 * 1500);
    EXPECT_NE(npy.find("'shape': (2, 1500)"), std::string::npos);
    const auto row = [&](std::size_t r, std::size_t c) {
        return static_cast<unsigned char>(npy[128 + r * 1500 + c]);
    };
    EXPECT_EQ(row(0, 0), 0x45);
    EXPECT_EQ(row(0, 12), 0);  // address zeroed
    EXPECT_EQ(row(0, 24), 0);  // --mask-all: sequence number masked
    EXPECT_EQ(row(0, 40), 1);  // first payload byte
    EXPECT_EQ(row(1, 9), 17);
    EXPECT_EQ(row(1, 39), 0);  // UDP padding
    EXPECT_EQ(row(1, 40), 1);  // UDP payload after the padding

    const std::string csv = readText(dir.path("out.csv"));
    std::istringstream lines(csv);
    std::string header;
    std::string first;
    std::string second;
    std::getline(lines, header);
    std::getline(lines, first);
    std::getline(lines, second);
    EXPECT_EQ(header,
              "file,number,timestamp,wire_length,ip_version,protocol,src,src_port,dst,dst_port,"
              "flow_id");
    EXPECT_EQ(first,
              dir.path("in.pcap") +
                  ",1,1700000000.000000000,140,4,TCP,192.168.1.10,40000,93.184.216.34,443,0");
    EXPECT_NE(second.find(",2,1700000000.001000000,"), std::string::npos) << second;
    EXPECT_NE(second.find(",UDP,192.168.1.10,5004,93.184.216.34,5006,1"), std::string::npos)
        << second;
}

TEST(Cli, VectorsLeavesExistingOutputsAloneOnFailure) {
    test::TempDir dir;
    test::writeFile(dir.path("out.npy"), Bytes{'o', 'l', 'd'});
    test::writeFile(dir.path("junk.pcap"), Bytes(64, 'j'));
    CliRun run = cli({"vectors", sample(), dir.path("junk.pcap"), "-o", dir.path("out")}, dir);
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("junk.pcap"), std::string::npos) << run.err;
    EXPECT_EQ(readText(dir.path("out.npy")), "old");
    EXPECT_FALSE(std::filesystem::exists(dir.path("out.csv")));
    for (const auto& entry : std::filesystem::directory_iterator(dir.root())) {
        EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
    }
    CliRun unwritable = cli({"vectors", sample(), "-o", dir.path("no/such/dir/out")}, dir);
    EXPECT_EQ(unwritable.code, 1);
    EXPECT_NE(unwritable.err.find("cannot create"), std::string::npos) << unwritable.err;
}

TEST(Arguments, ParsesGnuStyle) {
    using cli::Arguments;
    using cli::OptionSpec;
    const std::vector<OptionSpec> specs = {
        {"output", 'o', "FILE", ""}, {"quiet", 'q', "", ""}, {"length", 0, "N", ""}};
    const Arguments a =
        Arguments::parse({"x.pcap", "-qo", "out", "--length=64", "--", "-y.pcap"}, specs);
    EXPECT_TRUE(a.has("quiet"));
    EXPECT_EQ(a.value("output"), "out");
    EXPECT_EQ(a.positiveInteger("length", 1500, 65536), 64u);
    EXPECT_EQ(a.operands(), (std::vector<std::string>{"x.pcap", "-y.pcap"}));
    EXPECT_THROW(Arguments::parse({"--output"}, specs), cli::UsageError);
    EXPECT_THROW(Arguments::parse({"--quiet=yes"}, specs), cli::UsageError);
    EXPECT_THROW(Arguments::parse({"-z"}, specs), cli::UsageError);
    const Arguments bad = Arguments::parse({"--length", "12x"}, specs);
    EXPECT_THROW(bad.positiveInteger("length", 1500, 65536), cli::UsageError);
}

}  // namespace
}  // namespace deeppacket
