"""cue-head: a name next to the head noun that says what it is."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("architecture_en", "The system uses a Tidal Attention Transformer for decoding.",
                 [("Tidal Attention Transformer", "Method", False)], id="en-architecture"),
    pytest.param("architecture_en", "The system uses a transformer for decoding.", [], id="en-common-noun"),
    pytest.param("task_name", "模型在SeaQA相关任务中表现良好。", [("SeaQA", "Task", False)], id="zh-task"),
    pytest.param("task_name", "It performs well on the SeaQA task.", [("SeaQA", "Task", False)], id="en-task"),
    pytest.param("listed_heads_en", "It combines two parts, namely TCM and RGA modules, into one network.",
                 [("TCM", "Method", False), ("RGA", "Method", False)], id="en-listed-modules"),
    pytest.param("listed_heads_en", "Results on HVC and RTK corpora are reported.",
                 [("HVC", "Dataset", False), ("RTK", "Dataset", False)], id="en-listed-corpora"),
    pytest.param("head_after_zh", "我们提出MarisNet框架用于语音增强。", [("MarisNet", "Method", True)], id="zh-proposed"),
    pytest.param("head_after_zh", "实验使用了ReefTalk数据集。", [("ReefTalk", "Dataset", False)], id="zh-used"),
    pytest.param("head_after_en", "Our experiments use the ReefTalk corpus.", [("ReefTalk", "Dataset", False)], id="en-used"),
    pytest.param("head_after_en", "The public ReefFake benchmark is used.", [("ReefFake", "Dataset", False)],
                 id="en-premodifier"),
    pytest.param("head_after_en", "We propose the MarisNet framework for enhancement.", [("MarisNet", "Method", True)],
                 id="en-proposed"),
    pytest.param("head_near_en", "It ranks first on the HARBOR multi-agent prediction benchmark.",
                 [("HARBOR", "Dataset", False)], id="en-name-modifiers-head"),
    pytest.param("head_near_en", "We propose the ReefNet lightweight segmentation network.",
                 [("ReefNet", "Method", True)], id="en-name-modifiers-head-proposed"),
    pytest.param("head_near_en", "It follows the HIPAA-defined safe harbor method.", [], id="en-hyphenated-modifier"),
    pytest.param("head_near_en", "We use the ReefNet and other baseline models.", [], id="en-no-function-word-between"),
    pytest.param("bracketed_before_head_en", "The paper proposes a dual-stream tidal-spectral (TS3) architecture for it.",
                 [("TS3", "Method", True)], id="en-bracketed-before-head-proposed"),
    pytest.param("bracketed_before_head_en", "Scores are reported on the Reef Talk Speech (RTS2) corpus.",
                 [("RTS2", "Dataset", False)], id="en-bracketed-before-head-used"),
    pytest.param("bracketed_before_head_en", "Text-to-image (T2I) models draw it.", [], id="en-bracketed-task-acronym"),
    pytest.param("bracketed_before_head_en", "We compare (see Table 2) models.", [], id="en-bracketed-no-name"),
    pytest.param("english_term_in_chinese", "我们设计了Tidal Feature Fusion模块以融合多尺度特征。",
                 [("Tidal Feature Fusion", "Method", True)], id="zh-english-term"),
    pytest.param("english_term_in_chinese", "We designed the Tidal Feature Fusion module.", [], id="en-text-not-applicable"),
    pytest.param("head_near_zh", "提出了ShoalVC情感转换框架。", [("ShoalVC", "Method", True)], id="zh-modifiers-between"),
    pytest.param("head_near_zh", "ShoalVC作为编码器提取特征。", [], id="zh-not-a-modifier"),
    pytest.param("head_before_zh", "我们采用预训练模型SeaBERT和CoralLM提取表示。",
                 [("SeaBERT", "Method", False), ("CoralLM", "Method", False)], id="zh-head-before"),
    pytest.param("head_before_zh", "我们构建了数据集ReefTalk-2。", [("ReefTalk-2", "Dataset", True)], id="zh-head-before-proposed"),
    # the names a head noun exemplifies ("such as", "including", 如, 包括) have its type, a plain word too
    pytest.param("examples_en", "It misses clips made by world models such as Lagoon, a weakness.",
                 [("Lagoon", "Method", False)], id="en-examples-plain-word"),
    pytest.param("examples_en", "Scores rise on benchmarks including ReefQA and KelpBench.",
                 [("ReefQA", "Dataset", False), ("KelpBench", "Dataset", False)], id="en-examples-datasets"),
    pytest.param("examples_en", "Models such as These fail.", [], id="en-examples-pronoun"),
    # a list with no "and" whose last name a verb follows: that name is the main clause's subject
    pytest.param("examples_en", "On noisy datasets like ReefSet, KelpDPO achieves gains over TideDPO.",
                 [("ReefSet", "Dataset", False)], id="en-examples-main-clause-subject"),
    pytest.param("examples_en", "We test on datasets like ReefQA, KelpBench and TideSet.",
                 [("ReefQA", "Dataset", False), ("KelpBench", "Dataset", False), ("TideSet", "Dataset", False)],
                 id="en-examples-list-with-and"),
    pytest.param("examples_zh", "在多个基准（如ReefQA和KelpBench）上评估。",
                 [("ReefQA", "Dataset", False), ("KelpBench", "Dataset", False)], id="zh-examples"),
]


@pytest.mark.parametrize("rule,text,expected", CASES)
def test_head_rules(name_rule, rule, text, expected):
    assert name_rule(rule, text) == expected
