#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/packet_record.h"

namespace deeppacket {

// What a flow model sees of a flow: the sequence of its first packets and statistics of all its
// packets so far. Inside a VPN tunnel one packet is ciphertext with a length and a direction,
// but the sequence of a flow's lengths, directions and gaps carries its class.
//
// The feature vector, kFlowFeatureLength floats, all roughly in [-1, 1]:
//   kFlowSequenceLength positions of kFlowPacketFeatures values, for packet k of the flow:
//     0 present (1, or 0 past the flow's packets)
//     1 direction: +1 as the flow's first packet (client to server), -1 the other way
//     2 IP length / 1500, at most 1
//     3 gap since the flow's previous packet: log(1 + microseconds) / 20 (0 for the first)
//     4-7 TCP flags SYN, FIN, RST, PSH (0 or 1)
//   then kFlowStatistics values over every packet so far, in FlowStatistic order.
// The layout is part of the model file format: a flow model's card names its input length, and
// any change here is a new length.
inline constexpr std::size_t kFlowSequenceLength = 32;
inline constexpr int kFlowLengthScale = 1500;  // lengths are divided by it (and capped at 1)
inline constexpr std::size_t kFlowPacketFeatures = 8;

enum FlowStatistic : std::size_t {
    kStatPackets,         // log(1 + packets) / 10
    kStatBytes,           // log(1 + IP bytes) / 20
    kStatDuration,        // log(1 + microseconds) / 20
    kStatForwardPackets,  // share of packets client to server
    kStatForwardBytes,    // share of bytes client to server
    kStatForwardMean,     // mean IP length client to server / 1500
    kStatForwardSd,       // its standard deviation / 1500
    kStatBackwardMean,    // the same server to client
    kStatBackwardSd,      //
    kStatLargest,         // largest IP length / 1500, at most 1
    kStatSmallest,        // smallest / 1500
    kStatGapMean,         // mean of the gaps' log(1 + microseconds) / 20
    kStatGapSd,           // their standard deviation
    kStatPacketRate,      // log(1 + packets per second) / 10
    kStatTcp,             // 1 for TCP
    kStatUdp,             // 1 for UDP
    kFlowStatistics
};

inline constexpr std::size_t kFlowFeatureLength =
    kFlowSequenceLength * kFlowPacketFeatures + kFlowStatistics;

// One flow's running state: fixed size, no allocation, so that an open flow costs the same
// ~400 bytes whatever its length.
class FlowFeatures {
  public:
    // Adds the flow's next packet (in capture order). The first packet fixes the direction.
    void add(const PacketRecord& record);
    // Writes kFlowFeatureLength values describing the packets added so far.
    void write(float* out) const;
    std::uint32_t packets() const { return packets_; }

  private:
    struct Step {
        float gap = 0;  // log(1 + microseconds) / 20
        std::uint16_t length = 0;
        std::uint8_t flags = 0;
        bool forward = true;
    };
    std::array<Step, kFlowSequenceLength> steps_{};
    IpAddress client_;
    std::uint16_t clientPort_ = 0;
    std::uint8_t protocol_ = 0;
    std::uint32_t packets_ = 0;
    std::uint32_t forwardPackets_ = 0;
    std::int64_t firstNs_ = 0;
    std::int64_t lastNs_ = 0;
    std::uint16_t largest_ = 0;
    std::uint16_t smallest_ = 0;
    double forwardBytes_ = 0;
    double forwardSquares_ = 0;
    double backwardBytes_ = 0;
    double backwardSquares_ = 0;
    double gapSum_ = 0;
    double gapSquares_ = 0;
};

}  // namespace deeppacket
