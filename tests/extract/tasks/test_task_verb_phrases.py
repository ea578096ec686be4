"""verb-phrases: a task written as a verb and its object."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("verb-phrases", "The model learns to generate music from text prompts.",
                 [("generate music from text prompts", "text-to-music-generation")], id="en-from"),
    pytest.param("verb-phrases", "该系统从文本生成音乐。", [("从文本生成音乐", "text-to-music-generation")], id="zh-from"),
    pytest.param("verb-phrases", "现有模型难以生成共情回复。", [("生成共情回复", "empathetic-response-generation")],
                 id="zh-object-after-verb"),
    pytest.param("verb-phrases", "该方法能提升合成语音的清晰度。", [], id="zh-attributive-not-a-task"),
    pytest.param("verb-phrases", "We generate boats with sails.", [], id="en-object-not-a-task"),
]


@pytest.mark.parametrize("strategy,text,expected", CASES)
def test_verb_phrases(task_strategy, strategy, text, expected):
    assert task_strategy(strategy, text) == expected
