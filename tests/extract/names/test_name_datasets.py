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
    pytest.param("scored_on_en", "It sets new results on ReefQA (74.0%), TideBench-mini (78.5%) and KelpEval (77.26%).",
                 [("ReefQA", "Dataset", False), ("TideBench-mini", "Dataset", False), ("KelpEval", "Dataset", False)],
                 id="en-names-with-scores"),
    pytest.param("scored_on_en", "It runs on ReefQA and TideBench with 8 GPUs (4) only.", [], id="en-no-scores"),
    pytest.param("scored_on_zh", "模型在ReefQA（74.0%）和TideBench（77.3%）上取得最佳结果。",
                 [("ReefQA", "Dataset", False), ("TideBench", "Dataset", False)], id="zh-names-with-scores"),
    pytest.param("scored_on_zh", "模型在ReefQA（74.0%）上取得最佳结果。", [], id="zh-one-name"),
]


@pytest.mark.parametrize("rule,text,expected", CASES)
def test_dataset_rules(name_rule, rule, text, expected):
    assert name_rule(rule, text) == expected
