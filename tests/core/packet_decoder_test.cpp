#include "core/packet_decoder.h"

#include <gtest/gtest.h>
#include <pcap/dlt.h>

#include <deque>

#include "tests/support/frames.h"
#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

using test::Bytes;
using test::operator+;

// A decoded packet points into its frame, so the frames decoded here are kept alive for the
// whole test run.
Disposition decode(int linkType, const Bytes& bytes, DecodedPacket& out,
                   std::uint32_t wireLength = 0) {
    static std::deque<Bytes> frames;
    return decodeFrame(linkType, test::frameOf(frames.emplace_back(bytes), wireLength), out);
}

Bytes tcpPacket(const Bytes& payload = test::counting(100)) {
    return test::ipv4({}, test::tcp({}, payload));
}

Bytes udpPacket(const Bytes& payload = test::counting(50)) {
    test::Ipv4Spec ip;
    ip.protocol = kProtoUdp;
    return test::ipv4(ip, test::udp(5004, 6000, payload));
}

void expectTcpIpv4(const DecodedPacket& p, const Bytes& ipBytes) {
    EXPECT_EQ(p.ipVersion, 4);
    EXPECT_EQ(p.ipHeaderLength, 20u);
    EXPECT_EQ(p.protocol, kProtoTcp);
    EXPECT_EQ(p.transportHeaderLength, 20u);
    EXPECT_EQ(p.payloadLength, 100u);
    EXPECT_EQ(p.srcPort, 40000);
    EXPECT_EQ(p.dstPort, 443);
    EXPECT_EQ(p.src.toString(), "192.168.1.10");
    EXPECT_EQ(p.dst.toString(), "93.184.216.34");
    EXPECT_EQ(p.capturedLength, ipBytes.size());
    ASSERT_NE(p.ip, nullptr);
    EXPECT_EQ(Bytes(p.ip, p.ip + p.capturedLength), ipBytes);
}

TEST(PacketDecoder, Ethernet) {
    const Bytes ip = tcpPacket();
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_EN10MB, test::ethernet(test::kEtherIpv4, ip), p), Disposition::Kept);
    expectTcpIpv4(p, ip);
}

TEST(PacketDecoder, EthernetPaddingIsNotPartOfThePacket) {
    // A 40-byte IP packet in a minimum-size frame: Ethernet pads it to 46 bytes of payload.
    const Bytes ip = test::ipv4({}, test::tcp({}, {}));
    const Bytes frame = test::ethernet(test::kEtherIpv4, ip + test::repeat(0xEE, 6));
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_EN10MB, frame, p), Disposition::Kept);
    EXPECT_EQ(p.capturedLength, 40u);
    EXPECT_EQ(p.payloadLength, 0u);
}

TEST(PacketDecoder, VlanTag) {
    const Bytes ip = tcpPacket();
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_EN10MB, test::ethernet(test::kEtherIpv4, ip, {{0x8100, 100}}), p),
              Disposition::Kept);
    expectTcpIpv4(p, ip);
}

TEST(PacketDecoder, QinQTags) {
    const Bytes ip = tcpPacket();
    DecodedPacket p;
    const Bytes frame = test::ethernet(test::kEtherIpv4, ip, {{0x88A8, 10}, {0x8100, 20}});
    ASSERT_EQ(decode(DLT_EN10MB, frame, p), Disposition::Kept);
    expectTcpIpv4(p, ip);
    const Bytes old = test::ethernet(test::kEtherIpv4, ip, {{0x9100, 10}, {0x8100, 20}});
    ASSERT_EQ(decode(DLT_EN10MB, old, p), Disposition::Kept);
    expectTcpIpv4(p, ip);
}

TEST(PacketDecoder, VlanStackDeeperThanTheFrame) {
    std::vector<std::pair<std::uint16_t, std::uint16_t>> tags(6, {0x8100, 1});
    Bytes frame = test::ethernet(0x8100, {}, tags);  // the innermost tag is cut off
    DecodedPacket p;
    EXPECT_EQ(decode(DLT_EN10MB, frame, p), Disposition::TruncatedLinkHeader);
}

TEST(PacketDecoder, PppoeSession) {
    const Bytes ip = tcpPacket();
    const Bytes pppoe = Bytes{0x11, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x21} + ip;
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_EN10MB, test::ethernet(0x8864, pppoe), p), Disposition::Kept);
    expectTcpIpv4(p, ip);
    const Bytes lcp = Bytes{0x11, 0x00, 0x00, 0x01, 0x00, 0x04, 0xC0, 0x21, 1, 2, 3, 4};
    EXPECT_EQ(decode(DLT_EN10MB, test::ethernet(0x8864, lcp), p), Disposition::NonIp);
}

TEST(PacketDecoder, MplsLabelStack) {
    const Bytes ip = tcpPacket();
    const Bytes labels = {0x00, 0x01, 0x00, 0x40, 0x00, 0x02, 0x01, 0x40};  // 2 labels, BoS
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_EN10MB, test::ethernet(0x8847, labels + ip), p), Disposition::Kept);
    expectTcpIpv4(p, ip);
}

TEST(PacketDecoder, LinuxCookedV1) {
    const Bytes ip = tcpPacket();
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_LINUX_SLL, test::linuxSll(test::kEtherIpv4, ip), p), Disposition::Kept);
    expectTcpIpv4(p, ip);
    EXPECT_EQ(decode(DLT_LINUX_SLL, Bytes(15, 0), p), Disposition::TruncatedLinkHeader);
}

TEST(PacketDecoder, LinuxCookedV2) {
    const Bytes ip = tcpPacket();
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_LINUX_SLL2, test::linuxSll2(test::kEtherIpv4, ip), p), Disposition::Kept);
    expectTcpIpv4(p, ip);
    EXPECT_EQ(decode(DLT_LINUX_SLL2, test::linuxSll2(test::kEtherArp, Bytes(28, 1)), p),
              Disposition::NonIp);
}

TEST(PacketDecoder, RawIpLinkTypes) {
    const Bytes ip4 = tcpPacket();
    const Bytes ip6 = test::ipv6({}, test::tcp({}, test::counting(10)));
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_RAW, ip4, p), Disposition::Kept);
    expectTcpIpv4(p, ip4);
    ASSERT_EQ(decode(DLT_RAW, ip6, p), Disposition::Kept);
    EXPECT_EQ(p.ipVersion, 6);
    ASSERT_EQ(decode(DLT_IPV4, ip4, p), Disposition::Kept);
    expectTcpIpv4(p, ip4);
    ASSERT_EQ(decode(DLT_IPV6, ip6, p), Disposition::Kept);
    EXPECT_EQ(p.ipVersion, 6);
    EXPECT_EQ(p.payloadLength, 10u);
    EXPECT_EQ(decode(DLT_IPV6, ip4, p), Disposition::MalformedIpHeader);
    EXPECT_EQ(decode(DLT_RAW, Bytes{0x50, 0, 0, 0}, p), Disposition::MalformedIpHeader);
}

TEST(PacketDecoder, BsdLoopbackBothByteOrders) {
    const Bytes ip4 = tcpPacket();
    const Bytes ip6 = test::ipv6({}, test::tcp({}, test::counting(10)));
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_NULL, test::bsdLoopback(2, true, ip4), p), Disposition::Kept);
    expectTcpIpv4(p, ip4);
    ASSERT_EQ(decode(DLT_NULL, test::bsdLoopback(2, false, ip4), p), Disposition::Kept);
    for (std::uint32_t family : {24u, 28u, 30u}) {
        ASSERT_EQ(decode(DLT_NULL, test::bsdLoopback(family, true, ip6), p), Disposition::Kept)
            << family;
        EXPECT_EQ(p.ipVersion, 6);
    }
    ASSERT_EQ(decode(DLT_LOOP, test::bsdLoopback(30, false, ip6), p), Disposition::Kept);
    EXPECT_EQ(p.ipVersion, 6);
    EXPECT_EQ(decode(DLT_NULL, test::bsdLoopback(7, true, ip4), p), Disposition::NonIp);
    EXPECT_EQ(decode(DLT_LOOP, Bytes{0, 0}, p), Disposition::TruncatedLinkHeader);
}

TEST(PacketDecoder, NonIpAndUnknownLinkType) {
    DecodedPacket p;
    EXPECT_EQ(decode(DLT_EN10MB, test::ethernet(test::kEtherArp, Bytes(28, 0)), p),
              Disposition::NonIp);
    EXPECT_EQ(decode(DLT_EN10MB, test::ethernet(0x0030, Bytes(48, 0)), p),
              Disposition::NonIp);  // 802.3 length field
    EXPECT_EQ(decode(DLT_IEEE802_11, tcpPacket(), p), Disposition::UnknownLinkType);
    EXPECT_FALSE(isSupportedLinkType(DLT_IEEE802_11));
    EXPECT_TRUE(isSupportedLinkType(DLT_LINUX_SLL2));
    EXPECT_EQ(decode(DLT_EN10MB, Bytes(13, 0), p), Disposition::TruncatedLinkHeader);
}

TEST(PacketDecoder, Ipv4Options) {
    test::Ipv4Spec spec;
    spec.options = {0x07, 0x07, 0x04, 0, 0, 0, 0, 0x01};  // record route + NOP: 8 bytes
    const Bytes ip = test::ipv4(spec, test::tcp({}, test::counting(30)));
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_RAW, ip, p), Disposition::Kept);
    EXPECT_EQ(p.ipHeaderLength, 28u);
    EXPECT_EQ(p.transportOffset(), 28u);
    EXPECT_EQ(p.srcPort, 40000);
    EXPECT_EQ(p.payloadLength, 30u);
}

TEST(PacketDecoder, Ipv6ExtensionHeaders) {
    // Hop-by-hop (8 bytes) -> destination options (16 bytes) -> UDP.
    const Bytes extensions = test::ipv6Extension(60, 8) + test::ipv6Extension(kProtoUdp, 16);
    test::Ipv6Spec spec;
    spec.nextHeader = 0;
    const Bytes ip = test::ipv6(spec, extensions + test::udp(5060, 5061, test::counting(40)));
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_RAW, ip, p), Disposition::Kept);
    EXPECT_EQ(p.ipHeaderLength, 64u);
    EXPECT_EQ(p.protocol, kProtoUdp);
    EXPECT_EQ(p.srcPort, 5060);
    EXPECT_EQ(p.dstPort, 5061);
    EXPECT_EQ(p.payloadLength, 40u);
    EXPECT_EQ(p.src.toString(), "2001:db8::1");
}

TEST(PacketDecoder, Ipv6ExtensionChainTooLong) {
    Bytes chain;
    for (int i = 0; i < 40; ++i) {
        chain = chain + test::ipv6Extension(60, 8);
    }
    test::Ipv6Spec spec;
    spec.nextHeader = 60;
    DecodedPacket p;
    EXPECT_EQ(decode(DLT_RAW, test::ipv6(spec, chain), p), Disposition::MalformedIpHeader);
}

TEST(PacketDecoder, Ipv6ExtensionHeaderBeyondThePacket) {
    test::Ipv6Spec spec;
    spec.nextHeader = 0;
    Bytes ext = test::ipv6Extension(6, 8);
    ext[1] = 200;  // claims 1608 bytes
    DecodedPacket p;
    EXPECT_EQ(decode(DLT_RAW, test::ipv6(spec, ext + Bytes(20, 0)), p),
              Disposition::MalformedIpHeader);
}

TEST(PacketDecoder, Ipv6Fragments) {
    test::Ipv6Spec spec;
    spec.nextHeader = 44;
    DecodedPacket p;
    const Bytes first = test::ipv6(
        spec, test::ipv6Fragment(kProtoUdp, 0, true, 77) + test::udp(4000, 4001, Bytes(64, 1)));
    ASSERT_EQ(decode(DLT_RAW, first, p), Disposition::Kept);
    EXPECT_TRUE(p.firstFragment);
    EXPECT_EQ(p.fragmentHeaderOffset, 40u);
    EXPECT_EQ(p.srcPort, 4000);
    const Bytes later =
        test::ipv6(spec, test::ipv6Fragment(kProtoUdp, 9, false, 77) + Bytes(64, 1));
    EXPECT_EQ(decode(DLT_RAW, later, p), Disposition::IpFragment);
}

TEST(PacketDecoder, Ipv4Fragments) {
    test::Ipv4Spec spec;
    spec.protocol = kProtoUdp;
    spec.flagsAndOffset = 0x2000;  // MF, offset 0: the first fragment has the UDP header
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_RAW, test::ipv4(spec, test::udp(1000, 2000, Bytes(100, 3))), p),
              Disposition::Kept);
    EXPECT_TRUE(p.firstFragment);
    EXPECT_EQ(p.dstPort, 2000);
    spec.flagsAndOffset = 0x000D;  // offset 13 * 8 bytes, last fragment
    EXPECT_EQ(decode(DLT_RAW, test::ipv4(spec, Bytes(100, 3)), p), Disposition::IpFragment);
}

TEST(PacketDecoder, MalformedIpv4) {
    DecodedPacket p;
    test::Ipv4Spec spec;
    spec.ihlOverride = 4;
    EXPECT_EQ(decode(DLT_RAW, test::ipv4(spec, Bytes(20, 0)), p), Disposition::MalformedIpHeader);
    spec = {};
    spec.totalLengthOverride = 12;  // less than the header
    EXPECT_EQ(decode(DLT_RAW, test::ipv4(spec, Bytes(20, 0)), p), Disposition::MalformedIpHeader);
    spec = {};
    spec.totalLengthOverride = 400;  // more than the frame had on the wire
    EXPECT_EQ(decode(DLT_RAW, test::ipv4(spec, Bytes(20, 0)), p), Disposition::MalformedIpHeader);
}

TEST(PacketDecoder, ZeroTotalLengthMeansTheWholeFrame) {
    // Captures taken on a host with segmentation offload carry IPv4 total length 0.
    test::Ipv4Spec spec;
    spec.totalLengthOverride = 0;
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_RAW, test::ipv4(spec, test::tcp({}, Bytes(3000, 9))), p),
              Disposition::Kept);
    EXPECT_EQ(p.totalLength, 3040u);
    EXPECT_EQ(p.payloadLength, 3000u);
}

TEST(PacketDecoder, Ipv6PayloadLengthBeyondTheFrame) {
    test::Ipv6Spec spec;
    spec.payloadLengthOverride = 5000;
    DecodedPacket p;
    EXPECT_EQ(decode(DLT_RAW, test::ipv6(spec, test::tcp({}, Bytes(10, 1))), p),
              Disposition::MalformedIpHeader);
}

TEST(PacketDecoder, SnaplenCutPacketsKeepTheirWireLengths) {
    // A 1000-byte payload captured with a 96-byte snapshot length is still a packet with a
    // 1000-byte payload; only its vector is cut short.
    const Bytes ip = tcpPacket(test::counting(1000));
    const Bytes captured(ip.begin(), ip.begin() + 96);
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_RAW, captured, p, static_cast<std::uint32_t>(ip.size())),
              Disposition::Kept);
    EXPECT_EQ(p.capturedLength, 96u);
    EXPECT_EQ(p.totalLength, 1040u);
    EXPECT_EQ(p.payloadLength, 1000u);
}

TEST(PacketDecoder, TruncatedHeaders) {
    const Bytes ip = tcpPacket();
    DecodedPacket p;
    auto cut = [&](std::size_t n) {
        return decode(DLT_RAW, Bytes(ip.begin(), ip.begin() + static_cast<long>(n)), p,
                      static_cast<std::uint32_t>(ip.size()));
    };
    EXPECT_EQ(cut(12), Disposition::TruncatedIpHeader);
    EXPECT_EQ(cut(30), Disposition::TruncatedTransportHeader);
    EXPECT_EQ(cut(40), Disposition::Kept);
}

TEST(PacketDecoder, MalformedTcp) {
    DecodedPacket p;
    test::TcpSpec spec;
    spec.dataOffsetOverride = 3;
    EXPECT_EQ(decode(DLT_RAW, test::ipv4({}, test::tcp(spec, Bytes(10, 0))), p),
              Disposition::MalformedTransportHeader);
    spec.dataOffsetOverride = 15;  // 60 bytes of header in a 30-byte segment
    EXPECT_EQ(decode(DLT_RAW, test::ipv4({}, test::tcp(spec, Bytes(10, 0))), p),
              Disposition::MalformedTransportHeader);
    test::Ipv4Spec ip;
    ip.protocol = kProtoUdp;
    EXPECT_EQ(decode(DLT_RAW, test::ipv4(ip, Bytes(5, 0)), p),
              Disposition::MalformedTransportHeader);
}

TEST(PacketDecoder, OtherTransportsHaveNoPorts) {
    test::Ipv4Spec spec;
    spec.protocol = kProtoIcmp;
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_RAW, test::ipv4(spec, Bytes{8, 0, 0x12, 0x34, 0, 1, 0, 1}), p),
              Disposition::Kept);
    EXPECT_EQ(p.protocol, kProtoIcmp);
    EXPECT_EQ(p.transportHeaderLength, 0u);
    EXPECT_EQ(p.payloadLength, 8u);
    EXPECT_EQ(p.srcPort, 0);
}

TEST(PacketDecoder, UdpPacket) {
    DecodedPacket p;
    ASSERT_EQ(decode(DLT_RAW, udpPacket(), p), Disposition::Kept);
    EXPECT_EQ(p.protocol, kProtoUdp);
    EXPECT_EQ(p.transportHeaderLength, 8u);
    EXPECT_EQ(p.payloadLength, 50u);
    EXPECT_EQ(p.payloadOffset(), 28u);
}

}  // namespace
}  // namespace deeppacket
