"""Every rule id as it reaches a Mention (text, type, rule, confidence, novel, concept), through the
whole pipeline on one text: the ids no name rule produces (vocabulary, task-inference, task-phrase,
abbreviation, cue-list) and one case of each name rule's id."""
from __future__ import annotations

import pytest

from kg.extract import mentions_from_doc

CASES = [
    pytest.param("vocabulary", "summary", "We evaluate on IEMOCAP with a new recipe.",
                 ("IEMOCAP", "Dataset", 0.95, False, "iemocap"), id="vocabulary-en"),
    pytest.param("vocabulary", "summary", "本文在MELD上评估。", ("MELD", "Dataset", 0.85, False, "meld"), id="vocabulary-short-zh"),
    pytest.param("task-inference", "title", "Emotion and Intent Recognition in Spoken Dialogue",
                 ("Emotion", "Task", 0.9, False, "emotion-recognition-in-conversation"), id="task-inference-en"),
    pytest.param("task-inference", "summary", "本文研究意图识别（IR），IR准确率提升。",
                 ("意图识别", "Task", 0.8, False, "intent-recognition"), id="task-inference-zh"),
    pytest.param("task-phrase", "title", "Cross-Lingual Speech Emotion Transfer for Dubbing",
                 ("cross-lingual speech emotion transfer", "Task", 0.75, False, ""), id="task-phrase-en"),
    pytest.param("task-frame", "summary", "该论文属于月面陨石坑计数任务，旨在统计撞击坑。",
                 ("月面陨石坑计数", "Task", 0.9, False, ""), id="task-frame-zh"),
    pytest.param("task-frame", "summary", "该论文属于计算机视觉领域。", ("计算机视觉", "Task", 0.8, False, "computer-vision"), id="task-frame-field-zh"),
    pytest.param("task-title", "title", "A Lightweight Network for Underwater Image Enhancement",
                 ("underwater image enhancement", "Task", 0.85, False, ""), id="task-title-en"),
    pytest.param("task-last", "title", "Model Predictive Control for Cooperative Buoy Docking Between Barges",
                 ("cooperative buoy docking", "Task", 0.5, False, ""), id="task-last-en"),
    pytest.param("task-paradigm", "title", "A Buoy-Inspired Scheduling Framework for Curriculum Learning",
                 ("curriculum learning", "Task", 0.8, False, ""), id="task-paradigm-en"),
    pytest.param("abbreviation", "summary", "We study Intent Recognition (IntR) in dialogue; IntR accuracy improves.",
                 ("IntR", "Task", 0.85, False, "intent-recognition"), id="abbreviation-of-a-concept-en"),
    pytest.param("abbreviation", "summary", "We propose Harbour Acoustic Fusion (HAF) for noisy speech.",
                 ("HAF", "Method", 0.8, True, ""), id="abbreviation-new-en"),
    # a long form that ends with a known method's name: a method of that kind
    pytest.param("abbreviation", "summary", "Reef-tide direct preference optimization (RT-DPO) aligns outputs.",
                 ("RT-DPO", "Method", 0.8, False, ""), id="abbreviation-new-known-method-tail-en"),
    # ... also when its shape alone would make it a name: the defined abbreviation is the better reading
    pytest.param("abbreviation", "summary", "A Reef-tide Decomposition-based Mixture-of-Experts (RD-MoE) routes experts.",
                 ("RD-MoE", "Method", 0.8, False, ""), id="abbreviation-outranks-name-shape-en"),
    pytest.param("cue-list", "summary", "We test on CREMA-D, ReefTalk, IEMOCAP and MELD.",
                 ("ReefTalk", "Dataset", 0.7, False, ""), id="cue-list-en"),
    pytest.param("cue-list", "summary", "实验在IEMOCAP、ReefTalk和MELD上进行。",
                 ("ReefTalk", "Dataset", 0.7, False, ""), id="cue-list-zh"),
    # one known dataset in a list the sentence opens with: the others are data too
    pytest.param("cue-list", "summary", "On MIMIC-IV and eReef it beats the strongest baselines.",
                 ("eReef", "Dataset", 0.7, False, ""), id="cue-list-sentence-opening-on-en"),
    pytest.param("cue-list", "summary", "It leads on R2R-CE, ReefNav-CE and KelpNav-CE for navigation.",
                 ("KelpNav-CE", "Dataset", 0.7, False, ""), id="cue-list-one-known-in-three-en"),
    pytest.param("title-name", "title", "TideSinger: Expressive Singing Voice Synthesis with Tidal Priors",
                 ("TideSinger", "Method", 0.8, True, ""), id="title-name-untyped"),
    pytest.param("cue-propose", "summary", "我们构建数据集HarborSpeech-2，包含三百小时录音。",
                 ("HarborSpeech-2", "Dataset", 0.85, True, ""), id="cue-propose-zh"),
    pytest.param("cue-appositive", "summary", "We introduce Lagoon, a lightweight neural vocoder for edge devices.",
                 ("Lagoon", "Method", 0.8, True, ""), id="cue-appositive-en"),
    pytest.param("cue-dataset", "summary", "Experiments on the HarborSpeech and ReefTalk datasets show gains.",
                 ("ReefTalk", "Dataset", 0.75, False, ""), id="cue-dataset-en"),
    pytest.param("cue-head", "summary", "实验使用了ReefTalk数据集。", ("ReefTalk", "Dataset", 0.7, False, ""), id="cue-head-zh"),
    pytest.param("cue-use", "summary", "Our model outperforms CoralNet on every split.",
                 ("CoralNet", "Method", 0.6, False, ""), id="cue-use-en"),
    pytest.param("name-shape", "summary", "It reaches 95% against 85% for tide0-FAST.",
                 ("tide0-FAST", "Method", 0.4, False, ""), id="name-shape-en"),
    pytest.param("name-shape", "summary", "相比之下，tide0-FAST的成功率较低。",
                 ("tide0-FAST", "Method", 0.4, False, ""), id="name-shape-zh"),
    pytest.param("cue-head", "summary", "A Tidal Gate Module maps each frame to a canonical pose.",
                 ("Tidal Gate Module", "Method", 0.7, True, ""), id="cue-head-component-en"),
]


@pytest.mark.parametrize("rule,field,text,expected", CASES)
def test_rule_id_reaches_the_mention(nlp, rule, field, text, expected):
    got = {(m.text, m.type, m.confidence, m.novel, (m.concept or "").rsplit("/", 1)[-1])
           for m in mentions_from_doc(nlp(text), field, "v1") if m.rule == rule}
    assert expected in got
