#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into tests/fuzz/corpus/TARGET/seed-*.

Seeds are small valid inputs of every shape the loaders know, so that the fuzzer starts deep in
the code instead of at the magic number: the first packets of the bundled sample in pcap and
pcapng, the link types and headers the decoder handles, tiny SAE and CNN model files, and label
files of both CSV schemes. Deterministic: running it again rewrites the same bytes.

Inputs of fixed findings live beside the seeds as regression-* files; this script leaves them.
"""
import json
import random
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "corpus"


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"seed-{name}").write_bytes(data)


# --- captures -------------------------------------------------------------------------------

def sample_records(path, count):
    data = path.read_bytes()
    offset, records = 24, []
    while offset + 16 <= len(data) and len(records) < count:
        sec, usec, caplen, wirelen = struct.unpack_from("<IIII", data, offset)
        records.append((sec, usec, data[offset + 16:offset + 16 + caplen], wirelen))
        offset += 16 + caplen
    return struct.unpack_from("<I", data, 20)[0], records


def pcap(link_type, records, snaplen=262144):
    out = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snaplen, link_type)
    for sec, usec, frame, wirelen in records:
        out += struct.pack("<IIII", sec, usec, len(frame), wirelen) + frame
    return out


def pcapng(link_type, records):
    def block(kind, body):
        body += b"\0" * (-len(body) % 4)
        length = 12 + len(body)
        return struct.pack("<II", kind, length) + body + struct.pack("<I", length)

    out = block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1))
    out += block(1, struct.pack("<HHI", link_type, 0, 262144))
    for sec, usec, frame, wirelen in records:
        ts = sec * 1000000 + usec
        out += block(6, struct.pack("<IIIII", 0, ts >> 32, ts & 0xFFFFFFFF, len(frame), wirelen)
                     + frame)
    return out


def ipv4(protocol, payload, options=b""):
    ihl = 5 + len(options) // 4
    header = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, 0, 4 * ihl + len(payload), 0x1234, 0x4000,
                         64, protocol, 0, bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]))
    return header + options + payload


def ipv6(next_header, payload):
    return struct.pack("!IHBB16s16s", 0x60000000, len(payload), next_header, 64,
                       bytes(15) + b"\1", bytes(15) + b"\2") + payload


def tcp(payload, flags=0x18, options=b""):
    offset = 5 + len(options) // 4
    return struct.pack("!HHIIBBHHH", 40000, 443, 1, 2, offset << 4, flags, 8192, 0, 0) + options \
        + payload


def udp(payload, port=4500):
    return struct.pack("!HHHH", 50000, port, 8 + len(payload), 0) + payload


def ethernet(ether_type, payload, tags=()):
    out = bytes(6) + bytes([2, 0, 0, 0, 0, 1])
    for tpid, tci in tags:
        out += struct.pack("!HH", tpid, tci)
    return out + struct.pack("!H", ether_type) + payload


def capture_seeds():
    link, records = sample_records(ROOT / "resources" / "sample.pcap", 6)
    write("capture", "sample.pcap", pcap(link, records))
    write("capture", "sample.pcapng", pcapng(link, records))
    write("capture", "snaplen-96.pcap",
          pcap(link, [(s, u, f[:96], w) for s, u, f, w in records], 96))

    payload = bytes(range(48))
    frames = [
        ethernet(0x0800, ipv4(6, tcp(payload, options=bytes([1, 1, 8, 10]) + bytes(8)))),
        ethernet(0x0800, ipv4(17, udp(payload), options=bytes([1, 1, 1, 0]))),
        ethernet(0x86DD, ipv6(0, bytes([6, 0]) + bytes(6) + tcp(payload))),
        ethernet(0x86DD, ipv6(44, bytes([17, 0, 0, 1]) + bytes(4) + udp(payload))),
        ethernet(0x0800, ipv4(1, bytes([8, 0, 0, 0, 0, 1, 0, 1]) + payload)),
        ethernet(0x0800, ipv4(6, tcp(b"", flags=0x12))),
        ethernet(0x0800, ipv4(17, udp(payload, port=53))),
        ethernet(0x8100, struct.pack("!HH", 5, 0x0800) + ipv4(6, tcp(payload))),
        ethernet(0x0806, bytes(28)),
    ]
    write("capture", "headers.pcap", pcap(1, [(1700000000, i, f, len(f))
                                               for i, f in enumerate(frames)]))
    sll = struct.pack("!HHH8sH", 0, 1, 6, bytes(8), 0x0800) + ipv4(6, tcp(payload))
    write("capture", "linux-sll.pcap", pcap(113, [(1700000000, 0, sll, len(sll))]))
    raw = ipv4(17, udp(payload))
    write("capture", "raw-ip.pcap", pcap(101, [(1700000000, 0, raw, len(raw))]))
    loop = struct.pack("<I", 2) + ipv4(6, tcp(payload))
    write("capture", "bsd-loopback.pcapng", pcapng(0, [(1700000000, 0, loop, len(loop))]))


# --- model files ----------------------------------------------------------------------------

def model_file(card, tensors):
    body = b"DPMODEL\0" + struct.pack("<I", 1)
    text = json.dumps(card, sort_keys=True).encode()
    body += struct.pack("<Q", len(text)) + text + struct.pack("<I", len(tensors))
    rng = random.Random(7)
    for name, shape in tensors:
        count = 1
        for d in shape:
            count *= d
        body += struct.pack("<H", len(name)) + name.encode() + bytes([len(shape)])
        body += struct.pack(f"<{len(shape)}q", *shape)
        body += struct.pack(f"<{count}f", *(rng.uniform(-0.5, 0.5) for _ in range(count)))
    return body + struct.pack("<I", zlib.crc32(body))


def card(network, classes, length):
    return {
        "format": "deeppacket-model", "format_version": 1, "task": "traffic",
        "classes": classes, "network": network, "metrics": None,
        "preprocessing": {"vector_length": length, "zero_addresses": True,
                          "mask_checksums": False, "mask_flow_label": False,
                          "mask_ip_id": False, "mask_tcp_sequence": False,
                          "mask_tcp_timestamps": False, "tcp_udp_only": False},
        "provenance": {"created": "2026-01-01T00:00:00Z", "dataset": "seed", "notes": "",
                       "program_version": "0.1.0", "seed": 1, "split": "flow"},
    }


def model_seeds():
    sae = {"kind": "sae", "input_length": 24, "classes": 3, "hidden": [8, 4], "dropout": 0.25,
           "conv": [], "pool": 2}
    write("model_file", "sae.dpm", model_file(card(sae, ["Chat", "Email", "VoIP"], 24), [
        ("encoders.0.weight", (8, 24)), ("encoders.0.bias", (8,)),
        ("encoders.1.weight", (4, 8)), ("encoders.1.bias", (4,)),
        ("head.weight", (3, 4)), ("head.bias", (3,))]))
    # conv 4x5 stride 3 over 24 bytes: 7 positions, pooled by 2 to 3, so 12 dense inputs.
    cnn = {"kind": "cnn", "input_length": 24, "classes": 2, "hidden": [6], "dropout": 0.25,
           "conv": [{"filters": 4, "kernel": 5, "stride": 3}], "pool": 2}
    write("model_file", "cnn.dpm", model_file(card(cnn, ["Chat", "VPN: Chat"], 24), [
        ("convolutions.0.weight", (4, 1, 5)), ("convolutions.0.bias", (4,)),
        ("dense.0.weight", (6, 12)), ("dense.0.bias", (6,)),
        ("head.weight", (2, 6)), ("head.bias", (2,))]))


# --- label files ----------------------------------------------------------------------------

def label_seeds():
    # The first byte picks the scheme (even: files, odd: flows); the rest is the file.
    files = (ROOT / "resources" / "lab-sample" / "labels-traffic.csv").read_bytes()
    write("labels", "files.csv", b"\0" + files)
    write("labels", "files-quoted.csv",
          b"\0" + b'file,label\n"a, b.pcap","VPN: Chat"\r\n/x/y/c.pcapng,Email\n')
    write("labels", "flows.csv", b"\1" + b"src,src_port,dst,dst_port,protocol,label,file\n"
          b"10.0.0.1,40000,10.0.0.2,443,6,Chat,a.pcap\n"
          b"2001:db8::1,5060,2001:db8::2,5060,udp,VoIP,\n")


if __name__ == "__main__":
    capture_seeds()
    model_seeds()
    label_seeds()
