#pragma once

#include <cstddef>

namespace deeppacket {

// How packets become vectors. A model records the options it was trained with, and the same
// options must be used when it classifies.
struct PreprocessOptions {
    // The paper's input size: IP header plus the first 1480 bytes after it (paper §3.2).
    std::size_t vectorLength = 1500;

    // Zero the source and destination IP addresses: otherwise a model learns the capture's hosts.
    bool zeroAddresses = true;

    // Fields that identify a flow rather than an application. A per-packet random split leaks
    // them from training into test data; masking removes that shortcut.
    bool maskIpId = false;           // IPv4 identification, IPv6 fragment identification
    bool maskChecksums = false;      // IPv4 header, TCP, UDP, ICMP and ICMPv6 checksums
    bool maskTcpSequence = false;    // TCP sequence and acknowledgement numbers
    bool maskTcpTimestamps = false;  // values of the TCP timestamp option (kind 8)
    bool maskFlowLabel = false;      // IPv6 flow label

    // The paper classifies TCP and UDP; other IP protocols (ICMP, ESP, GRE, ...) are kept unless
    // this is set, and then counted as "other-transport".
    bool tcpUdpOnly = false;

    void maskAll() {
        maskIpId = maskChecksums = maskTcpSequence = maskTcpTimestamps = maskFlowLabel = true;
    }
    bool operator==(const PreprocessOptions& o) const {
        return vectorLength == o.vectorLength && zeroAddresses == o.zeroAddresses &&
               maskIpId == o.maskIpId && maskChecksums == o.maskChecksums &&
               maskTcpSequence == o.maskTcpSequence && maskTcpTimestamps == o.maskTcpTimestamps &&
               maskFlowLabel == o.maskFlowLabel && tcpUdpOnly == o.tcpUdpOnly;
    }
    bool operator!=(const PreprocessOptions& o) const { return !(*this == o); }
};

}  // namespace deeppacket
