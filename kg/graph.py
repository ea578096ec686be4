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

from .model import Entity, Link, Paper, Result
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
    s = str(iri)
    n = _N.get(s)
    if n is None:
        n = _N[s] = NamedNode(s)
    return n


A = N(RDF.type)
_HAN = re.compile(r"[\u3400-\u9fff]")


def text_literal(text: str) -> Literal:
    """A string tagged @zh when Han characters make up a fair share of it, else @en."""
    han = len(_HAN.findall(text))
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
    p = N(paper.iri)
    yield Triple(p, A, N(KGO.Paper))
    if paper.iri.startswith("http://arxiv.org/abs/"):
        yield Triple(p, A, N(FABIO.Preprint))
    yield Triple(p, N(DCTERMS.identifier), Literal(paper.key))
    latest = paper.latest
    yield Triple(p, N(DCTERMS.title), text_literal(latest.title))
    if latest.summary:
        yield Triple(p, N(DCTERMS.abstract), text_literal(latest.summary))
    viris = [version_iri(paper, i) for i in range(len(paper.versions))]
    for vi in viris:
        yield Triple(p, N(KGO.version), N(vi))
    for lk in links:
        yield Triple(p, N(KGO[lk.relation]), N(lk.entity))
    for v, vi in zip(paper.versions, map(N, viris)):
        yield Triple(vi, A, N(KGO.PaperVersion))
        yield Triple(vi, N(DCTERMS.isVersionOf), p)
        if v.label[1:].isdigit():
            yield Triple(vi, N(KGO.versionNumber), Literal(int(v.label[1:])))
        yield Triple(vi, N(DCTERMS.title), text_literal(v.title))
        if v.summary:
            yield Triple(vi, N(DCTERMS.abstract), text_literal(v.summary))
        yield Triple(vi, N(KGO.sourceFile), Literal(v.source_file))
        yield Triple(vi, N(KGO.sourceLine), Literal(v.line))
    vlabels = {v.label: vi for v, vi in zip(paper.versions, viris)}
    for lk in links:
        li = N(link_iri(lk))
        yield Triple(li, A, N(KGO.Link))
        yield Triple(li, N(KGO.linkSource), p)
        yield Triple(li, N(KGO.linkRelation), N(KGO[lk.relation]))
        yield Triple(li, N(KGO.linkTarget), N(lk.entity))
        yield Triple(li, N(KGO.evidenceText), text_literal(lk.evidence))
        yield Triple(li, N(KGO.matchedText), Literal(lk.matched))
        yield Triple(li, N(KGO.evidenceField), Literal(lk.field))
        yield Triple(li, N(KGO.foundBy), Literal(lk.rule))
        yield Triple(li, N(KGO.confidence), Literal(_decimal(lk.confidence), datatype=N(XSD.decimal)))
        yield Triple(li, N(PROV.wasDerivedFrom), N(vlabels.get(lk.version, paper.iri)))
    for r in results:
        h = hashlib.sha1(f"{r.paper}|{r.metric}|{r.dataset}|{r.value}|{r.evidence}".encode()).hexdigest()[:20]
        ri = N(RESULT_NS + h)
        yield Triple(ri, A, N(KGO.Result))
        yield Triple(ri, N(KGO.resultOf), p)
        yield Triple(ri, N(KGO.metric), N(r.metric))
        if r.dataset:
            yield Triple(ri, N(KGO.onDataset), N(r.dataset))
        yield Triple(ri, N(KGO.value), Literal(_decimal(r.value), datatype=N(XSD.decimal)))
        if r.unit:
            yield Triple(ri, N(KGO.unit), Literal(r.unit))
        yield Triple(ri, N(KGO.evidenceText), text_literal(r.evidence))


def _decimal(x: float) -> str:
    s = f"{x:.6f}".rstrip("0")
    return s + "0" if s.endswith(".") else s


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
        yield Triple(s, A, N(SKOS.Concept))
        yield Triple(s, A, N(KGO[e.type]))
        if e.known and iri in vocabulary.concepts:
            c = vocabulary.concepts[iri]
            yield Triple(s, N(SKOS.inScheme), N(KGO.vocabulary))
            seen = set()
            for lab in c.labels:
                prop = {"pref": SKOS.prefLabel, "alt": SKOS.altLabel, "acronym": KGO.acronym,
                        "hidden": SKOS.hiddenLabel}[lab.kind]
                lit = Literal(lab.text, language=lab.lang) if lab.lang else Literal(lab.text)
                if (prop, lit) not in seen:
                    seen.add((prop, lit))
                    yield Triple(s, N(prop), lit)
            for b in c.broader:
                yield Triple(s, N(SKOS.broader), N(b))
            if c.definition:
                yield Triple(s, N(SKOS.definition), Literal(c.definition, language="en"))
        else:
            yield Triple(s, N(SKOS.inScheme), N(KGO.discovered))
            yield Triple(s, N(SKOS.prefLabel), Literal(e.label))
            for alt in e.alt_labels:
                yield Triple(s, N(SKOS.altLabel), text_literal(alt))
            for b in sorted(e.broader):
                yield Triple(s, N(SKOS.broader), N(b))
            if e.first_seen:
                yield Triple(s, N(KGO.firstSeenIn), N(e.first_seen))
