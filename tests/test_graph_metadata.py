"""What the new formats add to the graph: every text with its language, the date, the authors and
the categories of a paper; the build of a folder of digests in several formats conforms to the
shapes."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import rdflib
from rdflib.namespace import DCTERMS, XSD

from kg.graph import paper_triples
from kg.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
F = Path(__file__).resolve().parent / "data" / "formats"


def _objects(triples, subject: str, prop) -> list:
    out = []
    for t in triples:
        if t.subject.value == subject and t.predicate.value == str(prop):
            out.append(t.object)
    return out


def test_paper_triples_carry_both_languages_the_date_authors_and_categories():
    paper = next(p for p in ingest([F / "arxiv_daily"]) if p.key == "2505.90001")
    triples = list(paper_triples(paper, []))
    abstracts = _objects(triples, paper.iri, DCTERMS.abstract)
    assert {(o.language, o.value[:6]) for o in abstracts} == {("zh", "该论文研究流"), ("en", "We pre")}
    issued = _objects(triples, paper.iri, DCTERMS.issued)
    assert [(o.value, o.datatype.value) for o in issued] == [("2025-05", str(XSD.gYearMonth))]
    assert [o.value for o in _objects(triples, paper.iri, DCTERMS.creator)] == ["Ana Ribeiro", "Kenji Sato", "Wei Zhang"]
    assert [o.value for o in _objects(triples, paper.iri, DCTERMS.subject)] == ["cs.SD", "cs.CL", "eess.AS"]
    # the version node has both texts too
    v = paper.iri + "v1"
    assert {o.language for o in _objects(triples, v, DCTERMS.abstract)} == {"zh", "en"}


def test_a_digest_date_is_an_xsd_date():
    paper = next(p for p in ingest([F / "cv_daily.md"]) if p.key == "2505.90032")
    issued = _objects(list(paper_triples(paper, [])), paper.iri, DCTERMS.issued)
    assert [(o.value, o.datatype.value) for o in issued] == [("2025-05-12", str(XSD.date))]


def test_building_the_fixture_folder_conforms_to_the_shapes(tmp_path):
    import pyshacl
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(F), "-o", str(tmp_path / "out"), "--no-views", "-q"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    g = rdflib.Graph().parse(tmp_path / "out" / "graph.nt")
    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    conforms, _, text = pyshacl.validate(g, shacl_graph=shapes, inference="none")
    assert conforms, text[:3000]
    tidal = rdflib.URIRef("http://arxiv.org/abs/2505.90001")
    langs = {o.language for o in g.objects(tidal, DCTERMS.abstract)}
    assert langs == {"zh", "en"}
    # links are found in the Chinese summary and the English abstract alike
    rows = (tmp_path / "out" / "links.jsonl").read_text(encoding="utf-8")
    assert '"paper": "2505.90001"' in rows and "IEMOCAP" in rows
