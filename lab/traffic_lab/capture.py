"""Captures one session on the client's end of the veth with tcpdump."""
import os
import re
import signal
import time

from .netns import run, stop


class Capture:
    def __init__(self, lab, path):
        self.lab = lab
        self.path = path

    def __enter__(self):
        # -B: a bigger kernel buffer, or bursts are lost; -U: write packet by packet.
        self.process = self.lab.start_client(
            ["tcpdump", "-i", self.lab.client_if, "-w", self.path + ".part", "-B", "16384",
             "-s", "0", "-n", "-U"], "tcpdump-" + os.path.basename(self.path))
        log = os.path.join(self.lab.logs, self.process.lab_name + ".log")
        deadline = time.time() + 10
        while time.time() < deadline:
            with open(log, "rb") as f:
                if b"listening on" in f.read():
                    return self
            if self.process.poll() is not None:
                raise RuntimeError("tcpdump did not start; see " + log)
            time.sleep(0.05)
        raise RuntimeError("tcpdump did not start listening; see " + log)

    def __exit__(self, exc_type, *rest):
        time.sleep(0.5)  # the last packets in flight
        # SIGINT: tcpdump flushes and closes the file; SIGTERM may lose the tail.
        self.lab.stop(self.process, signal.SIGINT)
        if exc_type is None:
            os.replace(self.path + ".part", self.path)
        elif os.path.exists(self.path + ".part"):
            os.remove(self.path + ".part")


def stray_flows(lab, seconds=3.0):
    """The TCP and UDP conversations crossing the link while no session runs, as "a > b" with
    the lower address first. Whatever crosses it then (a client daemon left running, a
    keep-alive) would be in every capture under every label."""
    out = lab.client(["timeout", "%.1f" % seconds, "tcpdump", "-i", lab.client_if, "-nn",
                      "-l", "-q", "tcp or udp"], check=False).stdout
    flows = set()
    for line in out.splitlines():
        match = re.search(r" IP6? (\S+) > (\S+?):", line)
        if match:
            flows.add(" > ".join(sorted(match.groups())))
    return sorted(flows)


def outside_tunnel(path, port):
    """How many TCP and UDP packets of a tunnelled session's capture are not the tunnel's own
    (UDP `port`): traffic that went around the tunnel, labelled as if it went through it."""
    out = run(["tcpdump", "-r", path, "-nn", "-q",
               "(tcp or udp) and not udp port %d" % port], check=False).stdout
    return len(out.splitlines())
