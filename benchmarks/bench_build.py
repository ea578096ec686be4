"""Build benchmark: `kg build` on a synthetic digest of N papers made from the bundled rows.

    python benchmarks/bench_build.py [N ...]        (default: 10000 100000)

Rows of data/digest-2025-07.md are repeated with fresh arXiv ids (and every 7th paper gets a
second version), so the text, the vocabulary hits and the new names are those of real rows.
Prints rows, papers, links, triples and seconds per stage.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build  # noqa: E402


def synth(n: int, path: Path) -> None:
    lines = (ROOT / "data" / "digest-2025-07.md").read_text(encoding="utf-8").splitlines()
    rows = [ln for ln in lines[2:] if ln.startswith("|")]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("|Source|Title|Summary|\n|---|---|---|\n")
        for i in range(n):
            cells = rows[i % len(rows)].split("|")
            pid = f"{2600 + i // 90000:04d}.{i % 90000:05d}"
            cells[1] = f"{pid}v1"
            cells[2] = cells[2].replace("http://arxiv.org/abs/", "http://arxiv.org/abs/x")
            fh.write("|".join(cells) + "\n")
            if i % 7 == 0:
                cells[1] = f"{pid}v2"
                fh.write("|".join(cells) + "\n")


def main(sizes: list[int]) -> None:
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            digest = Path(tmp) / "digest.md"
            synth(n, digest)
            t0 = time.time()
            s = build([digest], Path(tmp) / "out", progress=False, views=False)
            t1 = time.time()
            print(f"papers={s.papers} rows={s.rows} links={sum(s.links.values())} triples={s.triples} "
                  f"entities={s.entities_known}+{s.entities_new} build_without_views={t1 - t0:.1f}s")
            print("  stages: " + ", ".join(f"{k} {v}s" for k, v in s.stages.items()))
            for name in ("graph.nt", "graph.ttl", "graph.jsonld", "links.jsonl", "graph.graphml"):
                print(f"  {name:14} {(Path(tmp) / 'out' / name).stat().st_size / 1e6:8.1f} MB")
            sys.stdout.flush()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10000, 100000])
