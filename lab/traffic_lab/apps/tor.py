"""Tor: a private Tor network (three directory authorities and four relays, all exits, which is
safe because nothing routes out of the lab) in the server namespace; a Tor client in the client
namespace fetches pages and files from the lab's web server through it. The capture holds the
client's start and its TLS connections to its guards, as the capture of a Tor user does."""
import os
import random
import re
import time

from .base import App, folder, random_file, repeat_for, timed
from .browsing import PAGES, make_site
from .web import start_nginx
from ..netns import CLIENT_IP, SERVER_IP, run

AUTHORITIES = 3
RELAYS = 4
COMMON = """TestingTorNetwork 1
RunAsDaemon 0
ConnLimit 60
ShutdownWaitLength 0
SafeLogging 0
ProtocolWarnings 1
DisableDebuggerAttachment 0
PathsNeededToBuildCircuits 0.67
TestingDirAuthVoteExit *
TestingDirAuthVoteGuard *
TestingDirAuthVoteHSDir *
TestingMinExitFlagThreshold 0
V3AuthNIntervalsValid 2
TestingV3AuthInitialVotingInterval 5
TestingV3AuthInitialVoteDelay 2
TestingV3AuthInitialDistDelay 2
TestingV3AuthVotingStartOffset 0
V3AuthVotingInterval 10
V3AuthVoteDelay 2
V3AuthDistDelay 2
AssumeReachable 1
"""


class Tor(App):
    key = "tor"
    name = "Tor"
    traffic = ""  # the paper's Tor traffic is not one of its twelve traffic classes
    packages = ["tor", "curl", "nginx-light"]
    tunnels = False

    def start(self, lab):
        root = lab.shared("nginx", start_nginx)
        self.site = make_site(root)
        files = folder(lab, "nginx", "www", "files")
        for size in (1, 4):
            random_file(os.path.join(files, "file-%d.bin" % size), size << 20, "file-%d.bin" % size)
        base = folder(lab, "tor")
        lines = []
        nodes = []
        for i in range(AUTHORITIES + RELAYS):
            data = folder(lab, "tor", "node%d" % i)
            os.chmod(data, 0o700)
            nodes.append((i, data, 5100 + i, 7100 + i))
        # Directory authorities: an authority key and certificate each, then their fingerprints.
        for i, data, orport, dirport in nodes[:AUTHORITIES]:
            keys = folder(lab, "tor", "node%d" % i, "keys")
            if not os.path.exists(os.path.join(keys, "authority_certificate")):
                run(["tor-gencert", "--create-identity-key", "-m", "24", "-a",
                     "%s:%d" % (SERVER_IP, dirport), "-i",
                     os.path.join(keys, "authority_identity_key"), "-s",
                     os.path.join(keys, "authority_signing_key"), "-c",
                     os.path.join(keys, "authority_certificate"), "--passphrase-fd", "0"],
                    input="\n")
            with open(os.path.join(keys, "authority_certificate")) as f:
                v3ident = re.search(r"fingerprint ([0-9A-F]+)", f.read()).group(1)
            empty = os.path.join(base, "empty.torrc")
            open(empty, "w").close()
            out = run(["tor", "-f", empty, "--list-fingerprint", "--DataDirectory", data,
                       "--ORPort", str(orport), "--Address", SERVER_IP, "--Nickname",
                       "auth%d" % i, "--ContactInfo", "lab"]).stdout
            fingerprint = re.search(r"auth%d ((?:[0-9A-F]{4} ?){10})" % i, out).group(1)
            lines.append("DirAuthority auth%d orport=%d no-v2 v3ident=%s %s:%d %s" %
                         (i, orport, v3ident, SERVER_IP, dirport, fingerprint.replace(" ", "")))
        authorities = "\n".join(lines) + "\n"
        self.directory = COMMON + authorities
        for i, data, orport, dirport in nodes:
            role = ("AuthoritativeDirectory 1\nV3AuthoritativeDirectory 1\nContactInfo lab\n"
                    "AuthDirMaxServersPerAddr 0\n" if i < AUTHORITIES else "")
            torrc = os.path.join(base, "node%d.torrc" % i)
            with open(torrc, "w") as f:
                f.write(self.directory + role +
                        "Nickname %s%d\nDataDirectory %s\nAddress %s\nORPort %d\nDirPort %d\n"
                        "SocksPort 0\nExitRelay 1\nExitPolicy accept *:*\n"
                        "Log notice file %s/notice.log\n" % (
                            "auth" if i < AUTHORITIES else "relay", i, data, SERVER_IP, orport,
                            dirport, data))
            lab.start_server(["tor", "-f", torrc], "tor-node%d" % i)
        # The client: bootstrapped once here, so that its consensus and guards are cached, then
        # stopped. It keeps connections to its guards open while it runs, and those would be in
        # every other application's captures; each Tor session starts it again (a user starting
        # Tor), which then takes seconds.
        self.client_dir = folder(lab, "tor", "client")
        os.chmod(self.client_dir, 0o700)
        self.client_torrc = os.path.join(base, "client.torrc")
        with open(self.client_torrc, "w") as f:
            f.write(self.directory + "DataDirectory %s\nSocksPort %s:9050\nClientOnly 1\n"
                    "Log notice file %s/notice.log\n" % (self.client_dir, "127.0.0.1",
                                                          self.client_dir))
        lab.stop(self.start_client(lab, 240))

    def start_client(self, lab, timeout):
        """Starts the Tor client and waits until it has bootstrapped."""
        log = os.path.join(self.client_dir, "notice.log")
        if os.path.exists(log):
            os.remove(log)
        client = lab.start_client(["tor", "-f", self.client_torrc], "tor-client")
        deadline = time.time() + timeout
        while time.time() < deadline:
            if os.path.exists(log) and "Bootstrapped 100%" in open(log).read():
                return client
            if client.poll() is not None:
                raise RuntimeError("the Tor client exited; see " + log)
            time.sleep(0.2)
        lab.stop(client)
        raise RuntimeError("the private Tor network did not bootstrap; see " + log)

    def parameters(self, rng, index):
        return {"fetch": rng.choice(["pages", "pages", "files"]),
                "think_s": rng.choice([0.2, 1.0, 3.0])}

    def run(self, lab, server_ip, session):
        p = session.parameters
        rng = random.Random(session.file)
        curl = ["curl", "-sk", "--socks5-hostname", "127.0.0.1:9050"]

        def step(left):
            if p["fetch"] == "files":
                urls = ["https://%s/files/file-%d.bin" % (SERVER_IP, rng.choice([1, 4]))]
            else:
                urls = ["https://%s/site/page%d.html" % (SERVER_IP, rng.randrange(PAGES))] + [
                    "https://%s/site/img/i%d.jpg" % (SERVER_IP, rng.randrange(60))
                    for _ in range(rng.randint(1, 6))]
            timed(lab, curl + [a for url in urls for a in ("-o", "/dev/null", url)], left)
            timed(lab, ["sleep", str(rng.expovariate(1.0 / p["think_s"]))], left)

        started = time.time()
        client = self.start_client(lab, 120)
        try:
            repeat_for(max(1.0, session.seconds - (time.time() - started)), step)
        finally:
            lab.stop(client)
