"""The RDF a build writes: parseable in all formats, one Paper per arXiv id, the ontology's shape,
evidence on every link, the store equal to graph.nt, and byte-identical rebuilds."""
from __future__ import annotations

from kg.build import parse_formats  # noqa: E402  (JSON-LD is not written by default)

import json
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.build import build
from kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent
KGO = rdflib.Namespace("https://w3id.org/kg-digest/ontology#")


@pytest.fixture(scope="module")
def graphs(bundled_build):
    out = {}
    for name, fmt in (("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")):
        g = rdflib.Graph()
        g.parse(bundled_build / name, format=fmt)
        out[fmt] = g
    return out


def test_all_three_formats_parse_to_the_same_graph(graphs):
    ttl, nt, jl = graphs["turtle"], graphs["nt"], graphs["json-ld"]
    assert len(ttl) > 1000
    # no blank nodes anywhere, so the graphs are equal as sets of triples
    assert not any(isinstance(t, rdflib.BNode) for triple in nt for t in triple)
    assert set(ttl) == set(nt) == set(jl)


def test_one_paper_per_arxiv_id(graphs):
    g = graphs["nt"]
    papers = set(g.subjects(RDF.type, KGO.Paper))
    assert len(papers) == 82
    assert all(str(p).startswith("http://arxiv.org/abs/") and "v" not in str(p).rsplit("/", 1)[-1] for p in papers)
    goat = rdflib.URIRef("http://arxiv.org/abs/2507.18119")
    versions = set(g.objects(goat, KGO.version))
    assert versions == {rdflib.URIRef(str(goat) + "v1"), rdflib.URIRef(str(goat) + "v2")}
    for v in versions:
        assert (v, DCTERMS.isVersionOf, goat) in g
        assert (v, KGO.sourceLine, None) in g


def test_links_of_all_three_types_with_evidence(graphs):
    g = graphs["nt"]
    for rel in (KGO.addressesTask, KGO.usesDataset, KGO.usesMethod, KGO.proposesMethod, KGO.introducesDataset):
        assert len(list(g.subject_objects(rel))) > 0, rel
    links = set(g.subjects(RDF.type, KGO.Link))
    assert links
    for lk in links:
        paper, rel, ent = g.value(lk, KGO.linkSource), g.value(lk, KGO.linkRelation), g.value(lk, KGO.linkTarget)
        assert (paper, rel, ent) in g, "every evidence node backs a direct triple"
        assert str(g.value(lk, KGO.evidenceText)).strip()
        assert str(g.value(lk, KGO.evidenceField)) in ("title", "summary")
        assert str(g.value(lk, KGO.foundBy))
        assert 0 < float(g.value(lk, KGO.confidence)) <= 1
        assert (g.value(lk, PROV.wasDerivedFrom), DCTERMS.isVersionOf, paper) in g
    # and every direct triple has its evidence node
    direct = {(s, p, o) for p in (KGO.addressesTask, KGO.usesDataset, KGO.introducesDataset, KGO.usesMethod,
                                  KGO.proposesMethod, KGO.reportsMetric) for s, o in g.subject_objects(p)}
    assert len(direct) == len(links)


def test_sync_tva_paper(graphs):
    g = graphs["nt"]
    p = rdflib.URIRef("http://arxiv.org/abs/2507.21395")
    labels = lambda rel: {str(g.value(o, SKOS.prefLabel)) for o in g.objects(p, rel)}
    assert {"MELD", "IEMOCAP"} <= labels(KGO.usesDataset)
    assert "Sync-TVA" in labels(KGO.proposesMethod)
    assert str(g.value(p, DCTERMS.title)).startswith("Sync-TVA: A Graph-Attention Framework")


def test_every_term_used_is_declared_in_the_ontology(graphs):
    onto = rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl")
    g = graphs["nt"]
    used = {p for p in g.predicates() if str(p).startswith(str(KGO))}
    used |= {o for o in g.objects(None, RDF.type) if str(o).startswith(str(KGO))}
    used |= {o for o in g.objects(None, KGO.linkRelation)}
    for term in used:
        assert (term, RDF.type, None) in onto, f"{term} is not declared"
        assert onto.value(term, RDFS.label) is not None and onto.value(term, RDFS.comment) is not None, term
    assert (None, RDF.type, OWL.Ontology) in onto


def test_entities_are_skos_concepts_with_labels_and_hierarchy(graphs):
    g = graphs["nt"]
    for cls in (KGO.Task, KGO.Dataset, KGO.Method):
        ents = set(g.subjects(RDF.type, cls))
        assert ents
        for e in ents:
            assert (e, RDF.type, SKOS.Concept) in g
            assert g.value(e, SKOS.prefLabel) is not None
            assert g.value(e, SKOS.inScheme) in (KGO.vocabulary, KGO.discovered)
    ser = rdflib.URIRef("https://w3id.org/kg-digest/id/task/speech-emotion-recognition")
    er = rdflib.URIRef("https://w3id.org/kg-digest/id/task/emotion-recognition")
    assert (ser, SKOS.broader, er) in g
    assert rdflib.Literal("语音情感识别", lang="zh") in set(g.objects(ser, SKOS.altLabel))


def test_store_holds_exactly_graph_nt(bundled_build):
    lines = sum(1 for line in open(bundled_build / "graph.nt", encoding="utf-8") if line.strip())
    store = open_store(bundled_build)
    n = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    assert n == lines


def test_links_jsonl_is_a_view_of_the_graph(bundled_build, graphs):
    rows = [json.loads(line) for line in open(bundled_build / "links.jsonl", encoding="utf-8")]
    g = graphs["nt"]
    assert len(rows) == len(set(g.subjects(RDF.type, KGO.Link)))
    for r in rows:
        assert {"paper", "type", "label", "alt_labels", "novel", "relation", "evidence"} <= set(r)
        assert r["type"] in ("Task", "Dataset", "Method", "Metric")
        p = next(g.subjects(DCTERMS.identifier, rdflib.Literal(r["paper"])))
        assert (p, rdflib.URIRef(r["relation"]), rdflib.URIRef(r["entity"])) in g
        assert r["novel"] == r["relation"].endswith(("introducesDataset", "proposesMethod"))
    assert {r["paper"] for r in rows} <= {str(o) for o in g.objects(None, DCTERMS.identifier)}


def test_graphml_opens_in_networkx(bundled_build):
    import networkx as nx
    g = nx.read_graphml(bundled_build / "graph.graphml")
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert {"Paper", "Task", "Dataset", "Method"} <= kinds


def test_rebuild_is_byte_identical(bundled_build, tmp_path):
    build([ROOT / "data"], tmp_path, progress=False, views=False, formats=parse_formats("default,jsonld"))
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "links.jsonl", "graph.graphml"):
        assert (tmp_path / name).read_bytes() == (bundled_build / name).read_bytes(), name


def test_graph_conforms_to_the_shacl_shapes(graphs):
    import pyshacl
    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    conforms, _, text = pyshacl.validate(graphs["nt"], shacl_graph=shapes, inference="none")
    assert conforms, text[:3000]


def test_shapes_catch_a_broken_link(graphs):
    import pyshacl
    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    g = rdflib.Graph()
    for t in graphs["nt"]:
        g.add(t)
    link = next(g.subjects(RDF.type, KGO.Link))
    g.remove((link, KGO.evidenceText, None))
    g.add((link, KGO.confidence, rdflib.Literal("1.5", datatype=rdflib.XSD.decimal)))
    conforms, _, text = pyshacl.validate(g, shacl_graph=shapes, inference="none")
    assert not conforms and "evidenceText" in text and "confidence" in text


def test_parallel_extraction_gives_the_same_files(tmp_path, monkeypatch):
    """Large inputs are extracted by forked workers, each replaced by a fresh one after a share of
    the papers (here after every chunk): the files must not depend on it."""
    import kg.extract
    lines = (ROOT / "data" / "digest-2025-07.md").read_text(encoding="utf-8").splitlines()
    rows = [ln for ln in lines[2:] if ln.startswith("|")]
    digest = ["|Source|Title|Summary|", "|---|---|---|"]
    for i in range(900):
        cells = rows[i % len(rows)].split("|")
        cells[1] = f"2601.{i:05d}v1"
        digest.append("|".join(cells))
    (tmp_path / "d.md").write_text("\n".join(digest) + "\n", encoding="utf-8")
    monkeypatch.setattr("kg.extract.driver._PAPERS_PER_WORKER", 1)
    build([tmp_path / "d.md"], tmp_path / "parallel", progress=False, views=False)
    original = kg.extract.extract_all
    monkeypatch.setattr("kg.build.extract_all", lambda papers, nlp, **kw: original(papers, nlp, processes=1, **kw))
    build([tmp_path / "d.md"], tmp_path / "serial", progress=False, views=False)
    for name in ("graph.nt", "graph.ttl", "links.jsonl"):
        assert (tmp_path / "parallel" / name).read_bytes() == (tmp_path / "serial" / name).read_bytes(), name
