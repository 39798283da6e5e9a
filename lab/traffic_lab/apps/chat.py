"""Chat: IRC over TLS (ngircd) and XMPP with STARTTLS (Prosody), between bots."""
import os
import sys

from .base import App, folder, server_certificate, timed

CLIENTS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "clients")


def bot_arguments(session):
    """The bots' command-line arguments after the server's: BOTS SECONDS MEAN_GAP MIN_LEN
    MAX_LEN SEED (see clients/*_bots.py). They stop a little before the capture does."""
    p = session.parameters
    low, high = p["words"].split("-")
    return [str(p["bots"]), str(session.seconds - 3), str(p["gap_s"]), low, high, session.file]


def chat_parameters(rng):
    return {"bots": rng.choice([2, 3, 4, 6]), "gap_s": rng.choice([0.02, 0.05, 0.1, 0.3]),
            "words": rng.choice(["1-5", "3-20", "10-60"])}


class Irc(App):
    key = "irc"
    name = "IRC"
    traffic = "Chat"
    scale = 2.0
    packages = ["ngircd", "python3"]

    def start(self, lab):
        base = folder(lab, "ngircd")
        key, crt = server_certificate(lab)
        conf = os.path.join(base, "ngircd.conf")
        with open(conf, "w") as f:
            f.write("[Global]\nName = irc.lab.test\nInfo = lab\nPorts = 6667\n"
                    "Listen = 0.0.0.0\nPidFile = %s/ngircd.pid\nMotdPhrase = lab\n"
                    "[Limits]\nMaxNickLength = 16\nMaxConnectionsIP = 0\n"
                    "[Options]\nPAM = no\nIdent = no\nDNS = no\n"
                    "[SSL]\nCertFile = %s\nKeyFile = %s\nPorts = 6697\n"
                    "[Channel]\nName = #lab\n" % (base, crt, key))
        process = lab.start_server(["ngircd", "-n", "-f", conf], "ngircd")
        lab.wait_listening(6697, process=process)

    def parameters(self, rng, index):
        return chat_parameters(rng)

    def run(self, lab, server_ip, session):
        timed(lab, [sys.executable, os.path.join(CLIENTS, "irc_bots.py"), server_ip, "6697"]
              + bot_arguments(session), session.seconds + 10)


class Xmpp(App):
    key = "xmpp"
    name = "XMPP"
    traffic = "Chat"
    scale = 2.0
    packages = ["prosody", "python3-slixmpp"]
    PASSWORD = "lab-password"

    def start(self, lab):
        base = folder(lab, "prosody")
        data = folder(lab, "prosody", "data")
        key, crt = server_certificate(lab)
        conf = os.path.join(base, "prosody.cfg.lua")
        with open(conf, "w") as f:
            f.write("""run_as_root = true
pidfile = "{base}/prosody.pid"
data_path = "{data}"
log = {{ info = "{base}/prosody.log" }}
modules_enabled = {{ "roster", "saslauth", "tls", "disco", "ping", "presence" }}
c2s_require_encryption = true
allow_unencrypted_plain_auth = false
authentication = "internal_hashed"
ssl = {{ key = "{key}", certificate = "{crt}" }}
c2s_interfaces = {{ "0.0.0.0" }}
s2s_ports = {{ }}
VirtualHost "lab.test"
""".format(base=base, data=data, key=key, crt=crt))
        for i in range(8):
            lab.server(["prosodyctl", "--config", conf, "register", "bot%d" % i, "lab.test",
                        self.PASSWORD])
        process = lab.start_server(["prosody", "--config", conf, "-F"], "prosody")
        lab.wait_listening(5222, process=process)

    def parameters(self, rng, index):
        return chat_parameters(rng)

    def run(self, lab, server_ip, session):
        # Debian's slixmpp is for Debian's Python.
        timed(lab, ["/usr/bin/python3", os.path.join(CLIENTS, "xmpp_bots.py"), server_ip,
                    "lab.test", self.PASSWORD] + bot_arguments(session), session.seconds + 10)
