"""Helpers for tests/browser/check.sh, standard library only.

    inspect.py count-json FILE      number of attributions in `extract`'s JSON
    inspect.py png FILE             fail unless the PNG screenshot is non-blank
    inspect.py dom FILE EXPECTED    fail unless the dumped DOM is the RTL page
                                    with EXPECTED `isnad-quote` elements
"""

import json
import struct
import sys
import zlib
from collections import Counter
from html.parser import HTMLParser


def fail(message):
    print(f"browser check: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def count_json(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, list):
        fail(f"{path}: expected a JSON array of attributions")
    print(sum(1 for a in data if isinstance(a, dict) and isinstance(a.get("quote"), dict)))


def decode_png(path):
    """Width, height, bytes per pixel and the unfiltered rows of an 8-bit PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path}: not a PNG file")
    pos, idat, header = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None or not idat:
        fail(f"{path}: PNG without IHDR or IDAT")
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace != 0:
        return width, height, None, None
    raw = zlib.decompress(b"".join(idat))
    bpp, stride = channels, width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        ftype = raw[start]
        row = bytearray(raw[start + 1 : start + 1 + stride])
        if ftype == 1:
            for i in range(bpp, stride):
                row[i] = (row[i] + row[i - bpp]) & 0xFF
        elif ftype == 2:
            row = bytearray((a + b) & 0xFF for a, b in zip(row, prev))
        elif ftype == 3:
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                row[i] = (row[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            for i in range(stride):
                a = row[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                row[i] = (row[i] + pred) & 0xFF
        elif ftype != 0:
            fail(f"{path}: bad PNG filter type {ftype} on row {y}")
        rows.append(bytes(row))
        prev = row
    return width, height, bpp, rows


def check_png(path):
    width, height, bpp, rows = decode_png(path)
    if width < 100 or height < 100:
        fail(f"{path}: screenshot is only {width}x{height}")
    if rows is None:
        print(f"browser check: {path}: PNG format not decoded here; size {width}x{height} only")
        return
    counts = Counter()
    for row in rows:
        counts.update(row[i : i + bpp] for i in range(0, len(row), bpp))
    total = width * height
    background, most = counts.most_common(1)[0]
    ink = total - most
    print(
        f"browser check: {path}: {width}x{height}, {len(counts)} colours, "
        f"{100.0 * ink / total:.2f}% of pixels off the background #{background[:3].hex()}"
    )
    if len(counts) < 3 or ink < total // 500:
        fail(f"{path}: the screenshot is blank")


class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.quotes = 0
        self.html_attrs = None
        self.body_attrs = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html" and self.html_attrs is None:
            self.html_attrs = attrs
        if tag == "body" and self.body_attrs is None:
            self.body_attrs = attrs
        if "isnad-quote" in (attrs.get("class") or "").split():
            self.quotes += 1
            for key in ("data-speaker", "data-resolution", "data-confidence"):
                if key not in attrs:
                    fail(f"an isnad-quote element lacks {key}")


def check_dom(path, expected):
    with open(path, encoding="utf-8") as f:
        dom = Dom()
        dom.feed(f.read())
    html = dom.html_attrs or {}
    if html.get("lang") != "ar" or html.get("dir") != "rtl":
        fail(f"{path}: <html> is not lang=ar dir=rtl: {html}")
    if dom.body_attrs is None:
        fail(f"{path}: no <body> in the dumped DOM")
    print(f"browser check: {path}: {dom.quotes} isnad-quote elements, expected {expected}")
    if dom.quotes != int(expected):
        fail(f"{path}: {dom.quotes} isnad-quote elements, but {expected} attributions")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"count-json": count_json, "png": check_png, "dom": check_dom}[command](*args)
