#include "core/flow_table.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/decoded_packet.h"

namespace deeppacket {
namespace {

DecodedPacket packet(std::uint32_t host, std::uint16_t port, bool reply = false) {
    const std::uint8_t a[4] = {10, static_cast<std::uint8_t>(host >> 16),
                               static_cast<std::uint8_t>(host >> 8),
                               static_cast<std::uint8_t>(host)};
    const std::uint8_t b[4] = {192, 0, 2, 1};
    DecodedPacket p;
    p.protocol = 6;
    p.src = IpAddress::v4(reply ? b : a);
    p.dst = IpAddress::v4(reply ? a : b);
    p.srcPort = reply ? 443 : port;
    p.dstPort = reply ? port : 443;
    return p;
}

TEST(FlowTable, DenseIdsInOrderOfFirstAppearanceThroughGrowth) {
    FlowTable table;
    constexpr std::uint32_t kFlows = 50000;  // the table doubles many times
    for (std::uint32_t i = 0; i < kFlows; ++i) {
        ASSERT_EQ(table.idOf(packet(i, 40000), 0), i);
    }
    EXPECT_EQ(table.flowsInFile(), kFlows);
    // Either direction, after all the growth, finds the same flow.
    for (std::uint32_t i = 0; i < kFlows; i += 997) {
        EXPECT_EQ(table.idOf(packet(i, 40000, true), 0), i);
    }
    EXPECT_EQ(table.idOf(packet(7, 40001), 0), kFlows);  // another port: another flow
    EXPECT_EQ(table.flowsSeen(), kFlows + 1);
}

TEST(FlowTable, ANewFileForgetsKeysButKeepsCounting) {
    FlowTable table;
    EXPECT_EQ(table.idOf(packet(1, 40000), 0), 0u);
    EXPECT_EQ(table.idOf(packet(2, 40000), 0), 1u);
    table.startFile();
    EXPECT_EQ(table.flowsInFile(), 0u);
    EXPECT_EQ(table.idOf(packet(1, 40000), 0), 2u);
    EXPECT_EQ(table.flowsInFile(), 1u);
}

constexpr std::int64_t kMinute = std::int64_t{60} * 1'000'000'000;

TEST(FlowTable, AFlowIdleBeyondTheTimeoutIsOverAndItsTupleStartsANewOne) {
    FlowTable table;
    EXPECT_EQ(table.idOf(packet(1, 40000), 0), 0u);
    EXPECT_EQ(table.idOf(packet(1, 40000, true), 14 * kMinute), 0u);  // within 15 minutes
    EXPECT_EQ(table.idOf(packet(2, 40000), 20 * kMinute), 1u);
    // Slightly unordered timestamps: "now" is the newest so far, so nothing splits.
    EXPECT_EQ(table.idOf(packet(1, 40000), 13 * kMinute), 0u);
    // 15 minutes after its last packet (14 min) the flow is over: the same tuple is a new flow.
    EXPECT_EQ(table.idOf(packet(1, 40000), 30 * kMinute), 2u);
    EXPECT_EQ(table.idOf(packet(1, 40000, true), 31 * kMinute), 2u);
    EXPECT_EQ(table.flowsInFile(), 3u);
}

TEST(FlowTable, OpenFlowsStayBoundedOverALongCapture) {
    // Five hours of 200 new short flows a minute: 60,000 flows, of which the table keeps those
    // of at most two timeouts.
    FlowTable table;
    std::uint32_t host = 0;
    std::uint64_t mostOpen = 0;
    for (std::int64_t minute = 0; minute < 300; ++minute) {
        for (int i = 0; i < 200; ++i) {
            table.idOf(packet(++host, 40000), minute * kMinute + i);
        }
        mostOpen = std::max(mostOpen, table.openFlows());
    }
    EXPECT_EQ(table.flowsInFile(), 60000u);
    EXPECT_LE(mostOpen, 2u * 15 * 200 + 400);
}

}  // namespace
}  // namespace deeppacket

namespace deeppacket {
namespace {

TEST(FlowTable, OverTheBudgetTheLeastRecentlySeenFlowsCloseEarly) {
    FlowTable table(8);
    table.keepClosedIds(true);
    for (std::uint32_t i = 0; i < 9; ++i) {
        ASSERT_EQ(table.idOf(packet(i, 40000), i), i);
    }
    // The ninth flow went over the budget: the five seen longest ago closed, four stay open.
    EXPECT_EQ(table.openFlows(), 4u);
    EXPECT_EQ(table.closedEarlyInFile(), 5u);
    std::vector<std::uint32_t> closed = table.takeClosedEarly();
    std::sort(closed.begin(), closed.end());
    EXPECT_EQ(closed, (std::vector<std::uint32_t>{0, 1, 2, 3, 4}));
    EXPECT_TRUE(table.takeClosedEarly().empty());
    EXPECT_EQ(table.idOf(packet(8, 40000), 9), 8u);  // still open: same id
    EXPECT_EQ(table.idOf(packet(0, 40000), 9), 9u);  // closed: a new flow
}

}  // namespace
}  // namespace deeppacket
