"""Delimited and JSON inputs: CSV/TSV, JSON Lines, JSON arrays (CSL-JSON from Zotero, or any list
of paper records), each record's keys mapped by kg/ingest/labels.toml."""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator

from ..model import RowError
from .record import Record
from .text import (
    MAX_JSON_DEPTH, arxiv_id_in, clean_text, label_of, labels, parse_date, parse_title, split_authors,
    split_categories,
)

csv.field_size_limit(2**31 - 1)
MAX_RECORD_LINES = 10_000  # a CSV record spanning more lines than this is a quote never closed  # fields over the documented limit are reported by the assembly


def _int(s: str):
    """JSON integers: a number of more than 4,300 digits stays text instead of failing the record."""
    return int(s) if len(s) <= 4300 else s


def _loads(raw: str):
    return json.loads(raw, parse_int=_int)


def _depth_ok(obj, limit: int = MAX_JSON_DEPTH) -> bool:
    stack = [(obj, 1)]
    while stack:
        o, d = stack.pop()
        if d > limit:
            return False
        if isinstance(o, dict):
            stack.extend((v, d + 1) for v in o.values())
        elif isinstance(o, list):
            stack.extend((v, d + 1) for v in o)
    return True


def _json_error(e: Exception) -> str:
    if isinstance(e, json.JSONDecodeError):
        return f"invalid JSON: {e.msg} (column {e.colno})"
    if isinstance(e, RecursionError):
        return f"JSON nested too deeply (the limit is {MAX_JSON_DEPTH} levels)"
    return f"invalid JSON: {e}"


def _str(v) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
        return v[0]
    raise TypeError


def record_from_mapping(rec: dict, name: str, line: int) -> Record | RowError:
    """A JSON object (or CSV row) -> Record, its keys read through labels.toml."""
    out = Record(name, line)
    lab = labels()["record_keys"]
    abstract_summary = any(k in rec for k in lab["abstract_if_present"])
    bad: list[str] = []
    csl = "DOI" in rec or "container-title" in rec or ("type" in rec and "issued" in rec)
    for key, value in rec.items():
        if key is None or value is None or value == "":
            continue
        if key in lab["nested_texts"] and isinstance(value, dict):
            for k2, v2 in value.items():
                what = label_of(str(k2))
                if what and what[0] == "text" and isinstance(v2, str) and v2.strip():
                    out.texts.append((what[1], clean_text(v2)))
            continue
        what = label_of(str(key))
        if what is None:
            continue
        kind, fld = what
        try:
            if kind == "text":
                t = clean_text(_str(value))
                if fld == "summary" and str(key).lower() == "summary" and abstract_summary:
                    out.texts.append(("abstract", t))
                elif fld == "summary" and not out.summary:
                    out.summary = t
                else:
                    out.texts.append((fld, t))
            elif fld == "source":
                if out.source is None:
                    out.source = _str(value).strip()
            elif fld == "url":
                u = _str(value).strip()
                if not out.url or ("/abs/" in u and "/abs/" not in out.url):
                    out.url = u
            elif fld == "title":
                if not out.title:
                    out.title, u = parse_title(_str(value))
                    if u and not out.url:
                        out.url = u
            elif fld == "authors":
                out.authors = out.authors or split_authors(value)
            elif fld == "categories":
                out.categories = out.categories or split_categories(value)
            elif fld == "date":
                out.date = out.date or parse_date(value)
        except TypeError:
            bad.append(str(key))
    if csl:  # CSL-JSON (Zotero): the id is a Zotero key; the arXiv id is in DOI, URL or number
        out.authors = out.authors or split_authors(rec.get("author"))
        out.date = out.date or parse_date(rec.get("issued"))
        if isinstance(rec.get("abstract"), str) and not any(k == "abstract" for k, _ in out.texts) and not out.summary:
            out.texts.append(("abstract", clean_text(rec["abstract"])))
        for k in ("DOI", "URL", "number", "note"):
            v = rec.get(k)
            if isinstance(v, str) and (arxiv_id_in(v) and ("arxiv" in v.lower() or k == "number")):
                out.source = arxiv_id_in(v)
                break
        else:
            if isinstance(rec.get("DOI"), str):
                out.source = "doi:" + rec["DOI"]
            elif isinstance(rec.get("URL"), str):
                out.source, out.url = rec["URL"], rec["URL"]
    if bad:
        return RowError(name, line, f"field(s) {', '.join(bad)} must be strings")
    if out.source is None and not out.url:
        return RowError(name, line, "record lacks field(s) source (an id, arXiv id, DOI or link)")
    if not out.title:
        return RowError(name, line, "record lacks field(s) title")
    return out


def read_jsonl(text: str, name: str) -> Iterator[Record | RowError]:
    for lineno, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            rec = _loads(raw)
        except (ValueError, RecursionError) as e:
            yield RowError(name, lineno, _json_error(e))
            continue
        if not isinstance(rec, dict):
            yield RowError(name, lineno, "expected a JSON object with source, title and summary")
            continue
        if not _depth_ok(rec):
            yield RowError(name, lineno, f"JSON nested too deeply (the limit is {MAX_JSON_DEPTH} levels)")
            continue
        yield record_from_mapping(rec, name, lineno)


_WS = re.compile(r"[ \t\r\n]*")


def read_json(text: str, name: str) -> Iterator[Record | RowError]:
    """A JSON array of records (CSL-JSON), one record, or an object holding such an array.

    Array elements are decoded one at a time, so each keeps its true line and a bad one does not
    lose the others."""
    dec = json.JSONDecoder(parse_int=_int)
    i = _WS.match(text).end()
    if text.startswith("[", i):
        pos, line, counted = i + 1, 1, 0
        n = 0
        while True:
            pos = _WS.match(text, pos).end()
            if pos >= len(text):
                yield RowError(name, line, "JSON array is not closed with ]")
                return
            if text[pos] == "]":
                return
            line += text.count("\n", counted, pos)
            counted = pos
            n += 1
            try:
                obj, end = dec.raw_decode(text, pos)
            except (ValueError, RecursionError) as e:
                yield RowError(name, line, f"record {n}: {_json_error(e)}; the rest of the array is not read")
                return
            if isinstance(obj, dict) and _depth_ok(obj):
                yield record_from_mapping(obj, name, line)
            elif isinstance(obj, dict):
                yield RowError(name, line, f"JSON nested too deeply (the limit is {MAX_JSON_DEPTH} levels)")
            else:
                yield RowError(name, line, f"record {n}: expected a JSON object")
            pos = _WS.match(text, end).end()
            if text.startswith(",", pos):
                pos += 1
            elif not text.startswith("]", pos):
                line += text.count("\n", counted, pos)
                yield RowError(name, line, "expected , or ] after a record; the rest of the array is not read")
                return
        return
    try:
        obj = _loads(text)
    except (ValueError, RecursionError) as e:
        yield RowError(name, 1, _json_error(e))
        return
    if isinstance(obj, dict):
        lists = [v for v in obj.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        if lists and not label_of("title") in [label_of(k) for k in obj]:
            for k, o in enumerate(lists[0], start=1):
                yield record_from_mapping(o, name, k) if _depth_ok(o) else RowError(
                    name, k, f"JSON nested too deeply (the limit is {MAX_JSON_DEPTH} levels)")
            return
        if _depth_ok(obj):
            yield record_from_mapping(obj, name, 1)
            return
    yield RowError(name, 1, "expected a JSON array of paper records")


_SPLIT_LINES = re.compile(r"(?<=\n)")
_LONE_CR = re.compile(r"\r(?!\n)")


def read_csv(text: str, name: str, delimiter: str = ",") -> Iterator[Record | RowError]:
    """CSV (or TSV) with a header row. A quote that is never closed does not swallow the rows after
    it: a record that runs over a line which is a good row on its own is reported and re-read."""
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)  # old Mac line ends
    lines = _SPLIT_LINES.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        yield RowError(name, 1, "empty CSV file")
        return
    try:
        header = next(csv.reader([lines[0]], delimiter=delimiter))
    except csv.Error as e:
        yield RowError(name, 1, f"unreadable CSV header: {e}")
        return
    cols: dict[str, int] = {}
    text_cols: list[tuple[str, int]] = []
    for i, h in enumerate(header):
        what = label_of(h)
        if what is None:
            continue
        if what[0] == "text":
            text_cols.append((what[1], i))
        elif what[1] != "ignore":
            cols.setdefault(what[1], i)
    if "title" not in cols or ("source" not in cols and "url" not in cols):
        missing = [f for f in ("source", "title") if f not in cols and not (f == "source" and "url" in cols)]
        yield RowError(name, 1, f"CSV header lacks column(s) {', '.join(missing)}")
        return
    ncols = len(header)

    def parse_at(i: int) -> tuple[list[str] | None, int, str]:
        """The record starting on line i (0-based): (fields, lines used, error)."""
        used = 0

        def feed():
            nonlocal used
            for j in range(i, min(len(lines), i + MAX_RECORD_LINES)):
                used += 1
                yield lines[j]
        try:
            fields = next(csv.reader(feed(), delimiter=delimiter, strict=False))
        except StopIteration:
            return None, max(used, 1), ""
        except csv.Error as e:
            return None, max(used, 1), f"unreadable CSV row: {e}"
        return fields, max(used, 1), ""

    def good_row(fields: list[str]) -> bool:
        if len(fields) != ncols:
            return False
        src = fields[cols["source"]] if "source" in cols else fields[cols["url"]]
        return bool(src.strip()) and not re.search(r"\s", src.strip())

    i = 1
    while i < len(lines):
        fields, used, err = parse_at(i)
        start = i + 1
        if err:
            yield RowError(name, start, err)
            i += used
            continue
        if fields is None:
            break
        if used > 1:
            # does a line inside this record read as a good row of its own? then a quote was left open
            for j in range(i + 1, i + used):
                try:
                    sub = next(csv.reader([lines[j]], delimiter=delimiter), None)
                except csv.Error:
                    sub = None
                if sub is not None and good_row(sub):
                    yield RowError(name, start, f"a quote opened on this line is not closed before line {j + 1}"
                                                f" (which is a row of its own); this row is skipped")
                    used = j - i
                    fields = None
                    break
        if fields is None:
            i += used
            continue
        i += used
        if not any(f.strip() for f in fields):
            continue
        if len(fields) != ncols:
            yield RowError(name, start + used - 1 if used > 1 else start,
                           f"row has {len(fields)} fields, the header has {ncols}")
            continue
        rec = Record(name, start, end=start + used - 1)
        title, url = parse_title(fields[cols["title"]])
        rec.title = title
        if "source" in cols:
            rec.source = fields[cols["source"]]
        rec.url = fields[cols["url"]].strip() if "url" in cols else url
        first = True
        for kind, c in text_cols:
            t = clean_text(fields[c])
            if t and kind == "summary" and first:
                rec.summary = t
            elif t:
                rec.texts.append((kind, t))
            first = False
        if "authors" in cols:
            rec.authors = split_authors(fields[cols["authors"]])
        if "date" in cols:
            rec.date = parse_date(fields[cols["date"]])
        if "categories" in cols:
            rec.categories = split_categories(fields[cols["categories"]])
        yield rec
