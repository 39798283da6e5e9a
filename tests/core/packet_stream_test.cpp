#include "core/packet_stream.h"

#include <gtest/gtest.h>
#include <pcap/dlt.h>

#include <functional>

#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

using test::Bytes;
using test::operator+;

// Five IPv4 packets of one conversation plus noise: a TCP data segment each way (kept, one
// flow), a SYN (dropped), a DNS query (dropped) and a UDP datagram (kept, a second flow).
std::vector<Bytes> mixedIpv4Packets() {
    test::TcpSpec out;
    test::TcpSpec back;
    back.srcPort = out.dstPort;
    back.dstPort = out.srcPort;
    test::Ipv4Spec forward;
    test::Ipv4Spec reverse;
    reverse.src = forward.dst;
    reverse.dst = forward.src;
    test::TcpSpec syn = out;
    syn.flags = kTcpSyn;
    test::Ipv4Spec udpIp;
    udpIp.protocol = kProtoUdp;
    return {
        test::ipv4(forward, test::tcp(syn, {})),
        test::ipv4(forward, test::tcp(out, test::counting(200))),
        test::ipv4(reverse, test::tcp(back, test::counting(700))),
        test::ipv4(udpIp, test::udp(33000, 53, Bytes(30, 1))),
        test::ipv4(udpIp, test::udp(5004, 5006, test::counting(160))),
    };
}

struct LinkCase {
    const char* name;
    int linkType;
    std::function<Bytes(const Bytes&)> wrap;  // IPv4 packet -> frame
};

std::vector<LinkCase> linkCases() {
    return {
        {"ethernet", DLT_EN10MB,
         [](const Bytes& ip) { return test::ethernet(test::kEtherIpv4, ip); }},
        {"vlan", DLT_EN10MB,
         [](const Bytes& ip) {
             return test::ethernet(test::kEtherIpv4, ip, {{0x8100, 42}});
         }},
        {"qinq", DLT_EN10MB,
         [](const Bytes& ip) {
             return test::ethernet(test::kEtherIpv4, ip, {{0x88A8, 7}, {0x8100, 42}});
         }},
        {"sll", DLT_LINUX_SLL,
         [](const Bytes& ip) { return test::linuxSll(test::kEtherIpv4, ip); }},
        {"sll2", DLT_LINUX_SLL2,
         [](const Bytes& ip) { return test::linuxSll2(test::kEtherIpv4, ip); }},
        {"raw", DLT_RAW, [](const Bytes& ip) { return ip; }},
        {"ipv4", DLT_IPV4, [](const Bytes& ip) { return ip; }},
        {"null", DLT_NULL, [](const Bytes& ip) { return test::bsdLoopback(2, true, ip); }},
        {"loop", DLT_LOOP, [](const Bytes& ip) { return test::bsdLoopback(2, false, ip); }},
    };
}

std::vector<PacketRecord> readAll(PacketStream& stream, std::vector<Bytes>* vectors = nullptr,
                                  std::size_t batchSize = 256) {
    PacketBatch batch(stream.options().vectorLength, batchSize);
    std::vector<PacketRecord> records;
    while (stream.next(batch)) {
        for (std::size_t i = 0; i < batch.size(); ++i) {
            records.push_back(batch.records()[i]);
            if (vectors != nullptr) {
                vectors->emplace_back(batch.vector(i), batch.vector(i) + batch.vectorLength());
            }
        }
    }
    return records;
}

TEST(PacketStream, EveryLinkTypeInPcapAndPcapng) {
    test::TempDir dir;
    for (const auto& c : linkCases()) {
        for (bool pcapng : {false, true}) {
            SCOPED_TRACE(std::string(c.name) + (pcapng ? " pcapng" : " pcap"));
            std::vector<Bytes> frames;
            for (const auto& ip : mixedIpv4Packets()) {
                frames.push_back(c.wrap(ip));
            }
            const auto records = test::recordsOf(frames);
            const std::string path = dir.path(std::string(c.name) + (pcapng ? ".pcapng" : ".pcap"));
            test::writeFile(path, pcapng ? test::pcapngFile(c.linkType, records)
                                         : test::pcapFile(c.linkType, records));

            PacketStream stream({path}, PreprocessOptions{});
            std::vector<Bytes> vectors;
            const auto kept = readAll(stream, &vectors);
            const FileReport& report = stream.reports().at(0);
            EXPECT_TRUE(report.opened()) << report.error;
            EXPECT_EQ(report.linkType, c.linkType);
            EXPECT_EQ(report.format, pcapng ? "pcapng" : "pcap");
            EXPECT_EQ(report.counts.read(), 5u);
            EXPECT_EQ(report.counts.kept(), 3u);
            EXPECT_EQ(report.counts[Disposition::TcpNoPayload], 1u);
            EXPECT_EQ(report.counts[Disposition::Dns], 1u);
            EXPECT_EQ(report.flows, 2u);
            ASSERT_EQ(kept.size(), 3u);
            // Frames 2 and 3 are the two directions of one flow; frame 5 is another.
            EXPECT_EQ(kept[0].number, 2u);
            EXPECT_EQ(kept[1].number, 3u);
            EXPECT_EQ(kept[2].number, 5u);
            EXPECT_EQ(kept[0].flowId, kept[1].flowId);
            EXPECT_NE(kept[0].flowId, kept[2].flowId);
            EXPECT_EQ(kept[0].src.toString(), "192.168.1.10");
            EXPECT_EQ(kept[1].src.toString(), "93.184.216.34");
            EXPECT_EQ(kept[1].srcPort, 443);
            EXPECT_EQ(kept[2].protocol, kProtoUdp);
            EXPECT_EQ(kept[0].wireLength, frames[1].size());
            EXPECT_EQ(kept[1].timestampNs, 1700000000002000000);
            // The vector starts at the IP header whatever the link layer was.
            EXPECT_EQ(vectors[0][0], 0x45);
            EXPECT_EQ(vectors[0][9], kProtoTcp);
            EXPECT_EQ(vectors[0][40], 1);  // first payload byte
        }
    }
}

TEST(PacketStream, Ipv6WithExtensionHeaderThroughEthernet) {
    test::TempDir dir;
    test::Ipv6Spec spec;
    spec.nextHeader = 60;
    const Bytes ip = test::ipv6(
        spec, test::ipv6Extension(kProtoUdp, 8) + test::udp(5004, 5006, test::counting(64, 1)));
    test::writeFile(
        dir.path("v6.pcap"),
        test::pcapFile(DLT_EN10MB, test::recordsOf({test::ethernet(test::kEtherIpv6, ip)})));
    PacketStream stream({dir.path("v6.pcap")}, PreprocessOptions{});
    std::vector<Bytes> vectors;
    const auto kept = readAll(stream, &vectors);
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].src.toString(), "2001:db8::1");
    EXPECT_EQ(kept[0].dstPort, 5006);
    // 40 IPv6 + 8 extension + 8 UDP = 56; then 12 zeros; the payload from 68.
    const Bytes& v = vectors[0];
    EXPECT_EQ(v[6], 60);
    EXPECT_EQ(v[48 + 2], 0x13);  // UDP destination port 5006 = 0x138E
    for (std::size_t i = 56; i < 68; ++i) {
        EXPECT_EQ(v[i], 0) << i;
    }
    EXPECT_EQ(v[68], 1);
    EXPECT_EQ(v[68 + 63], 64);
}

TEST(PacketStream, SeveralFilesBatchesAndUnreadableFiles) {
    test::TempDir dir;
    std::vector<Bytes> frames;
    for (const auto& ip : mixedIpv4Packets()) {
        frames.push_back(test::ethernet(test::kEtherIpv4, ip));
    }
    frames.push_back(test::ethernet(test::kEtherArp, Bytes(28, 0)));
    test::writeFile(dir.path("a.pcap"), test::pcapFile(DLT_EN10MB, test::recordsOf(frames)));
    test::writeFile(dir.path("b.pcap"), test::pcapFile(DLT_EN10MB, test::recordsOf(frames)));
    test::writeFile(dir.path("junk.pcap"), Bytes(64, 0x5A));
    test::writeFile(dir.path("wifi.pcap"), test::pcapFile(DLT_IEEE802_11, test::recordsOf(frames)));

    PacketStream stream(
        {dir.path("a.pcap"), dir.path("junk.pcap"), dir.path("b.pcap"), dir.path("wifi.pcap")},
        PreprocessOptions{});
    const auto kept = readAll(stream, nullptr, 2);  // batches smaller than a file
    ASSERT_EQ(kept.size(), 6u);
    EXPECT_EQ(kept[0].fileIndex, 0u);
    EXPECT_EQ(kept[3].fileIndex, 2u);
    // The same 5-tuples in another file are other sessions: new flow ids.
    EXPECT_EQ(kept[0].flowId, 0u);
    EXPECT_EQ(kept[2].flowId, 1u);
    EXPECT_EQ(kept[3].flowId, 2u);
    EXPECT_EQ(kept[5].flowId, 3u);

    const auto& reports = stream.reports();
    ASSERT_EQ(reports.size(), 4u);
    EXPECT_EQ(reports[0].counts[Disposition::NonIp], 1u);
    EXPECT_FALSE(reports[1].opened());
    EXPECT_NE(reports[1].error.find("junk.pcap"), std::string::npos);
    EXPECT_EQ(reports[3].counts[Disposition::UnknownLinkType], 6u);
    const RunSummary total = summarize(reports);
    EXPECT_EQ(total.unreadableFiles, 1u);
    EXPECT_EQ(total.counts.read(), 18u);
    EXPECT_EQ(total.counts.kept(), 6u);
    EXPECT_EQ(total.counts.read(), total.counts.kept() + total.counts.dropped());
    EXPECT_EQ(total.flows, 4u);
    EXPECT_EQ(total.linkTypes.at("EN10MB").first, 2u);
    EXPECT_EQ(total.linkTypes.at("EN10MB").second, 12u);
    const StreamProgress progress = stream.progress();
    EXPECT_EQ(progress.bytesDone, progress.bytesTotal);
    EXPECT_EQ(progress.packetsRead, 18u);
    EXPECT_EQ(progress.filesDone, 4u);
}

TEST(PacketStream, CutCaptureKeepsItsPacketsAndWarns) {
    test::TempDir dir;
    std::vector<Bytes> frames;
    for (const auto& ip : mixedIpv4Packets()) {
        frames.push_back(test::ethernet(test::kEtherIpv4, ip));
    }
    Bytes file = test::pcapFile(DLT_EN10MB, test::recordsOf(frames));
    file.resize(file.size() - 100);  // cuts the last (UDP, kept) packet
    test::writeFile(dir.path("cut.pcap"), file);
    PacketStream stream({dir.path("cut.pcap")}, PreprocessOptions{});
    const auto kept = readAll(stream);
    EXPECT_EQ(kept.size(), 2u);
    const auto& report = stream.reports().at(0);
    EXPECT_EQ(report.counts.read(), 4u);
    ASSERT_EQ(report.warnings.size(), 1u);
    EXPECT_NE(report.warnings[0].find("cut.pcap"), std::string::npos);
    EXPECT_EQ(summarize(stream.reports()).filesWithWarnings, 1u);
}

TEST(PacketStream, OptionsReachTheVectors) {
    test::TempDir dir;
    const Bytes ip = test::ipv4({}, test::tcp({}, test::counting(100)));
    test::writeFile(dir.path("a.pcap"), test::pcapFile(DLT_RAW, test::recordsOf({ip})));
    PreprocessOptions options;
    options.vectorLength = 100;
    options.maskTcpSequence = true;
    PacketStream stream({dir.path("a.pcap")}, options);
    PacketBatch wrong(1500, 4);
    EXPECT_THROW(stream.next(wrong), std::invalid_argument);
    std::vector<Bytes> vectors;
    ASSERT_EQ(readAll(stream, &vectors).size(), 1u);
    ASSERT_EQ(vectors[0].size(), 100u);
    EXPECT_EQ(vectors[0][12], 0);  // address zeroed
    EXPECT_EQ(vectors[0][24], 0);  // sequence number masked
    EXPECT_EQ(vectors[0][99], ip[99]);
}

}  // namespace
}  // namespace deeppacket
