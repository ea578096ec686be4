"""cue-dataset: the names a paper evaluates on, typed by the head noun after them."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("on_data_zh", "在HarborSpeech和ReefTalk数据集上的实验表明该方法有效。",
                 [("HarborSpeech", "Dataset", False), ("ReefTalk", "Dataset", False)], id="zh-two-names"),
    pytest.param("on_data_zh", "在HarborSpeech上训练模型。", [], id="zh-no-head-noun"),
    pytest.param("on_data_en", "Experiments on the HarborSpeech and ReefTalk datasets show gains.",
                 [("HarborSpeech", "Dataset", False), ("ReefTalk", "Dataset", False)], id="en-two-names"),
    pytest.param("on_data_en", "We evaluate on the Chinese Seabird test set.", [("Seabird", "Dataset", False)],
                 id="en-plain-word-with-head-language-dropped"),
    pytest.param("on_data_en", "We evaluate on the novel benchmark.", [], id="en-common-word"),
    # a named challenge is its data: an acronym, a CamelCase word or a year among its words
    pytest.param("challenge_en", "The model is trained on the data of the ReefMOS Challenge 2026 only.",
                 [("ReefMOS Challenge 2026", "Dataset", False)], id="en-challenge-with-year"),
    pytest.param("challenge_en", "Progress since the SEABIRD 2011 Call Challenge is measured.",
                 [("SEABIRD 2011 Call Challenge", "Dataset", False)], id="en-challenge-year-inside"),
    pytest.param("challenge_en", "The AI Harbor Challenge had five tracks.", [("AI Harbor Challenge", "Dataset", False)],
                 id="en-challenge-acronym"),
    pytest.param("challenge_en", "This Is A Key Challenge For Coral Robots", [], id="en-title-case-no-challenge-name"),
    pytest.param("challenge_zh", "本文参加ReefSound 2026珊瑚声学挑战赛并获得第一。",
                 [("ReefSound 2026珊瑚声学挑战赛", "Dataset", False)], id="zh-challenge-with-chinese-words"),
    pytest.param("challenge_zh", "我们参加了ReefMOS 2026挑战赛赛道3。", [("ReefMOS 2026", "Dataset", False)],
                 id="zh-challenge-named-before-head"),
    pytest.param("challenge_zh", "参加HARBOR海港语音挑战赛（HSC-2）。", [], id="zh-challenge-own-name-in-brackets"),
    pytest.param("challenge_zh", "该挑战赛很难，Whisper表现一般。", [], id="zh-no-name"),
    pytest.param("challenge_en", "A Survey of Open Challenges in Reef Mapping", [], id="en-plural-challenges"),
    pytest.param("scored_on_en", "It sets new results on ReefQA (74.0%), TideBench-mini (78.5%) and KelpEval (77.26%).",
                 [("ReefQA", "Dataset", False), ("TideBench-mini", "Dataset", False), ("KelpEval", "Dataset", False)],
                 id="en-names-with-scores"),
    pytest.param("scored_on_en", "It runs on ReefQA and TideBench with 8 GPUs (4) only.", [], id="en-no-scores"),
    pytest.param("scored_on_zh", "模型在ReefQA（74.0%）和TideBench（77.3%）上取得最佳结果。",
                 [("ReefQA", "Dataset", False), ("TideBench", "Dataset", False)], id="zh-names-with-scores"),
    pytest.param("scored_on_zh", "模型在ReefQA（74.0%）上取得最佳结果。", [], id="zh-one-name"),
    # a counted plural head and exactly as many names after it (a describing item between them)
    pytest.param("counted_en", "We curate two datasets: ReefCount, for fish counting, and KelpTrack, for tracking.",
                 [("ReefCount", "Dataset", True), ("KelpTrack", "Dataset", True)], id="en-counted-curated"),
    pytest.param("counted_en", "It adds three hard suites (Tide-Long, Reef-Hard and KelpX) to the benchmark.",
                 [("Tide-Long", "Dataset", False), ("Reef-Hard", "Dataset", False), ("KelpX", "Dataset", False)],
                 id="en-counted-in-brackets"),
    pytest.param("counted_en", "We use three datasets: ReefCount and KelpTrack.", [], id="en-count-disagrees"),
    pytest.param("counted_en", "We compare two models, TideNet and ReefFormer, on new data.", [], id="en-no-dataset-head"),
    pytest.param("counted_zh", "作者构建了含Tide-Long和Reef-Hard两个套件的仿真基准。",
                 [("Tide-Long", "Dataset", False), ("Reef-Hard", "Dataset", False)], id="zh-counted-suites"),
    pytest.param("counted_zh", "涵盖ReefQA、KelpEval和TideSet三项测试的用户研究。",
                 [("ReefQA", "Dataset", False), ("KelpEval", "Dataset", False), ("TideSet", "Dataset", False)],
                 id="zh-counted-tests"),
    pytest.param("counted_zh", "结合TideNet和ReefFormer三个模块。", [], id="zh-count-disagrees-no-head"),
    # a score reached on a name
    pytest.param("score_on_en", "It reaches 80.65% on ReefQA and 0.71 on KelpEval, 3% on average.",
                 [("ReefQA", "Dataset", False), ("KelpEval", "Dataset", False)], id="en-score-on"),
    pytest.param("score_on_en", "It reaches 61.5 on ReefQA and 0.19 AP3D@0.5.", [("ReefQA", "Dataset", False)],
                 id="en-score-on-stops-at-the-next-score"),
    pytest.param("score_on_en", "It runs on ReefQA with TideNet.", [], id="en-no-score"),
    pytest.param("score_on_en", "It gets 67.4 mIoU on ReefSeg and 90% AUROC across TideNet configurations.",
                 [("ReefSeg", "Dataset", False)], id="en-metric-between-and-a-name-qualifying-a-noun"),
    pytest.param("score_on_zh", "在ReefSeg上mIoU达67.4，在TideNet上加速为5.1倍。", [("ReefSeg", "Dataset", False)],
                 id="zh-score-without-percent"),
    pytest.param("on_list_en", "On ReefQA, KelpEval and TideSet, our agent balances speed and accuracy.",
                 [("ReefQA", "Dataset", False), ("KelpEval", "Dataset", False), ("TideSet", "Dataset", False)],
                 id="en-sentence-opens-with-its-data"),
    pytest.param("on_list_en", "On TideNet-7B and ReefLM-8B, the method helps.", [], id="en-a-list-of-models"),
    pytest.param("on_list_zh", "在ReefQA、KelpEval和TideSet上，该智能体兼顾速度与准确率。",
                 [("ReefQA", "Dataset", False), ("KelpEval", "Dataset", False), ("TideSet", "Dataset", False)],
                 id="zh-three-names-evaluated-on"),
    pytest.param("on_list_zh", "在TideNet-7B、ReefLM-8B和KelpLM-9B上，该方法均有效。", [], id="zh-a-list-of-models"),
    pytest.param("score_on_zh", "该方法在ReefQA和KelpEval上分别提升3.8%和3.3%。",
                 [("ReefQA", "Dataset", False), ("KelpEval", "Dataset", False)], id="zh-score-on"),
    pytest.param("score_on_zh", "该方法在ReefQA上运行，并在另一台机器上提升了3%。", [], id="zh-score-in-another-clause"),
]


@pytest.mark.parametrize("rule,text,expected", CASES)
def test_dataset_rules(name_rule, rule, text, expected):
    assert name_rule(rule, text) == expected
