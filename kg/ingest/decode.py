"""Bytes -> text: BOMs, UTF-16 without a BOM, GBK/GB18030 and other encodings, and bad bytes.

A file is decoded whole. A few invalid bytes in a UTF-8 file do not lose the file: each is
reported on its true line (the record that holds it is skipped) and the rest is read.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass
class Decoded:
    text: str
    encoding: str  # the encoding the text was read in ("utf-8", "utf-16-le", "gb18030", ...)
    bad_lines: dict[int, str] = field(default_factory=dict)  # line -> what was wrong on it


class UndecodableError(ValueError):
    pass


def _line_of(data: bytes, offset: int, nl: bytes = b"\n") -> int:
    return data.count(nl, 0, offset) + 1


def decode(data: bytes) -> Decoded:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(enc), enc + " (with BOM)" if enc == "utf-8" else enc)
            except UnicodeDecodeError as e:
                return _decode_with_bad_bytes(data[len(bom):], enc, e)
    head = data[:4000]
    if len(head) >= 4 and head.count(0) * 4 >= len(head):  # UTF-16 without a BOM: every other byte NUL
        enc = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        try:
            return Decoded(data.decode(enc), enc)
        except UnicodeDecodeError as e:
            return _decode_with_bad_bytes(data, enc, e)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as first:
        err = first
    # Is it UTF-8 with a few bad bytes, or text in another encoding?
    bad = _bad_utf8_offsets(data, limit=10_000)
    high = sum(1 for b in data if b >= 0x80) if len(data) < 5_000_000 else len(bad) * 10
    if len(bad) <= 3 or len(bad) * 5 < high:
        return _decode_with_bad_bytes(data, "utf-8", err, bad)
    try:
        text = data.decode("gb18030")
        nonascii = sum(1 for c in text[:20000] if ord(c) > 127)
        if nonascii and len(_HAN.findall(text[:20000])) * 2 >= nonascii:
            return Decoded(text, "gb18030")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data[:200_000]).best()
    except Exception:  # the detector is a guess; failing to guess is reported below
        best = None
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
            # an ASCII-compatible guess keeps every line break and table bar where the bytes have them
            if text.count("\n") == data.count(b"\n") and text.count("|") == data.count(b"|"):
                return Decoded(text, best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    # no encoding fits: read it as UTF-8, skipping (and reporting) the lines with invalid bytes
    dec = _decode_with_bad_bytes(data, "utf-8", err, bad)
    for line in list(dec.bad_lines)[:1]:
        dec.bad_lines[line] += " (the file is not UTF-8 and its encoding could not be detected; save it as UTF-8)"
    return dec


_SEEN: list[int] = []


def _record(e: UnicodeDecodeError):
    _SEEN.append(e.start)
    return "\ufffd", e.end


codecs.register_error("kg-ingest-record", _record)


def _bad_utf8_offsets(data: bytes, limit: int) -> list[int]:
    """Offsets of the invalid sequences of a would-be UTF-8 text (one linear pass)."""
    _SEEN.clear()
    data.decode("utf-8", errors="kg-ingest-record")
    out = _SEEN[:limit]
    _SEEN.clear()
    return out


def _decode_with_bad_bytes(data: bytes, enc: str, err: UnicodeDecodeError, bad: list[int] | None = None) -> Decoded:
    if enc.startswith("utf-16") or enc.startswith("utf-32"):
        text = data.decode(enc, errors="replace")
        unit = 2 if enc.startswith("utf-16") else 4
        nl = "\n".encode(enc)
        line = data[:err.start - err.start % unit].count(nl) + 1
        return Decoded(text, enc, {line: f"invalid {enc.upper()} bytes (replaced)"})
    bad = bad if bad is not None else _bad_utf8_offsets(data, limit=10_000)
    text = data.decode(enc, errors="replace")
    lines: dict[int, str] = {}
    for off in bad:
        line = _line_of(data, off)
        col = off - data.rfind(b"\n", 0, off)
        lines.setdefault(line, f"invalid UTF-8 byte 0x{data[off]:02x} at column {col}")
    return Decoded(text, enc, lines)
