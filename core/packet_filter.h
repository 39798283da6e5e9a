#pragma once

#include <cstdint>

#include "core/decoded_packet.h"
#include "core/disposition.h"
#include "core/preprocess_options.h"

namespace deeppacket {

// Ports whose traffic the paper discards as irrelevant: DNS (53), and the two link-local name
// services that carry the same kind of lookups on a LAN, mDNS (5353) and LLMNR (5355).
bool isNameServicePort(std::uint16_t port);

// The paper's packet selection (§3.2, Fig. 3) on a decoded packet: drop DNS, drop TCP segments
// with SYN, ACK or FIN set and no payload (handshakes, teardowns and bare acknowledgements), and,
// when asked, everything that is neither TCP nor UDP. Returns Kept or the reason for the drop.
Disposition applyPaperRules(const DecodedPacket& packet, const PreprocessOptions& options);

}  // namespace deeppacket
