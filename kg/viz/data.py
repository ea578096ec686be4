"""The data behind the views: links.jsonl of a build, indexed by paper and by entity.

Everything is read once, in one pass over links.jsonl (plus one SPARQL query for the paper
summaries), and kept in plain dicts and lists so that building every view stays linear in
the number of links.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..model import TYPES
from ..vocab import norm

KINDS = ("Paper",) + TYPES
SUMMARY_CHARS = 240
EVIDENCE_CHARS = 200

SUMMARY_QUERY = """
PREFIX kgo: <https://w3id.org/kg-digest/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?p ?a WHERE { ?p a kgo:Paper ; dcterms:abstract ?a }
"""
ISSUED_QUERY = """
PREFIX kgo: <https://w3id.org/kg-digest/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?p ?d WHERE { ?p a kgo:Paper ; dcterms:issued ?d }
"""

_WS = re.compile(r"\s+")
_BREAK = re.compile(r"<br\s*/?>", re.I)


def excerpt(text: str, limit: int) -> str:
    """One line of at most `limit` characters (digests put <br/> and Markdown in summaries)."""
    t = _WS.sub(" ", _BREAK.sub(" ", text or "")).strip()
    t = t.replace("**", "")
    return t if len(t) <= limit else t[: limit - 1].rstrip() + "…"


def paper_url(iri: str) -> str:
    """A link to the paper for people (https arXiv abstract page when it is one), or ""."""
    if iri.startswith("http://arxiv.org/abs/"):
        return "https://arxiv.org/abs/" + iri[len("http://arxiv.org/abs/"):]
    return iri if iri.startswith(("https://", "http://")) else ""


@dataclass
class Entity:
    iri: str
    type: str
    label: str
    alt_labels: list[str]
    papers: list[int] = field(default_factory=list)   # indices into Data.papers, in link order
    novel: int = 0                                     # papers that introduce / propose it


@dataclass
class Paper:
    iri: str
    id: str
    title: str
    summary: str = ""
    issued: str = ""     # dcterms:issued (YYYY-MM-DD...) when the graph has it
    links: list[tuple[int, str, str]] = field(default_factory=list)  # (entity index, relation, evidence)

    @property
    def url(self) -> str:
        return paper_url(self.iri)


@dataclass
class Data:
    papers: list[Paper]
    entities: list[Entity]
    paper_index: dict[str, int]
    entity_index: dict[str, int]

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, out: Path, summaries: bool = True) -> "Data":
        path = Path(out) / "links.jsonl"
        if not path.exists():
            from ..store import BuildNotFound
            raise BuildNotFound(f"{out}: no links.jsonl; run `kg build -o {out}` first")
        with open(path, encoding="utf-8") as fh:
            d = cls.from_rows(json.loads(line) for line in fh if line.strip())
        if summaries:
            d._load_summaries(Path(out))
        return d

    @classmethod
    def from_rows(cls, rows: Iterable[dict], summaries: Mapping[str, str] | None = None,
                  issued: Mapping[str, str] | None = None) -> "Data":
        """From the records of links.jsonl (and the abstracts and dcterms:issued dates of the papers
        by IRI, if given)."""
        papers: list[Paper] = []
        entities: list[Entity] = []
        pidx: dict[str, int] = {}
        eidx: dict[str, int] = {}
        seen: set[tuple[int, int]] = set()
        for r in rows:
            pi = pidx.get(r["paper_iri"])
            if pi is None:
                pi = pidx[r["paper_iri"]] = len(papers)
                papers.append(Paper(r["paper_iri"], str(r["paper"]), r.get("title") or str(r["paper"])))
            ei = eidx.get(r["entity"])
            if ei is None:
                ei = eidx[r["entity"]] = len(entities)
                entities.append(Entity(r["entity"], r["type"], r["label"], list(r.get("alt_labels") or [])))
            rel = r.get("relation", "").rsplit("#", 1)[-1]
            papers[pi].links.append((ei, rel, r.get("evidence", "")))
            if (pi, ei) not in seen:
                seen.add((pi, ei))
                entities[ei].papers.append(pi)
                entities[ei].novel += bool(r.get("novel"))
        d = cls(papers, entities, pidx, eidx)
        for iri, abstract in (summaries or {}).items():
            d._set_summary(iri, abstract)
        for iri, date in (issued or {}).items():
            i = d.paper_index.get(iri)
            if i is not None:
                d.papers[i].issued = date
        return d

    def _set_summary(self, iri: str, abstract: str) -> None:
        i = self.paper_index.get(iri)
        if i is not None:
            self.papers[i].summary = excerpt(abstract, SUMMARY_CHARS)

    def _load_summaries(self, out: Path) -> None:
        """dcterms:abstract of every paper, from the build's store (one query); none without a store."""
        from ..store import store_path
        if not store_path(out).exists():
            return
        from ..store import open_store
        try:
            store = open_store(out)
            for sol in store.query(SUMMARY_QUERY):
                self._set_summary(sol["p"].value, sol["a"].value)
            for sol in store.query(ISSUED_QUERY):
                i = self.paper_index.get(sol["p"].value)
                if i is not None and (not self.papers[i].issued or sol["d"].value < self.papers[i].issued):
                    self.papers[i].issued = sol["d"].value
            del store
        except OSError:  # a store held open for writing by another process: views without summaries
            pass

    # ------------------------------------------------------------------ indexes
    def count(self, e: Entity) -> int:
        return len(e.papers)

    def of_type(self, t: str) -> list[int]:
        return [i for i, e in enumerate(self.entities) if e.type == t]

    def co_counts(self, row_type: str, col_type: str) -> dict[tuple[int, int], list[int]]:
        """(row entity, col entity) -> papers that link to both (row != col)."""
        cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        for pi, p in enumerate(self.papers):
            ents = sorted({ei for ei, _, _ in p.links})
            rows = [e for e in ents if self.entities[e].type == row_type]
            cols = [e for e in ents if self.entities[e].type == col_type]
            for r in rows:
                for c in cols:
                    if r != c and (row_type != col_type or r < c):
                        cells[(r, c)].append(pi)
        return cells

    # ------------------------------------------------------------------ lookup
    def find_entity(self, name: str, type_: str | None = None) -> list[int]:
        """Entities whose label or any alternative label matches `name` (kg.vocab.norm: case and
        punctuation ignored); preferred-label matches first, then by number of papers."""
        key = norm(name)
        if not key:
            return []
        hits = []
        for i, e in enumerate(self.entities):
            if type_ and e.type != type_:
                continue
            if norm(e.label) == key:
                hits.append((0, -len(e.papers), e.label, i))
            elif any(norm(a) == key for a in e.alt_labels) or norm(e.iri.rsplit("/", 1)[-1]) == key:
                hits.append((1, -len(e.papers), e.label, i))
        return [h[-1] for h in sorted(hits)]

    def find_paper(self, name: str) -> list[int]:
        """Papers by id (2507.21395, with or without version), IRI or URL, or title."""
        s = name.strip()
        s = re.sub(r"^(https?://)?(www\.)?arxiv\.org/(abs|pdf)/", "", s)
        s = re.sub(r"^arxiv:", "", s, flags=re.I)
        s = re.sub(r"(v\d+)?(\.pdf)?$", "", s) if re.match(r"^\d{4}\.\d{4,5}", s) else s
        out = [i for i, p in enumerate(self.papers) if p.id == s or p.iri == name.strip()]
        if out:
            return out
        key = norm(name)
        return [i for i, p in enumerate(self.papers) if key and norm(p.title) == key]

    def suggestions(self, name: str, type_: str | None, n: int = 5) -> list[str]:
        import difflib
        labels = sorted({e.label for e in self.entities if not type_ or e.type == type_})
        by_norm = defaultdict(list)
        for lab in labels:
            by_norm[norm(lab)].append(lab)
        close = difflib.get_close_matches(norm(name), list(by_norm), n=n, cutoff=0.6)
        sub = [k for k in by_norm if norm(name) and norm(name) in k][:n]
        return list(dict.fromkeys(lab for k in close + sub for lab in by_norm[k]))[:n]

    def type_counts(self) -> Counter:
        return Counter(e.type for e in self.entities)
