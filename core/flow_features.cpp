#include "core/flow_features.h"

#include <algorithm>
#include <cmath>

#include "core/decoded_packet.h"

namespace deeppacket {
namespace {

constexpr double kLength = kFlowLengthScale;

// log(1 + microseconds) / 20: a gap of 1 µs is ~0.03, a second 0.69, a quarter hour 1.03.
float gapFeature(std::int64_t nanoseconds) {
    const double micro = static_cast<double>(std::max<std::int64_t>(0, nanoseconds)) / 1000.0;
    return static_cast<float>(std::log1p(micro) / 20.0);
}

double sd(double sum, double squares, double count) {
    if (count < 2) {
        return 0;
    }
    const double mean = sum / count;
    return std::sqrt(std::max(0.0, squares / count - mean * mean));
}

}  // namespace

void FlowFeatures::add(const PacketRecord& r) {
    const std::uint16_t length = r.ipLength;
    float gap = 0;
    if (packets_ == 0) {
        client_ = r.src;
        clientPort_ = r.srcPort;
        protocol_ = r.protocol;
        firstNs_ = r.timestampNs;
        lastNs_ = r.timestampNs;
        largest_ = length;
        smallest_ = length;
    } else {
        // Timestamps of a capture may step back a little: a negative gap counts as none.
        gap = gapFeature(r.timestampNs - lastNs_);
        const auto g = static_cast<double>(gap);
        gapSum_ += g;
        gapSquares_ += g * g;
        lastNs_ = std::max(lastNs_, r.timestampNs);
        largest_ = std::max(largest_, length);
        smallest_ = std::min(smallest_, length);
    }
    const bool forward = r.src == client_ && r.srcPort == clientPort_;
    const double bytes = length;
    if (forward) {
        ++forwardPackets_;
        forwardBytes_ += bytes;
        forwardSquares_ += bytes * bytes;
    } else {
        backwardBytes_ += bytes;
        backwardSquares_ += bytes * bytes;
    }
    if (packets_ < kFlowSequenceLength) {
        steps_[packets_] = {gap, length, r.tcpFlags, forward};
    }
    ++packets_;
}

void FlowFeatures::write(float* out) const {
    std::fill(out, out + kFlowFeatureLength, 0.0f);
    const std::size_t steps = std::min<std::size_t>(packets_, kFlowSequenceLength);
    for (std::size_t k = 0; k < steps; ++k) {
        const Step& s = steps_[k];
        float* p = out + k * kFlowPacketFeatures;
        p[0] = 1;
        p[1] = s.forward ? 1.0f : -1.0f;
        p[2] = static_cast<float>(std::min(1.0, s.length / kLength));
        p[3] = s.gap;
        p[4] = (s.flags & kTcpSyn) ? 1.0f : 0.0f;
        p[5] = (s.flags & kTcpFin) ? 1.0f : 0.0f;
        p[6] = (s.flags & kTcpRst) ? 1.0f : 0.0f;
        p[7] = (s.flags & kTcpPsh) ? 1.0f : 0.0f;
    }
    if (packets_ == 0) {
        return;
    }
    float* stat = out + kFlowSequenceLength * kFlowPacketFeatures;
    const double packets = packets_;
    const double forward = forwardPackets_;
    const double backward = packets - forward;
    const double bytes = forwardBytes_ + backwardBytes_;
    const double micro = static_cast<double>(lastNs_ - firstNs_) / 1000.0;
    const double gaps = packets - 1;
    auto put = [stat](FlowStatistic which, double value) {
        stat[which] = static_cast<float>(value);
    };
    put(kStatPackets, std::log1p(packets) / 10.0);
    put(kStatBytes, std::log1p(bytes) / 20.0);
    put(kStatDuration, std::log1p(micro) / 20.0);
    put(kStatForwardPackets, forward / packets);
    put(kStatForwardBytes, bytes > 0 ? forwardBytes_ / bytes : 0.0);
    put(kStatForwardMean, forward > 0 ? forwardBytes_ / forward / kLength : 0.0);
    put(kStatForwardSd, sd(forwardBytes_, forwardSquares_, forward) / kLength);
    put(kStatBackwardMean, backward > 0 ? backwardBytes_ / backward / kLength : 0.0);
    put(kStatBackwardSd, sd(backwardBytes_, backwardSquares_, backward) / kLength);
    put(kStatLargest, std::min(1.0, largest_ / kLength));
    put(kStatSmallest, std::min(1.0, smallest_ / kLength));
    put(kStatGapMean, gaps > 0 ? gapSum_ / gaps : 0.0);
    put(kStatGapSd, sd(gapSum_, gapSquares_, gaps));
    // A flow of one packet, or of packets with one timestamp, has no rate: 0.
    put(kStatPacketRate, micro > 0 ? std::log1p(packets / (micro / 1e6)) / 10.0 : 0.0);
    put(kStatTcp, protocol_ == kProtoTcp ? 1.0 : 0.0);
    put(kStatUdp, protocol_ == kProtoUdp ? 1.0 : 0.0);
}

}  // namespace deeppacket
