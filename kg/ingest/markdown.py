"""Markdown digests: tables (any recognisable column set) and heading-per-paper blocks with
labelled fields (arXiv_daily, "New submissions", daily-arXiv-ai-enhanced), in one pass.

Line based, so every record and every error has its true line. A table lasts until the next
table header (a row followed by a |---| line): blank lines, stray \\r and text between its rows do
not end it, and a row that cannot be read is reported, never dropped silently.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import RowError
from .record import Record
from .text import (
    clean_text, is_arxiv_id, label_of, labels, parse_date, parse_title, split_authors, split_categories,
)

NO_PAPERS = "no papers found"
_CELL_BAR = re.compile(r"(?<!\\)\|")  # a | not escaped as \|
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_BOLD_LABEL_IN = re.compile(r"^\*\*(?P<label>[^*:：\n]{1,40})[:：]\s*\*\*\s*(?P<value>.*)$")  # **作者:** value
_BOLD_LABEL_OPEN = re.compile(r"^\*\*(?P<label>[^*:：\n]{1,40})[:：]\s*(?P<value>.*)$")  # **分类: value**
_BOLD_LABEL_ONLY = re.compile(r"^\*\*(?P<label>[^*:：\n]{1,40})\*\*\s*[:：]?\s*(?P<value>.*)$")  # **Abstract**
_PLAIN_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ;/&\-]{0,30}|[\u4e00-\u9fff]{1,8})\s*[:：]\s*(?P<value>.*)$")
_AUTHORS_LINE = re.compile(r"^\*(?!\*)(?P<value>[^*]+)\*$")
_HTML_ONLY = re.compile(r"^\s*</?(?:details|summary|div|p)\b[^>]*>(?:[^<]*</summary>)?\s*$", re.I)


def _split_cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip() for c in _CELL_BAR.split(s)]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line): \\n and \\r\\n end lines; a lone \\r between table rows ends a row too,
    elsewhere it is a space; a file with \\r only (old Mac) has \\r lines."""
    if "\n" not in text and "\r" in text:
        text = text.replace("\r", "\n")
    for n, line in enumerate(text.split("\n"), start=1):
        if line.endswith("\r"):
            line = line[:-1]
        if "\r" in line:
            parts = line.split("\r")
            if all(p.strip().startswith("|") or not p.strip() for p in parts):
                for p in parts:
                    yield n, p
                continue
            line = line.replace("\r", " ")
        yield n, line


# --- tables ------------------------------------------------------------------------------------

class _Table:
    def __init__(self, line: int, cells: list[str]) -> None:
        self.line, self.ncols = line, len(cells)
        self.cols: dict[str, int] = {}  # field -> column
        self.text_cols: list[tuple[str, int]] = []  # (kind, column)
        for i, c in enumerate(cells):
            what = label_of(c)
            if what is None:
                continue
            kind, name = what
            if kind == "text":
                self.text_cols.append((name, i))
            elif name != "ignore":
                self.cols.setdefault(name, i)
        self.known = bool(self.cols or self.text_cols)
        self.usable = "title" in self.cols and (len(self.cols) > 1 or bool(self.text_cols))

    def record(self, name: str, line: int, cells: list[str]) -> Record:
        rec = Record(name, line)
        title, turl = parse_title(cells[self.cols["title"]])
        rec.title = title
        url = turl
        if "url" in self.cols:
            text, u = parse_title(cells[self.cols["url"]])
            if is_arxiv_id(text):  # cv-arxiv-daily: the id is the PDF link's text
                url = u if u and "arxiv.org/" in u else text
            elif u or text.startswith("http"):
                url = u or text
        if "source" in self.cols:
            text, u = parse_title(cells[self.cols["source"]])
            rec.source = text
            if u and not url:
                url = u
        rec.url = url
        first_text = True
        for kind, i in self.text_cols:
            t = clean_text(cells[i])
            if not t:
                continue
            if kind == "summary" and first_text:
                rec.summary = t
            else:
                rec.texts.append((kind, t))
            first_text = False
        if "authors" in self.cols:
            rec.authors = split_authors(cells[self.cols["authors"]])
        if "date" in self.cols:
            rec.date = parse_date(cells[self.cols["date"]])
        if "categories" in self.cols:
            rec.categories = split_categories(cells[self.cols["categories"]])
        return rec


# --- heading-per-paper blocks -------------------------------------------------------------------

_LISTING = None


def _listing_prefix() -> re.Pattern:
    global _LISTING
    if _LISTING is None:
        words = "|".join(re.escape(w) for w in sorted(labels()["headings"]["listing"], key=len, reverse=True))
        _LISTING = re.compile(rf"^\[\s*(?:(?P<word>{words})\s*)?(?P<num>\d+)\s*\]\s*", re.I)
    return _LISTING


class _Block:
    """A heading and the labelled fields under it."""

    def __init__(self, line: int, heading: str) -> None:
        self.line = self.end = line
        m = _listing_prefix().match(heading)
        self.numbered = bool(m)
        self.status = (m.group("word") or "").lower() if m else ""
        rest = heading[m.end():] if m else heading
        self.title, self.url = parse_title(rest)
        self.fields: list[list] = []  # [kind, name, [lines], bold_open, line]
        self.open: list | None = None
        self.content_lines = 0

    def start(self, what: tuple[str, str] | None, value: str, bold_open: bool, line: int) -> None:
        kind, name = what if what else ("ignore", "ignore")
        f = [kind, name, [value] if value else [], bold_open, line]
        self.fields.append(f)
        self.open = f
        self.end = line

    def add(self, value: str, line: int) -> None:
        if self.open is not None:
            self.open[2].append(value)
            self.end = line

    def is_paper(self) -> bool:
        """A heading with labelled fields, or a numbered heading / a heading that links to arXiv."""
        if any(f[1] != "ignore" for f in self.fields):
            return True
        return bool(self.url) and ("arxiv.org/" in self.url or self.numbered)

    def record(self, name: str) -> Record:
        rec = Record(name, self.line, end=self.end)
        rec.title, rec.url = self.title, self.url
        for kind, fname, lines, bold_open, _ in self.fields:
            raw = " ".join(x.strip() for x in lines).strip()
            if bold_open and raw.endswith("**"):
                raw = raw[:-2].rstrip()
            if kind == "text":
                t = clean_text(raw)
                if t:
                    rec.texts.append((fname, t))
            elif fname == "url":
                text, u = parse_title(raw)
                u = u or text
                if not rec.url or ("arxiv.org/" in u and "arxiv.org/" not in rec.url):
                    rec.url = u
            elif fname == "source":
                text, u = parse_title(raw)
                rec.source = text or u
            elif fname == "title":
                t = clean_text(raw)
                rec.title = rec.title or t
            elif fname == "authors":
                rec.authors = rec.authors or split_authors(raw)
            elif fname == "categories":
                rec.categories = rec.categories + tuple(c for c in split_categories(raw) if c not in rec.categories)
            elif fname == "date":
                rec.date = rec.date or parse_date(raw)
        # a summary-kind text is the primary summary of the record
        for i, (k, t) in enumerate(rec.texts):
            if k == "summary":
                rec.summary = t
                del rec.texts[i]
                break
        return rec


_BOLD_RXS = ((_BOLD_LABEL_IN, False, False), (_BOLD_LABEL_OPEN, True, False), (_BOLD_LABEL_ONLY, False, False))
_PLAIN_RXS = ((_PLAIN_LABEL, False, True),)


def _field_line(s: str) -> tuple[tuple[str, str] | None, str, bool] | None:
    """(what the label names, value, bold left open) when the line starts a labelled field."""
    rxs = _BOLD_RXS if s.startswith("**") else _PLAIN_RXS
    for rx, bold_open, need_known in rxs:
        m = rx.match(s)
        if m:
            what = label_of(m.group("label"))
            if what is None and need_known:
                return None
            value = m.group("value")
            if rx is _BOLD_LABEL_IN or rx is _BOLD_LABEL_ONLY:
                bold_open = False
            return what, value, bold_open
    return None


def _strip_markers(line: str) -> str:
    s = line.strip()
    while s.startswith(">"):
        s = s[1:].lstrip()
    if s[:2] in ("- ", "* ", "+ "):
        s = s[2:].lstrip()
    return s


def read_markdown(text: str, name: str) -> Iterator[Record | RowError]:
    table: _Table | None = None
    block: _Block | None = None
    pending: tuple[int, str] | None = None  # a pipe row waiting to see whether a |---| line follows
    found = False

    def flush_block():
        nonlocal found
        if block is not None and block.is_paper():
            found = True
            return block.record(name)
        return None

    def row(lineno: int, line: str):
        nonlocal found
        if table is None or not table.usable:
            return None
        cells = _split_cells(line)
        if len(cells) != table.ncols:
            return RowError(name, lineno, f"row has {len(cells)} cells, the table header has {table.ncols}"
                            " (an unescaped | inside a cell?)")
        found = True
        return table.record(name, lineno, cells)

    for lineno, line in _lines(text):
        stripped = line.strip()
        if pending is not None:
            plineno, pline = pending
            pending = None
            if _SEPARATOR.match(line):  # the pending row was a table header
                table = _Table(plineno, _split_cells(pline))
                if table.known and not table.usable:
                    found = True
                    have = ", ".join(sorted(set(table.cols) | {k for k, _ in table.text_cols}))
                    yield RowError(name, plineno, f"table has no Title column (it has {have}); its rows are not read")
                continue
            item = row(plineno, pline)
            if item is not None:
                yield item
        if stripped.startswith("|"):
            if "-" in stripped and _SEPARATOR.match(line):
                continue  # a separator with no header above it
            pending = (lineno, line)
            continue
        if not stripped:
            if block is not None and block.open is not None and block.open[2]:
                block.open = None
            continue
        m = _HEADING.match(stripped) if stripped[0] == "#" else None
        if m:
            rec = flush_block()
            if rec is not None:
                yield rec
            block = _Block(lineno, m.group(2))
            continue
        if block is None:
            continue
        c = stripped[0]
        if (c in "-*_" and _RULE.match(stripped)) or (c == "<" and _HTML_ONLY.match(stripped)):
            block.open = None
            continue
        s = _strip_markers(line)
        if not s:
            if block.open is not None and block.open[2]:
                block.open = None
            continue
        f = _field_line(s)
        if f is not None:
            block.start(f[0], f[1], f[2], lineno)
            continue
        if not block.fields and block.open is None:
            a = _AUTHORS_LINE.match(s)
            if a:  # daily-arXiv-ai-enhanced: *Author One,Author Two* under the heading
                block.start(("column", "authors"), a.group("value"), False, lineno)
                block.open = None
                continue
        if block.open is not None:
            block.add(s, lineno)
    if pending is not None:
        item = row(*pending)
        if item is not None:
            yield item
    rec = flush_block()
    if rec is not None:
        yield rec
    if not found:
        yield RowError(name, 1, NO_PAPERS + ": no table with a Title column and no paper headings with "
                                "labelled fields (see the README, Input)")
