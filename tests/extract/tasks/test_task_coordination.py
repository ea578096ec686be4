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
    # a title's task coordinated with another task name: that one too (no frame reads it before "at")
    pytest.param("title-conjunct", "A Framework for Harbour Crane Tracking and Berth Occupancy Prediction at Busy Ports",
                 [("Berth Occupancy Prediction", "new:berth occupancy prediction")], id="en-title-second-task"),
    pytest.param("title-conjunct", "Speech Recognition and Harbour Noise Estimation at Busy Ports",
                 [("Harbour Noise Estimation", "new:harbour noise estimation>noise-estimation")], id="en-title-after-known-task"),
    pytest.param("title-conjunct", "Speech Recognition and Harbour Noise at Busy Ports", [], id="en-no-task-head"),
]


@pytest.mark.parametrize("strategy,text,expected", CASES)
def test_coordination(task_strategy, strategy, text, expected):
    assert task_strategy(strategy, text) == expected


@pytest.mark.parametrize("title, second", [
    ("A Framework for Harbour Crane Tracking and Berth Occupancy Prediction", "Berth Occupancy Prediction"),
    ("Towards Speech Recognition and Harbour Noise Estimation", "Harbour Noise Estimation"),
])
def test_title_conjunct_gives_the_second_task_the_firsts_standing(nlp, title, second):
    from kg.extract.tasks import ORDER
    ti = nlp.get_pipe("kg_task_inference")

    def standing(names):
        doc = nlp.make_doc(title)
        for name in nlp.pipe_names:
            if name != "kg_task_inference":
                doc = nlp.get_pipe(name)(doc)
        spans = ti.run(doc, names=names)
        info = doc.user_data.get("kg_task_open", {})
        sp = next(s for s in spans if s.text == second)
        return info.get((sp.start, sp.end))

    before = standing(ORDER[:ORDER.index("title-conjunct")])
    after = standing(ORDER)
    assert before is not None and before.fallback  # a weak title frame read it alone
    assert not after.fallback and after.confidence >= before.confidence


def test_title_conjunct_adds_no_bare_head(task_strategy):
    assert task_strategy("title-conjunct", "Joint Pedestrian Detection and Tracking in Crowds") == []
