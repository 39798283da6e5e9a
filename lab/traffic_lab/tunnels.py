"""The VPN tunnels a session may run through. The capture stays on the veth, so a tunnelled
session's capture holds only the tunnel's packets."""
import os
import time

from .netns import SERVER_IP, run

PACKAGES = {"none": [], "openvpn": ["openvpn", "openssl"],
            "wireguard": ["wireguard-go", "wireguard-tools"]}


class NoTunnel:
    name = "none"
    port = None  # the UDP port of the tunnel's outer packets
    server_ip = SERVER_IP

    def open(self, lab):
        pass

    def close(self, lab):
        pass


def self_signed(folder, name, ca=None):
    """A key and certificate; signed by `ca` (a name in the folder) or self-signed."""
    key = os.path.join(folder, name + ".key")
    crt = os.path.join(folder, name + ".crt")
    if ca is None:
        run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
             "-nodes", "-keyout", key, "-out", crt, "-days", "3650", "-subj", "/CN=" + name])
    else:
        csr = os.path.join(folder, name + ".csr")
        run(["openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", key, "-out", csr, "-subj", "/CN=" + name])
        run(["openssl", "x509", "-req", "-in", csr, "-CA", os.path.join(folder, ca + ".crt"),
             "-CAkey", os.path.join(folder, ca + ".key"), "-CAcreateserial", "-out", crt,
             "-days", "3650"])
    return key, crt


class OpenVpn:
    """OpenVPN in TLS mode over UDP, point to point, with certificates of a throw-away CA."""
    name = "openvpn"
    port = 1194
    server_ip = "10.78.0.1"

    def open(self, lab):
        folder = os.path.join(lab.workdir, "openvpn")
        os.makedirs(folder, exist_ok=True)
        self_signed(folder, "ca")
        self_signed(folder, "server", ca="ca")
        self_signed(folder, "client", ca="ca")
        common = ["openvpn", "--dev", "tun", "--proto", "udp", "--dh", "none", "--ca",
                  os.path.join(folder, "ca.crt"), "--verb", "3", "--ping", "10"]
        self.server = lab.start_server(
            common + ["--tls-server", "--port", "1194", "--ifconfig", "10.78.0.1", "10.78.0.2",
                      "--cert", os.path.join(folder, "server.crt"), "--key",
                      os.path.join(folder, "server.key")], "openvpn-server")
        self.client = lab.start_client(
            common + ["--tls-client", "--remote", SERVER_IP, "1194", "--ifconfig", "10.78.0.2",
                      "10.78.0.1", "--verify-x509-name", "server", "name", "--cert",
                      os.path.join(folder, "client.crt"), "--key",
                      os.path.join(folder, "client.key")], "openvpn-client")
        wait_reachable(lab, self.server_ip, [self.server, self.client])

    def close(self, lab):
        lab.stop(self.client)
        lab.stop(self.server)


class WireGuard:
    """WireGuard through wireguard-go (no kernel module needed)."""
    name = "wireguard"
    port = 51820
    server_ip = "10.79.0.1"

    def open(self, lab):
        folder = os.path.join(lab.workdir, "wireguard")
        os.makedirs(folder, exist_ok=True)
        keys = {}
        for side in ("server", "client"):
            private = run(["wg", "genkey"]).stdout.strip()
            public = run(["wg", "pubkey"], input=private).stdout.strip()
            path = os.path.join(folder, side + ".key")
            with open(path, "w") as f:
                f.write(private + "\n")
            os.chmod(path, 0o600)
            keys[side] = (path, public)
        env = dict(os.environ, WG_PROCESS_FOREGROUND="1")
        self.processes = []
        # Each namespace's interface gets its own name: wireguard-go's control socket is
        # named after it and /var/run is shared.
        for side, ns, ifname, address, peer, peer_ip, extra in (
                ("server", lab.server_ns, "wgs" + lab.server_if[-6:], "10.79.0.1", "client",
                 "10.79.0.2", ["listen-port", "51820"]),
                ("client", lab.client_ns, "wgc" + lab.client_if[-6:], "10.79.0.2", "server",
                 "10.79.0.1", [])):
            self.processes.append(lab.start(ns, ["wireguard-go", ifname], "wireguard-" + side,
                                            env=env))
            wait_for(lambda: lab.ns(ns, ["ip", "link", "show", ifname], check=False).returncode
                     == 0, "the %s interface %s" % (side, ifname))
            endpoint = [] if side == "server" else ["endpoint", SERVER_IP + ":51820",
                                                    "persistent-keepalive", "25"]
            lab.ns(ns, ["wg", "set", ifname] + extra + ["private-key", keys[side][0], "peer",
                   keys[peer][1], "allowed-ips", peer_ip + "/32"] + endpoint)
            lab.ns(ns, ["ip", "addr", "add", address + "/24", "dev", ifname])
            lab.ns(ns, ["ip", "link", "set", ifname, "up"])
        wait_reachable(lab, self.server_ip, self.processes)

    def close(self, lab):
        for process in reversed(self.processes):
            lab.stop(process)


def wait_for(condition, what, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise RuntimeError("timed out waiting for " + what)


def wait_reachable(lab, address, processes, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for p in processes:
            if p.poll() is not None:
                raise RuntimeError("%s exited with %d; see %s/%s.log" %
                                   (p.lab_name, p.returncode, lab.logs, p.lab_name))
        if lab.client(["ping", "-c", "1", "-W", "1", address], check=False).returncode == 0:
            return
        time.sleep(0.2)
    raise RuntimeError("the tunnel to %s did not come up" % address)


def make(name):
    return {"none": NoTunnel, "openvpn": OpenVpn, "wireguard": WireGuard}[name]()
