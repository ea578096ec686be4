"""graph.graphml stays well-formed XML whatever characters the digest's text holds."""
from __future__ import annotations

import networkx as nx

from kg.export import write_graphml

NASTY = "bell\x07 nul\x00 vt\x0b ff\x0c esc\x1b del\x7f surrogate\ud800 nonchar\ufffe tab\t nl\n ok é 中文 <&>\""


def rows(text: str) -> list[dict]:
    return [{"paper_iri": "http://arxiv.org/abs/0000.00001", "paper": "0000.00001", "title": text,
             "entity": "https://w3id.org/kg-digest/id/dataset/x\x01y", "type": "Dataset", "label": text,
             "relation": "https://w3id.org/kg-digest/ontology#usesDataset", "novel": False,
             "confidence": 0.9, "evidence": text}]


def test_graphml_with_control_characters_reads_back(tmp_path):
    path = tmp_path / "graph.graphml"
    write_graphml(rows(NASTY), path)
    g = nx.read_graphml(path)  # raises on invalid XML
    paper = g.nodes["http://arxiv.org/abs/0000.00001"]
    title = paper["title"]
    for ch in "\x07\x00\x0b\x0c\x1b\ud800\ufffe":
        assert ch not in title
    # the rest of the text is kept as it was; each forbidden character became U+FFFD
    assert title.startswith("bell\ufffd nul\ufffd vt\ufffd") and "tab\t nl\n ok é 中文 <&>\"" in title
    assert "\x7f" in title  # DEL is allowed in XML 1.0
    (edge,) = g.edges(data=True)
    assert edge[2]["evidence"] == title and edge[2]["relation"] == "usesDataset"
    assert "https://w3id.org/kg-digest/id/dataset/x\ufffdy" in g.nodes


def test_graphml_deterministic_with_control_characters(tmp_path):
    a, b = tmp_path / "a.graphml", tmp_path / "b.graphml"
    write_graphml(rows(NASTY), a)
    write_graphml(rows(NASTY), b)
    assert a.read_bytes() == b.read_bytes()
