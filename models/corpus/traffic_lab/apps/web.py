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
        root = lab.shared("nginx", start_nginx)
        for rate in self.RATES:
            out = folder(lab, "nginx", "www", "hls%d" % rate)
            if os.path.exists(os.path.join(out, "index.m3u8")):
                continue
            # Two minutes of synthetic video and a tone, cut into 2-second segments.
            run(["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i",
                 "testsrc2=size=%s:rate=25" % ("640x360" if rate < 1000 else "1280x720"),
                 "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "120",
                 "-c:v", "libx264", "-preset", "veryfast", "-b:v", "%dk" % rate,
                 "-maxrate", "%dk" % rate, "-bufsize", "%dk" % (2 * rate), "-g", "50",
                 "-c:a", "aac", "-b:a", "96k", "-f", "hls", "-hls_time", "2",
                 "-hls_playlist_type", "vod", "-hls_segment_filename",
                 os.path.join(out, "seg%03d.ts"), os.path.join(out, "index.m3u8")])
        self.root = root

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
        root = lab.shared("nginx", start_nginx)
        for rate in self.RATES:
            out = folder(lab, "nginx", "www", "dash%d" % rate)
            if os.path.exists(os.path.join(out, "manifest.mpd")):
                continue
            run(["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i",
                 "testsrc=size=%s:rate=30" % ("854x480" if rate < 1000 else "1280x720"),
                 "-f", "lavfi", "-i", "sine=frequency=660:sample_rate=48000", "-t", "120",
                 "-c:v", "libx264", "-preset", "veryfast", "-b:v", "%dk" % rate,
                 "-maxrate", "%dk" % rate, "-bufsize", "%dk" % (2 * rate), "-g", "60",
                 "-c:a", "aac", "-b:a", "128k", "-f", "dash", "-seg_duration", "4",
                 "-use_template", "1", "-use_timeline", "0",
                 os.path.join(out, "manifest.mpd")])
        self.root = root

    def parameters(self, rng, index):
        return {"kbit": rng.choice(self.RATES), "speed": rng.choice([1.0, 1.0, 2.0])}

    def run(self, lab, server_ip, session):
        p = session.parameters
        url = "https://%s/dash%s/manifest.mpd" % (server_ip, p["kbit"])
        cmd = ["ffmpeg", "-loglevel", "error", "-tls_verify", "0", "-readrate", str(p["speed"]),
               "-i", url, "-map", "0", "-f", "null", "-"]
        repeat_for(session.seconds, lambda left: timed(lab, cmd, left))
