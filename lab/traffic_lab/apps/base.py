"""What every application of the lab provides, and the helpers they share."""
import os
import time

from ..tunnels import self_signed


class App:
    key = ""  # file-name part: lower-case word
    name = ""  # the application identification label
    traffic = ""  # one of plan.TRAFFIC_CLASSES, or "" (no traffic class)
    packages = []  # Debian packages its server and clients need
    tunnels = True  # whether it also runs through the VPNs
    scale = 1.0  # session length relative to the others' (slow talkers get longer ones)

    def start(self, lab):
        """Starts its servers in the server namespace (once per build)."""

    def parameters(self, rng, index):
        """The varied parameters of session `index` (sizes, rates, message patterns)."""
        return {}

    def run(self, lab, server_ip, session):
        """Runs one session's clients in the client namespace for about session.seconds."""
        raise NotImplementedError


def folder(lab, *parts):
    path = os.path.join(lab.workdir, *parts)
    os.makedirs(path, exist_ok=True)
    return path


def server_certificate(lab):
    """The servers' TLS key and certificate (self-signed, made once per build)."""
    certs = folder(lab, "certs")
    key, crt = os.path.join(certs, "lab.key"), os.path.join(certs, "lab.crt")
    if not os.path.exists(crt):
        self_signed(certs, "lab")
        os.chmod(key, 0o644)  # servers that drop privileges read it too
    return key, crt


def random_file(path, size, seed):
    """A file of `size` pseudo-random (incompressible) bytes."""
    if os.path.exists(path) and os.path.getsize(path) == size:
        return path
    import random
    rng = random.Random(seed)
    with open(path, "wb") as f:
        left = size
        while left > 0:
            n = min(left, 1 << 20)
            f.write(rng.randbytes(n))
            left -= n
    return path


def timed(lab, cmd, seconds, **kwargs):
    """Runs a client command for at most `seconds` (cut by `timeout` when it runs longer)."""
    return lab.client(["timeout", "--signal=INT", "--kill-after=5", "%.1f" % seconds] + cmd,
                      check=False, **kwargs)


def repeat_for(seconds, step):
    """Calls step(remaining_seconds) until the time is up."""
    deadline = time.time() + seconds
    while True:
        remaining = deadline - time.time()
        if remaining <= 0.5:
            return
        step(remaining)
