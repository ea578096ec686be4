"""vocabulary (imported concepts): a task of an imported vocabulary (one with dcterms:source) right
after a using word is a technique the paper uses, not its task; a curated task is kept."""
from __future__ import annotations

import pytest

from kg.extract import build_nlp

VOCAB = """@prefix kgo:  <https://w3id.org/kg-digest/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix task: <https://w3id.org/kg-digest/id/task/> .
task:tide-forecasting a skos:Concept , kgo:Task ; skos:inScheme kgo:vocabulary ;
    skos:prefLabel "tide forecasting"@en ; skos:altLabel "潮汐预报"@zh ; dcterms:source <https://example.org/imported> .
task:wave-height-estimation a skos:Concept , kgo:Task ; skos:inScheme kgo:vocabulary ;
    skos:prefLabel "wave height estimation"@en ; skos:altLabel "浪高估计"@zh .
"""


@pytest.fixture(scope="module")
def imported_nlp(tmp_path_factory):
    path = tmp_path_factory.mktemp("vocab") / "tasks.ttl"
    path.write_text(VOCAB, encoding="utf-8")
    return build_nlp([str(path)])


IMPORTED = [
    pytest.param("We study tide forecasting for small harbours.", ["tide-forecasting"], id="en-imported-addressed"),
    pytest.param("Wave height estimation improves with tide forecasting features.", ["wave-height-estimation"],
                 id="en-imported-used-after-with"),
    pytest.param("Buoy Networks for Wave Height Estimation and Tide Forecasting",
                 ["wave-height-estimation"], id="en-imported-after-and"),
    pytest.param("我们利用潮汐预报结果改进浪高估计。", ["wave-height-estimation"], id="zh-imported-used"),
    pytest.param("本文研究潮汐预报。", ["tide-forecasting"], id="zh-imported-addressed"),
]


@pytest.mark.parametrize("text,expected", IMPORTED)
def test_imported_task_used_as_a_technique(imported_nlp, text, expected):
    ti = imported_nlp.get_pipe("kg_task_inference")
    doc = imported_nlp(text)
    assert [sp.kb_id_.rsplit("/", 1)[-1] for sp in ti.run(doc, names=("vocabulary",))] == expected
