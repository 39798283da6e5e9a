"""The `sample` command: a few slices of a corpus small enough to ship with the app."""
import argparse
import os
import struct

from . import plan


def choose(sessions):
    """One session per traffic label, with as many different applications as possible, plus one
    of each application that has no traffic class; in file-name order, so the choice is
    repeatable."""
    chosen, used = [], set()
    ordered = sorted(sessions, key=lambda s: s.file)
    for label in sorted({s.traffic for s in ordered if s.traffic}):
        candidates = [s for s in ordered if s.traffic == label]
        fresh = [s for s in candidates if s.application not in used]
        pick = (fresh or candidates)[0]
        chosen.append(pick)
        used.add(pick.application)
    for app in sorted({s.application for s in ordered if not s.traffic}):
        chosen.append(next(s for s in ordered if s.application == app))
    return chosen


def slice_frames(source, target, frames, start=0.0):
    """Copies `frames` consecutive frames of a classic pcap file, beginning at the fraction
    `start` of the spare frames (0: the first frames, 0.5: from the middle)."""
    with open(source, "rb") as f:
        header = f.read(24)
        order = "<" if header[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
        records = []
        while True:
            head = f.read(16)
            if len(head) < 16:
                break
            caplen = struct.unpack(order + "IIII", head)[2]
            body = f.read(caplen)
            if len(body) < caplen:
                break
            records.append(head + body)
    start = int(max(0, len(records) - frames) * start)
    with open(target + ".tmp", "wb") as out:
        out.write(header)
        out.writelines(records[start:start + frames])
    os.replace(target + ".tmp", target)
    return min(frames, len(records))


def main(argv):
    parser = argparse.ArgumentParser(prog="traffic-lab sample")
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--frames", type=int, default=200)
    # The first frames by default: a capture a user makes starts before the application does,
    # and a flow model reads a flow from its first packets; --middle for the packet models'
    # steady state.
    parser.add_argument("--middle", action="store_true", help="slices from the middle")
    args = parser.parse_args(argv)
    sessions = plan.read_sessions(os.path.join(args.corpus, "sessions.csv"))
    if not sessions:
        print("traffic-lab: no sessions.csv in " + args.corpus)
        return 1
    os.makedirs(args.out, exist_ok=True)
    chosen = choose(sessions)
    for s in chosen:
        n = slice_frames(os.path.join(args.corpus, "captures", s.file),
                         os.path.join(args.out, s.file), args.frames,
                         0.5 if args.middle else 0.0)
        print("%-28s %4d frames  %-18s %s" % (s.file, n, s.application, s.traffic or "-"))
    plan.write_labels(args.out, chosen)
    return 0
