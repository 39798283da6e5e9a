#include "core/vectorizer.h"

#include <algorithm>
#include <cstring>

namespace deeppacket {
namespace {

constexpr std::uint8_t kTcpOptionEnd = 0;
constexpr std::uint8_t kTcpOptionNop = 1;
constexpr std::uint8_t kTcpOptionTimestamp = 8;

// Writes into the first `length` bytes of a vector; parts beyond the vector are cut off.
class VectorWriter {
  public:
    VectorWriter(std::uint8_t* out, std::size_t length) : out_(out), length_(length) {}

    void copy(const std::uint8_t* from, std::size_t count) {
        count = std::min(count, length_ - used_);
        std::memcpy(out_ + used_, from, count);
        used_ += count;
    }
    void zeros(std::size_t count) {
        count = std::min(count, length_ - used_);
        std::memset(out_ + used_, 0, count);
        used_ += count;
    }
    void padToEnd() { zeros(length_ - used_); }

    // Zeroes a field at a vector offset (fields lie in the headers, before any inserted bytes).
    void clear(std::size_t offset, std::size_t count) {
        if (offset < length_) {
            std::memset(out_ + offset, 0, std::min(count, length_ - offset));
        }
    }

    void keepBits(std::size_t offset, std::uint8_t mask) {
        if (offset < length_) {
            out_[offset] = static_cast<std::uint8_t>(out_[offset] & mask);
        }
    }

  private:
    std::uint8_t* out_;
    std::size_t length_;
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
            vector.clear(12, 8);
        }
        if (o.maskIpId) {
            vector.clear(4, 2);
        }
        if (o.maskChecksums) {
            vector.clear(10, 2);
        }
    } else {
        if (o.zeroAddresses) {
            vector.clear(8, 32);
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

void buildVector(const DecodedPacket& p, const PreprocessOptions& o, std::uint8_t* out) {
    VectorWriter vector(out, o.vectorLength);
    if (p.protocol == kProtoUdp && p.transportHeaderLength == 8) {
        const std::uint32_t headers = p.payloadOffset();
        vector.copy(p.ip, headers);
        vector.zeros(kUdpHeaderPadding);
        vector.copy(p.ip + headers, p.capturedLength - headers);
    } else {
        vector.copy(p.ip, p.capturedLength);
    }
    vector.padToEnd();
    applyMasks(p, o, vector);
}

}  // namespace deeppacket
