#include "core/vectorizer.h"

#include <algorithm>
#include <cstring>

namespace deeppacket {
namespace {

constexpr std::uint8_t kTcpOptionEnd = 0;
constexpr std::uint8_t kTcpOptionNop = 1;
constexpr std::uint8_t kTcpOptionTimestamp = 8;

// Writes into the first `length` bytes of a vector; parts beyond the vector are cut off.
// Writes into the first `length` bytes of a vector; parts beyond the vector are cut off. With
// `parts`, records what each written byte is.
class VectorWriter {
  public:
    VectorWriter(std::uint8_t* out, std::size_t length, VectorPart* parts)
        : out_(out), length_(length), parts_(parts) {}

    void copy(const std::uint8_t* from, std::size_t count, VectorPart part) {
        count = std::min(count, length_ - used_);
        std::memcpy(out_ + used_, from, count);
        mark(used_, count, part);
        used_ += count;
    }
    void zeros(std::size_t count, VectorPart part) {
        count = std::min(count, length_ - used_);
        std::memset(out_ + used_, 0, count);
        mark(used_, count, part);
        used_ += count;
    }
    void padToEnd() { zeros(length_ - used_, VectorPart::Padding); }

    // Zeroes a field at a vector offset (fields lie in the headers, before any inserted bytes).
    void clear(std::size_t offset, std::size_t count, VectorPart why = VectorPart::Masked) {
        if (offset < length_) {
            count = std::min(count, length_ - offset);
            std::memset(out_ + offset, 0, count);
            mark(offset, count, why);
        }
    }

    void keepBits(std::size_t offset, std::uint8_t mask) {
        if (offset < length_) {
            out_[offset] = static_cast<std::uint8_t>(out_[offset] & mask);
            mark(offset, 1, VectorPart::Masked);
        }
    }

  private:
    void mark(std::size_t offset, std::size_t count, VectorPart part) {
        if (parts_ != nullptr) {
            std::fill(parts_ + offset, parts_ + offset + count, part);
        }
    }

    std::uint8_t* out_;
    std::size_t length_;
    VectorPart* parts_;
    std::size_t used_ = 0;
};

void maskTcpTimestamps(const DecodedPacket& p, VectorWriter& vector) {
    const std::uint32_t begin = p.transportOffset() + 20;
    const std::uint32_t end = p.transportOffset() + p.transportHeaderLength;
    for (std::uint32_t i = begin; i < end;) {
        const std::uint8_t kind = p.ip[i];
        if (kind == kTcpOptionEnd) {
            break;
        }
        if (kind == kTcpOptionNop) {
            ++i;
            continue;
        }
        if (i + 1 >= end) {
            break;
        }
        const std::uint8_t length = p.ip[i + 1];
        if (length < 2 || i + length > end) {
            break;  // malformed option list: stop rather than guess
        }
        if (kind == kTcpOptionTimestamp && length == 10) {
            vector.clear(i + 2, 8);  // TSval and TSecr
        }
        i += length;
    }
}

void applyMasks(const DecodedPacket& p, const PreprocessOptions& o, VectorWriter& vector) {
    if (p.ipVersion == 4) {
        if (o.zeroAddresses) {
            vector.clear(12, 8, VectorPart::Address);
        }
        if (o.maskIpId) {
            vector.clear(4, 2);
        }
        if (o.maskChecksums) {
            vector.clear(10, 2);
        }
    } else {
        if (o.zeroAddresses) {
            vector.clear(8, 32, VectorPart::Address);
        }
        if (o.maskFlowLabel) {
            // The flow label is the low 4 bits of byte 1 and bytes 2-3; the high bits of byte 1
            // belong to the traffic class, which stays.
            vector.keepBits(1, 0xF0);
            vector.clear(2, 2);
        }
        if (o.maskIpId && p.fragmentHeaderOffset != 0) {
            vector.clear(p.fragmentHeaderOffset + 4, 4);
        }
    }
    const std::uint32_t l4 = p.transportOffset();
    if (p.protocol == kProtoTcp && p.transportHeaderLength >= 20) {
        if (o.maskTcpSequence) {
            vector.clear(l4 + 4, 8);
        }
        if (o.maskChecksums) {
            vector.clear(l4 + 16, 2);
        }
        if (o.maskTcpTimestamps) {
            maskTcpTimestamps(p, vector);
        }
    } else if (p.protocol == kProtoUdp && p.transportHeaderLength == 8) {
        if (o.maskChecksums) {
            vector.clear(l4 + 6, 2);
        }
    } else if ((p.protocol == kProtoIcmp || p.protocol == kProtoIcmpV6) && o.maskChecksums &&
               p.capturedLength >= l4 + 4) {
        vector.clear(l4 + 2, 2);
    }
}

}  // namespace

const char* vectorPartName(VectorPart part) {
    switch (part) {
        case VectorPart::IpHeader:
            return "IP header";
        case VectorPart::TransportHeader:
            return "transport header";
        case VectorPart::Payload:
            return "payload";
        case VectorPart::UdpPadding:
            return "inserted after the UDP header";
        case VectorPart::Address:
            return "zeroed address";
        case VectorPart::Masked:
            return "masked field";
        case VectorPart::Padding:
            return "zero padding";
    }
    return "";
}

void buildVector(const DecodedPacket& p, const PreprocessOptions& o, std::uint8_t* out,
                 VectorPart* parts) {
    VectorWriter vector(out, o.vectorLength, parts);
    const std::uint32_t ipHeader = std::min(p.ipHeaderLength, p.capturedLength);
    const std::uint32_t headers = std::min(p.payloadOffset(), p.capturedLength);
    vector.copy(p.ip, ipHeader, VectorPart::IpHeader);
    vector.copy(p.ip + ipHeader, headers - ipHeader, VectorPart::TransportHeader);
    if (p.protocol == kProtoUdp && p.transportHeaderLength == 8) {
        vector.zeros(kUdpHeaderPadding, VectorPart::UdpPadding);
    }
    vector.copy(p.ip + headers, p.capturedLength - headers, VectorPart::Payload);
    vector.padToEnd();
    applyMasks(p, o, vector);
}

long packetOffsetOfVectorByte(const DecodedPacket& p, std::size_t index, std::size_t vectorLength) {
    const bool udp = p.protocol == kProtoUdp && p.transportHeaderLength == 8;
    const std::size_t headers = std::min(p.payloadOffset(), p.capturedLength);
    if (index >= vectorLength) {
        return -1;
    }
    if (!udp || index < headers) {
        return index < p.capturedLength ? static_cast<long>(index) : -1;
    }
    if (index < headers + kUdpHeaderPadding) {
        return -1;
    }
    const std::size_t offset = index - kUdpHeaderPadding;
    return offset < p.capturedLength ? static_cast<long>(offset) : -1;
}

}  // namespace deeppacket
