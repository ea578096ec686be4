"""kg build: digests -> papers -> mentions -> links -> graph -> files and store in OUT/."""
from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Triple

from . import export
from .extract import extract_all, load_nlp
from .graph import entity_triples, paper_triples
from .ingest import IngestReport, ingest
from .link import Linker, find_results
from .consolidate import consolidate
from .model import TYPES, Link, Paper, RowError
from .store import create_store, open_store


SIDE_BY_SIDE = 2000  # papers from which the stages after extraction run in parallel processes


class BuildInUse(Exception):
    pass


@dataclass
class BuildSummary:
    rows: int = 0
    papers: int = 0
    versions: int = 0
    links: Counter = field(default_factory=Counter)
    novel: Counter = field(default_factory=Counter)
    entities_known: int = 0
    entities_new: int = 0
    triples: int = 0
    results: int = 0
    errors: list[RowError] = field(default_factory=list)
    seconds: float = 0.0
    stages: dict = field(default_factory=dict)  # stage -> seconds
    files: list[Path] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"rows read        {self.rows}",
            f"papers           {self.papers} ({self.versions} versions merged into them)",
            "links            " + ", ".join(f"{t} {self.links.get(t, 0)}" for t in TYPES)
            + f" (introduced datasets {self.novel.get('Dataset', 0)}, proposed methods {self.novel.get('Method', 0)})",
            f"entities         {self.entities_known} from the vocabulary, {self.entities_new} newly found",
            f"results          {self.results} (metric values stated in the summaries)",
            f"triples          {self.triples}",
            f"rows skipped     {len(self.errors)}",
        ]
        for e in self.errors[:20]:
            out.append(f"  {e}")
        if len(self.errors) > 20:
            out.append(f"  ... and {len(self.errors) - 20} more")
        out.append(f"time             {self.seconds:.1f} s")
        return out


class Progress:
    """Progress lines on stderr for long inputs (at most one every two seconds)."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled, self.last, self.t0 = total, enabled and total >= 2000, 0.0, time.time()

    def update(self, done: int) -> None:
        now = time.time()
        if self.enabled and (now - self.last >= 2 or done == self.total):
            self.last = now
            print(f"  extracting {done}/{self.total} papers ({now - self.t0:.0f} s)", file=sys.stderr, flush=True)


class _Job:
    """func(*args), in a forked process when `fork` is true and the platform has fork, else right
    away; result() returns its value (raising RuntimeError if the process failed)."""

    def __init__(self, fork: bool, what: str, func, *args):
        import multiprocessing as mp
        self.what, self.proc = what, None
        if not fork or "fork" not in mp.get_all_start_methods():
            self.value = func(*args)
            return
        ctx = mp.get_context("fork")
        self.pipe, child_end = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=_run, args=(child_end, func, args), daemon=True)
        self.proc.start()
        child_end.close()

    def result(self):
        if self.proc is not None:
            try:
                self.value = self.pipe.recv()
            except EOFError:  # the process died; its exit code says how
                self.value = None
            self.proc.join()
            if self.proc.exitcode != 0:
                raise RuntimeError(f"writing {self.what} failed (exit code {self.proc.exitcode})")
            self.proc = None
        return self.value


def _run(pipe, func, args) -> None:
    pipe.send(func(*args))
    pipe.close()


def _links_and_views(rows: list[dict], summaries: dict[str, str] | None, out: Path, views: bool) -> list[Path]:
    """graph.graphml, links.jsonl and (if views) the default views; returns the views' files."""
    export.write_graphml(rows, out / "graph.graphml")
    export.write_links(rows, out / "links.jsonl")
    if not views:
        return []
    from .viz import build_views
    from .viz.data import Data
    return build_views(out, None if summaries is None else Data.from_rows(rows, summaries))


def build(inputs: list[str | Path], out: Path, vocab_paths: list[Path] | None = None,
          min_confidence: float = 0.0, progress: bool = True, views: bool = True) -> BuildSummary:
    t0 = time.time()
    out = Path(out)
    from .serve import served_by
    pid = served_by(out)
    if pid is not None:
        raise BuildInUse(f"{out}/ is being served by `kg serve` (server pid {pid}); stop it, "
                         f"or build into another directory with -o")
    out.mkdir(parents=True, exist_ok=True)
    summary = BuildSummary()
    report = IngestReport()
    papers = ingest(inputs, report)
    summary.rows, summary.errors = report.rows, report.errors
    summary.papers = len(papers)
    summary.versions = sum(len(p.versions) for p in papers)

    nlp = load_nlp(vocab_paths)
    vocabulary = nlp.get_pipe("kg_vocab_matcher").vocabulary  # parsed once, shared with the pipeline
    linker = Linker(vocabulary, min_confidence=min_confidence)
    bar = Progress(len(papers), progress)

    linked: list[tuple[Paper, list[Link]]] = []  # what the graph is made of, for links.jsonl

    def triples() -> Iterator[Triple]:
        extracted = consolidate(list(extract_all(papers, nlp)), vocabulary)  # corpus-level, before linking
        for i, (paper, mentions) in enumerate(extracted, start=1):
            links = linker.link(paper, mentions)
            linked.append((paper, links))
            for lk in links:
                summary.links[lk.type] += 1
                summary.novel[lk.type] += lk.novel
            results = find_results(paper, mentions, links)
            summary.results += len(results)
            yield from paper_triples(paper, links, results)
            bar.update(i)
        yield from entity_triples(linker.entities.values(), vocabulary)

    stage = t0

    def lap(name: str) -> None:
        nonlocal stage
        now = time.time()
        summary.stages[name] = round(now - stage, 2)
        stage = now
        if bar.enabled:  # long inputs: say what is done, the later stages are silent otherwise
            print(f"  {name}: done in {summary.stages[name]:.1f} s", file=sys.stderr, flush=True)

    lap("ingest+load pipeline")
    nt = out / "graph.nt"
    export.write_ntriples(triples(), nt)
    lap("extract+link+graph.nt")
    summary.entities_known = sum(e.known for e in linker.entities.values())
    summary.entities_new = sum(not e.known for e in linker.entities.values())
    # links.jsonl, GraphML and the views come from the links as made (same records as the store
    # would answer, see export.graph_link_rows), so they need not wait for the store
    rows = export.graph_link_rows(linked, linker.entities, vocabulary)
    summaries = {p.iri: p.latest.summary for p, _ in linked if p.latest.summary}
    del linked
    lap("links view")
    # On large inputs the independent stages run side by side in forked processes:
    # Turtle+JSON-LD, links.jsonl+GraphML+views, and the store.
    side = summary.papers >= SIDE_BY_SIDE
    writer = _Job(side, "graph.ttl / graph.jsonld", export.write_turtle_and_jsonld, nt, out)
    if not side:
        lap("graph.ttl+graph.jsonld")
    links = None
    if rows is not None:
        links = _Job(side, "links.jsonl / graph.graphml / views", _links_and_views, rows, summaries, out, views)
        if not side:
            lap("links.jsonl+graph.graphml+views")
    summary.triples = create_store(out, nt)
    lap("store")
    if rows is None:  # the records depend on the store's answer: read them from it, as `kg view` does
        rows = export.link_rows(open_store(out))
        links = _Job(False, "links.jsonl / graph.graphml / views", _links_and_views, rows, None, out, views)
        lap("links view from the store, links.jsonl+graph.graphml+views")
    del rows
    summary.files = [out / n for n in ("graph.ttl", "graph.nt", "graph.jsonld", "links.jsonl", "graph.graphml")]
    writer.result()
    summary.files += links.result()
    if side:
        lap("waiting for graph.ttl, graph.jsonld, links.jsonl, graph.graphml, views")
    summary.seconds = time.time() - t0
    return summary
