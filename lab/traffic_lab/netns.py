"""Two network namespaces joined by a veth pair, with no route out of the machine, and the
processes started in them. Everything started here is stopped by `close()`, which also
deletes the namespaces; the build calls it on every exit path, Ctrl-C included."""
import os
import re
import signal
import subprocess
import time

SERVER_IP = "10.77.0.1"
CLIENT_IP = "10.77.0.2"


def run(cmd, check=True, **kwargs):
    # errors="replace": clients may print binary data (a page, an image) on stdout.
    return subprocess.run(cmd, check=check, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, errors="replace", **kwargs)


class Lab:
    def __init__(self, workdir, tag=None):
        tag = tag or str(os.getpid())
        self.workdir = workdir
        self.server_ns = "dplab-s-" + tag
        self.client_ns = "dplab-c-" + tag
        # Interface names are limited to 15 characters.
        self.server_if = "dps" + tag[-8:]
        self.client_if = "dpc" + tag[-8:]
        self.processes = []
        self.services = {}  # the servers several applications share, by name
        self.logs = os.path.join(workdir, "logs")
        os.makedirs(self.logs, exist_ok=True)

    def open(self):
        for ns in (self.server_ns, self.client_ns):
            run(["ip", "netns", "add", ns])
            self.ns(ns, ["ip", "link", "set", "lo", "up"])
        run(["ip", "link", "add", self.server_if, "netns", self.server_ns, "type", "veth",
             "peer", "name", self.client_if, "netns", self.client_ns])
        for ns, ifname, address in ((self.server_ns, self.server_if, SERVER_IP),
                                    (self.client_ns, self.client_if, CLIENT_IP)):
            self.ns(ns, ["ip", "addr", "add", address + "/24", "dev", ifname])
            self.ns(ns, ["ip", "link", "set", ifname, "up"])
            # Without this the capture holds 64 KB "frames" the wire never carried.
            self.ns(ns, ["ethtool", "-K", ifname, "tso", "off", "gso", "off", "gro", "off", "sg",
                         "off", "tx-udp-segmentation", "off"], check=False)
        return self

    def shared(self, name, start):
        """Starts a server that several applications share (sshd, nginx, ...) once per lab, and
        returns what `start(lab)` returned."""
        if name not in self.services:
            self.services[name] = start(self)
        return self.services[name]

    def close(self):
        for process in reversed(self.processes):
            stop(process)
        self.processes = []
        for ns in (self.client_ns, self.server_ns):
            run(["ip", "netns", "del", ns], check=False)

    def __enter__(self):
        return self.open()

    def __exit__(self, *exc):
        self.close()

    # Commands -----------------------------------------------------------------------------
    def ns(self, ns, cmd, check=True, **kwargs):
        return run(["ip", "netns", "exec", ns] + cmd, check=check, **kwargs)

    def server(self, cmd, **kwargs):
        return self.ns(self.server_ns, cmd, **kwargs)

    def client(self, cmd, **kwargs):
        return self.ns(self.client_ns, cmd, **kwargs)

    def start(self, ns, cmd, name, cwd=None, env=None):
        """Starts a long-running process in a namespace, its output going to logs/NAME.log.
        It is stopped by close() unless stopped before."""
        log = open(os.path.join(self.logs, name + ".log"), "ab")
        process = subprocess.Popen(["ip", "netns", "exec", ns] + cmd, stdout=log,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=cwd,
                                   env=env, start_new_session=True)
        process.lab_name = name
        self.processes.append(process)
        return process

    def start_server(self, cmd, name, **kwargs):
        return self.start(self.server_ns, cmd, name, **kwargs)

    def start_client(self, cmd, name, **kwargs):
        return self.start(self.client_ns, cmd, name, **kwargs)

    def stop(self, process, sig=signal.SIGTERM):
        stop(process, sig)
        if process in self.processes:
            self.processes.remove(process)

    def client_address(self, destination):
        """The client namespace's source address for packets to `destination` (through the
        tunnel when one is up)."""
        out = self.client(["ip", "-o", "route", "get", destination]).stdout
        match = re.search(r"\bsrc (\S+)", out)
        if not match:
            raise RuntimeError("no route to %s in the client namespace: %s" % (destination, out))
        return match.group(1)

    def wait_listening(self, port, udp=False, timeout=20, process=None):
        """Waits until something in the server namespace listens on `port`."""
        deadline = time.time() + timeout
        flag = "-lun" if udp else "-ltn"
        while time.time() < deadline:
            out = self.server(["ss", flag], check=False).stdout
            if any(line.split()[3].endswith(":%d" % port)
                   for line in out.splitlines()[1:] if len(line.split()) > 3):
                return
            if process is not None and process.poll() is not None:
                raise RuntimeError("%s exited with %d; see %s" %
                                   (process.lab_name, process.returncode,
                                    os.path.join(self.logs, process.lab_name + ".log")))
            time.sleep(0.1)
        raise RuntimeError("nothing listens on port %d in the server namespace" % port)


def stop(process, sig=signal.SIGTERM, timeout=10):
    """Stops a process and its children (its session), politely first."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, sig)
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass
