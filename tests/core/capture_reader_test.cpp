#include "core/capture_reader.h"

#include <gtest/gtest.h>
#include <pcap/dlt.h>

#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

using test::Bytes;
using test::operator+;

std::vector<Bytes> threeFrames() {
    return {test::ethernet(test::kEtherIpv4, test::ipv4({}, test::tcp({}, Bytes(10, 1)))),
            test::ethernet(test::kEtherIpv4, test::ipv4({}, test::tcp({}, Bytes(20, 2)))),
            test::ethernet(test::kEtherIpv4, test::ipv4({}, test::tcp({}, Bytes(30, 3))))};
}

TEST(CaptureReader, ReadsClassicPcap) {
    test::TempDir dir;
    const auto frames = threeFrames();
    auto records = test::recordsOf(frames);
    records[1].wireLength = 2000;
    records[2].seconds = 1700000005;
    records[2].fraction = 250000;
    test::writeFile(dir.path("a.pcap"), test::pcapFile(DLT_EN10MB, records));

    CaptureReader reader(dir.path("a.pcap"));
    EXPECT_EQ(reader.linkType(), DLT_EN10MB);
    EXPECT_EQ(reader.format(), "pcap");
    Frame f;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        ASSERT_TRUE(reader.next(f)) << i;
        EXPECT_EQ(f.number, i + 1);
        EXPECT_EQ(Bytes(f.data, f.data + f.capturedLength), frames[i]);
    }
    EXPECT_FALSE(reader.next(f));
    EXPECT_TRUE(reader.warning().empty());
}

TEST(CaptureReader, TimestampsAndLengths) {
    test::TempDir dir;
    auto records = test::recordsOf(threeFrames());
    records[0].seconds = 1700000001;
    records[0].fraction = 123456;
    records[0].wireLength = 1514;
    test::writeFile(dir.path("us.pcap"), test::pcapFile(DLT_EN10MB, records));
    records[0].fraction = 123456789;
    test::writeFile(dir.path("ns.pcap"), test::pcapFile(DLT_EN10MB, records, 262144, true));

    Frame f;
    CaptureReader micro(dir.path("us.pcap"));
    ASSERT_TRUE(micro.next(f));
    EXPECT_EQ(f.timestampNs, 1700000001123456000);
    EXPECT_EQ(f.wireLength, 1514u);
    EXPECT_EQ(f.capturedLength, records[0].data.size());
    CaptureReader nano(dir.path("ns.pcap"));
    ASSERT_TRUE(nano.next(f));
    EXPECT_EQ(f.timestampNs, 1700000001123456789);
}

TEST(CaptureReader, ReadsPcapng) {
    test::TempDir dir;
    const auto frames = threeFrames();
    auto records = test::recordsOf(frames);
    records[2].seconds = 1700000002;
    records[2].fraction = 5;
    test::writeFile(dir.path("a.pcapng"), test::pcapngFile(DLT_EN10MB, records));
    CaptureReader reader(dir.path("a.pcapng"));
    EXPECT_EQ(reader.format(), "pcapng");
    EXPECT_EQ(reader.linkType(), DLT_EN10MB);
    Frame f;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        ASSERT_TRUE(reader.next(f));
        EXPECT_EQ(Bytes(f.data, f.data + f.capturedLength), frames[i]);
    }
    EXPECT_EQ(f.timestampNs, 1700000002000005000);
    EXPECT_FALSE(reader.next(f));
    EXPECT_TRUE(reader.warning().empty());
}

TEST(CaptureReader, CutMidRecordGivesThePacketsBeforeAndAWarning) {
    test::TempDir dir;
    Bytes file = test::pcapFile(DLT_EN10MB, test::recordsOf(threeFrames()));
    file.resize(file.size() - 7);  // the last record loses its end
    test::writeFile(dir.path("cut.pcap"), file);
    CaptureReader reader(dir.path("cut.pcap"));
    Frame f;
    EXPECT_TRUE(reader.next(f));
    EXPECT_TRUE(reader.next(f));
    EXPECT_FALSE(reader.next(f));
    EXPECT_NE(reader.warning().find("cut.pcap"), std::string::npos) << reader.warning();
    EXPECT_NE(reader.warning().find("after record 2"), std::string::npos) << reader.warning();
    EXPECT_FALSE(reader.next(f));  // stays at the end
}

TEST(CaptureReader, CutInsideARecordHeader) {
    test::TempDir dir;
    Bytes file = test::pcapFile(DLT_EN10MB, test::recordsOf(threeFrames()));
    const Bytes two = test::pcapFile(DLT_EN10MB, test::recordsOf({threeFrames()[0]}));
    file.resize(two.size() + 9);  // one record and 9 of the next record header's 16 bytes
    test::writeFile(dir.path("cut.pcap"), file);
    CaptureReader reader(dir.path("cut.pcap"));
    Frame f;
    EXPECT_TRUE(reader.next(f));
    EXPECT_FALSE(reader.next(f));
    EXPECT_FALSE(reader.warning().empty());
}

TEST(CaptureReader, NotACaptureNamesTheFile) {
    test::TempDir dir;
    test::writeFile(dir.path("notes.txt"), Bytes(100, 'x'));
    try {
        CaptureReader reader(dir.path("notes.txt"));
        FAIL() << "opened a text file";
    } catch (const CaptureError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("notes.txt"), std::string::npos) << message;
        EXPECT_NE(message.find("not a pcap or pcapng capture"), std::string::npos) << message;
    }
}

TEST(CaptureReader, MissingAndEmptyFiles) {
    test::TempDir dir;
    EXPECT_THROW(CaptureReader(dir.path("missing.pcap")), CaptureError);
    test::writeFile(dir.path("empty.pcap"), {});
    EXPECT_THROW(CaptureReader(dir.path("empty.pcap")), CaptureError);
    test::writeFile(dir.path("header-only.pcap"), test::pcapFile(DLT_RAW, {}));
    CaptureReader reader(dir.path("header-only.pcap"));
    Frame f;
    EXPECT_FALSE(reader.next(f));
    EXPECT_TRUE(reader.warning().empty());
}

TEST(CaptureReader, LinkTypeNames) {
    EXPECT_EQ(linkTypeName(DLT_EN10MB), "EN10MB");
    EXPECT_EQ(linkTypeName(DLT_LINUX_SLL), "LINUX_SLL");
    EXPECT_EQ(linkTypeDescription(DLT_EN10MB), "Ethernet");
    EXPECT_EQ(linkTypeName(65000), "DLT_65000");
}

}  // namespace
}  // namespace deeppacket
