"""Benchmark of the views on a large synthetic build.

    .venv/bin/python benchmarks/bench_views.py [--papers 80000] [--entities 6000] [--no-browser]
        [--keep DIR] [--only graph]

Writes a synthetic links.jsonl (Zipf-like entity popularity, 3-7 links per paper, a new method
per paper as in real digests) into a temporary build directory, times the generation of every
default view (pages and pictures apart, each picture's time and sizes) and of the ego view of the most used method, then opens the pages in headless
Chromium and prints, per page, the time until it is drawn (ready), a click on the biggest
node (or a matrix cell), a search and a filter, each until the next frame is drawn.
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
sys.path.insert(0, str(ROOT))  # this checkout's kg, not another one installed in the venv
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
            m = k % 24  # spread over 24 months (2401 .. 2512), as arXiv ids carry their month
            pid = f"{24 + m // 12}{m % 12 + 1:02d}.{k // 24:05d}"
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


def timed(page, action: str) -> str:
    """Milliseconds, measured in the page, from the action until the next frame is drawn."""
    ms = page.evaluate("""async (src) => { const t0 = performance.now(); await (0, eval)(src);
        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - t0; }""", action)
    return f"{ms:6.0f} ms"


def browser_times(out: Path, ego: Path | None, only: str | None = None) -> None:
    """ready (until the page says it is drawn), click, search and filter in headless Chromium,
    each timed in the page until the next frame is drawn."""
    from browser import Browser
    b = Browser()
    try:
        for path in [out / "graph.html", out / "overlap-dataset-method.html", out / "overlap-datasets.html"] + ([ego] if ego else []):
            if only and not path.name.startswith(only):
                continue
            page = b.page()
            t = time.perf_counter()
            b.open(path, page, timeout=300_000)
            ready = f"{(time.perf_counter() - t) * 1000:6.0f} ms"
            n = page.evaluate("kg.nodes.length")
            big = page.evaluate("kg.nodes.getIds().reduce((a, b) => kg.nodes.get(a).value >= kg.nodes.get(b).value ? a : b)")
            click = timed(page, f"kg.select({big}, false)")
            search = timed(page, "kg.find('dataset 7')")
            filt = timed(page, "kg.setMin(3)")
            labels = page.evaluate("kg.labels().length")
            print(f"Chromium {path.name:32s} {n:6d} nodes  ready {ready}  click {click}  search {search}  "
                  f"filter {filt}  ({labels} labels drawn)")
            page.close()
        if not only or "matrix.html".startswith(only):
            page = b.page()
            t = time.perf_counter()
            b.open(out / "matrix.html", page, timeout=300_000)
            ready = f"{(time.perf_counter() - t) * 1000:6.0f} ms"
            click = timed(page, "document.querySelector('td.kg-c').click()")
            search = timed(page, "(() => { const q = document.getElementById('kg-q'); q.value = 'dataset 77'; "
                                 "q.dispatchEvent(new Event('input')); })()")
            timed(page, "kg.set({q: ''})")
            sort = timed(page, "kg.set({sort: 'similar'})")
            task = timed(page, "kg.set({task: document.getElementById('kg-task').options[1].value})")
            upset = timed(page, "document.getElementById('kg-tab-upset').click()")
            trends = timed(page, "document.getElementById('kg-tab-trends').click()")
            print(f"Chromium matrix.html  ready {ready}  click a cell {click}  search {search}  sort (related) {sort}  "
                  f"task filter {task}  co-usage tab {upset}  trends tab {trends}")
            page.close()
        assert not b.external, b.external
        assert not b.errors, b.errors[:3]
    finally:
        b.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--papers", type=int, default=80_000)
    ap.add_argument("--entities", type=int, default=6_000)
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--keep", type=Path, help="write the build here instead of a temporary directory")
    ap.add_argument("--only", help="time in Chromium only the pages whose name starts with this (graph, overlap, matrix, ...)")
    a = ap.parse_args()
    from kg.viz import build_views, write_view
    from kg.viz.data import Data
    from kg.viz.model import whole_graph

    with tempfile.TemporaryDirectory() as tmp:
        out = a.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        links = synthetic(out, a.papers, a.entities)
        data = Data.load(out)
        print(f"synthetic build: {a.papers} papers, {len(data.entities)} entities, {links} links "
              f"({time.perf_counter() - t:.1f} s)")
        t = time.perf_counter()
        g = whole_graph(data)
        print(f"graph model + layout: {len(g.labels)} nodes, {len(g.edges)} edges: {time.perf_counter() - t:.2f} s")
        from kg.viz import pictures
        pictures.TIMES.clear()
        t = time.perf_counter()
        files = build_views(out, data)
        took, pics = time.perf_counter() - t, sum(pictures.TIMES.values())
        print(f"build_views: {took:.2f} s: pages {took - pics:.2f} s, pictures (SVG + PDF + PNG) {pics:.2f} s")
        for stem, sec in pictures.TIMES.items():
            sizes = "  ".join(f"{f.suffix[1:]} {f.stat().st_size / 1e3:5.0f} kB" for f in sorted(out.glob(stem + ".*"))
                              if f.suffix in (".svg", ".pdf", ".png"))
            print(f"  picture {stem:28s} {sec:6.2f} s  {sizes}")
        t = time.perf_counter()
        ego = write_view(out, "method", data, "method 0", pictures=False)[0]
        print(f"ego view of the most used method: {time.perf_counter() - t:.2f} s")
        for f in files + [ego]:
            if f.suffix == ".html":
                print(f"  {f.name:32s} {f.stat().st_size / 1e6:6.2f} MB")
        if not a.no_browser:
            browser_times(out, ego, a.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
