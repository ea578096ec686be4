"""How many task names that Chinese digests state in a frame the vocabulary knows as a Task.

    python benchmarks/zh_task_coverage.py ARCHIVE_DIR [--top 400] [--vocab TTL ...]

ARCHIVE_DIR holds daily digests (*/*.md, or *.md) whose papers have a `- **简介:**` Chinese
summary. In each summary the X of the frames `属于X任务`, `针对X任务`, `面向X任务` and
`属于X领域` is counted, cleaned the simple way: an acronym given before the frame word
("视觉语言导航（VLN）任务") dropped, anything up to a last 中的/的 cut off ("医学影像中的病灶分割"
-> 病灶分割), lead words (该, 本文, 论文, 一种, ...) stripped. This is a plain count of the
stated names, not the extractor's reading (kg.extract.open_tasks does more: subjects,
coordination, glosses); it measures how many of them the vocabulary can name.

Prints the frames counted, the share whose X resolves (Vocabulary.lookup) to a Task concept,
the share that resolves to a concept of another type, and the most frequent unresolved X
with their counts (marked "(Method)" etc. when the label names a concept of another type).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.vocab import Vocabulary  # noqa: E402

_X = r"[\u3400-\u9fffA-Za-z0-9\-·/]{2,30}?"
_ACR = r"(?:\s*[（(]\s*[A-Za-z][A-Za-z0-9\-]{1,15}\s*[）)])?"
FRAMES = re.compile(rf"(?:(?P<a>属于)(?P<xa>{_X}){_ACR}(?:任务|领域)"
                    rf"|(?P<b>针对|面向)(?P<xb>{_X}){_ACR}任务)")
SUMMARY = re.compile(r"^- \*\*简介[:：]\s*(.*)$", re.M)
LEAD = re.compile(r"^(?:该论文|该研究|该工作|本论文|本研究|本文|论文|该|一种|一个|一类|一项|这一|这类|此类|多种|各种)")


def clean(x: str) -> str:
    for sep in ("中的", "的"):
        i = x.rfind(sep)
        if i >= 0 and len(x) - i - len(sep) >= 2:
            x = x[i + len(sep):]
            break
    while True:
        m = LEAD.match(x)
        if not m or len(x) - m.end() < 2:
            return x
        x = x[m.end():]


def frames(text: str):
    for m in FRAMES.finditer(text):
        x = clean(m.group("xa") or m.group("xb"))
        if len(x) >= 2:
            yield x


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("archive", type=Path)
    ap.add_argument("--top", type=int, default=400)
    ap.add_argument("--vocab", type=Path, action="append", help="vocabulary Turtle file(s) (default: ontology/vocab/*.ttl)")
    a = ap.parse_args()
    files = sorted(a.archive.glob("*/*.md")) or sorted(a.archive.glob("*.md"))
    if not files:
        print(f"no digests (*.md) under {a.archive}", file=sys.stderr)
        return 2
    counts: Counter = Counter()
    summaries = 0
    for f in files:
        for s in SUMMARY.findall(f.read_text(encoding="utf-8")):
            summaries += 1
            counts.update(frames(s))
    v = Vocabulary.load(a.vocab)
    total = sum(counts.values())
    task = other = 0
    unresolved: list[tuple[str, int, str]] = []
    for x, n in counts.most_common():
        c = v.lookup(x, "Task")
        if c is not None:
            task += n
            continue
        c = v.lookup(x)
        if c is not None:
            other += n
        unresolved.append((x, n, c.type if c else ""))
    print(f"digest files {len(files)}, summaries {summaries}, frames counted {total} ({len(counts)} distinct X)")
    print(f"X resolves to a Task concept: {task} ({task / max(total, 1):.1%}); "
          f"to a concept of another type: {other} ({other / max(total, 1):.1%}); "
          f"unresolved: {total - task - other} ({(total - task - other) / max(total, 1):.1%})")
    print(f"top {a.top} X not resolved to a Task:")
    for x, n, t in unresolved[:a.top]:
        print(f"{n:6}  {x}" + (f"  ({t})" if t else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
