"""The record every reader yields, and its assembly into a Version of a Paper."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import Text, Version
from .text import ARXIV_BASE, MAX_TEXT, URL, SourceId, detect_lang, has_surrogate, is_placeholder, parse_source

_ARXIV_PDF = re.compile(r"^https?://(?:www\.|export\.)?arxiv\.org/pdf/", re.I)  # the abs page is the paper's link
# Which text is the primary summary (Version.summary) when a record has several.
PRIMARY = ("summary", "tldr", "abstract")


@dataclass
class Record:
    """One paper as one digest entry gives it (a table row, a heading block, a JSON record ...)."""

    file: str
    line: int  # first line (or record number) in the file
    source: str | None = None  # the id as written (arXiv id, DOI, URL, ...); None: the digest has no id field
    title: str = ""
    summary: str = ""  # the text of a Summary column (kind "summary")
    url: str = ""  # a link to the paper, when given
    texts: list[tuple[str, str]] = field(default_factory=list)  # (kind, text) of every other text
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    date: str = ""
    end: int = 0  # last line of the record (0: the same as line)


Row = Record  # the name earlier code used


def _arxiv(value: str) -> SourceId | None:
    try:
        sid = parse_source(value)
    except ValueError:
        return None
    return sid if sid.iri.startswith(ARXIV_BASE) else None


def _choose_source(rec: Record) -> SourceId:
    """The id: the Source as given; else the link. An arXiv link also names the version."""
    src = (rec.source or "").strip()
    url = (rec.url or "").strip()
    if src:
        try:
            sid = parse_source(src)
        except ValueError:
            sid = _arxiv(url) if url else None
            if sid is None:
                raise
    elif rec.source is not None:  # the digest has a Source column and this cell is empty
        sid = _arxiv(url) if url else None
        if sid is None:
            raise ValueError("empty Source cell")
    elif url:
        sid = parse_source(url)
    else:
        raise ValueError("no paper id: no Source, link or arXiv id")
    if sid.iri.startswith(ARXIV_BASE) and not sid.version and url:
        u = _arxiv(url)
        if u is not None and u.key == sid.key and u.version:
            return u
    return sid


def to_version(rec: Record) -> tuple[SourceId, Version]:
    """The paper id and the Version a record gives; ValueError says what is wrong with it."""
    sid = _choose_source(rec)
    for name, value in (("title", rec.title), ("summary", rec.summary), ("source", rec.source or "")):
        if len(value) > MAX_TEXT:
            raise ValueError(f"{name} of {len(value):,} characters is over the limit of {MAX_TEXT:,}")
    texts: list[tuple[str, str]] = []
    seen: set[str] = set()
    for kind, text in ([("summary", rec.summary)] if rec.summary else []) + rec.texts:
        if not text or text in seen or is_placeholder(text):
            continue
        if len(text) > MAX_TEXT:
            raise ValueError(f"{kind} text of {len(text):,} characters is over the limit of {MAX_TEXT:,}")
        seen.add(text)
        texts.append((kind, text))
    title = rec.title
    if not title and not texts:
        raise ValueError("row has neither a title nor a summary")
    if not title:
        raise ValueError("empty Title cell")
    for value in [title, rec.source or "", rec.url, *(t for _, t in texts), *rec.authors]:
        if has_surrogate(value):
            raise ValueError("text contains an unpaired UTF-16 surrogate (such as \\ud800); it is not valid Unicode")
    primary = ""
    for k in PRIMARY:
        primary = next((t for kind, t in texts if kind == k), "")
        if primary:
            break
    if not primary and texts:
        primary = texts[0][1]
    ordered = sorted(texts, key=lambda kt: kt[1] != primary)  # the primary first, the others in order
    url = rec.url if URL.match(rec.url or "") and not _ARXIV_PDF.match(rec.url) and len(rec.url) <= 2000 and not any(c in rec.url for c in "<>\"{}|\\^` ") \
        else sid.version_iri
    v = Version(sid.version, title, primary, url, rec.file, rec.line,
                tuple(Text(k, detect_lang(t), t) for k, t in ordered),
                tuple(rec.authors), tuple(rec.categories), rec.date)
    return sid, v


def same_listing(a: Version, b: Version) -> bool:
    """Two entries of one version of a paper (the same paper in two digests or files)."""
    return a.label == b.label and " ".join(a.title.split()).casefold() == " ".join(b.title.split()).casefold()


def merge(a: Version, b: Version) -> Version:
    """a with what b adds: texts it lacks, and authors, categories, date where a has none."""
    have = {t.text for t in a.texts} | {a.summary}
    extra = tuple(t for t in b.texts if t.text not in have)
    changes: dict = {}
    if extra:
        changes["texts"] = a.texts + extra
    if not a.summary and b.summary:
        changes["summary"] = b.summary
    if not a.authors and b.authors:
        changes["authors"] = b.authors
    cats = a.categories + tuple(c for c in b.categories if c not in a.categories)
    if cats != a.categories:
        changes["categories"] = cats
    if not a.date and b.date:
        changes["date"] = b.date
    return replace(a, **changes) if changes else a
