// The display filter language: a table of expressions and the packets they select, and the
// errors that name what is wrong and where.
#include "core/display_filter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace deeppacket {
namespace {

const std::vector<std::string> kClasses = {"chat", "VPN: file transfer", "streaming"};
const std::vector<std::string> kFiles = {"/captures/vpn_chat.pcap", "/captures/netflix.pcapng"};

PacketResult packet(const char* src, std::uint16_t srcPort, const char* dst, std::uint16_t dstPort,
                    std::uint8_t protocol, std::uint32_t length, std::uint32_t label,
                    float confidence, std::int32_t truth, std::uint32_t file, std::uint32_t flow) {
    PacketResult p;
    p.record.src = *IpAddress::parse(src);
    p.record.dst = *IpAddress::parse(dst);
    p.record.srcPort = srcPort;
    p.record.dstPort = dstPort;
    p.record.protocol = protocol;
    p.record.wireLength = length;
    p.record.ipLength = static_cast<std::uint16_t>(length - 14);
    p.record.fileIndex = file;
    p.record.flowId = flow;
    p.classIndex = label;
    p.confidence = confidence;
    p.truth = truth;
    return p;
}

// Numbers 1 to 6 in the analysis.
const std::vector<PacketResult> kPackets = {
    packet("10.8.0.2", 40000, "10.8.0.1", 443, 6, 60, 0, 0.9f, 0, 0, 0),            // 1 tcp, right
    packet("10.8.0.1", 443, "10.8.0.2", 40000, 6, 1514, 1, 0.4f, 0, 0, 0),          // 2 tcp, wrong
    packet("192.168.1.5", 5353, "224.0.0.251", 5353, 17, 120, 2, 0.8f, 2, 1, 1),    // 3 udp
    packet("2001:db8::1", 50000, "2001:db8::2", 443, 17, 1300, 2, 0.99f, 2, 1, 2),  // 4 v6 udp
    packet("192.168.1.5", 0, "192.168.1.1", 0, 1, 98, 0, 0.5f, kNoLabel, 1, 3),     // 5 icmp
    packet("10.8.0.2", 40001, "10.9.0.1", 80, 6, 200, 1, 0.7f, kUnknownLabel, 0, 4),  // 6 tcp
};

std::vector<int> selected(const std::string& expression) {
    const DisplayFilter filter = DisplayFilter::parse(expression, kClasses, kFiles);
    std::vector<int> numbers;
    for (std::size_t i = 0; i < kPackets.size(); ++i) {
        if (filter.matches(kPackets[i], i)) {
            numbers.push_back(static_cast<int>(i + 1));
        }
    }
    return numbers;
}

TEST(DisplayFilter, ExpressionsSelectTheirPackets) {
    const std::vector<std::pair<std::string, std::vector<int>>> table = {
        {"", {1, 2, 3, 4, 5, 6}},
        {"   ", {1, 2, 3, 4, 5, 6}},
        {"tcp", {1, 2, 6}},
        {"udp", {3, 4}},
        {"icmp", {5}},
        {"ipv6", {4}},
        {"ip", {1, 2, 3, 5, 6}},
        {"tcp and len>100", {2, 6}},
        {"tcp && len > 100", {2, 6}},
        {"TCP AND LEN GT 100", {2, 6}},
        {"len >= 1300 || icmp", {2, 4, 5}},
        {"not tcp", {3, 4, 5}},
        {"!tcp", {3, 4, 5}},
        {"!(tcp or udp)", {5}},
        {"(tcp or udp) and not len < 200", {2, 4, 6}},
        {"ip.src == 10.8.0.2", {1, 6}},
        {"ip.dst == 10.8.0.2", {2}},
        {"ip.addr == 10.8.0.2", {1, 2, 6}},
        {"ip.addr != 10.8.0.2", {3, 4, 5}},
        {"ip.addr == 10.8.0.0/16", {1, 2, 6}},
        {"ip.dst == 10.0.0.0/8", {1, 2, 6}},
        {"ip.addr == 2001:db8::/32", {4}},
        {"ip.src == 2001:db8::1", {4}},
        {"port == 443", {1, 2, 4}},
        {"tcp.port == 443", {1, 2}},
        {"udp.port == 443", {4}},
        {"tcp.dstport == 443", {1}},
        {"udp.srcport == 5353", {3}},
        {"port != 443", {3, 6}},
        {"port > 49000", {4}},
        {"proto == udp", {3, 4}},
        {"proto != tcp", {3, 4, 5}},
        {"proto == 1", {5}},
        {"ip.len == 46", {1}},
        {"label == chat", {1, 5}},
        {"label == CHAT", {1, 5}},
        {"label == \"VPN: file transfer\"", {2, 6}},
        {"label != streaming", {1, 2, 5, 6}},
        {"label contains vpn", {2, 6}},
        {"truth == chat", {1, 2}},
        {"truth != chat", {3, 4}},
        {"correct", {1, 3, 4}},
        {"not correct", {2, 5, 6}},
        {"correct == false", {2, 5, 6}},
        {"confidence < 0.5", {2}},
        {"confidence >= 0.9", {1, 4}},
        {"file == netflix.pcapng", {3, 4, 5}},
        {"file == /captures/vpn_chat.pcap", {1, 2, 6}},
        {"file contains vpn", {1, 2, 6}},
        {"flow == 0", {1, 2}},
        {"tcp.stream == 4", {6}},
        {"number == 3", {3}},
        {"frame.number <= 2", {1, 2}},
        {"number > 2 and number < 5", {3, 4}},
        {"udp or tcp and len > 1000", {2, 3, 4}},  // and binds tighter than or
        {"(udp or tcp) and len > 1000", {2, 4}},
    };
    for (const auto& [expression, numbers] : table) {
        EXPECT_EQ(selected(expression), numbers) << expression;
    }
}

TEST(DisplayFilter, MistakesAreNamedWithTheirPosition) {
    struct Bad {
        std::string expression;
        std::string message;  // a part of the message
        std::size_t position;
    };
    const std::vector<Bad> table = {
        {"tcp and", "expected a field", 7},
        {"lenght > 100", "unknown field 'lenght'", 0},
        {"len", "'len' needs a comparison", 0},
        {"len > abc", "'len' compares numbers: 'abc' is not one", 6},
        {"len >", "expected a value", 5},
        {"(tcp or udp", "this '(' is not closed", 0},
        {"tcp)", "a ')' without its '('", 3},
        {"tcp udp", "expected 'and', 'or' or the end", 4},
        {"label == video", "no class 'video'; the classes are chat, VPN: file transfer", 9},
        {"label > chat", "'label' takes ==, != or contains", 8},
        {"len contains 5", "'len' takes a comparison, not contains", 13},
        {"ip.src == 10.0.0.300", "is not an IPv4 or IPv6 address", 10},
        {"ip.src == 10.0.0.0/33", "the prefix length must be 0 to 32", 10},
        {"proto == foo", "'foo' is not a protocol name or number", 9},
        {"truth == \"chat", "this quote is not closed", 9},
        {"correct == maybe", "'correct' is true or false", 11},
    };
    for (const auto& bad : table) {
        try {
            DisplayFilter::parse(bad.expression, kClasses, kFiles);
            ADD_FAILURE() << bad.expression << " was accepted";
        } catch (const DisplayFilterError& e) {
            EXPECT_NE(std::string(e.what()).find(bad.message), std::string::npos)
                << bad.expression << ": " << e.what();
            EXPECT_EQ(e.position(), bad.position) << bad.expression << ": " << e.what();
        }
    }
}

TEST(DisplayFilter, ApplyAsFilterWritesWhatSelectsTheValue) {
    for (std::size_t i = 0; i < kPackets.size(); ++i) {
        for (const char* field : {"number", "ip.src", "ip.dst", "proto", "len", "label", "truth",
                                  "confidence", "file", "flow"}) {
            const std::string text = displayFilterFor(field, kPackets[i], i, kClasses, kFiles);
            if (text.empty()) {
                EXPECT_TRUE(std::string(field) == "truth" && kPackets[i].truth < 0) << field;
                continue;
            }
            const DisplayFilter filter = DisplayFilter::parse(text, kClasses, kFiles);
            EXPECT_TRUE(filter.matches(kPackets[i], i)) << text;
        }
    }
    // A class name with a space and quotes is quoted so that it reads back as one value.
    const std::vector<std::string> odd = {"say \"hi\" now", "x"};
    PacketResult p = kPackets[0];
    p.classIndex = 0;
    const std::string text = displayFilterFor("label", p, 0, odd, kFiles);
    EXPECT_EQ(text, "label == \"say \\\"hi\\\" now\"");
    EXPECT_TRUE(DisplayFilter::parse(text, odd, kFiles).matches(p, 0));
    EXPECT_EQ(displayFilterFor("ip.src", kPackets[3], 3, kClasses, kFiles),
              "ip.src == 2001:db8::1");
}

TEST(DisplayFilter, EveryDocumentedFieldParses) {
    for (const auto& field : displayFilterFields()) {
        const std::string name = field.name;
        const std::string expression = name == "correct"                    ? name
                                       : name == "label" || name == "truth" ? name + " == chat"
                                       : name == "file"                     ? name + " contains x"
                                       : name == "proto"                    ? name + " == tcp"
                                       : name.rfind("ip.", 0) == 0 && name != "ip.len"
                                           ? name + " == 10.0.0.1"
                                           : name + " > 1";
        EXPECT_NO_THROW(DisplayFilter::parse(expression, kClasses, kFiles)) << expression;
    }
}

}  // namespace
}  // namespace deeppacket
