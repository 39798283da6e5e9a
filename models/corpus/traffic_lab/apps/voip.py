"""VoIP: SIP calls with RTP audio (G.711 A-law) between SIPp user agents; the called side
echoes the media back, so audio flows both ways as in a conversation."""
import glob
import os
import shutil

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
