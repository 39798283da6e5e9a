#include "core/packet_decoder.h"

#include <pcap/dlt.h>

#include <algorithm>

#include "core/byte_order.h"

namespace deeppacket {
namespace {

constexpr std::uint16_t kEtherIpv4 = 0x0800;
constexpr std::uint16_t kEtherIpv6 = 0x86DD;
constexpr std::uint16_t kEtherVlan = 0x8100;      // 802.1Q
constexpr std::uint16_t kEtherQinQ = 0x88A8;      // 802.1ad service tag
constexpr std::uint16_t kEtherQinQOld = 0x9100;   // pre-standard QinQ
constexpr std::uint16_t kEtherQinQOld2 = 0x9200;  // pre-standard QinQ
constexpr std::uint16_t kEtherPppoeSession = 0x8864;
constexpr std::uint16_t kEtherMplsUnicast = 0x8847;
constexpr std::uint16_t kEtherMplsMulticast = 0x8848;
constexpr std::uint16_t kPppIpv4 = 0x0021;
constexpr std::uint16_t kPppIpv6 = 0x0057;

// LINKTYPE_RAW as stored in files; libpcap normally maps it to DLT_RAW, but accept it as is too.
constexpr int kLinktypeRaw = 101;

// IPv6 extension headers are a chain; a hostile packet can make it long. Real traffic has a few.
constexpr int kMaxIpv6ExtensionHeaders = 16;

// The bytes left of a frame while descending through its layers. `wire` is what the frame had on
// the wire from this point on; it tells a capture cut by the snapshot length (captured < wire)
// from a header that lies about its length (a length beyond `wire`).
struct Bytes {
    const std::uint8_t* p;
    std::uint32_t captured;
    std::uint32_t wire;

    Bytes skip(std::uint32_t n) const { return {p + n, captured - n, wire - n}; }
};

Disposition decodeTransport(DecodedPacket& out) {
    const std::uint32_t offset = out.ipHeaderLength;
    const std::uint32_t captured = out.capturedLength - offset;
    const std::uint32_t wire = out.totalLength - offset;
    const std::uint8_t* l4 = out.ip + offset;

    if (out.protocol == kProtoTcp) {
        if (wire < 20) {
            return Disposition::MalformedTransportHeader;
        }
        if (captured < 20) {
            return Disposition::TruncatedTransportHeader;
        }
        const std::uint32_t dataOffset = (std::uint32_t{l4[12]} >> 4) * 4;
        if (dataOffset < 20 || dataOffset > wire) {
            return Disposition::MalformedTransportHeader;
        }
        if (dataOffset > captured) {
            return Disposition::TruncatedTransportHeader;
        }
        out.srcPort = loadBe16(l4);
        out.dstPort = loadBe16(l4 + 2);
        out.tcpFlags = l4[13];
        out.transportHeaderLength = dataOffset;
        out.payloadLength = wire - dataOffset;
        return Disposition::Kept;
    }
    if (out.protocol == kProtoUdp) {
        if (wire < 8) {
            return Disposition::MalformedTransportHeader;
        }
        if (captured < 8) {
            return Disposition::TruncatedTransportHeader;
        }
        out.srcPort = loadBe16(l4);
        out.dstPort = loadBe16(l4 + 2);
        out.transportHeaderLength = 8;
        out.payloadLength = wire - 8;
        return Disposition::Kept;
    }
    out.transportHeaderLength = 0;
    out.payloadLength = wire;
    return Disposition::Kept;
}

// Fixes the IP packet's extent: `totalLength` as its header says (0 means "as long as the frame",
// which TCP segmentation offload and IPv6 jumbograms produce), trimmed to what was captured.
// Anything after the IP packet (Ethernet padding, trailers) is not part of it.
Disposition settleLength(Bytes b, std::uint32_t headerSays, std::uint32_t minimum,
                         DecodedPacket& out) {
    const std::uint32_t total = headerSays == 0 ? b.wire : headerSays;
    if (total < minimum || total > b.wire) {
        return Disposition::MalformedIpHeader;
    }
    out.ip = b.p;
    out.totalLength = total;
    out.capturedLength = std::min(b.captured, total);
    return Disposition::Kept;
}

Disposition decodeIpv4(Bytes b, DecodedPacket& out) {
    if (b.captured < 20) {
        return b.wire < 20 ? Disposition::MalformedIpHeader : Disposition::TruncatedIpHeader;
    }
    if ((b.p[0] >> 4) != 4) {
        return Disposition::MalformedIpHeader;
    }
    const std::uint32_t headerLength = (std::uint32_t{b.p[0]} & 0x0Fu) * 4;
    if (headerLength < 20) {
        return Disposition::MalformedIpHeader;
    }
    if (b.captured < headerLength) {
        return b.wire < headerLength ? Disposition::MalformedIpHeader
                                     : Disposition::TruncatedIpHeader;
    }
    if (auto d = settleLength(b, loadBe16(b.p + 2), headerLength, out); d != Disposition::Kept) {
        return d;
    }
    out.ipVersion = 4;
    out.ipHeaderLength = headerLength;
    out.src = IpAddress::v4(b.p + 12);
    out.dst = IpAddress::v4(b.p + 16);
    out.protocol = b.p[9];

    const std::uint16_t fragment = loadBe16(b.p + 6);
    const bool moreFragments = (fragment & 0x2000) != 0;
    if ((fragment & 0x1FFF) != 0) {
        return Disposition::IpFragment;
    }
    out.firstFragment = moreFragments;
    return decodeTransport(out);
}

Disposition decodeIpv6(Bytes b, DecodedPacket& out) {
    if (b.captured < 40) {
        return b.wire < 40 ? Disposition::MalformedIpHeader : Disposition::TruncatedIpHeader;
    }
    if ((b.p[0] >> 4) != 6) {
        return Disposition::MalformedIpHeader;
    }
    const std::uint32_t payloadLength = loadBe16(b.p + 4);
    if (auto d = settleLength(b, payloadLength == 0 ? 0 : 40 + payloadLength, 40, out);
        d != Disposition::Kept) {
        return d;
    }
    out.ipVersion = 6;
    out.src = IpAddress::v6(b.p + 8);
    out.dst = IpAddress::v6(b.p + 24);

    std::uint8_t next = b.p[6];
    std::uint32_t offset = 40;
    // Checks that `length` bytes at `offset` lie inside the IP packet and the capture.
    auto fits = [&](std::uint32_t length, Disposition& why) {
        if (offset + length > out.totalLength) {
            why = Disposition::MalformedIpHeader;
            return false;
        }
        if (offset + length > out.capturedLength) {
            why = Disposition::TruncatedIpHeader;
            return false;
        }
        return true;
    };
    for (int count = 0;; ++count) {
        const bool extension = next == 0 || next == 43 || next == 44 || next == 51 || next == 60 ||
                               next == 135 || next == 139 || next == 140;
        if (!extension) {
            break;
        }
        if (count == kMaxIpv6ExtensionHeaders) {
            return Disposition::MalformedIpHeader;
        }
        Disposition why = Disposition::Kept;
        if (!fits(8, why)) {  // every extension header is at least 8 bytes
            return why;
        }
        const std::uint8_t* h = b.p + offset;
        std::uint32_t length = 8;
        if (next == 44) {  // fragment header: fixed 8 bytes
            out.fragmentHeaderOffset = offset;
            if ((loadBe16(h + 2) >> 3) != 0) {
                out.ipHeaderLength = offset + 8;
                return Disposition::IpFragment;
            }
            out.firstFragment = (h[3] & 0x01) != 0;
        } else if (next == 51) {  // authentication header counts 4-byte words, minus 2
            length = (std::uint32_t{h[1]} + 2) * 4;
        } else {
            length = (std::uint32_t{h[1]} + 1) * 8;
        }
        if (!fits(length, why)) {
            return why;
        }
        next = h[0];
        offset += length;
    }
    out.ipHeaderLength = offset;
    out.protocol = next;
    return decodeTransport(out);
}

Disposition decodeIpByVersion(Bytes b, DecodedPacket& out) {
    if (b.captured < 1) {
        return b.wire < 1 ? Disposition::MalformedIpHeader : Disposition::TruncatedIpHeader;
    }
    switch (b.p[0] >> 4) {
        case 4:
            return decodeIpv4(b, out);
        case 6:
            return decodeIpv6(b, out);
        default:
            return Disposition::MalformedIpHeader;
    }
}

// Follows an EtherType through VLAN tags, PPPoE and MPLS down to IPv4 or IPv6. Every step
// consumes bytes, so the loop ends however deep a hostile frame stacks its tags.
Disposition decodeEthertype(std::uint16_t type, Bytes b, DecodedPacket& out) {
    for (;;) {
        switch (type) {
            case kEtherIpv4:
                return decodeIpv4(b, out);
            case kEtherIpv6:
                return decodeIpv6(b, out);
            case kEtherVlan:
            case kEtherQinQ:
            case kEtherQinQOld:
            case kEtherQinQOld2:
                if (b.captured < 4) {
                    return Disposition::TruncatedLinkHeader;
                }
                type = loadBe16(b.p + 2);
                b = b.skip(4);
                break;
            case kEtherPppoeSession: {
                if (b.captured < 8) {
                    return Disposition::TruncatedLinkHeader;
                }
                const std::uint16_t ppp = loadBe16(b.p + 6);
                b = b.skip(8);
                if (ppp == kPppIpv4) {
                    type = kEtherIpv4;
                } else if (ppp == kPppIpv6) {
                    type = kEtherIpv6;
                } else {
                    return Disposition::NonIp;
                }
                break;
            }
            case kEtherMplsUnicast:
            case kEtherMplsMulticast: {
                bool bottom = false;
                while (!bottom) {
                    if (b.captured < 4) {
                        return Disposition::TruncatedLinkHeader;
                    }
                    bottom = (b.p[2] & 0x01) != 0;
                    b = b.skip(4);
                }
                // MPLS does not say what it carries; IP is recognised by its version nibble.
                if (b.captured < 1) {
                    return Disposition::TruncatedLinkHeader;
                }
                const int version = b.p[0] >> 4;
                if (version != 4 && version != 6) {
                    return Disposition::NonIp;
                }
                return decodeIpByVersion(b, out);
            }
            default:
                return Disposition::NonIp;
        }
    }
}

// BSD loopback: a 4-byte address family in the writer's byte order (DLT_NULL) or in network
// order (DLT_LOOP). Reading it both ways covers captures from either endianness.
Disposition decodeLoopback(Bytes b, DecodedPacket& out) {
    if (b.captured < 4) {
        return Disposition::TruncatedLinkHeader;
    }
    const std::uint32_t big = loadBe32(b.p);
    const std::uint32_t little = loadLe32(b.p);
    auto is = [&](std::uint32_t family) { return big == family || little == family; };
    if (is(2)) {  // AF_INET everywhere
        return decodeIpv4(b.skip(4), out);
    }
    // AF_INET6: 24 on NetBSD/OpenBSD, 28 on FreeBSD, 30 on macOS, 10 on Linux.
    if (is(24) || is(28) || is(30) || is(10)) {
        return decodeIpv6(b.skip(4), out);
    }
    return Disposition::NonIp;
}

}  // namespace

bool isSupportedLinkType(int linkType) {
    switch (linkType) {
        case DLT_EN10MB:
        case DLT_LINUX_SLL:
#ifdef DLT_LINUX_SLL2
        case DLT_LINUX_SLL2:
#endif
        case DLT_RAW:
        case kLinktypeRaw:
        case DLT_IPV4:
        case DLT_IPV6:
        case DLT_NULL:
        case DLT_LOOP:
            return true;
        default:
            return false;
    }
}

Disposition decodeFrame(int linkType, const Frame& frame, DecodedPacket& out) {
    out = DecodedPacket{};
    // A record claiming fewer bytes on the wire than it captured is corrupt; trust the capture.
    const Bytes b{frame.data, frame.capturedLength,
                  std::max(frame.wireLength, frame.capturedLength)};
    switch (linkType) {
        case DLT_EN10MB: {
            if (b.captured < 14) {
                return Disposition::TruncatedLinkHeader;
            }
            const std::uint16_t type = loadBe16(b.p + 12);
            if (type < 0x0600) {  // an 802.3 length field: LLC/SNAP frames, never IP here
                return Disposition::NonIp;
            }
            return decodeEthertype(type, b.skip(14), out);
        }
        case DLT_LINUX_SLL:  // 16-byte header, protocol (EtherType) in its last two bytes
            if (b.captured < 16) {
                return Disposition::TruncatedLinkHeader;
            }
            return decodeEthertype(loadBe16(b.p + 14), b.skip(16), out);
#ifdef DLT_LINUX_SLL2
        case DLT_LINUX_SLL2:  // 20-byte header, protocol (EtherType) in its first two bytes
            if (b.captured < 20) {
                return Disposition::TruncatedLinkHeader;
            }
            return decodeEthertype(loadBe16(b.p), b.skip(20), out);
#endif
        case DLT_RAW:
        case kLinktypeRaw:
            return decodeIpByVersion(b, out);
        case DLT_IPV4:
            return decodeIpv4(b, out);
        case DLT_IPV6:
            return decodeIpv6(b, out);
        case DLT_NULL:
        case DLT_LOOP:
            return decodeLoopback(b, out);
        default:
            return Disposition::UnknownLinkType;
    }
}

}  // namespace deeppacket
