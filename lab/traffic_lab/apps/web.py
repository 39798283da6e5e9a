"""nginx over HTTPS: file downloads with curl, HLS video played by ffmpeg, and the pages a
headless browser reads."""
import os

from .base import App, folder, random_file, repeat_for, server_certificate, timed
from ..netns import run


def start_nginx(lab):
    """One nginx (HTTPS on 443, HTTP/1.1) serving the build's web folder."""
    base = folder(lab, "nginx")
    root = folder(lab, "nginx", "www")
    key, crt = server_certificate(lab)
    for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        folder(lab, "nginx", "tmp", sub)
    conf = os.path.join(base, "nginx.conf")
    with open(conf, "w") as f:
        f.write("""worker_processes 1;
pid {base}/nginx.pid;
error_log {base}/error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {base}/tmp/client_body;
    proxy_temp_path {base}/tmp/proxy;
    fastcgi_temp_path {base}/tmp/fastcgi;
    uwsgi_temp_path {base}/tmp/uwsgi;
    scgi_temp_path {base}/tmp/scgi;
    sendfile on;
    server {{
        listen 443 ssl;
        ssl_certificate {crt};
        ssl_certificate_key {key};
        root {root};
    }}
}}
""".format(base=base, crt=crt, key=key, root=root))
    process = lab.start_server(["nginx", "-c", conf, "-g", "daemon off;"], "nginx")
    lab.wait_listening(443, process=process)
    return root


def encode_renditions(lab, prefix, index, rates, source, small, fps, tone, gop, audio, muxer):
    """Encodes two minutes of synthetic video (lavfi `source` at `fps`, `small` below 1 Mbit/s
    and 1280x720 above) and a tone into the web folder's PREFIXRATE/ folders, one per video
    rate (kbit/s), with the options muxer(out) for the streaming format, unless they are there;
    returns the web root."""
    root = lab.shared("nginx", start_nginx)
    for rate in rates:
        out = folder(lab, "nginx", "www", "%s%d" % (prefix, rate))
        if os.path.exists(os.path.join(out, index)):
            continue
        run(["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i",
             "%s=size=%s:rate=%d" % (source, small if rate < 1000 else "1280x720", fps),
             "-f", "lavfi", "-i", "sine=frequency=" + tone, "-t", "120",
             "-c:v", "libx264", "-preset", "veryfast", "-b:v", "%dk" % rate,
             "-maxrate", "%dk" % rate, "-bufsize", "%dk" % (2 * rate), "-g", str(gop),
             "-c:a", "aac", "-b:a", audio] + muxer(out) + [os.path.join(out, index)])
    return root


class HttpsDownload(App):
    key = "https"
    name = "HTTPS download"
    traffic = "File Transfer"
    packages = ["nginx-light", "curl"]

    def start(self, lab):
        self.root = lab.shared("nginx", start_nginx)
        folder(lab, "nginx", "www", "files")

    def parameters(self, rng, index):
        return {"size_mb": rng.choice([1, 4, 16, 64]), "kbyte_s": rng.choice([200, 500, 1000,
                                                                            2500, 5000]),
                "parallel": rng.choice([1, 1, 2, 3])}

    def run(self, lab, server_ip, session):
        p = session.parameters
        name = "file-%d.bin" % p["size_mb"]
        random_file(os.path.join(self.root, "files", name), p["size_mb"] << 20, name)
        url = "https://%s/files/%s" % (server_ip, name)
        cmd = ["curl", "-sk", "--limit-rate", "%dk" % p["kbyte_s"]]
        if p["parallel"] > 1:
            cmd += ["--parallel", "--parallel-max", str(p["parallel"])]
        cmd += ["-o", "/dev/null", url] * p["parallel"]  # -o names one URL's output
        repeat_for(session.seconds, lambda left: timed(lab, cmd, left))


class Hls(App):
    key = "hls"
    name = "HLS video"
    traffic = "Streaming"
    packages = ["nginx-light", "ffmpeg"]
    RATES = (400, 1200, 3000)  # kbit/s of the video renditions

    def start(self, lab):
        # Two minutes of synthetic video and a tone, cut into 2-second segments.
        self.root = encode_renditions(
            lab, "hls", "index.m3u8", self.RATES, "testsrc2", "640x360", 25,
            "440:sample_rate=44100", 50, "96k", lambda out: ["-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod",
                                "-hls_segment_filename", os.path.join(out, "seg%03d.ts")])

    def parameters(self, rng, index):
        return {"kbit": rng.choice(self.RATES), "start_s": rng.choice([0, 20, 40, 60]),
                "speed": rng.choice([1.0, 1.0, 1.5])}

    def run(self, lab, server_ip, session):
        p = session.parameters
        url = "https://%s/hls%d/index.m3u8" % (server_ip, p["kbit"])
        # -re plays in real time, as a player would; -readrate speeds it up a little.
        cmd = ["ffmpeg", "-loglevel", "error", "-tls_verify", "0", "-readrate", str(p["speed"]),
               "-ss", str(p["start_s"]), "-i", url, "-f", "null", "-"]
        repeat_for(session.seconds, lambda left: timed(lab, cmd, left))


class HttpsWget(HttpsDownload):
    """The same downloads with another client program: wget (its own TLS library, GnuTLS,
    request pattern and receive buffers)."""
    key = "https-wget"
    packages = ["nginx-light", "wget"]

    def run(self, lab, server_ip, session):
        p = session.parameters
        name = "file-%d.bin" % p["size_mb"]
        random_file(os.path.join(self.root, "files", name), p["size_mb"] << 20, name)
        cmd = ["wget", "-q", "--no-check-certificate", "--limit-rate", "%dk" % p["kbyte_s"],
               "-O", "/dev/null", "https://%s/files/%s" % (server_ip, name)]
        repeat_for(session.seconds, lambda left: timed(lab, cmd, left))


class Dash(App):
    """MPEG-DASH video from nginx over HTTPS (fragmented MP4 segments, separate audio and
    video streams), played in real time by ffmpeg."""
    key = "dash"
    name = "DASH video"
    traffic = "Streaming"
    packages = ["nginx-light", "ffmpeg"]
    RATES = (600, 2000)

    def start(self, lab):
        # Two minutes of another synthetic video and tone, in 4-second fragmented MP4 segments.
        self.root = encode_renditions(
            lab, "dash", "manifest.mpd", self.RATES, "testsrc", "854x480", 30,
            "660:sample_rate=48000", 60, "128k", lambda out: ["-f", "dash", "-seg_duration", "4", "-use_template", "1",
                                 "-use_timeline", "0"])

    def parameters(self, rng, index):
        return {"kbit": rng.choice(self.RATES), "speed": rng.choice([1.0, 1.0, 2.0])}

    def run(self, lab, server_ip, session):
        p = session.parameters
        url = "https://%s/dash%s/manifest.mpd" % (server_ip, p["kbit"])
        cmd = ["ffmpeg", "-loglevel", "error", "-tls_verify", "0", "-readrate", str(p["speed"]),
               "-i", url, "-map", "0", "-f", "null", "-"]
        repeat_for(session.seconds, lambda left: timed(lab, cmd, left))
