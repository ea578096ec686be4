"""links.jsonl and graph.graphml are made without the store and without networkx: the records
must be the ones the store answers, and the GraphML the bytes networkx writes."""
from __future__ import annotations

from kg.build import parse_formats  # noqa: E402  (JSON-LD is not written by default)

from pathlib import Path

import networkx as nx
import pytest

from kg import export
from kg.build import build
from kg.extract import extract_all, load_nlp
from kg.ingest import ingest
from kg.link import Linker
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


@pytest.fixture(scope="module")
def linked():
    """The bundled digest's papers with their links, and the linker, as `kg build data/` makes them."""
    papers = ingest([ROOT / "data"])
    nlp = load_nlp()
    vocabulary = nlp.get_pipe("kg_vocab_matcher").vocabulary
    linker = Linker(vocabulary)
    from kg.consolidate import consolidate  # (kg build consolidates the corpus before linking)
    extracted = consolidate(list(extract_all(papers, nlp)), vocabulary)
    return [(p, linker.link(p, ms)) for p, ms in extracted], linker, vocabulary


def test_link_rows_made_in_memory_are_the_stores_answer(bundled_build, linked):
    pairs, linker, vocabulary = linked
    rows = export.graph_link_rows(pairs, linker.entities, vocabulary)
    assert rows is not None
    rows = list(rows)  # (made as they are read)
    assert len(rows) > 400
    assert rows == export.link_rows(open_store(bundled_build))


def test_link_rows_left_to_the_store_when_its_answer_is_ambiguous(linked):
    pairs, linker, vocabulary = linked
    paper, links = next((p, lks) for p, lks in pairs if len(lks) >= 2)
    twice = [(paper, links + [links[0]])]  # two links from one paper to one entity
    assert export.graph_link_rows(twice, linker.entities, vocabulary) is None
    missing = {k: v for k, v in linker.entities.items() if k != links[0].entity}
    assert export.graph_link_rows([(paper, links)], missing, vocabulary) is None
    same_paper_twice = [(paper, links[:1]), (paper, links[1:2])]
    assert export.graph_link_rows(same_paper_twice, linker.entities, vocabulary) is None


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


def test_views_data_from_rows_is_data_from_links_jsonl(bundled_build, linked):
    from kg.viz.data import Data
    pairs, linker, vocabulary = linked
    rows = export.graph_link_rows(pairs, linker.entities, vocabulary)
    summaries = {p.iri: p.latest.summary for p, _ in pairs if p.latest.summary}
    issued = {p.iri: p.date for p, _ in pairs if p.date}
    assert Data.from_rows(rows, summaries, issued) == Data.load(bundled_build)


FILES = ("graph.ttl", "graph.nt", "graph.jsonld", "links.jsonl", "graph.graphml")


def test_build_reads_the_store_when_the_rows_cannot_be_made(bundled_build, tmp_path, monkeypatch):
    monkeypatch.setattr("kg.export.graph_link_rows", lambda *args: None)
    build([ROOT / "data"], tmp_path, progress=False, views=False, formats=parse_formats("default,jsonld"))
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (bundled_build / name).read_bytes(), name


def test_stages_side_by_side_give_the_same_files(bundled_build, tmp_path, monkeypatch):
    """Large builds write Turtle/JSON-LD, links.jsonl/GraphML/views and the store in parallel."""
    monkeypatch.setattr("kg.build.SIDE_BY_SIDE", 0)
    s = build([ROOT / "data"], tmp_path, progress=False, views=True, formats=parse_formats("default,jsonld"))
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (bundled_build / name).read_bytes(), name
    assert len(s.files) > len(FILES) and all(f.exists() for f in s.files)
