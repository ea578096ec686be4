"""title-paradigm: a vocabulary method that also names a research problem (ontology/rules/
methods-also-tasks.txt), made the title's topic, is the paper's task; used as a means it stays a
method (titles written for these tests; the techniques are real, the rest is invented: KelpNet,
buoys and harbours)."""
from __future__ import annotations

import pytest

from kg.vocab import rule_words

CASES = [
    # what the work is for ("for X", at the end of the title)
    pytest.param("title-paradigm", "A Buoy-Inspired Scheduling Framework for Curriculum Learning",
                 [("Curriculum Learning", "new:curriculum learning")], id="for-topic"),
    pytest.param("title-paradigm", "KelpNet: Harbour Patches for Zero-Shot Learning",
                 [("Zero-Shot Learning", "new:zero-shot learning")], id="after-a-name"),
    # what the work improves, before what it is done with
    pytest.param("title-paradigm", "KelpMerge: Reaching Better Model Merging via Harbour Calibration",
                 [("Model Merging", "new:model merging")], id="before-via"),
    # the topic before a noun naming the work on it
    pytest.param("title-paradigm", "A Lightweight Incremental Learning Framework for Harbour Cameras",
                 [("Incremental Learning", "new:continual learning")], id="before-framework"),
    # modifiers between the phrase's opening word and the technique
    pytest.param("title-paradigm", "Buoy Planners for Fast Multi Hop Retrieval Augmented Generation",
                 [("Retrieval Augmented Generation", "new:retrieval-augmented generation")], id="modifiers-after-for"),
    # a means: after with/via/using, an opening word of means several modifiers back, "X for Y", "X-based"
    pytest.param("title-paradigm", "Training Harbour Agents via Curriculum Learning", [], id="after-via"),
    pytest.param("title-paradigm", "KelpCodec: A Buoy Audio Codec With Sparse Quantization", [], id="with-modifier-before"),
    pytest.param("title-paradigm", "Contrastive Harbour Cues: Curriculum Learning for Buoy Detection", [], id="x-for-y"),
    pytest.param("title-paradigm", "Curriculum Learning-based Scheduling of Buoy Repairs", [], id="x-based"),
    # a noun it modifies, or a noun naming the work's means after it
    pytest.param("title-paradigm", "Curriculum Learning Teachers of Buoy Detection", [], id="modifies-a-noun"),
    pytest.param("title-paradigm", "Buoy Segmentation in Harbours: A Federated Learning Approach", [], id="approach-is-a-means"),
    # a one-word technique after a noun of its name: the topic is the longer name ("Robot Teleoperation"),
    # left to the other strategies; after a quality it is the topic
    pytest.param("title-paradigm", "Real-time Seabed Mapping for Diver Comfort in Harbour Teleoperation", [],
                 id="noun-before-one-word"),
    pytest.param("title-paradigm", "Skewness-Guided Pruning of Harbour Vision Transformers",
                 [("Pruning", "new:pruning")], id="quality-before-one-word"),
    # a method of the vocabulary that names no problem ("reinforcement learning" is not listed)
    pytest.param("title-paradigm", "Harbour Docking Skills for Reinforcement Learning", [], id="not-listed"),
]


@pytest.mark.parametrize("strategy,text,expected", CASES)
def test_title_paradigm(task_strategy, strategy, text, expected):
    assert task_strategy(strategy, text) == expected


def test_the_listed_techniques_are_methods_of_the_vocabulary(nlp):
    """Every line of methods-also-tasks.txt is the preferred label of a vocabulary method (a typo or a
    removed concept would silently turn the mechanism off for it)."""
    vocab = nlp.get_pipe("kg_vocab_matcher").vocabulary
    methods = {c.pref.lower() for c in vocab.concepts.values() if c.type == "Method"}
    listed = rule_words("methods-also-tasks.txt")
    assert len(listed) >= 30
    assert sorted(listed - methods) == []


@pytest.fixture(scope="module")
def links(paper_links):
    return paper_links


def test_the_topic_is_a_task_and_no_method_of_the_paper(links):
    en, zh, means = links([
        ("A Buoy-Inspired Scheduling Framework for Curriculum Learning",
         "Curriculum learning orders training examples from easy to hard; KelpSched decides the order "
         "from how often harbour pilots disagree about an example."),
        ("A Buoy-Inspired Scheduling Framework for Curriculum Learning",
         "该论文属于机器学习领域。课程学习按由易到难的顺序安排训练样本，KelpSched根据港口引航员对样本的分歧程度决定顺序。"),
        ("Training Harbour Agents via Curriculum Learning",
         "Agents that dock buoys are trained with curriculum learning, from calm to rough water."),
    ])
    for got in (en, zh):
        assert ("Task", "curriculum learning", ()) in got
        assert not any(t == "Method" and label == "curriculum learning" for t, label, _ in got)
    # used as a means, it is the method the paper uses
    assert any(t == "Method" and label == "curriculum learning" for t, label, _ in means)
    assert not any(t == "Task" and label == "curriculum learning" for t, label, _ in means)


def test_another_name_of_the_technique_is_the_task_s_other_label(links):
    (got,) = links([("A Zero-Prior Approach to Lifelong Learning in Buoy Arm Control",
                     "A buoy's arm keeps learning its own kinematics while it works.")])
    assert ("Task", "continual learning", ("Lifelong Learning",)) in got
