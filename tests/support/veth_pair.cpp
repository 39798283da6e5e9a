#include "tests/support/veth_pair.h"

#include <unistd.h>

#include <cstdlib>

#include "tests/support/shell_command.h"

namespace deeppacket::test {
namespace {

bool run(const std::string& command) {
    return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace

VethPair::VethPair() {
    const std::string id = std::to_string(getpid() % 100000);
    outside = "dpl" + id + "a";
    inside = "dpl" + id + "b";
    ns = "dp-live-" + id;
    const std::string net = "10.201." + std::to_string(getpid() % 250) + ".";
    here = net + "1";
    there = net + "2";
    ok = run("ip netns add " + ns) &&
         run("ip link add " + outside + " type veth peer name " + inside) &&
         run("ip link set " + inside + " netns " + ns) &&
         run("ip addr add " + here + "/24 dev " + outside) &&
         run("ip link set " + outside + " up") &&
         run("ip netns exec " + ns + " ip addr add " + there + "/24 dev " + inside) &&
         run("ip netns exec " + ns + " ip link set " + inside + " up") &&
         run("ip netns exec " + ns + " ip link set lo up");
}

VethPair::~VethPair() {
    run("ip link del " + outside);
    run("ip netns del " + ns);
}

bool VethPair::sendUdp(int perFlow) const {
    const std::string script =
        "import socket, time\n"
        "for port, dst in ((5001, 9999), (5002, 9998)):\n"
        "    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
        "    s.bind(('" +
        there +
        "', port))\n"
        "    for i in range(" +
        std::to_string(perFlow) +
        "):\n"
        "        s.sendto(bytes(200), ('" +
        here +
        "', dst))\n"
        "        time.sleep(0.002)\n";
    return run("ip netns exec " + ns + " /usr/bin/python3 -c " + shellQuoted(script));
}

bool VethPair::sendTcp(int segments) const {
    // The listener runs here and reads until the peer closes; the client in the namespace sends
    // each segment on its own (TCP_NODELAY, a pause between them).
    const std::string listener =
        "import socket\n"
        "l = socket.socket()\n"
        "l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
        "l.bind(('" +
        here +
        "', 9997))\n"
        "l.listen(1)\n"
        "l.settimeout(30)\n"
        "c, _ = l.accept()\n"
        "while c.recv(65536):\n"
        "    pass\n"
        "c.close()\n";
    const std::string client =
        "import socket, time\n"
        "for attempt in range(100):\n"
        "    s = socket.socket()\n"
        "    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)\n"
        "    s.bind(('" +
        there +
        "', 5003))\n"
        "    try:\n"
        "        s.connect(('" +
        here +
        "', 9997))\n"
        "        break\n"
        "    except OSError:\n"
        "        s.close()\n"
        "        time.sleep(0.05)\n"
        "for i in range(" +
        std::to_string(segments) +
        "):\n"
        "    s.send(bytes(300))\n"
        "    time.sleep(0.002)\n"
        "s.close()\n";
    return run("/usr/bin/python3 -c " + shellQuoted(listener) + " & ip netns exec " + ns +
               " /usr/bin/python3 -c " + shellQuoted(client) + " && wait");
}

bool VethPair::replay(const std::string& pcap, double pauseMs) const {
    const std::string script =
        "import socket, struct, sys, time\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)\n"
        "s.bind((sys.argv[2], 0))\n"
        "at = 24\n"
        "while at + 16 <= len(data):\n"
        "    length = struct.unpack_from('<I', data, at + 8)[0]\n"
        "    s.send(data[at + 16:at + 16 + length])\n"
        "    at += 16 + length\n"
        "    time.sleep(float(sys.argv[3]) / 1000)\n";
    return run("ip netns exec " + ns + " /usr/bin/python3 -c " + shellQuoted(script) + " " +
               shellQuoted(pcap) + " " + inside + " " + std::to_string(pauseMs));
}

}  // namespace deeppacket::test
