#pragma once

#include <cstddef>
#include <cstdint>

#include "core/decoded_packet.h"
#include "core/preprocess_options.h"

namespace deeppacket {

// Number of zero bytes placed after a UDP header so that it spans the 20 bytes of a TCP header
// without options (paper §3.2). They go between the header and the payload, not after it.
inline constexpr std::size_t kUdpHeaderPadding = 12;

// What a byte of a vector is: which part of the packet it came from, or why it is zero.
enum class VectorPart : std::uint8_t {
    IpHeader,         // the IP header, IPv6 extension headers included
    TransportHeader,  // the TCP or UDP header
    Payload,          // the transport payload (or what follows the IP header otherwise)
    UdpPadding,       // the 12 zero bytes after a UDP header
    Address,          // an address byte zeroed by zeroAddresses
    Masked,           // a field zeroed (or, for the IPv6 flow label, partly) by a mask option
    Padding,          // zero padding after the packet's end
};
const char* vectorPartName(VectorPart part);

// Writes the paper's byte vector of a decoded packet: the IP header (with IPv6 extensions), the
// transport header, for UDP 12 zero bytes, then the payload; truncated or zero-padded to exactly
// options.vectorLength bytes, with addresses and flow-identifying fields masked as asked. With
// `parts`, also says what each of the vectorLength bytes is (for showing the vector).
void buildVector(const DecodedPacket& packet, const PreprocessOptions& options, std::uint8_t* out,
                 VectorPart* parts = nullptr);

// The offset from the IP header's first byte of the packet byte that vector byte `index` holds,
// or -1 for inserted and padding bytes.
long packetOffsetOfVectorByte(const DecodedPacket& packet, std::size_t index,
                              std::size_t vectorLength);

}  // namespace deeppacket
