#include "tests/support/labelled_captures.h"

#include <pcap/dlt.h>

#include <filesystem>
#include <random>

namespace deeppacket::test {
namespace {

Bytes randomBytes(std::mt19937& rng, std::size_t count) {
    Bytes b(count);
    for (auto& x : b) {
        x = static_cast<std::uint8_t>(rng());
    }
    return b;
}

std::size_t between(std::mt19937& rng, std::size_t low, std::size_t high) {
    return low + rng() % (high - low + 1);
}

// One packet of a class, client to server or back.
Bytes packetOf(const std::string& kind, std::mt19937& rng, std::uint16_t clientPort,
               bool toServer) {
    Ipv4Spec ip;
    ip.src = {10, 0, 0, 2};
    ip.dst = {10, 0, 1, static_cast<std::uint8_t>(kind.size())};
    if (!toServer) {
        std::swap(ip.src, ip.dst);
    }
    ip.id = static_cast<std::uint16_t>(rng());
    if (kind == "voice") {
        ip.protocol = 17;
        Bytes rtp = {0x80, 0x00, static_cast<std::uint8_t>(rng()),
                     static_cast<std::uint8_t>(rng())};
        rtp = rtp + randomBytes(rng, 168);
        return ipv4(ip, udp(toServer ? clientPort : 5004, toServer ? 5004 : clientPort, rtp));
    }
    TcpSpec segment;
    segment.srcPort = toServer ? clientPort : (kind == "web" ? 443 : 22);
    segment.dstPort = toServer ? (kind == "web" ? 443 : 22) : clientPort;
    segment.seq = static_cast<std::uint32_t>(rng());
    segment.ack = static_cast<std::uint32_t>(rng());
    Bytes payload;
    if (kind == "web") {
        const std::size_t length = between(rng, 200, 1400);
        payload = Bytes{0x17, 0x03, 0x03, static_cast<std::uint8_t>(length >> 8),
                        static_cast<std::uint8_t>(length)} +
                  randomBytes(rng, length);
    } else {
        // SSH binary packets: 4-byte length, padding length, then ciphertext; small and steady.
        const std::size_t length = between(rng, 28, 92);
        payload =
            Bytes{0, 0, 0, static_cast<std::uint8_t>(length), 0x06} + randomBytes(rng, length);
    }
    return ipv4(ip, tcp(segment, payload));
}

}  // namespace

LabelledCaptures writeLabelledCaptures(const TempDir& dir, const std::string& subfolder,
                                       std::uint32_t seed, int flowsPerClass, int packetsPerFlow) {
    LabelledCaptures out;
    out.classes = {"shell", "voice", "web"};
    std::mt19937 rng(seed);
    for (const auto& kind : out.classes) {
        std::vector<Bytes> frames;
        for (int f = 0; f < flowsPerClass; ++f) {
            const auto clientPort = static_cast<std::uint16_t>(between(rng, 30000, 60000));
            for (int p = 0; p < packetsPerFlow; ++p) {
                frames.push_back(ethernet(kEtherIpv4, packetOf(kind, rng, clientPort, p % 3 != 2)));
            }
        }
        const std::string folder = dir.path(subfolder + "/" + kind);
        std::filesystem::create_directories(folder);
        const std::string file = folder + "/" + kind + ".pcap";
        writeFile(file, pcapFile(DLT_EN10MB, recordsOf(frames)));
        out.files.push_back(file);
    }
    return out;
}

}  // namespace deeppacket::test
