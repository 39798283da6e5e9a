#include "app/cli/preprocess_flags.h"

namespace deeppacket::cli {

std::vector<OptionSpec> preprocessOptionSpecs() {
    return {
        {"length", 0, "N", "vector length in bytes (default 1500, the paper's)"},
        {"keep-addresses", 0, "", "keep IP addresses (zeroed by default)"},
        {"mask-ip-id", 0, "", "zero the IPv4 identification and IPv6 fragment id"},
        {"mask-checksums", 0, "", "zero IPv4, TCP, UDP and ICMP checksums"},
        {"mask-seq", 0, "", "zero TCP sequence and acknowledgement numbers"},
        {"mask-timestamps", 0, "", "zero TCP timestamp option values"},
        {"mask-flow-label", 0, "", "zero the IPv6 flow label"},
        {"mask-all", 0, "", "all of the --mask-* options"},
        {"tcp-udp-only", 0, "", "drop packets that are neither TCP nor UDP"},
    };
}

PreprocessOptions preprocessOptionsFrom(const Arguments& a) {
    PreprocessOptions o;
    o.vectorLength = a.positiveInteger("length", o.vectorLength, 65536);
    o.zeroAddresses = !a.has("keep-addresses");
    if (a.has("mask-all")) {
        o.maskAll();
    }
    o.maskIpId = o.maskIpId || a.has("mask-ip-id");
    o.maskChecksums = o.maskChecksums || a.has("mask-checksums");
    o.maskTcpSequence = o.maskTcpSequence || a.has("mask-seq");
    o.maskTcpTimestamps = o.maskTcpTimestamps || a.has("mask-timestamps");
    o.maskFlowLabel = o.maskFlowLabel || a.has("mask-flow-label");
    o.tcpUdpOnly = a.has("tcp-udp-only");
    return o;
}

}  // namespace deeppacket::cli
