"""title-last: a title's activity phrase, the task of a paper that states no other (texts written
for these tests, invented names such as KelpNet so that no vocabulary entry answers)."""
from __future__ import annotations

import pytest

from kg.extract.tasks.title_last import activity_head, phrases

CASES = [
    # what the work is for, before what it opens with
    pytest.param("title-last", "Sliding Window Filters for Harbour Crane Unloading Between Two Ships",
                 [("Harbour Crane Unloading", "new:harbour crane unloading")], id="for-phrase"),
    # what it opens with (the means after "using" is never the task)
    pytest.param("title-last", "Kelp Canopy Mapping Using a Tethered Balloon Camera",
                 [("Kelp Canopy Mapping", "new:kelp canopy mapping")], id="opening-phrase"),
    # two phrases: what it opens with and what it is in; a quality before the phrase is left out
    pytest.param("title-last", "Real-time Seabed Mapping for Diver Comfort in Wreck Inspection",
                 [("Seabed Mapping", "new:seabed mapping"), ("Wreck Inspection", "new:wreck inspection")],
                 id="opening-and-place"),
    # a short name before the colon is read past; the name's long form is no task
    pytest.param("title-last", "KelpNet: Offshore Buoy Docking with Wave Rejection",
                 [("Offshore Buoy Docking", "new:offshore buoy docking")], id="after-name"),
    pytest.param("title-last", "KCD: Kelp Canopy Detector for Reef Managers", [], id="long-form-of-the-name"),
    # a verb with a noun of its own names the task; one without names none
    pytest.param("title-last", "Tidal Logs in Measuring Crane Vibrations",
                 [("Measuring Crane Vibrations", "new:crane vibration measurement")], id="gerund-with-noun"),
    pytest.param("title-last", "Scaling Buoy Fleets with Cheap Radios", [], id="gerund-object-no-activity"),
    # no activity: a thing, a property, one word, a view
    pytest.param("title-last", "Stronger Buoys With Octic Equivariance", [], id="with-is-a-means"),
    pytest.param("title-last", "Harbour Buoys: Improving Storm Forecasting with Cheap Radios", [], id="verb-without-noun"),
    pytest.param("title-last", "Buoy Fleets in Distributed Reinforcement Learning", [], id="ends-with-a-method"),
    pytest.param("title-last", "Harbour Radios in Rough Environments", [], id="no-activity-noun"),
    pytest.param("title-last", "A Buoy Mooring System Employing a Force Sensor", [], id="participle-after-a-system"),
    pytest.param("title-last", "Solvers for Tidal Equations Arising in Harbours", [], id="participle-after-a-plural"),
    # a noun naming the work or its kind ends no task: the phrase is read without it
    pytest.param("title-last", "Lightweight Buoy Corrosion Detection Research Based on Drones",
                 [("Buoy Corrosion Detection", "new:buoy corrosion detection")], id="work-noun-after"),
    # a lower-case word of a Title Case title ends the phrase
    pytest.param("title-last", "KelpNet: Unsupervised Buoy Docking guided by a Wave Model",
                 [("Unsupervised Buoy Docking", "new:unsupervised buoy docking")], id="lower-case-word-ends"),
    pytest.param("title-last", "Reproducibility in the Control of Buoy Fleets", [], id="one-word"),
    pytest.param("title-last", "Harbour Pilots' Perception of Buoy Radios", [], id="possessive"),
    # a phrase where another strategy found a task is left to it; the others are proposed still
    # (the linker keeps them only when every other task of the paper is dropped)
    pytest.param("title-last", "Kelp Canopy Mapping for Object Detection",
                 [("Kelp Canopy Mapping", "new:kelp canopy mapping")], id="task-found-elsewhere"),
]


@pytest.mark.parametrize("strategy,text,expected", CASES)
def test_title_last(task_strategy, strategy, text, expected):
    assert task_strategy(strategy, text) == expected


@pytest.mark.parametrize("word,ok", [("Docking", True), ("Teleoperation", True), ("Guidance", True),
                                     ("Sycophancy", True), ("Navigation", True), ("Performance", False),
                                     ("Environments", False), ("Systems", False), ("Thing", False)])
def test_activity_heads(word, ok):
    assert activity_head(word) is ok


def test_phrases_rank_purpose_then_opening_then_place():
    t = "Buoy Tracking for Storm Warning in Harbour Monitoring"
    assert [(p, t[s:e]) for p, s, e in phrases(t)] == [
        (0, "Storm Warning"), (1, "Buoy Tracking"), (2, "Harbour Monitoring")]


@pytest.fixture(scope="module")
def task_labels(paper_links):
    """Task labels linked per paper of a two-column digest (title, summary)."""
    def run(rows: list[tuple[str, str]]) -> list[set[str]]:
        return [{label for t, label, _alt in got if t == "Task"} for got in paper_links(rows)]
    return run


def test_kept_only_when_the_paper_states_no_task(task_labels):
    got = task_labels([
        ("Model Predictive Control for Cooperative Buoy Docking Between Barges", "Two barges meet at sea."),
        ("Model Predictive Control for Cooperative Buoy Docking Between Barges",
         "We also run speech emotion recognition on the crew's radio calls."),
    ])
    assert got[0] == {"cooperative buoy docking"}
    assert "cooperative buoy docking" not in got[1] and got[1]
