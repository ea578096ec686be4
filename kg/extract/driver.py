"""Running the pipeline over papers: extract() streams, extract_all() forks workers for large inputs."""
from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language

from ..model import Mention, Paper
from .mentions import mentions_from_doc


def extract(papers: Iterable[Paper], nlp: Language, batch_size: int = 256) -> Iterable[tuple[Paper, list[Mention]]]:
    """Stream (paper, mentions) in input order; texts of all versions are read."""
    def texts():
        for paper in papers:
            items = paper.texts()
            for i, (fld, ver, text) in enumerate(items):
                yield text, (paper, fld, ver, i == len(items) - 1)

    current: list[Mention] = []
    for doc, (paper, fld, ver, last) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        current.extend(mentions_from_doc(doc, fld, ver))
        if last:
            yield paper, current
            current = []


_WORKER: dict = {}
_MIN_FORKED = 100  # fewer papers are extracted in this process (forking costs more than it saves)
_MIN_CHUNK = 25
# papers a worker extracts before a fresh one (forked from the build again) takes its place: the
# pipeline's string store and the rules' caches grow with every new word a worker reads (on an
# archive, from 0.2 to 0.55 GB of each worker's own memory over 41,000 papers); the results do not
# depend on them
_PAPERS_PER_WORKER = 4000


def _extract_chunk(bounds: tuple[int, int]) -> list:
    papers, nlp, enc = _WORKER["papers"], _WORKER["nlp"], _WORKER["encode"]
    return [enc(ms) if enc else ms for _, ms in extract(papers[bounds[0]:bounds[1]], nlp)]


def extract_all(papers: list[Paper], nlp: Language, processes: int | None = None,
                chunk: int = 200, encoded: bool = False) -> Iterable[tuple[Paper, list[Mention] | bytes]]:
    """extract() on several cores for large inputs, results in input order; encoded: each
    paper's mentions as a kg.spill blob (what a build keeps), made in the worker.

    Worker processes are forked after the pipeline is built, so they share it and the papers
    without pickling either; only the mentions travel back.
    """
    from ..spill import encode
    enc = encode if encoded else None
    import multiprocessing as mp
    import os
    if processes is None:
        processes = min(len(os.sched_getaffinity(0)), 4) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if processes < 2 or len(papers) < _MIN_FORKED or "fork" not in mp.get_all_start_methods():
        for paper, ms in extract(papers, nlp):
            yield paper, enc(ms) if enc else ms
        return
    # (a few hundred papers, one day of an archive added to a build: chunks small enough that
    # every worker gets its share)
    chunk = max(_MIN_CHUNK, min(chunk, -(-len(papers) // (4 * processes))))
    _WORKER.update(papers=papers, nlp=nlp, encode=enc)
    try:
        with mp.get_context("fork").Pool(processes, maxtasksperchild=max(1, _PAPERS_PER_WORKER // chunk)) as pool:
            bounds = [(i, min(i + chunk, len(papers))) for i in range(0, len(papers), chunk)]
            for (lo, _hi), results in zip(bounds, pool.imap(_extract_chunk, bounds)):
                for k, ms in enumerate(results):
                    yield papers[lo + k], ms
    finally:
        _WORKER.clear()
