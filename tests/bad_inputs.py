"""The regression corpus of bad inputs (issue 12): generated, never copied. Each case is a file
holding good rows around one bad thing; `expected` says which papers must still be read.

    python tests/bad_inputs.py DIR     # writes the corpus into DIR, to try by hand
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HEADER = "|Source|Title|Summary|\n|---|---|---|\n"


def good(n: int) -> str:
    return f"|2501.{n:05d}|[Good paper {n}](http://arxiv.org/abs/2501.{n:05d})|uses IEMOCAP {n}|\n"


def key(n: int) -> str:
    return f"2501.{n:05d}"


def cases() -> list[tuple[str, bytes, list[str], int | None]]:
    """(file name, content, keys that must be read, line the error must name or None)."""
    out: list[tuple[str, bytes, list[str], int | None]] = []
    md = lambda *parts: "".join(parts).encode()  # noqa: E731
    out.append(("huge-cell.md", md(HEADER, good(1), "|2501.00002|Huge|" + "x" * 1_200_000 + "|\n", good(3)),
                [key(1), key(3)], 4))
    out.append(("emphasis.md", md(HEADER, good(4), "|2501.00005|Stars|" + "*a " * 30_000 + "|\n", good(6)),
                [key(4), key(5), key(6)], None))
    out.append(("blank-line-in-table.md", md(HEADER, good(7), "\n", good(8), "\r\n", good(9)),
                [key(7), key(8), key(9)], None))
    out.append(("lone-cr-in-table.md", md(HEADER, good(10), "\r", good(11), good(12)), [key(10), key(11), key(12)], None))
    out.append(("text-between-rows.md", md(HEADER, good(13), "some note\n", good(14)), [key(13), key(14)], None))
    out.append(("second-table-no-summary.md", md(HEADER, good(15), "\n|Source|Title|\n|---|---|\n",
                                                  "|2501.00016|Title only|\n"), [key(15), key(16)], None))
    out.append(("second-table-no-title.md", md(HEADER, good(17), "\n|Source|Summary|\n|---|---|\n",
                                                "|2501.00018|text|\n"), [key(17)], 5))
    lines = [good(i) for i in range(19, 79)]
    data = (HEADER + "".join(lines)).encode()
    bad_at = data.index(b"uses IEMOCAP 40")
    out.append(("bad-byte.md", data[:bad_at] + b"\xff" + data[bad_at:], [key(i) for i in range(19, 79) if i != 40],
                2 + 40 - 19 + 1))
    out.append(("gbk.md", ("|来源|标题|摘要|\n|---|---|---|\n|2501.00080|标题甲|在情感识别上实验|\n").encode("gbk"),
                [key(80)], None))
    out.append(("utf16.md", (HEADER + good(81)).encode("utf-16"), [key(81)], None))
    out.append(("utf16le-nobom.md", (HEADER + good(82)).encode("utf-16-le"), [key(82)], None))
    out.append(("utf8-bom.md", b"\xef\xbb\xbf" + (HEADER + good(83)).encode(), [key(83)], None))
    out.append(("big-field.csv", ("source,title,summary\n2501.00084,Big," + "y" * 200_000 + "\n2501.00085,Next,ok\n").encode(),
                [key(84), key(85)], None))
    out.append(("unclosed-quote.csv", b'source,title,summary\n2501.00086,"Open quote,s\n2501.00087,Good,fine\n'
                b"2501.00088,Also good,fine\n", [key(87), key(88)], 2))
    deep = "[" * 100_000 + "]" * 100_000
    out.append(("deep.jsonl", (json.dumps({"source": key(89), "title": "A", "summary": ""}) + "\n"
                               + '{"source": "2501.00090", "title": "Deep", "x": ' + deep + "}\n"
                               + json.dumps({"source": key(91), "title": "C", "summary": ""}) + "\n").encode(),
                [key(89), key(91)], 2))
    out.append(("big-number.jsonl", ('{"source": "2501.00092", "title": "Num", "n": ' + "9" * 5000 + "}\n"
                                     + json.dumps({"source": key(93), "title": "D"}) + "\n").encode(),
                [key(92), key(93)], None))
    out.append(("surrogate.jsonl", ('{"source": "2501.00094", "title": "Bad \\ud800 text"}\n'
                                    + json.dumps({"source": key(95), "title": "E"}) + "\n").encode(), [key(95)], 1))
    out.append(("nul-bytes.md", md(HEADER, good(96), "|2501.00097|Nul\x00title|s|\n"), [key(96), key(97)], None))
    out.append(("deep.json", ("[" + json.dumps({"source": key(98), "title": "F"}) + ", " + deep + "]").encode(),
                [key(98)], 1))
    return out


def write_corpus(d: Path) -> list[tuple[Path, list[str], int | None]]:
    d.mkdir(parents=True, exist_ok=True)
    out = []
    for name, data, keys, line in cases():
        p = d / name
        p.write_bytes(data)
        out.append((p, keys, line))
    return out


if __name__ == "__main__":
    for p, keys, _ in write_corpus(Path(sys.argv[1])):
        print(p, len(keys))
