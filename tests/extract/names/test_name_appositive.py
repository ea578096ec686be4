"""cue-appositive: a name and, beside it, what kind of thing it is."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("appositive_zh", "BayTalk：一种全新的对话语音合成框架，支持多轮交互。",
                 [("BayTalk", "Method", True)], id="zh-new-framework"),
    pytest.param("appositive_zh", "ReefTalk，一个包含渔港对话的语料库，被用于测试。",
                 [("ReefTalk", "Dataset", False)], id="zh-corpus-not-proposed"),
    pytest.param("appositive_zh", "TideQA：提出一个新的问答框架。", [], id="zh-heading-then-sentence"),
    pytest.param("named_zh", "我们提出一个名为ReefMix的数据增强方法。", [("ReefMix", "Method", True)], id="zh-named"),
    pytest.param("named_zh", "该语料库简称HVC，收录港口录音。", [("HVC", "Dataset", True)], id="zh-short-name"),
    pytest.param("appositive_en", "We introduce Lagoon, a lightweight neural vocoder for edge devices.",
                 [("Lagoon", "Method", True)], id="en-plain-word-after-introduce"),
    pytest.param("appositive_en", "Results improve over CoralNet, a strong baseline model.",
                 [("CoralNet", "Method", False)], id="en-baseline-not-proposed"),
    pytest.param("appositive_en", "Results improve over Lagoon, a strong baseline model.", [], id="en-plain-word-not-introduced"),
    pytest.param("appositive_en", "The paper extends CR to Reef-Refine, a non-autoregressive (non-AR) speech recognition model.",
                 [("Reef-Refine", "Method", False)], id="en-hyphenated-title-case-name-bracket-in-kind"),
    pytest.param("appositive_en", "Using CoralNet, a strong baseline model, the scores rise.",
                 [("CoralNet", "Method", False)], id="en-use-verb-is-no-part-of-the-name"),
    # "described as" / "presented as" before the kind, and the name's expansion between them
    pytest.param("appositive_en", "For evaluation the paper releases PST90, described as the first benchmark of its kind.",
                 [("PST90", "Dataset", True)], id="en-described-as"),
    pytest.param("appositive_en", "We release REEF-ToF (Reef Time of Flight), presented as the first dataset of reef depth.",
                 [("REEF-ToF", "Dataset", True)], id="en-expansion-then-presented-as"),
    # adjectives coordinated with a comma before the kind; a benchmark's name over a generic kind
    pytest.param("appositive_en", "The authors present TideWorld, a large, high-quality dataset of harbour videos.",
                 [("TideWorld", "Dataset", True)], id="en-comma-between-adjectives"),
    pytest.param("appositive_en", "It introduces MultiReef-bench, an evaluation framework whose samples need several images.",
                 [("MultiReef-bench", "Dataset", True)], id="en-benchmark-name-over-framework"),
    pytest.param("appositive_en", "We propose ShoalNet, a simple, effective network for segmentation.",
                 [("ShoalNet", "Method", True)], id="en-comma-adjectives-method"),
    pytest.param("named_en", "We design a new tokenizer called WaveTok for speech language models.",
                 [("WaveTok", "Method", True)], id="en-called"),
    pytest.param("named_en", "The encoder is adapted into a specialised model called Shoal for reef audio.",
                 [("Shoal", "Method", False)], id="en-called-plain-word-after-its-kind"),
    pytest.param("named_en", "This effect is called Shoal in the literature.", [], id="en-called-plain-word-no-kind"),
    pytest.param("kind_appositive_en", "An audio captioning method, ShoalCap, was adapted to our setting.",
                 [("ShoalCap", "Method", False)], id="en-kind-first"),
]


@pytest.mark.parametrize("rule,text,expected", CASES)
def test_appositive_rules(name_rule, rule, text, expected):
    assert name_rule(rule, text) == expected
