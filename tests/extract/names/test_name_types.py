"""The type of a new name from the words around it and from its own shape: the head noun a list of
names exemplifies ("benchmarks such as X and Y", "数据集包括X、Y") and names shaped like a benchmark's
(TideBench, ReefQA, Pixel-90K). Invented names, so that no vocabulary entry answers."""
from __future__ import annotations

import pytest

from kg.extract.names import dataset_shape, default_type, example_head_type


@pytest.mark.parametrize("before,expected", [
    pytest.param("Prompts are drawn from red-teaming corpora such as ", "Dataset", id="en-corpora-such-as"),
    pytest.param("Prompts are drawn from red-teaming corpora such as ReefSet and ", "Dataset", id="en-second-of-list"),
    pytest.param("We compare strong baselines, including ", None, id="en-no-head-noun"),
    pytest.param("We compare with models including TideFormer, ", "Method", id="en-models-including"),
    pytest.param("It reports results on benchmarks, e.g. ", "Dataset", id="en-eg"),
    pytest.param("The datasets are large. Such as ", None, id="en-head-in-another-clause"),
    pytest.param("我们在多个基准（如", "Dataset", id="zh-paren-ru"),
    pytest.param("实验使用的数据集包括ReefTalk、", "Dataset", id="zh-baokuo-second"),
    pytest.param("对比的模型例如", "Method", id="zh-model-liru"),
    pytest.param("我们提出了", None, id="zh-no-head"),
])
def test_the_head_noun_a_list_exemplifies_types_its_names(before, expected):
    assert example_head_type(before) == expected


@pytest.mark.parametrize("name,expected", [
    pytest.param("TideBench", True, id="camel-bench"),
    pytest.param("SEA-Bench", True, id="hyphen-bench"),
    pytest.param("RIVER-bench", True, id="lower-bench"),
    pytest.param("CoralEval", True, id="eval"),
    pytest.param("ReefQA", True, id="qa"),
    pytest.param("Reef Walker QA", False, id="qa-alone-as-a-word"),
    pytest.param("VQA", False, id="task-acronym"),
    pytest.param("KBQA", False, id="task-acronym-two-capitals"),
    pytest.param("Pixel-90K", True, id="sample-count"),
    pytest.param("Tide-7B", False, id="parameter-count-is-a-model"),
    pytest.param("Tide-124M", False, id="small-model-size"),
    pytest.param("TideFormer", False, id="architecture"),
    pytest.param("Bench", False, id="the-word-itself"),
    pytest.param("ReefSet", True, id="set"), pytest.param("TideDB", True, id="db"),
    pytest.param("KelpCorpus", True, id="corpus"), pytest.param("HarbourSuite", True, id="suite"),
    pytest.param("ReefArena", True, id="arena"), pytest.param("Set", False, id="set-alone"),
])
def test_names_shaped_like_a_benchmark(name, expected):
    assert dataset_shape(name) is expected
    assert default_type(name) == ("Dataset" if expected else "Method")


CASES = [
    pytest.param("use_en", "Prompts are drawn from red-teaming corpora such as ReefSet-X and CoralRed.",
                 [("ReefSet-X", "Dataset", False), ("CoralRed", "Dataset", False)], id="en-such-as-list"),
    pytest.param("use_en", "The agent is trained using TideBench and evaluated with ReefQA.",
                 [("TideBench", "Dataset", False), ("ReefQA", "Dataset", False)], id="en-shape"),
    pytest.param("use_en", "The agent is trained using TideNet.", [("TideNet", "Method", False)], id="en-default-method"),
    pytest.param("use_zh", "实验采用多个基准，例如ReefTalk和CoralSpeech。",
                 [("ReefTalk", "Dataset", False), ("CoralSpeech", "Dataset", False)], id="zh-example-list"),
    pytest.param("use_zh", "我们采用TideBench评测模型。", [("TideBench", "Dataset", False)], id="zh-shape"),
]


@pytest.mark.parametrize("rule,text,expected", CASES)
def test_use_rules_type_names_by_example_heads_and_shape(name_rule, rule, text, expected):
    assert name_rule(rule, text) == expected
