"""Writes single-file .torrent metainfo (BEP 3) without any library."""
import hashlib
import os


def bencode(value):
    if isinstance(value, int):
        return b"i%de" % value
    if isinstance(value, str):
        value = value.encode()
    if isinstance(value, bytes):
        return b"%d:%s" % (len(value), value)
    if isinstance(value, list):
        return b"l" + b"".join(bencode(v) for v in value) + b"e"
    if isinstance(value, dict):
        items = sorted((k.encode() if isinstance(k, str) else k, v) for k, v in value.items())
        return b"d" + b"".join(bencode(k) + bencode(v) for k, v in items) + b"e"
    raise TypeError("cannot bencode %r" % type(value))


def make_torrent(path, announce, piece_length=262144):
    """Returns (metainfo bytes, info hash as 40 hex digits) for the file at `path`."""
    pieces = []
    with open(path, "rb") as f:
        while True:
            chunk = f.read(piece_length)
            if not chunk:
                break
            pieces.append(hashlib.sha1(chunk).digest())
    info = {"name": os.path.basename(path), "length": os.path.getsize(path),
            "piece length": piece_length, "pieces": b"".join(pieces)}
    meta = {"announce": announce, "info": info}
    return bencode(meta), hashlib.sha1(bencode(info)).hexdigest()
