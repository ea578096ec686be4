"""coordination and shared-modifier: one head (or one modifier) written once for several tasks."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("coordination", "本文研究语音情感和意图识别。",
                 [("语音情感和意图识别", "speech-emotion-recognition"), ("意图识别", "intent-recognition")], id="zh-shared-head"),
    pytest.param("coordination", "We address speaker and language identification.",
                 [("speaker and language identification", "speaker-identification"),
                  ("language identification", "language-identification")], id="en-shared-head"),
    pytest.param("coordination", "We address speakers and their identification.", [], id="en-no-shared-head"),
    pytest.param("shared-modifier", "Speech Recognition, Translation and Summarization for Harbour Radio",
                 [("Translation", "speech-translation"), ("Summarization", "new:speech summarization")],
                 id="en-title-known-and-new"),
    pytest.param("shared-modifier", "Speech Recognition, Translation and Summarization for harbour radio.\nMore text.", [],
                 id="en-not-a-title"),
]


@pytest.mark.parametrize("strategy,text,expected", CASES)
def test_coordination(task_strategy, strategy, text, expected):
    assert task_strategy(strategy, text) == expected
