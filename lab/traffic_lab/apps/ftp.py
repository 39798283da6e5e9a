"""FTP and explicit FTPS (AUTH TLS) with vsftpd; anonymous downloads and uploads with curl."""
import os

from .base import App, folder, random_file, repeat_for, server_certificate, timed


def start_vsftpd(lab):
    """vsftpd for FTP and FTPS, anonymous access to its root (returned)."""
    base = folder(lab, "vsftpd")
    root = folder(lab, "vsftpd", "root")
    upload = folder(lab, "vsftpd", "root", "upload")
    os.chmod(root, 0o555)  # vsftpd refuses a writable anonymous root
    os.chmod(upload, 0o777)
    os.makedirs("/var/run/vsftpd/empty", exist_ok=True)
    key, crt = server_certificate(lab)
    conf = os.path.join(base, "vsftpd.conf")
    with open(conf, "w") as f:
        f.write("listen=YES\nlisten_address=0.0.0.0\nanonymous_enable=YES\nlocal_enable=NO\n"
                "write_enable=YES\nanon_upload_enable=YES\nanon_other_write_enable=YES\n"
                "anon_umask=022\nanon_root=%s\nno_anon_password=YES\n"
                "pasv_enable=YES\npasv_min_port=40000\npasv_max_port=40100\n"
                "ssl_enable=YES\nallow_anon_ssl=YES\nforce_anon_data_ssl=NO\n"
                "force_anon_logins_ssl=NO\nrsa_cert_file=%s\nrsa_private_key_file=%s\n"
                "require_ssl_reuse=NO\nssl_ciphers=HIGH\nseccomp_sandbox=NO\n"
                "secure_chroot_dir=/var/run/vsftpd/empty\nxferlog_enable=NO\n"
                "max_per_ip=0\nmax_clients=0\n" % (root, crt, key))
    process = lab.start_server(["vsftpd", conf], "vsftpd")
    lab.wait_listening(21, process=process)
    return root


class Ftp(App):
    key = "ftp"
    name = "FTP"
    traffic = "File Transfer"
    packages = ["vsftpd", "curl"]
    tls = False

    def start(self, lab):
        self.root = lab.shared("vsftpd", start_vsftpd)
        self.local = folder(lab, "ftp-client")

    def parameters(self, rng, index):
        return {"direction": rng.choice(["up", "down"]), "size_mb": rng.choice([1, 4, 16, 32]),
                "kbyte_s": rng.choice([250, 500, 1000, 2500, 5000])}

    def run(self, lab, server_ip, session):
        p = session.parameters
        name = "file-%d.bin" % p["size_mb"]
        remote = random_file(os.path.join(self.root, name), p["size_mb"] << 20, name)
        os.chmod(remote, 0o644)
        local = random_file(os.path.join(self.local, name), p["size_mb"] << 20, name + "u")
        cmd = ["curl", "-s", "--limit-rate", "%dk" % p["kbyte_s"]]
        if self.tls:
            cmd += ["--ssl-reqd", "-k"]
        count = [0]

        def step(left):
            count[0] += 1
            if p["direction"] == "down":
                target = ["-o", "/dev/null", "ftp://%s/%s" % (server_ip, name)]
            else:  # a new name each time: anonymous users may not overwrite
                target = ["-T", local, "ftp://%s/upload/%s-%s-%02d-%d" % (
                    server_ip, self.key, session.tunnel, session.index, count[0])]
            timed(lab, cmd + target, left)

        repeat_for(session.seconds, step)


class Ftps(Ftp):
    key = "ftps"
    name = "FTPS"
    tls = True


class FtpLftp(Ftp):
    """The same FTP server with another client program: lftp (its own command pattern,
    passive mode, and segmented downloads when asked)."""
    key = "ftp-lftp"
    packages = ["vsftpd", "lftp"]

    def parameters(self, rng, index):
        params = super().parameters(rng, index)
        params["segments"] = rng.choice([1, 1, 3])
        return params

    def run(self, lab, server_ip, session):
        p = session.parameters
        name = "file-%d.bin" % int(p["size_mb"])
        size = int(p["size_mb"]) << 20
        remote = random_file(os.path.join(self.root, name), size, name)
        os.chmod(remote, 0o644)
        local = random_file(os.path.join(self.local, name), size, name + "u")
        count = [0]

        def step(left):
            count[0] += 1
            if p["direction"] == "down":
                action = ("pget -n %d -o /dev/null %s" % (int(p["segments"]), name)
                          if int(p["segments"]) > 1 else "get -o /dev/null %s" % name)
            else:
                action = "put %s -o upload/%s-%s-%02d-%d" % (local, self.key, session.tunnel,
                                                             session.index, count[0])
            script = ("set net:limit-rate %d; set ftp:passive-mode on; %s; bye" %
                      (int(p["kbyte_s"]) * 1024, action))
            timed(lab, ["lftp", "-e", script, "-u", "anonymous,", "ftp://%s" % server_ip], left)

        repeat_for(session.seconds, step)
