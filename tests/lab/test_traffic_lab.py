"""The traffic lab's rules (names, labels, session plans, torrents, frame counts) without any
server, and one short real session when the machine allows it (root, network namespaces)."""
import csv
import hashlib
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAB = os.path.join(ROOT, "lab")
sys.path.insert(0, LAB)

from traffic_lab import catalog, plan  # noqa: E402
from traffic_lab.pcap_count import count_frames  # noqa: E402
from traffic_lab.sample import choose, slice_frames  # noqa: E402
from traffic_lab.torrent_file import bencode, make_torrent  # noqa: E402


class Labels(unittest.TestCase):
    def test_traffic_labels_follow_the_iscx_names(self):
        self.assertEqual(plan.traffic_label("Chat", "none"), "Chat")
        self.assertEqual(plan.traffic_label("Chat", "openvpn"), "VPN: Chat")
        self.assertEqual(plan.traffic_label("VoIP", "wireguard"), "VPN: VoIP")
        self.assertEqual(plan.traffic_label("", "openvpn"), "")
        with self.assertRaises(ValueError):
            plan.traffic_label("Browsing", "none")
        with self.assertRaises(ValueError):
            plan.traffic_label("Chat", "ipsec")
        # The same twelve classes as the ISCX rules the engine has built in.
        with open(os.path.join(ROOT, "resources", "iscx-vpn-nonvpn-labels.csv")) as f:
            rows = [r for r in csv.reader(line for line in f if not line.startswith("#"))][1:]
        iscx = {r[2] for r in rows if len(r) > 2 and r[2]}
        lab = {plan.traffic_label(c, t) for c in plan.TRAFFIC_CLASSES for t in plan.TUNNELS}
        self.assertEqual(lab, iscx)

    def test_capture_names(self):
        self.assertEqual(plan.capture_name("xmpp", "openvpn", 3), "xmpp_openvpn_03.pcap")
        for key in ("XMPP", "a_b", "", "1x"):
            with self.assertRaises(ValueError):
                plan.capture_name(key, "none", 1)
        with self.assertRaises(ValueError):
            plan.capture_name("xmpp", "tor", 1)

    def test_catalog_covers_the_classes(self):
        apps = catalog.all_apps()
        keys = [a.key for a in apps]
        self.assertEqual(len(keys), len(set(keys)), "application keys are unique")
        # An application label may have several recipes (other client programs), all of one
        # traffic class; every traffic class has at least two recipes.
        traffic_of = {}
        for app in apps:
            self.assertEqual(traffic_of.setdefault(app.name, app.traffic), app.traffic, app.key)
        for cls in plan.TRAFFIC_CLASSES:
            self.assertGreaterEqual(sum(1 for a in apps if a.traffic == cls), 2, cls)
        self.assertGreaterEqual(len(apps), 20)
        self.assertEqual({a.traffic for a in apps if a.traffic}, set(plan.TRAFFIC_CLASSES))
        for app in apps:
            plan.capture_name(app.key, "none", 1)  # a valid file-name part
        with self.assertRaises(ValueError):
            catalog.select(["nope"])


class FakeApp:
    def __init__(self, key, traffic, tunnels=True, scale=1.0):
        self.key, self.name, self.traffic, self.tunnels, self.scale = key, key.upper(), traffic, \
            tunnels, scale

    def parameters(self, rng, index):
        return {"rate": rng.choice([1, 2, 3, 4, 5, 6, 7, 8]), "index": index}


class Plans(unittest.TestCase):
    def test_every_class_and_tunnel_gets_enough_sessions(self):
        apps = [FakeApp("a", "Chat"), FakeApp("b", "Chat"), FakeApp("c", "VoIP", scale=2),
                FakeApp("web", "", tunnels=False)]
        sessions = plan.plan_sessions(apps, plan.TUNNELS, 2, 10, seed=7)
        for cls in ("Chat", "VoIP"):
            for tunnel in plan.TUNNELS:
                n = sum(1 for s in sessions if s.traffic_class == cls and s.tunnel == tunnel)
                self.assertGreaterEqual(n, 5, (cls, tunnel))
        self.assertEqual(sum(1 for s in sessions if s.app_key == "a" and s.tunnel == "none"), 3)
        self.assertEqual({s.tunnel for s in sessions if s.app_key == "web"}, {"none"})
        self.assertEqual({s.seconds for s in sessions if s.app_key == "c"}, {20})
        files = [s.file for s in sessions]
        self.assertEqual(len(files), len(set(files)))

    def test_plans_are_repeatable_and_independent_of_other_apps(self):
        one = plan.plan_sessions([FakeApp("a", "Chat")], ["none"], 5, 10, seed=3, per_class=1)
        two = plan.plan_sessions([FakeApp("b", "Chat"), FakeApp("a", "Chat")], ["none"], 5, 10,
                                 seed=3, per_class=1)
        self.assertEqual([s.parameters for s in one],
                         [s.parameters for s in two if s.app_key == "a"])
        other = plan.plan_sessions([FakeApp("a", "Chat")], ["none"], 5, 10, seed=4, per_class=1)
        self.assertNotEqual([s.parameters for s in one], [s.parameters for s in other])

    def test_network_conditions_are_drawn_per_session_and_recorded(self):
        from traffic_lab import conditions
        self.assertEqual(conditions.draw("none", "x"), {})
        with self.assertRaises(ValueError):
            conditions.draw("stormy", "x")
        a = conditions.draw("varied", "1/irc/none/1/net")
        self.assertEqual(a, conditions.draw("varied", "1/irc/none/1/net"))
        self.assertEqual(set(a), {"net_delay_ms", "net_jitter_ms", "net_loss_pct", "net_mtu",
                                  "net_rate_mbit"})
        drawn = {tuple(sorted(conditions.draw("varied", "s%d" % i).items())) for i in range(40)}
        self.assertGreater(len(drawn), 10, "sessions get different conditions")
        # The held-out profile uses values the varied one never draws.
        varied = conditions.PROFILES["varied"]
        heldout = conditions.PROFILES["heldout"]
        for key in varied:
            self.assertTrue(set(heldout[key]) - set(varied[key]), key)
        # Conditions do not change the applications' own parameters.
        bare = plan.plan_sessions([FakeApp("a", "Chat")], ["none"], 3, 10, seed=3, per_class=1)
        varied_plan = plan.plan_sessions([FakeApp("a", "Chat")], ["none"], 3, 10, seed=3,
                                         per_class=1, conditions="varied")
        self.assertEqual([s.parameters for s in bare],
                         [{k: v for k, v in s.parameters.items() if not k.startswith("net_")}
                          for s in varied_plan])
        self.assertTrue(all("net_mtu" in s.parameters for s in varied_plan))

    def test_label_files_round_trip_and_merge(self):
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        first = plan.plan_sessions([FakeApp("a", "Chat"), FakeApp("web", "", tunnels=False)],
                                   ["none", "openvpn"], 1, 10, seed=1, per_class=1)
        plan.write_labels(folder, first)
        with open(os.path.join(folder, "labels-traffic.csv")) as f:
            self.assertEqual(f.read().splitlines(), ["file,label", "a_none_01.pcap,Chat",
                                                     "a_openvpn_01.pcap,VPN: Chat"])
        with open(os.path.join(folder, "labels-application.csv")) as f:
            self.assertEqual(f.read().splitlines()[1:], ["a_none_01.pcap,A",
                                                         "a_openvpn_01.pcap,A",
                                                         "web_none_01.pcap,WEB"])
        with open(os.path.join(folder, "groups-recipe.csv")) as f:
            self.assertEqual(f.read().splitlines(), ["file,group", "a_none_01.pcap,a",
                                                     "a_openvpn_01.pcap,a",
                                                     "web_none_01.pcap,web"])
        again = plan.read_sessions(os.path.join(folder, "sessions.csv"))
        self.assertEqual([(s.file, s.traffic, s.application) for s in again],
                         [(s.file, s.traffic, s.application) for s in sorted(first,
                                                                              key=lambda s: s.file)])
        later = plan.plan_sessions([FakeApp("a", "Chat")], ["none"], 2, 10, seed=2, per_class=1)
        merged = plan.merge_sessions(again, later)
        self.assertEqual(sorted(s.file for s in merged),
                         ["a_none_01.pcap", "a_none_02.pcap", "a_openvpn_01.pcap",
                          "web_none_01.pcap"])


class Files(unittest.TestCase):
    def test_bencode_and_torrent(self):
        self.assertEqual(bencode({"b": 1, "a": [b"x", "yz"]}), b"d1:al1:x2:yze1:bi1ee")
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        path = os.path.join(folder, "f.bin")
        with open(path, "wb") as f:
            f.write(bytes(range(256)) * 5)
        meta, info_hash = make_torrent(path, "http://t/announce", piece_length=512)
        pieces = b"".join(hashlib.sha1((bytes(range(256)) * 5)[i:i + 512]).digest()
                          for i in range(0, 1280, 512))
        info = bencode({"name": "f.bin", "length": 1280, "piece length": 512, "pieces": pieces})
        self.assertEqual(info_hash, hashlib.sha1(info).hexdigest())
        self.assertIn(b"4:info" + info, meta)

    def test_frame_count_stops_at_a_cut_record(self):
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        path = os.path.join(folder, "c.pcap")
        with open(path, "wb") as f:
            f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
            for n in (60, 70):
                f.write(struct.pack("<IIII", 0, 0, n, n) + b"\0" * n)
            f.write(struct.pack("<IIII", 0, 0, 100, 100) + b"\0" * 10)
        self.assertEqual(count_frames(path), 2)


class Samples(unittest.TestCase):
    def test_one_capture_per_label_with_different_applications(self):
        apps = [FakeApp("a", "Chat"), FakeApp("b", "Chat"), FakeApp("c", "VoIP"),
                FakeApp("web", "", tunnels=False)]
        sessions = plan.plan_sessions(apps, plan.TUNNELS, 2, 10, seed=1, per_class=1)
        chosen = choose(sessions)
        self.assertEqual(sorted(s.traffic for s in chosen if s.traffic),
                         ["Chat", "VPN: Chat", "VPN: VoIP", "VoIP"])
        chat = [s.application for s in chosen if s.traffic_class == "Chat"]
        self.assertEqual(sorted(chat), ["A", "B"], "both chat applications are shown")
        self.assertEqual([s.file for s in chosen if not s.traffic], ["web_none_01.pcap"])
        self.assertEqual(choose(list(reversed(sessions))), chosen)

    def test_slices_come_from_the_start_or_the_middle(self):
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        source, target = os.path.join(folder, "s.pcap"), os.path.join(folder, "t.pcap")
        with open(source, "wb") as f:
            f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
            for n in range(10):
                f.write(struct.pack("<IIII", n, 0, 1, 1) + bytes([n]))
        for start, first in ((0.0, [0, 1, 2, 3]), (0.5, [3, 4, 5, 6])):
            self.assertEqual(slice_frames(source, target, 4, start), 4)
            with open(target, "rb") as f:
                data = f.read()
            self.assertEqual([data[24 + 17 * i + 16] for i in range(4)], first)
        self.assertEqual(slice_frames(source, target, 50, 0.5), 10)


class Packages(unittest.TestCase):
    def hold_lock(self, path, seconds):
        """A process that holds an fcntl lock on `path` for `seconds`, as apt does."""
        holder = subprocess.Popen(
            [sys.executable, "-c",
             "import fcntl, sys, time\n"
             "f = open(sys.argv[1], 'w')\n"
             "fcntl.lockf(f, fcntl.LOCK_EX)\n"
             "print('locked', flush=True)\n"
             "time.sleep(float(sys.argv[2]))\n", path, str(seconds)],
            stdout=subprocess.PIPE, text=True)
        self.addCleanup(holder.stdout.close)
        self.addCleanup(holder.wait)
        self.addCleanup(holder.kill)
        self.assertEqual(holder.stdout.readline().strip(), "locked")
        return holder

    def test_install_waits_for_another_apt(self):
        from traffic_lab.packages import lock_is_free, wait_for_lock
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        lock = os.path.join(folder, "lock-frontend")
        self.assertTrue(lock_is_free(lock), "no lock file: nobody holds it")
        open(lock, "w").close()
        self.assertTrue(lock_is_free(lock))
        self.hold_lock(lock, 1.5)
        self.assertFalse(lock_is_free(lock))
        began = time.monotonic()
        wait_for_lock(lock, seconds=60, poll=0.05)
        # It returned only when the holder let go, about 1.5 s after taking the lock.
        self.assertGreaterEqual(time.monotonic() - began, 1.0)
        self.assertTrue(lock_is_free(lock))

    def test_a_lock_held_too_long_is_an_error_naming_it(self):
        from traffic_lab.packages import wait_for_lock
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        lock = os.path.join(folder, "lock-frontend")
        open(lock, "w").close()
        self.hold_lock(lock, 30)
        with self.assertRaises(TimeoutError) as caught:
            wait_for_lock(lock, seconds=0.3, poll=0.05)
        self.assertIn(lock, str(caught.exception))

    def test_system_wide_services_are_stopped(self):
        # A package's postinst that starts its daemon itself (Postfix) leaves it running in
        # the build's namespace; the build stops it by its pid file and stop command.
        from traffic_lab.packages import stop_system_services
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        daemon = subprocess.Popen(["sleep", "60"])
        self.addCleanup(daemon.wait)
        self.addCleanup(daemon.kill)
        pid_file = os.path.join(folder, "master.pid")
        with open(pid_file, "w") as f:
            f.write("%8d\n" % daemon.pid)
        garbage = os.path.join(folder, "garbage.pid")
        with open(garbage, "w") as f:
            f.write("not a pid\n")
        stopped = stop_system_services({
            "daemon": (pid_file, ["kill", str(daemon.pid)]),
            "not installed": (os.path.join(folder, "absent.pid"), ["false"]),
            "unreadable": (garbage, ["false"]),
        })
        self.assertEqual(stopped, ["daemon"])
        self.assertEqual(daemon.wait(timeout=10), -signal.SIGTERM)


def can_make_namespaces():
    if os.geteuid() != 0 or shutil.which("ip") is None:
        return False
    name = "dplab-probe-%d" % os.getpid()
    ok = subprocess.run(["ip", "netns", "add", name], stderr=subprocess.DEVNULL).returncode == 0
    subprocess.run(["ip", "netns", "del", name], stderr=subprocess.DEVNULL)
    return ok


def namespaces():
    out = subprocess.run(["ip", "netns", "list"], stdout=subprocess.PIPE, text=True).stdout
    return {line.split()[0] for line in out.splitlines() if line.startswith("dplab-")}


@unittest.skipUnless(can_make_namespaces(), "needs root and network namespaces")
class Smoke(unittest.TestCase):
    def test_one_short_session(self):
        before = namespaces()
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        run = subprocess.run([os.path.join(LAB, "traffic-lab"), "build", "--out", folder,
                              "--apps", "irc", "--tunnels", "none", "--sessions", "1",
                              "--min-per-class", "1", "--seconds", "2"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             timeout=600)
        self.assertEqual(run.returncode, 0, run.stdout)
        capture = os.path.join(folder, "captures", "irc_none_01.pcap")
        self.assertGreater(count_frames(capture), 20)
        with open(os.path.join(folder, "labels-traffic.csv")) as f:
            self.assertEqual(f.read().splitlines(), ["file,label", "irc_none_01.pcap,Chat"])
        # The session's network conditions are recorded with what was applied.
        with open(os.path.join(folder, "sessions.csv")) as f:
            self.assertIn("net_mtu=", f.read())
        self.assertEqual(namespaces(), before, "its namespaces are gone")
        engine = os.environ.get("DEEPPACKET_CLI")
        if engine:
            inspect = subprocess.run([engine, "inspect", "--json", capture],
                                     stdout=subprocess.PIPE, text=True)
            self.assertEqual(inspect.returncode, 0)
            self.assertIn('"kept"', inspect.stdout)

    def test_services_of_the_lab_namespaces_are_left_running(self):
        from traffic_lab.packages import stop_system_services
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        inside = subprocess.Popen(["unshare", "--net", "sleep", "60"])
        self.addCleanup(inside.wait)
        self.addCleanup(inside.kill)
        deadline = time.monotonic() + 10
        while os.readlink("/proc/%d/ns/net" % inside.pid) == os.readlink("/proc/self/ns/net"):
            self.assertLess(time.monotonic(), deadline, "unshare made its namespace")
            time.sleep(0.05)
        pid_file = os.path.join(folder, "master.pid")
        with open(pid_file, "w") as f:
            f.write("%d\n" % inside.pid)
        self.assertEqual(stop_system_services(
            {"lab postfix": (pid_file, ["kill", str(inside.pid)])}), [])
        self.assertIsNone(inside.poll())

    def test_traffic_between_sessions_is_found(self):
        # A client daemon left running between sessions (the Tor client did) puts its flows
        # into every capture under every label: the build looks for them before it starts.
        from traffic_lab.packages import install
        from traffic_lab.capture import stray_flows
        from traffic_lab.netns import SERVER_IP, Lab
        install(["iproute2", "ethtool", "tcpdump"])
        work = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, work)
        with Lab(work) as lab:
            self.assertEqual(stray_flows(lab, 1.5), [])
            talker = lab.start_client([sys.executable, "-c", (
                "import socket, time\n"
                "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                "while True:\n"
                "    s.sendto(b'keep-alive', ('%s', 4444))\n"
                "    time.sleep(0.1)\n") % SERVER_IP], "talker")
            flows = stray_flows(lab, 1.5)
            lab.stop(talker)
        self.assertEqual(len(flows), 1, flows)
        self.assertTrue(flows[0].startswith(SERVER_IP + ".4444 > 10.77.0.2."), flows)

    def test_packets_around_the_tunnel_are_counted(self):
        # A tunnelled session whose clients reached the servers around the tunnel (the torrent
        # swarm's stale peers did) is labelled "VPN: ..." but is not: the build drops it.
        from traffic_lab.packages import install
        from traffic_lab.capture import outside_tunnel
        install(["tcpdump"])
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)

        def frame(protocol, sport, dport):
            transport = (struct.pack("!HHHH", sport, dport, 12, 0) + b"abcd" if protocol == 17
                         else struct.pack("!HHIIBBHHH", sport, dport, 1, 0, 0x50, 0x18, 512, 0,
                                          0))
            ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(transport), 0, 0, 64, protocol,
                             0, bytes([10, 77, 0, 2]), bytes([10, 77, 0, 1]))
            return b"\x02" * 6 + b"\x04" * 6 + b"\x08\x00" + ip + transport

        path = os.path.join(folder, "s.pcap")
        frames = [frame(17, 40000, 1194), frame(17, 1194, 40000), frame(6, 40001, 6881),
                  frame(17, 40002, 6969)]
        with open(path, "wb") as f:
            f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
            for n, data in enumerate(frames):
                f.write(struct.pack("<IIII", n, 0, len(data), len(data)) + data)
        self.assertEqual(outside_tunnel(path, 1194), 2)
        self.assertEqual(outside_tunnel(path, 51820), 4)

    def test_an_interrupted_build_cleans_up_and_keeps_finished_sessions(self):
        before = namespaces()
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        # It installs what it needs itself, as a first run on a fresh machine does: no test may
        # count on another having installed the lab's packages before it.
        build = subprocess.Popen([os.path.join(LAB, "traffic-lab"), "build", "--out", folder,
                                  "--apps", "irc", "--tunnels", "none", "--sessions", "3",
                                  "--min-per-class", "1", "--seconds", "2"],
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        # Interrupted during its second session (the first may wait for an install).
        deadline = time.time() + 600
        while not os.path.exists(os.path.join(folder, "captures", "irc_none_01.pcap")):
            self.assertLess(time.time(), deadline, "the first session never finished")
            if build.poll() is not None:
                self.fail("the build ended early: " + build.stdout.read())
            time.sleep(0.2)
        time.sleep(1)
        build.send_signal(signal.SIGINT)
        out = build.communicate(timeout=60)[0]
        self.assertEqual(build.returncode, 1, out)
        self.assertIn("interrupted", out)
        self.assertEqual(namespaces(), before, "its namespaces are gone")
        captures = sorted(os.listdir(os.path.join(folder, "captures")))
        self.assertIn("irc_none_01.pcap", captures)
        self.assertFalse([c for c in captures if c.endswith(".part")], captures)
        with open(os.path.join(folder, "labels-traffic.csv")) as f:
            labelled = [line.split(",")[0] for line in f.read().splitlines()[1:]]
        self.assertEqual(labelled, [c for c in captures if c.endswith(".pcap")])


if __name__ == "__main__":
    unittest.main()
