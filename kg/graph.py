"""Graph: Papers, Links and Entities -> RDF triples described by ontology/kg.ttl.

Triples are produced as a stream (pyoxigraph terms, named with rdflib's namespaces), paper by
paper and then entity by entity, so a build never holds the whole graph in memory and every
serialisation is in the same, deterministic order.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator

from pyoxigraph import Literal, NamedNode, Triple
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Namespace

from .model import Entity, Link, Paper, Result, _vnum
from .vocab import ID_BASE, KGO, Vocabulary

FABIO = Namespace("http://purl.org/spar/fabio/")
SDO = Namespace("https://schema.org/")
LINK_NS = ID_BASE + "link/"
RESULT_NS = ID_BASE + "result/"

PREFIXES = {
    "kgo": str(KGO), "dcterms": str(DCTERMS), "skos": str(SKOS), "prov": str(PROV), "rdf": str(RDF),
    "rdfs": str(RDFS), "xsd": str(XSD), "fabio": str(FABIO), "schema": str(SDO),
    "arxiv": "http://arxiv.org/abs/", "task": ID_BASE + "task/", "dataset": ID_BASE + "dataset/",
    "method": ID_BASE + "method/", "metric": ID_BASE + "metric/", "link": LINK_NS, "result": RESULT_NS,
}

_N: dict[str, NamedNode] = {}


def N(iri) -> NamedNode:
    """The NamedNode of an IRI that recurs across papers (entities), made once."""
    s = str(iri)
    n = _N.get(s)
    if n is None:
        n = _N[s] = NamedNode(s)
    return n


class Terms:
    """The NamedNodes of one namespace, each made once: `kgo.Paper`, `kgo["usesDataset"]`.

    (rdflib's namespaces make and validate a new URIRef on every attribute access; the graph
    stream needs the same few dozen terms millions of times.)
    """

    def __init__(self, base) -> None:
        self._base = str(base)

    def __getattr__(self, name: str) -> NamedNode:  # only for names not made yet
        if name.startswith("_"):
            raise AttributeError(name)
        node = NamedNode(self._base + name)
        setattr(self, name, node)
        return node

    def __getitem__(self, name: str) -> NamedNode:
        return getattr(self, name)


kgo, dcterms, skos, prov, fabio = Terms(KGO), Terms(DCTERMS), Terms(SKOS), Terms(PROV), Terms(FABIO)
A = N(RDF.type)
DECIMAL = N(XSD.decimal)
_NOT_HAN = re.compile(r"[^\u3400-\u9fff]+")


def text_literal(text: str) -> Literal:
    """A string tagged @zh when Han characters make up a fair share of it, else @en."""
    han = len(_NOT_HAN.sub("", text))
    return Literal(text, language="zh" if han and han * 4 >= len(text.replace(" ", "")) else "en")


def version_iri(paper: Paper, index: int) -> str:
    v = paper.versions[index]
    if paper.iri.startswith("http://arxiv.org/abs/") and v.label \
            and sum(w.label == v.label for w in paper.versions) == 1:
        return paper.iri + v.label
    return f"{paper.iri}#row{index + 1}"


def link_iri(link: Link) -> str:
    h = hashlib.sha1(f"{link.paper}|{link.relation}|{link.entity}".encode()).hexdigest()[:20]
    return LINK_NS + h


def paper_triples(paper: Paper, links: list[Link], results: Iterable[Result] = ()) -> Iterator[Triple]:
    p = NamedNode(paper.iri)
    yield Triple(p, A, kgo.Paper)
    if paper.iri.startswith("http://arxiv.org/abs/"):
        yield Triple(p, A, fabio.Preprint)
    yield Triple(p, dcterms.identifier, Literal(paper.key))
    latest = paper.latest
    yield Triple(p, dcterms.title, text_literal(latest.title))
    if latest.summary:
        yield Triple(p, dcterms.abstract, text_literal(latest.summary))
    yield from paper_metadata_triples(p, paper)
    viris = [version_iri(paper, i) for i in range(len(paper.versions))]
    vnodes = [NamedNode(vi) for vi in viris]
    for vn in vnodes:
        yield Triple(p, kgo.version, vn)
    for lk in links:
        yield Triple(p, kgo[lk.relation], N(lk.entity))
    for v, vn in zip(paper.versions, vnodes):
        yield Triple(vn, A, kgo.PaperVersion)
        yield Triple(vn, dcterms.isVersionOf, p)
        if v.label[1:].isdigit():
            yield Triple(vn, kgo.versionNumber, Literal(int(v.label[1:])))
        yield Triple(vn, dcterms.title, text_literal(v.title))
        if v.summary:
            yield Triple(vn, dcterms.abstract, text_literal(v.summary))
        for t in v.texts:
            if t.text != v.summary:
                yield Triple(vn, dcterms.abstract, _text_lit(t))
        yield Triple(vn, kgo.sourceFile, Literal(v.source_file))
        yield Triple(vn, kgo.sourceLine, Literal(v.line))
    by_label = {v.label: vn for v, vn in zip(paper.versions, vnodes)}
    for lk in links:
        li = NamedNode(link_iri(lk))
        yield Triple(li, A, kgo.Link)
        yield Triple(li, kgo.linkSource, p)
        yield Triple(li, kgo.linkRelation, kgo[lk.relation])
        yield Triple(li, kgo.linkTarget, N(lk.entity))
        yield Triple(li, kgo.evidenceText, text_literal(lk.evidence))
        yield Triple(li, kgo.matchedText, Literal(lk.matched))
        yield Triple(li, kgo.evidenceField, Literal(lk.field))
        yield Triple(li, kgo.foundBy, Literal(lk.rule))
        yield Triple(li, kgo.confidence, Literal(decimal_text(lk.confidence), datatype=DECIMAL))
        yield Triple(li, prov.wasDerivedFrom, by_label.get(lk.version, p))
    for r in results:
        h = hashlib.sha1(f"{r.paper}|{r.metric}|{r.dataset}|{r.value}|{r.evidence}".encode()).hexdigest()[:20]
        ri = NamedNode(RESULT_NS + h)
        yield Triple(ri, A, kgo.Result)
        yield Triple(ri, kgo.resultOf, p)
        yield Triple(ri, kgo.metric, N(r.metric))
        if r.dataset:
            yield Triple(ri, kgo.onDataset, N(r.dataset))
        yield Triple(ri, kgo.value, Literal(decimal_text(r.value), datatype=DECIMAL))
        if r.unit:
            yield Triple(ri, kgo.unit, Literal(r.unit))
        yield Triple(ri, kgo.evidenceText, text_literal(r.evidence))


def _text_lit(t) -> Literal:
    return Literal(t.text, language=t.lang) if t.lang else text_literal(t.text)


GYEARMONTH = N(XSD.gYearMonth)
DATE = N(XSD.date)


def paper_metadata_triples(p: NamedNode, paper: Paper) -> Iterator[Triple]:
    """What digests say beside the title and the summary: the paper's other texts (a Chinese
    summary and an English abstract are both dcterms:abstract, @zh and @en), its date
    (dcterms:issued: from the digest, else the arXiv id's month), authors (dcterms:creator, in
    the digest's order) and categories (dcterms:subject)."""
    latest = paper.latest
    best: dict[tuple[str, str], object] = {}  # (kind, lang) -> the text of the newest version having one
    for v in sorted(paper.versions, key=lambda v: (-_vnum(v.label), v.line)):
        for t in v.texts:
            best.setdefault((t.kind, t.lang), t)
    seen = {latest.summary}
    for t in best.values():
        if t.text not in seen:
            seen.add(t.text)
            yield Triple(p, dcterms.abstract, _text_lit(t))
    d = paper.date
    if len(d) == 10:
        yield Triple(p, dcterms.issued, Literal(d, datatype=DATE))
    elif len(d) == 7:
        yield Triple(p, dcterms.issued, Literal(d, datatype=GYEARMONTH))
    for a in paper.authors:
        yield Triple(p, dcterms.creator, Literal(a))
    for c in paper.categories:
        yield Triple(p, dcterms.subject, Literal(c))


def decimal_text(x: float) -> str:
    """The xsd:decimal lexical form of x: at most six decimals, at least one."""
    s = f"{x:.6f}".rstrip("0")
    return s + "0" if s.endswith(".") else s


LABEL_PROPERTIES = {"pref": skos.prefLabel, "alt": skos.altLabel, "acronym": kgo.acronym, "hidden": skos.hiddenLabel}


def entity_labels(e: Entity, vocabulary: Vocabulary) -> list[tuple[NamedNode, Literal]]:
    """(property, label) of every label triple of an entity, in graph order: all the labels of
    its vocabulary concept, or the preferred and alternative labels of a discovered entity."""
    c = vocabulary.concepts.get(e.iri) if e.known else None
    if c is None:
        return [(skos.prefLabel, Literal(e.label))] + [(skos.altLabel, text_literal(alt)) for alt in e.alt_labels]
    out, seen = [], set()
    for lab in c.labels:
        pair = (LABEL_PROPERTIES[lab.kind], Literal(lab.text, language=lab.lang) if lab.lang else Literal(lab.text))
        if pair not in seen:
            seen.add(pair)
            out.append(pair)
    return out


def entity_triples(entities: Iterable[Entity], vocabulary: Vocabulary) -> Iterator[Triple]:
    """The entities linked by some paper and every broader concept above them, sorted by IRI."""
    ents = {e.iri: e for e in entities}
    todo = [b for e in ents.values() for p in ([e.iri] if e.known else e.broader)
            for b in ([] if e.known else [p]) + vocabulary.ancestors(p)]
    for b in todo:
        if b not in ents and b in vocabulary.concepts:
            c = vocabulary.concepts[b]
            ents[b] = Entity(b, c.type, c.pref, c.alt_labels, known=True, broader=list(c.broader))
    for iri in sorted(ents):
        e = ents[iri]
        s = N(iri)
        c = vocabulary.concepts.get(iri) if e.known else None
        yield Triple(s, A, skos.Concept)
        yield Triple(s, A, kgo[e.type])
        yield Triple(s, skos.inScheme, kgo.discovered if c is None else kgo.vocabulary)
        for prop, lit in entity_labels(e, vocabulary):
            yield Triple(s, prop, lit)
        if e.papers:
            yield Triple(s, kgo.paperCount, Literal(e.papers))
        if c is not None:
            for b in c.broader:
                yield Triple(s, skos.broader, N(b))
            if c.definition:
                yield Triple(s, skos.definition, Literal(c.definition, language="en"))
        else:
            for b in sorted(e.broader):
                yield Triple(s, skos.broader, N(b))
            if e.first_seen:
                yield Triple(s, kgo.firstSeenIn, N(e.first_seen))
