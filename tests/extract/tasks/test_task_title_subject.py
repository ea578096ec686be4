"""title-subject: a task a title names on a kind of model (texts written for these tests)."""
from __future__ import annotations

import pytest

CASES = [
    # the kind, then a vocabulary method or words ending with a task head: named with the kind's short name
    pytest.param("title-subject", "Taming Memory Spikes in LLM Reinforcement Learning with Chunked Rollouts",
                 [("LLM Reinforcement Learning", "new:LLM reinforcement learning")], id="en-kind-method"),
    # a method "of" a kind of model, in its plural long form
    pytest.param("title-subject", "Layer-Adaptive Pruning of Large Language Models",
                 [("Pruning of Large Language Models", "new:LLM pruning")], id="en-method-of-kind"),
    # a verb before the head is no part of the task
    pytest.param("title-subject", "Understanding Interpretability of Large Language Models",
                 [("Interpretability of Large Language Models", "new:LLM interpretability")], id="en-head-of-kind-verb-cut"),
    # a task head "for" a kind of model; not a method "for" it (the paper's own), nor a participle after the kind
    pytest.param("title-subject", "Interpretability for Vision-Language Models: A Survey",
                 [("Interpretability for Vision-Language Models", "new:VLM interpretability")], id="en-head-for-kind"),
    pytest.param("title-subject", "Chunked Flow Matching for Vision-Language-Action Models", [], id="en-method-for-kind-no-task"),
    pytest.param("title-subject", "Language Model Guided Reinforcement Learning for Harbour Logistics", [],
                 id="en-participle-no-task"),
    # only where no other strategy found the title's task; Chinese titles state tasks in frames
    pytest.param("title-subject", "Speech Emotion Recognition with LLM Reinforcement Learning", [], id="en-title-has-a-task"),
    pytest.param("title-subject", "Cheap Safety Alignment for Vision-Language Models", [], id="en-vocabulary-task-found"),
    pytest.param("title-subject", "大语言模型强化学习的显存优化", [], id="zh-not-this-strategy"),
]


@pytest.mark.parametrize("strategy,text,expected", CASES)
def test_title_subject(task_strategy, strategy, text, expected):
    assert task_strategy(strategy, text) == expected
