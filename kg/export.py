"""Export: the graph as N-Triples, Turtle and JSON-LD, and the views derived from it
(links.jsonl, graph.graphml), read back from the build's store."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from pyoxigraph import RdfFormat, Store, Triple, parse, serialize

from .graph import PREFIXES

LINKS_QUERY = """
PREFIX kgo: <https://w3id.org/kg-digest/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?paper ?id ?title ?entity ?type ?label ?relation ?evidence ?matched ?field ?rule ?confidence WHERE {
  ?link a kgo:Link ; kgo:linkSource ?paper ; kgo:linkRelation ?relation ; kgo:linkTarget ?entity ;
        kgo:evidenceText ?evidence ; kgo:matchedText ?matched ; kgo:evidenceField ?field ;
        kgo:foundBy ?rule ; kgo:confidence ?confidence .
  ?paper dcterms:identifier ?id ; dcterms:title ?title .
  ?entity a ?cls ; skos:prefLabel ?label .
  VALUES (?cls ?type) { (kgo:Task "Task") (kgo:Dataset "Dataset") (kgo:Method "Method") (kgo:Metric "Metric") }
  FILTER (lang(?label) = "" || lang(?label) = "en")
}
"""
ALT_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX kgo: <https://w3id.org/kg-digest/ontology#>
SELECT ?entity ?alt WHERE { ?entity a skos:Concept . { ?entity skos:altLabel ?alt } UNION { ?entity kgo:acronym ?alt } }
"""
TYPE_ORDER = {"Task": 0, "Dataset": 1, "Method": 2, "Metric": 3}
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
    """One record per paper-entity link, read from the graph (links.jsonl is a view of it)."""
    alts: dict[str, list[str]] = {}
    for sol in store.query(ALT_QUERY):
        alts.setdefault(sol["entity"].value, []).append(sol["alt"].value)
    rows = []
    for sol in store.query(LINKS_QUERY):
        rel = sol["relation"].value.rsplit("#", 1)[-1]
        ent = sol["entity"].value
        rows.append({
            "paper": sol["id"].value,
            "type": sol["type"].value,
            "label": sol["label"].value,
            "alt_labels": sorted(set(alts.get(ent, []))),
            "novel": rel in NOVEL_RELATIONS,
            "relation": sol["relation"].value,
            "evidence": sol["evidence"].value,
            "matched": sol["matched"].value,
            "field": sol["field"].value,
            "rule": sol["rule"].value,
            "confidence": float(sol["confidence"].value),
            "entity": ent,
            "paper_iri": sol["paper"].value,
            "title": sol["title"].value,
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
