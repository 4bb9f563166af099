#!/usr/bin/env python3
"""Checks Ghostscript separations for ink above the total area coverage limit.

Usage: separations.py LIMIT PREFIX...

For each PREFIX, reads the process separations Ghostscript's `tiffsep` device wrote
(`PREFIX(Cyan).tif`, `PREFIX(Magenta).tif`, `PREFIX(Yellow).tif`, `PREFIX(Black).tif`;
uncompressed, 8 bits per pixel) and adds the four inks per pixel. Prints the largest total per
page and fails (exit 1) when a pixel carries more than LIMIT percent. Plain Python: no PIL.
"""
import struct
import sys

INKS = ("Cyan", "Magenta", "Yellow", "Black")


def read_separation(path):
    """(width, height, ink per pixel as 0..255 bytes) of an uncompressed 8-bit grey TIFF."""
    data = open(path, "rb").read()
    order = {b"II": "<", b"MM": ">"}[data[:2]]
    (ifd,) = struct.unpack(order + "I", data[4:8])
    (count,) = struct.unpack(order + "H", data[ifd:ifd + 2])
    tags = {}
    for i in range(count):
        entry = data[ifd + 2 + 12 * i: ifd + 14 + 12 * i]
        tag, kind, n = struct.unpack(order + "HHI", entry[:8])
        size = {3: 2, 4: 4}.get(kind)
        if size is None:
            continue
        fmt = order + ("H" if size == 2 else "I") * n
        if n * size <= 4:
            values = struct.unpack(fmt, entry[8:8 + n * size])
        else:
            (at,) = struct.unpack(order + "I", entry[8:12])
            values = struct.unpack(fmt, data[at:at + n * size])
        tags[tag] = values
    width, height = tags[256][0], tags[257][0]
    if tags.get(259, (1,))[0] != 1 or tags.get(258, (8,))[0] != 8:
        sys.exit(f"{path}: expected an uncompressed 8-bit separation")
    pixels = b"".join(data[o:o + c] for o, c in zip(tags[273], tags[279]))
    # Photometric 0 (WhiteIsZero): 0 is no ink; 1 (BlackIsZero): 0 is full ink.
    if tags.get(262, (1,))[0] == 1:
        pixels = bytes(255 - p for p in pixels)
    return width, height, pixels


def main():
    limit = float(sys.argv[1])
    failed = False
    for prefix in sys.argv[2:]:
        planes = [read_separation(f"{prefix}({ink}).tif") for ink in INKS]
        sizes = {(w, h) for w, h, _ in planes}
        if len(sizes) != 1:
            sys.exit(f"{prefix}: separations of different sizes")
        inks = [p for _, _, p in planes]
        # The largest sum of the four inks over all pixels, in percent.
        worst = max(map(sum, zip(*inks))) * 100 / 255
        over = worst > limit + 1.0  # one step of 8-bit rounding per ink
        failed |= over
        print(f"{prefix}: most ink on a pixel {worst:.0f} % (limit {limit:.0f} %)"
              + (" — OVER THE LIMIT" if over else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
