"""title-topic: the task a title states as a verb in -ing and its object, as a bare task noun and what
it is of, or as a noun phrase ending with a topic head noun (texts written for these tests)."""
from __future__ import annotations

import pytest

CASES = [
    # a verb in -ing and its object: the object named with the verb's noun (plural object in the singular)
    pytest.param("title-topic", "Detecting Counterfeit Banknotes in Phone Photos",
                 [("Detecting Counterfeit Banknotes", "new:counterfeit banknote detection")], id="en-gerund-object"),
    pytest.param("title-topic", "ReefTalk: Auditing Fishery Quota Systems under Drift",
                 [("Auditing Fishery Quota Systems", "new:fishery quota auditing")], id="en-gerund-after-name-colon-tail-noun"),
    # a clause after a question or exclamation mark
    pytest.param("title-topic", "Sound the Alarm! Detecting Counterfeit Banknotes in Phone Photos",
                 [("Detecting Counterfeit Banknotes", "new:counterfeit banknote detection")], id="en-gerund-after-exclamation"),
    pytest.param("title-topic", "Is It Real? Measuring Crowd Sentiment on Forums",
                 [("Measuring Crowd Sentiment", "new:crowd sentiment measurement")], id="en-gerund-after-question"),
    # two coordinated objects: two tasks (fairness evaluation is the vocabulary's)
    pytest.param("title-topic", "TideBench: Evaluating Fairness and Calibration of Loan Scorers",
                 [("Evaluating Fairness", "fairness-evaluation"),
                  ("Calibration", "new:calibration evaluation")], id="en-gerund-two-objects"),
    # a second object with a verb of its own: that verb's task of it
    pytest.param("title-topic", "ReefTalk: Detecting Glare and Measuring Contrast in Harbour Footage",
                 [("Detecting Glare", "new:glare detection"), ("Measuring Contrast", "new:contrast measurement")],
                 id="en-gerund-second-object-own-verb"),
    # a bare task noun (after its qualities) and what it is of
    pytest.param("title-topic", "Robust Detection of Forged Invoices with Small Models",
                 [("Robust Detection of Forged Invoices", "new:forged invoice detection")], id="en-noun-of-object"),
    pytest.param("title-topic", "A Replay Buffer for Self-Improvement of Kiosk Assistants",
                 [("Self-Improvement of Kiosk Assistants", "new:kiosk assistant self-improvement")], id="en-for-noun-of"),
    # a noun phrase ending with a topic head (policy, education, systems papers)
    pytest.param("title-topic", "Data Privacy Education in Rural Schools: A Survey",
                 [("Data Privacy Education", "new:data privacy education")], id="en-topic-head"),
    pytest.param("title-topic", "KelpNet: Latency-Aware Spectrum Allocation for Harbour Drones",
                 [("Latency-Aware Spectrum Allocation", "new:spectrum allocation")], id="en-topic-head-quality-cut"),
    # a method whose name ends with a task head, for an object that is no task: the object's task of that head
    pytest.param("title-topic", "Adaptive Sliding Mode Control for Harbour Cranes with Wind Gusts",
                 [("Adaptive Sliding Mode Control for Harbour Cranes", "new:harbour crane control")], id="en-method-head-for-object"),
    pytest.param("title-topic", "Direct Preference Optimization for Kiosk Assistants", [], id="en-method-open-head-no-task"),
    pytest.param("title-topic", "Adaptive Sliding Mode Control for Generalization", [], id="en-method-head-for-nothing"),
    # no task: an object after "the" is a particular thing; a method's long form; a lead verb whose
    # object names no task; an object that holds a task another strategy found
    pytest.param("title-topic", "Mitigating the Hidden Cost of Caching", [], id="en-definite-object-no-task"),
    pytest.param("title-topic", "DRIFT: Detecting Regional Inflation Fluctuation Trends", [], id="en-title-name-long-form"),
    pytest.param("title-topic", "Enhancing Kiosk Assistants with Memory", [], id="en-lead-verb-no-head"),
    pytest.param("title-topic", "Curriculum Guided Reinforcement Learning for Harbour Drones", [], id="en-method-phrase-no-topic-head"),
    # Chinese titles state their task in frames (open-tasks), not with English verb forms
    pytest.param("title-topic", "检测伪造发票的轻量模型", [], id="zh-no-english-verb-form"),
]


@pytest.mark.parametrize("strategy,text,expected", CASES)
def test_title_topic(task_strategy, strategy, text, expected):
    assert task_strategy(strategy, text) == expected
