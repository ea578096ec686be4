"""Export: the graph as N-Triples, Turtle and JSON-LD, and the views derived from it
(links.jsonl, graph.graphml), read back from the build's store."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from pyoxigraph import RdfFormat, Store, Triple, parse, serialize

from .graph import PREFIXES
from .model import TYPES

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
    """Turtle and JSON-LD from the N-Triples file, streamed, in the same triple order."""
    with open(nt, "rb") as src, open(out / "graph.ttl", "wb") as dst:
        serialize(parse(src, RdfFormat.N_TRIPLES), dst, RdfFormat.TURTLE, prefixes=PREFIXES)
    with open(nt, "rb") as src, open(out / "graph.jsonld", "wb") as dst:
        serialize(parse(src, RdfFormat.N_TRIPLES), dst, RdfFormat.JSON_LD, prefixes=PREFIXES)


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
    rows.sort(key=lambda r: (r["paper"], TYPE_ORDER[r["type"]], r["label"].lower(), r["entity"]))
    return rows


def write_links(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")


def write_graphml(rows: list[dict], path: Path) -> None:
    """Papers and entities as nodes, links as edges (for Gephi, Cytoscape, yEd)."""
    g = nx.MultiDiGraph()
    for r in rows:
        if r["paper_iri"] not in g:
            g.add_node(r["paper_iri"], kind="Paper", label=r["paper"], title=r["title"])
        if r["entity"] not in g:
            g.add_node(r["entity"], kind=r["type"], label=r["label"], title=r["label"])
        g.add_edge(r["paper_iri"], r["entity"], relation=r["relation"].rsplit("#", 1)[-1],
                   novel=r["novel"], confidence=r["confidence"], evidence=r["evidence"])
    nx.write_graphml(g, path, encoding="utf-8", prettyprint=True, named_key_ids=True)
