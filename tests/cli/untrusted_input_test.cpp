// Untrusted files and rough handling through the real deeppacket-cli binary: model files that
// hold code, outputs that cannot be written or are in use, unreadable folders, captures that
// libpcap refuses, many flows at once, and names that would drive a terminal or a spreadsheet.
#include <gtest/gtest.h>
#include <pcap/dlt.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/csv_reader.h"
#include "core/output_lock.h"
#include "tests/support/cli_runner.h"
#include "tests/support/labelled_captures.h"
#include "tests/support/packet_builder.h"
#include "tests/support/shell_command.h"

namespace deeppacket {
namespace {

namespace fs = std::filesystem;
using test::Bytes;

const std::string kPretrained = std::string(DEEPPACKET_PRETRAINED) + "/traffic-sae.dpm";

void writeText(const std::string& path, const std::string& text) {
    test::writeFile(path, Bytes(text.begin(), text.end()));
}

// A few real packets in a classic pcap.
void writeCapture(const std::string& path, std::size_t packets = 20) {
    std::vector<Bytes> frames;
    for (std::size_t i = 0; i < packets; ++i) {
        test::TcpSpec tcp;
        tcp.srcPort = static_cast<std::uint16_t>(40000 + i % 4);
        frames.push_back(test::ethernet(test::kEtherIpv4,
                                        test::ipv4({}, test::tcp(tcp, test::counting(100, 1)))));
    }
    test::writeFile(path, test::pcapFile(DLT_EN10MB, test::recordsOf(frames)));
}

class Untrusted : public ::testing::Test {
  protected:
    test::CliRun cli(const std::vector<std::string>& args) { return test::runCli(args, dir_); }
    test::TempDir dir_;
};

TEST_F(Untrusted, AModelThatHoldsCodeRunsOnlyWithConsent) {
    const std::string model = dir_.path("model.pt");
    const std::string witness = dir_.path("written-by-the-model");
    if (!test::runPythonFixture(DEEPPACKET_FIXTURES "/make_code_model.py", {model, witness})) {
        GTEST_SKIP() << "python3 with torch (Debian python3-torch) is not available";
    }
    const std::string capture = dir_.path("c.pcap");
    writeCapture(capture);

    const auto info = cli({"info", model});
    EXPECT_EQ(info.code, 0) << info.err;
    EXPECT_NE(info.out.find("a TorchScript program"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("Parameters     unknown"), std::string::npos) << info.out;
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"classify"}, {"evaluate", "--labels", "folder"}}) {
        std::vector<std::string> args = command;
        args.insert(args.end(), {"-q", "-m", model, "-o", dir_.path("out"), capture});
        const auto run = cli(args);
        EXPECT_EQ(run.code, 1) << command.front();
        EXPECT_NE(run.err.find("model.pt: a TorchScript model is a program"), std::string::npos)
            << run.err;
        EXPECT_NE(run.err.find("--trust-model-code"), std::string::npos) << run.err;
    }
    // Renamed .dpm it is read as data only, even with consent: refused, not run.
    fs::copy_file(model, dir_.path("innocent.dpm"));
    fs::copy_file(model + ".json", dir_.path("innocent.dpm.json"));
    const auto renamed = cli({"classify", "-q", "--trust-model-code", "-m",
                              dir_.path("innocent.dpm"), "-o", dir_.path("out"), capture});
    EXPECT_EQ(renamed.code, 1);
    EXPECT_NE(renamed.err.find("zip archive"), std::string::npos) << renamed.err;
    EXPECT_EQ(cli({"info", dir_.path("innocent.dpm")}).code, 1);
    EXPECT_FALSE(fs::exists(witness)) << "the model's code ran without consent";

    // With consent it runs (which the witness shows), and converts to data.
    const auto trusted =
        cli({"classify", "-q", "--trust-model-code", "-m", model, "-o", dir_.path("out"), capture});
    EXPECT_EQ(trusted.code, 0) << trusted.err;
    EXPECT_TRUE(fs::exists(witness));
    EXPECT_EQ(cli({"convert", model, "-o", dir_.path("data.dpm")}).code, 1);
    const auto converted =
        cli({"convert", "--trust-model-code", model, "-o", dir_.path("data.dpm")});
    EXPECT_EQ(converted.code, 0) << converted.err;
    EXPECT_NE(converted.out.find("SAE 1500-3"), std::string::npos) << converted.out;
    fs::remove(witness);
    EXPECT_EQ(
        cli({"classify", "-q", "-m", dir_.path("data.dpm"), "-o", dir_.path("out2"), capture}).code,
        0);
    EXPECT_FALSE(fs::exists(witness));
}

TEST_F(Untrusted, ModelErrorsAreOneEscapedLineNamingTheFile) {
    // A card whose network kind holds a terminal escape (screen clear) and a bell.
    std::string bytes = test::readText(kPretrained);
    const std::size_t kind = bytes.find("\"sae\"");
    ASSERT_NE(kind, std::string::npos);
    bytes.replace(kind, 5, "\"\\u001b[2J\\u0007\"");
    writeText(dir_.path("escape.dpm"), bytes);  // the checksum no longer fits: refused as corrupt
    const auto run = cli({"info", dir_.path("escape.dpm")});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("escape.dpm"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find('\x1b'), std::string::npos);
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
}

TEST_F(Untrusted, OutputsAreCheckedBeforeAnyWork) {
    test::writeLabelledCaptures(dir_, "lab", 3, 2, 10);
    const auto train = cli({"train", "-a", "sae", "--task", "demo", "--labels", "folder", "-o",
                            "/nonexistent/folder/m.dpm", dir_.path("lab")});
    EXPECT_EQ(train.code, 1);
    EXPECT_NE(train.err.find("/nonexistent/folder/m.dpm"), std::string::npos) << train.err;
    EXPECT_EQ(train.err.find("epoch"), std::string::npos) << "it trained first: " << train.err;
    EXPECT_EQ(train.out.find("Data set"), std::string::npos);

    const auto vectors = cli({"vectors", "-q", "-o", "/nonexistent/folder/v", dir_.path("lab")});
    EXPECT_EQ(vectors.code, 1);
    EXPECT_NE(vectors.err.find("/nonexistent/folder/v"), std::string::npos) << vectors.err;
}

TEST_F(Untrusted, ASecondRunWritingTheSameOutputRefuses) {
    const std::string capture = dir_.path("c.pcap");
    writeCapture(capture);
    fs::create_directories(dir_.path("out"));
    {
        const OutputLock held(dir_.path("out"));  // as a run in progress holds it
        const auto second =
            cli({"classify", "-q", "-m", kPretrained, "-o", dir_.path("out"), capture});
        EXPECT_EQ(second.code, 1);
        EXPECT_NE(second.err.find("another Deep Packet run is writing here"), std::string::npos)
            << second.err;
        EXPECT_FALSE(fs::exists(dir_.path("out/packets.csv")));

        const OutputLock model(dir_.path("m.dpm"));
        test::writeLabelledCaptures(dir_, "lab", 3, 2, 10);
        const auto train = cli({"train", "-a", "sae", "--task", "demo", "--labels", "folder", "-o",
                                dir_.path("m.dpm"), dir_.path("lab")});
        EXPECT_EQ(train.code, 1);
        EXPECT_NE(train.err.find("another Deep Packet run"), std::string::npos) << train.err;
    }
    // Released: the next run goes ahead and leaves no lock file behind.
    const auto after = cli({"classify", "-q", "-m", kPretrained, "-o", dir_.path("out"), capture});
    EXPECT_EQ(after.code, 0) << after.err;
    EXPECT_FALSE(fs::exists(dir_.path("out/.deeppacket.lock")));
    EXPECT_FALSE(fs::exists(dir_.path(".m.dpm.lock")));
}

TEST_F(Untrusted, UnreadableFoldersAreErrorsUnlessSkipped) {
    fs::create_directories(dir_.path("in/closed"));
    writeCapture(dir_.path("in/open.pcap"));
    writeCapture(dir_.path("in/closed/hidden.pcap"));
    fs::permissions(dir_.path("in/closed"), fs::perms::none);
    fs::permissions(dir_.root(), fs::perms::all);
    // Root reads any folder: run the program as nobody then, as a user would meet it.
    const std::string asUser = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 "
                                                "--clear-groups "
                                              : "";
    // The program must be reachable by that user too (a build under a private folder is not).
    if (!asUser.empty() &&
        std::system((asUser + DEEPPACKET_CLI " --version > /dev/null 2>&1").c_str()) != 0) {
        GTEST_SKIP() << "running as root, and nobody cannot run " DEEPPACKET_CLI;
    }
    auto inspect = [&](const std::string& options) {
        const std::string command = asUser + DEEPPACKET_CLI " inspect -q " + options + " " +
                                    test::shellQuoted(dir_.path("in")) + " > " +
                                    test::shellQuoted(dir_.path("out.txt")) + " 2> " +
                                    test::shellQuoted(dir_.path("err.txt"));
        const int status = std::system(command.c_str());
        return WEXITSTATUS(status);
    };
    EXPECT_EQ(inspect(""), 1);
    const std::string err = test::readText(dir_.path("err.txt"));
    EXPECT_NE(err.find("error: " + dir_.path("in/closed") + ": cannot read this folder"),
              std::string::npos)
        << err;
    EXPECT_EQ(inspect("--skip-unreadable"), 0);
    EXPECT_NE(test::readText(dir_.path("err.txt")).find("warning: left out 1 unreadable folder"),
              std::string::npos)
        << test::readText(dir_.path("err.txt"));
    EXPECT_NE(test::readText(dir_.path("out.txt")).find("open.pcap"), std::string::npos);
    fs::permissions(dir_.path("in/closed"), fs::perms::owner_all);
}

// pcapng section header + an interface description block of the given link type.
Bytes pcapngHeaderAndInterfaces(const std::vector<std::uint16_t>& linkTypes) {
    Bytes out = {0x0a, 0x0d, 0x0d, 0x0a, 28,   0,    0,    0,    0x4d, 0x3c, 0x2b, 0x1a, 1, 0,
                 0,    0,    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 28,   0,    0, 0};
    for (const std::uint16_t type : linkTypes) {
        const Bytes idb = {1,
                           0,
                           0,
                           0,
                           20,
                           0,
                           0,
                           0,
                           static_cast<std::uint8_t>(type & 0xff),
                           static_cast<std::uint8_t>(type >> 8),
                           0,
                           0,
                           0,
                           0,
                           4,
                           0,
                           20,
                           0,
                           0,
                           0};
        out.insert(out.end(), idb.begin(), idb.end());
    }
    return out;
}

TEST_F(Untrusted, ACaptureThatYieldsNothingByItsLayoutIsAnError) {
    // Interfaces of two link types: libpcap refuses to read such a pcapng.
    test::writeFile(dir_.path("mixed.pcapng"),
                    pcapngHeaderAndInterfaces({DLT_EN10MB, DLT_LINUX_SLL}));
    const auto run = cli({"inspect", "-q", dir_.path("mixed.pcapng")});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("mixed.pcapng"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("different from the type of the first interface"), std::string::npos)
        << run.err;
}

TEST_F(Untrusted, ManyFlowsAtOnceAreClosedEarlyAndEachGetsOneVerdict) {
    // 300,000 one-packet UDP flows within 3 seconds: more than may be open at once.
    const std::size_t flows = 300000;
    std::vector<test::Record> records;
    records.reserve(flows);
    for (std::size_t i = 0; i < flows; ++i) {
        test::Ipv4Spec ip;
        ip.protocol = 17;
        ip.src = {10, static_cast<std::uint8_t>(i >> 16), static_cast<std::uint8_t>(i >> 8),
                  static_cast<std::uint8_t>(i)};
        test::Record r;
        r.data = test::ethernet(test::kEtherIpv4,
                                test::ipv4(ip, test::udp(5000, 9999, test::counting(40, 3))));
        r.seconds = 1700000000 + static_cast<std::uint32_t>(i / 100000);
        records.push_back(std::move(r));
    }
    test::writeFile(dir_.path("flood.pcap"), test::pcapFile(DLT_EN10MB, records));

    const auto inspect = cli({"inspect", "--json", "-q", dir_.path("flood.pcap")});
    ASSERT_EQ(inspect.code, 0) << inspect.err;
    const auto report = nlohmann::json::parse(inspect.out);
    EXPECT_EQ(report["total"]["flows"], flows);
    EXPECT_GT(report["total"]["flows_closed_early"].get<std::uint64_t>(), flows / 4);

    const auto classify =
        cli({"classify", "-q", "-m", kPretrained, "-o", dir_.path("out"), dir_.path("flood.pcap")});
    ASSERT_EQ(classify.code, 0) << classify.err;
    const CsvTable verdicts = readCsvFile(dir_.path("out/flows.csv"));
    EXPECT_EQ(verdicts.rows.size(), flows);  // one verdict per flow, none lost, none twice
}

TEST_F(Untrusted, NamesThatWouldDriveATerminalOrASpreadsheetAreNeutralised) {
    // A capture whose name clears the screen and sets the window title; one not in UTF-8.
    const std::string escape = dir_.path("\x1b[2J\x1b]0;owned\x07.pcap");
    const std::string latin1 = dir_.path("caf\xe9.pcap");
    writeCapture(escape);
    writeCapture(latin1);
    const auto text = cli({"inspect", "-q", escape});
    EXPECT_EQ(text.code, 0) << text.err;
    EXPECT_EQ(text.out.find('\x1b'), std::string::npos);
    EXPECT_NE(text.out.find("\\x1b[2J"), std::string::npos) << text.out;
    const auto json = cli({"inspect", "--json", "-q", latin1});
    EXPECT_EQ(json.code, 0);
    EXPECT_TRUE(nlohmann::json::accept(json.out)) << json.out;

    // A label file whose name holds a quote: evaluate --json stays valid JSON.
    test::writeLabelledCaptures(dir_, "lab", 5, 2, 10);
    const std::string labels = dir_.path("la\"bels.csv");
    // Saved as Excel's "CSV UTF-8" (a byte order mark first), with a label that is a formula.
    writeText(labels,
              "\xEF\xBB\xBF"
              "file,label\nweb.pcap,Streaming\nvoice.pcap,=HYPERLINK(\"x\")\n");
    const auto evaluate = cli({"evaluate", "-q", "--json", "-m", kPretrained, "--labels",
                               "files:" + labels, "-o", dir_.path("out"), dir_.path("lab")});
    ASSERT_EQ(evaluate.code, 0) << evaluate.err;
    const auto document = nlohmann::json::parse(evaluate.out);
    EXPECT_EQ(document["labels"], "files:" + labels);
    EXPECT_NE(evaluate.err.find("labelled '=HYPERLINK"), std::string::npos) << evaluate.err;
    // In the packets table the formula is text, never run by a spreadsheet.
    const std::string packets = test::readText(dir_.path("out/packets.csv"));
    EXPECT_NE(packets.find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos);
    EXPECT_EQ(packets.find(",=HYPERLINK"), std::string::npos);
}

}  // namespace
}  // namespace deeppacket
