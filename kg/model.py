"""The small typed records that flow between the pipeline stages.

ingest -> Paper (with its Versions) -> extract -> Mention -> link -> Link -> graph
"""
from __future__ import annotations

from dataclasses import dataclass, field

TYPES = ("Task", "Dataset", "Method", "Metric")


@dataclass(frozen=True)
class Version:
    """One digest row: one version of a paper."""

    label: str  # "v2", or "" when the source has no version
    title: str
    summary: str
    url: str  # the link given in the title cell, or the version's IRI
    source_file: str
    line: int


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

    def texts(self) -> list[tuple[str, str, str]]:
        """(field, version label, text) for every distinct text of every version, title first."""
        out: list[tuple[str, str, str]] = []
        seen: set[tuple[str, str]] = set()
        ordered = sorted(self.versions, key=lambda v: (-_vnum(v.label), v.line))
        for fld in ("title", "summary"):
            for v in ordered:
                text = v.title if fld == "title" else v.summary
                if text and (fld, text) not in seen:
                    seen.add((fld, text))
                    out.append((fld, v.label, text))
        return out


def _vnum(label: str) -> int:
    return int(label[1:]) if label[1:].isdigit() else 0


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
