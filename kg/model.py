"""The small typed records that flow between the pipeline stages.

ingest -> Paper (with its Versions) -> extract -> Mention -> link -> Link -> graph
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

TYPES = ("Task", "Dataset", "Method", "Metric")


@dataclass(frozen=True)
class Text:
    """One text a digest gives for a paper: its kind, its language and the text."""

    kind: str  # "summary" | "abstract" | "tldr" | "motivation" | "method" | "result" | "conclusion" | ...
    lang: str  # "zh" | "en" | ""
    text: str


@dataclass(frozen=True)
class Version:
    """One digest row: one version of a paper."""

    label: str  # "v2", or "" when the source has no version
    title: str
    summary: str  # the primary summary text (also in texts, when the digest says its kind)
    url: str  # the link given in the title cell, or the version's IRI
    source_file: str
    line: int  # the line (or record number) in source_file
    texts: tuple[Text, ...] = ()  # every text of the record, the primary summary first
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    date: str = ""  # ISO YYYY-MM-DD or YYYY-MM, as the digest gives it


@dataclass
class Paper:
    """A paper with every version the digests list, keyed by its bare id."""

    key: str  # bare arXiv id ("2507.21395"), or the Source cell as given for other ids
    iri: str  # http://arxiv.org/abs/2507.21395, https://doi.org/..., or the URL
    versions: list[Version] = field(default_factory=list)

    @property
    def latest(self) -> Version:
        return max(self.versions, key=lambda v: (_vnum(v.label), v.line))

    @property
    def title(self) -> str:
        return self.latest.title

    @property
    def date(self) -> str:
        """The earliest date a version gives (the most precise one of that month), else the
        month of the arXiv id ("2507.21395" -> "2025-07"), else ""."""
        dates = [v.date for v in self.versions if v.date]
        if dates:
            return min(dates, key=lambda d: (d[:7], -len(d), d))
        return arxiv_month(self.key)

    @property
    def authors(self) -> tuple[str, ...]:
        for v in sorted(self.versions, key=lambda v: (-_vnum(v.label), v.line)):
            if v.authors:
                return v.authors
        return ()

    @property
    def categories(self) -> tuple[str, ...]:
        out: dict[str, None] = {}
        for v in sorted(self.versions, key=lambda v: (-_vnum(v.label), v.line)):
            out.update(dict.fromkeys(v.categories))
        return tuple(out)

    def texts(self) -> list[tuple[str, str, str]]:
        """(field, version label, text) for every distinct text of every version: the titles,
        then the primary summaries, then every other text (field "summary" too)."""
        out: list[tuple[str, str, str]] = []
        seen: set[tuple[str, str]] = set()
        ordered = sorted(self.versions, key=lambda v: (-_vnum(v.label), v.line))
        for fld in ("title", "summary", "texts"):
            for v in ordered:
                items = [t.text for t in v.texts] if fld == "texts" else [v.title if fld == "title" else v.summary]
                f = "summary" if fld == "texts" else fld
                for text in items:
                    if text and (f, text) not in seen:
                        seen.add((f, text))
                        out.append((f, v.label, text))
        return out


def _vnum(label: str) -> int:
    return int(label[1:]) if label[1:].isdigit() else 0


_NEW_ID = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}$")
_OLD_ID = re.compile(r"^[a-z][a-z.\-]+/(\d{2})(\d{2})\d{3}$", re.I)


def arxiv_month(key: str) -> str:
    """The month an arXiv id was issued in: "2507.21395" -> "2025-07", "hep-th/9901001" -> "1999-01"."""
    m = _NEW_ID.match(key) or _OLD_ID.match(key)
    if not m:
        return ""
    yy, mm = int(m.group(1)), int(m.group(2))
    if not 1 <= mm <= 12:
        return ""
    return f"{2000 + yy if yy < 91 else 1900 + yy}-{mm:02d}"


@dataclass(frozen=True)
class Mention:
    """A span of a paper's text that names a task, dataset, method or metric."""

    type: str  # one of TYPES
    text: str  # the surface form as written
    start: int  # character offsets in the field's text
    end: int
    field: str  # "title" or "summary"
    version: str
    sentence: str  # the sentence or phrase around the mention: the evidence
    rule: str  # which rule found it
    confidence: float
    concept: str | None = None  # vocabulary concept IRI, when the mention matched the vocabulary
    novel: bool = False  # introduced / proposed by the paper
    long_form: str | None = None  # expansion, when the text defines an abbreviation for it
    typed: bool = True  # False when the type is only the default (no head noun said it)
    broader: str | None = None  # for a new task or dataset edition: the vocabulary concept it narrows
    as_system: bool = False  # a task named as the kind of a system ("speech synthesis systems", "语音合成模型")
    broad: bool = False  # a research field stated as the paper's area ("属于自然语言处理任务"): dropped beside a specific task


@dataclass
class Entity:
    iri: str
    type: str
    label: str
    alt_labels: list[str] = field(default_factory=list)
    known: bool = True  # in the curated vocabulary
    broader: list[str] = field(default_factory=list)
    first_seen: str | None = None  # paper IRI, for discovered entities
    papers: int = 0  # support: how many papers of the build link it


@dataclass(frozen=True)
class Link:
    paper: str  # paper IRI
    entity: str  # entity IRI
    type: str
    relation: str  # ontology property local name, e.g. "usesDataset"
    novel: bool
    evidence: str
    matched: str
    field: str
    version: str
    rule: str
    confidence: float


@dataclass(frozen=True)
class Result:
    paper: str
    metric: str  # entity IRI
    value: float
    unit: str
    evidence: str
    dataset: str | None = None


@dataclass(frozen=True)
class RowError:
    """A row that could not be read; reported and skipped."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def replace(obj, **changes):
    """dataclasses.replace for the frozen records above (no __post_init__, every field in
    __init__), several times faster: the new object's fields are the old ones with the changes."""
    cls = type(obj)
    fields = cls.__dataclass_fields__
    if hasattr(cls, "__post_init__") or any(k not in fields for k in changes):
        import dataclasses
        return dataclasses.replace(obj, **changes)
    new = object.__new__(cls)
    d = new.__dict__
    d.update(obj.__dict__)
    d.update(changes)
    return new
