"""BitTorrent: opentracker, an aria2 seeder next to it, and aria2 leechers on the client side."""
import os
import shutil

from .base import App, folder, random_file, repeat_for, timed
from ..torrent_file import make_torrent

SIZES_MB = (8, 32, 64)
ARIA = ["aria2c", "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
        "--enable-peer-exchange=false", "--console-log-level=warn", "--summary-interval=0",
        "--check-certificate=false", "--file-allocation=none"]


def start_swarm(lab):
    """The payloads and their torrents, shared by the torrent applications; returns the seed
    and torrent folders."""
    seed = folder(lab, "torrent", "seed")
    meta = folder(lab, "torrent", "meta")
    hashes = []
    for size in SIZES_MB:
        name = "payload-%d.bin" % size
        path = random_file(os.path.join(seed, name), size << 20, name)
        # The announce address is replaced per session (--bt-tracker): it depends on the
        # tunnel.
        data, info_hash = make_torrent(path, "http://tracker.invalid/announce")
        with open(os.path.join(meta, name + ".torrent"), "wb") as f:
            f.write(data)
        hashes.append(info_hash)
    with open(os.path.join(lab.workdir, "torrent", "whitelist"), "w") as f:
        f.write("".join(h + "\n" for h in hashes))
    return seed, meta


def start_tracker(lab, session):
    """A tracker for one session. One for the whole build would hand a tunnelled session's
    clients the peers of earlier sessions at their outer addresses (a tracker keeps peers for
    many minutes), and their transfers would bypass the tunnel."""
    process = lab.start_server(["opentracker", "-i", "0.0.0.0", "-p", "6969", "-P", "6969",
                                "-w", os.path.join(lab.workdir, "torrent", "whitelist")],
                               "opentracker-" + session.file)
    lab.wait_listening(6969, process=process)
    return process


class BitTorrent(App):
    key = "bittorrent"
    name = "BitTorrent"
    traffic = "Torrent"
    packages = ["opentracker", "aria2"]

    def start(self, lab):
        self.seed, self.meta = lab.shared("torrent", start_swarm)

    def start_servers(self, lab, session, server_ip, tracker, torrent):
        """The session's tracker and a seeder that announces the address the leechers reach."""
        opentracker = start_tracker(lab, session)
        seeder = lab.start_server(
            ARIA + tracker + ["--seed-ratio=0.0", "--bt-seed-unverified=true",
                              "--listen-port=6881", "--bt-external-ip=" + server_ip,
                              "--max-overall-upload-limit=%dK" %
                              int(session.parameters["seed_kbyte_s"]),
                              "--dir=" + self.seed, torrent], "aria2-seed-" + session.file)
        lab.wait_listening(6881, process=seeder)
        return [seeder, opentracker]

    def parameters(self, rng, index):
        return {"size_mb": rng.choice(SIZES_MB), "leechers": rng.choice([1, 2, 3]),
                "kbyte_s": rng.choice([300, 800, 2000, 5000]),
                "seed_kbyte_s": rng.choice([1000, 4000, 0])}

    def run(self, lab, server_ip, session):
        p = session.parameters
        torrent = os.path.join(self.meta, "payload-%d.bin.torrent" % p["size_mb"])
        tracker = ["--bt-tracker=http://%s:6969/announce" % server_ip, "--bt-exclude-tracker=*"]
        servers = self.start_servers(lab, session, server_ip, tracker, torrent)
        client = folder(lab, "torrent", "leech")

        def step(left):
            shutil.rmtree(client, ignore_errors=True)
            procs = [lab.start_client(
                ARIA + tracker + ["--seed-time=0", "--listen-port=%d" % (6890 + i),
                                  "--max-download-limit=%dK" % p["kbyte_s"],
                                  "--dir=%s/%d" % (client, i), torrent],
                "aria2-leech-%s-%d" % (session.file, i)) for i in range(p["leechers"])]
            timed(lab, ["sleep", "%.1f" % left], left + 1)
            for proc in procs:
                lab.stop(proc)

        repeat_for(session.seconds, step)
        for process in servers:
            lab.stop(process)


class QbittorrentLeech(BitTorrent):
    """The same swarm with another client program: qBittorrent (libtorrent-rasterbar: its own
    piece picking, request pipelining, uTP and peer wire extensions) leeching from the aria2
    seeder."""
    key = "bittorrent-qbittorrent"
    packages = ["opentracker", "aria2", "qbittorrent-nox"]
    scale = 2.0  # it starts, checks and announces before it asks for pieces

    def parameters(self, rng, index):
        params = super().parameters(rng, index)
        params["leechers"] = rng.choice([1, 2])
        return params

    def run(self, lab, server_ip, session):
        p = session.parameters
        name = "payload-%d.bin" % int(p["size_mb"])
        torrent = os.path.join(self.meta, name + ".torrent")
        # qBittorrent takes the tracker from the torrent: one per address the clients reach
        # (the info hash, and so the swarm, stays the same).
        announced = os.path.join(folder(lab, "torrent", "meta-" + server_ip), name + ".torrent")
        if not os.path.exists(announced):
            data, _ = make_torrent(os.path.join(self.seed, name),
                                   "http://%s:6969/announce" % server_ip)
            with open(announced, "wb") as f:
                f.write(data)
        tracker = ["--bt-tracker=http://%s:6969/announce" % server_ip, "--bt-exclude-tracker=*"]
        servers = self.start_servers(lab, session, server_ip, tracker, torrent)
        client = folder(lab, "torrent", "qbittorrent")
        # libtorrent announces over every local address it listens on: only the one that
        # reaches the servers (the tunnel's, in a tunnelled session), or the announces over
        # the veth's address go around the tunnel.
        address = lab.client_address(server_ip)

        def step(left):
            shutil.rmtree(client, ignore_errors=True)
            procs = []
            for i in range(int(p["leechers"])):
                profile = folder(lab, "torrent", "qbittorrent", "profile%d" % i)
                config = folder(lab, "torrent", "qbittorrent", "profile%d" % i, "qBittorrent",
                                "config")
                # The legal notice accepted; only the lab's swarm (no DHT, local peer
                # discovery, peer exchange or port mapping: all would reach for the internet).
                with open(os.path.join(config, "qBittorrent.conf"), "w") as f:
                    f.write("[LegalNotice]\nAccepted=true\n\n[BitTorrent]\n"
                            "Session\\DHTEnabled=false\nSession\\LSDEnabled=false\n"
                            "Session\\PeXEnabled=false\nSession\\GlobalDLSpeedLimit=%d\n"
                            "Session\\Port=%d\nSession\\InterfaceAddress=%s\n\n"
                            "[Network]\nPortForwardingEnabled=false\n"
                            % (int(p["kbyte_s"]), 51413 + i, address))
                procs.append(lab.start_client(
                    ["qbittorrent-nox", "--profile=" + profile, "--webui-port=%d" % (8180 + i),
                     "--save-path=" + os.path.join(profile, "data"), "--add-paused=false",
                     announced],
                    "qbittorrent-%s-%d" % (session.file, i),
                    env=dict(os.environ, HOME=profile)))
            timed(lab, ["sleep", "%.1f" % left], left + 1)
            for proc in procs:
                lab.stop(proc)

        repeat_for(session.seconds, step)
        for process in servers:
            lab.stop(process)
