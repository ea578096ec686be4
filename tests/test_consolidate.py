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


def test_a_task_is_never_retyped_nor_renamed_by_a_name_of_another_type(vocabulary):
    p = _papers(2)
    out = consolidate([(p[0], [_m("MSG", "Dataset", "cue-head", typed=True, long_form="Marine Sound Grading")]),
                       (p[1], [_m("marine sound grading", "Task", "task-title", typed=True)])], vocabulary)
    assert (out[1][1][0].type, out[1][1][0].text) == ("Task", "marine sound grading")


def _s(text, sentence, type="Dataset", rule="vocabulary", typed=False, concept=None):
    """A mention of `text` inside `sentence` (the evidence consolidation reads)."""
    return Mention(type, text, 0, len(text), "summary", "", sentence, rule, 0.6, concept=concept, typed=typed)


@pytest.mark.parametrize("name,sentence", [
    ("Reddit", "We collect posts from Reddit about local elections and study their tone."),
    ("YouTube", "作者从YouTube收集了大量讲座视频用于分析。"),
    ("Wikipedia's", "Editors rely on Wikipedia's talk pages to settle disputes."),
    ("MuJoCo", "The policy is trained in MuJoCo and then moved to a real arm."),
    ("CARLA", "我们在CARLA中模拟了夜间驾驶场景。"),
])
def test_a_platform_or_simulator_named_as_a_source_is_no_dataset(vocabulary, name, sentence):
    out = consolidate([(_papers(1)[0], [_s(name, sentence), _s("FooBench", sentence, rule="cue-head", typed=True)])],
                      vocabulary)
    assert [m.text for m in out[0][1]] == ["FooBench"]


@pytest.mark.parametrize("name,sentence", [
    ("Reddit", "Node classification results on the Reddit dataset improve by two points."),
    ("PubMed", "我们在PubMed数据集上评估了该方法。"),
    ("PubMed", "We report accuracy on Cora, CiteSeer and PubMed."),
    ("Wikipedia", "先在Wikipedia、Zorpus等语料上预训练编码器。"),
    ("Wikipedia", "The encoder is pre-trained on large corpora such as Wikipedia before fine-tuning."),
    ("CARLA", "Their planner leads all CARLA closed-loop benchmarks."),
    ("CARLA", "作者发布了基于CARLA的夜间驾驶基准。"),
])
def test_a_platform_or_simulator_named_as_data_stays_a_dataset(vocabulary, name, sentence):
    others = [_s(o, sentence) for o in ("Cora", "CiteSeer", "Zorpus") if o in sentence]
    out = consolidate([(_papers(1)[0], [_s(name, sentence), *others])], vocabulary)
    assert name in [m.text for m in out[0][1] if m.type == "Dataset"]


def test_a_corpus_made_from_a_platform_stays_a_dataset(vocabulary):
    sentence = "We fine-tune on Reddit TIFU and report ROUGE on WikiText-103."
    out = consolidate([(_papers(1)[0], [_s("Reddit TIFU", sentence), _s("WikiText-103", sentence)])], vocabulary)
    assert [m.text for m in out[0][1]] == ["Reddit TIFU", "WikiText-103"]


def test_a_model_named_as_a_dataset_is_a_method(vocabulary):
    out = consolidate([(_papers(1)[0], [_s("DINOv3", "论文提出基于DINOv3的配准方法。", rule="cue-use")])], vocabulary)
    assert [(m.text, m.type) for m in out[0][1]] == [("DINOv3", "Method")]


def test_an_imported_dataset_written_in_lower_case_is_a_description(vocabulary):
    concept = next(c for c in vocabulary.concepts.values()
                   if c.type == "Dataset" and not c.curated and c.pref == "classification benchmark")
    sentence = "It also beats larger models on several classification benchmarks."
    out = consolidate([(_papers(1)[0], [_s("classification benchmarks", sentence, concept=concept.iri),
                                        _s("Classification Benchmark", sentence, concept=concept.iri)])], vocabulary)
    assert [m.text for m in out[0][1]] == ["Classification Benchmark"]


def test_a_modality_with_a_head_noun_is_no_name(vocabulary):
    concept = vocabulary.lookup("Video Dataset", "Dataset")
    sentence = "UDC-VIT: A Real-World Video Dataset for Under-Display Cameras"
    out = consolidate([(_papers(1)[0], [_s("Video Dataset", sentence, concept=concept.iri),
                                        _s("UDC-VIT", sentence, rule="title-name", typed=True)])], vocabulary)
    assert [m.text for m in out[0][1]] == ["UDC-VIT"]


def test_a_name_without_cues_takes_the_type_most_papers_give(vocabulary):
    p = _papers(3)
    out = consolidate([(p[0], [_m("Zindle", "Method", "cue-use", typed=False)]),
                       (p[1], [_m("Zindle", "Method", "cue-use", typed=False)]),
                       (p[2], [_m("Zindle", "Dataset", "cue-list", typed=False)])], vocabulary)
    assert [ms[0].type for _, ms in out] == ["Method"] * 3


def test_one_name_typed_two_ways_by_papers_cues_is_two_entities(vocabulary):
    from kg.link import Linker
    p = _papers(2)
    bench = _m("Plinth", "Dataset", "cue-appositive", typed=True, novel=True)
    method = _m("Plinth", "Method", "cue-propose", typed=True, novel=True)
    linker = Linker(vocabulary)
    links = [linker.link(paper, ms) for paper, ms in consolidate([(p[0], [bench]), (p[1], [method])], vocabulary)]
    assert [(lk.type, lk.entity.rsplit("/", 2)[-2]) for ls in links for lk in ls] == [("Dataset", "dataset"), ("Method", "method")]


def _paper_in(key, *categories):
    from kg.model import Version
    return Paper(key, f"http://arxiv.org/abs/{key}",
                 [Version("v1", "A title", "", f"http://arxiv.org/abs/{key}v1", "day.md", 3, categories=categories)])


def test_a_paper_stating_no_task_has_its_categorys_field_as_a_broad_task(vocabulary):
    quiet, stated = _paper_in("2601.00001", "cs.RO", "cs.AI"), _paper_in("2601.00002", "cs.CL")
    task = _m("机械臂抓取", "Task", "task-frame", typed=True)
    out = consolidate([(quiet, [_m("Quux-Net", "Method", "cue-head", typed=True)]), (stated, [task])], vocabulary)
    fallback = [m for m in out[0][1] if m.type == "Task"]
    assert [(m.text, m.rule, m.broad, m.field, m.sentence) for m in fallback] == \
        [("robotics", "category", True, "categories", "arXiv category cs.RO")]
    assert fallback[0].confidence < 0.5  # --min-confidence 0.5 leaves it out
    assert [m.text for m in out[1][1] if m.type == "Task"] == ["机械臂抓取"]  # a stated task: no field added
    # a category the list does not name adds nothing
    assert [m for _, ms in consolidate([(_paper_in("2601.00003", "hep-th"), [])], vocabulary) for m in ms] == []


def test_a_categorys_field_is_linked_as_a_task_of_the_vocabulary_when_it_has_one(vocabulary):
    from kg.link import Linker
    nlp = vocabulary.lookup("natural language processing", "Task")
    (paper, ms), = consolidate([(_paper_in("2601.00004", "cs.CL"), [])], vocabulary)
    links = Linker(vocabulary).link(paper, ms)
    assert [(lk.type, lk.entity, lk.rule, lk.field) for lk in links] == [("Task", nlp.iri, "category", "categories")]


@pytest.mark.parametrize("task", [
    "reinforcement learning",  # a title's "Towards Better Reinforcement Learning for ...": the vocabulary's method
    "强化学习",
])
def test_a_stated_task_that_links_as_a_method_leaves_the_category_field(vocabulary, task):
    from kg.link import Linker
    (paper, ms), = consolidate([(_paper_in("2601.00005", "cs.AI"), [_m(task, "Task", "task-title")])], vocabulary)
    assert not any(m.rule == "category" for m in ms)  # consolidation saw a task
    links = Linker(vocabulary).link(paper, ms)
    rl = vocabulary.lookup("reinforcement learning", "Method")
    assert ("Method", rl.iri) in {(lk.type, lk.entity) for lk in links}  # the stated "task" is the method
    assert [(lk.type, lk.rule, lk.field) for lk in links if lk.type == "Task"] == [("Task", "category", "categories")]
    # with --min-confidence 0.5 the field is left out, and no task is invented
    assert not [lk for lk in Linker(vocabulary, min_confidence=0.5).link(paper, ms) if lk.type == "Task"]
