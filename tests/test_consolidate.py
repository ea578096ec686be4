"""Corpus-level consolidation (kg.consolidate): what only the whole corpus can say of a name."""
from __future__ import annotations

import json

import pytest

from kg.consolidate import consolidate
from kg.model import Mention, Paper
from kg.vocab import Vocabulary


@pytest.fixture(scope="module")
def vocabulary():
    return Vocabulary.load()


def _m(text, type="Dataset", rule="cue-use", typed=False, novel=False, long_form=None, concept=None, conf=0.6):
    return Mention(type, text, 0, len(text), "summary", "", text, rule, conf, concept=concept, novel=novel,
                   long_form=long_form, typed=typed)


def _papers(n):
    return [Paper(f"2601.{i:05d}", f"http://arxiv.org/abs/2601.{i:05d}") for i in range(n)]


def test_type_from_a_head_noun_holds_in_every_paper(vocabulary):
    p = _papers(3)
    out = consolidate([(p[0], [_m("FooBench", "Dataset", "cue-head", typed=True)]),
                       (p[1], [_m("FooBench", "Method", "cue-use")]),
                       (p[2], [_m("FooBench", "Method", "cue-list")])], vocabulary)
    assert [ms[0].type for _, ms in out] == ["Dataset"] * 3


def test_modalities_and_model_kinds_are_never_datasets(vocabulary):
    p = _papers(1)
    out = consolidate([(p[0], [_m("fMRI"), _m("LMMs"), _m("6-DoF"), _m("FooBench", typed=True, rule="cue-head")])],
                      vocabulary)
    assert [m.text for m in out[0][1]] == ["FooBench"]


def test_a_name_many_papers_call_a_dataset_without_a_cue_is_dropped(vocabulary):
    p = _papers(6)
    uncued = consolidate([(x, [_m("Zorp")]) for x in p], vocabulary)
    assert all(not ms for _, ms in uncued)
    cued = consolidate([(p[0], [_m("Zorp", rule="cue-head", typed=True)])] + [(x, [_m("Zorp")]) for x in p[1:]],
                       vocabulary)
    assert all(ms for _, ms in cued)


def test_an_acronym_defined_in_one_paper_names_its_long_form_in_others(vocabulary):
    p = _papers(2)
    out = consolidate([(p[0], [_m("GLQ", "Method", "abbreviation", typed=True, long_form="Gated Latent Quantiser")]),
                       (p[1], [_m("Gated Latent Quantiser", "Method", "cue-use")])], vocabulary)
    assert (out[1][1][0].text, out[1][1][0].long_form) == ("GLQ", "Gated Latent Quantiser")


def test_support_raises_confidence(vocabulary):
    p = _papers(3)
    out = consolidate([(x, [_m("Quux-Net", "Method", "cue-head", typed=True, conf=0.7)]) for x in p], vocabulary)
    assert {m.confidence for _, ms in out for m in ms} == {0.75}


def test_entities_carry_their_paper_count(bundled_build):
    from kg.store import open_store
    store = open_store(bundled_build)
    rows = list(store.query("""PREFIX kgo: <https://w3id.org/kg-digest/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?n WHERE { ?e skos:prefLabel "IEMOCAP"@en ; kgo:paperCount ?n }"""))
    links = [json.loads(x) for x in open(bundled_build / "links.jsonl", encoding="utf-8")]
    assert int(rows[0]["n"].value) == len({lk["paper"] for lk in links if lk["label"] == "IEMOCAP"}) > 0


def test_a_chinese_task_name_is_the_english_task_the_same_papers_state(vocabulary):
    p = _papers(3)
    zh = _m("月面陨石坑计数", "Task", "task-frame", typed=True)
    en = _m("lunar crater counting", "Task", "task-title", typed=True)
    out = consolidate([(p[0], [zh, en]), (p[1], [zh]), (p[2], [en])], vocabulary)
    # every Chinese mention is now the English task, with the Chinese name as its other label
    assert {(m.text, m.long_form) for _, ms in out for m in ms if m.long_form} == {("lunar crater counting", "月面陨石坑计数")}
    known = _m("说话人验证", "Task", "task-frame", typed=True)
    sv = vocabulary.lookup("speaker verification", "Task")
    out = consolidate([(p[0], [known, _m("speaker verification", "Task", "vocabulary", concept=sv.iri)])], vocabulary)
    assert all(m.concept == sv.iri for m in out[0][1])
