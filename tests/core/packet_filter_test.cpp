#include "core/packet_filter.h"

#include <gtest/gtest.h>
#include <pcap/dlt.h>

#include "core/packet_decoder.h"
#include "tests/support/frames.h"
#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

using test::Bytes;
using test::operator+;

Disposition judge(const Bytes& ip, const PreprocessOptions& options = {}) {
    DecodedPacket packet;
    const Disposition decoded = decodeFrame(DLT_RAW, test::frameOf(ip), packet);
    EXPECT_EQ(decoded, Disposition::Kept);
    return applyPaperRules(packet, options);
}

Bytes udpIp(std::uint16_t src, std::uint16_t dst) {
    test::Ipv4Spec ip;
    ip.protocol = kProtoUdp;
    return test::ipv4(ip, test::udp(src, dst, Bytes(30, 1)));
}

Bytes tcpIp(std::uint16_t src, std::uint16_t dst, std::uint8_t flags, std::size_t payload) {
    test::TcpSpec tcp;
    tcp.srcPort = src;
    tcp.dstPort = dst;
    tcp.flags = flags;
    return test::ipv4({}, test::tcp(tcp, Bytes(payload, 7)));
}

TEST(PacketFilter, DropsNameServicesInBothDirections) {
    for (std::uint16_t port : std::initializer_list<std::uint16_t>{53, 5353, 5355}) {
        EXPECT_EQ(judge(udpIp(40000, port)), Disposition::Dns) << port;
        EXPECT_EQ(judge(udpIp(port, 40000)), Disposition::Dns) << port;
        EXPECT_EQ(judge(tcpIp(40000, port, kTcpAck | 0x08, 40)), Disposition::Dns) << port;
    }
    EXPECT_EQ(judge(udpIp(40000, 54)), Disposition::Kept);
    EXPECT_EQ(judge(udpIp(443, 443)), Disposition::Kept);
}

TEST(PacketFilter, DropsTcpControlSegmentsWithoutPayload) {
    EXPECT_EQ(judge(tcpIp(40000, 443, kTcpSyn, 0)), Disposition::TcpNoPayload);
    EXPECT_EQ(judge(tcpIp(443, 40000, kTcpSyn | kTcpAck, 0)), Disposition::TcpNoPayload);
    EXPECT_EQ(judge(tcpIp(40000, 443, kTcpAck, 0)), Disposition::TcpNoPayload);
    EXPECT_EQ(judge(tcpIp(40000, 443, kTcpFin | kTcpAck, 0)), Disposition::TcpNoPayload);
    // With payload they are data segments; a bare RST has none of the three flags.
    EXPECT_EQ(judge(tcpIp(40000, 443, kTcpAck, 1)), Disposition::Kept);
    EXPECT_EQ(judge(tcpIp(40000, 443, kTcpFin | kTcpAck, 20)), Disposition::Kept);
    EXPECT_EQ(judge(tcpIp(40000, 443, kTcpRst, 0)), Disposition::Kept);
}

TEST(PacketFilter, OtherTransportsOnlyWhenAsked) {
    test::Ipv4Spec ip;
    ip.protocol = kProtoIcmp;
    const Bytes icmp = test::ipv4(ip, Bytes{8, 0, 1, 2, 0, 1, 0, 1});
    EXPECT_EQ(judge(icmp), Disposition::Kept);
    PreprocessOptions tcpUdpOnly;
    tcpUdpOnly.tcpUdpOnly = true;
    EXPECT_EQ(judge(icmp, tcpUdpOnly), Disposition::OtherTransport);
    EXPECT_EQ(judge(udpIp(1000, 2000), tcpUdpOnly), Disposition::Kept);
}

TEST(Disposition, NamesRoundTrip) {
    for (std::size_t i = 0; i < kDispositionCount; ++i) {
        const auto d = static_cast<Disposition>(i);
        EXPECT_FALSE(dispositionName(d).empty());
        EXPECT_FALSE(dispositionDescription(d).empty());
        EXPECT_EQ(dispositionFromName(dispositionName(d)), d);
    }
    EXPECT_FALSE(dispositionFromName("no-such-reason").has_value());
}

TEST(Disposition, CountsAddUp) {
    PacketCounts counts;
    counts.add(Disposition::Kept);
    counts.add(Disposition::Kept);
    counts.add(Disposition::Dns);
    counts.add(Disposition::NonIp);
    EXPECT_EQ(counts.read(), 4u);
    EXPECT_EQ(counts.kept(), 2u);
    EXPECT_EQ(counts.dropped(), 2u);
    PacketCounts total;
    total += counts;
    total += counts;
    EXPECT_EQ(total[Disposition::Dns], 2u);
    EXPECT_EQ(total.read(), 8u);
}

}  // namespace
}  // namespace deeppacket
