"""Ingest: digest files of every common format -> Papers.

One reader per family (markdown: tables and heading-per-paper digests; records: CSV/TSV, JSON
Lines, JSON/CSL-JSON; references: BibTeX, RIS, Atom/RSS), chosen by content (sniff) rather than
by suffix alone; each yields Records that one assembly (record.to_version) turns into Versions.
A record that cannot be read becomes a RowError naming the file, the true line and what is
wrong, and every other record is still read. Entries of one paper (versions 2507.18119v1 and
v2, the same paper in several days or files) become one Paper keyed by the bare id.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Paper, RowError, Version
from .decode import UndecodableError, decode
from .markdown import NO_PAPERS, _split_cells, read_markdown
from .record import Record, Row, merge, same_listing, to_version
from .records import read_csv, read_json, read_jsonl
from .references import read_bibtex, read_feed, read_ris
from .text import ARXIV_BASE, PAPER_NS, SourceId, clean_text, parse_source, parse_title

__all__ = ["ingest", "IngestReport", "parse_source", "clean_text", "parse_title", "find_inputs", "read_rows",
           "sniff", "SourceId", "Record", "Row", "ARXIV_BASE", "PAPER_NS", "_split_cells", "SUFFIXES"]

# Files a directory walk reads (named files are read whatever their suffix, by content).
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl",
            ".ndjson": "jsonl", ".json": "json", ".bib": "bibtex", ".bibtex": "bibtex", ".ris": "ris",
            ".atom": "feed", ".rss": "feed", ".xml": "feed"}
# A folder holding these is a kg build (its links.jsonl is output, not a digest).
_BUILD_MARKERS = ("graph.nt", "graph.ttl", "graph.graphml", "store")
_BUILD_FILES = {"links.jsonl", "graph.jsonld", "graph.nt", "graph.ttl", "graph.graphml", "build.json"}

READERS: dict[str, Callable[..., Iterator[Record | RowError]]] = {
    "markdown": read_markdown, "csv": read_csv, "tsv": lambda t, n: read_csv(t, n, "\t"),
    "jsonl": read_jsonl, "json": read_json, "bibtex": read_bibtex, "ris": read_ris, "feed": read_feed,
}
MAX_FILE_BYTES = 2 * 1024**3  # a file is decoded whole

_BIB = re.compile(r"^\s*@(article|misc|inproceedings|conference|book|booklet|techreport|online|unpublished|"
                  r"phdthesis|mastersthesis|incollection|inbook|manual|preprint|software|dataset|report|"
                  r"electronic|string|preamble|comment)\s*[{(]", re.I | re.M)
_RIS = re.compile(r"^TY  - ", re.M)
_FEED = re.compile(r"<(?:feed|rss|rdf:RDF)\b")


def sniff(text: str, suffix: str = "") -> str:
    """The format of a digest, from its content (the suffix only breaks ties)."""
    head = text[:8192].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and (head.startswith("<?xml") or _FEED.search(head[:2000])):
        return "feed"
    if head.startswith("{"):
        first = head.split("\n", 1)[0].strip()
        return "jsonl" if first.endswith("}") or suffix in (".jsonl", ".ndjson") else "json"
    if head.startswith("["):
        return "json"
    if _RIS.search(head) and not head.lstrip().startswith("|"):
        return "ris"
    if _BIB.search(head) and "|" not in head.split("\n", 1)[0]:
        return "bibtex"
    kind = SUFFIXES.get(suffix)
    if kind in ("csv", "tsv"):
        return kind
    first = head.split("\n", 1)[0]
    if not first.lstrip().startswith(("|", "#")):
        for sep, k in (("\t", "tsv"), (",", "csv")):
            if first.count(sep) >= 1:
                from .text import label_of
                cells = [c.strip().strip('"') for c in first.split(sep)]
                if any(label_of(c) == ("column", "title") for c in cells):
                    return k
    return "markdown"


def _is_build_dir(d: Path) -> bool:
    """A kg build: its manifest (build.json with the store or graph.nt), or links.jsonl beside the graph."""
    if (d / "build.json").exists() and ((d / "store").exists() or (d / "graph.nt").exists()):
        return True
    return (d / "links.jsonl").exists() and any((d / m).exists() for m in _BUILD_MARKERS)


def _walk(root: Path) -> Iterable[Path]:
    """Every file under root outside hidden folders, following symbolic links to folders (a digest
    archive assembled from links to day folders), each real folder once (a link back up is no loop)."""
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen:
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))  # hidden folders are skipped
        base = Path(dirpath)
        for name in sorted(filenames):
            yield base / name


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the digest files inside directories named (recursively, skipping hidden
    folders and kg's own build folders), in a stable order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found: list[Path] = []
            root_is_build = _is_build_dir(p)
            for f in _walk(p):
                rel = f.relative_to(p).parts
                if any(part.startswith(".") for part in rel) or not f.is_file():
                    continue
                if f.suffix.lower() not in SUFFIXES:
                    continue
                if any(_is_build_dir(p.joinpath(*rel[:i])) for i in range(1, len(rel))):
                    continue  # a build folder among the digests (`-o DIR/out`): all of it is output
                if root_is_build and (rel[0] in _BUILD_FILES or rel[0] == "store"):
                    continue  # built into the digests' own folder (`-o DIR`): skip kg's files only
                found.append(f)
            out.extend(sorted(found))
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(f"{p}: no such file or directory")
    return out


@dataclass
class IngestReport:
    rows: int = 0  # records read (good or bad)
    errors: list[RowError] = field(default_factory=list)
    files: int = 0
    formats: Counter = field(default_factory=Counter)  # format -> files
    encodings: dict[str, str] = field(default_factory=dict)  # file -> encoding, for files not in UTF-8
    merged: int = 0  # records that were another entry of a version already read
    no_papers: list[str] = field(default_factory=list)  # files found in a folder that hold no papers (a README)


def read_rows(path: Path, report: IngestReport | None = None) -> Iterator[Record | RowError]:
    """Every record of one file (or the RowError that says why the file cannot be read)."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield RowError(name, 1, f"file of {size:,} bytes is over the limit of {MAX_FILE_BYTES:,}; split it")
            return
        data = path.read_bytes()
    except OSError as e:
        yield RowError(name, 1, f"cannot read the file: {e.strerror or e}")
        return
    try:
        dec = decode(data)
    except UndecodableError as e:
        yield RowError(name, 1, str(e))
        return
    del data
    text = dec.text
    if text.startswith("\ufeff"):
        text = text[1:]
    kind = sniff(text, path.suffix.lower())
    if report is not None:
        report.formats[kind] += 1
        if not dec.encoding.startswith("utf-8"):
            report.encodings[name] = dec.encoding
    for line, what in sorted(dec.bad_lines.items()):
        yield RowError(name, line, f"{what}; the record on this line is skipped (the rest of the file is read)")
    bad = dec.bad_lines
    try:
        for item in READERS[kind](text, name):
            if bad and isinstance(item, Record) and any(item.line <= b <= max(item.line, item.end) for b in bad):
                continue  # reported above
            yield item
    except RecursionError:
        yield RowError(name, 1, f"{kind} input nested too deeply to read")
    except MemoryError:
        yield RowError(name, 1, "file too large to read in memory")
    except Exception as e:  # a reader's own bug must not stop the build: report it, keep what was read
        yield RowError(name, 1, f"could not read the rest of the file as {kind}: {type(e).__name__}: {e}")


def row_to_version(row: Record) -> tuple[SourceId, Version]:
    return to_version(row)


@dataclass
class _FileResult:
    kind: str = ""
    encoding: str = ""
    records: int = 0
    items: list = field(default_factory=list)  # RowError or (SourceId, Version), in file order


def _read_file(path: Path) -> _FileResult:
    """One file read and assembled: what a worker process sends back."""
    report = IngestReport()
    out = _FileResult()
    for item in read_rows(path, report):
        if isinstance(item, RowError):
            out.items.append(item)
            continue
        out.records += 1
        try:
            out.items.append(to_version(item))
        except ValueError as e:
            out.items.append(RowError(item.file, item.line, str(e)))
    out.kind = next(iter(report.formats), "")
    out.encoding = report.encodings.get(str(path), "")
    return out


def _results(files: list[Path], cache=None) -> Iterator[_FileResult]:
    """Each file's result, in file order, from the cache (kg.cache.IngestCache: keyed by the
    file's name and bytes) when the file is unchanged. (Reading files in forked workers was
    tried: on this 2-core machine the pickling of the versions back cost what the second core saved.)"""
    for f in files:
        res = cache.get(f) if cache is not None else None
        if res is None:
            res = _read_file(f)
            if cache is not None:
                cache.put(f, res)
        yield res


def ingest(paths: Iterable[str | Path], report: IngestReport | None = None, cache=None) -> list[Paper]:
    """Read every digest; return the Papers in order of first appearance.

    Bad records are appended to report.errors and skipped. cache: a kg.cache.IngestCache, which
    gives the result of a file read before (same name, same bytes, same reading code).
    """
    report = report if report is not None else IngestReport()
    papers: dict[str, Paper] = {}
    paths = list(paths)
    named = {Path(p) for p in paths if not Path(p).is_dir()}
    files = find_inputs(paths)
    for path, res in zip(files, _results(files, cache)):
        report.files += 1
        if res.kind:
            report.formats[res.kind] += 1
        if res.encoding:
            report.encodings[str(path)] = res.encoding
        report.rows += res.records
        for item in res.items:
            if isinstance(item, RowError):
                if path not in named and item.message.startswith(NO_PAPERS):
                    report.no_papers.append(item.file)  # a README beside the digests: not an error
                else:
                    report.errors.append(item)
                continue
            sid, version = item
            paper = papers.get(sid.iri)
            if paper is None:
                paper = papers[sid.iri] = Paper(sid.key, sid.iri)
            for i, v in enumerate(paper.versions):
                if same_listing(v, version):  # another entry of a version already read
                    paper.versions[i] = merge(v, version)
                    report.merged += 1
                    break
            else:
                paper.versions.append(version)
    return list(papers.values())
