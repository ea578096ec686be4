"""Build benchmark: `kg build` on a synthetic digest of N papers made from the bundled rows.

    python benchmarks/bench_build.py [N ...]                 (default: 10000 100000)
    python benchmarks/bench_build.py --incremental [N]       (default: 80000; adds one day of 500 papers)
    python benchmarks/bench_build.py --formats all 10000     (what to write; default: kg build's default)

Rows of data/digest-2025-07.md are repeated with fresh arXiv ids (and every 7th paper gets a
second version), so the text, the vocabulary hits and the new names are those of real rows.
Prints rows, papers, links, triples, the seconds of every stage, and beside them the floor the
stage is near: reading the input, Oxigraph's bulk loader on the same graph.nt (the store
stage), pyoxigraph parsing graph.nt and writing it as Turtle (graph.ttl), and writing bytes.

--incremental builds N-500 papers cold (day 1), adds a file of 500 new papers (day 2) and
rebuilds into the same folder (extraction cache), then builds both days cold into another
folder: prints both times, their ratio, and checks the two builds' files are byte-identical.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build, parse_formats  # noqa: E402

DAY = 500


def synth(n: int, path: Path, start: int = 0, unique: bool = False) -> None:
    """n papers from the bundled rows; unique: each summary ends with its own number, so that no
    two papers have the same texts (as in a real archive: the cache cannot share them)."""
    lines = (ROOT / "data" / "digest-2025-07.md").read_text(encoding="utf-8").splitlines()
    rows = [ln for ln in lines[2:] if ln.startswith("|")]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("|Source|Title|Summary|\n|---|---|---|\n")
        for i in range(start, start + n):
            cells = rows[i % len(rows)].split("|")
            pid = f"{2600 + i // 90000:04d}.{i % 90000:05d}"
            cells[1] = f"{pid}v1"
            cells[2] = cells[2].replace("http://arxiv.org/abs/", "http://arxiv.org/abs/x")
            if unique:
                cells[3] += f" (ref {i})"
            fh.write("|".join(cells) + "\n")
            if i % 7 == 0:
                cells[1] = f"{pid}v2"
                fh.write("|".join(cells) + "\n")


def floors(out: Path, inputs: list[Path], tmp: Path) -> dict[str, float]:
    """Seconds of the operations each stage cannot beat, on this build's own files."""
    from pyoxigraph import RdfFormat, Store, parse, serialize
    f: dict[str, float] = {}
    t = time.time()
    for p in inputs:
        p.read_bytes()
    f["read inputs"] = time.time() - t
    nt = out / "graph.nt"
    if not nt.exists():
        return f
    t = time.time()
    store_dir = tmp / "floor-store"
    s = Store(str(store_dir))
    s.bulk_load(path=str(nt), format=RdfFormat.N_TRIPLES, lenient=True)
    s.optimize()
    del s
    f["oxigraph bulk load of graph.nt"] = time.time() - t
    shutil.rmtree(store_dir)
    t = time.time()
    for _ in parse(path=nt, format=RdfFormat.N_TRIPLES, lenient=True):
        pass
    f["parse graph.nt"] = time.time() - t
    t = time.time()
    with open(tmp / "floor.ttl", "wb") as fh:
        serialize(parse(path=nt, format=RdfFormat.N_TRIPLES, lenient=True), fh, RdfFormat.TURTLE)
    f["graph.nt -> Turtle"] = time.time() - t
    (tmp / "floor.ttl").unlink()
    data = nt.read_bytes()
    t = time.time()
    (tmp / "floor.bin").write_bytes(data)
    f["write graph.nt's bytes"] = time.time() - t
    (tmp / "floor.bin").unlink()
    return f


def report(s, seconds: float, out: Path) -> None:
    print(f"papers={s.papers} rows={s.rows} links={sum(s.links.values())} triples={s.triples} "
          f"entities={s.entities_known}+{s.entities_new} build_without_views={seconds:.1f}s")
    print("  stages:")
    for k, v in s.stages.items():
        print(f"    {k:60} {v:7.2f} s")
    for name in ("graph.nt", "graph.ttl", "graph.jsonld", "links.jsonl", "graph.graphml"):
        if (out / name).exists():
            print(f"  {name:14} {(out / name).stat().st_size / 1e6:8.1f} MB")


def peak_mb() -> float:
    import resource
    return max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def cold(n: int, formats) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        digest = tmp / "digest.md"
        synth(n, digest)
        t0 = time.time()
        s = build([digest], tmp / "out", progress=False, views=False, formats=formats, cache=False)
        report(s, time.time() - t0, tmp / "out")
        print("  floors (the same work done by the libraries alone):")
        for k, v in floors(tmp / "out", [digest], tmp).items():
            print(f"    {k:60} {v:7.2f} s")
        print(f"  peak memory {peak_mb():.0f} MB (largest process)")
        sys.stdout.flush()


def incremental(n: int, formats) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        days = tmp / "digests"
        days.mkdir()
        synth(n - DAY, days / "day1.md", unique=True)
        t0 = time.time()
        build([days], tmp / "out", progress=False, views=False, formats=formats)
        print(f"day 1: {n - DAY} papers, cold build with the cache written: {time.time() - t0:.1f} s")
        synth(DAY, days / "day2.md", start=n - DAY, unique=True)
        t0 = time.time()
        s = build([days], tmp / "out", progress=False, views=False, formats=formats)
        warm = time.time() - t0
        print(f"day 2: +{DAY} papers, incremental build:")
        report(s, warm, tmp / "out")
        t0 = time.time()
        c = build([days], tmp / "cold", progress=False, views=False, formats=formats, cache=False)
        cold_s = time.time() - t0
        print(f"the same {c.papers} papers, cold build: {cold_s:.1f} s")
        for k, v in c.stages.items():
            print(f"    {k:60} {v:7.2f} s")
        same = all((tmp / "out" / f).read_bytes() == (tmp / "cold" / f).read_bytes()
                   for f in ("graph.nt", "graph.ttl", "links.jsonl", "graph.graphml") if (tmp / "cold" / f).exists())
        print(f"incremental / cold = {warm:.1f} s / {cold_s:.1f} s = {100 * warm / cold_s:.0f}% "
              f"(target <= 15%); files byte-identical: {same}")
        sys.stdout.flush()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int)
    ap.add_argument("--incremental", action="store_true")
    ap.add_argument("--formats", default=None)
    a = ap.parse_args()
    formats = tuple(f for f in parse_formats(a.formats) if f != "views")
    if a.incremental:
        for n in a.sizes or [80000]:
            incremental(n, formats)
    else:
        for n in a.sizes or [10000, 100000]:
            cold(n, formats)


if __name__ == "__main__":
    main()
