"""graph.graphml is written without networkx: it must be the bytes networkx writes."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg import export
from kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent


def networkx_graphml(rows: list[dict], path: Path) -> None:
    """The GraphML writer export.write_graphml replaces."""
    g = nx.MultiDiGraph()
    for r in rows:
        if r["paper_iri"] not in g:
            g.add_node(r["paper_iri"], kind="Paper", label=r["paper"], title=r["title"])
        if r["entity"] not in g:
            g.add_node(r["entity"], kind=r["type"], label=r["label"], title=r["label"])
        g.add_edge(r["paper_iri"], r["entity"], relation=r["relation"].rsplit("#", 1)[-1],
                   novel=r["novel"], confidence=r["confidence"], evidence=r["evidence"])
    nx.write_graphml(g, path, encoding="utf-8", prettyprint=True, named_key_ids=True)


def test_graphml_is_what_networkx_writes(bundled_build, tmp_path):
    rows = export.link_rows(open_store(bundled_build))
    networkx_graphml(rows, tmp_path / "nx.graphml")
    export.write_graphml(rows, tmp_path / "kg.graphml")
    assert (tmp_path / "kg.graphml").read_bytes() == (tmp_path / "nx.graphml").read_bytes()
    assert (tmp_path / "kg.graphml").read_bytes() == (bundled_build / "graph.graphml").read_bytes()


def row(paper: str, entity: str, **kw) -> dict:
    r = {"paper": paper, "type": "Method", "label": entity, "alt_labels": [], "novel": False,
         "relation": "https://w3id.org/kg-digest/ontology#usesMethod", "evidence": "e", "matched": "m",
         "field": "title", "rule": "vocabulary", "confidence": 0.9, "entity": f"https://x.org/{entity}",
         "paper_iri": f"https://doi.org/{paper}", "title": f"T {paper}"}
    r.update(kw)
    return r


@pytest.mark.parametrize("rows", [
    [],
    [row("a", "m1")],
    [row("a", "m1", title="", evidence=""), row("a", "m1", novel=True, confidence=1.0,
                                                 relation="https://w3id.org/kg-digest/ontology#proposesMethod")],
    [row("a&b", 'x"<y>&z', evidence="a < b & c > d \"q\" 'q'\n\tnew\r\nline ü 中文 \x7f",
         paper_iri='https://x.org/?a=1&b="2"\t<3>\n', title="<b>T</b> & \r co")],
    [row("a", "m1"), row("b", "m1"), row("a", "m2"), row("c", "a", paper_iri="https://x.org/m1"),
     row("a", "m1", confidence=0.1234567)],
])
def test_graphml_is_what_networkx_writes_for_odd_rows(rows, tmp_path):
    networkx_graphml(rows, tmp_path / "nx.graphml")
    export.write_graphml(rows, tmp_path / "kg.graphml")
    assert (tmp_path / "kg.graphml").read_bytes() == (tmp_path / "nx.graphml").read_bytes()
