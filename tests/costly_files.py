"""Files small to send and costly to open: what uploads must refuse before decoding."""

import struct
import zlib


def gif_that_unfolds(frames=300, side=4000):
    """
    A GIF of a few kilobytes whose every frame is a 4000 × 4000 canvas once decoded: 300
    frames of one pixel each on a huge logical screen. Decoding it took a minute.
    """
    screen = struct.pack("<HHBBB", side, side, 0xF0, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    loop = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    frame = b"".join(
        b"\x21\xf9\x04\x00\x01\x00\x00\x00"  # a frame's delay
        + b"\x2c"
        + struct.pack("<HHHHB", number % side, 0, 1, 1, 0)
        + b"\x02\x02\x44\x01\x00"  # one pixel of LZW data
        for number in range(frames)
    )
    return b"GIF89a" + screen + loop + frame + b"\x3b"


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_of_side(side):
    """A valid black-and-white PNG of side × side pixels: tiny on disk, not once decoded."""
    row = b"\x00" + bytes((side + 7) // 8)
    pixels = zlib.compressobj(9)
    data = b"".join(pixels.compress(row) for _row in range(side)) + pixels.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )
