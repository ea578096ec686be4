"""Export: the graph as N-Triples, Turtle and JSON-LD, and the views derived from it
(links.jsonl, graph.graphml): one record per paper-entity link, made from what the graph was
generated from, or read back from the build's store."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import escape

from pyoxigraph import RdfFormat, Store, Triple, parse, serialize

from .graph import PREFIXES, decimal_text, entity_labels, kgo, skos
from .model import TYPES, Entity, Link, Paper
from .vocab import Vocabulary

LINKS_QUERY = """
PREFIX kgo: <https://w3id.org/kg-digest/ontology#>
SELECT ?paper ?entity ?relation ?evidence ?matched ?field ?rule ?confidence WHERE {
  ?link a kgo:Link ; kgo:linkSource ?paper ; kgo:linkRelation ?relation ; kgo:linkTarget ?entity ;
        kgo:evidenceText ?evidence ; kgo:matchedText ?matched ; kgo:evidenceField ?field ;
        kgo:foundBy ?rule ; kgo:confidence ?confidence .
}
"""
PAPERS_QUERY = """
PREFIX kgo: <https://w3id.org/kg-digest/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?paper ?id ?title WHERE { ?paper a kgo:Paper ; dcterms:identifier ?id ; dcterms:title ?title . }
"""
ENTITIES_QUERY = """
PREFIX kgo: <https://w3id.org/kg-digest/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?entity ?type ?label ?alt WHERE {
  ?entity a ?cls ; skos:prefLabel ?label .
  VALUES (?cls ?type) { (kgo:Task "Task") (kgo:Dataset "Dataset") (kgo:Method "Method") (kgo:Metric "Metric") }
  FILTER (lang(?label) = "" || lang(?label) = "en")
  OPTIONAL { { ?entity skos:altLabel ?alt } UNION { ?entity kgo:acronym ?alt } }
}
"""
TYPE_ORDER = {t: i for i, t in enumerate(TYPES)}
NOVEL_RELATIONS = {"introducesDataset", "proposesMethod"}


def write_ntriples(triples: Iterable[Triple], path: Path) -> None:
    with open(path, "wb") as fh:
        serialize(triples, fh, RdfFormat.N_TRIPLES)


def write_turtle_and_jsonld(nt: Path, out: Path) -> None:
    """Turtle and JSON-LD from the N-Triples file, streamed, in the same triple order.

    The file is read leniently (no IRI validation; about 30% faster): write_ntriples made
    it from pyoxigraph terms, which are validated when they are made.
    """
    for name, fmt in (("graph.ttl", RdfFormat.TURTLE), ("graph.jsonld", RdfFormat.JSON_LD)):
        with open(out / name, "wb") as dst:
            serialize(parse(path=nt, format=RdfFormat.N_TRIPLES, lenient=True), dst, fmt, prefixes=PREFIXES)


def link_rows(store: Store) -> list[dict]:
    """One record per paper-entity link, read from the graph (links.jsonl is a view of it).

    Three queries (links, papers, entities) joined here: much faster than one query joining all.
    """
    papers = {s["paper"].value: (s["id"].value, s["title"].value) for s in store.query(PAPERS_QUERY)}
    entities: dict[str, tuple[str, str, set]] = {}
    for s in store.query(ENTITIES_QUERY):
        e = entities.setdefault(s["entity"].value, (s["type"].value, s["label"].value, set()))
        if s["alt"] is not None:
            e[2].add(s["alt"].value)
    alts = {iri: sorted(e[2]) for iri, e in entities.items()}
    rows = []
    for sol in store.query(LINKS_QUERY):
        rel = sol["relation"].value
        ent = sol["entity"].value
        pid, title = papers[sol["paper"].value]
        etype, label, _ = entities[ent]
        rows.append({
            "paper": pid,
            "type": etype,
            "label": label,
            "alt_labels": alts[ent],
            "novel": rel.rsplit("#", 1)[-1] in NOVEL_RELATIONS,
            "relation": rel,
            "evidence": sol["evidence"].value,
            "matched": sol["matched"].value,
            "field": sol["field"].value,
            "rule": sol["rule"].value,
            "confidence": float(sol["confidence"].value),
            "entity": ent,
            "paper_iri": sol["paper"].value,
            "title": title,
        })
    rows.sort(key=_row_order)
    return rows


def _row_order(r: dict) -> tuple:
    return r["paper"], TYPE_ORDER[r["type"]], r["label"].lower(), r["entity"]


def graph_link_rows(linked: Iterable[tuple[Paper, list[Link]]], entities: Mapping[str, Entity],
                    vocabulary: Vocabulary, labels: dict | None = None) -> Iterator[dict] | None:
    """The records link_rows(store) reads from the graph, made from the papers, links and
    entities the graph is generated from (graph.paper_triples, graph.entity_triples), without
    loading and querying the store: each field is the value of the triple the query matches.
    They are made as they are read, the papers' in the order of their keys (a million links'
    records are never all in memory).

    The rows are the same, in the same order, as long as every link is the only one between its
    paper and its entity (kg.link makes one per pair) and every linked entity has one English
    or untagged skos:prefLabel; otherwise the query's answer would depend on the store's order
    of solutions, so this returns None and the caller reads the store.
    """
    linked = linked if isinstance(linked, list) else list(linked)
    if labels is None:  # (given: row_labels of these links, made already)
        labels = row_labels(linked, entities, vocabulary)
    if labels is None:
        return None
    return _rows_in_order(linked, labels)


def _rows_in_order(linked: list[tuple[Paper, list[Link]]], labels: dict) -> Iterator[dict]:
    """The rows sorted by _row_order, one paper key at a time (the order's first field)."""
    order = sorted(range(len(linked)), key=lambda i: linked[i][0].key)
    for _key, group in groupby(order, key=lambda i: linked[i][0].key):
        rows = [r for i in group for r in _paper_rows(*linked[i], labels)]
        rows.sort(key=_row_order)
        yield from rows


def row_labels(linked: list[tuple[Paper, list[Link]]], entities: Mapping[str, Entity],
                vocabulary: Vocabulary) -> dict[str, tuple[str, str, tuple[str, ...]]] | None:
    """Each linked entity's (type, English prefLabel, sorted other labels); None when the rows
    cannot be made without the store (see graph_link_rows)."""
    labels: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    papers: dict[str, str] = {}  # IRI -> key; the rows are sorted by key
    for paper, links in linked:
        if paper.iri in papers or len({lk.entity for lk in links}) != len(links):
            return None
        papers[paper.iri] = paper.key
        for lk in links:
            if lk.entity in labels:
                continue
            e = entities.get(lk.entity)
            if e is None:
                return None
            pairs = entity_labels(e, vocabulary)
            prefs = {lit.value for prop, lit in pairs if prop == skos.prefLabel and (lit.language or "en") == "en"}
            if len(prefs) != 1:
                return None
            alts = tuple(sorted({lit.value for prop, lit in pairs if prop in (skos.altLabel, kgo.acronym)}))
            labels[lk.entity] = (e.type, prefs.pop(), alts)
    if len(set(papers.values())) != len(papers):
        return None
    return labels


def _paper_rows(paper: Paper, links: list[Link], labels: dict[str, tuple[str, str, tuple[str, ...]]]) -> list[dict]:
    pid, iri, title = paper.key, paper.iri, paper.latest.title
    rows = []
    for lk in links:
        etype, label, alts = labels[lk.entity]
        rel = kgo[lk.relation].value
        rows.append({
            "paper": pid,
            "type": etype,
            "label": label,
            "alt_labels": list(alts),
            "novel": rel.rsplit("#", 1)[-1] in NOVEL_RELATIONS,
            "relation": rel,
            "evidence": lk.evidence,
            "matched": lk.matched,
            "field": lk.field,
            "rule": lk.rule,
            "confidence": float(decimal_text(lk.confidence)),
            "entity": lk.entity,
            "paper_iri": iri,
            "title": title,
        })
    return rows


def write_links(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")


GRAPHML_HEAD = """<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
"""
GRAPHML_KEYS = """  <key id="evidence" for="edge" attr.name="evidence" attr.type="string" />
  <key id="confidence" for="edge" attr.name="confidence" attr.type="double" />
  <key id="novel" for="edge" attr.name="novel" attr.type="boolean" />
  <key id="relation" for="edge" attr.name="relation" attr.type="string" />
  <key id="title" for="node" attr.name="title" attr.type="string" />
  <key id="label" for="node" attr.name="label" attr.type="string" />
  <key id="kind" for="node" attr.name="kind" attr.type="string" />
"""
_ATTRIBUTE = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


# Characters XML 1.0 forbids (even as &#N; references): C0 controls but tab/LF/CR, lone surrogates,
# U+FFFE and U+FFFF.  They become U+FFFD so that every XML reader (networkx, Gephi, yEd) accepts the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _attr(value: str) -> str:
    return escape(_xml(value), _ATTRIBUTE)


def _data(key: str, value) -> str:
    text = escape(_xml(str(value)))
    return f'      <data key="{key}">{text}</data>\n' if text else f'      <data key="{key}" />\n'


GRAPHML_OPEN = GRAPHML_KEYS + '  <graph edgedefault="directed">\n'
GRAPHML_CLOSE = "  </graph>\n</graphml>\n"
GRAPHML_EMPTY = '  <graph edgedefault="directed" />\n</graphml>\n'


def _node(iri: str, kind: str, label: str, title: str) -> str:
    return (f'    <node id="{_attr(iri)}">\n' + _data("kind", kind) + _data("label", label)
            + _data("title", title) + "    </node>\n")


def _edge(source: str, target: str, key: int, r: dict) -> str:
    return (f'    <edge source="{_attr(source)}" target="{_attr(target)}" id="{key}">\n'
            + _data("relation", r["relation"].rsplit("#", 1)[-1]) + _data("novel", r["novel"])
            + _data("confidence", r["confidence"]) + _data("evidence", r["evidence"])
            + "    </edge>\n")


def write_graphml(rows: list[dict], path: Path) -> None:
    """Papers and entities as nodes, links as edges (for Gephi, Cytoscape, yEd).

    Streamed: the bytes networkx's write_graphml writes for the MultiDiGraph of the rows (with
    prettyprint and named_key_ids; nodes in order of first appearance, then each node's edges
    grouped by target, keyed 0, 1, ... per pair), without building the graph or an XML tree.
    """
    nodes: dict[str, tuple[str, str, str]] = {}
    edges: dict[str, dict[str, list[dict]]] = {}
    for r in rows:
        nodes.setdefault(r["paper_iri"], ("Paper", r["paper"], r["title"]))
        nodes.setdefault(r["entity"], (r["type"], r["label"], r["label"]))
        edges.setdefault(r["paper_iri"], {}).setdefault(r["entity"], []).append(r)
    with open(path, "w", encoding="utf-8", errors="xmlcharrefreplace", newline="\n") as fh:
        fh.write(GRAPHML_HEAD)
        if not nodes:
            fh.write(GRAPHML_EMPTY)
            return
        fh.write(GRAPHML_OPEN)
        for iri, (kind, label, title) in nodes.items():
            fh.write(_node(iri, kind, label, title))
        for source in nodes:
            for target, links in edges.get(source, {}).items():
                for key, r in enumerate(links):
                    fh.write(_edge(source, target, key, r))
        fh.write(GRAPHML_CLOSE)


def write_link_files(linked: list[tuple[Paper, list[Link]]], entities: Mapping[str, Entity], vocabulary: Vocabulary,
                     keys: list[bytes], old, links_path: Path | None, graphml_path: Path | None,
                     labels: dict | None = None) -> dict | None:
    """links.jsonl and/or graph.graphml, the bytes write_links and write_graphml write for
    graph_link_rows(linked, ...), made paper by paper: each paper's lines of links.jsonl, its node
    and its edges of graph.graphml are one block each, copied from the previous build's files
    (`old`, kg.cache.LinkFileBlocks) when the block's key is unchanged: the paper's key of its
    graph.nt block (`keys`, in the order of `linked`; it covers the paper and its links) and the
    labels of the entities it links. Returns the index of the new files' blocks, or None when
    the rows must be read from the store (see graph_link_rows) and nothing was written."""
    import hashlib
    import marshal
    if labels is None:  # (given: row_labels of these links, made already)
        labels = row_labels(linked, entities, vocabulary)
    if labels is None:
        return None
    order = sorted(range(len(linked)), key=lambda i: linked[i][0].key)
    lfh = open(links_path, "wb") if links_path is not None else None
    gfh = open(graphml_path, "wb") if graphml_path is not None else None
    index: dict[bytes, tuple] = {}
    edges: list[bytes] = []
    seen: set[str] = set()
    lpos = 0
    gpos = 0
    try:
        if gfh is not None:
            head = GRAPHML_HEAD.encode("utf-8")
            gfh.write(head)
            gpos = len(head)
            any_rows = any(links for _p, links in linked)
            if not any_rows:
                gfh.write(GRAPHML_EMPTY.encode("utf-8"))
                gfh.close()
                gfh = None
            else:
                b = GRAPHML_OPEN.encode("utf-8")
                gfh.write(b)
                gpos += len(b)
        for i in order:
            paper, links = linked[i]
            if not links:
                continue
            sig = marshal.dumps((keys[i], [(lk.entity, labels[lk.entity]) for lk in links]), 2)
            key = hashlib.sha1(sig).digest()
            hit = old.get(key, lfh is not None, gfh is not None) if old is not None else None
            if hit is not None:
                lb, nb, eb, ents = hit
            else:
                rows = sorted(_paper_rows(paper, links, labels), key=_row_order)
                lb = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8") \
                    if lfh is not None else None
                if gfh is not None:
                    nb = _node(paper.iri, "Paper", paper.key, paper.latest.title).encode("utf-8", "xmlcharrefreplace")
                    eb = "".join(_edge(paper.iri, r["entity"], 0, r) for r in rows).encode("utf-8", "xmlcharrefreplace")
                else:
                    nb = eb = None
                ents = tuple(r["entity"] for r in rows)
            entry = [None, None, None, ents]
            if lfh is not None:
                lfh.write(lb)
                entry[0] = (lpos, len(lb))
                lpos += len(lb)
            if gfh is not None:
                gfh.write(nb)
                entry[1] = (gpos, len(nb))
                gpos += len(nb)
                for e in ents:  # an entity's node follows the node of the first paper that links it
                    if e not in seen:
                        seen.add(e)
                        etype, label, _alts = labels[e]
                        b = _node(e, etype, label, label).encode("utf-8", "xmlcharrefreplace")
                        gfh.write(b)
                        gpos += len(b)
                edges.append(eb)
                entry[2] = len(eb)  # its offset is known once every node is written
            index[key] = entry
        if gfh is not None:
            for entry, eb in zip(index.values(), edges):  # (in the order written)
                gfh.write(eb)
                entry[2] = (gpos, entry[2])
                gpos += len(eb)
            gfh.write(GRAPHML_CLOSE.encode("utf-8"))
    finally:
        if lfh is not None:
            lfh.close()
        if gfh is not None:
            gfh.close()
    return {k: tuple(v) for k, v in index.items()}
