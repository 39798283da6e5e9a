#pragma once

#include <cstddef>
#include <cstdint>

#include "core/decoded_packet.h"
#include "core/preprocess_options.h"

namespace deeppacket {

// Number of zero bytes placed after a UDP header so that it spans the 20 bytes of a TCP header
// without options (paper §3.2). They go between the header and the payload, not after it.
inline constexpr std::size_t kUdpHeaderPadding = 12;

// Writes the paper's byte vector of a decoded packet: the IP header (with IPv6 extensions), the
// transport header, for UDP 12 zero bytes, then the payload; truncated or zero-padded to exactly
// options.vectorLength bytes, with addresses and flow-identifying fields masked as asked.
void buildVector(const DecodedPacket& packet, const PreprocessOptions& options, std::uint8_t* out);

}  // namespace deeppacket
