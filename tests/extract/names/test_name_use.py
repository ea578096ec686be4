"""cue-use: names the paper uses or compares with (never introduced by this rule)."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("use_zh", "该方法采用SeaBERT和CoralLM进行特征提取。",
                 [("SeaBERT", "Method", False), ("CoralLM", "Method", False)], id="zh-used"),
    pytest.param("use_zh", "我们的方法优于CoralNet。", [("CoralNet", "Method", False)], id="zh-compared"),
    pytest.param("use_en", "The encoder is fine-tuned using SeaBERT and CoralLM features.",
                 [("SeaBERT", "Method", False), ("CoralLM", "Method", False)], id="en-used"),
    pytest.param("use_en", "Our model outperforms CoralNet on every split.", [("CoralNet", "Method", False)],
                 id="en-compared"),
    pytest.param("use_en", "We compare with JHU's system.", [], id="en-owner-is-not-a-name"),
    pytest.param("use_en", "The detector uses Harbour's Perspective API to score comments.",
                 [("Perspective API", "Method", False)], id="en-owner-before-the-name"),
    pytest.param("use_en", "Built on CoralLM-1.3B and trained on public clips, the model is small.",
                 [("CoralLM-1.3B", "Method", False)], id="en-verb-opening-a-sentence"),
    # a release with its variant, a model with its size letter; not "Top-K"
    pytest.param("use_en", "The 4B model is based on Coral-3-Vision.", [("Coral-3-Vision", "Method", False)],
                 id="en-release-and-variant"),
    pytest.param("use_en", "It uses a Reef-L backbone.", [("Reef-L", "Method", False)], id="en-size-letter"),
    pytest.param("use_en", "It uses Top-K selection.", [], id="en-top-k-is-no-name"),
]


@pytest.mark.parametrize("rule,text,expected", CASES)
def test_use_rules(name_rule, rule, text, expected):
    assert name_rule(rule, text) == expected
