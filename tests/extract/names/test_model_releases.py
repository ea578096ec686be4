"""A release of a known model written after its name ("Llama 4", "Claude 3.5 Sonnet", "Gemini 2.5
Pro") is a model of its own, narrower than the vocabulary's; a count after a name is no release.
Sentences written for these tests, in both languages."""
from __future__ import annotations

import pytest

from kg.extract import mentions_from_doc


def _methods(nlp, text):
    return [(m.text, m.concept.rsplit("/", 1)[-1] if m.concept else None,
             m.broader.rsplit("/", 1)[-1] if m.broader else None)
            for m in mentions_from_doc(nlp(text), "summary", "v1") if m.type == "Method"]


@pytest.mark.parametrize("text,expected", [
    pytest.param("We probe Llama 4 and Claude 3.5 Sonnet with chained questions.",
                 [("Llama 4", None, "llama"), ("Claude 3.5 Sonnet", None, "claude")], id="en-release-and-tier"),
    pytest.param("Gemini 2.5 Pro outperforms the others.", [("Gemini 2.5 Pro", None, "gemini")], id="en-sentence-start"),
    pytest.param("我们比较了Gemini 2.0 Flash与Llama 4。",
                 [("Gemini 2.0 Flash", None, "gemini"), ("Llama 4", None, "llama")], id="zh-releases"),
    pytest.param("We run Claude 3 times on every prompt.", [("Claude", "claude", None)], id="en-count-not-release"),
    pytest.param("Claude 3 layers of prompts deep.", [("Claude", "claude", None)], id="en-unit-not-release"),
    pytest.param("模型Claude的准确率为3.5%。", [("Claude", "claude", None)], id="zh-number-elsewhere"),
])
def test_a_release_of_a_known_model_is_narrower_than_it(nlp, text, expected):
    assert _methods(nlp, text) == expected


@pytest.mark.parametrize("text,name", [
    pytest.param("Three models, Claude 3.5 Sonnet, Marlin 1.6 and Llama 4, are compared.", "Marlin 1.6", id="en"),
    pytest.param("对比了三个模型：Claude 3.5 Sonnet、Marlin 2和Llama 4。", "Marlin 2", id="zh"),
])
def test_an_unknown_release_listed_with_known_models_is_a_model(nlp, text, name):
    found = {m.text: m for m in mentions_from_doc(nlp(text), "summary", "v1")}
    assert name in found and found[name].type == "Method" and found[name].rule == "cue-list"


def test_a_number_after_a_name_is_part_of_it_but_not_a_percentage():
    from kg.extract.cues import NAME_RE
    assert NAME_RE.match("Marlin 1.6 and").group() == "Marlin 1.6"
    assert NAME_RE.match("ReefAct 27.7%").group() == "ReefAct"
    assert NAME_RE.match("ReefAct 27%").group() == "ReefAct"


def test_the_graph_says_a_release_is_narrower_than_its_model(tmp_path):
    from kg.build import build
    digest = tmp_path / "d.md"
    digest.write_text("|Source|Title|Summary|\n|---|---|---|\n|2501.00001|[Probing chained bias]"
                      "(http://arxiv.org/abs/2501.00001)|We probe Llama 4 with chained questions.|\n", encoding="utf-8")
    build([digest], tmp_path / "out", views=False, progress=False, cache=False)
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    block = ttl[ttl.index("method:llama4 a skos:Concept"):].split("\n\n")[0]
    assert 'skos:prefLabel "Llama 4"' in block and "skos:broader method:llama" in block


@pytest.mark.parametrize("text,expected", [
    pytest.param("Even Gemini-2.5-Pro trails the human raters.", [("Gemini-2.5-Pro", None, "gemini")], id="en-glued-release"),
    pytest.param("我们评测了Claude-3.5-Sonnet。", [("Claude-3.5-Sonnet", None, "claude")], id="zh-glued-release"),
    pytest.param("We fine-tune Qwen2.5-7B-Instruct on the logs.", [("Qwen2.5-7B-Instruct", None, "qwen2-5")], id="en-sized"),
    pytest.param("我们对比了LLaMA2 7B。", [("LLaMA2 7B", None, "llama-2")], id="zh-sized-space"),
    pytest.param("A BERT-base-uncased encoder reads the text.", [("BERT", "bert", None)], id="en-checkpoint-without-size"),
    pytest.param("BERT 110M parameters are frozen.", [("BERT", "bert", None)], id="en-a-count-of-parameters"),
])
def test_glued_releases_and_sized_checkpoints_are_narrower_models(nlp, text, expected):
    assert _methods(nlp, text) == expected
