"""BitTorrent: opentracker, an aria2 seeder next to it, and aria2 leechers on the client side."""
import os
import shutil

from .base import App, folder, random_file, repeat_for, timed
from ..torrent_file import make_torrent

SIZES_MB = (8, 32, 64)
ARIA = ["aria2c", "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
        "--enable-peer-exchange=false", "--console-log-level=warn", "--summary-interval=0",
        "--check-certificate=false", "--file-allocation=none"]


class BitTorrent(App):
    key = "bittorrent"
    name = "BitTorrent"
    traffic = "Torrent"
    packages = ["opentracker", "aria2"]

    def start(self, lab):
        self.seed = folder(lab, "torrent", "seed")
        self.meta = folder(lab, "torrent", "meta")
        self.hashes = {}
        whitelist = os.path.join(lab.workdir, "torrent", "whitelist")
        for size in SIZES_MB:
            name = "payload-%d.bin" % size
            path = random_file(os.path.join(self.seed, name), size << 20, name)
            # The announce address is replaced per session (--bt-tracker): it depends on the
            # tunnel.
            data, info_hash = make_torrent(path, "http://tracker.invalid/announce")
            with open(os.path.join(self.meta, name + ".torrent"), "wb") as f:
                f.write(data)
            self.hashes[size] = info_hash
        with open(whitelist, "w") as f:
            f.write("".join(h + "\n" for h in self.hashes.values()))
        process = lab.start_server(["opentracker", "-i", "0.0.0.0", "-p", "6969", "-P", "6969",
                                    "-w", whitelist], "opentracker")
        lab.wait_listening(6969, process=process)

    def parameters(self, rng, index):
        return {"size_mb": rng.choice(SIZES_MB), "leechers": rng.choice([1, 2, 3]),
                "kbyte_s": rng.choice([300, 800, 2000, 5000]),
                "seed_kbyte_s": rng.choice([1000, 4000, 0])}

    def run(self, lab, server_ip, session):
        p = session.parameters
        torrent = os.path.join(self.meta, "payload-%d.bin.torrent" % p["size_mb"])
        tracker = ["--bt-tracker=http://%s:6969/announce" % server_ip, "--bt-exclude-tracker=*"]
        # A seeder per session that announces the address the leechers reach.
        seeder = lab.start_server(
            ARIA + tracker + ["--seed-ratio=0.0", "--bt-seed-unverified=true",
                              "--listen-port=6881", "--bt-external-ip=" + server_ip,
                              "--max-overall-upload-limit=%dK" % p["seed_kbyte_s"],
                              "--dir=" + self.seed, torrent], "aria2-seed-" + session.file)
        lab.wait_listening(6881, process=seeder)
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
        lab.stop(seeder)
