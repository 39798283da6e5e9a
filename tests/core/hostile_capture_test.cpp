// Captures built to be hostile — corrupt file and record headers, lengths that lie, headers that
// point outside the packet — go through the whole preprocessing pipeline (libpcap, decoder,
// rules, vectorizer, flow table). None may crash or hang; every record read gets exactly one
// disposition, and an unusable one names why. CTest's timeout catches a hang.
#include <gtest/gtest.h>
#include <pcap/dlt.h>

#include "core/packet_stream.h"
#include "tests/support/packet_builder.h"
#include "tests/support/record_count.h"

namespace deeppacket {
namespace {

using test::Bytes;
using test::operator+;
using test::recordsLibpcapReads;

constexpr std::uint8_t kUdp = 17;

Bytes goodTcp(std::uint8_t fill = 7) {
    return test::ethernet(test::kEtherIpv4, test::ipv4({}, test::tcp({}, Bytes(64, fill))));
}

void put32Le(Bytes& b, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
        b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
    }
}

// Runs the pipeline over one file and returns its report, with the packets handed out.
struct Outcome {
    FileReport report;
    std::uint64_t delivered = 0;
};

Outcome run(const std::string& path) {
    PacketStream stream({path}, PreprocessOptions{});
    PacketBatch batch(1500, 64);
    Outcome out;
    while (stream.next(batch)) {
        out.delivered += batch.size();
    }
    out.report = stream.reports().at(0);
    EXPECT_EQ(out.delivered, out.report.counts.kept());
    return out;
}

class HostileCapture : public ::testing::Test {
  protected:
    std::string write(const std::string& name, const Bytes& bytes) {
        const std::string path = dir_.path(name);
        test::writeFile(path, bytes);
        return path;
    }
    test::TempDir dir_;
};

TEST_F(HostileCapture, BadFileHeadersAreErrorsNamingTheFile) {
    Bytes magic = test::pcapFile(DLT_EN10MB, test::recordsOf({goodTcp()}));
    put32Le(magic, 0, 0xDEADBEEF);
    Bytes section = test::pcapngFile(DLT_EN10MB, test::recordsOf({goodTcp()}));
    put32Le(section, 4, 0x7FFFFFFC);  // a section header block length beyond the file
    for (const auto& [name, bytes] : {std::pair{"magic.pcap", magic}, {"shb.pcapng", section}}) {
        SCOPED_TRACE(name);
        const Outcome out = run(write(name, bytes));
        EXPECT_FALSE(out.report.opened());
        EXPECT_NE(out.report.error.find(name), std::string::npos) << out.report.error;
        EXPECT_EQ(out.report.counts.read(), 0u);
    }
}

TEST_F(HostileCapture, SnaplenZeroAndHugeAreReadWhole) {
    // libpcap treats a snapshot length of 0 or beyond its maximum as "no limit".
    for (const std::uint32_t snaplen : {0u, 0xFFFFFFFFu}) {
        SCOPED_TRACE(snaplen);
        const auto path =
            write("snaplen.pcap",
                  test::pcapFile(DLT_EN10MB, test::recordsOf({goodTcp(1), goodTcp(2)}), snaplen));
        const Outcome out = run(path);
        ASSERT_TRUE(out.report.opened()) << out.report.error;
        EXPECT_EQ(out.report.counts.kept(), 2u);
        EXPECT_TRUE(out.report.warnings.empty());
    }
}

TEST_F(HostileCapture, CapturedLengthBeyondWireLength) {
    // A record claiming fewer bytes on the wire than were captured: the packet's own IP total
    // length decides, and nothing is read beyond the captured bytes.
    auto records = test::recordsOf({goodTcp(), goodTcp()});
    records[0].wireLength = 20;
    const Outcome out = run(write("caplen-gt-len.pcap", test::pcapFile(DLT_EN10MB, records)));
    ASSERT_TRUE(out.report.opened());
    EXPECT_EQ(out.report.counts.read(), 2u);
    EXPECT_EQ(out.report.counts.kept(), 2u);
}

TEST_F(HostileCapture, CapturedLengthBeyondSnaplenIsCutToIt) {
    // libpcap reads the snapshot length and skips the rest of the record.
    const auto path =
        write("caplen-gt-snaplen.pcap",
              test::pcapFile(DLT_EN10MB, test::recordsOf({goodTcp(), goodTcp()}), 60));
    const Outcome out = run(path);
    ASSERT_TRUE(out.report.opened());
    EXPECT_EQ(out.report.counts.read(), 2u);
    EXPECT_EQ(out.report.counts.kept(), 2u);  // headers fit in 60 bytes; the payload is cut
}

TEST_F(HostileCapture, RecordLengthBeyondTheFileEnd) {
    Bytes file = test::pcapFile(DLT_EN10MB, test::recordsOf({goodTcp(1), goodTcp(2)}));
    const std::size_t secondRecord = 24 + 16 + goodTcp().size();
    for (const std::uint32_t caplen : {4000u, 0x7FFFFFFFu}) {
        SCOPED_TRACE(caplen);
        put32Le(file, secondRecord + 8, caplen);
        const Outcome out = run(write("beyond.pcap", file));
        ASSERT_TRUE(out.report.opened());
        EXPECT_EQ(out.report.counts.read(), 1u);
        EXPECT_EQ(out.report.counts.kept(), 1u);
        ASSERT_EQ(out.report.warnings.size(), 1u);
        EXPECT_NE(out.report.warnings[0].find("after record 1"), std::string::npos)
            << out.report.warnings[0];
    }
}

TEST_F(HostileCapture, ZeroLengthRecords) {
    auto records = test::recordsOf({goodTcp(), Bytes{}, Bytes{}, goodTcp()});
    records[1].wireLength = 0;
    const Outcome out = run(write("zero.pcap", test::pcapFile(DLT_EN10MB, records)));
    EXPECT_EQ(out.report.counts.read(), 4u);
    EXPECT_EQ(out.report.counts.kept(), 2u);
    EXPECT_EQ(out.report.counts[Disposition::TruncatedLinkHeader], 2u);
}

TEST_F(HostileCapture, HeadersThatLieAreCountedUnderTheirReason) {
    std::vector<Bytes> frames;
    const auto eth4 = [](const Bytes& ip) { return test::ethernet(test::kEtherIpv4, ip); };
    const auto eth6 = [](const Bytes& ip) { return test::ethernet(test::kEtherIpv6, ip); };

    test::Ipv4Spec ihl4;
    ihl4.ihlOverride = 4;
    frames.push_back(eth4(test::ipv4(ihl4, test::tcp({}, Bytes(10, 1)))));
    test::Ipv4Spec ihl0;
    ihl0.ihlOverride = 0;
    frames.push_back(eth4(test::ipv4(ihl0, test::tcp({}, Bytes(10, 1)))));
    test::Ipv4Spec shortTotal;
    shortTotal.totalLengthOverride = 16;  // less than the 20-byte header
    frames.push_back(eth4(test::ipv4(shortTotal, test::tcp({}, Bytes(10, 1)))));
    test::Ipv4Spec ihlBeyond;
    ihlBeyond.ihlOverride = 15;  // 60 bytes of header in a 20-byte packet
    frames.push_back(eth4(test::ipv4(ihlBeyond, {})));
    const std::size_t malformedIp = frames.size();

    test::Ipv6Spec bigPayload;
    bigPayload.payloadLengthOverride = 60000;
    frames.push_back(eth6(test::ipv6(bigPayload, test::tcp({}, Bytes(10, 1)))));
    // Hop-by-hop headers chained to each other far beyond any real packet.
    Bytes loop;
    for (int i = 0; i < 64; ++i) {
        loop = loop + test::ipv6Extension(0, 8);
    }
    test::Ipv6Spec hopByHop;
    hopByHop.nextHeader = 0;
    frames.push_back(eth6(test::ipv6(hopByHop, loop)));
    const std::size_t malformedIp6 = frames.size() - malformedIp;

    test::TcpSpec lowOffset;
    lowOffset.dataOffsetOverride = 4;
    frames.push_back(eth4(test::ipv4({}, test::tcp(lowOffset, Bytes(10, 1)))));
    test::TcpSpec zeroOffset;
    zeroOffset.dataOffsetOverride = 0;
    frames.push_back(eth4(test::ipv4({}, test::tcp(zeroOffset, Bytes(10, 1)))));
    test::TcpSpec highOffset;
    highOffset.dataOffsetOverride = 15;
    frames.push_back(eth4(test::ipv4({}, test::tcp(highOffset, Bytes(4, 1)))));
    test::Ipv4Spec udpShort;
    udpShort.protocol = kUdp;
    frames.push_back(eth4(test::ipv4(udpShort, Bytes(3, 0))));
    const std::size_t malformedTransport = 4;

    // 40 VLAN tags in a frame with room for none of the IP packet after them.
    std::vector<std::pair<std::uint16_t, std::uint16_t>> tags(40, {0x8100, 7});
    Bytes vlan = test::ethernet(test::kEtherIpv4, {}, tags);
    frames.push_back(Bytes(vlan.begin(), vlan.begin() + 60));
    // A frame cut inside its Ethernet header.
    const Bytes whole = goodTcp();
    frames.push_back(Bytes(whole.begin(), whole.begin() + 9));
    const std::size_t truncatedLink = 2;

    frames.push_back(goodTcp());  // the pipeline goes on after all of them

    const auto path = write("lies.pcap", test::pcapFile(DLT_EN10MB, test::recordsOf(frames)));
    const Outcome out = run(path);
    const PacketCounts& c = out.report.counts;
    EXPECT_EQ(c.read(), frames.size());
    EXPECT_EQ(c.read(), recordsLibpcapReads(path));
    EXPECT_EQ(c[Disposition::MalformedIpHeader], malformedIp + malformedIp6);
    EXPECT_EQ(c[Disposition::MalformedTransportHeader], malformedTransport);
    EXPECT_EQ(c[Disposition::TruncatedLinkHeader], truncatedLink);
    EXPECT_EQ(c.kept(), 1u);
    EXPECT_TRUE(out.report.warnings.empty());
}

TEST_F(HostileCapture, PcapngBlocksWithBadLengths) {
    const Bytes good = test::pcapngFile(DLT_EN10MB, test::recordsOf({goodTcp(1), goodTcp(2)}));
    const Bytes one = test::pcapngFile(DLT_EN10MB, test::recordsOf({goodTcp(1)}));
    const std::size_t secondBlock = one.size();
    struct Case {
        const char* name;
        std::uint32_t length;
    };
    const Case cases[] = {
        {"shorter than a block header", 8},
        {"zero", 0},
        {"not a multiple of 4", static_cast<std::uint32_t>(good.size() - secondBlock - 1)},
        {"beyond the file end", 1u << 20},
        {"beyond any block", 0xFFFFFFF0u},
        {"shorter than its packet", 36},
    };
    for (const Case& k : cases) {
        SCOPED_TRACE(k.name);
        Bytes file = good;
        put32Le(file, secondBlock + 4, k.length);
        const Outcome out = run(write("bad-block.pcapng", file));
        ASSERT_TRUE(out.report.opened()) << out.report.error;
        EXPECT_EQ(out.report.counts.read(), 1u);
        EXPECT_EQ(out.report.counts.kept(), 1u);
        EXPECT_EQ(out.report.warnings.size(), 1u);
    }
    // A trailing length that disagrees with the leading one.
    Bytes file = good;
    put32Le(file, file.size() - 4, 12);
    const Outcome out = run(write("trailer.pcapng", file));
    EXPECT_EQ(out.report.counts.read(), recordsLibpcapReads(dir_.path("trailer.pcapng")));
    EXPECT_LE(out.report.counts.read(), 2u);
}

TEST_F(HostileCapture, RandomBytesAfterAValidHeader) {
    // Noise after a good file header: whatever libpcap makes of it is read, and every record it
    // hands out is accounted for.
    Bytes file = test::pcapFile(DLT_EN10MB, {});
    std::uint32_t state = 12345;
    for (int i = 0; i < 64 * 1024; ++i) {
        state = state * 1103515245u + 12345u;
        file.push_back(static_cast<std::uint8_t>(state >> 16));
    }
    const auto path = write("noise.pcap", file);
    const Outcome out = run(path);
    EXPECT_EQ(out.report.counts.read(), recordsLibpcapReads(path));
    // When not even the first record can be read, the file is unreadable, not empty.
    EXPECT_EQ(out.report.opened(), out.report.counts.read() > 0) << out.report.error;
    if (!out.report.opened()) {
        EXPECT_NE(out.report.error.find("noise.pcap: reading stopped after record 0"),
                  std::string::npos)
            << out.report.error;
    }
}

}  // namespace
}  // namespace deeppacket
