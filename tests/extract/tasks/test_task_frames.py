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
    # an X-based task (基于X的) is narrower than the task it names, unless X is the means (a method, a model)
    pytest.param("open-tasks", "该论文属于基于草图的图像编辑任务，旨在降低门槛。",
                 [("基于草图的图像编辑", "new:基于草图的图像编辑>image-editing")], id="zh-x-based-task"),
    pytest.param("open-tasks", "该论文属于基于深度学习的图像编辑任务。", [("图像编辑", "image-editing")], id="zh-based-on-a-method"),
    pytest.param("open-tasks", "该论文属于基于大模型的图像编辑任务。", [("图像编辑", "image-editing")], id="zh-based-on-a-model"),
]


@pytest.mark.parametrize("strategy,text,expected", CASES)
def test_open_tasks(task_strategy, strategy, text, expected):
    assert task_strategy(strategy, text) == expected
