"""The `build` command: plan, install, start the servers, run and capture every session."""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import time

from . import catalog, conditions, plan, tunnels
from .capture import Capture, outside_tunnel, stray_flows
from .netns import Lab
from .packages import install, stop_system_services
from .pcap_count import count_frames

BASE_PACKAGES = ["iproute2", "ethtool", "tcpdump", "iputils-ping", "openssl", "coreutils"]


def parse(argv):
    parser = argparse.ArgumentParser(prog="traffic-lab")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build a corpus")
    b.add_argument("--out", required=True, help="the corpus folder (created)")
    b.add_argument("--minutes", type=float, default=None,
                   help="about how long the sessions take in all (sets --seconds)")
    b.add_argument("--seconds", type=float, default=20, help="length of one session")
    b.add_argument("--sessions", type=int, default=5, help="sessions per application and tunnel")
    b.add_argument("--min-per-class", type=int, default=5,
                   help="sessions per traffic class and tunnel at least (shared by its apps)")
    b.add_argument("--seed", type=int, default=1)
    b.add_argument("--first-index", type=int, default=1,
                   help="number of the first session (to add sessions to a corpus)")
    b.add_argument("--apps", default="", help="comma-separated application keys (default all)")
    b.add_argument("--tunnels", default=",".join(plan.TUNNELS))
    b.add_argument("--conditions", default="varied",
                   help="network conditions per session: varied (default), heldout or none")
    b.add_argument("--no-install", action="store_true", help="do not apt-get install")
    b.add_argument("--resume", action="store_true",
                   help="skip the sessions whose capture is already in the folder")
    sub.add_parser("list", help="list the applications")
    sub.add_parser("sample", help="slices of a corpus for resources/ (see --help)",
                   add_help=False)
    sub.add_parser("merge", help="merge SOURCE into TARGET: traffic-lab merge SOURCE TARGET",
                   add_help=False)
    return parser.parse_known_args(argv)[0]


def interrupted(signum, frame):
    raise KeyboardInterrupt


def main(argv):
    if argv and argv[0] == "sample":
        from . import sample
        return sample.main(argv[1:])
    if argv and argv[0] == "merge":
        return merge(argv[1:])
    args = parse(argv)
    if args.command == "list":
        for app in catalog.all_apps():
            print("%-10s %-16s %s" % (app.key, app.name, app.traffic or "-"))
        return 0
    if os.geteuid() != 0:
        print("traffic-lab: needs root (network namespaces, tcpdump)", file=sys.stderr)
        return 2
    try:
        apps = catalog.select([k for k in args.apps.split(",") if k])
        tunnel_names = [t for t in args.tunnels.split(",") if t]
        sessions = plan.plan_sessions(apps, tunnel_names, args.sessions, args.seconds, args.seed,
                                      args.min_per_class, args.first_index, args.conditions)
    except ValueError as e:
        print("traffic-lab: " + str(e), file=sys.stderr)
        return 2
    if args.minutes:
        seconds = max(5.0, args.minutes * 60 / max(1, len(sessions)))
        for s in sessions:
            s.seconds = seconds
    if not args.no_install:
        packages = BASE_PACKAGES + [p for a in apps for p in a.packages]
        packages += [p for t in tunnel_names for p in tunnels.PACKAGES[t]]
        install(packages)
    stop_system_services()

    out = os.path.abspath(args.out)
    captures = os.path.join(out, "captures")
    os.makedirs(captures, exist_ok=True)
    work = os.path.join(out, "work")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    # Installed explicitly: a shell that starts us in the background leaves SIGINT ignored.
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)
    done, dropped = [], []
    started = time.time()
    lab = Lab(work)
    try:
        lab.open()
        netem = conditions.netem_available(lab)
        if args.conditions != "none":
            print("network conditions: %s (%s)" % (
                args.conditions, "netem and tbf" if netem else
                "no netem in this kernel: rate and MTU only"), flush=True)
        for app in apps:
            print("starting %s" % app.name, flush=True)
            app.start(lab)
        stray = stray_flows(lab)
        if stray:
            raise RuntimeError("traffic crosses the link while no session runs, and it would be "
                               "in every capture: " + ", ".join(stray[:4]))
        for name in tunnel_names:
            todo = [s for s in sessions if s.tunnel == name and not (
                args.resume and os.path.exists(os.path.join(captures, s.file)))]
            if not todo:
                continue
            tunnel = tunnels.make(name)
            print("tunnel %s up" % name, flush=True)
            tunnel.open(lab)
            try:
                app_of = {a.key: a for a in apps}
                for s in todo:
                    path = os.path.join(captures, s.file)
                    applied = conditions.apply(lab, s.parameters, s.tunnel, netem)
                    s.parameters = {k: v for k, v in s.parameters.items()
                                    if not k.startswith("net_")}
                    s.parameters.update(applied)
                    print("  %-28s %5.0f s  %s" % (s.file, s.seconds, s.parameters), flush=True)
                    try:
                        with Capture(lab, path):
                            app_of[s.app_key].run(lab, tunnel.server_ip, s)
                    finally:
                        conditions.clear(lab)
                    stray = outside_tunnel(path, tunnel.port) if tunnel.port else 0
                    if stray:
                        # Mislabelled data is worse than none: dropped (kept in the work
                        # folder for a look), and redone by --resume.
                        os.replace(path, os.path.join(work, s.file))
                        dropped.append(s.file)
                        print("  dropped %s: %d packets went around the tunnel (see %s)" % (
                            s.file, stray, os.path.join(work, s.file)), file=sys.stderr,
                            flush=True)
                        continue
                    done.append(s)
            finally:
                tunnel.close(lab)
    except KeyboardInterrupt:
        print("interrupted: keeping the %d finished sessions" % len(done), file=sys.stderr)
    except (RuntimeError, subprocess.CalledProcessError) as e:
        detail = getattr(e, "stderr", "") or ""
        print("traffic-lab: %s %s" % (e, detail.strip()), file=sys.stderr)
        return 1
    finally:
        lab.close()
        write_outputs(out, done, time.time() - started)
    skipped = sum(1 for s in sessions if s not in done and args.resume and
                  os.path.exists(os.path.join(captures, s.file)))
    if dropped:
        print("traffic-lab: dropped %d sessions whose traffic went around the tunnel: %s" % (
            len(dropped), " ".join(dropped)), file=sys.stderr)
    return 0 if len(done) + skipped == len(sessions) else 1


def write_outputs(out, done, seconds):
    if not done:
        return
    sessions = plan.merge_sessions(plan.read_sessions(os.path.join(out, "sessions.csv")), done)
    sessions = [s for s in sessions if os.path.exists(os.path.join(out, "captures", s.file))]
    plan.write_labels(out, sessions)
    frames = {}
    for s in sessions:
        n = count_frames(os.path.join(out, "captures", s.file))
        for label in (s.application, s.traffic):
            if label:
                frames[label] = frames.get(label, 0) + n
    with open(os.path.join(out, "summary.txt.tmp"), "w") as f:
        f.write("%d sessions (%d in the last build, %.0f s)\n" % (len(sessions), len(done),
                                                                 seconds))
        f.write("frames per class (application and traffic labels):\n")
        for label in sorted(frames):
            f.write("  %-24s %9d\n" % (label, frames[label]))
    os.replace(os.path.join(out, "summary.txt.tmp"), os.path.join(out, "summary.txt"))


def merge(argv):
    """Moves the captures of one build folder into another and merges their labels."""
    if len(argv) != 2:
        print("usage: traffic-lab merge SOURCE TARGET", file=sys.stderr)
        return 2
    source, target = (os.path.abspath(a) for a in argv)
    added = plan.read_sessions(os.path.join(source, "sessions.csv"))
    os.makedirs(os.path.join(target, "captures"), exist_ok=True)
    for s in added:
        os.replace(os.path.join(source, "captures", s.file),
                   os.path.join(target, "captures", s.file))
    write_outputs(target, added, 0)
    print("merged %d sessions into %s" % (len(added), target))
    return 0
