"""IRC bots that chat in one channel over TLS for a while, then leave cleanly.

python3 irc_bots.py HOST PORT BOTS SECONDS MEAN_GAP MIN_LEN MAX_LEN SEED
"""
import random
import socket
import ssl
import sys
import threading
import time


def bot(host, port, nick, seconds, gap, low, high, seed):
    rng = random.Random(seed)
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    raw = socket.create_connection((host, port), timeout=30)
    s = context.wrap_socket(raw)
    lock = threading.Lock()

    def send(line):
        with lock:
            s.sendall((line + "\r\n").encode())

    send("NICK " + nick)
    send("USER %s 0 * :lab bot" % nick)
    joined = threading.Event()
    stop = threading.Event()

    def reader():
        buffer = b""
        while not stop.is_set():
            try:
                data = s.recv(65536)
            except (socket.timeout, ssl.SSLError, OSError):
                if stop.is_set():
                    return
                continue
            if not data:
                return
            buffer += data
            while b"\r\n" in buffer:
                line, buffer = buffer.split(b"\r\n", 1)
                parts = line.decode(errors="replace").split()
                if parts and parts[0] == "PING":
                    send("PONG " + " ".join(parts[1:]))
                elif len(parts) > 1 and parts[1] == "001":
                    send("JOIN #lab")
                elif len(parts) > 1 and parts[1] == "366":
                    joined.set()

    s.settimeout(1.0)
    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    joined.wait(15)
    words = ["packet", "flow", "tunnel", "hello", "lab", "message", "test", "again", "ok", "why"]
    deadline = time.time() + seconds
    while time.time() < deadline:
        text = " ".join(rng.choice(words) for _ in range(rng.randint(low, high)))
        send("PRIVMSG #lab :" + text)
        time.sleep(min(rng.expovariate(1.0 / gap), max(0.0, deadline - time.time())))
    send("QUIT :bye")
    time.sleep(0.5)
    stop.set()
    thread.join(3)
    try:
        s.unwrap()  # a clean TLS close: ngircd floods its log otherwise
    except (ssl.SSLError, OSError):
        pass
    raw.close()


def main(argv):
    host, port, bots, seconds, gap, low, high, seed = argv
    threads = [threading.Thread(target=bot, args=(host, int(port), "bot%d" % i, float(seconds),
                                                  float(gap), int(low), int(high),
                                                  "%s/%d" % (seed, i)))
               for i in range(int(bots))]
    for t in threads:
        t.start()
        time.sleep(0.2)
    for t in threads:
        t.join()


if __name__ == "__main__":
    main(sys.argv[1:])
