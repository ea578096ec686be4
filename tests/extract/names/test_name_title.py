"""title-name (and cue-head on titles): the name a title presents."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("title_resource", "The HarborVox Corpus: Spontaneous Speech from Ferry Terminals",
                 [("HarborVox", "Dataset", True)], id="resource"),
    pytest.param("title_resource", "A Corpus of Spontaneous Speech from Ferry Terminals", [], id="resource-unnamed"),
    pytest.param("title_name", "TideSinger: Expressive Singing Voice Synthesis with Tidal Priors",
                 [("TideSinger", "Method", True)], id="name-colon"),
    pytest.param("title_name", "PortBench: Benchmarking Speech Models on Harbour Noise",
                 [("PortBench", "Dataset", True)], id="name-benchmark-subtitle"),
    pytest.param("title_name", "TideSinger：面向潮汐场景的歌声合成模型", [("TideSinger", "Method", True)], id="zh-full-width-colon"),
    pytest.param("title_name", "PortBench：港口噪声下的语音模型评测基准", [("PortBench", "Dataset", True)], id="zh-benchmark-subtitle"),
    pytest.param("title_name", "Whale Songs Matter: Listening to the Ocean", [], id="slogan"),
    # a phrase whose last word names a kind of method is that method's name, unless a lead word opens it
    pytest.param("title_name", "Tidal Optimism Correction: Be Confident When Buoys Are Sure",
                 [("Tidal Optimism Correction", "Method", True)], id="method-tail-word"),
    pytest.param("title_name", "Beyond Harbour Optimization: A Flywheel for Long Voyages", [], id="lead-word-slogan"),
    pytest.param("title_name", "TideD3: Optimization-free Dataset Distillation for Sonar Detection",
                 [("TideD3", "Method", True)], id="en-dataset-as-a-word-of-a-task"),
    pytest.param("title_name", "ReefCap: A Caption Dataset for Coral Images", [("ReefCap", "Dataset", True)],
                 id="en-dataset-subtitle"),
    pytest.param("title_head_after_en", "Singing with the TideNet Model in Noisy Harbours",
                 [("TideNet", "Method", False)], id="head-after"),
    pytest.param("title_head_after_en", "Whale Songs Matter: Singing with the TideNet Model", [], id="head-after-slogan"),
]


@pytest.mark.parametrize("rule,text,expected", CASES)
def test_title_rules(name_rule, rule, text, expected):
    assert name_rule(rule, text) == expected


def test_title_rules_run_on_titles_only():
    from kg.extract import find_candidates
    text = "TideSinger: Expressive Singing Voice Synthesis with Tidal Priors"
    assert [c.rule for c in find_candidates(text, "title")] == ["title-name"]
    assert all(c.rule != "title-name" for c in find_candidates(text, "summary"))
