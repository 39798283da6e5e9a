"""Internet radio: an Icecast server fed by ffmpeg, heard by listeners."""
import os

from .base import App, folder, repeat_for, timed


class Icecast(App):
    key = "icecast"
    name = "Icecast radio"
    traffic = "Streaming"
    packages = ["icecast2", "ffmpeg", "curl"]
    RATES = (64, 128, 192, 320)
    PASSWORD = "lab-source"

    def start(self, lab):
        base = folder(lab, "icecast")
        logs = folder(lab, "icecast", "log")
        os.system("chown icecast2 %s" % logs)
        conf = os.path.join(base, "icecast.xml")
        with open(conf, "w") as f:
            f.write("""<icecast>
  <limits><clients>100</clients><sources>10</sources></limits>
  <authentication><source-password>{pw}</source-password>
    <admin-user>admin</admin-user><admin-password>{pw}</admin-password></authentication>
  <hostname>radio.lab.test</hostname>
  <listen-socket><port>8000</port></listen-socket>
  <paths><basedir>/usr/share/icecast2</basedir><logdir>{logs}</logdir>
    <webroot>/usr/share/icecast2/web</webroot><adminroot>/usr/share/icecast2/admin</adminroot>
  </paths>
  <logging><errorlog>error.log</errorlog><loglevel>2</loglevel></logging>
  <security><chroot>0</chroot><changeowner><user>icecast2</user><group>icecast</group>
  </changeowner></security>
</icecast>
""".format(pw=self.PASSWORD, logs=logs))
        process = lab.start_server(["icecast2", "-c", conf], "icecast")
        lab.wait_listening(8000, process=process)
        # One station per bit rate, a chord that changes so that the encoder has work to do.
        for rate in self.RATES:
            lab.start_server(
                ["ffmpeg", "-loglevel", "error", "-re", "-f", "lavfi", "-i",
                 "aevalsrc=0.3*sin(%d*2*PI*t)+0.2*sin((330+50*sin(t))*2*PI*t):s=44100:c=2"
                 % (200 + rate), "-c:a", "libmp3lame", "-b:a", "%dk" % rate,
                 "-content_type", "audio/mpeg", "-f", "mp3",
                 "icecast://source:%s@127.0.0.1:8000/radio%d.mp3" % (self.PASSWORD, rate)],
                "icecast-source-%d" % rate)

    def parameters(self, rng, index):
        return {"kbit": rng.choice(self.RATES), "listeners": rng.choice([1, 2, 3, 5])}

    def run(self, lab, server_ip, session):
        p = session.parameters
        url = "http://%s:8000/radio%d.mp3" % (server_ip, p["kbit"])
        listeners = [lab.start_client(["curl", "-s", "-o", "/dev/null", url],
                                      "icecast-listener-%d" % i)
                     for i in range(p["listeners"] - 1)]
        repeat_for(session.seconds, lambda left: timed(lab, ["curl", "-s", "-o", "/dev/null",
                                                             url], left))
        for listener in listeners:
            lab.stop(listener)
