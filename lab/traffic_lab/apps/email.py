"""Email: Postfix takes submissions (port 587, STARTTLS, SASL through Dovecot) sent by swaks;
Dovecot serves IMAPS (993) and POP3S (995), read with curl."""
import os
import random

from .base import App, folder, repeat_for, server_certificate, timed
from ..netns import run

USERS = ["alice", "bob", "carol", "dave"]
PASSWORD = "lab-mail"
MAIL_UID = 8  # Debian's "mail" user owns the mailboxes


def start_mail(lab):
    """Dovecot and Postfix for the two mail applications; returns the mailboxes' folder."""
    key, crt = server_certificate(lab)
    mail = folder(lab, "mail", "boxes")
    os.chown(mail, MAIL_UID, MAIL_UID)
    start_dovecot(lab, key, crt, mail)
    start_postfix(lab, key, crt, mail)
    return mail


def start_dovecot(lab, key, crt, mail):
    base = folder(lab, "mail", "dovecot")
    users = os.path.join(base, "users")
    with open(users, "w") as f:
        for u in USERS:
            f.write("%s@lab.test:{PLAIN}%s\n" % (u, PASSWORD))
    postfix_private = folder(lab, "mail", "postfix", "queue", "private")
    # POP3 only where its package is installed (the POP3 application brings it).
    protocols = "imap pop3" if os.path.exists("/usr/lib/dovecot/pop3") else "imap"
    conf = os.path.join(base, "dovecot.conf")
    with open(conf, "w") as f:
        f.write("""protocols = {protocols}
listen = *
base_dir = {base}/run
state_dir = {base}/state
log_path = {base}/dovecot.log
ssl = required
ssl_cert = <{crt}
ssl_key = <{key}
first_valid_uid = {uid}
mail_location = maildir:{mail}/%d/%n
auth_mechanisms = plain login
passdb {{
  driver = passwd-file
  args = {users}
}}
userdb {{
  driver = static
  args = uid={uid} gid={uid} home={mail}/%d/%n
}}
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
}}
service auth {{
  unix_listener {private}/auth {{
    mode = 0666
  }}
}}
""".format(base=base, crt=crt, key=key, uid=MAIL_UID, mail=mail, users=users,
       private=postfix_private, protocols=protocols))
    process = lab.start_server(["dovecot", "-F", "-c", conf], "dovecot")
    lab.wait_listening(993, process=process)


def start_postfix(lab, key, crt, mail):
    base = folder(lab, "mail", "postfix")
    queue = os.path.join(base, "queue")
    with open(os.path.join(base, "main.cf"), "w") as f:
        f.write("""compatibility_level = 3.6
queue_directory = {queue}
data_directory = {base}/data
mail_owner = postfix
myhostname = mail.lab.test
mydomain = lab.test
mydestination =
inet_interfaces = all
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
maillog_file = /dev/stdout
smtpd_tls_cert_file = {crt}
smtpd_tls_key_file = {key}
smtpd_tls_security_level = may
smtpd_sasl_type = dovecot
smtpd_sasl_path = private/auth
virtual_mailbox_domains = lab.test
virtual_mailbox_base = {mail}
virtual_mailbox_maps = static:lab.test/inbox/
virtual_uid_maps = static:{uid}
virtual_gid_maps = static:{uid}
virtual_minimum_uid = {uid}
message_size_limit = 104857600
virtual_mailbox_limit = 0
smtpd_recipient_restrictions = permit_sasl_authenticated, reject
""".format(queue=queue, base=base, crt=crt, key=key, mail=mail, uid=MAIL_UID))
    services = [
        ("submission", "inet", "n", "-", "smtpd -o smtpd_tls_security_level=encrypt "
         "-o smtpd_sasl_auth_enable=yes"),
        ("pickup", "unix", "n", "1", "pickup"), ("cleanup", "unix", "n", "0", "cleanup"),
        ("qmgr", "unix", "n", "1", "qmgr"), ("tlsmgr", "unix", "-", "1", "tlsmgr"),
        ("rewrite", "unix", "-", "-", "trivial-rewrite"),
        ("bounce", "unix", "-", "0", "bounce"), ("defer", "unix", "-", "0", "bounce"),
        ("trace", "unix", "-", "0", "bounce"), ("verify", "unix", "-", "1", "verify"),
        ("flush", "unix", "n", "0", "flush"), ("proxymap", "unix", "-", "-", "proxymap"),
        ("smtp", "unix", "-", "-", "smtp"), ("relay", "unix", "-", "-", "smtp"),
        ("showq", "unix", "n", "-", "showq"), ("error", "unix", "-", "-", "error"),
        ("retry", "unix", "-", "-", "error"), ("discard", "unix", "-", "-", "discard"),
        ("virtual", "unix", "-", "-", "virtual"), ("anvil", "unix", "-", "1", "anvil"),
        ("scache", "unix", "-", "1", "scache"), ("postlog", "unix-dgram", "n", "1",
                                                 "postlogd")]
    with open(os.path.join(base, "master.cf"), "w") as f:
        for name, kind, private, limit, command in services:
            # No chroot: the queue lives in the build's folder.
            # virtual(8) writes mailboxes as their owner: it must run privileged.
            unprivileged = "n" if name == "virtual" else "-"
            f.write("%-10s %-10s %s %s n - %s %s\n" % (name, kind, private, unprivileged,
                                                      limit, command))
    env = dict(os.environ, MAIL_CONFIG=base)
    lab.server(["postfix", "-c", base, "set-permissions"], check=False, env=env)
    lab.server(["postfix", "-c", base, "check"], check=False, env=env)  # creates the queue
    process = lab.start_server(["postfix", "-c", base, "start-fg"], "postfix", env=env)
    lab.wait_listening(587, process=process)


def fill_mailboxes(lab):
    """Mailboxes filled directly (maildir), with messages of many sizes, for the readers."""
    mail = lab.shared("mail", start_mail)
    rng = random.Random("imap")
    for user in USERS:
        box = os.path.join(mail, "lab.test", user)
        for sub in ("new", "cur", "tmp"):
            os.makedirs(os.path.join(box, sub), exist_ok=True)
        for i in range(40):
            size = rng.choice([500, 2000, 20000, 200000, 1000000])
            with open(os.path.join(box, "cur", "%d.lab%d:2,S" % (i + 1, i)), "w") as f:
                f.write("From: lab@lab.test\nTo: %s@lab.test\nSubject: message %d\n\n" %
                        (user, i))
                f.write(("%x" % rng.getrandbits(256)) * (size // 64 + 1))
        run(["chown", "-R", "%d:%d" % (MAIL_UID, MAIL_UID), box])


def read_mail(lab, session, urls_of):
    """A mail reader's session: curl fetches urls_of(rng) over TLS as the session's user, then
    waits a random gap (mean gap_s), until the time is up."""
    p = session.parameters
    rng = random.Random(session.file)
    base = ["curl", "-s", "-k", "--ssl-reqd", "-u", "%s@lab.test:%s" % (p["user"], PASSWORD)]

    def step(left):
        urls = urls_of(rng)
        timed(lab, base + [a for url in urls for a in ("-o", "/dev/null", url)], left)
        timed(lab, ["sleep", str(rng.expovariate(1.0 / float(p["gap_s"])))], left)

    repeat_for(session.seconds, step)


class Smtp(App):
    key = "smtp"
    name = "SMTP mail"
    traffic = "Email"
    scale = 2.0
    packages = ["postfix", "dovecot-imapd", "swaks", "libnet-ssleay-perl", "libauthen-sasl-perl",
                "libio-socket-ssl-perl"]

    def start(self, lab):
        lab.shared("mail", start_mail)
        self.attachments = folder(lab, "mail", "attachments")

    def parameters(self, rng, index):
        return {"attachment_kb": rng.choice([0, 16, 64, 512, 2048]),
                "gap_s": rng.choice([0.1, 0.3, 1.0]), "body_lines": rng.choice([3, 30, 300])}

    def run(self, lab, server_ip, session):
        p = session.parameters
        rng = random.Random(session.file)
        attach = []
        if p["attachment_kb"]:
            path = os.path.join(self.attachments, "a%d.bin" % p["attachment_kb"])
            if not os.path.exists(path):
                with open(path, "wb") as f:
                    f.write(random.Random(path).randbytes(p["attachment_kb"] * 1024))
            attach = ["--attach-type", "application/octet-stream", "--attach", "@" + path]
        body = "\n".join("line %d of a message from the lab" % i for i in range(p["body_lines"]))

        def step(left):
            sender, recipient = rng.sample(USERS, 2)
            timed(lab, ["swaks", "-S", "2", "--server", server_ip, "--port", "587", "--tls",
                        "--auth", "PLAIN", "--auth-user", sender + "@lab.test", "--auth-password",
                        PASSWORD, "--from", sender + "@lab.test", "--to", recipient + "@lab.test",
                        "--header", "Subject: lab %s" % session.file, "--body", body] + attach, left)
            timed(lab, ["sleep", str(rng.expovariate(1.0 / p["gap_s"]))], left)

        repeat_for(session.seconds, step)


class Imap(App):
    key = "imap"
    name = "IMAP mail"
    traffic = "Email"
    scale = 2.0
    packages = ["dovecot-imapd", "postfix", "curl"]

    def start(self, lab):
        lab.shared("mailboxes", fill_mailboxes)

    def parameters(self, rng, index):
        return {"user": rng.choice(USERS), "fetches": rng.choice([1, 3, 10]),
                "gap_s": rng.choice([0.2, 1.0, 3.0])}

    def run(self, lab, server_ip, session):
        read_mail(lab, session, lambda rng: ["imaps://%s/INBOX" % server_ip] + [
            "imaps://%s/INBOX;UID=%d" % (server_ip, rng.randint(1, 40))
            for _ in range(int(session.parameters["fetches"]))])


class Pop3(App):
    """Another reader of the same mailboxes: POP3 over TLS (995), listing and retrieving
    messages as a mail client that keeps them on the server does."""
    key = "pop3"
    name = "POP3 mail"
    traffic = "Email"
    scale = 2.0
    packages = ["dovecot-imapd", "dovecot-pop3d", "postfix", "curl"]

    def start(self, lab):
        lab.shared("mailboxes", fill_mailboxes)
        lab.wait_listening(995)

    def parameters(self, rng, index):
        return {"user": rng.choice(USERS), "retrieves": rng.choice([1, 2, 5]),
                "gap_s": rng.choice([0.5, 2.0, 5.0])}

    def run(self, lab, server_ip, session):
        read_mail(lab, session, lambda rng: ["pop3s://%s/" % server_ip] + [
            "pop3s://%s/%d" % (server_ip, rng.randint(1, 40))
            for _ in range(int(session.parameters["retrieves"]))])
