#include "core/packet_dissection.h"

#include <pcap/dlt.h>

#include <cstdio>
#include <ctime>

#include "core/byte_order.h"
#include "core/capture_reader.h"
#include "core/packet_csv.h"
#include "core/packet_decoder.h"

namespace deeppacket {
namespace {

std::string hex(std::uint32_t value, int digits) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%0*x", digits, value);
    return text;
}

std::string mac(const std::uint8_t* p) {
    char text[18];
    std::snprintf(text, sizeof text, "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3], p[4],
                  p[5]);
    return text;
}

std::string utcTime(std::int64_t ns) {
    const std::time_t seconds = static_cast<std::time_t>(ns / 1'000'000'000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d.%09lld UTC", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<long long>(ns % 1'000'000'000));
    return text;
}

std::string tcpFlagNames(std::uint8_t flags) {
    static const std::pair<std::uint8_t, const char*> names[] = {
        {0x80, "CWR"}, {0x40, "ECE"}, {0x20, "URG"}, {0x10, "ACK"},
        {0x08, "PSH"}, {0x04, "RST"}, {0x02, "SYN"}, {0x01, "FIN"}};
    std::string out;
    for (const auto& [bit, name] : names) {
        if (flags & bit) {
            out += (out.empty() ? "" : ", ") + std::string(name);
        }
    }
    return hex(flags, 2) + (out.empty() ? "" : " (" + out + ")");
}

class Builder {
  public:
    explicit Builder(std::vector<DissectedField>& out) : out_(out) {}
    void layer(const std::string& name, std::uint32_t offset, std::uint32_t length,
               const std::string& value = {}) {
        out_.push_back({0, name, value, offset, length});
    }
    void field(const std::string& name, const std::string& value, std::uint32_t offset,
               std::uint32_t length) {
        out_.push_back({1, name, value, offset, length});
    }

  private:
    std::vector<DissectedField>& out_;
};

void dissectIpv4(const DecodedPacket& p, std::uint32_t at, Builder& b) {
    const std::uint8_t* ip = p.ip;
    b.layer("Internet Protocol version 4", at, p.ipHeaderLength,
            p.src.toString() + " → " + p.dst.toString());
    b.field("Version", "4", at, 1);
    b.field("Header length", std::to_string(p.ipHeaderLength) + " bytes", at, 1);
    b.field("Differentiated services", hex(ip[1], 2), at + 1, 1);
    b.field("Total length", std::to_string(loadBe16(ip + 2)), at + 2, 2);
    b.field("Identification", hex(loadBe16(ip + 4), 4), at + 4, 2);
    const std::uint16_t fragment = loadBe16(ip + 6);
    std::string flags = hex(fragment >> 13, 1);
    flags += (fragment & 0x4000) ? " (don't fragment)" : "";
    flags += (fragment & 0x2000) ? " (more fragments)" : "";
    b.field("Flags", flags, at + 6, 1);
    b.field("Fragment offset", std::to_string((fragment & 0x1FFF) * 8), at + 6, 2);
    b.field("Time to live", std::to_string(ip[8]), at + 8, 1);
    b.field("Protocol", protocolName(ip[9]) + " (" + std::to_string(ip[9]) + ")", at + 9, 1);
    b.field("Header checksum", hex(loadBe16(ip + 10), 4), at + 10, 2);
    b.field("Source address", p.src.toString(), at + 12, 4);
    b.field("Destination address", p.dst.toString(), at + 16, 4);
    if (p.ipHeaderLength > 20) {
        b.field("Options", std::to_string(p.ipHeaderLength - 20) + " bytes", at + 20,
                p.ipHeaderLength - 20);
    }
}

void dissectIpv6(const DecodedPacket& p, std::uint32_t at, Builder& b) {
    const std::uint8_t* ip = p.ip;
    b.layer("Internet Protocol version 6", at, p.ipHeaderLength,
            p.src.toString() + " → " + p.dst.toString());
    b.field("Version", "6", at, 1);
    b.field("Traffic class", hex(static_cast<std::uint32_t>((loadBe16(ip) >> 4) & 0xFF), 2), at, 2);
    b.field("Flow label", hex(loadBe32(ip) & 0xFFFFF, 5), at + 1, 3);
    b.field("Payload length", std::to_string(loadBe16(ip + 4)), at + 4, 2);
    b.field("Next header", std::to_string(ip[6]), at + 6, 1);
    b.field("Hop limit", std::to_string(ip[7]), at + 7, 1);
    b.field("Source address", p.src.toString(), at + 8, 16);
    b.field("Destination address", p.dst.toString(), at + 24, 16);
    if (p.ipHeaderLength > 40) {
        b.field("Extension headers", std::to_string(p.ipHeaderLength - 40) + " bytes", at + 40,
                p.ipHeaderLength - 40);
    }
}

void dissectTransport(const DecodedPacket& p, std::uint32_t at, Builder& b) {
    const std::uint8_t* l4 = p.ip + p.transportOffset();
    const std::uint32_t l4At = at + p.transportOffset();
    if (p.protocol == kProtoTcp && p.transportHeaderLength >= 20) {
        b.layer("Transmission Control Protocol", l4At, p.transportHeaderLength,
                std::to_string(p.srcPort) + " → " + std::to_string(p.dstPort));
        b.field("Source port", std::to_string(p.srcPort), l4At, 2);
        b.field("Destination port", std::to_string(p.dstPort), l4At + 2, 2);
        b.field("Sequence number", std::to_string(loadBe32(l4 + 4)), l4At + 4, 4);
        b.field("Acknowledgment number", std::to_string(loadBe32(l4 + 8)), l4At + 8, 4);
        b.field("Header length", std::to_string(p.transportHeaderLength) + " bytes", l4At + 12, 1);
        b.field("Flags", tcpFlagNames(l4[13]), l4At + 13, 1);
        b.field("Window", std::to_string(loadBe16(l4 + 14)), l4At + 14, 2);
        b.field("Checksum", hex(loadBe16(l4 + 16), 4), l4At + 16, 2);
        b.field("Urgent pointer", std::to_string(loadBe16(l4 + 18)), l4At + 18, 2);
        if (p.transportHeaderLength > 20) {
            b.field("Options", std::to_string(p.transportHeaderLength - 20) + " bytes", l4At + 20,
                    p.transportHeaderLength - 20);
        }
    } else if (p.protocol == kProtoUdp && p.transportHeaderLength == 8) {
        b.layer("User Datagram Protocol", l4At, 8,
                std::to_string(p.srcPort) + " → " + std::to_string(p.dstPort));
        b.field("Source port", std::to_string(p.srcPort), l4At, 2);
        b.field("Destination port", std::to_string(p.dstPort), l4At + 2, 2);
        b.field("Length", std::to_string(loadBe16(l4 + 4)), l4At + 4, 2);
        b.field("Checksum", hex(loadBe16(l4 + 6), 4), l4At + 6, 2);
    } else if ((p.protocol == kProtoIcmp || p.protocol == kProtoIcmpV6) &&
               p.capturedLength >= p.transportOffset() + 4) {
        b.layer(p.protocol == kProtoIcmp ? "Internet Control Message Protocol" : "ICMPv6", l4At, 4);
        b.field("Type", std::to_string(l4[0]), l4At, 1);
        b.field("Code", std::to_string(l4[1]), l4At + 1, 1);
        b.field("Checksum", hex(loadBe16(l4 + 2), 4), l4At + 2, 2);
    }
}

}  // namespace

Dissection dissectFrame(const StoredFrame& stored) {
    Dissection d;
    Builder b(d.fields);
    const Frame frame = stored.frame();
    const auto captured = static_cast<std::uint32_t>(stored.bytes.size());
    b.layer("Frame " + std::to_string(stored.number), 0, captured,
            std::to_string(stored.wireLength) + " bytes on the wire, " + std::to_string(captured) +
                " captured");
    b.field("Arrival time", utcTime(stored.timestampNs), 0, 0);
    b.field("Link type", linkTypeName(stored.linkType), 0, 0);

    d.disposition = decodeFrame(stored.linkType, frame, d.packet);
    if (d.disposition != Disposition::Kept && d.packet.ip == nullptr) {
        b.layer("Not decoded", 0, captured, std::string(dispositionDescription(d.disposition)));
        return d;
    }
    d.ipOffset = static_cast<std::uint32_t>(d.packet.ip - stored.bytes.data());
    if (d.ipOffset > 0) {
        b.layer(std::string(linkTypeDescription(stored.linkType).empty()
                                ? "Link layer"
                                : linkTypeDescription(stored.linkType)),
                0, d.ipOffset, std::to_string(d.ipOffset) + " bytes, removed by the preprocessing");
        if (stored.linkType == DLT_EN10MB && d.ipOffset >= 14) {
            b.field("Destination", mac(stored.bytes.data()), 0, 6);
            b.field("Source", mac(stored.bytes.data() + 6), 6, 6);
            b.field("Type", hex(loadBe16(stored.bytes.data() + d.ipOffset - 2), 4), d.ipOffset - 2,
                    2);
        }
    }
    if (d.packet.ipVersion == 4) {
        dissectIpv4(d.packet, d.ipOffset, b);
    } else if (d.packet.ipVersion == 6) {
        dissectIpv6(d.packet, d.ipOffset, b);
    }
    dissectTransport(d.packet, d.ipOffset, b);
    const std::uint32_t payload = d.packet.payloadOffset();
    if (d.packet.capturedLength > payload) {
        b.layer("Payload", d.ipOffset + payload, d.packet.capturedLength - payload,
                std::to_string(d.packet.payloadLength) + " bytes");
    }
    if (d.disposition != Disposition::Kept) {
        b.layer("Not classified", 0, 0, std::string(dispositionDescription(d.disposition)));
    }
    return d;
}

const DissectedField* fieldAt(const Dissection& dissection, std::uint32_t offset) {
    const DissectedField* best = nullptr;
    for (const auto& f : dissection.fields) {
        if (f.length > 0 && offset >= f.offset && offset < f.offset + f.length &&
            (best == nullptr || f.depth >= best->depth)) {
            best = &f;
        }
    }
    return best;
}

}  // namespace deeppacket
