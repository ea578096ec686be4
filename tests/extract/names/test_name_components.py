"""Method names written without a proposing or using verb (kg.extract.rules.components): a Title-Case
component the summary describes, a name after the kind of method it is, a name by its shape alone."""
from __future__ import annotations

import pytest

CASES = [
    # component_en: an article, a Title-Case phrase, then what it does / its head noun / "is a ... method"
    pytest.param("component_en", "A Tidal Gate Module maps each frame to a canonical pose.",
                 [("Tidal Gate Module", "Method", True)], id="en-component-does"),
    pytest.param("component_en", "Rendering cost falls with a Coral Hard Selection strategy.",
                 [("Coral Hard Selection", "Method", True)], id="en-component-lower-head"),
    pytest.param("component_en", "Outputs are refined by the Reef Bridge Module at every stage.",
                 [("Reef Bridge Module", "Method", True)], id="en-component-capital-head"),
    pytest.param("component_en", "Harbour Stitching is a training-free augmentation method for crowded images.",
                 [("Harbour Stitching", "Method", True)], id="en-is-a-method"),
    pytest.param("component_en", "A Study Group is formed. The United States has rules.", [], id="en-no-head-no-verb"),
    pytest.param("component_en", "该方法引入了潮汐门控模块（Tidal Gate Module）。", [], id="zh-english-only"),
    # kind_before_en: the kind of method, then its name
    pytest.param("kind_before_en", "It beats the visual odometry algorithm REEF-Mono on every run.",
                 [("REEF-Mono", "Method", False)], id="en-algorithm-name"),
    pytest.param("kind_before_en", "Rollouts feed the sampling-based planner TIDEPPI online.",
                 [("TIDEPPI", "Method", False)], id="en-planner-name"),
    pytest.param("kind_before_en", "该方法优于算法REEF-Mono。", [], id="zh-english-only"),
    # eponym_en: a proper name and a classic method's noun
    pytest.param("eponym_en", "Alignment applies the Tidewater algorithm and Coralli's theorem gives a posterior.",
                 [("Tidewater algorithm", "Method", False), ("Coralli's theorem", "Method", False)], id="en-eponym"),
    pytest.param("eponym_en", "It uses Reefson scaling; a Kelpberg distance is measured.",
                 [("Reefson scaling", "Method", False), ("Kelpberg distance", "Method", False)], id="en-eponym-after-punctuation"),
    pytest.param("eponym_en", "Results improve. Tidewater search is slow, and Chinese transforms differ.", [],
                 id="en-sentence-start-or-a-language"),
    # shaped_name: a name by its shape, untyped unless a head noun types it
    pytest.param("shaped_name", "It reaches 95% against 85% for tide0-FAST and starts with CoralBERT weights.",
                 [("tide0-FAST", "Method", False), ("CoralBERT", "Method", False)], id="en-shape"),
    pytest.param("shaped_name", "Results on ReefSeg and KelpNet, 48kHz audio, CRNN+BEATs, LoRA-tuned heads and LLMs.",
                 [], id="en-data-place-unit-combination"),
    pytest.param("shaped_name", "A model tuned on it does better on CoralBench and TideEval.",
                 [("CoralBench", "Dataset", False), ("TideEval", "Dataset", False)], id="en-dataset-shape-where-data-is-named"),
    # a size ending a name is the checkpoint's ("KelpLM-35B"); a size alone is no name
    # a word written with a stylised capital is no name ("eXplainable", "MultiModal"); iNaturalist-like names are
    pytest.param("shaped_name", "An eXplainable and MultiModal reef detector beats CrossModal baselines.", [],
                 id="stylised-words"),
    pytest.param("shaped_name", "We compare with ReefWorld and ReVal agents.",
                 [("ReefWorld", "Method", False), ("ReVal", "Method", False)], id="stylised-names-stay"),
    pytest.param("shaped_name", "The best, ReefReason-35B, beats 16GB and 7B baselines.",
                 [("ReefReason-35B", "Method", False)], id="en-sized-name"),
    # an acronym's long form that marks its letters with capitals holds no names
    pytest.param("shaped_name", "It presents REEFS (ReEf sEgmentation using maSked FeatureS) and CoralBERT.",
                 [("CoralBERT", "Method", False)], id="en-spelled-long-form"),
    pytest.param("shaped_name", "该方法以CoralBERT为骨干，优于tide0-FAST。",
                 [("CoralBERT", "Method", False), ("tide0-FAST", "Method", False)], id="zh-shape"),
    pytest.param("shaped_name", "该论文属于参考超分辨率（RefSR）任务。", [], id="zh-abbreviation-defined"),
    pytest.param("shaped_name", "We evaluate on the HarborBench suite.", [("HarborBench", "Dataset", False)],
                 id="en-dataset-shape"),
]


@pytest.mark.parametrize("rule,text,expected", CASES)
def test_component_rules(name_rule, rule, text, expected):
    assert name_rule(rule, text) == expected


METRIC_CASES = [
    pytest.param("shaped_name", "Gains of 2 points in mHOTA, cIoU, F1-max and CoNLL-F1 over CoralNet.",
                 [("CoralNet", "Method", False)], id="en-metric-names"),
    pytest.param("shaped_name", "代码见https://github.com/ReefLab/TideNet。", [], id="zh-link"),
    pytest.param("shaped_name", "提出模态特定混合专家（TS-MoE）设计。", [("TS-MoE", "Method", False)], id="zh-abbreviation-of-a-method"),
    pytest.param("shaped_name", "To improve transfer, ReefTwin 2.0 adds randomization.", [("ReefTwin 2.0", "Method", False)],
                 id="en-release-number"),
]


@pytest.mark.parametrize("rule,text,expected", METRIC_CASES)
def test_shaped_name_filters(name_rule, rule, text, expected):
    assert name_rule(rule, text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("A Reef Mapper Module renders at 40 FPS with 16GB of memory.", id="en-rate-and-size"),
    pytest.param("TideNet以40 FPS运行，占用16GB显存。", id="zh-rate-and-size"),
])
def test_a_rate_or_a_size_is_no_name(name_rule, text):
    from kg.extract.registry import NAME_RULES
    found = {name for rule in NAME_RULES for name, _t, _n in name_rule(rule, text)}
    assert not {"40 FPS", "16GB", "40"} & found
