"""What a build records: the sessions to run, their file names and their labels.

Nothing here touches the network, so the rules are unit-tested on their own
(tests/lab/test_traffic_lab.py).
"""
import csv
import random
import re
from dataclasses import dataclass, field

TUNNELS = ("none", "openvpn", "wireguard")

# The paper's six traffic classes; through a tunnel each becomes "VPN: <class>", as in the
# ISCX VPN-nonVPN labels (resources/iscx-vpn-nonvpn-labels.csv).
TRAFFIC_CLASSES = ("Chat", "Email", "File Transfer", "Streaming", "Torrent", "VoIP")


def traffic_label(traffic_class, tunnel):
    """The traffic categorization label of a session, or "" when its application has none
    (browsing and Tor take part in application identification only)."""
    if not traffic_class:
        return ""
    if traffic_class not in TRAFFIC_CLASSES:
        raise ValueError("unknown traffic class: " + traffic_class)
    if tunnel not in TUNNELS:
        raise ValueError("unknown tunnel: " + tunnel)
    return traffic_class if tunnel == "none" else "VPN: " + traffic_class


def capture_name(app_key, tunnel, index):
    """The capture's file name: application key, tunnel and a two-digit session number."""
    if not re.fullmatch(r"[a-z][a-z0-9-]*", app_key):
        raise ValueError("application keys are lower-case words: " + repr(app_key))
    if tunnel not in TUNNELS:
        raise ValueError("unknown tunnel: " + tunnel)
    return "%s_%s_%02d.pcap" % (app_key, tunnel, index)


@dataclass
class Session:
    app_key: str
    application: str  # the application identification label
    traffic_class: str  # one of TRAFFIC_CLASSES, or "" for none
    tunnel: str
    index: int
    seconds: float
    parameters: dict = field(default_factory=dict)

    @property
    def file(self):
        return capture_name(self.app_key, self.tunnel, self.index)

    @property
    def traffic(self):
        return traffic_label(self.traffic_class, self.tunnel)


def sessions_per_app(apps, sessions, per_class):
    """How many sessions each application gets: `sessions`, or more where its traffic class
    has too few applications to reach `per_class` sessions per tunnel (the class's sessions
    shared out evenly, rounded up)."""
    members = {}
    for app in apps:
        if app.traffic:
            members[app.traffic] = members.get(app.traffic, 0) + 1
    counts = {}
    for app in apps:
        n = sessions
        if app.traffic:
            n = max(n, -(-per_class // members[app.traffic]))
        counts[app.key] = n
    return counts


def plan_sessions(apps, tunnels, sessions, seconds, seed, per_class=5, first_index=1,
                  conditions="none"):
    """Every (application, tunnel) pair gets its sessions (sessions_per_app), each with
    parameters drawn by the application from a generator seeded by (seed, app, tunnel, index):
    a build is repeatable, and adding an application does not change the others' sessions.
    Applications that are slow talkers (App.scale) get longer sessions. Session numbers start
    at `first_index`, so that a later build can add sessions to a corpus. Each session also
    draws its network conditions (conditions.py) from its own generator, so the applications'
    parameters do not depend on the conditions profile."""
    from . import conditions as net
    counts = sessions_per_app(apps, sessions, per_class)
    plan = []
    for app in apps:
        for tunnel in tunnels:
            if tunnel not in TUNNELS:
                raise ValueError("unknown tunnel: " + tunnel)
            if tunnel != "none" and not app.tunnels:
                continue
            for index in range(first_index, first_index + counts[app.key]):
                rng = random.Random("%d/%s/%s/%d" % (seed, app.key, tunnel, index))
                parameters = app.parameters(rng, index)
                parameters.update(net.draw(conditions, "%d/%s/%s/%d/net" % (
                    seed, app.key, tunnel, index)))
                plan.append(Session(app.key, app.name, app.traffic, tunnel, index,
                                    seconds * app.scale, parameters))
    return plan


def read_sessions(path):
    """The sessions of an earlier build's sessions.csv (empty when there is none)."""
    import os
    if not os.path.exists(path):
        return []
    out = []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            key, tunnel, index = row["file"][:-len(".pcap")].rsplit("_", 2)
            traffic = row["traffic"][len("VPN: "):] if row["traffic"].startswith("VPN: ") \
                else row["traffic"]
            params = dict(kv.split("=", 1) for kv in row["parameters"].split(";") if kv)
            out.append(Session(key, row["application"], traffic, tunnel, int(index),
                               float(row["seconds"]), params))
    return out


def merge_sessions(earlier, latest):
    """A build adds to its folder: its sessions replace earlier ones of the same file."""
    files = {s.file for s in latest}
    return [s for s in earlier if s.file not in files] + list(latest)


def write_labels(folder_path, sessions):
    """Writes the label files of a build and returns their paths:
    sessions.csv (everything), labels-application.csv and labels-traffic.csv (`file,label`,
    for `--labels files:CSV`). Sessions without a traffic class are left out of the latter."""
    import os
    paths = {}
    rows = sorted(sessions, key=lambda s: s.file)
    path = os.path.join(folder_path, "sessions.csv")
    with open(path + ".tmp", "w", newline="") as out:
        w = csv.writer(out)
        w.writerow(["file", "application", "traffic", "tunnel", "seconds", "parameters"])
        for s in rows:
            params = ";".join("%s=%s" % (k, s.parameters[k]) for k in sorted(s.parameters))
            w.writerow([s.file, s.application, s.traffic, s.tunnel, "%g" % s.seconds, params])
    os.replace(path + ".tmp", path)
    paths["sessions"] = path
    # The recipe (the application key: its client and server programs) of each session, for
    # `deeppacket-cli train --split-groups`: test sets of recipes never trained on.
    path = os.path.join(folder_path, "groups-recipe.csv")
    with open(path + ".tmp", "w", newline="") as out:
        w = csv.writer(out)
        w.writerow(["file", "group"])
        for s in rows:
            w.writerow([s.file, s.app_key])
    os.replace(path + ".tmp", path)
    paths["recipes"] = path
    for task, label in (("application", lambda s: s.application), ("traffic", lambda s: s.traffic)):
        path = os.path.join(folder_path, "labels-%s.csv" % task)
        with open(path + ".tmp", "w", newline="") as out:
            w = csv.writer(out)
            w.writerow(["file", "label"])
            for s in rows:
                if label(s):
                    w.writerow([s.file, label(s)])
        os.replace(path + ".tmp", path)
        paths[task] = path
    return paths
