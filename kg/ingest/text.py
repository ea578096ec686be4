"""Shared pieces of every reader: ids, cell text, authors, dates, languages, labels, limits."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

HERE = Path(__file__).resolve().parent
ARXIV_BASE = "http://arxiv.org/abs/"
PAPER_NS = "https://w3id.org/kg-digest/id/paper/"

# Documented limits (README, "Input limits"): a longer text is reported and its record skipped.
MAX_TEXT = 500_000  # characters in one cell, field or text (spaCy reads at most 1,000,000)
MAX_JSON_DEPTH = 200  # nesting of one JSON record

_NEW_ARXIV = re.compile(r"^(?:arxiv:\s*)?(\d{4}\.\d{4,5})(v(\d+))?$", re.I)
_OLD_ARXIV = re.compile(r"^(?:arxiv:\s*)?([a-z][a-z.\-]+/\d{7})(v(\d+))?$", re.I)
_ARXIV_URL = re.compile(r"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/([^\s?#]+?)(?:\.pdf)?/?(?:[?#]\S*)?$", re.I)
_ARXIV_DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?10\.48550/arxiv\.(\S+)$", re.I)
_DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.I)
URL = re.compile(r"^https?://\S+$", re.I)
_FIND_ARXIV = re.compile(r"(?<![\w./])(?:arxiv:\s*)?(\d{4}\.\d{4,5}(?:v\d+)?)(?![\w.])", re.I)


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
    if re.search(r"\s", s) and not re.match(r"^arxiv:\s+\S+$", s, re.I):
        raise ValueError(f"Source {s!r} is not an arXiv id, DOI, URL or identifier (it contains spaces)")
    m = _ARXIV_URL.match(s) or _ARXIV_DOI.match(s)
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
    if URL.match(s):
        if any(c in s for c in "<>\"{}|\\^`"):
            raise ValueError(f"Source {s!r} is not a valid URL")
        return SourceId(s, s, "", s)
    if len(s) > 500:
        raise ValueError(f"Source of {len(s)} characters is not an identifier")
    iri = PAPER_NS + quote(s, safe="")
    return SourceId(s, iri, "", iri)


def arxiv_id_in(text: str) -> str:
    """The first arXiv id written in a text ("arXiv:2507.21395v2 [cs.SD]"), or ""."""
    m = _FIND_ARXIV.search(text or "")
    return m.group(1) if m else ""


def is_arxiv_id(text: str) -> bool:
    s = text.strip()
    return bool(_NEW_ARXIV.match(s) or _OLD_ARXIV.match(s))


# --- cell text -----------------------------------------------------------------------------

_BR = re.compile(r"<br\s*/?>", re.I)
_SUMMARY_TAG = re.compile(r"<summary\b[^>]*>[^<]*</summary\s*>", re.I)  # a <details> toggle's label
_TAG = re.compile(r"</?(?:b|i|em|strong|u|sup|sub|span|p|div|code|details|summary|font|small|mark)\b[^>]*>", re.I)
# Emphasis, linear: an opener's content never runs past the next marker of its kind, so each
# character is scanned a bounded number of times (no backtracking to the end of the text).
_STRONG = re.compile(r"(\*\*|__)((?:(?!\1)[^\n])+?)\1")
_STAR = re.compile(r"(?<![\w*])\*(?![\s*])([^*\n]*?[^\s*])\*(?![\w*])")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Markdown/HTML cell text -> plain text: <br/> to line breaks, no emphasis, entities unescaped.

    Linear in the length of the text."""
    if "<" in text:
        text = _BR.sub("\n", text)
        text = _SUMMARY_TAG.sub("", text)
        text = _TAG.sub("", text)
    if ("](" in text or "`" in text) and len(text) <= 20_000:
        text = _inline_markdown(text)  # links and code spans: markdown-it-py's inline parser
    elif "\\|" in text:
        text = text.replace("\\|", "|")
    if "*" in text or "__" in text:
        for _ in range(2):  # nested emphasis such as **_x_**
            text = _STRONG.sub(r"\2", text)
            text = _STAR.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    if "\n" not in text:
        if "  " in text or "\t" in text or "\u00a0" in text or "\u3000" in text:
            text = _SPACES.sub(" ", text)
        return text.strip()
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:  # collapse runs of blank lines to one
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


@lru_cache(maxsize=1)
def _markdown_it():
    from markdown_it import MarkdownIt
    return MarkdownIt("commonmark", {"html": False}).disable(["image"])


def _inline_markdown(text: str) -> str:
    """Inline Markdown -> its text: [text](url) -> text, `code` -> code, escapes resolved; line
    breaks kept. (Emphasis is left to the linear stripping above, entities to html.unescape.)"""
    out: list[str] = []
    for line in text.split("\n"):
        parts: list[str] = []
        for tok in _markdown_it().parseInline(line.replace("&", "&amp;").replace("*", "\\*").replace("_", "\\_")):
            for c in tok.children or ():
                if c.type in ("text", "code_inline"):
                    parts.append(c.content)
                elif c.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
        out.append("".join(parts))
    return "\n".join(out)


def has_surrogate(text: str) -> bool:
    return not text.isascii() and bool(_SURROGATE.search(text))


_LINK = re.compile(r"^\s*\[(?P<text>(?:\\.|[^\]\\])*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\)\s*$")
_BOLD_WRAP = re.compile(r"^\s*(\*\*|__)(.*)\1\s*$", re.S)


def parse_title(cell: str) -> tuple[str, str]:
    """A title cell, plain, a Markdown link or a bold link, -> (title text, url or "")."""
    m = _LINK.match(cell)
    if not m:
        b = _BOLD_WRAP.match(cell)
        if b:
            m = _LINK.match(b.group(2))
    if m:
        return clean_text(m.group("text").replace("\\]", "]").replace("\\[", "[")), m.group("url")
    return clean_text(cell), ""


# --- authors, categories, dates, languages ----------------------------------------------------

_ETAL = re.compile(r"\s*(?:et\.?\s*al\.?|等)\s*$", re.I)


def split_authors(value) -> tuple[str, ...]:
    """"A; B", "A, B", "A and B", a list of names or of {given, family} -> names in order."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        names = []
        for a in value:
            if isinstance(a, dict):
                n = a.get("name") or a.get("literal") or " ".join(
                    str(x) for x in (a.get("given"), a.get("family")) if x)
                names.append(str(n))
            elif isinstance(a, str):
                names.append(clean_text(a))
        parts = names
    else:
        s = clean_text(str(value))
        if ";" in s or "；" in s:
            parts = re.split(r"[;；]", s)
        elif re.search(r"\s+and\s+", s) and "," not in s:
            parts = re.split(r"\s+and\s+", s)
        else:
            parts = re.split(r"[,，、]|\s+and\s+", s)
    out: list[str] = []
    for p in parts:
        p = p.strip()
        if "et" in p or "等" in p:
            p = _ETAL.sub("", p)
        p = p.strip(" .")
        if p and p not in out and len(p) <= 300:
            out.append(p)
    return tuple(out)


_CAT_CODE = re.compile(r"\(([a-z\-]+(?:\.[A-Za-z\-]+)?)\)")


def split_categories(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        parts = [str(v.get("term", "")) if isinstance(v, dict) else str(v) for v in value]
    else:
        s = clean_text(str(value))
        codes = _CAT_CODE.findall(s)
        parts = codes if codes else re.split(r"[;,，；]", s)
    out: list[str] = []
    for p in parts:
        p = p.strip()
        if p and p not in out and len(p) <= 100:
            out.append(p)
    return tuple(out)


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_ISO = re.compile(r"(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?")
_COMPACT = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")
_TEXT_DATE = re.compile(r"(\d{1,2})?\s*([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2},\s*)?(\d{4})")


def parse_date(value) -> str:
    """A date as digests write it -> "YYYY-MM-DD" or "YYYY-MM" (or "" when there is none)."""
    if value is None:
        return ""
    if isinstance(value, dict):  # CSL-JSON {"date-parts": [[2025, 7, 1]]}
        parts = (value.get("date-parts") or [[]])[0]
        try:
            nums = [int(x) for x in parts[:3]]
        except (TypeError, ValueError):
            return ""
        if len(nums) >= 2 and 1 <= nums[1] <= 12:
            if len(nums) == 3 and 1 <= nums[2] <= 31:
                return f"{nums[0]:04d}-{nums[1]:02d}-{nums[2]:02d}"
            return f"{nums[0]:04d}-{nums[1]:02d}"
        return ""
    s = clean_text(str(value))[:100]
    m = _ISO.search(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
    else:
        m = _COMPACT.search(s)
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
        else:
            m = _TEXT_DATE.search(s)
            if not m or m.group(2).lower() not in _MONTHS:
                return ""
            y, mo = int(m.group(4)), _MONTHS[m.group(2).lower()]
            d = m.group(1) or (m.group(3) or "").strip(", ") or None
    if not (1000 <= y <= 2999 and 1 <= mo <= 12):
        return ""
    if d is not None and 1 <= int(d) <= 31:
        return f"{y:04d}-{mo:02d}-{int(d):02d}"
    return f"{y:04d}-{mo:02d}"


_NOT_HAN = re.compile(r"[^\u3400-\u9fff]+")


def detect_lang(text: str) -> str:
    """"zh" when Han characters make up a fair share of the text, else "en" (as graph.text_literal)."""
    if text.isascii():
        return "en"
    han = len(_NOT_HAN.sub("", text))
    return "zh" if han and han * 4 >= len(text.replace(" ", "")) else "en"


# --- labels (kg/ingest/labels.toml) and placeholders (kg/ingest/placeholders.txt) ---------------

@lru_cache(maxsize=None)
def labels() -> dict:
    with open(HERE / "labels.toml", "rb") as fh:
        return tomllib.load(fh)


def _norm_label(name: str) -> str:
    s = clean_text(name).strip().strip("*_").strip()
    s = s.rstrip(":：").strip().lower()
    return _SPACES.sub(" ", s)


@lru_cache(maxsize=None)
def _label_index() -> dict[str, tuple[str, str]]:
    """label -> ("column", field) or ("text", kind)."""
    idx: dict[str, tuple[str, str]] = {}
    for fld, names in labels()["columns"].items():
        for n in names:
            idx.setdefault(n.lower(), ("column", fld))
    for kind, names in labels()["texts"].items():
        for n in names:
            idx.setdefault(n.lower(), ("text", kind))
    return idx


@lru_cache(maxsize=4096)
def label_of(name: str) -> tuple[str, str] | None:
    """What a header, key or field label names: ("column", "title"), ("text", "abstract"), or None."""
    return _label_index().get(_norm_label(name))


_PLACEHOLDER_NORM = re.compile(r"[\s。．.!！,，;；:：]+")


@lru_cache(maxsize=None)
def _placeholders() -> frozenset[str]:
    out = set()
    for line in (HERE / "placeholders.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(_PLACEHOLDER_NORM.sub("", line).lower())
    return frozenset(out)


def is_placeholder(text: str) -> bool:
    """A text that a failed summary generator wrote instead of a summary."""
    if len(text) > 200:
        return False
    return _PLACEHOLDER_NORM.sub("", text).lower() in _placeholders()
