"""Coverage of a build of a real digest archive: how many papers get a task, a dataset, a method,
and which datasets most papers link (to check that they are datasets). The papers with a task are
also counted without the field a paper's arXiv category gives when its texts state no task.

    python benchmarks/archive_stats.py OUT [--top 60]

OUT is a build folder (kg build ARCHIVE -o OUT). The number of papers comes from its build.json.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--top", type=int, default=60)
    a = ap.parse_args()
    manifest = json.loads((a.out / "build.json").read_text(encoding="utf-8"))
    papers = manifest["counts"]["papers"]
    by_type: dict[str, set[str]] = defaultdict(set)
    stated: set[str] = set()  # papers with a task their texts state (not only their arXiv category's field)
    datasets: Counter = Counter()
    novel = Counter()
    for line in open(a.out / "links.jsonl", encoding="utf-8"):
        r = json.loads(line)
        by_type[r["type"]].add(r["paper"])
        if r["type"] == "Task" and r["rule"] != "category":
            stated.add(r["paper"])
        if r["type"] == "Dataset":
            datasets[(r["label"], r["entity"].startswith("https://w3id.org/kg-digest/id/dataset/") and not r["novel"])] += 1
            novel[r["label"]] += r["novel"]
    print(f"papers {papers}")
    for t in ("Task", "Dataset", "Method", "Metric"):
        print(f"  with a {t.lower():8} {len(by_type[t]):7}  {len(by_type[t]) / papers:6.1%}")
        if t == "Task":
            print(f"    (stated in its texts {len(stated):7}  {len(stated) / papers:6.1%}; the others have the field of"
                  " their arXiv category)")
    print(f"\nthe {a.top} datasets linked by the most papers (papers, of them introducing):")
    for (label, _), n in datasets.most_common(a.top):
        print(f"  {n:6}  {novel[label]:5}  {label}")


if __name__ == "__main__":
    main()
