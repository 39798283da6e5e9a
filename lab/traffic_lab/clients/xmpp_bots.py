"""XMPP bots (slixmpp, STARTTLS) that send each other messages for a while.

python3 xmpp_bots.py HOST DOMAIN PASSWORD BOTS SECONDS MEAN_GAP MIN_LEN MAX_LEN SEED
"""
import asyncio
import logging
import random
import sys

import slixmpp


class Bot(slixmpp.ClientXMPP):
    def __init__(self, jid, password, peer, seconds, gap, low, high, seed):
        super().__init__(jid, password)
        self.peer, self.seconds, self.gap, self.low, self.high = peer, seconds, gap, low, high
        self.rng = random.Random(seed)
        self.add_event_handler("session_start", self.start)

    async def start(self, event):
        self.send_presence()
        await self.get_roster()
        loop = asyncio.get_event_loop()
        deadline = loop.time() + self.seconds
        words = ["packet", "flow", "tunnel", "hello", "lab", "message", "test", "ok"]
        while loop.time() < deadline:
            body = " ".join(self.rng.choice(words) for _ in range(self.rng.randint(self.low,
                                                                                   self.high)))
            self.send_message(mto=self.peer, mbody=body, mtype="chat")
            await asyncio.sleep(min(self.rng.expovariate(1.0 / self.gap),
                                    max(0.0, deadline - loop.time())))
        self.disconnect()


def main(argv):
    host, domain, password, bots, seconds, gap, low, high, seed = argv
    logging.basicConfig(level=logging.ERROR)
    n = int(bots)
    clients = []
    for i in range(n):
        bot = Bot("bot%d@%s" % (i, domain), password, "bot%d@%s" % ((i + 1) % n, domain),
                  float(seconds), float(gap), int(low), int(high), "%s/%d" % (seed, i))
        bot.ssl_context.check_hostname = False
        import ssl
        bot.ssl_context.verify_mode = ssl.CERT_NONE
        bot.connect((host, 5222))
        clients.append(bot)
    loop = asyncio.get_event_loop()
    loop.run_until_complete(asyncio.wait([c.disconnected for c in clients],
                                         timeout=float(seconds) + 30))


if __name__ == "__main__":
    main(sys.argv[1:])
