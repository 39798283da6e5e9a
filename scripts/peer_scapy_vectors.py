#!/usr/bin/env python3
"""Capture -> byte vectors the way the open Python reimplementations of Deep Packet do it, for a
side-by-side speed comparison with `deeppacket-cli vectors` (scripts/bench-peers).

Per packet with scapy's PcapReader, the same rules as docs/preprocessing.md: strip the link
layer, keep IPv4/IPv6, drop DNS (53, 5353, 5355), drop TCP segments with SYN/ACK/FIN and no
payload, zero the addresses, pad the UDP header to 20 bytes (after the UDP header, where the
paper puts it), cut or pad to 1500 bytes. Vectors are collected into one uint8 NumPy array, as
the reimplementations collect theirs before writing.

Prints one JSON line: packets read, vectors made, seconds in the loop and in all (imports too).
Usage: peer_scapy_vectors.py CAPTURE [SAVE.npy]   (SAVE: the vectors, to compare them)
"""
import json
import sys
import time

START = time.monotonic()

import numpy as np  # noqa: E402
from scapy.all import IP, TCP, UDP, IPv6, PcapReader, raw  # noqa: E402

LENGTH = 1500
DNS_PORTS = {53, 5353, 5355}


def vector(packet):
    if IP in packet:
        ip = packet[IP].copy()
        ip.src, ip.dst = "0.0.0.0", "0.0.0.0"
    elif IPv6 in packet:
        ip = packet[IPv6].copy()
        ip.src, ip.dst = "::", "::"
    else:
        return None
    if TCP in ip:
        tcp = ip[TCP]
        if tcp.sport in DNS_PORTS or tcp.dport in DNS_PORTS:
            return None
        if tcp.flags & 0x13 and len(tcp.payload) == 0:  # FIN, SYN or ACK, and no payload
            return None
        data = raw(ip)
    elif UDP in ip:
        udp = ip[UDP]
        if udp.sport in DNS_PORTS or udp.dport in DNS_PORTS:
            return None
        data = raw(ip)
        header_end = len(data) - len(udp) + 8
        data = data[:header_end] + bytes(12) + data[header_end:]
    else:
        data = raw(ip)
    out = np.zeros(LENGTH, dtype=np.uint8)
    head = np.frombuffer(data[:LENGTH], dtype=np.uint8)
    out[:len(head)] = head
    return out


def main():
    loop_start = time.monotonic()
    packets, vectors = 0, []
    with PcapReader(sys.argv[1]) as reader:
        for packet in reader:
            packets += 1
            v = vector(packet)
            if v is not None:
                vectors.append(v)
    matrix = np.stack(vectors) if vectors else np.zeros((0, LENGTH), dtype=np.uint8)
    end = time.monotonic()
    if len(sys.argv) > 2:
        np.save(sys.argv[2], matrix)
    print(json.dumps({"packets": packets, "vectors": int(matrix.shape[0]),
                      "loop_seconds": end - loop_start, "total_seconds": end - START}))


if __name__ == "__main__":
    main()
