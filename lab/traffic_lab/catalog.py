"""Every application of the lab, in a fixed order."""
from .apps import browsing, chat, email, ftp, ssh, streaming, tor, torrent, voip, web


def all_apps():
    return [chat.Irc(), chat.Xmpp(), email.Smtp(), email.Imap(), email.Pop3(), ssh.Scp(),
            ssh.Sftp(), ssh.Rsync(), ftp.Ftp(), ftp.FtpLftp(), ftp.Ftps(), web.HttpsDownload(),
            web.HttpsWget(), web.Hls(), web.Dash(), streaming.Icecast(), voip.Sip(),
            voip.OpusCall(), torrent.BitTorrent(),
            torrent.QbittorrentLeech(), browsing.Chromium(), tor.Tor()]


def select(keys):
    apps = all_apps()
    if not keys:
        return apps
    known = {a.key: a for a in apps}
    unknown = [k for k in keys if k not in known]
    if unknown:
        raise ValueError("unknown applications: %s (known: %s)" %
                         (", ".join(unknown), ", ".join(sorted(known))))
    return [known[k] for k in keys]
