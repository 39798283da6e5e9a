#include <gtest/gtest.h>

#ifndef _WIN32
#include <unistd.h>
#endif

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/atomic_file.h"
#include "core/ip_address.h"
#include "core/npy_writer.h"
#include "core/packet_csv.h"
#include "tests/support/packet_builder.h"
#ifndef _WIN32
#include "tests/support/killed_process.h"
#endif

namespace deeppacket {
namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(AtomicFile, DestinationChangesOnlyOnCommit) {
    test::TempDir dir;
    const std::string path = dir.path("out.txt");
    test::writeFile(path, {'o', 'l', 'd'});
    {
        AtomicFile file(path);
        file.write(std::string("new contents"));
        EXPECT_EQ(readText(path), "old");
        EXPECT_TRUE(std::filesystem::exists(file.temporaryPath()));
        file.commit();
    }
    EXPECT_EQ(readText(path), "new contents");
    std::string temporary;
    {
        AtomicFile abandoned(path);
        abandoned.write(std::string("half"));
        temporary = abandoned.temporaryPath();
    }  // destroyed without commit, as on an error
    EXPECT_EQ(readText(path), "new contents");
    EXPECT_FALSE(std::filesystem::exists(temporary));
}

#ifndef _WIN32
TEST(AtomicFile, AWriterKilledMidWayLeavesTheOldFile) {
    test::TempDir dir;
    const std::string path = dir.path("model.dpm");
    test::writeFile(path, {'o', 'l', 'd'});
    const pid_t pid = fork();
    if (pid == 0) {
        // The child writes forever, in chunks, until it is killed.
        AtomicFile file(path);
        const std::string chunk(1 << 16, 'x');
        while (true) {
            file.write(chunk);
        }
    }
    // Kill it once its temporary file holds data: the write is under way.
    ASSERT_TRUE(test::waitForPartialFile(pid, path));
    ASSERT_TRUE(test::killNow(pid));
    EXPECT_EQ(readText(path), "old");
}
#endif

TEST(AtomicFile, UnwritableDestination) {
    test::TempDir dir;
    EXPECT_THROW(AtomicFile(dir.path("no/such/dir/out.txt")), FileWriteError);
}

TEST(NpyWriter, WritesANumpyArray) {
    test::TempDir dir;
    const std::string path = dir.path("v.npy");
    NpyWriter writer(path, 4);
    const std::uint8_t rows[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    writer.append(rows, 2);
    writer.append(rows + 8, 1);
    writer.commit();
    const std::string bytes = readText(path);
    ASSERT_EQ(bytes.size(), NpyWriter::kHeaderSize + 12);
    EXPECT_EQ(bytes.substr(0, 8), std::string("\x93NUMPY\x01\x00", 8));
    const auto headerLength = static_cast<std::size_t>(static_cast<unsigned char>(bytes[8]) |
                                                       (static_cast<unsigned char>(bytes[9]) << 8));
    EXPECT_EQ(10 + headerLength, NpyWriter::kHeaderSize);
    const std::string header = bytes.substr(10, headerLength);
    EXPECT_NE(header.find("'descr': '|u1'"), std::string::npos) << header;
    EXPECT_NE(header.find("'fortran_order': False"), std::string::npos) << header;
    EXPECT_NE(header.find("'shape': (3, 4)"), std::string::npos) << header;
    EXPECT_EQ(header.back(), '\n');
    EXPECT_EQ(static_cast<unsigned char>(bytes[NpyWriter::kHeaderSize]), 1);
    EXPECT_EQ(static_cast<unsigned char>(bytes.back()), 12);
}

TEST(PacketCsv, Formats) {
    EXPECT_EQ(formatTimestamp(1700000000123456789), "1700000000.123456789");
    EXPECT_EQ(formatTimestamp(0), "0.000000000");
    EXPECT_EQ(formatTimestamp(-1), "-1.999999999");
    EXPECT_EQ(protocolName(6), "TCP");
    EXPECT_EQ(protocolName(17), "UDP");
    EXPECT_EQ(protocolName(200), "200");
    EXPECT_EQ(csvField("plain"), "plain");
    EXPECT_EQ(csvField("a,b"), "\"a,b\"");
    EXPECT_EQ(csvField("say \"hi\""), "\"say \"\"hi\"\"\"");
    // Text that a spreadsheet would run as a formula is shown as text.
    EXPECT_EQ(csvField("=1+1.pcap"), "'=1+1.pcap");
    EXPECT_EQ(csvField("+cmd"), "'+cmd");
    EXPECT_EQ(csvField("-2"), "'-2");
    EXPECT_EQ(csvField("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csvField("\t=x"), "'\t=x");
    EXPECT_EQ(csvField("\r=x"), "\"'\r=x\"");
    EXPECT_EQ(csvField("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    EXPECT_EQ(csvField("a=b"), "a=b");
}

TEST(PacketCsv, WritesOneRowPerPacket) {
    test::TempDir dir;
    const std::string path = dir.path("m.csv");
    PacketCsvWriter writer(path, {"a,b.pcap", "c.pcap"});
    PacketRecord r;
    r.fileIndex = 0;
    r.number = 7;
    r.timestampNs = 1500000000000000001;
    r.wireLength = 1514;
    const std::uint8_t src[4] = {10, 0, 0, 1};
    const std::uint8_t dst[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
    r.src = IpAddress::v4(src);
    r.dst = IpAddress::v4(src);
    r.srcPort = 1234;
    r.dstPort = 443;
    r.protocol = 6;
    r.flowId = 3;
    writer.append(r);
    r.fileIndex = 1;
    r.src = IpAddress::v6(dst);
    r.dst = IpAddress::v6(dst);
    r.protocol = 17;
    writer.append(r);
    writer.commit();
    EXPECT_EQ(readText(path),
              "file,number,timestamp,wire_length,ip_version,protocol,src,src_port,dst,dst_port,"
              "flow_id\n"
              "\"a,b.pcap\",7,1500000000.000000001,1514,4,TCP,10.0.0.1,1234,10.0.0.1,443,3\n"
              "c.pcap,7,1500000000.000000001,1514,6,UDP,2001:db8::2,1234,2001:db8::2,443,3\n");
}

TEST(IpAddress, Text) {
    const std::uint8_t v4[4] = {192, 0, 2, 33};
    EXPECT_EQ(IpAddress::v4(v4).toString(), "192.0.2.33");
    auto v6 = [](std::initializer_list<std::uint8_t> bytes) {
        std::uint8_t raw[16] = {};
        std::copy(bytes.begin(), bytes.end(), raw);
        return IpAddress::v6(raw).toString();
    };
    EXPECT_EQ(v6({}), "::");
    EXPECT_EQ(v6({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}), "::1");
    EXPECT_EQ(v6({0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55}),
              "fe80::211:22ff:fe33:4455");
    // A single zero group is not compressed; the longest run wins; the first on ties.
    EXPECT_EQ(v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}),
              "2001:db8:0:1:1:1:1:1");
    EXPECT_EQ(v6({0x20, 0x01, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1}), "2001:0:0:1::1");
    EXPECT_EQ(v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1}),
              "2001:db8::1:0:0:1");
    EXPECT_EQ(IpAddress{}.toString(), "");
}

}  // namespace
}  // namespace deeppacket
