"""File transfers over OpenSSH: scp, sftp and rsync, shaped by the clients' own rate limits."""
import os

from .base import App, folder, random_file, repeat_for, timed
from ..netns import run

SSH_OPTIONS = ["-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
               "-o", "LogLevel=ERROR", "-o", "BatchMode=yes"]


def start_sshd(lab):
    """One sshd for the three applications; root logs in with a key made for the build."""
    base = folder(lab, "ssh")
    key = os.path.join(base, "id")
    if not os.path.exists(key):
        run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key])
        run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", os.path.join(base, "host")])
    with open(os.path.join(base, "sshd_config"), "w") as f:
        f.write("Port 22\nListenAddress 0.0.0.0\nHostKey %s/host\nPermitRootLogin yes\n"
                "PasswordAuthentication no\nAuthorizedKeysFile %s/id.pub\nStrictModes no\n"
                "UsePAM no\nPidFile %s/sshd.pid\nSubsystem sftp internal-sftp\n"
                % (base, base, base))
    os.makedirs("/run/sshd", exist_ok=True)
    process = lab.start_server(["/usr/sbin/sshd", "-D", "-e", "-f",
                                os.path.join(base, "sshd_config")], "sshd")
    lab.wait_listening(22, process=process)
    data = folder(lab, "ssh", "data")
    return key, data


class SshApp(App):
    traffic = "File Transfer"
    packages = ["openssh-server", "openssh-client", "rsync"]

    def start(self, lab):
        self.identity, self.data = lab.shared("sshd", start_sshd)

    def parameters(self, rng, index):
        return {"direction": rng.choice(["up", "down"]),
                "size_mb": rng.choice([2, 5, 10, 20]),
                "kbit": rng.choice([2000, 5000, 10000, 20000, 40000])}

    def files(self, session):
        name = "%s-%d.bin" % (self.key, session.parameters["size_mb"])
        size = session.parameters["size_mb"] << 20
        local = random_file(os.path.join(self.data, "local-" + name), size, name)
        random_file(os.path.join(self.data, "remote-" + name), size, name + "r")
        return local, os.path.join(self.data, "remote-" + name)

    @staticmethod
    def source_and_target(session, server_ip, local, remote):
        """scp/rsync arguments: upload local to remote.up, or download remote to local.down."""
        target = "root@%s:%s" % (server_ip, remote)
        if session.parameters["direction"] == "up":
            return [local, target + ".up"]
        return [target, local + ".down"]


class Scp(SshApp):
    key = "scp"
    name = "SCP"

    def run(self, lab, server_ip, session):
        local, remote = self.files(session)
        p = session.parameters
        ssh = ["scp", "-q", "-i", self.identity, "-l", str(p["kbit"])] + SSH_OPTIONS
        pair = self.source_and_target(session, server_ip, local, remote)
        repeat_for(session.seconds, lambda left: timed(lab, ssh + pair, left))


class Sftp(SshApp):
    key = "sftp"
    name = "SFTP"

    def run(self, lab, server_ip, session):
        local, remote = self.files(session)
        p = session.parameters
        batch = os.path.join(self.data, "batch-%s-%02d" % (session.tunnel, session.index))
        with open(batch, "w") as f:
            if p["direction"] == "up":
                f.write("put %s %s.up\nls -l\n" % (local, remote))
            else:
                f.write("get %s %s.down\nls -l\n" % (remote, local))
        cmd = ["sftp", "-q", "-i", self.identity, "-l", str(p["kbit"]), "-b", batch] + SSH_OPTIONS + [
            "root@" + server_ip]
        repeat_for(session.seconds, lambda left: timed(lab, cmd, left))


class Rsync(SshApp):
    key = "rsync"
    name = "rsync"

    def run(self, lab, server_ip, session):
        local, remote = self.files(session)
        p = session.parameters
        shell = " ".join(["ssh", "-i", self.identity] + SSH_OPTIONS)
        pair = self.source_and_target(session, server_ip, local, remote)

        # --whole-file and a fresh destination each time: the bytes cross the wire every time.
        # (Both namespaces share the file system.)
        def step(left):
            for stale in (local + ".down", remote + ".up"):
                if os.path.exists(stale):
                    os.remove(stale)
            timed(lab, ["rsync", "--whole-file", "--bwlimit", str(p["kbit"] // 8), "-e", shell]
                  + pair, left)
        repeat_for(session.seconds, step)
