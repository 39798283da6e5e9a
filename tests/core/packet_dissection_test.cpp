// A packet as the details pane shows it: read back from its capture by number, its layers and
// fields with the bytes they cover, and its vector byte by byte with what each byte is.
#include "core/packet_dissection.h"

#include <gtest/gtest.h>

#include <string>

#include "core/capture_reader.h"
#include "core/vectorizer.h"
#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

using test::Bytes;

struct TwoFrames {
    test::TempDir dir;
    std::string path = dir.path("two.pcap");
    TwoFrames() {
        test::TcpSpec t;
        t.seq = 1000;
        t.flags = 0x18;
        test::Ipv4Spec ip;
        test::Ipv4Spec udpIp;
        udpIp.protocol = 17;
        test::writeFile(
            path,
            test::pcapFile(
                1,
                test::recordsOf(
                    {test::ethernet(test::kEtherIpv4,
                                    test::ipv4(ip, test::tcp(t, test::counting(30)))),
                     test::ethernet(test::kEtherIpv4,
                                    test::ipv4(udpIp, test::udp(5000, 53, test::counting(40))))})));
    }
};

const DissectedField* named(const Dissection& d, const std::string& name, int depth) {
    for (const auto& f : d.fields) {
        if (f.name == name && f.depth == depth) {
            return &f;
        }
    }
    return nullptr;
}

TEST(PacketDissection, AFrameIsReadBackByNumberAndDecodedIntoFieldsWithTheirBytes) {
    TwoFrames c;
    const StoredFrame frame = readFrame(c.path, 1);
    EXPECT_EQ(frame.number, 1U);
    EXPECT_EQ(frame.bytes.size(), 14U + 20 + 20 + 30);
    const Dissection d = dissectFrame(frame);
    EXPECT_EQ(d.disposition, Disposition::Kept);
    EXPECT_EQ(d.ipOffset, 14U);
    const DissectedField* link = named(d, "Ethernet", 0);
    ASSERT_NE(link, nullptr);
    EXPECT_NE(link->value.find("removed by the preprocessing"), std::string::npos);
    const DissectedField* ip = named(d, "Internet Protocol version 4", 0);
    ASSERT_NE(ip, nullptr);
    EXPECT_EQ(ip->value, "192.168.1.10 → 93.184.216.34");
    const DissectedField* protocol = named(d, "Protocol", 1);
    ASSERT_NE(protocol, nullptr);
    EXPECT_EQ(protocol->value, "TCP (6)");
    EXPECT_EQ(protocol->offset, 14U + 9);
    EXPECT_EQ(frame.bytes[protocol->offset], 6);
    const DissectedField* seq = named(d, "Sequence number", 1);
    ASSERT_NE(seq, nullptr);
    EXPECT_EQ(seq->value, "1000");
    const DissectedField* flags = nullptr;
    for (const auto& f : d.fields) {
        if (f.name == "Flags" && f.offset == 14U + 20 + 13) {
            flags = &f;
        }
    }
    ASSERT_NE(flags, nullptr);
    EXPECT_EQ(flags->value, "0x18 (ACK, PSH)");
    const DissectedField* payload = named(d, "Payload", 0);
    ASSERT_NE(payload, nullptr);
    EXPECT_EQ(payload->offset, 54U);
    EXPECT_EQ(payload->length, 30U);
    // The deepest field covering a byte names it.
    EXPECT_EQ(fieldAt(d, 14 + 9)->name, "Protocol");
    EXPECT_EQ(fieldAt(d, 60)->name, "Payload");

    const StoredFrame udp = readFrame(c.path, 2);
    const Dissection u = dissectFrame(udp);
    ASSERT_NE(named(u, "User Datagram Protocol", 0), nullptr);
    EXPECT_EQ(named(u, "Destination port", 1)->value, "53");
    EXPECT_THROW(readFrame(c.path, 3), CaptureError);
    EXPECT_THROW(readFrame(c.dir.path("missing.pcap"), 1), CaptureError);
}

TEST(PacketDissection, EveryVectorByteSaysWhatItIsAndWhereItCameFrom) {
    TwoFrames c;
    for (std::uint64_t number : {1U, 2U}) {
        const StoredFrame frame = readFrame(c.path, number);
        const Dissection d = dissectFrame(frame);
        PreprocessOptions options;
        options.maskChecksums = true;
        std::vector<std::uint8_t> vector(options.vectorLength);
        std::vector<VectorPart> parts(options.vectorLength);
        buildVector(d.packet, options, vector.data(), parts.data());
        std::vector<std::uint8_t> plain(options.vectorLength);
        buildVector(d.packet, options, plain.data());
        EXPECT_EQ(vector, plain) << "describing the parts changes no byte";
        const bool udp = number == 2;
        std::size_t inserted = 0;
        std::size_t padding = 0;
        for (std::size_t i = 0; i < vector.size(); ++i) {
            const long offset = packetOffsetOfVectorByte(d.packet, i, vector.size());
            switch (parts[i]) {
                case VectorPart::UdpPadding:
                    ++inserted;
                    EXPECT_EQ(vector[i], 0);
                    EXPECT_EQ(offset, -1);
                    break;
                case VectorPart::Padding:
                    ++padding;
                    EXPECT_EQ(vector[i], 0);
                    EXPECT_EQ(offset, -1);
                    break;
                case VectorPart::Address:
                case VectorPart::Masked:
                    EXPECT_EQ(vector[i], 0) << i;
                    EXPECT_GE(offset, 0);
                    break;
                default:
                    ASSERT_GE(offset, 0) << i;
                    // The byte is the packet's, at the offset said.
                    EXPECT_EQ(vector[i], frame.bytes[d.ipOffset + static_cast<std::size_t>(offset)])
                        << i;
            }
        }
        EXPECT_EQ(inserted, udp ? kUdpHeaderPadding : 0U);
        const std::size_t packetBytes = frame.bytes.size() - 14;
        EXPECT_EQ(padding, vector.size() - packetBytes - inserted);
        EXPECT_EQ(parts[12], VectorPart::Address);
        EXPECT_EQ(parts[19], VectorPart::Address);
        EXPECT_EQ(parts[10], VectorPart::Masked);  // the IPv4 checksum
        EXPECT_EQ(parts[9], VectorPart::IpHeader);
        EXPECT_EQ(parts[20], VectorPart::TransportHeader);
        // The payload starts after 20 + 20 header bytes for TCP, 20 + 8 + 12 inserted for UDP.
        EXPECT_EQ(parts[39], udp ? VectorPart::UdpPadding : VectorPart::TransportHeader);
        EXPECT_EQ(parts[40], VectorPart::Payload);
        EXPECT_STREQ(vectorPartName(VectorPart::UdpPadding), "inserted after the UDP header");
    }
}

}  // namespace
}  // namespace deeppacket
