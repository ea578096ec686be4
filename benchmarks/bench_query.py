"""Benchmark: every canned query on a large synthetic graph in the kg shape.

    .venv/bin/python benchmarks/bench_query.py                 # ~1.04M triples (7,700 papers)
    .venv/bin/python benchmarks/bench_query.py --papers 20000  # bigger
    .venv/bin/python benchmarks/bench_query.py --rdflib        # also time rdflib parsing the same graph

Papers are synthesised with kg's own triple writer (kg.graph.paper_triples / entity_triples) and the
real vocabulary: each paper addresses 1-2 tasks, uses 1-3 datasets (skewed, IEMOCAP and MELD frequent),
uses 3-5 methods, proposes one new method, sometimes introduces a new dataset, reports a metric and
states a result, with one or two versions: the same triples per paper as a real build.  The graph is
written as N-Triples, bulk-loaded into a fresh Oxigraph store (as `kg build` does) and every canned
query is timed through kg.query (parse + evaluate + render as a table), best and median of --repeat.
Not part of the test suite.
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pyoxigraph import RdfFormat, Store, serialize  # noqa: E402

from kg import query as kq  # noqa: E402
from kg.graph import entity_triples, paper_triples  # noqa: E402
from kg.model import Entity, Link, Paper, Result, Version  # noqa: E402
from kg.vocab import Vocabulary, entity_iri  # noqa: E402

PARAMS = {
    "papers-using-dataset": {"dataset": "IEMOCAP"},
    "methods-with-dataset": {"dataset": "IEMOCAP"},
    "papers-on-task": {"task": "emotion recognition"},
    "dataset-overlap": {"dataset1": "IEMOCAP", "dataset2": "MELD"},
    "papers-using-both": {"x": "IEMOCAP", "y": "MELD"},
}
WORDS = ("robust multimodal speech emotion recognition via contrastive self-supervised learning with "
         "large language models for expressive text-to-speech and speaker verification in noisy "
         "conversational settings using graph attention and cross-modal fusion").split()


def synthesise(n_papers: int, seed: int = 7):
    """(triples iterator factory, papers count): the synthetic graph, deterministic for SEED."""
    vocab = Vocabulary.load()
    rnd = random.Random(seed)
    by_type: dict[str, list[str]] = {}
    for iri, c in vocab.concepts.items():
        by_type.setdefault(c.type, []).append(iri)
    hot = {"Dataset": [vocab.lookup("IEMOCAP", "Dataset").iri, vocab.lookup("MELD", "Dataset").iri],
           "Task": [vocab.lookup("speech emotion recognition", "Task").iri,
                    vocab.lookup("multimodal emotion recognition", "Task").iri]}

    def pick(t: str, k: int) -> list[str]:
        pool = by_type[t]
        out = set()
        while len(out) < k:
            if t in hot and rnd.random() < 0.15:
                out.add(rnd.choice(hot[t]))
            else:  # Zipf-like: a few concepts are very common
                out.add(pool[min(int(rnd.paretovariate(1.2)) - 1, len(pool) - 1)])
        return sorted(out)

    def triples():
        entities: dict[str, Entity] = {}

        def known(iri):
            if iri not in entities:
                c = vocab.concepts[iri]
                entities[iri] = Entity(iri, c.type, c.pref, c.alt_labels, True, list(c.broader))
            return iri

        for i in range(n_papers):
            key = f"{2300 + i // 99999:04d}.{i % 99999:05d}"
            iri = f"http://arxiv.org/abs/{key}"
            title = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 14))).capitalize()
            summary = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(30, 60))) + "."
            versions = [Version(f"v{v + 1}", title, summary, f"{iri}v{v + 1}", "synthetic.md", i + 1)
                        for v in range(1 + (rnd.random() < 0.2))]
            paper = Paper(key, iri, versions)
            links = []

            def link(entity, typ, rel, novel=False):
                links.append(Link(iri, entity, typ, rel, novel, summary[:120], "x", "summary", "v1",
                                  "vocabulary", round(rnd.uniform(0.5, 0.99), 2)))

            for t in pick("Task", rnd.randint(1, 2)):
                link(known(t), "Task", "addressesTask")
            datasets = pick("Dataset", rnd.randint(1, 3))
            for d in datasets:
                link(known(d), "Dataset", "usesDataset")
            for m in pick("Method", rnd.randint(3, 5)):
                link(known(m), "Method", "usesMethod")
            metric = known(pick("Metric", 1)[0])
            link(metric, "Metric", "reportsMetric")
            new = entity_iri("Method", f"NewNet-{i}")
            entities[new] = Entity(new, "Method", f"NewNet-{i}", [], False, [], iri)
            link(new, "Method", "proposesMethod", True)
            if rnd.random() < 0.1:
                nd = entity_iri("Dataset", f"NewCorpus-{i}")
                entities[nd] = Entity(nd, "Dataset", f"NewCorpus-{i}", [], False, [], iri)
                link(nd, "Dataset", "introducesDataset", True)
            results = [Result(iri, metric, round(rnd.uniform(40, 99), 2), "%", summary[:80], datasets[0])]
            yield from paper_triples(paper, links, results)
        yield from entity_triples(entities.values(), vocab)

    return triples


def build_store(out: Path, papers: int) -> None:
    """Write OUT/graph.nt for PAPERS synthetic papers and bulk-load it into OUT/store, as kg build does."""
    nt = out / "graph.nt"
    t0 = time.perf_counter()
    serialize(synthesise(papers)(), str(nt), RdfFormat.N_TRIPLES)
    n_lines = sum(1 for _ in open(nt, "rb"))
    t_gen = time.perf_counter() - t0
    print(f"synthesised {papers:,} papers: {n_lines:,} triples, {nt.stat().st_size / 1e6:.0f} MB N-Triples "
          f"in {t_gen:.1f} s")

    t0 = time.perf_counter()
    store = Store(str(out / "store"))
    store.bulk_load(path=str(nt), format=RdfFormat.N_TRIPLES)
    store.optimize()
    n = len(store)
    del store
    print(f"oxigraph bulk load + optimize: {time.perf_counter() - t0:.1f} s ({n:,} triples)")
    assert n == n_lines, (n, n_lines)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--papers", type=int, default=7700, help="synthetic papers (7,700 give about 1.04M triples)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rdflib", action="store_true", help="also time rdflib parsing the N-Triples (slow)")
    ap.add_argument("--keep", type=Path, help="build the store here and keep it (default: a temp dir)")
    a = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="kg-bench-")
    out = a.keep or Path(tmp.name)
    out.mkdir(parents=True, exist_ok=True)
    # synthesis and loading run in a child process, so that the figures below are those of querying
    ctx = multiprocessing.get_context("spawn")
    child = ctx.Process(target=build_store, args=(out, a.papers))
    child.start()
    child.join()
    if child.exitcode != 0:
        return 1
    nt = out / "graph.nt"

    t0 = time.perf_counter()
    store = Store.read_only(str(out / "store"))
    print(f"open read-only store: {(time.perf_counter() - t0) * 1000:.0f} ms")
    t0 = time.perf_counter()
    cnt = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    print(f"COUNT(*) = {cnt:,} in {time.perf_counter() - t0:.2f} s")
    del store

    print(f"\n{'query':<26} {'rows':>7} {'best s':>8} {'median s':>9}")
    total = 0.0
    for name in kq.canned_queries():
        times, rows = [], 0
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            data = kq.execute(out, name, PARAMS.get(name, {}), "table")
            times.append(time.perf_counter() - t0)
            rows = int(data.decode().rstrip().rsplit("(", 1)[1].split()[0])
        total += min(times)
        print(f"{name:<26} {rows:>7,} {min(times):>8.3f} {statistics.median(times):>9.3f}")
    print(f"{'all canned queries':<26} {'':>7} {total:>8.3f}")
    print(f"peak RSS while querying (synthesis and loading ran in a child process): {rss_mb():.0f} MB")

    if a.rdflib:
        import rdflib
        t0 = time.perf_counter()
        g = rdflib.Graph()
        g.parse(str(nt), format="nt")
        print(f"\nrdflib parse of the same N-Triples: {time.perf_counter() - t0:.1f} s ({len(g):,} triples), "
              f"peak RSS {rss_mb():.0f} MB")
        c = kq.canned_queries()["dataset-co-usage"]
        t0 = time.perf_counter()
        rows = len(list(g.query(c.text)))
        print(f"rdflib dataset-co-usage: {time.perf_counter() - t0:.1f} s ({rows:,} rows)")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
