"""vocabulary: the vocabulary's task matches are tasks, unless named in passing."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("vocabulary", "我们研究语音情感识别在客服通话中的应用。",
                 [("语音情感识别", "speech-emotion-recognition")], id="zh-addressed"),
    pytest.param("vocabulary", "We study speech emotion recognition in call-centre audio.",
                 [("speech emotion recognition", "speech-emotion-recognition")], id="en-addressed"),
    pytest.param("vocabulary", "我们利用预训练ASR模型得到转写文本。", [], id="zh-as-a-tool"),
    pytest.param("vocabulary", "Transcripts come from ASR outputs before the classifier runs.", [], id="en-as-a-tool"),
    pytest.param("vocabulary", "我们借鉴语音情感识别领域的经验来改进模型。", [], id="zh-borrowed-field"),
    pytest.param("vocabulary", "Despite progress in related fields such as talking-head synthesis, music remains hard.", [],
                 id="en-related-field"),
]


@pytest.mark.parametrize("strategy,text,expected", CASES)
def test_vocabulary_tasks(task_strategy, strategy, text, expected):
    assert task_strategy(strategy, text) == expected
