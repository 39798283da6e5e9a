#include "core/ground_truth.h"

#include <gtest/gtest.h>

#include "core/csv_reader.h"
#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

void writeText(const std::string& path, const std::string& text) {
    test::writeFile(path, test::Bytes(text.begin(), text.end()));
}

TEST(GroundTruth, FolderNames) {
    const GroundTruth truth = GroundTruth::parse("folder");
    EXPECT_FALSE(truth.perFlow());
    EXPECT_EQ(truth.labelOfFile("/data/captures/Skype/call1.pcap"), "Skype");
    EXPECT_EQ(truth.labelOfFile("VoIP/a.pcapng"), "VoIP");
}

TEST(GroundTruth, IscxFileNames) {
    const GroundTruth apps = GroundTruth::parse("iscx-application");
    EXPECT_EQ(apps.labelOfFile("/x/vpn_skype_chat1a.pcap"), "Skype");
    EXPECT_EQ(apps.labelOfFile("/x/AIMchat1.pcapng"), "AIM chat");
    EXPECT_EQ(apps.labelOfFile("/x/Torrent01.pcapng"), "Torrent");
    EXPECT_EQ(apps.labelOfFile("/x/vpn_chat.pcap"), std::nullopt);  // names no application
    EXPECT_EQ(apps.labelOfFile("/x/holiday.pcap"), std::nullopt);
    EXPECT_EQ(apps.knownLabels().size(), 17u);

    const GroundTruth traffic = GroundTruth::parse("iscx", "traffic");
    EXPECT_EQ(traffic.labelOfFile("vpn_skype_chat1a.pcap"), "VPN: Chat");
    EXPECT_EQ(traffic.labelOfFile("skype_chat1a.pcap"), "Chat");
    // The longest prefix wins: vpn_facebook_audio, not facebook_audio.
    EXPECT_EQ(traffic.labelOfFile("vpn_facebook_audio2.pcap"), "VPN: VoIP");
    EXPECT_EQ(traffic.labelOfFile("tor_spotify.pcap"), std::nullopt);  // Tor: no traffic label
    EXPECT_EQ(traffic.knownLabels().size(), 12u);

    EXPECT_THROW(GroundTruth::parse("iscx", "my-task"), LabelError);
}

TEST(GroundTruth, FileCsv) {
    test::TempDir dir;
    writeText(dir.path("labels.csv"),
              "# my captures\nfile,label\n/abs/path/a.pcap,Chat\nb.pcap,\"Streaming, live\"\n");
    const GroundTruth truth = GroundTruth::parse("files:" + dir.path("labels.csv"));
    EXPECT_EQ(truth.labelOfFile("/abs/path/a.pcap"), "Chat");
    EXPECT_EQ(truth.labelOfFile("/elsewhere/a.pcap"), "Chat");  // by file name
    EXPECT_EQ(truth.labelOfFile("/x/b.pcap"), "Streaming, live");
    EXPECT_EQ(truth.labelOfFile("/x/c.pcap"), std::nullopt);
}

TEST(GroundTruth, FlowCsvMatchesEitherDirection) {
    test::TempDir dir;
    writeText(dir.path("flows.csv"),
              "src,src_port,dst,dst_port,protocol,label,file\n"
              "10.0.0.1,40000,93.184.216.34,443,TCP,Web,\n"
              "2001:db8::1,5004,2001:db8::2,5006,17,Voice,call.pcap\n");
    const GroundTruth truth = GroundTruth::parse("flows:" + dir.path("flows.csv"));
    EXPECT_TRUE(truth.perFlow());
    const auto a = IpAddress::parse("10.0.0.1").value();
    const auto b = IpAddress::parse("93.184.216.34").value();
    EXPECT_EQ(truth.labelOfFlow("any.pcap", FlowKey::of(b, 443, a, 40000, 6)), "Web");
    EXPECT_EQ(truth.labelOfFlow("any.pcap", FlowKey::of(a, 40000, b, 443, 17)), std::nullopt);
    const auto c = IpAddress::parse("2001:db8::1").value();
    const auto d = IpAddress::parse("2001:db8::2").value();
    EXPECT_EQ(truth.labelOfFlow("/x/call.pcap", FlowKey::of(c, 5004, d, 5006, 17)), "Voice");
    EXPECT_EQ(truth.labelOfFlow("/x/other.pcap", FlowKey::of(c, 5004, d, 5006, 17)), std::nullopt);
}

TEST(GroundTruth, BadSchemesAndFiles) {
    test::TempDir dir;
    EXPECT_THROW(GroundTruth::parse("colour"), LabelError);
    EXPECT_THROW(GroundTruth::parse("files:"), LabelError);
    EXPECT_THROW(GroundTruth::parse("files:" + dir.path("missing.csv")), LabelError);
    writeText(dir.path("nolabel.csv"), "file,class\na.pcap,X\n");
    try {
        GroundTruth::parse("files:" + dir.path("nolabel.csv"));
        FAIL();
    } catch (const LabelError& e) {
        EXPECT_NE(std::string(e.what()).find("no 'label' column"), std::string::npos);
    }
    writeText(dir.path("ragged.csv"), "file,label\na.pcap,X,extra\n");
    EXPECT_THROW(GroundTruth::parse("files:" + dir.path("ragged.csv")), LabelError);
    writeText(dir.path("badflow.csv"),
              "src,src_port,dst,dst_port,protocol,label\n10.0.0.300,1,10.0.0.2,2,TCP,X\n");
    try {
        GroundTruth::parse("flows:" + dir.path("badflow.csv"));
        FAIL();
    } catch (const LabelError& e) {
        EXPECT_NE(std::string(e.what()).find("badflow.csv:2: bad address"), std::string::npos)
            << e.what();
    }
    writeText(dir.path("badport.csv"),
              "src,src_port,dst,dst_port,protocol,label\n10.0.0.1,70000,10.0.0.2,2,TCP,X\n");
    EXPECT_THROW(GroundTruth::parse("flows:" + dir.path("badport.csv")), LabelError);
}

TEST(CsvReader, QuotesCommentsAndLineEndings) {
    const CsvTable t =
        parseCsv("# comment\r\na,\"b\"\r\n1,\"x, \"\"y\"\"\"\r\n\r\n2, z \n", "t.csv");
    EXPECT_EQ(t.header, (std::vector<std::string>{"a", "b"}));
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0][1], "x, \"y\"");
    EXPECT_EQ(t.rows[1][1], "z");
    EXPECT_EQ(t.lineNumbers[1], 5u);
    EXPECT_EQ(t.column("B"), 1u);
    EXPECT_THROW(parseCsv("a\n\"open", "t.csv"), CsvError);
    EXPECT_THROW(parseCsv("", "t.csv"), CsvError);
}

TEST(IpAddressParse, BothFamilies) {
    EXPECT_EQ(IpAddress::parse("192.0.2.1")->toString(), "192.0.2.1");
    EXPECT_EQ(IpAddress::parse("2001:DB8::1")->toString(), "2001:db8::1");
    EXPECT_EQ(IpAddress::parse("::")->toString(), "::");
    EXPECT_EQ(IpAddress::parse("::ffff:10.0.0.1")->toString(), "::ffff:a00:1");
    EXPECT_EQ(IpAddress::parse("1:2:3:4:5:6:7:8")->toString(), "1:2:3:4:5:6:7:8");
    for (const char* bad : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.1.1.1", "1::2::3",
                            "1:2:3:4:5:6:7:8:9", "12345::", "g::1", "1:2:3:4:5:6:7:"}) {
        EXPECT_FALSE(IpAddress::parse(bad).has_value()) << bad;
    }
}

}  // namespace
}  // namespace deeppacket

namespace deeppacket {
namespace {

std::string labelError(const std::string& scheme) {
    try {
        GroundTruth::parse(scheme);
    } catch (const LabelError& e) {
        return e.what();
    }
    return "parsed without error";
}

TEST(GroundTruth, LabelFilesFromSpreadsheetsAndTheirMistakes) {
    test::TempDir dir;
    // Excel's "CSV UTF-8" starts with a byte order mark.
    writeText(dir.path("bom.csv"),
              "\xEF\xBB\xBF"
              "file,label\na.pcap,Chat\na.pcap,Chat\n");
    EXPECT_EQ(GroundTruth::parse("files:" + dir.path("bom.csv")).labelOfFile("x/a.pcap"), "Chat");

    // Two rows that disagree are an error naming both lines, not "the last one wins".
    writeText(dir.path("conflict.csv"), "file,label\na.pcap,Chat\nb.pcap,VoIP\na.pcap,Email\n");
    EXPECT_NE(labelError("files:" + dir.path("conflict.csv"))
                  .find("conflict.csv:4: 'a.pcap' has another label than on line 2"),
              std::string::npos)
        << labelError("files:" + dir.path("conflict.csv"));
    writeText(dir.path("flows.csv"),
              "src,src_port,dst,dst_port,protocol,label\n10.0.0.1,1000,10.0.0.2,443,TCP,Chat\n"
              "10.0.0.2,443,10.0.0.1,1000,TCP,VoIP\n");
    EXPECT_NE(labelError("flows:" + dir.path("flows.csv")).find(":3: the flow 10.0.0.2:443"),
              std::string::npos)
        << labelError("flows:" + dir.path("flows.csv"));

    // A 10 MB value is not echoed whole.
    writeText(dir.path("long.csv"),
              "src,src_port,dst,dst_port,protocol,label\n10.0.0.1,1,10.0.0.2,"
              "2," +
                  std::string(10 << 20, 'T') + ",Chat\n");
    const std::string message = labelError("flows:" + dir.path("long.csv"));
    EXPECT_NE(message.find("bad protocol 'TTT"), std::string::npos);
    EXPECT_NE(message.find("more bytes)"), std::string::npos);
    EXPECT_LT(message.size(), 400u);
}

}  // namespace
}  // namespace deeppacket

namespace deeppacket {
namespace {

TEST(GroundTruth, SchemesAreToldWithoutTheFoldersOfTheirFiles) {
    using Kind = LabelSchemeParts::Kind;
    EXPECT_EQ(labelSchemeParts("folder").kind, Kind::Folder);
    EXPECT_EQ(labelSchemeParts("iscx-traffic").kind, Kind::Iscx);
    const LabelSchemeParts files = labelSchemeParts("files:/srv/lab5/labels-traffic.csv");
    EXPECT_EQ(files.kind, Kind::FileLabels);
    EXPECT_EQ(files.fileName, "labels-traffic.csv");
    const LabelSchemeParts flows = labelSchemeParts("flows:C:\\corpus\\flows.csv");
    EXPECT_EQ(flows.kind, Kind::FlowLabels);
    EXPECT_EQ(flows.fileName, "flows.csv");
    EXPECT_EQ(labelSchemeParts("files:labels.csv").fileName, "labels.csv");
    EXPECT_EQ(labelSchemeParts("something").kind, Kind::Other);
}

}  // namespace
}  // namespace deeppacket
