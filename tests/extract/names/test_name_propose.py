"""cue-propose: a proposing verb before a name makes it the paper's own."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("propose_zh", "本文提出了一种名为情感引导的框架MarisTTS，用于跨语种语音合成。",
                 [("MarisTTS", "Method", True)], id="zh-method"),
    pytest.param("term_named_zh", "为此引入潮汐感知拒绝采样（Tide-Aware Rejection Sampling）和基于重要性的珊瑚重加权（Importance-based Coral Reweighting）。",
                 [("Tide-Aware Rejection Sampling", "Method", True), ("Importance-based Coral Reweighting", "Method", True)],
                 id="zh-introduced-terms-and-their-english-names"),
    pytest.param("term_named_zh", "设计多任务评估框架：涵盖潮汐参数指定（Tide-Parameter Specification）等任务。", [],
                 id="zh-verb-in-another-clause"),
    pytest.param("term_named_zh", "设计作品Harbour Plates把珊瑚湖（Lake Coralia）的数据转化为陶瓷。", [],
                 id="zh-term-not-introduced-by-the-verb"),
    pytest.param("term_named_zh", "该论文提出自动潮汐识别（Automatic Tide Recognition）任务。", [], id="zh-a-task"),
    pytest.param("propose_zh", "我们构建数据集HarborSpeech-2，包含三百小时录音。",
                 [("HarborSpeech-2", "Dataset", True)], id="zh-dataset"),
    pytest.param("propose_zh", "作者提出基于WavLM的情感识别方法。", [], id="zh-used-not-proposed"),
    pytest.param("propose_zh", "我们开发LLM驱动的标注管道。", [], id="zh-name-qualifies"),
    pytest.param("propose_en", "We propose TideFormer, a model for expressive speech synthesis.",
                 [("TideFormer", "Method", True)], id="en-method"),
    pytest.param("propose_en", "In this paper, we release ReefTalk-Dialog corpus of sailors' speech.",
                 [("ReefTalk-Dialog", "Dataset", True)], id="en-dataset"),
    pytest.param("propose_en", "We propose a method based on WavLM for emotion recognition.", [], id="en-based-on"),
    # what an unnamed proposal spans is not its name; a name given to it is
    pytest.param("propose_en", "We present a benchmark across multiple TCM families of harbour models.", [],
                 id="en-across-what-it-spans"),
    # a name glued to the word that makes it qualify what is proposed
    pytest.param("propose_en", "We propose a simple ReefScan-guided regularization for harbour maps.", [],
                 id="en-name-guided"),
    pytest.param("propose_en", "We release a corpus drawn from harbour radios called ReefTalk.",
                 [("ReefTalk", "Dataset", True)], id="en-from-then-called"),
]


@pytest.mark.parametrize("rule,text,expected", CASES)
def test_propose_rules(name_rule, rule, text, expected):
    assert name_rule(rule, text) == expected
