#pragma once

#include <cstdint>

#include "core/ip_address.h"

namespace deeppacket {

inline constexpr std::uint8_t kProtoTcp = 6;
inline constexpr std::uint8_t kProtoUdp = 17;
inline constexpr std::uint8_t kProtoIcmp = 1;
inline constexpr std::uint8_t kProtoIcmpV6 = 58;

inline constexpr std::uint8_t kTcpFin = 0x01;
inline constexpr std::uint8_t kTcpSyn = 0x02;
inline constexpr std::uint8_t kTcpRst = 0x04;
inline constexpr std::uint8_t kTcpPsh = 0x08;
inline constexpr std::uint8_t kTcpAck = 0x10;

// The layout of one IP packet found inside a frame: where its headers are and what they say.
// Pointers refer to the frame's bytes; offsets are relative to the start of the IP header.
struct DecodedPacket {
    const std::uint8_t* ip = nullptr;  // first byte of the IP header
    std::uint32_t capturedLength = 0;  // bytes present from `ip`, trimmed to the IP packet length
    std::uint32_t totalLength = 0;     // length of the IP packet on the wire

    std::uint8_t ipVersion = 0;
    std::uint32_t ipHeaderLength = 0;        // IPv4 header with options; IPv6 with extensions
    std::uint32_t fragmentHeaderOffset = 0;  // IPv6 fragment extension header, 0 when absent
    bool firstFragment = false;  // IPv4 MF set at offset 0, or an IPv6 fragment at offset 0

    std::uint8_t protocol = 0;                // transport protocol number (6 TCP, 17 UDP, ...)
    std::uint32_t transportHeaderLength = 0;  // TCP header with options, 8 for UDP, else 0
    std::uint32_t payloadLength = 0;          // transport payload length on the wire
    std::uint16_t srcPort = 0;
    std::uint16_t dstPort = 0;
    std::uint8_t tcpFlags = 0;

    IpAddress src;
    IpAddress dst;

    std::uint32_t transportOffset() const { return ipHeaderLength; }
    std::uint32_t payloadOffset() const { return ipHeaderLength + transportHeaderLength; }
};

}  // namespace deeppacket
