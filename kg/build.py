"""kg build: digests -> papers -> mentions -> links -> graph -> files and store in OUT/."""
from __future__ import annotations

import gc
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import export, outputs
from .extract import extract_all, load_nlp
from .graph import entity_triples, paper_triples
from .ingest import IngestReport, ingest
from .link import Linker, find_results
from .model import TYPES, RowError
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
    curation: object = None  # curate.CurationReport

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
        c = self.curation
        if c is not None and (c.applied or c.not_applied):
            out.append(f"curation         {c.applied} applied, {len(c.not_applied)} no longer apply ({c.file})")
            for msg in c.not_applied[:20]:
                out.append(f"  not applied: {msg}")
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

    def stop(self) -> None:
        if self.proc is not None and self.proc.is_alive():
            self.proc.terminate()
            self.proc.join()

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


class _Now:
    """The value of a stage run right away (what _stage gives on small inputs)."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value

    def stop(self) -> None:
        pass


def _stage(side: bool, jobs: list, folder: Path, what: str, func, *args):
    """func(*args): in a fresh process beside the build when `side` (kg.sidejob; its value comes
    from result()), else right away."""
    if not side:
        return _Now(func(*args))
    from .sidejob import FreshJob
    job = FreshJob(what, func, args, folder)
    jobs.append(job)
    return job


# --- what a build writes --------------------------------------------------------------------

FORMATS = {  # --formats name -> what it writes
    "store": "store/ (the Oxigraph store: kg query, kg serve)",
    "nt": "graph.nt",
    "ttl": "graph.ttl",
    "jsonld": "graph.jsonld",
    "links": "links.jsonl",
    "graphml": "graph.graphml",
    "views": "graph.html, overlap and matrix views (+ .svg, .png)",
}
DEFAULT_FORMATS = ("store", "nt", "ttl", "links", "graphml", "views")
MANIFEST = "build.json"
BUILD_ENTRIES = {"store", "graph.nt", "graph.ttl", "graph.jsonld", "links.jsonl", "graph.graphml", MANIFEST}


class BuildError(Exception):
    """A build that cannot start or finish for a reason the user can fix; nothing was replaced."""


class StrictFailure(Exception):
    """--strict and something was skipped; nothing was replaced."""

    def __init__(self, problems: list[str]):
        super().__init__(f"--strict: {len(problems)} problem(s); the previous build is left as it was")
        self.problems = problems


def parse_formats(text: str | None) -> tuple[str, ...]:
    """'store,ttl' / 'all' / 'default' / 'default,jsonld' -> the formats, in FORMATS order."""
    if not text:
        return DEFAULT_FORMATS
    chosen: set[str] = set()
    for part in (p.strip() for p in text.split(",")):
        if part == "all":
            chosen.update(FORMATS)
        elif part == "default":
            chosen.update(DEFAULT_FORMATS)
        elif part in FORMATS:
            chosen.add(part)
        elif part:
            raise BuildError(f"--formats: unknown format {part!r} (one of {', '.join(FORMATS)}, all, default)")
    return tuple(f for f in FORMATS if f in chosen)


class _HashingWriter:
    """A binary file that hashes what is written to it."""

    def __init__(self, fh):
        import hashlib
        self.fh, self.sha = fh, hashlib.sha256()

    def write(self, b) -> int:
        self.sha.update(b)
        return self.fh.write(b)

    def flush(self) -> None:
        self.fh.flush()


def _kg_version() -> str:
    try:
        from importlib.metadata import version
        return version("kg")
    except Exception:
        return "unknown"


# --- atomic replacement of OUT ----------------------------------------------------------------

def _prepare(out: Path, input_files: list[Path]) -> Path:
    """Check that OUT can be (re)placed and make the sibling folder the build is written into."""
    import os
    import re
    import tempfile
    from .serve import served_by
    pid = served_by(out)
    if pid is not None:
        raise BuildInUse(f"{out}/ is being served by `kg serve` (server pid {pid}); stop it, "
                         f"or build into another directory with -o")
    if out.exists() and not out.is_dir():
        raise BuildError(f"-o {out}: is a file, not a folder; name a folder for the build")
    for up in [out, *out.parents]:
        if up.exists():
            if not up.is_dir():
                raise BuildError(f"-o {out}: {up} is a file, so no folder can be made under it")
            break
    parent = out.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BuildError(f"-o {out}: cannot make {parent}: {e.strerror}") from None
    if out.is_dir():
        resolved = out.resolve()
        inside = [f for f in input_files if f.resolve().is_relative_to(resolved)]
        if inside:
            raise BuildError(f"-o {out}: the folder holds input {inside[0]}; a build replaces its whole "
                             f"folder, so build into another one")
        names = {p.name for p in out.iterdir()}
        if names and not (names & {MANIFEST, "store", "graph.nt"}):
            raise BuildError(f"-o {out}: the folder is not empty and holds no kg build "
                             f"({', '.join(sorted(names)[:3])}, ...); a build replaces its whole folder, "
                             f"so name a new or empty folder")
    # temporary folders of builds that were killed
    for stale in parent.glob(f".{out.name}.kg-*"):
        m = re.search(r"\.kg-(?:building|old)-(\d+)-", stale.name)
        if m and not _alive(int(m.group(1))):
            shutil.rmtree(stale, ignore_errors=True)
    if not os.access(parent, os.W_OK | os.X_OK) or (out.is_dir() and not os.access(out, os.W_OK | os.X_OK)):
        raise BuildError(f"-o {out}: {parent if not os.access(parent, os.W_OK) else out} is read-only; "
                         f"build into a folder you can write")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.kg-building-{os.getpid()}-", dir=parent))
    except OSError as e:
        raise BuildError(f"-o {out}: cannot write in {parent}: {e.strerror}") from None
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o777 & ~mask)  # as a folder made by mkdir (mkdtemp makes it private)
    return tmp


def _alive(pid: int) -> bool:
    import os
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _swap(tmp: Path, out: Path) -> None:
    """Put the finished build in tmp in the place of OUT (renames in the same folder)."""
    import os
    import tempfile
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.kg-old-{os.getpid()}-", dir=tmp.parent))
        old.rmdir()
        os.rename(out, old)
        try:
            os.rename(tmp, out)
        except OSError:
            os.rename(old, out)
            raise
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(tmp, out)


def read_manifest(out: Path) -> dict | None:
    """OUT/build.json of a complete build, else None."""
    import json
    try:
        m = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return m if isinstance(m, dict) and m.get("complete") is True else None


# --- the build --------------------------------------------------------------------------------

def build(inputs: list[str | Path], out: Path, vocab_paths: list[Path] | None = None,
          min_confidence: float = 0.0, progress: bool = True, views: bool = True,
          formats: tuple[str, ...] | None = None, curation: Path | None = None,
          cache: bool = True, strict: bool = False) -> BuildSummary:
    """Build the graph of the inputs into OUT, atomically: everything is written into a sibling
    folder, which replaces OUT only when complete (OUT/build.json, written last, says so), so a
    failed or interrupted build leaves the previous one as it was.

    Stages: ingest -> extract (cached per paper, in parallel) -> consolidate -> link -> curate ->
    graph (graph.nt) -> store, Turtle/JSON-LD, links.jsonl/GraphML/views.
    """
    from .ingest import find_inputs
    t0 = time.time()
    out = Path(out)
    formats = tuple(formats) if formats is not None else DEFAULT_FORMATS
    if not views:
        formats = tuple(f for f in formats if f != "views")
    input_files = find_inputs(inputs)
    tmp = _prepare(out, input_files)
    jobs: list[_Job] = []
    try:
        summary = _build_into(tmp, out, inputs, input_files, vocab_paths, min_confidence, progress, formats,
                              curation, cache, strict, jobs, t0)
        _swap(tmp, out)
    except BaseException:
        gc.unfreeze()
        for j in jobs:
            j.stop()
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    gc.unfreeze()  # (frozen in _build_into) the build's objects can be collected again
    summary.files = [out / f.relative_to(tmp) if f.is_relative_to(tmp) else f for f in summary.files]
    summary.seconds = time.time() - t0
    return summary


def _build_into(tmp: Path, out: Path, inputs, input_files: list[Path], vocab_paths, min_confidence: float,
                progress: bool, formats: tuple[str, ...], curation_file: Path | None, use_cache: bool,
                strict: bool, jobs: list, t0: float) -> BuildSummary:
    import json
    from . import curate
    from .cache import (ExtractCache, IngestCache, extractor_version, file_sha256, ingest_version, paper_key,
                        vocabulary_hash)
    from .consolidate import consolidated
    from .spill import MentionSpill
    summary = BuildSummary()
    report = IngestReport()
    read_cache = IngestCache(out if out.is_dir() else None, ingest_version(), enabled=use_cache)
    papers = ingest(inputs, report, cache=read_cache)
    summary.rows, summary.errors = report.rows, report.errors
    summary.papers = len(papers)
    summary.versions = sum(len(p.versions) for p in papers)
    if strict and summary.errors:
        raise StrictFailure([str(e) for e in summary.errors])
    curation_path = Path(curation_file) if curation_file else curate.default_file(list(inputs))
    corrections = curate.load(curation_path)  # CurationError before any work

    stage = t0
    bar = Progress(len(papers), progress)

    def lap(name: str) -> None:
        nonlocal stage
        now = time.time()
        summary.stages[name] = round(now - stage, 2)
        stage = now
        if bar.enabled:  # long inputs: say what is done, the later stages are silent otherwise
            print(f"  {name}: done in {summary.stages[name]:.1f} s", file=sys.stderr, flush=True)

    nlp = load_nlp(vocab_paths)
    vocabulary = nlp.get_pipe("kg_vocab_matcher").vocabulary  # parsed once, shared with the pipeline
    lap("ingest+load pipeline")
    gc.freeze()  # what is made so far lives to the end: the collector need not scan it again

    # extract, from the cache where the paper's texts and the extractor are unchanged
    version = extractor_version(vocab_paths)
    cache = ExtractCache(out if out.is_dir() else None, version, enabled=use_cache)
    keys = [paper_key(p) for p in papers] if use_cache else []
    # each paper's mentions (kg.spill blobs) go to a file, not to memory: the stages below read
    # them back one paper at a time
    found: list[bytes | None] = [cache.get(k) for k in keys] if use_cache else [None] * len(papers)
    todo = [i for i, ms in enumerate(found) if ms is None]
    cache.hits, cache.misses = len(papers) - len(todo), len(todo)
    lap(f"extraction cache ({cache.hits} papers from it)")
    bar.total = len(todo)
    extracted = MentionSpill(papers, tmp)  # (consolidated, below; closed after graph.nt)
    with MentionSpill(papers, tmp) as spill:
        fresh = extract_all([papers[i] for i in todo], nlp, encoded=True)
        n = 0
        for i, blob in enumerate(found):
            if blob is None:
                _paper, blob = next(fresh)
                if use_cache:
                    cache.put(keys[i], blob)
                n += 1
                bar.update(n)
            spill.append(blob)
        del found, fresh
        lap(f"extract ({len(todo)} papers)")
        gc.freeze()  # what is made so far lives to the end: the collector need not scan it again
        # the new cache entries are written beside the next stages (a forked process on large inputs)
        cache_job = _Job(summary.papers >= SIDE_BY_SIDE, "the caches", _save_caches, (cache, read_cache), tmp)
        jobs.append(cache_job)
        cache.release()  # (saved, or being saved by the forked process, which has its own copy)
        read_cache.release()
        extracted.extend(consolidated(spill, vocabulary))
    lap("consolidate")

    # link (corpus-level: over every paper, from the mentions; a paper whose mentions and whose
    # share of the linker's state are unchanged since the previous build from the link cache)
    # and curate
    from .linkcache import LinkCache, link_version
    linker = Linker(vocabulary, min_confidence=min_confidence)
    link_cache = LinkCache(out if out.is_dir() else None, link_version(version, min_confidence), enabled=use_cache)
    linked = link_cache.link_all(linker, extracted, keys if use_cache else None)
    lap(f"link ({link_cache.reused} papers from the link cache)")
    link_job = _Job(summary.papers >= SIDE_BY_SIDE, "the link cache", _save_caches, (link_cache,), tmp)
    jobs.append(link_job)
    links_from_cache, papers_linked = link_cache.reused, link_cache.linked
    del link_cache
    gc.freeze()  # what is made so far lives to the end: the collector need not scan it again
    linked, creport = curate.apply(linked, linker, corrections, str(curation_path))
    if strict and creport.not_applied:
        raise StrictFailure(creport.not_applied)
    lap("curate")

    # graph: graph.nt, the build's canonical file (hashed as written), one block of triples per
    # paper, then the entities; a paper's block that is unchanged since the previous build is
    # copied from its graph.nt
    from pyoxigraph import RdfFormat, serialize
    from .cache import GraphBlocks, block_key, graph_version
    previous = read_manifest(out) if out.is_dir() else None
    gversion = graph_version()
    old_blocks = GraphBlocks(out, gversion, previous and previous.get("graph_sha256"), enabled=use_cache)
    blocks: dict[bytes, tuple[int, int]] = {}
    block_lines: dict[bytes, int] = {}  # key -> its number of triples
    nt = tmp / "graph.nt"
    paper_blocks: list[bytes] = []  # each paper's key of its block, in the order of `linked`
    pos = ntriples = reused = 0
    NT = RdfFormat.N_TRIPLES
    want_rows = "links" in formats or "graphml" in formats or "views" in formats
    # On large inputs the stages after graph.nt run side by side, each in a fresh process
    # (kg.sidejob): Turtle/JSON-LD, the store, and links.jsonl/GraphML/views, which read the
    # papers and links from a file written here beside graph.nt
    side = summary.papers >= SIDE_BY_SIDE
    labels = export.row_labels(linked, linker.entities, vocabulary) if side and want_rows else None
    linked_file = tmp / ".kg-linked.bin"
    linked_fh = open(linked_file, "wb") if labels is not None else None
    with open(nt, "wb") as fh:
        hw = _HashingWriter(fh)
        for (paper, mentions), (_p, links) in zip(extracted, linked):
            if linked_fh is not None:
                outputs.write_linked(linked_fh, paper, links)
            for lk in links:
                summary.links[lk.type] += 1
                summary.novel[lk.type] += lk.novel
            if creport.mapping:  # results name the merged / retyped entities by their new IRIs
                mentions = [replace(m, concept=creport.target(m.concept)) if m.concept in creport.mapping else m
                            for m in mentions]
            results = find_results(paper, mentions, links)
            summary.results += len(results)
            key = block_key(paper, links, results)
            paper_blocks.append(key)
            b = old_blocks.get(key)
            if b is None:
                b = serialize(paper_triples(paper, links, results), None, NT)
                n = b.count(b"\n")
            else:
                reused += 1
                n = old_blocks.lines.get(key)
                if n is None:
                    n = b.count(b"\n")
            hw.write(b)
            blocks[key] = (pos, len(b))
            block_lines[key] = n
            pos += len(b)
            ntriples += n
        b = serialize(entity_triples(linker.entities.values(), vocabulary), None, NT) or b""
        hw.write(b)
        entity_block = (pos, len(b))
        pos += len(b)
        ntriples += b.count(b"\n")
    if linked_fh is not None:
        linked_fh.close()
    graph_sha = hw.sha.hexdigest()
    extracted.close()
    lap(f"graph.nt ({reused} papers' triples reused)")
    summary.entities_known = sum(e.known for e in linker.entities.values())
    summary.entities_new = sum(not e.known for e in linker.entities.values())
    rdf_names = tuple(n for f, n in (("ttl", "graph.ttl"), ("jsonld", "graph.jsonld")) if f in formats)
    writer = ttl_job = None
    if "graph.ttl" in rdf_names:  # block by block, reusing the previous graph.ttl's unchanged blocks
        ttl_job = _stage(side, jobs, tmp, "graph.ttl", outputs.write_turtle_blocks, nt, tmp / "graph.ttl", blocks,
                         entity_block, out / "graph.ttl", old_blocks.turtle if old_blocks.valid else None)
    if "graph.jsonld" in rdf_names:
        writer = _stage(side, jobs, tmp, "graph.jsonld", outputs.write_rdf, nt, tmp, ("graph.jsonld",))
    if rdf_names and not side:
        lap("+".join(rdf_names))
    links_job = None
    previous_out = out if use_cache and out.is_dir() else None
    if want_rows and not side:
        links_job = _Now(outputs.rows_and_views(linked, linker.entities, vocabulary, tmp, formats, paper_blocks,
                                                previous_out, use_cache))
        lap("links view, links.jsonl+graph.graphml+views")
    elif labels is not None:
        links_job = _stage(True, jobs, tmp, "links view / links.jsonl / graph.graphml / views",
                           outputs.rows_and_views_from, linked_file, labels, tmp, formats, paper_blocks,
                           previous_out, use_cache)
    elif want_rows:  # the rows cannot be made from the links: they are read from the store below
        links_job = _Now(None)
    del linked, labels
    summary.triples = ntriples  # lines of graph.nt; the store's count (distinct triples) when there is one
    if "store" in formats:
        n = _update_store(out, tmp, nt, old_blocks, blocks, entity_block, pos, ntriples,
                          (previous or {}).get("counts", {}).get("triples")
                          if "store/" in (previous or {}).get("files", []) else None)
        if n is not None:
            summary.triples = n
            lap("store (the previous one, updated)")
        else:
            summary.triples = _stage(side, jobs, tmp, "the store", create_store, tmp, nt).result()
            lap("store")
    view_files = links_job.result() if links_job is not None else []
    linked_file.unlink(missing_ok=True)
    if view_files is None:  # the records depend on the store's answer: read them from it, as `kg view` does
        if "store" not in formats:
            summary.triples = create_store(tmp, nt)
        rows = export.link_rows(open_store(tmp))
        view_files = outputs.links_views(rows, None, tmp, formats)
        del rows
        lap("links view from the store, links.jsonl+graph.graphml+views")
        if "store" not in formats:
            shutil.rmtree(tmp / "store")
    if writer is not None:
        writer.result()
    turtle_index = ttl_job.result() if ttl_job is not None else None
    if side:
        lap("waiting for " + ", ".join(rdf_names + ("links view, links.jsonl, graph.graphml, views",)))
    cache_job.result()
    link_job.result()
    if use_cache and "nt" in formats:
        GraphBlocks.save(tmp, gversion, graph_sha, pos, blocks, entity_block, turtle_index, block_lines)
    lap("caches written")

    # the manifest, last: what this build is
    files = [tmp / n for n in ("graph.ttl", "graph.nt", "graph.jsonld", "links.jsonl", "graph.graphml")
             if (tmp / n).exists()]
    if "nt" not in formats:
        nt.unlink()
        files.remove(nt)
    summary.files = files + list(view_files)
    summary.curation = creport
    manifest = {
        "complete": True,
        "kg_version": _kg_version(),
        "inputs": [{"path": str(f), "sha256": read_cache.hashes.get(str(f)) or file_sha256(f)} for f in input_files],
        "formats": list(formats),
        "counts": {"rows": summary.rows, "papers": summary.papers, "versions": summary.versions,
                   "links": {t: summary.links.get(t, 0) for t in TYPES},
                   "novel": {t: summary.novel.get(t, 0) for t in ("Dataset", "Method")},
                   "entities_known": summary.entities_known, "entities_new": summary.entities_new,
                   "results": summary.results, "triples": summary.triples, "rows_skipped": len(summary.errors),
                   "papers_extracted": cache.misses, "papers_from_cache": cache.hits,
                   "papers_linked": papers_linked, "papers_links_from_cache": links_from_cache,
                   "files_parsed": read_cache.misses, "files_from_cache": read_cache.hits},
        "vocabulary": [str(p) for p in (vocab_paths or [])] or "ontology/vocab/*.ttl",
        "vocabulary_hash": vocabulary_hash(vocab_paths),
        "extractor_version": version,
        "min_confidence": min_confidence,
        "curation": creport.as_dict() | {"sha256": file_sha256(curation_path) if curation_path.exists() else None},
        "graph_sha256": graph_sha,
        "files": sorted([f.relative_to(tmp).as_posix() for f in summary.files]
                        + (["store/"] if (tmp / "store").is_dir() else [])),
        "skipped": [str(e) for e in summary.errors],
    }
    (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return summary


def _save_caches(caches, out: Path) -> None:
    for c in caches:
        c.save(out)


def _update_store(out: Path, tmp: Path, nt: Path, old, blocks: dict, entity_block: tuple[int, int],
                  size: int, lines: int, old_count: int | None) -> int | None:
    """Make tmp/store from the previous build's store when few blocks changed: a backup of it
    (hard links to its immutable files) with the triples of the changed blocks removed and
    those of the new blocks added; returns its number of triples, or None when a full load is the
    better way (or the only one)."""
    from pyoxigraph import RdfFormat, Store, parse
    from .store import store_path
    old_store = store_path(out)
    if not old.valid or not old_store.is_dir() or not isinstance(old_count, int):
        return None
    removed = [r for k, r in old.blocks.items() if k not in blocks]
    added = [r for k, r in blocks.items() if k not in old.blocks]
    NT = RdfFormat.N_TRIPLES
    from .cache import FileBytes
    new = FileBytes(nt)
    old_e = set(parse(input=old.old_entities(), format=NT, lenient=True))
    new_e = set(parse(input=new[entity_block[0]:entity_block[0] + entity_block[1]], format=NT, lenient=True))
    changed = sum(old.data[o:o + n].count(b"\n") for o, n in removed) \
        + sum(new[o:o + n].count(b"\n") for o, n in added) + len(old_e ^ new_e)
    if changed > 0.25 * max(lines, 1):
        return None
    target = store_path(tmp)
    try:
        Store.read_only(str(old_store)).backup(str(target))
        st = Store(str(target))
        gone = [q for o, n in removed for q in parse(input=old.data[o:o + n], format=NT, lenient=True)]
        gone += sorted(old_e - new_e, key=str)
        count = old_count
        for q in gone:
            if q in st:
                st.remove(q)
                count -= 1
        come = [q for o, n in added for q in parse(input=new[o:o + n], format=NT, lenient=True)]
        come += sorted(new_e - old_e, key=str)
        come = [q for q in dict.fromkeys(come) if q not in st]
        st.extend(come)
        st.flush()
        n = count + len(come)  # len(st) would scan the whole store
        del st
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        return None
    return n
