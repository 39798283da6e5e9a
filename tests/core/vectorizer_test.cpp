#include "core/vectorizer.h"

#include <gtest/gtest.h>
#include <pcap/dlt.h>

#include "core/packet_decoder.h"
#include "tests/support/frames.h"
#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

using test::Bytes;
using test::operator+;

Bytes vectorOf(const Bytes& ip, const PreprocessOptions& options = {}) {
    DecodedPacket packet;
    EXPECT_EQ(decodeFrame(DLT_RAW, test::frameOf(ip), packet), Disposition::Kept);
    Bytes out(options.vectorLength, 0xAA);  // garbage the builder must overwrite
    buildVector(packet, options, out.data());
    return out;
}

Bytes slice(const Bytes& b, std::size_t from, std::size_t to) {
    return Bytes(b.begin() + static_cast<long>(from), b.begin() + static_cast<long>(to));
}

bool allZero(const Bytes& b, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
        if (b[i] != 0) {
            return false;
        }
    }
    return true;
}

PreprocessOptions keepAddresses() {
    PreprocessOptions o;
    o.zeroAddresses = false;
    return o;
}

TEST(Vectorizer, UdpPaddingGoesBetweenHeaderAndPayload) {
    test::Ipv4Spec spec;
    spec.protocol = kProtoUdp;
    const Bytes payload = test::counting(100, 1);  // 1, 2, ..., no zero byte
    const Bytes ip = test::ipv4(spec, test::udp(5004, 6000, payload));
    const Bytes v = vectorOf(ip, keepAddresses());
    ASSERT_EQ(v.size(), 1500u);
    EXPECT_EQ(slice(v, 0, 28), slice(ip, 0, 28));  // IP header and UDP header unchanged
    EXPECT_TRUE(allZero(v, 28, 40));               // 12 zero bytes right after the UDP header
    EXPECT_EQ(slice(v, 40, 140), payload);         // then the payload
    EXPECT_TRUE(allZero(v, 140, 1500));            // then zero padding
}

TEST(Vectorizer, TcpLayoutIsThePacketItself) {
    const Bytes ip = test::ipv4({}, test::tcp({}, test::counting(300)));
    const Bytes v = vectorOf(ip, keepAddresses());
    EXPECT_EQ(slice(v, 0, ip.size()), ip);
    EXPECT_TRUE(allZero(v, ip.size(), 1500));
}

TEST(Vectorizer, TruncatesAndPadsExactlyAt1500) {
    // An IP packet of exactly 1500 bytes fills the vector; one byte more is cut off.
    const Bytes exact = test::ipv4({}, test::tcp({}, test::counting(1460)));
    ASSERT_EQ(exact.size(), 1500u);
    EXPECT_EQ(vectorOf(exact, keepAddresses()), exact);

    const Bytes longer = test::ipv4({}, test::tcp({}, test::counting(1461)));
    EXPECT_EQ(vectorOf(longer, keepAddresses()), slice(longer, 0, 1500));

    test::Ipv4Spec spec;
    spec.protocol = kProtoUdp;
    // UDP: 28 header bytes + 12 padding + 1460 payload = 1500; the payload's last byte lands last.
    const Bytes payload = test::counting(1460, 1);
    const Bytes v = vectorOf(test::ipv4(spec, test::udp(1, 2, payload)), keepAddresses());
    EXPECT_EQ(slice(v, 40, 1500), payload);

    const Bytes tiny = test::ipv4({}, test::tcp({}, Bytes{0x42}));
    const Bytes t = vectorOf(tiny, keepAddresses());
    EXPECT_EQ(t[40], 0x42);
    EXPECT_TRUE(allZero(t, 41, 1500));
}

TEST(Vectorizer, CustomVectorLength) {
    PreprocessOptions o = keepAddresses();
    o.vectorLength = 64;
    const Bytes ip = test::ipv4({}, test::tcp({}, test::counting(300)));
    EXPECT_EQ(vectorOf(ip, o), slice(ip, 0, 64));
    o.vectorLength = 30;  // shorter than the UDP headers plus padding
    test::Ipv4Spec spec;
    spec.protocol = kProtoUdp;
    const Bytes udp = test::ipv4(spec, test::udp(1, 2, test::counting(10, 1)));
    const Bytes v = vectorOf(udp, o);
    EXPECT_EQ(slice(v, 0, 28), slice(udp, 0, 28));
    EXPECT_TRUE(allZero(v, 28, 30));
}

TEST(Vectorizer, IpAddressesZeroedByDefault) {
    const Bytes ip = test::ipv4({}, test::tcp({}, test::counting(10)));
    const Bytes zeroed = vectorOf(ip);
    EXPECT_TRUE(allZero(zeroed, 12, 20));
    EXPECT_EQ(slice(zeroed, 0, 12), slice(ip, 0, 12));
    EXPECT_EQ(slice(zeroed, 20, ip.size()), slice(ip, 20, ip.size()));

    const Bytes kept = vectorOf(ip, keepAddresses());
    EXPECT_EQ(slice(kept, 12, 20), slice(ip, 12, 20));

    const Bytes ip6 = test::ipv6({}, test::tcp({}, test::counting(10)));
    const Bytes zeroed6 = vectorOf(ip6);
    EXPECT_TRUE(allZero(zeroed6, 8, 40));
    EXPECT_EQ(slice(zeroed6, 0, 8), slice(ip6, 0, 8));
    EXPECT_EQ(slice(vectorOf(ip6, keepAddresses()), 8, 40), slice(ip6, 8, 40));
}

// Each mask must clear its field and nothing else.
void expectOnlyCleared(const Bytes& ip, const PreprocessOptions& o,
                       const std::vector<std::pair<std::size_t, std::size_t>>& fields) {
    const Bytes plain = vectorOf(ip, keepAddresses());
    PreprocessOptions masked = o;
    masked.zeroAddresses = false;
    const Bytes v = vectorOf(ip, masked);
    Bytes expected = plain;
    for (const auto& [from, to] : fields) {
        ASSERT_FALSE(allZero(plain, from, to)) << "test field " << from << " is zero already";
        std::fill(expected.begin() + static_cast<long>(from),
                  expected.begin() + static_cast<long>(to), 0);
    }
    EXPECT_EQ(v, expected);
}

TEST(Vectorizer, MaskIpId) {
    PreprocessOptions o;
    o.maskIpId = true;
    expectOnlyCleared(test::ipv4({}, test::tcp({}, test::counting(10))), o, {{4, 6}});
    test::Ipv6Spec spec;
    spec.nextHeader = 44;
    const Bytes frag = test::ipv6(
        spec, test::ipv6Fragment(6, 0, true, 0x01020304) + test::tcp({}, test::counting(10)));
    expectOnlyCleared(frag, o, {{44, 48}});
}

TEST(Vectorizer, MaskChecksums) {
    PreprocessOptions o;
    o.maskChecksums = true;
    expectOnlyCleared(test::ipv4({}, test::tcp({}, test::counting(10))), o, {{10, 12}, {36, 38}});
    test::Ipv4Spec spec;
    spec.protocol = kProtoUdp;
    expectOnlyCleared(test::ipv4(spec, test::udp(1, 2, test::counting(10))), o,
                      {{10, 12}, {26, 28}});
    spec.protocol = kProtoIcmp;
    expectOnlyCleared(test::ipv4(spec, Bytes{8, 0, 0x12, 0x34, 0, 1, 0, 1}), o,
                      {{10, 12}, {22, 24}});
}

TEST(Vectorizer, MaskTcpSequenceNumbers) {
    PreprocessOptions o;
    o.maskTcpSequence = true;
    expectOnlyCleared(test::ipv4({}, test::tcp({}, test::counting(10))), o, {{24, 32}});
}

TEST(Vectorizer, MaskTcpTimestamps) {
    test::TcpSpec tcp;
    // NOP, NOP, timestamp (kind 8, length 10, TSval, TSecr), then SACK-permitted.
    tcp.options = {1, 1, 8, 10, 0xA1, 0xA2, 0xA3, 0xA4, 0xB1, 0xB2, 0xB3, 0xB4, 4, 2};
    PreprocessOptions o;
    o.maskTcpTimestamps = true;
    // Options start at 40 (20 IP + 20 TCP); the values sit at 40 + 4 .. 40 + 12.
    expectOnlyCleared(test::ipv4({}, test::tcp(tcp, test::counting(10))), o, {{44, 52}});
}

TEST(Vectorizer, MaskFlowLabel) {
    PreprocessOptions o;
    o.maskFlowLabel = true;
    const Bytes ip6 = test::ipv6({}, test::tcp({}, test::counting(10)));
    PreprocessOptions masked = o;
    masked.zeroAddresses = false;
    const Bytes v = vectorOf(ip6, masked);
    EXPECT_EQ(v[0], ip6[0]);
    EXPECT_EQ(v[1], ip6[1] & 0xF0);  // traffic class bits stay
    EXPECT_EQ(v[2], 0);
    EXPECT_EQ(v[3], 0);
    EXPECT_EQ(slice(v, 4, ip6.size()), slice(ip6, 4, ip6.size()));
}

TEST(Vectorizer, MetadataFieldsAreUntouchedByMasks) {
    // Masks change the vector only: the decoded addresses and ports stay for flow ids.
    const Bytes ip = test::ipv4({}, test::tcp({}, test::counting(10)));
    DecodedPacket packet;
    ASSERT_EQ(decodeFrame(DLT_RAW, test::frameOf(ip), packet), Disposition::Kept);
    PreprocessOptions o;
    o.maskAll();
    Bytes v(1500);
    buildVector(packet, o, v.data());
    EXPECT_EQ(packet.src.toString(), "192.168.1.10");
    EXPECT_EQ(packet.srcPort, 40000);
    EXPECT_TRUE(allZero(v, 12, 20));
}

}  // namespace
}  // namespace deeppacket
