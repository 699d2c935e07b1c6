#!/usr/bin/env python3
"""Regenerates the sandbox's demo media (small, self-made, no third-party content).

Run from this folder: python3 generate.py. Only the standard library is needed; the output is
deterministic, so re-running it leaves git clean.
"""
import math
import struct
import wave
import zlib


def png(path, width, height, pixel):
    """Writes an RGB PNG; pixel(x, y) -> (r, g, b)."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows.extend(pixel(x, y))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(bytes(rows), 9)))
        f.write(chunk(b"IEND", b""))


def mix(a, b, t):
    t = max(0.0, min(1.0, t))
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def latte(x, y):
    # A cup of latte seen from above, with a heart in the foam.
    cx, cy = 120, 120
    d = math.hypot(x - cx, y - cy)
    if d > 100:
        return mix((214, 196, 170), (190, 168, 140), y / 240)
    if d > 88:
        return (250, 250, 247)  # cup rim
    u, v = (x - cx) / 40.0, -(y - cy - 8) / 40.0
    heart = (u * u + v * v - 1) ** 3 - u * u * v ** 3 <= 0
    if heart:
        return (245, 232, 210)
    return mix((150, 95, 55), (110, 65, 35), d / 88)


def shirt(x, y):
    # A striped T-shirt on a pale background.
    body = 70 <= x <= 170 and 60 <= y <= 210
    reach = abs(x - 120) - 50  # sleeves get shorter towards their ends
    sleeves = 0 < reach <= 45 and 60 + reach * 0.4 <= y <= 115 - reach * 0.3
    collar = math.hypot(x - 120, y - 58) < 18
    if (body or sleeves) and not collar:
        return (35, 60, 120) if (y // 12) % 2 == 0 else (245, 245, 240)
    return mix((236, 240, 245), (210, 218, 230), y / 240)


def storefront(x, y):
    # A small shop: awning stripes, window and door.
    if y < 40:
        return mix((140, 200, 240), (190, 225, 250), y / 40)
    if y < 80:
        return (200, 40, 50) if (x // 20) % 2 == 0 else (250, 250, 250)
    if 150 <= x <= 200 and y >= 130:
        return (90, 60, 40)  # door
    if 30 <= x <= 130 and 100 <= y <= 190:
        return mix((255, 230, 160), (240, 190, 110), (y - 100) / 90)  # lit window
    return (60, 90, 80)


def sunset(x, y):
    # A portrait "story" picture: sky gradient, sun and sea.
    if y > 220:
        return mix((40, 70, 110), (20, 35, 60), (y - 220) / 100)
    if math.hypot(x - 90, y - 200) < 36:
        return (255, 210, 120)
    return mix((255, 150, 110), (120, 80, 160), 1 - y / 220)


png("latte.png", 240, 240, latte)
png("shirt.png", 240, 240, shirt)
png("storefront.png", 240, 240, storefront)
png("sunset.png", 180, 320, sunset)

# Voice note: 0.6 s of a soft 440 Hz tone, 8 kHz mono 8-bit.
with wave.open("voice-note.wav", "wb") as w:
    w.setnchannels(1)
    w.setsampwidth(1)
    w.setframerate(8000)
    w.writeframes(bytes(int(128 + 40 * math.sin(2 * math.pi * 440 * i / 8000)) for i in range(4800)))


def box(kind, payload):
    return struct.pack(">I", 8 + len(payload)) + kind + payload


# Clip: a minimal ISO BMFF file (ftyp + moov/mvhd of 1 s, no tracks): valid, plays as empty.
mvhd = (struct.pack(">B3xIIII", 0, 0, 0, 1000, 1000) + struct.pack(">IH", 0x00010000, 0x0100)
        + b"\0" * 10 + struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
        + b"\0" * 24 + struct.pack(">I", 2))
with open("clip.mp4", "wb") as f:
    f.write(box(b"ftyp", b"isom" + struct.pack(">I", 512) + b"isomiso2mp41"))
    f.write(box(b"moov", box(b"mvhd", mvhd)))

# Menu: a one-page PDF with correct cross-reference offsets.
text = b"BT /F1 24 Tf 72 720 Td (Inlet Coffee - menu) Tj 0 -40 Td /F1 14 Tf " \
       b"(Espresso 2.50  Latte 3.80  Croissant 2.20) Tj ET"
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
    b"/Resources << /Font << /F1 5 0 R >> >> >>",
    b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, body in enumerate(objects, start=1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
with open("menu.pdf", "wb") as f:
    f.write(out)
