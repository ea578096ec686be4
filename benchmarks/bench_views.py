"""Benchmark of the views on a large synthetic build.

    .venv/bin/python benchmarks/bench_views.py [--papers 10000] [--entities 6000] [--no-browser]

Writes a synthetic links.jsonl (Zipf-like entity popularity, 3-7 links per paper, a new method
per paper as in real digests) into a temporary build directory, times the generation of every
default view, then opens graph.html and matrix.html in headless Chromium and times them until
the page says it is drawn (window.kgReady).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
TYPES = ("Task", "Dataset", "Method", "Metric")
REL = {"Task": "addressesTask", "Dataset": "usesDataset", "Method": "usesMethod", "Metric": "reportsMetric"}


def synthetic(out: Path, n_papers: int, n_entities: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    share = {"Task": 0.15, "Dataset": 0.25, "Method": 0.5, "Metric": 0.1}
    pools = {t: [f"{t.lower()} {i}" for i in range(int(n_entities * share[t]))] for t in TYPES}
    weights = {t: [1 / (i + 1) ** 1.1 for i in range(len(p))] for t, p in pools.items()}
    n = 0
    with open(out / "links.jsonl", "w", encoding="utf-8") as fh:
        for k in range(n_papers):
            pid = f"{2400 + k // 90000}.{k % 90000:05d}"
            title = f"Paper {k}: a study of {rng.choice(pools['Task'])} 语音情感识别"
            chosen = []
            for t, m in (("Task", 1), ("Dataset", rng.randint(0, 2)), ("Method", rng.randint(1, 3)), ("Metric", rng.randint(0, 1))):
                chosen += [(t, lab) for lab in set(rng.choices(pools[t], weights[t], k=m))]
            chosen.append(("Method", f"NewNet-{k}"))
            for t, lab in chosen:
                slug = lab.replace(" ", "-").lower()
                fh.write(json.dumps({
                    "paper": pid, "type": t, "label": lab, "alt_labels": [lab.upper()], "novel": lab.startswith("NewNet"),
                    "relation": "https://w3id.org/kg-digest/ontology#" + ("proposesMethod" if lab.startswith("NewNet") else REL[t]),
                    "evidence": f"... we use {lab} for {title[:40]} ...", "matched": lab, "field": "summary",
                    "rule": "vocabulary", "confidence": 0.9, "entity": f"https://w3id.org/kg-digest/id/{t.lower()}/{slug}",
                    "paper_iri": f"http://arxiv.org/abs/{pid}", "title": title}, ensure_ascii=False) + "\n")
                n += 1
    return n


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--papers", type=int, default=10_000)
    ap.add_argument("--entities", type=int, default=6_000)
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--keep", type=Path, help="write the build here instead of a temporary directory")
    a = ap.parse_args()
    from kg.viz import build_views
    from kg.viz.data import Data
    from kg.viz.model import whole_graph

    with tempfile.TemporaryDirectory() as tmp:
        out = a.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        links = synthetic(out, a.papers, a.entities)
        data = Data.load(out)
        used = len(data.entities)
        print(f"synthetic build: {a.papers} papers, {used} entities, {links} links")
        t = time.perf_counter()
        g = whole_graph(data)
        print(f"graph model + layout: {len(g.labels)} nodes, {len(g.edges)} edges "
              f"({'leaves aggregated' if g.large else 'all nodes'}): {time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        files = build_views(out)
        print(f"build_views (4 pages + 8 pictures): {time.perf_counter() - t:.2f} s")
        for f in files:
            if f.suffix == ".html":
                print(f"  {f.name:28s} {f.stat().st_size / 1e6:6.2f} MB")
        if not a.no_browser:
            from browser import Browser
            b = Browser()
            try:
                for name in ("graph.html", "overlap-dataset-method.html", "matrix.html"):
                    page = b.page()
                    t = time.perf_counter()
                    b.open(out / name, page, timeout=120_000)
                    dt = time.perf_counter() - t
                    n = page.evaluate("window.kg && kg.nodes ? kg.nodes.length : document.body.dataset.cells")
                    print(f"Chromium: {name:28s} drawn in {dt:.2f} s ({n} {'nodes' if 'matrix' not in name else 'cells'})")
                    t = time.perf_counter()
                    if "matrix" not in name:
                        page.evaluate("kg.setType('Method', false)")
                        page.evaluate("kg.find('task 1')")
                        print(f"Chromium: {name:28s} filter + search in {time.perf_counter() - t:.2f} s")
                        page.evaluate("kg.setType('Method', true)")
                        big = page.evaluate("kg.nodes.getIds().reduce((a, b) => kg.nodes.get(a).value >= "
                                            "kg.nodes.get(b).value ? a : b)")
                        t = time.perf_counter()
                        page.evaluate(f"kg.select({big}, false)")
                        print(f"Chromium: {name:28s} click on the biggest node (highlight + panel) "
                              f"in {time.perf_counter() - t:.2f} s")
                    page.close()
                assert not b.external, b.external
            finally:
                b.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
