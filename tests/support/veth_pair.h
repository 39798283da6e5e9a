#pragma once

#include <string>

namespace deeppacket::test {

// A veth pair made for a test (root only): `outside` in this namespace (10.201.N.1), its peer in
// a network namespace of its own (10.201.N.2), removed again by the destructor. Traffic sent
// from the namespace crosses `outside`, where a live capture sees it.
class VethPair {
  public:
    VethPair();
    ~VethPair();
    VethPair(const VethPair&) = delete;
    VethPair& operator=(const VethPair&) = delete;

    // Sends `perFlow` UDP datagrams of 200 bytes on each of two flows from the namespace
    // (source ports 5001 and 5002), 2 ms apart.
    bool sendUdp(int perFlow) const;
    // Opens a TCP connection from the namespace (source port 5003) to a listener here, sends
    // `segments` segments of 300 bytes 2 ms apart, and closes it.
    bool sendTcp(int segments) const;
    // Sends every frame of a pcap file (Ethernet) from the namespace as it is, `pauseMs` apart:
    // real traffic across the pair (capture it in promiscuous mode: its addresses are not ours).
    bool replay(const std::string& pcap, double pauseMs) const;

    bool ok = false;
    std::string outside, inside, ns, here, there;
};

}  // namespace deeppacket::test
