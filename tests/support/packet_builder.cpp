#include "tests/support/packet_builder.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace deeppacket::test {
namespace {

void put16(Bytes& b, std::size_t at, std::uint32_t v) {
    b[at] = static_cast<std::uint8_t>(v >> 8);
    b[at + 1] = static_cast<std::uint8_t>(v);
}

void put32(Bytes& b, std::size_t at, std::uint32_t v) {
    put16(b, at, v >> 16);
    put16(b, at + 2, v & 0xFFFF);
}

void append16(Bytes& b, std::uint32_t v) {
    b.push_back(static_cast<std::uint8_t>(v >> 8));
    b.push_back(static_cast<std::uint8_t>(v));
}

void append32(Bytes& b, std::uint32_t v) {
    append16(b, v >> 16);
    append16(b, v & 0xFFFF);
}

void append32Le(Bytes& b, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
        b.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
}

void append16Le(Bytes& b, std::uint32_t v) {
    b.push_back(static_cast<std::uint8_t>(v));
    b.push_back(static_cast<std::uint8_t>(v >> 8));
}

Bytes padTo4(Bytes b) {
    while (b.size() % 4 != 0) {
        b.push_back(0);
    }
    return b;
}

std::uint16_t internetChecksum(const Bytes& b, std::size_t length) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < length; i += 2) {
        sum += static_cast<std::uint32_t>((b[i] << 8) | b[i + 1]);
    }
    while (sum >> 16) {
        sum = (sum & 0xFFFF) + (sum >> 16);
    }
    return static_cast<std::uint16_t>(~sum);
}

}  // namespace

Bytes operator+(Bytes a, const Bytes& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

Bytes repeat(std::uint8_t value, std::size_t count) {
    return Bytes(count, value);
}

Bytes counting(std::size_t count, std::uint8_t first) {
    Bytes b(count);
    for (std::size_t i = 0; i < count; ++i) {
        b[i] = static_cast<std::uint8_t>(first + i);
    }
    return b;
}

Bytes tcp(const TcpSpec& s, const Bytes& payload) {
    const Bytes options = padTo4(s.options);
    Bytes h(20);
    put16(h, 0, s.srcPort);
    put16(h, 2, s.dstPort);
    put32(h, 4, s.seq);
    put32(h, 8, s.ack);
    const std::size_t words = s.dataOffsetOverride >= 0
                                  ? static_cast<std::size_t>(s.dataOffsetOverride)
                                  : (20 + options.size()) / 4;
    h[12] = static_cast<std::uint8_t>(words << 4);
    h[13] = s.flags;
    put16(h, 14, 65535);
    put16(h, 16, s.checksum);
    return h + options + payload;
}

Bytes udp(std::uint16_t srcPort, std::uint16_t dstPort, const Bytes& payload,
          std::uint16_t checksum) {
    Bytes h(8);
    put16(h, 0, srcPort);
    put16(h, 2, dstPort);
    put16(h, 4, static_cast<std::uint32_t>(8 + payload.size()));
    put16(h, 6, checksum);
    return h + payload;
}

Bytes ipv4(const Ipv4Spec& s, const Bytes& payload) {
    const Bytes options = padTo4(s.options);
    Bytes h(20);
    const std::size_t ihl =
        s.ihlOverride >= 0 ? static_cast<std::size_t>(s.ihlOverride) : (20 + options.size()) / 4;
    h[0] = static_cast<std::uint8_t>(0x40 | ihl);
    const std::size_t total = s.totalLengthOverride >= 0
                                  ? static_cast<std::size_t>(s.totalLengthOverride)
                                  : 20 + options.size() + payload.size();
    put16(h, 2, static_cast<std::uint32_t>(total));
    put16(h, 4, s.id);
    put16(h, 6, s.flagsAndOffset);
    h[8] = 64;
    h[9] = s.protocol;
    std::copy(s.src.begin(), s.src.end(), h.begin() + 12);
    std::copy(s.dst.begin(), s.dst.end(), h.begin() + 16);
    h = h + options;
    put16(h, 10, internetChecksum(h, h.size()));
    return h + payload;
}

Bytes ipv6(const Ipv6Spec& s, const Bytes& payload) {
    Bytes h(40);
    put32(h, 0, (6u << 28) | (std::uint32_t{s.trafficClass} << 20) | (s.flowLabel & 0xFFFFF));
    const std::size_t length = s.payloadLengthOverride >= 0
                                   ? static_cast<std::size_t>(s.payloadLengthOverride)
                                   : payload.size();
    put16(h, 4, static_cast<std::uint32_t>(length));
    h[6] = s.nextHeader;
    h[7] = 64;
    std::copy(s.src.begin(), s.src.end(), h.begin() + 8);
    std::copy(s.dst.begin(), s.dst.end(), h.begin() + 24);
    return h + payload;
}

Bytes ipv6Extension(std::uint8_t nextHeader, std::size_t totalLength) {
    Bytes h(totalLength, 0);
    h[0] = nextHeader;
    h[1] = static_cast<std::uint8_t>(totalLength / 8 - 1);
    if (totalLength > 2) {
        h[2] = 1;  // PadN option filling the rest
        h[3] = static_cast<std::uint8_t>(totalLength - 4);
    }
    return h;
}

Bytes ipv6Fragment(std::uint8_t nextHeader, std::uint16_t offsetUnits, bool more,
                   std::uint32_t id) {
    Bytes h(8, 0);
    h[0] = nextHeader;
    put16(h, 2, static_cast<std::uint32_t>(offsetUnits << 3) | (more ? 1u : 0u));
    put32(h, 4, id);
    return h;
}

Bytes ethernet(std::uint16_t etherType, const Bytes& payload,
               const std::vector<std::pair<std::uint16_t, std::uint16_t>>& tags) {
    Bytes h = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB};
    for (const auto& [tpid, tci] : tags) {
        append16(h, tpid);
        append16(h, tci);
    }
    append16(h, etherType);
    return h + payload;
}

Bytes linuxSll(std::uint16_t protocol, const Bytes& payload) {
    Bytes h;
    append16(h, 0);  // packet type: to us
    append16(h, 1);  // ARPHRD_ETHER
    append16(h, 6);  // address length
    h = h + Bytes{0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0};
    append16(h, protocol);
    return h + payload;
}

Bytes linuxSll2(std::uint16_t protocol, const Bytes& payload) {
    Bytes h;
    append16(h, protocol);
    append16(h, 0);  // reserved
    append32(h, 2);  // interface index
    append16(h, 1);  // ARPHRD_ETHER
    h.push_back(4);  // packet type: outgoing
    h.push_back(6);  // address length
    h = h + Bytes{0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0};
    return h + payload;
}

Bytes bsdLoopback(std::uint32_t family, bool littleEndian, const Bytes& payload) {
    Bytes h;
    if (littleEndian) {
        append32Le(h, family);
    } else {
        append32(h, family);
    }
    return h + payload;
}

Bytes pcapFile(int linkType, const std::vector<Record>& records, std::uint32_t snaplen,
               bool nanosecond) {
    Bytes b;
    append32Le(b, nanosecond ? 0xA1B23C4D : 0xA1B2C3D4);
    append16Le(b, 2);
    append16Le(b, 4);
    append32Le(b, 0);  // thiszone
    append32Le(b, 0);  // sigfigs
    append32Le(b, snaplen);
    append32Le(b, static_cast<std::uint32_t>(linkType));
    for (const auto& r : records) {
        append32Le(b, r.seconds);
        append32Le(b, r.fraction);
        append32Le(b, static_cast<std::uint32_t>(r.data.size()));
        append32Le(b, r.wireLength != 0 ? r.wireLength : static_cast<std::uint32_t>(r.data.size()));
        b.insert(b.end(), r.data.begin(), r.data.end());
    }
    return b;
}

Bytes pcapngFile(int linkType, const std::vector<Record>& records) {
    Bytes b;
    // Section header block.
    append32Le(b, 0x0A0D0D0A);
    append32Le(b, 28);
    append32Le(b, 0x1A2B3C4D);
    append16Le(b, 1);
    append16Le(b, 0);
    append32Le(b, 0xFFFFFFFF);  // section length unknown
    append32Le(b, 0xFFFFFFFF);
    append32Le(b, 28);
    // Interface description block (default microsecond timestamps).
    append32Le(b, 0x00000001);
    append32Le(b, 20);
    append16Le(b, static_cast<std::uint32_t>(linkType));
    append16Le(b, 0);
    append32Le(b, 262144);
    append32Le(b, 20);
    // Enhanced packet blocks.
    for (const auto& r : records) {
        const Bytes data = padTo4(r.data);
        const auto length = static_cast<std::uint32_t>(32 + data.size());
        const std::uint64_t micros = std::uint64_t{r.seconds} * 1000000 + r.fraction;
        append32Le(b, 0x00000006);
        append32Le(b, length);
        append32Le(b, 0);  // interface 0
        append32Le(b, static_cast<std::uint32_t>(micros >> 32));
        append32Le(b, static_cast<std::uint32_t>(micros & 0xFFFFFFFF));
        append32Le(b, static_cast<std::uint32_t>(r.data.size()));
        append32Le(b, r.wireLength != 0 ? r.wireLength : static_cast<std::uint32_t>(r.data.size()));
        b.insert(b.end(), data.begin(), data.end());
        append32Le(b, length);
    }
    return b;
}

std::vector<Record> recordsOf(const std::vector<Bytes>& frames) {
    std::vector<Record> records;
    std::uint32_t micros = 0;
    for (const auto& frame : frames) {
        Record r;
        r.data = frame;
        r.fraction = micros;
        micros += 1000;
        records.push_back(r);
    }
    return records;
}

void writeFile(const std::string& path, const Bytes& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        throw std::runtime_error("cannot write " + path);
    }
}

TempDir::TempDir() {
    static std::atomic<unsigned> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    const auto dir =
        std::filesystem::temp_directory_path() /
        ("deeppacket-test-" + std::to_string(stamp) + "-" + std::to_string(counter.fetch_add(1)));
    std::filesystem::create_directories(dir);
    root_ = dir.string();
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
}

std::string TempDir::path(const std::string& name) const {
    return (std::filesystem::path(root_) / name).string();
}

}  // namespace deeppacket::test
