"""Extraction quality on every gold file of the repository, as a Markdown table.

    python benchmarks/quality.py

Builds each digest (no views) into a temporary directory and scores its links.jsonl with
kg.evaluate, which gives the reference scorer's figures (tests/gold/score.py; a test checks it).
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build  # noqa: E402
from kg.evaluate import evaluate  # noqa: E402

SETS = [  # (what, digest, gold)
    ("bundled digest, 82 papers (Chinese summaries)", "data/digest-2025-07.md", "tests/gold/seed_gold.json"),
    ("English abstracts, 20 real papers", "tests/data/english-digest.md", "tests/gold/english_gold.json"),
    ("Chinese summaries, 21 real papers", "tests/data/chinese-digest.md", "tests/gold/chinese_gold.json"),
    ("English abstracts, 20 more papers", "tests/data/english-digest-2.md", "tests/gold/english_gold_2.json"),
    ("Chinese summaries, 20 more papers", "tests/data/chinese-digest-2.md", "tests/gold/chinese_gold_2.json"),
    ("English abstracts, 12 more papers", "tests/data/english-digest-3.md", "tests/gold/english_gold_3.json"),
    ("Chinese summaries, 12 more papers", "tests/data/chinese-digest-3.md", "tests/gold/chinese_gold_3.json"),
]


def main() -> None:
    print("| gold | Task F1 | Dataset F1 | Method F1 | Metric F1 | novelty acc. (Dataset / Method) |")
    print("|---|---|---|---|---|---|")
    for what, digest, gold in SETS:
        with tempfile.TemporaryDirectory() as tmp:
            build([ROOT / digest], Path(tmp), progress=False, views=False)
            links = [json.loads(line) for line in open(Path(tmp) / "links.jsonl", encoding="utf-8")]
        s = evaluate(json.load(open(ROOT / gold, encoding="utf-8")), links).as_dict()
        f1 = " | ".join(f"{s[t]['f1']:.3f}" for t in ("Task", "Dataset", "Method", "Metric"))
        nov = " / ".join(f"{s[t].get('novel_accuracy', 0):.3f}" for t in ("Dataset", "Method"))
        print(f"| {what} (`{gold}`) | {f1} | {nov} |")


if __name__ == "__main__":
    main()
