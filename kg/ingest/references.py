"""Reference-manager exports and feeds: BibTeX (bibtexparser), RIS (rispy), arXiv API Atom and
arXiv RSS (feedparser). Each record keeps its line in the file."""
from __future__ import annotations

import io
import re
from collections.abc import Iterator

from ..model import RowError
from .record import Record
from .text import arxiv_id_in, clean_text, parse_date, split_authors, split_categories

# --- BibTeX ------------------------------------------------------------------------------------

_MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _bib_authors(value: str) -> tuple[str, ...]:
    names = []
    for a in re.split(r"\s+and\s+", value.strip()):
        a = a.strip().strip("{}")
        if "," in a:  # "Last, First" -> "First Last"
            last, _, first = a.partition(",")
            a = f"{first.strip()} {last.strip()}".strip()
        if a and a.lower() != "others":
            names.append(a)
    return split_authors(names)


def _unbrace(s: str) -> str:
    return re.sub(r"[{}]", "", s)


def read_bibtex(text: str, name: str) -> Iterator[Record | RowError]:
    import logging

    import bibtexparser
    from bibtexparser.middlewares import LatexDecodingMiddleware
    logging.getLogger("bibtexparser").setLevel(logging.ERROR)  # its failures are reported as RowErrors
    try:
        lib = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    except Exception as e:  # the parser's own failure on the whole file: report it, read nothing
        yield RowError(name, 1, f"BibTeX could not be parsed: {e}")
        return
    blocks = [(b.start_line + 1, b) for b in lib.entries] + [(b.start_line + 1, b) for b in lib.failed_blocks]
    for line, b in sorted(blocks, key=lambda x: x[0]):
        if b in lib.failed_blocks:
            msg = " ".join(str(getattr(b, "error", "") or "syntax error").split())[:300]
            yield RowError(name, line, f"BibTeX entry could not be read: {msg}")
            continue
        f = {k.lower(): _unbrace(str(v.value)) for k, v in b.fields_dict.items()}
        rec = Record(name, line)
        rec.title = clean_text(f.get("title", ""))
        eprint = f.get("eprint", "")
        doi = f.get("doi", "")
        journal = f.get("journal", "") + " " + f.get("note", "") + " " + f.get("howpublished", "")
        url = f.get("url", "")
        if eprint and (f.get("archiveprefix", "arxiv").lower() == "arxiv" or arxiv_id_in(eprint)):
            rec.source = eprint.strip()
        elif doi.lower().startswith("10.48550/arxiv."):
            rec.source = doi.strip()
        elif arxiv_id_in(journal) and "arxiv" in journal.lower():
            rec.source = arxiv_id_in(journal)
        elif url and "arxiv.org/" in url:
            rec.source = url
        elif doi:
            rec.source = "doi:" + doi.strip()
        elif url:
            rec.source = url
        else:
            rec.source = b.key
        rec.url = url
        if f.get("abstract"):
            rec.texts.append(("abstract", clean_text(f["abstract"])))
        rec.authors = _bib_authors(f.get("author", ""))
        cats = f.get("primaryclass", "")
        rec.categories = split_categories(cats) if cats else split_categories(f.get("keywords")) if "keywords" in f else ()
        y, mo = f.get("year", "").strip(), f.get("month", "").strip().lower()[:3]
        if f.get("date"):
            rec.date = parse_date(f["date"])
        elif y.isdigit() and mo:
            m = _MONTH_NAMES.index(mo) + 1 if mo in _MONTH_NAMES else (int(mo) if mo.isdigit() and 1 <= int(mo) <= 12 else 0)
            rec.date = f"{int(y):04d}-{m:02d}" if m else ""
        yield rec


# --- RIS ---------------------------------------------------------------------------------------

_RIS_TAG = re.compile(r"^([A-Z][A-Z0-9])  -( |$)")


def read_ris(text: str, name: str) -> Iterator[Record | RowError]:
    import rispy
    chunk: list[str] = []
    start = 0
    lines = text.replace("\r\n", "\n").split("\n")
    for n, line in enumerate(lines, start=1):
        if line.startswith("TY  -"):
            if chunk:
                yield RowError(name, start, "RIS record has no ER line before the next TY; it is skipped")
            chunk, start = [line], n
        elif chunk:
            chunk.append(line)
            if line.startswith("ER  -"):
                yield _ris_record(chunk, name, start, n, rispy)
                chunk = []
        elif line.strip() and _RIS_TAG.match(line):
            yield RowError(name, n, "RIS line outside a record (no TY line before it)")
    if chunk:
        yield RowError(name, start, "RIS record is not closed by an ER line; it is skipped")


def _ris_record(chunk: list[str], name: str, start: int, end: int, rispy) -> Record | RowError:
    try:
        entries = rispy.loads("\n".join(chunk) + "\n", skip_unknown_tags=True)
    except Exception as e:  # rispy raises plain exceptions on malformed records
        return RowError(name, start, f"RIS record could not be read: {e}")
    if not entries:
        return RowError(name, start, "empty RIS record")
    e = entries[0]
    rec = Record(name, start, end=end)
    title = e.get("title") or e.get("primary_title") or e.get("secondary_title") or ""
    rec.title = clean_text(title if isinstance(title, str) else " ".join(title))
    urls = e.get("urls") or []
    doi = e.get("doi") or ""
    notes = " ".join(e.get("notes") or []) + " " + " ".join(str(e.get(k) or "") for k in ("number", "accession_number", "id", "journal_name", "publisher"))
    arx = next((u for u in urls if "arxiv.org/" in u), "")
    if doi.lower().startswith("10.48550/arxiv."):
        rec.source = doi
    elif arx:
        rec.source = arx
    elif arxiv_id_in(notes) and "arxiv" in notes.lower():
        rec.source = arxiv_id_in(notes)
    elif doi:
        rec.source = "doi:" + doi
    elif urls:
        rec.source = urls[0]
    rec.url = urls[0] if urls else ""
    if e.get("abstract"):
        rec.texts.append(("abstract", clean_text(e["abstract"])))
    rec.authors = split_authors([_ris_name(a) for a in (e.get("authors") or e.get("first_authors") or [])])
    rec.categories = split_categories(e.get("keywords") or [])
    rec.date = parse_date(e.get("date") or "") or parse_date((e.get("year") or "").replace("//", ""))
    if rec.source is None:
        return RowError(name, start, "RIS record has no DOI, URL or arXiv id")
    return rec


def _ris_name(a: str) -> str:
    if "," in a:
        last, _, first = a.partition(",")
        return f"{first.strip()} {last.strip()}".strip()
    return a


# --- Atom / RSS --------------------------------------------------------------------------------

_ENTRY_TAG = re.compile(r"<(?:\w+:)?(?:entry|item)[\s>]")
_ANNOUNCE = re.compile(r"^\s*arXiv:\S+\s+Announce Type:\s*\S+\s*(?:Abstract:\s*)?", re.I)


def read_feed(text: str, name: str) -> Iterator[Record | RowError]:
    import feedparser
    # a stream, never a string: feedparser fetches a string that looks like a URL
    feed = feedparser.parse(io.BytesIO(text.encode("utf-8")), resolve_relative_uris=False, sanitize_html=True)
    lines = [text.count("\n", 0, m.start()) + 1 for m in _ENTRY_TAG.finditer(text)]
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if getattr(feed, "bozo", 0) and feed.get("bozo_exception") else ""
        yield RowError(name, 1, f"no entries in this Atom/RSS feed{why}")
        return
    for k, e in enumerate(feed.entries):
        line = lines[k] if k < len(lines) else 1
        rec = Record(name, line)
        rec.title = clean_text(re.sub(r"\s+", " ", e.get("title", "")))
        link = e.get("link", "")
        eid = e.get("id", "")
        rec.source = eid if "arxiv.org/" in eid else (link or eid)
        rec.url = link
        summary = e.get("summary", "") or ""
        summary = _ANNOUNCE.sub("", clean_text(re.sub(r"<[^>]+>", " ", summary)))
        if summary:
            rec.texts.append(("abstract", re.sub(r"\s+", " ", summary).strip()))
        authors = [a.get("name", "") for a in e.get("authors", []) if a.get("name")]
        if len(authors) == 1 and "," in authors[0]:  # RSS dc:creator "A, B, C"
            rec.authors = split_authors(authors[0])
        else:
            rec.authors = split_authors(authors)
        rec.categories = split_categories([t.get("term", "") for t in e.get("tags", [])])
        t = e.get("published_parsed") or e.get("updated_parsed")
        rec.date = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}" if t else ""
        yield rec
