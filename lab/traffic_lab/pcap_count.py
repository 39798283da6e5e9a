"""Counts the frames of a classic pcap file (what tcpdump writes) without any library."""
import struct


def count_frames(path):
    with open(path, "rb") as f:
        header = f.read(24)
        if len(header) < 24:
            return 0
        magic = header[:4]
        if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
            order = "<"
        elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
            order = ">"
        else:
            raise ValueError("%s: not a pcap file" % path)
        count = 0
        while True:
            record = f.read(16)
            if len(record) < 16:
                return count
            caplen = struct.unpack(order + "IIII", record)[2]
            if len(f.read(caplen)) < caplen:
                return count  # cut short: the complete frames are counted
            count += 1
