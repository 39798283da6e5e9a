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

    // Sets every field of kPreprocessFlags that identifies a flow (`identifiesFlow`).
    void maskAll();
    bool operator==(const PreprocessOptions& o) const;
    bool operator!=(const PreprocessOptions& o) const { return !(*this == o); }
};

// Every on/off field of the preprocessing, in one table: the model card's JSON, the data-set
// cache key, the command line's flags, `info` and the app's training wizard all read it, so a
// new field is added here once.
struct PreprocessFlag {
    bool PreprocessOptions::*member;
    const char* key;      // its name in model cards and in the data-set cache key
    const char* option;   // its command-line option
    bool optionClears;    // the option turns the field off (--keep-addresses), not on
    const char* title;    // what `info` and the app call it
    const char* help;     // the option's help
    bool identifiesFlow;  // a field that identifies a flow: --mask-all and maskAll() set it
};

inline constexpr PreprocessFlag kPreprocessFlags[] = {
    {&PreprocessOptions::zeroAddresses, "zero_addresses", "keep-addresses", true,
     "addresses zeroed", "keep IP addresses (zeroed by default)", false},
    {&PreprocessOptions::maskIpId, "mask_ip_id", "mask-ip-id", false, "IP id masked",
     "zero the IPv4 identification and IPv6 fragment id", true},
    {&PreprocessOptions::maskChecksums, "mask_checksums", "mask-checksums", false,
     "checksums masked", "zero IPv4, TCP, UDP and ICMP checksums", true},
    {&PreprocessOptions::maskTcpSequence, "mask_tcp_sequence", "mask-seq", false,
     "TCP seq/ack masked", "zero TCP sequence and acknowledgement numbers", true},
    {&PreprocessOptions::maskTcpTimestamps, "mask_tcp_timestamps", "mask-timestamps", false,
     "TCP timestamps masked", "zero TCP timestamp option values", true},
    {&PreprocessOptions::maskFlowLabel, "mask_flow_label", "mask-flow-label", false,
     "IPv6 flow label masked", "zero the IPv6 flow label", true},
    {&PreprocessOptions::tcpUdpOnly, "tcp_udp_only", "tcp-udp-only", false, "TCP/UDP only",
     "drop packets that are neither TCP nor UDP", false},
};

inline void PreprocessOptions::maskAll() {
    for (const auto& f : kPreprocessFlags) {
        if (f.identifiesFlow) {
            this->*f.member = true;
        }
    }
}

inline bool PreprocessOptions::operator==(const PreprocessOptions& o) const {
    if (vectorLength != o.vectorLength) {
        return false;
    }
    for (const auto& f : kPreprocessFlags) {
        if (this->*f.member != o.*f.member) {
            return false;
        }
    }
    return true;
}

}  // namespace deeppacket
