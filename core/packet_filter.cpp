#include "core/packet_filter.h"

namespace deeppacket {

bool isNameServicePort(std::uint16_t port) {
    return port == 53 || port == 5353 || port == 5355;
}

Disposition applyPaperRules(const DecodedPacket& packet, const PreprocessOptions& options) {
    const bool tcp = packet.protocol == kProtoTcp;
    const bool udp = packet.protocol == kProtoUdp;
    if ((tcp || udp) && (isNameServicePort(packet.srcPort) || isNameServicePort(packet.dstPort))) {
        return Disposition::Dns;
    }
    if (tcp && packet.payloadLength == 0 &&
        (packet.tcpFlags & (kTcpSyn | kTcpAck | kTcpFin)) != 0) {
        return Disposition::TcpNoPayload;
    }
    if (options.tcpUdpOnly && !tcp && !udp) {
        return Disposition::OtherTransport;
    }
    return Disposition::Kept;
}

}  // namespace deeppacket
