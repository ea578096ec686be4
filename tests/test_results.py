"""Stated results: a metric next to a number is a score; a change of a metric is none."""
from __future__ import annotations

from kg.build import build
from kg.store import open_store

Q = """PREFIX kgo: <https://w3id.org/kg-digest/ontology#>
SELECT ?v WHERE { ?r a kgo:Result ; kgo:value ?v } ORDER BY ?v"""


def _values(tmp_path, summary):
    d = tmp_path / "d.md"
    d.write_text(f"|Source|Title|Summary|\n|---|---|---|\n|2601.00031v1|A Study|{summary}|\n", encoding="utf-8")
    build([d], tmp_path / "out", progress=False, views=False, formats=("store",))
    return [float(s["v"].value) for s in open_store(tmp_path / "out").query(Q)]


def test_a_score_is_a_result(tmp_path):
    assert _values(tmp_path, "在IEMOCAP上的准确率为71.5%。") == [71.5]


def test_a_change_is_no_result(tmp_path):
    assert _values(tmp_path, "在IEMOCAP上准确率提升4.0%。We cut the EER by 12%.") == []
