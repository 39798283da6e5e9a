"""Installing the lab's Debian packages: without letting their services start system-wide, and
waiting for another apt (an unattended upgrade, a second build) instead of failing."""
import fcntl
import os
import subprocess
import time

# apt and dpkg take this lock (fcntl, whole file) while they change the system.
DPKG_LOCK = "/var/lib/dpkg/lock-frontend"
LOCK_WAIT_SECONDS = 600


def lock_is_free(path):
    """Whether nobody holds an fcntl write lock on `path` (a missing file is free). Takes the
    lock and lets it go at once: apt can have it a moment later, and then waits for us."""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return True
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return True
    finally:
        os.close(fd)


def wait_for_lock(path=DPKG_LOCK, seconds=LOCK_WAIT_SECONDS, poll=0.5):
    """Returns once `path` is free; says once that it waits; raises TimeoutError naming the
    lock after `seconds`."""
    deadline = time.monotonic() + seconds
    said = False
    while not lock_is_free(path):
        if time.monotonic() >= deadline:
            raise TimeoutError("another apt still holds %s after %d s" % (path, seconds))
        if not said:
            print("waiting for another apt to release %s" % path, flush=True)
            said = True
        time.sleep(poll)


def missing_packages(packages):
    return [p for p in sorted(set(packages))
            if subprocess.run(["dpkg-query", "-W", "-f=${Status}", p], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True).stdout
            != "install ok installed"]


def install(packages):
    """apt-get installs what is missing, without letting services start system-wide."""
    missing = missing_packages(packages)
    if not missing:
        return
    print("installing: " + " ".join(missing), flush=True)
    policy = "/usr/sbin/policy-rc.d"
    had_policy = os.path.exists(policy)
    if not had_policy:
        with open(policy, "w") as f:
            f.write("#!/bin/sh\nexit 101\n")
        os.chmod(policy, 0o755)
    try:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        wait_for_lock()
        # apt's own timeout covers the moment between our look and its lock.
        apt = ["apt-get", "-o", "DPkg::Lock::Timeout=%d" % LOCK_WAIT_SECONDS, "-q"]
        if subprocess.run(apt + ["install", "-y", "--no-install-recommends"] + missing,
                          env=env).returncode != 0:
            if subprocess.run(apt + ["update"], env=env).returncode != 0 or subprocess.run(
                    apt + ["install", "-y", "--no-install-recommends"] + missing,
                    env=env).returncode != 0:
                raise RuntimeError("apt-get could not install: " + " ".join(missing))
    finally:
        if not had_policy:
            os.remove(policy)
        stop_system_services()


# Services whose packages start a system-wide instance by other ways than invoke-rc.d (Postfix's
# postinst runs "postfix start" itself when it finds no init system), which policy-rc.d does
# not stop: the lab runs its own instances inside its namespaces. Name: (pid file, stop command).
SYSTEM_SERVICES = {
    "postfix": ("/var/spool/postfix/pid/master.pid", ["postfix", "-c", "/etc/postfix", "stop"]),
}


def in_our_namespace(pid):
    """Whether process `pid` runs in this process's network namespace (the build's: the root
    one), not in one of the lab's."""
    try:
        return os.readlink("/proc/%d/ns/net" % pid) == os.readlink("/proc/self/ns/net")
    except OSError:
        return False


def stop_system_services(services=None):
    """Stops the system-wide instances that installing the lab's packages may have left
    running (only those of the root namespace: the lab's own run in its namespaces). Returns
    the names of the services it stopped."""
    stopped = []
    for name, (pid_file, command) in (services or SYSTEM_SERVICES).items():
        try:
            with open(pid_file) as f:
                pid = int(f.read().strip())
        except (OSError, ValueError):
            continue
        if not in_our_namespace(pid):
            continue
        print("stopping the system-wide %s that the packages started" % name, flush=True)
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        stopped.append(name)
    return stopped
