#pragma once

#include <cstdint>
#include <vector>

#include "core/ip_address.h"

// What packets and flows are judged with: the engine (inference_engine.h) hands them to its
// sinks, and the flow aggregator (flow_aggregator.h) makes the flow verdicts.

namespace deeppacket {

// The predictions for one batch of packets, row i for batch packet i.
struct BatchPredictions {
    std::vector<std::uint32_t> classIndex;
    std::vector<float> confidence;     // softmax probability of the predicted class
    std::vector<float> probabilities;  // size() x classes when asked for, else empty
    // With a flow model: its verdict on each packet's flow from the flow's packets so far.
    std::vector<std::uint32_t> flowClassIndex;
    std::vector<float> flowConfidence;
};

// The verdict on one bidirectional flow: without a flow model, the packet vote, the class with
// the highest mean log-probability over its packets (the confidence is that class's share after
// renormalising exp(mean log p) over the classes, a normalised geometric mean of the packets'
// probabilities); with a flow model, that model's verdict on the whole flow.
struct FlowVerdict {
    std::uint32_t flowId = 0;
    std::uint32_t fileIndex = 0;
    // Endpoints as in the flow's first packet (usually client -> server).
    IpAddress src;
    IpAddress dst;
    std::uint16_t srcPort = 0;
    std::uint16_t dstPort = 0;
    std::uint8_t protocol = 0;
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;  // wire bytes of its kept packets
    std::int64_t firstTimestampNs = 0;
    std::int64_t lastTimestampNs = 0;
    std::uint32_t classIndex = 0;
    float confidence = 0;
    std::vector<float> probabilities;  // the verdict's distribution, when asked for
    bool byFlowModel = false;          // the verdict is the flow model's
    std::uint32_t voteClassIndex = 0;  // the packet vote, with or without a flow model
    float voteConfidence = 0;
};

}  // namespace deeppacket
