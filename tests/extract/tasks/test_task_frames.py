"""open-tasks: a task stated in a frame is a task, known to the vocabulary or not."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("open-tasks", "该论文属于月面陨石坑计数任务，旨在统计撞击坑。", [("月面陨石坑计数", "new:月面陨石坑计数")], id="zh-new-task"),
    pytest.param("open-tasks", "该论文针对船笛检测任务。", [("船笛检测", "new:船笛检测")], id="zh-new-task-aimed-at"),
    pytest.param("open-tasks", "该论文属于语音情感识别任务。", [], id="zh-known-task-left-to-the-vocabulary"),
    pytest.param("open-tasks", "We tackle the task of speech emotion recognition.", [], id="en-known-task"),
    pytest.param("open-tasks", "A Lightweight Network for Underwater Image Enhancement",
                 [("Underwater Image Enhancement", "new:underwater image enhancement>image-enhancement")], id="en-title-for"),
]


@pytest.mark.parametrize("strategy,text,expected", CASES)
def test_open_tasks(task_strategy, strategy, text, expected):
    assert task_strategy(strategy, text) == expected
