"""Extraction benchmark: the spaCy pipeline and the rules alone (no linking, no writing), on one core.

    python benchmarks/bench_extract.py [N] [REPEATS] [DIGEST]   (default: 2000 papers, best of 3)

Papers are the rows of DIGEST (default data/digest-2025-07.md, Chinese summaries) repeated with fresh
ids (as in bench_build.py); tests/data/english-digest.md gives English abstracts.
Prints papers, mentions, seconds and milliseconds per paper (best of the repeats), wall-clock and
CPU time of this process (CPU time is what to compare when other jobs share the machine).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract import extract, load_nlp  # noqa: E402
from kg.ingest import ingest  # noqa: E402


def synth(n: int, path: Path, digest: Path) -> None:
    lines = digest.read_text(encoding="utf-8").splitlines()
    rows = [ln for ln in lines[2:] if ln.startswith("|")]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("|Source|Title|Summary|\n|---|---|---|\n")
        for i in range(n):
            cells = rows[i % len(rows)].split("|")
            cells[1] = f"{2600 + i // 90000:04d}.{i % 90000:05d}v1"
            fh.write("|".join(cells) + "\n")


def main(n: int, repeats: int, digest: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "digest.md"
        synth(n, path, digest)
        papers = list(ingest([path]))
        t0 = time.perf_counter()
        nlp = load_nlp()
        load = time.perf_counter() - t0
        best, best_cpu, mentions = float("inf"), float("inf"), 0
        for _ in range(repeats):
            t0, c0 = time.perf_counter(), time.process_time()
            mentions = sum(len(ms) for _, ms in extract(papers, nlp))
            best, best_cpu = min(best, time.perf_counter() - t0), min(best_cpu, time.process_time() - c0)
    print(f"papers {len(papers)}  mentions {mentions}  pipeline load {load:.2f} s  "
          f"extract {best:.2f} s (best of {repeats})  {1000 * best / len(papers):.2f} ms/paper  "
          f"CPU {1000 * best_cpu / len(papers):.2f} ms/paper")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[0]) if args else 2000, int(args[1]) if len(args) > 1 else 3,
         Path(args[2]) if len(args) > 2 else ROOT / "data" / "digest-2025-07.md")
