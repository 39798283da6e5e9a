#include "core/flow_table.h"

#include <gtest/gtest.h>

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
        ASSERT_EQ(table.idOf(packet(i, 40000)), i);
    }
    EXPECT_EQ(table.flowsInFile(), kFlows);
    // Either direction, after all the growth, finds the same flow.
    for (std::uint32_t i = 0; i < kFlows; i += 997) {
        EXPECT_EQ(table.idOf(packet(i, 40000, true)), i);
    }
    EXPECT_EQ(table.idOf(packet(7, 40001)), kFlows);  // another port: another flow
    EXPECT_EQ(table.flowsSeen(), kFlows + 1);
}

TEST(FlowTable, ANewFileForgetsKeysButKeepsCounting) {
    FlowTable table;
    EXPECT_EQ(table.idOf(packet(1, 40000)), 0u);
    EXPECT_EQ(table.idOf(packet(2, 40000)), 1u);
    table.startFile();
    EXPECT_EQ(table.flowsInFile(), 0u);
    EXPECT_EQ(table.idOf(packet(1, 40000)), 2u);
    EXPECT_EQ(table.flowsInFile(), 1u);
}

}  // namespace
}  // namespace deeppacket
