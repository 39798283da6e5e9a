"""VoIP: SIP calls with RTP audio (G.711 A-law) between SIPp user agents; the called side
echoes the media back, so audio flows both ways as in a conversation."""
import glob
import os
import shutil
import signal
import time

from .base import App, folder


class Sip(App):
    key = "sip"
    name = "SIP voice"
    traffic = "VoIP"
    scale = 2.0
    packages = ["sip-tester"]

    def start(self, lab):
        # uac_pcap plays pcap/g711a.pcap and the DTMF tones pcap/dtmf_*.pcap from its working
        # folder.
        self.work = folder(lab, "sipp")
        os.makedirs(os.path.join(self.work, "pcap"), exist_ok=True)
        for name in glob.glob("/usr/share/sip-tester/*.pcap"):
            shutil.copy(name, os.path.join(self.work, "pcap"))

    def parameters(self, rng, index):
        return {"calls": rng.choice([1, 2, 4, 8]), "rate_per_s": rng.choice([0.5, 1, 2]),
                "hold_ms": rng.choice([2000, 5000, 10000])}

    def run(self, lab, server_ip, session):
        p = session.parameters
        client_ip = server_ip.rsplit(".", 1)[0] + ".2"
        # A fresh callee per session, bound to the address the caller reaches (the tunnel's
        # inside address when there is one), so that the media follows the signalling.
        uas = lab.start_server(["sipp", "-sn", "uas", "-rtp_echo", "-i", server_ip, "-p", "5060",
                                "-nostdin", "-trace_err"],
                               "sipp-uas-" + session.file, cwd=self.work)
        lab.wait_listening(5060, udp=True, process=uas)
        lab.client(["timeout", "--signal=INT", "%.0f" % (session.seconds + 15), "sipp", "-sn",
                    "uac_pcap", "-i", client_ip, "-p", "5070", "-r", str(p["rate_per_s"]),
                    "-l", str(p["calls"]), "-d", str(p["hold_ms"]), "-timeout",
                    "%.0f" % session.seconds, "-nostdin", "-trace_err",
                    server_ip + ":5060"], check=False, cwd=self.work)
        lab.stop(uas)


def opus_sdp(path, address, port):
    """The session description a receiving ffmpeg reads: Opus on RTP payload type 97."""
    with open(path, "w") as f:
        f.write("v=0\no=- 0 0 IN IP4 {a}\ns=lab call\nc=IN IP4 {a}\nt=0 0\n"
                "m=audio {p} RTP/AVP 97\na=rtpmap:97 opus/48000/2\n".format(a=address, p=port))
    return path


class OpusCall(App):
    """VoIP with other programs and another codec: a call of Opus audio over plain RTP both
    ways (as WebRTC-style softphones send it), without SIP, between two ffmpeg pairs."""
    key = "rtp-opus"
    name = "Opus call"
    traffic = "VoIP"
    scale = 2.0
    packages = ["ffmpeg"]

    def start(self, lab):
        self.work = folder(lab, "opus")

    def parameters(self, rng, index):
        return {"kbit": rng.choice([12, 24, 32, 64]), "frame_ms": rng.choice([20, 20, 40, 60]),
                "source": rng.choice(["pink", "white", "sine"])}

    def run(self, lab, server_ip, session):
        p = session.parameters
        client_ip = server_ip.rsplit(".", 1)[0] + ".2"
        seconds = "%.1f" % session.seconds
        source = ("sine=frequency=300:sample_rate=48000" if p["source"] == "sine" else
                  "anoisesrc=color=%s:amplitude=0.3:sample_rate=48000" % p["source"])
        started = []
        # Each side receives on its port and sends to the other's.
        for side, here, there, port_in, port_out in (("server", server_ip, client_ip, 7078, 7080),
                                                      ("client", client_ip, server_ip, 7080, 7078)):
            sdp = opus_sdp(os.path.join(self.work, "%s-%s.sdp" % (session.file, side)), here,
                           port_in)
            receive = ["timeout", "--signal=INT", "%.0f" % (session.seconds + 5), "ffmpeg",
                       "-loglevel", "error", "-protocol_whitelist", "file,udp,rtp", "-i", sdp,
                       "-f", "null", "-"]
            start = lab.start_server if side == "server" else lab.start_client
            started.append(start(receive, "opus-in-%s-%s" % (side, session.file)))
        time.sleep(0.5)
        for side, there, port_out in (("server", client_ip, 7080), ("client", server_ip, 7078)):
            send = ["ffmpeg", "-loglevel", "error", "-re", "-f", "lavfi", "-i", source, "-t",
                    seconds, "-c:a", "libopus", "-b:a", "%dk" % int(p["kbit"]),
                    "-frame_duration", str(p["frame_ms"]), "-application", "voip",
                    "-payload_type", "97", "-f", "rtp", "rtp://%s:%d" % (there, port_out)]
            start = lab.start_server if side == "server" else lab.start_client
            started.append(start(send, "opus-out-%s-%s" % (side, session.file)))
        time.sleep(session.seconds + 1)
        for process in started:
            lab.stop(process, signal.SIGINT)
