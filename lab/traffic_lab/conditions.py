"""Network conditions of a session: what the link between the two namespaces does to the
traffic. Each session draws its own, so that a class is not learnt from one link's timing.

  varied   rate limits, MTUs and, where the kernel has netem, delay, jitter and loss
  heldout  other values of the same (for a build that tests on conditions never trained on)
  none     the bare veth pair

The choices are recorded with the session's parameters (net_*). Where netem is missing (many
VM kernels lack sch_netem) only the rate (tbf) and the MTU vary, and the recorded parameters
say so (net_delay_ms and the others are left out).
"""
import random

PROFILES = {
    "none": {},
    "varied": {
        "rate_mbit": [0, 0, 100, 20, 8, 3],  # 0: no limit
        "mtu": [1500, 1500, 1500, 1460, 1400],
        "delay_ms": [0, 2, 10, 30, 60],
        "jitter_ms": [0, 0, 1, 5],
        "loss_pct": [0, 0, 0, 0.1, 0.5],
    },
    "heldout": {
        "rate_mbit": [0, 50, 12, 5, 2],
        "mtu": [1500, 1480, 1420, 1360],
        "delay_ms": [0, 5, 20, 45, 90],
        "jitter_ms": [0, 2, 8],
        "loss_pct": [0, 0.2, 1.0],
    },
}
NETEM_KEYS = ("delay_ms", "jitter_ms", "loss_pct")


def draw(profile, rng_seed):
    """The conditions of one session: net_* parameters (strings, as sessions.csv keeps them)."""
    if profile not in PROFILES:
        raise ValueError("unknown conditions profile: %s (known: %s)" %
                         (profile, ", ".join(sorted(PROFILES))))
    rng = random.Random(rng_seed)
    return {"net_" + key: str(rng.choice(values)) for key, values in
            sorted(PROFILES[profile].items())}


def netem_available(lab):
    """Whether the kernel has netem (tried on the server namespace's loopback)."""
    ok = lab.server(["tc", "qdisc", "replace", "dev", "lo", "root", "netem", "delay", "0ms"],
                    check=False).returncode == 0
    lab.server(["tc", "qdisc", "del", "dev", "lo", "root"], check=False)
    return ok


def apply(lab, parameters, tunnel, netem):
    """Sets the session's conditions on both ends of the veth pair (each direction gets half
    the delay and the loss) and returns the parameters that were applied: without netem the
    delay, jitter and loss are dropped from them, so the record says what the link did."""
    applied = {k: v for k, v in parameters.items() if k.startswith("net_")}
    if not applied:
        return applied
    if not netem:
        for key in NETEM_KEYS:
            applied.pop("net_" + key, None)
    rate = float(applied.get("net_rate_mbit", "0"))
    mtu = int(applied.get("net_mtu", "1500"))
    if tunnel != "none":
        # A smaller underlay MTU would fragment the tunnel's packets: tunnels keep 1500.
        mtu = 1500
        applied["net_mtu"] = "1500"
    for ns, ifname in ((lab.server_ns, lab.server_if), (lab.client_ns, lab.client_if)):
        lab.ns(ns, ["ip", "link", "set", "dev", ifname, "mtu", str(mtu)])
        if netem:
            delay = float(applied.get("net_delay_ms", "0")) / 2
            jitter = float(applied.get("net_jitter_ms", "0")) / 2
            loss = float(applied.get("net_loss_pct", "0")) / 2
            cmd = ["tc", "qdisc", "replace", "dev", ifname, "root", "netem", "delay",
                   "%.1fms" % delay]
            if jitter > 0:
                cmd += ["%.1fms" % jitter]
            if loss > 0:
                cmd += ["loss", "%.2f%%" % loss]
            if rate > 0:
                cmd += ["rate", "%gmbit" % rate]
            lab.ns(ns, cmd)
        elif rate > 0 and lab.ns(ns, ["tc", "qdisc", "replace", "dev", ifname, "root", "tbf",
                                      "rate", "%gmbit" % rate, "burst",
                                      "%dkb" % max(16, int(rate * 4)), "latency", "200ms"],
                                 check=False).returncode != 0:
            # A kernel without tbf either: the session runs on the bare link, and says so.
            rate = 0
            applied["net_rate_mbit"] = "0"
            for other_ns, other_if in ((lab.server_ns, lab.server_if),
                                       (lab.client_ns, lab.client_if)):
                lab.ns(other_ns, ["tc", "qdisc", "del", "dev", other_if, "root"], check=False)
    return applied


def clear(lab):
    """Back to the bare veth pair."""
    for ns, ifname in ((lab.server_ns, lab.server_if), (lab.client_ns, lab.client_if)):
        lab.ns(ns, ["tc", "qdisc", "del", "dev", ifname, "root"], check=False)
        lab.ns(ns, ["ip", "link", "set", "dev", ifname, "mtu", "1500"], check=False)
