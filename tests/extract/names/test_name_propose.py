"""cue-propose: a proposing verb before a name makes it the paper's own."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("propose_zh", "本文提出了一种名为情感引导的框架MarisTTS，用于跨语种语音合成。",
                 [("MarisTTS", "Method", True)], id="zh-method"),
    pytest.param("propose_zh", "我们构建数据集HarborSpeech-2，包含三百小时录音。",
                 [("HarborSpeech-2", "Dataset", True)], id="zh-dataset"),
    pytest.param("propose_zh", "作者提出基于WavLM的情感识别方法。", [], id="zh-used-not-proposed"),
    pytest.param("propose_zh", "我们开发LLM驱动的标注管道。", [], id="zh-name-qualifies"),
    pytest.param("propose_en", "We propose TideFormer, a model for expressive speech synthesis.",
                 [("TideFormer", "Method", True)], id="en-method"),
    pytest.param("propose_en", "In this paper, we release ReefTalk-Dialog corpus of sailors' speech.",
                 [("ReefTalk-Dialog", "Dataset", True)], id="en-dataset"),
    pytest.param("propose_en", "We propose a method based on WavLM for emotion recognition.", [], id="en-based-on"),
]


@pytest.mark.parametrize("rule,text,expected", CASES)
def test_propose_rules(name_rule, rule, text, expected):
    assert name_rule(rule, text) == expected
