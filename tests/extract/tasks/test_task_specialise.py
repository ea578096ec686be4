"""specialise: a modifier in the task's noun phrase names its narrower task."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("specialise", "本文研究零样本情感语音合成。", [("情感语音合成", "zero-shot-text-to-speech")], id="zh-modifier"),
    pytest.param("specialise", "We build an expressive zero-shot TTS for audiobooks.",
                 [("zero-shot TTS", "emotional-text-to-speech")], id="en-modifier"),
    pytest.param("specialise", "We build a zero-shot text-to-speech system for audiobooks.", [], id="en-already-narrowest"),
    pytest.param("specialise", "We build a speaker-independent text-to-speech system.", [], id="en-negated-modifier"),
    # in a title a curated task takes a modifier from anywhere; an imported one only from its noun phrase
    pytest.param("specialise", "Emotion Transfer in Text-to-Speech", [("Text-to-Speech", "emotional-text-to-speech")],
                 id="en-title-curated-anywhere"),
    pytest.param("specialise", "Object Detection and Tracking in Panoramic Videos", [], id="en-title-imported-phrase-only"),
    pytest.param("specialise", "Fast Video Object Detection on Drones", [], id="en-title-imported-already-narrow"),
]


@pytest.mark.parametrize("strategy,text,expected", CASES)
def test_specialise(task_strategy, strategy, text, expected):
    assert task_strategy(strategy, text) == expected
