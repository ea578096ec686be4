"""title-phrases and model-kind: task names only a title gives."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("title-phrases", "Cross-Lingual Speech Emotion Transfer for Dubbing",
                 [("Cross-Lingual Speech Emotion Transfer", "new:cross-lingual speech emotion transfer>emotion-transfer")],
                 id="en-new-task-with-broader"),
    pytest.param("title-phrases", "Towards Music-to-Dance Synthesis for Street Performers",
                 [("Music-to-Dance Synthesis", "music-to-dance-generation")], id="en-synonym-head"),
    pytest.param("title-phrases", "Controllable Video-to-Music Generation", [], id="en-evaluative-word-no-new-task"),
    pytest.param("title-phrases", "跨语种语音情感迁移", [], id="zh-title-not-applicable"),
    pytest.param("model-kind", "TideSLM: An Open Spoken Language Model for Harbour Radio",
                 [("Open Spoken Language Model", "spoken-language-modeling")], id="en-model-kind"),
    pytest.param("model-kind", "TideSLM: Spoken Language Modelling for Harbour Radio", [], id="en-no-model-kind"),
]


@pytest.mark.parametrize("strategy,text,expected", CASES)
def test_title_phrases(task_strategy, strategy, text, expected):
    assert task_strategy(strategy, text) == expected
