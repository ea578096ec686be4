"""Ingest: digest files (Markdown tables, CSV, JSON Lines) -> Papers.

Rows are streamed; a row that cannot be read becomes a RowError naming the file, the line and
what is wrong, and every other row is still read.  Versions of one paper (2507.18119v1,
2507.18119v2) become one Paper keyed by the bare id.
"""
from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .model import Paper, RowError, Version

ARXIV_BASE = "http://arxiv.org/abs/"
PAPER_NS = "https://w3id.org/kg-digest/id/paper/"

# Header names accepted for each field, compared case-insensitively.
FIELD_NAMES = {
    "source": {"source", "id", "arxiv", "arxiv id", "paper", "来源", "出处", "编号"},
    "title": {"title", "paper title", "标题", "题目", "论文"},
    "summary": {"summary", "abstract", "tl;dr", "tldr", "摘要", "总结", "概要"},
}
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}

_NEW_ARXIV = re.compile(r"^(?:arxiv:)?(\d{4}\.\d{4,5})(v(\d+))?$", re.I)
_OLD_ARXIV = re.compile(r"^(?:arxiv:)?([a-z][a-z.\-]+/\d{7})(v(\d+))?$", re.I)
_ARXIV_URL = re.compile(r"^https?://(?:www\.)?arxiv\.org/(?:abs|pdf)/([^\s?#]+?)(?:\.pdf)?/?$", re.I)
_DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.I)
_URL = re.compile(r"^https?://\S+$", re.I)
_LINK = re.compile(r"^\s*\[(?P<text>(?:\\.|[^\]\\])*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\)\s*$")
_BR = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"</?(?:b|i|em|strong|u|sup|sub|span|p|div|code)\b[^>]*>", re.I)
_EMPH = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


@dataclass(frozen=True)
class SourceId:
    key: str  # the paper's key: bare arXiv id, else the Source cell as given
    iri: str  # the paper's IRI
    version: str  # "v2" or ""
    version_iri: str


def parse_source(cell: str) -> SourceId:
    """Turn a Source cell into the paper's key and IRI; raises ValueError when it is unusable."""
    s = cell.strip().strip("`")
    if not s:
        raise ValueError("empty Source cell")
    if re.search(r"\s", s):
        raise ValueError(f"Source {s!r} is not an arXiv id, DOI, URL or identifier (it contains spaces)")
    m = _ARXIV_URL.match(s)
    if m:
        s = m.group(1)
    m = _NEW_ARXIV.match(s) or _OLD_ARXIV.match(s)
    if m:
        bare, ver = m.group(1), (m.group(2) or "").lower()
        iri = ARXIV_BASE + bare
        return SourceId(bare, iri, ver, iri + ver)
    m = _DOI.match(s)
    if m:
        iri = "https://doi.org/" + quote(m.group(1), safe="/:;()._-")
        return SourceId(s, iri, "", iri)
    if _URL.match(s):
        if any(c in s for c in "<>\"{}|\\^`"):
            raise ValueError(f"Source {s!r} is not a valid URL")
        return SourceId(s, s, "", s)
    iri = PAPER_NS + quote(s, safe="")
    return SourceId(s, iri, "", iri)


def clean_text(text: str) -> str:
    """Markdown/HTML cell text -> plain text: <br/> to line breaks, no emphasis, entities unescaped."""
    text = _BR.sub("\n", text)
    text = _TAG.sub("", text)
    text = text.replace("\\|", "|")
    for _ in range(2):  # nested emphasis such as **_x_**
        text = _EMPH.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = html.unescape(text)
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:  # collapse runs of blank lines to one
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


def parse_title(cell: str) -> tuple[str, str]:
    """A title cell, plain or a Markdown link, -> (title text, url or "")."""
    m = _LINK.match(cell)
    if m:
        return clean_text(m.group("text").replace("\\]", "]").replace("\\[", "[")), m.group("url")
    return clean_text(cell), ""


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    source: str
    title: str
    summary: str
    url: str = ""


def _field_of(name: str) -> str | None:
    n = clean_text(name).strip().lower()
    for fld, names in FIELD_NAMES.items():
        if n in names:
            return fld
    return None


_CELL_BAR = re.compile(r"(?<!\\)\|")  # a | not escaped as \|


def _split_cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip() for c in _CELL_BAR.split(s)]


_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def read_markdown(path: Path, name: str) -> Iterator[Row | RowError]:
    """Every table in the file whose header names Source, Title and Summary (in any order)."""
    columns: dict[str, int] | None = None
    ncols = 0
    expect_sep = False
    saw_table = False
    with open(path, encoding="utf-8-sig", errors="strict") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.rstrip("\n")
            is_row = line.lstrip().startswith("|")
            if not is_row:
                columns = None
                expect_sep = False
                continue
            cells = _split_cells(line)
            if expect_sep:
                expect_sep = False
                if _SEPARATOR.match(line):
                    continue
                yield RowError(name, lineno, "expected the |---| separator line under the table header")
            if columns is None:
                fields = [_field_of(c) for c in cells]
                if {"source", "title", "summary"} <= set(fields):
                    columns = {f: fields.index(f) for f in ("source", "title", "summary")}
                    ncols = len(cells)
                    expect_sep = True
                    saw_table = True
                continue
            if len(cells) != ncols:
                yield RowError(name, lineno, f"row has {len(cells)} cells, the table header has {ncols}"
                               " (an unescaped | inside a cell?)")
                continue
            title, url = parse_title(cells[columns["title"]])
            yield Row(name, lineno, cells[columns["source"]], title,
                      clean_text(cells[columns["summary"]]), url)
    if not saw_table:
        yield RowError(name, 1, "no table with Source, Title and Summary columns found")


def _record_fields(keys: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for k in keys:
        fld = _field_of(k) if k is not None else None
        if fld and fld not in out:
            out[fld] = k
        elif k is not None and k.strip().lower() in {"url", "link", "链接"}:
            out.setdefault("url", k)
    return out


def read_csv(path: Path, name: str) -> Iterator[Row | RowError]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        cols = _record_fields(reader.fieldnames or [])
        missing = [f for f in ("source", "title", "summary") if f not in cols]
        if missing:
            yield RowError(name, 1, f"CSV header lacks column(s) {', '.join(missing)}")
            return
        line = reader.line_num
        for rec in reader:
            start, line = line + 1, reader.line_num
            if None in rec:
                yield RowError(name, start, f"row has {len(reader.fieldnames) + len(rec[None])} fields,"
                               f" the header has {len(reader.fieldnames)}")
                continue
            title, url = parse_title(rec.get(cols["title"]) or "")
            yield Row(name, start, rec.get(cols["source"]) or "", title,
                      clean_text(rec.get(cols["summary"]) or ""),
                      (rec.get(cols["url"]) or "").strip() if "url" in cols else url)


def read_jsonl(path: Path, name: str) -> Iterator[Row | RowError]:
    with open(path, encoding="utf-8-sig") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as e:
                yield RowError(name, lineno, f"invalid JSON: {e.msg} (column {e.colno})")
                continue
            if not isinstance(rec, dict):
                yield RowError(name, lineno, "expected a JSON object with source, title and summary")
                continue
            cols = _record_fields(rec.keys())
            missing = [f for f in ("source", "title") if f not in cols]
            if missing:
                yield RowError(name, lineno, f"record lacks field(s) {', '.join(missing)}")
                continue
            bad = [cols[f] for f in ("source", "title", "summary", "url")
                   if f in cols and rec[cols[f]] is not None and not isinstance(rec[cols[f]], str)]
            if bad:
                yield RowError(name, lineno, f"field(s) {', '.join(bad)} must be strings")
                continue
            title, url = parse_title(rec[cols["title"]] or "")
            yield Row(name, lineno, rec[cols["source"]] or "", title,
                      clean_text(rec.get(cols.get("summary", ""), "") or ""),
                      (rec.get(cols["url"]) or "").strip() if "url" in cols else url)


READERS: dict[str, Callable[[Path, str], Iterator[Row | RowError]]] = {
    "markdown": read_markdown, "csv": read_csv, "jsonl": read_jsonl,
}


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the digest files inside directories named, in a stable order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                              and not f.name.startswith(".")))
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(f"{p}: no such file or directory")
    return out


def read_rows(path: Path) -> Iterator[Row | RowError]:
    name = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield RowError(name, 0, f"unknown digest format {path.suffix!r} (expected .md, .csv or .jsonl)")
        return
    try:
        yield from READERS[kind](path, name)
    except UnicodeDecodeError as e:
        yield RowError(name, 0, f"not UTF-8 text ({e.reason} at byte {e.start})")


def row_to_version(row: Row) -> tuple[SourceId, Version]:
    sid = parse_source(row.source)
    if not row.title and not row.summary:
        raise ValueError("row has neither a title nor a summary")
    if not row.title:
        raise ValueError("empty Title cell")
    url = row.url if _URL.match(row.url or "") else sid.version_iri
    return sid, Version(sid.version, row.title, row.summary, url, row.file, row.line)


@dataclass
class IngestReport:
    rows: int = 0
    errors: list[RowError] = field(default_factory=list)


def ingest(paths: Iterable[str | Path], report: IngestReport | None = None) -> list[Paper]:
    """Read every digest; return the Papers in order of first appearance.

    Bad rows are appended to report.errors and skipped.
    """
    report = report if report is not None else IngestReport()
    papers: dict[str, Paper] = {}
    for path in find_inputs(paths):
        for item in read_rows(path):
            if isinstance(item, RowError):
                report.errors.append(item)
                continue
            report.rows += 1
            try:
                sid, version = row_to_version(item)
            except ValueError as e:
                report.errors.append(RowError(item.file, item.line, str(e)))
                continue
            paper = papers.get(sid.iri)
            if paper is None:
                paper = papers[sid.iri] = Paper(sid.key, sid.iri)
            if not any(v.label == version.label and v.title == version.title and v.summary == version.summary
                       for v in paper.versions):
                paper.versions.append(version)
    return list(papers.values())
