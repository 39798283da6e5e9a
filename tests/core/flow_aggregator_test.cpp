#include "core/flow_aggregator.h"
#include "core/inference_engine.h"

#include <gtest/gtest.h>

#include <cmath>

namespace deeppacket {
namespace {

PacketRecord packetOf(std::uint32_t flow, std::int64_t time) {
    PacketRecord r;
    r.flowId = flow;
    r.timestampNs = time;
    r.wireLength = 100;
    r.srcPort = static_cast<std::uint16_t>(1000 + flow);
    return r;
}

TEST(FlowAggregator, FlowsIdleBeyondTheTimeoutAreTakenEarly) {
    constexpr std::int64_t kMinute = std::int64_t{60} * 1'000'000'000;
    FlowAggregator flows(2);
    const float p[2] = {std::log(0.7f), std::log(0.3f)};
    flows.add(packetOf(1, 0), p);
    flows.add(packetOf(2, 5 * kMinute), p);
    flows.add(packetOf(1, 6 * kMinute), p);
    flows.add(packetOf(3, 18 * kMinute), p);
    EXPECT_TRUE(flows.takeFinished(false).empty());  // nothing idle for 15 minutes yet
    flows.add(packetOf(3, 22 * kMinute), p);
    const auto finished = flows.takeFinished(false);
    ASSERT_EQ(finished.size(), 2u);  // 1 (last at 6 min) and 2 (5 min), not 3
    EXPECT_EQ(finished[0].flowId, 1u);
    EXPECT_EQ(finished[0].packets, 2u);
    EXPECT_EQ(finished[1].flowId, 2u);
    flows.add(packetOf(3, 23 * kMinute), p);
    const auto rest = flows.takeVerdicts(false);
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_EQ(rest[0].flowId, 3u);
    EXPECT_EQ(rest[0].packets, 3u);
    EXPECT_TRUE(flows.empty());
}

TEST(FlowAggregator, OnAQuietLinkTheClockEndsIdleFlows) {
    constexpr std::int64_t kMinute = std::int64_t{60} * 1'000'000'000;
    FlowAggregator flows(2);
    const float p[2] = {std::log(0.7f), std::log(0.3f)};
    flows.advanceTo(100 * kMinute);  // nothing seen yet: nothing to move
    flows.add(packetOf(1, 0), p);
    flows.add(packetOf(2, 10 * kMinute), p);
    flows.advanceTo(20 * kMinute);
    const auto finished = flows.takeFinished(false);
    ASSERT_EQ(finished.size(), 1U);  // flow 1, idle for 20 minutes; flow 2 for 10
    EXPECT_EQ(finished[0].flowId, 1U);
    flows.advanceTo(5 * kMinute);  // the clock never goes back
    flows.advanceTo(26 * kMinute);
    ASSERT_EQ(flows.takeFinished(false).size(), 1U);
    EXPECT_TRUE(flows.empty());
}

TEST(FlowAggregator, MeanLogProbabilityDecides) {
    FlowAggregator flows(2);
    // Flow 7: one packet very sure of class 0, two mildly for class 1. Mean log p:
    // class 0: (log .99 + 2 log .4) / 3, class 1: (log .01 + 2 log .6) / 3 -> class 0 wins.
    const float a[2] = {std::log(0.99f), std::log(0.01f)};
    const float b[2] = {std::log(0.4f), std::log(0.6f)};
    flows.add(packetOf(7, 30), a);
    flows.add(packetOf(7, 10), b);
    flows.add(packetOf(7, 20), b);
    flows.add(packetOf(3, 5), b);
    const auto verdicts = flows.takeVerdicts(true);
    ASSERT_EQ(verdicts.size(), 2u);
    EXPECT_TRUE(flows.empty());
    EXPECT_EQ(verdicts[0].flowId, 3u);  // ordered by id
    EXPECT_EQ(verdicts[0].classIndex, 1u);
    EXPECT_NEAR(verdicts[0].confidence, 0.6, 1e-6);
    const FlowVerdict& v = verdicts[1];
    EXPECT_EQ(v.flowId, 7u);
    EXPECT_EQ(v.packets, 3u);
    EXPECT_EQ(v.bytes, 300u);
    EXPECT_EQ(v.firstTimestampNs, 10);
    EXPECT_EQ(v.lastTimestampNs, 30);
    EXPECT_EQ(v.srcPort, 1007);
    EXPECT_EQ(v.classIndex, 0u);
    const double m0 = (std::log(0.99) + 2 * std::log(0.4)) / 3;
    const double m1 = (std::log(0.01) + 2 * std::log(0.6)) / 3;
    const double expected = std::exp(m0) / (std::exp(m0) + std::exp(m1));
    EXPECT_NEAR(v.confidence, expected, 1e-5);
    ASSERT_EQ(v.probabilities.size(), 2u);
    EXPECT_NEAR(v.probabilities[0] + v.probabilities[1], 1.0, 1e-6);
}

TEST(FlowAggregator, UpdatedFlowsGiveTheirVerdictSoFarAndStayOpen) {
    FlowAggregator flows(2);
    flows.trackUpdates(true);
    const float zero[2] = {std::log(0.9f), std::log(0.1f)};
    const float one[2] = {std::log(0.2f), std::log(0.8f)};
    flows.add(packetOf(4, 10), zero);
    flows.add(packetOf(2, 20), one);
    flows.add(packetOf(4, 30), zero);
    auto updated = flows.takeUpdated(false);
    ASSERT_EQ(updated.size(), 2u);  // once each, by id
    EXPECT_EQ(updated[0].flowId, 2u);
    EXPECT_EQ(updated[0].classIndex, 1u);
    EXPECT_NEAR(updated[0].confidence, 0.8f, 1e-6);
    EXPECT_EQ(updated[1].flowId, 4u);
    EXPECT_EQ(updated[1].packets, 2u);
    EXPECT_EQ(updated[1].classIndex, 0u);
    EXPECT_TRUE(flows.takeUpdated(false).empty());  // nothing new

    // Flow 4 turns: its verdict so far follows, and the final verdict is the same figure.
    for (int i = 0; i < 4; ++i) {
        flows.add(packetOf(4, 40 + i), one);
    }
    updated = flows.takeUpdated(true);
    ASSERT_EQ(updated.size(), 1u);
    EXPECT_EQ(updated[0].classIndex, 1u);
    ASSERT_EQ(updated[0].probabilities.size(), 2u);
    const auto final = flows.takeVerdicts(true);
    ASSERT_EQ(final.size(), 2u);
    EXPECT_EQ(final[1].classIndex, updated[0].classIndex);
    EXPECT_FLOAT_EQ(final[1].confidence, updated[0].confidence);
    EXPECT_EQ(final[1].packets, 6u);

    // Flows that ended since their packets are not reported as open.
    flows.add(packetOf(9, 100), zero);
    flows.takeVerdicts(false);
    EXPECT_TRUE(flows.takeUpdated(false).empty());
}

TEST(FlowAggregator, UntrackedUpdatesCostNothing) {
    FlowAggregator flows(2);
    const float p[2] = {std::log(0.5f), std::log(0.5f)};
    flows.add(packetOf(1, 0), p);
    EXPECT_TRUE(flows.takeUpdated(false).empty());
}

TEST(InferenceEngine, PredictionsFromLogProbabilities) {
    const float logp[6] = {std::log(0.2f), std::log(0.7f), std::log(0.1f),
                           std::log(0.5f), std::log(0.3f), std::log(0.2f)};
    BatchPredictions p;
    predictionsFromLogProbabilities(logp, 2, 3, true, p);
    EXPECT_EQ(p.classIndex, (std::vector<std::uint32_t>{1, 0}));
    EXPECT_NEAR(p.confidence[0], 0.7, 1e-6);
    EXPECT_NEAR(p.confidence[1], 0.5, 1e-6);
    ASSERT_EQ(p.probabilities.size(), 6u);
    EXPECT_NEAR(p.probabilities[5], 0.2, 1e-6);
    predictionsFromLogProbabilities(logp, 2, 3, false, p);
    EXPECT_TRUE(p.probabilities.empty());
}

}  // namespace
}  // namespace deeppacket
