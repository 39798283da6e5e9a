"""Web browsing: headless Chromium reading the pages of a generated web site over HTTPS."""
import os
import random

from .base import App, folder, repeat_for, timed
from .web import start_nginx

PAGES = 40


def make_site(root, seed="site"):
    """Pages of text with style sheets, scripts and images of many sizes, linked together."""
    rng = random.Random(seed)
    site = os.path.join(root, "site")
    os.makedirs(os.path.join(site, "img"), exist_ok=True)
    if os.path.exists(os.path.join(site, "page%d.html" % (PAGES - 1))):
        return site
    words = ("network packet flow traffic encrypted tunnel server client capture class model "
             "layer vector byte header payload").split()
    for i in range(60):
        with open(os.path.join(site, "img", "i%d.jpg" % i), "wb") as f:
            f.write(rng.randbytes(rng.choice([2000, 8000, 30000, 120000, 400000])))
    with open(os.path.join(site, "style.css"), "w") as f:
        f.write("body{font-family:sans-serif;margin:2em}" * 200)
    with open(os.path.join(site, "app.js"), "w") as f:
        f.write("var lab=%s;" % list(range(5000)))
    for i in range(PAGES):
        images = "".join('<img src="img/i%d.jpg">' % rng.randrange(60)
                         for _ in range(rng.randint(2, 12)))
        text = "".join("<p>%s</p>" % " ".join(rng.choice(words) for _ in range(rng.randint(20, 200)))
                       for _ in range(rng.randint(3, 30)))
        links = "".join('<a href="page%d.html">more</a> ' % rng.randrange(PAGES) for _ in range(5))
        with open(os.path.join(site, "page%d.html" % i), "w") as f:
            f.write('<!doctype html><html><head><link rel="stylesheet" href="style.css">'
                    '<script src="app.js"></script><title>page %d</title></head><body>%s%s%s'
                    '</body></html>' % (i, text, images, links))
    return site


class Chromium(App):
    key = "chromium"
    name = "Chromium browser"
    traffic = ""  # browsing is not one of the paper's traffic classes
    packages = ["chromium", "nginx-light"]
    tunnels = False

    def start(self, lab):
        make_site(lab.shared("nginx", start_nginx))
        self.profile = folder(lab, "chromium")

    def parameters(self, rng, index):
        return {"pages": rng.choice([3, 6, 10]), "think_s": rng.choice([0.5, 2.0, 5.0])}

    def run(self, lab, server_ip, session):
        p = session.parameters
        rng = random.Random(session.file)
        # The flags keep Chromium from calling out to Google's services (nothing routes out).
        base = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--ignore-certificate-errors", "--user-data-dir=" + self.profile,
                "--virtual-time-budget=%d" % int(p["think_s"] * 1000), "--dump-dom"]

        def step(left):
            page = "https://%s/site/page%d.html" % (server_ip, rng.randrange(PAGES))
            timed(lab, base + [page], min(left, 30))

        repeat_for(session.seconds, step)
