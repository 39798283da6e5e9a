#pragma once

// Builders of real packet and capture bytes for the tests: headers are laid out field by field
// as on the wire, and captures are written as classic pcap or pcapng files.

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace deeppacket::test {

using Bytes = std::vector<std::uint8_t>;

Bytes operator+(Bytes a, const Bytes& b);
Bytes repeat(std::uint8_t value, std::size_t count);
Bytes counting(std::size_t count, std::uint8_t first = 1);  // first, first+1, ... (mod 256)

// Transport layer.
struct TcpSpec {
    std::uint16_t srcPort = 40000;
    std::uint16_t dstPort = 443;
    std::uint32_t seq = 0x11223344;
    std::uint32_t ack = 0x55667788;
    std::uint8_t flags = 0x18;  // PSH|ACK
    Bytes options;              // padded to a multiple of 4 by the builder
    std::uint16_t checksum = 0xBEEF;
    int dataOffsetOverride = -1;  // 4-byte words, to build malformed headers
};
Bytes tcp(const TcpSpec& spec, const Bytes& payload);
Bytes udp(std::uint16_t srcPort, std::uint16_t dstPort, const Bytes& payload,
          std::uint16_t checksum = 0xCAFE);

// Network layer.
struct Ipv4Spec {
    std::array<std::uint8_t, 4> src{192, 168, 1, 10};
    std::array<std::uint8_t, 4> dst{93, 184, 216, 34};
    std::uint8_t protocol = 6;
    std::uint16_t id = 0x4242;
    std::uint16_t flagsAndOffset = 0x4000;  // DF
    Bytes options;                          // padded to a multiple of 4 by the builder
    int totalLengthOverride = -1;
    int ihlOverride = -1;  // 4-byte words
};
Bytes ipv4(const Ipv4Spec& spec, const Bytes& payload);

struct Ipv6Spec {
    std::array<std::uint8_t, 16> src{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    std::array<std::uint8_t, 16> dst{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
    std::uint8_t nextHeader = 6;
    std::uint32_t flowLabel = 0xABCDE;
    std::uint8_t trafficClass = 0x2E;
    int payloadLengthOverride = -1;
};
// `payload` starts with any extension headers; nextHeader names the first of them.
Bytes ipv6(const Ipv6Spec& spec, const Bytes& payload);
// An extension header of the generic form (next header, length in 8-byte units - 1, data).
Bytes ipv6Extension(std::uint8_t nextHeader, std::size_t totalLength);
Bytes ipv6Fragment(std::uint8_t nextHeader, std::uint16_t offsetUnits, bool more, std::uint32_t id);

// Link layer.
inline constexpr std::uint16_t kEtherIpv4 = 0x0800;
inline constexpr std::uint16_t kEtherIpv6 = 0x86DD;
inline constexpr std::uint16_t kEtherArp = 0x0806;
// Ethernet with optional tags, outermost first: {TPID, TCI}.
Bytes ethernet(std::uint16_t etherType, const Bytes& payload,
               const std::vector<std::pair<std::uint16_t, std::uint16_t>>& tags = {});
Bytes linuxSll(std::uint16_t protocol, const Bytes& payload);
Bytes linuxSll2(std::uint16_t protocol, const Bytes& payload);
Bytes bsdLoopback(std::uint32_t family, bool littleEndian, const Bytes& payload);

// Capture files.
struct Record {
    Bytes data;
    std::uint32_t wireLength = 0;  // 0: the data's size
    std::uint32_t seconds = 1700000000;
    std::uint32_t fraction = 0;  // microseconds (or nanoseconds with the nanosecond magic)
};
Bytes pcapFile(int linkType, const std::vector<Record>& records, std::uint32_t snaplen = 262144,
               bool nanosecond = false);
Bytes pcapngFile(int linkType, const std::vector<Record>& records);
std::vector<Record> recordsOf(const std::vector<Bytes>& frames);
void writeFile(const std::string& path, const Bytes& bytes);

// A fresh directory under the system's temporary folder, removed with everything in it.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string path(const std::string& name) const;
    const std::string& root() const { return root_; }

  private:
    std::string root_;
};

}  // namespace deeppacket::test
