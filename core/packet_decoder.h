#pragma once

#include "core/decoded_packet.h"
#include "core/disposition.h"
#include "core/frame.h"

namespace deeppacket {

// Finds the IP packet inside a frame of the given libpcap link type (DLT_* value) and parses its
// IP and transport headers. Returns Disposition::Kept and fills `out` on success, otherwise the
// reason the frame cannot be used. Never reads outside [frame.data, frame.data + capturedLength).
//
// Link types: Ethernet (with 802.1Q/802.1ad/QinQ tags, PPPoE sessions and MPLS label stacks),
// Linux cooked v1 and v2, raw IP (DLT_RAW, DLT_IPV4, DLT_IPV6), BSD loopback (DLT_NULL, DLT_LOOP).
// The decoder applies no paper rules (DNS, bare TCP control segments): see packet_filter.h.
Disposition decodeFrame(int linkType, const Frame& frame, DecodedPacket& out);

// Whether decodeFrame understands the link type at all.
bool isSupportedLinkType(int linkType);

}  // namespace deeppacket
