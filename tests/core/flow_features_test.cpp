#include "core/flow_features.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <vector>

#include "core/dataset_split.h"
#include "core/decoded_packet.h"
#include "core/flow_aggregator.h"
#include "core/flow_dataset.h"
#include "core/ground_truth.h"
#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

using test::Bytes;

constexpr std::int64_t kMs = 1'000'000;

PacketRecord packet(bool fromClient, std::uint16_t ipLength, std::int64_t timeNs,
                    std::uint8_t flags = 0, std::uint8_t protocol = kProtoTcp) {
    PacketRecord r;
    r.src = *IpAddress::parse(fromClient ? "10.0.0.2" : "10.0.0.1");
    r.dst = *IpAddress::parse(fromClient ? "10.0.0.1" : "10.0.0.2");
    r.srcPort = fromClient ? 40000 : 443;
    r.dstPort = fromClient ? 443 : 40000;
    r.protocol = protocol;
    r.ipLength = ipLength;
    r.tcpFlags = flags;
    r.timestampNs = timeNs;
    return r;
}

std::vector<float> featuresOf(const FlowFeatures& f) {
    std::vector<float> out(kFlowFeatureLength, -7.0f);
    f.write(out.data());
    return out;
}

float gap(double microseconds) {
    return static_cast<float>(std::log1p(microseconds) / 20.0);
}

TEST(FlowFeatures, SequenceHoldsSizeDirectionGapAndFlagsOfTheFirstPackets) {
    FlowFeatures f;
    f.add(packet(true, 60, 0, kTcpSyn));
    f.add(packet(false, 60, 2 * kMs, kTcpSyn | kTcpAck));
    f.add(packet(true, 1500, 3 * kMs, kTcpPsh | kTcpAck));
    f.add(packet(false, 3000, 3 * kMs, kTcpFin | kTcpAck));  // longer than 1500: capped at 1
    const auto x = featuresOf(f);
    const float expected[4][kFlowPacketFeatures] = {
        {1, 1, 60 / 1500.0f, 0, 1, 0, 0, 0},
        {1, -1, 60 / 1500.0f, gap(2000), 1, 0, 0, 0},
        {1, 1, 1.0f, gap(1000), 0, 0, 0, 1},
        {1, -1, 1.0f, 0, 0, 1, 0, 0},
    };
    for (std::size_t k = 0; k < 4; ++k) {
        for (std::size_t j = 0; j < kFlowPacketFeatures; ++j) {
            EXPECT_FLOAT_EQ(x[k * kFlowPacketFeatures + j], expected[k][j]) << k << "," << j;
        }
    }
    // Positions past the flow's packets are all zero (not present).
    for (std::size_t i = 4 * kFlowPacketFeatures; i < kFlowSequenceLength * kFlowPacketFeatures;
         ++i) {
        EXPECT_EQ(x[i], 0.0f) << i;
    }
}

TEST(FlowFeatures, StatisticsCoverEveryPacketNotOnlyTheSequence) {
    FlowFeatures f;
    // 40 packets, 10 ms apart: client 100 bytes, server 300 bytes, alternating.
    for (int i = 0; i < 40; ++i) {
        f.add(packet(i % 2 == 0, i % 2 == 0 ? 100 : 300, i * 10 * kMs, 0, kProtoUdp));
    }
    EXPECT_EQ(f.packets(), 40u);
    const auto x = featuresOf(f);
    const float* s = x.data() + kFlowSequenceLength * kFlowPacketFeatures;
    EXPECT_FLOAT_EQ(s[kStatPackets], static_cast<float>(std::log1p(40.0) / 10));
    EXPECT_FLOAT_EQ(s[kStatBytes], static_cast<float>(std::log1p(8000.0) / 20));
    EXPECT_FLOAT_EQ(s[kStatDuration], static_cast<float>(std::log1p(390000.0) / 20));
    EXPECT_FLOAT_EQ(s[kStatForwardPackets], 0.5f);
    EXPECT_FLOAT_EQ(s[kStatForwardBytes], 0.25f);
    EXPECT_FLOAT_EQ(s[kStatForwardMean], 100 / 1500.0f);
    EXPECT_FLOAT_EQ(s[kStatForwardSd], 0.0f);
    EXPECT_FLOAT_EQ(s[kStatBackwardMean], 300 / 1500.0f);
    EXPECT_FLOAT_EQ(s[kStatLargest], 300 / 1500.0f);
    EXPECT_FLOAT_EQ(s[kStatSmallest], 100 / 1500.0f);
    EXPECT_FLOAT_EQ(s[kStatGapMean], gap(10000));
    EXPECT_NEAR(s[kStatGapSd], 0.0f, 1e-6);
    EXPECT_FLOAT_EQ(s[kStatPacketRate], static_cast<float>(std::log1p(40 / 0.39) / 10));
    EXPECT_EQ(s[kStatTcp], 0.0f);
    EXPECT_EQ(s[kStatUdp], 1.0f);
    // The sequence stops at kFlowSequenceLength packets.
    EXPECT_EQ(x[(kFlowSequenceLength - 1) * kFlowPacketFeatures], 1.0f);
}

TEST(FlowFeatures, AStepBackInTimeCountsAsNoGap) {
    FlowFeatures f;
    f.add(packet(true, 100, 5 * kMs));
    f.add(packet(false, 100, 4 * kMs));
    const auto x = featuresOf(f);
    EXPECT_EQ(x[kFlowPacketFeatures + 3], 0.0f);
    EXPECT_FALSE(std::isnan(x[kFlowSequenceLength * kFlowPacketFeatures + kStatPacketRate]));
}

// A capture of two TCP flows made with the project's packet builder, read by the real pipeline.
std::string writeTwoFlows(const test::TempDir& dir) {
    std::vector<test::Record> records;
    auto add = [&](std::uint16_t clientPort, bool fromClient, std::size_t payload,
                   std::uint8_t flags, std::uint32_t micro) {
        test::TcpSpec t;
        t.srcPort = fromClient ? clientPort : 443;
        t.dstPort = fromClient ? 443 : clientPort;
        t.flags = flags;
        test::Ipv4Spec ip;
        if (!fromClient) {
            std::swap(ip.src, ip.dst);
        }
        test::Record r;
        r.data = test::ethernet(test::kEtherIpv4,
                                test::ipv4(ip, test::tcp(t, test::repeat(7, payload))));
        r.fraction = micro;
        records.push_back(r);
    };
    add(50000, true, 0, kTcpSyn, 0);  // no payload: dropped by the paper's rules
    add(50000, true, 10, kTcpPsh | kTcpAck, 500);
    add(50000, false, 200, kTcpPsh | kTcpAck, 1500);
    add(50001, true, 10, kTcpPsh | kTcpAck, 1600);
    add(50000, true, 100, kTcpFin | kTcpPsh | kTcpAck, 3500);
    const std::string path = dir.path("two.pcap");
    test::writeFile(path, test::pcapFile(1, records));
    return path;
}

TEST(FlowDataset, FlowsOfACraftedCaptureGetTheirExactFeatures) {
    test::TempDir dir;
    const std::string file = writeTwoFlows(dir);
    const std::string labels = dir.path("labels.csv");
    const std::string text = "file,label\ntwo.pcap,web\n";
    test::writeFile(labels, test::Bytes(text.begin(), text.end()));
    const GroundTruth truth = GroundTruth::parse("files:" + labels, "traffic");
    const FlowDataset d =
        buildFlowDataset({file}, truth, PreprocessOptions{}, FlowDatasetOptions{});
    ASSERT_EQ(d.classes, std::vector<std::string>{"web"});
    ASSERT_EQ(d.size(), 2u);  // two flows, neither long enough for a snapshot
    EXPECT_EQ(d.packets[0], 3u);
    EXPECT_EQ(d.packets[1], 1u);
    const float* a = d.row(0);
    // 10 bytes of data (50 with IP and TCP headers), 200 back 1 ms later, 100 more 2 ms on
    // with FIN; the payload-less SYN is not a kept packet.
    const float expected[3][kFlowPacketFeatures] = {
        {1, 1, 50 / 1500.0f, 0, 0, 0, 0, 1},
        {1, -1, 240 / 1500.0f, gap(1000), 0, 0, 0, 1},
        {1, 1, 140 / 1500.0f, gap(2000), 0, 1, 0, 1},
    };
    for (std::size_t k = 0; k < 3; ++k) {
        for (std::size_t j = 0; j < kFlowPacketFeatures; ++j) {
            EXPECT_FLOAT_EQ(a[k * kFlowPacketFeatures + j], expected[k][j]) << k << "," << j;
        }
    }
    const float* s = a + kFlowSequenceLength * kFlowPacketFeatures;
    EXPECT_FLOAT_EQ(s[kStatForwardBytes], 190 / 430.0f);
    EXPECT_FLOAT_EQ(s[kStatDuration], static_cast<float>(std::log1p(3000.0) / 20));
    EXPECT_EQ(s[kStatTcp], 1.0f);
    EXPECT_FLOAT_EQ(d.row(1)[2], 50 / 1500.0f);
}

TEST(FlowDataset, LongFlowsAlsoGiveRowsOfTheirFirstPackets) {
    test::TempDir dir;
    std::vector<test::Record> records;
    for (std::uint32_t i = 0; i < 12; ++i) {
        test::Record r;
        r.data = test::ethernet(
            test::kEtherIpv4, test::ipv4(test::Ipv4Spec{}, test::tcp({}, test::repeat(1, 20 + i))));
        r.fraction = i * 100;
        records.push_back(r);
    }
    const std::string file = dir.path("a.pcap");
    test::writeFile(file, test::pcapFile(1, records));
    const std::string text = "file,label\na.pcap,x\n";
    test::writeFile(dir.path("l.csv"), test::Bytes(text.begin(), text.end()));
    const FlowDataset d =
        buildFlowDataset({file}, GroundTruth::parse("files:" + dir.path("l.csv"), "t"), {}, {});
    ASSERT_EQ(d.size(), 4u);  // whole, after 3, 5 and 10 (not 20: it has 12)
    EXPECT_EQ(d.prefix, (std::vector<std::uint32_t>{0, 3, 5, 10}));
    const std::vector<std::size_t> all = {0, 1, 2, 3};
    EXPECT_EQ(d.wholeFlows(all), std::vector<std::size_t>{0});
    EXPECT_EQ(d.firstPackets(all, 10), std::vector<std::size_t>{3});
    // The snapshot after 3 packets knows 3 packets.
    EXPECT_EQ(d.row(1)[2 * kFlowPacketFeatures], 1.0f);
    EXPECT_EQ(d.row(1)[3 * kFlowPacketFeatures], 0.0f);
}

TEST(DatasetSplit, AFileIsNeverOnTwoSidesEvenWithSeveralClasses) {
    // 12 files; each has rows of two classes (per-flow labels), most of one.
    std::vector<std::int32_t> labels;
    std::vector<std::uint64_t> files;
    for (std::uint64_t f = 0; f < 12; ++f) {
        for (int i = 0; i < 10; ++i) {
            labels.push_back(i < 7 ? static_cast<std::int32_t>(f % 3)
                                   : static_cast<std::int32_t>((f + 1) % 3));
            files.push_back(f);
        }
    }
    auto sideOf = [&](const DatasetSplit& s) {
        std::vector<int> side(labels.size(), -1);
        for (auto i : s.train)
            side[i] = 0;
        for (auto i : s.validation)
            side[i] = 1;
        for (auto i : s.test)
            side[i] = 2;
        return side;
    };
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const auto side = sideOf(splitGroups(labels, files, 3, seed));
        for (std::size_t i = 0; i < labels.size(); ++i) {
            ASSERT_NE(side[i], -1);
            EXPECT_EQ(side[i], side[(i / 10) * 10]) << "file " << i / 10 << " seed " << seed;
        }
    }
    // K-fold: every file tested exactly once, never beside its own training or validation.
    std::vector<int> tested(12, 0);
    for (std::size_t fold = 0; fold < 4; ++fold) {
        const auto side = sideOf(foldGroups(labels, files, 3, 4, fold, 9));
        for (std::size_t f = 0; f < 12; ++f) {
            for (std::size_t i = f * 10; i < f * 10 + 10; ++i) {
                ASSERT_NE(side[i], -1);
                ASSERT_EQ(side[i], side[f * 10]);
            }
            tested[f] += side[f * 10] == 2 ? 1 : 0;
        }
    }
    EXPECT_EQ(tested, std::vector<int>(12, 1));
}

// Says class 1 when the flow's first packet is large, 0 otherwise, and counts its calls.
class FirstPacketSize final : public FlowClassifier {
  public:
    std::size_t flowClassCount() const override { return 2; }
    void flowLogProbabilities(const float* features, std::size_t count, float* out) override {
        ++calls;
        rows += count;
        for (std::size_t i = 0; i < count; ++i) {
            const bool large = features[i * kFlowFeatureLength + 2] > 0.5f;
            out[2 * i] = std::log(large ? 0.1f : 0.9f);
            out[2 * i + 1] = std::log(large ? 0.9f : 0.1f);
        }
    }
    int calls = 0;
    std::size_t rows = 0;
};

TEST(FlowAggregator, UpdatedFlowsCarryTheFlowModelsRunningVerdict) {
    FirstPacketSize model;
    FlowAggregator flows(2, &model);
    flows.trackUpdates(true);
    const float voteZero[2] = {std::log(0.8f), std::log(0.2f)};
    PacketRecord big = packet(true, 1400, 0);
    big.flowId = 5;
    flows.add(big, voteZero);
    std::vector<std::uint32_t> classes;
    std::vector<float> confidence;
    flows.takeRunningVerdicts(classes, confidence);
    const auto updated = flows.takeUpdated(false);
    ASSERT_EQ(updated.size(), 1u);
    EXPECT_TRUE(updated[0].byFlowModel);
    EXPECT_EQ(updated[0].classIndex, 1u);  // the model's, as the packet's running verdict
    EXPECT_NEAR(updated[0].confidence, 0.9f, 1e-6);
    EXPECT_EQ(updated[0].voteClassIndex, 0u);  // the packets' vote beside it
}

TEST(FlowAggregator, AFlowModelGivesTheVerdictAndEachPacketItsRunningVerdict) {
    FirstPacketSize model;
    FlowAggregator flows(2, &model);
    const float voteZero[2] = {std::log(0.8f), std::log(0.2f)};
    PacketRecord big = packet(true, 1400, 0);
    big.flowId = 1;
    PacketRecord small = packet(true, 80, 0);
    small.flowId = 2;
    for (int i = 0; i < 100; ++i) {
        big.timestampNs = i * kMs;
        flows.add(big, voteZero);
    }
    flows.add(small, voteZero);
    std::vector<std::uint32_t> classes;
    std::vector<float> confidence;
    flows.takeRunningVerdicts(classes, confidence);
    ASSERT_EQ(classes.size(), 101u);
    EXPECT_EQ(classes[0], 1u);
    EXPECT_EQ(classes[99], 1u);
    EXPECT_EQ(classes[100], 0u);
    EXPECT_NEAR(confidence[50], 0.9f, 1e-6);
    // Recomputed for the first 32 packets, then at 64 only: 33 rows for flow 1, 1 for flow 2.
    EXPECT_EQ(model.rows, 34u);
    // The next packet of flow 1 (its 101st) reuses the known verdict without a new row.
    big.timestampNs = 200 * kMs;
    flows.add(big, voteZero);
    flows.takeRunningVerdicts(classes, confidence);
    ASSERT_EQ(classes.size(), 1u);
    EXPECT_EQ(classes[0], 1u);
    EXPECT_EQ(model.rows, 34u);

    const auto verdicts = flows.takeVerdicts(false);
    ASSERT_EQ(verdicts.size(), 2u);
    EXPECT_TRUE(verdicts[0].byFlowModel);
    EXPECT_EQ(verdicts[0].classIndex, 1u);      // the flow model's
    EXPECT_EQ(verdicts[0].voteClassIndex, 0u);  // the packets' vote
    EXPECT_NEAR(verdicts[0].voteConfidence, 0.8f, 1e-5);
    EXPECT_EQ(verdicts[1].classIndex, 0u);
}

}  // namespace
}  // namespace deeppacket
