"""open-tasks: a task stated in a frame is a task, known to the vocabulary or not."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("open-tasks", "该论文属于月面陨石坑计数任务，旨在统计撞击坑。", [("月面陨石坑计数", "new:月面陨石坑计数")], id="zh-new-task"),
    pytest.param("open-tasks", "该论文针对船笛检测任务。", [("船笛检测", "new:船笛检测")], id="zh-new-task-aimed-at"),
    pytest.param("open-tasks", "该论文属于语音情感识别任务。", [], id="zh-known-task-left-to-the-vocabulary"),
    # the words a strong frame states before a known task name a narrower task, unless they are a quality
    pytest.param("open-tasks", "该论文属于海洋哺乳动物对话生成任务。",
                 [("海洋哺乳动物对话生成", "new:海洋哺乳动物对话生成>dialogue-generation")], id="zh-frame-narrower-than-known"),
    pytest.param("open-tasks", "该论文属于高效对话生成任务。", [], id="zh-frame-quality-of-known"),
    pytest.param("open-tasks", "We tackle the task of speech emotion recognition.", [], id="en-known-task"),
    # a digest's summary: "the paper" and "the authors" for "this paper" and "we"
    pytest.param("open-tasks", "The paper studies harbour crane scheduling under wind.",
                 [("harbour crane scheduling", "new:harbour crane scheduling")], id="en-the-paper-studies"),
    pytest.param("open-tasks", "The authors address reef image tagging with few labels.",
                 [("reef image tagging", "new:reef image tagging")], id="en-the-authors-address"),
    pytest.param("open-tasks", "A Lightweight Network for Underwater Image Enhancement",
                 [("Underwater Image Enhancement", "new:underwater image enhancement>image-enhancement")], id="en-title-for"),
    # an X-based task (基于X的) is narrower than the task it names, unless X is the means (a method, a model)
    pytest.param("open-tasks", "该论文属于基于草图的图像编辑任务，旨在降低门槛。",
                 [("基于草图的图像编辑", "new:基于草图的图像编辑>image-editing")], id="zh-x-based-task"),
    pytest.param("open-tasks", "该论文属于基于深度学习的图像编辑任务。", [("图像编辑", "image-editing")], id="zh-based-on-a-method"),
    pytest.param("open-tasks", "该论文属于基于大模型的图像编辑任务。", [("图像编辑", "image-editing")], id="zh-based-on-a-model"),
    # a strong frame states its task even when a method's name ends it; a weak one does not
    pytest.param("open-tasks", "该论文属于机器人模仿学习任务，旨在迁移技能。", [("机器人模仿学习", "new:机器人模仿学习")],
                 id="zh-stated-task-method-head"),
    pytest.param("open-tasks", "本文用于机器人模仿学习。", [], id="zh-weak-cue-method-head"),
    # 属于 X with no frame word: X ends with a task head word; 利用 ending a name is the noun
    pytest.param("open-tasks", "该论文属于港口噪声实证分析，收集了录音。", [("港口噪声实证分析", "new:港口噪声实证分析")],
                 id="zh-belongs-no-frame-word"),
    pytest.param("open-tasks", "该论文属于计算机图形学，研究渲染。", [], id="zh-belongs-no-head-no-task"),
    pytest.param("open-tasks", "该论文属于月壤资源利用任务。", [("月壤资源利用", "new:月壤资源利用")], id="zh-utilization-noun"),
    # 论文 opening a stated name is a word of it (论文检索), not "the paper"; a quality before a
    # two-character name is part of it (鲁棒微调), one before a longer name is not (高效语音识别)
    pytest.param("open-tasks", "该论文属于论文检索任务，旨在提升检索灵活性。", [("论文检索", "new:论文检索")], id="zh-paper-as-word-of-task"),
    pytest.param("open-tasks", "该论文属于模型的鲁棒微调任务，旨在兼顾分布外鲁棒性。", [("鲁棒微调", "new:鲁棒微调")],
                 id="zh-quality-of-short-name"),
    pytest.param("open-tasks", "该论文属于高效语音识别任务。", [], id="zh-quality-of-known-task-dropped"),
    # a task-forming qualifier opens a task of its own (multilingual reasoning), not one stacked on
    # another quality; a name specialise has read with its modifier is no new task
    pytest.param("open-tasks", "Pushing on Multilingual Reasoning Models with Mixed Chain-of-Thought",
                 [("Multilingual Reasoning", "new:multilingual reasoning")], id="en-title-multilingual-task"),
    pytest.param("open-tasks", "Customizable Multilingual Zero-shot Singing Voice Synthesis", [],
                 id="en-title-stacked-qualities"),
    pytest.param("open-tasks", "Audio-Guided Fusion Techniques for Multimodal Emotion Analysis", [],
                 id="en-title-read-by-specialise"),
    pytest.param("open-tasks", "Few-Shot Knowledge Graph Completion with Meta Learning",
                 [("Few-Shot Knowledge Graph Completion", "new:few-shot knowledge graph completion>knowledge-graph-completion")],
                 id="en-title-narrower-than-known"),
    # a bare generic word is no task (属于多模态任务), nor one left when the model kind is cut off
    # (大语言模型训练 stays whole); a field before 中的 is named without 中
    pytest.param("open-tasks", "该论文属于多模态任务，旨在减少幻觉。", [], id="zh-bare-modality-no-task"),
    pytest.param("open-tasks", "该论文属于大语言模型训练任务，旨在稳定训练。", [("大语言模型训练", "new:大语言模型训练")],
                 id="zh-subject-kept-before-bare-word"),
    pytest.param("open-tasks", "该论文属于珊瑚礁生态学中的推理任务，旨在提速。", [("珊瑚礁生态学", "new:珊瑚礁生态学")],
                 id="zh-context-before-zhong-de"),
    # a title's task named before the kind of its method ("... Approaches for ..."); hashing, following
    # and dialogue are heads of task names
    pytest.param("open-tasks", "Evaluating Scene-Consistent Reef Drift Prediction Approaches for Buoys",
                 [("Scene-Consistent Reef Drift Prediction", "new:scene-consistent reef drift prediction")],
                 id="en-title-task-before-approaches"),
    pytest.param("open-tasks", "Coral Image Hashing via Cross-View Code Alignment",
                 [("Coral Image Hashing", "new:coral image hashing")], id="en-title-hashing-head"),
    # a title's modifiers of an imported task that are no qualities name a narrower task; qualities do not
    pytest.param("open-tasks", "ReefLUT: A Look-Up Table for Photorealistic Style Transfer",
                 [("Photorealistic Style Transfer", "new:photorealistic style transfer>style-transfer")],
                 id="en-title-modifier-of-imported-task"),
    pytest.param("open-tasks", "ReefLUT: A Look-Up Table for Efficient Style Transfer", [], id="en-title-quality-of-imported-task"),
    # a title's "for X" ends before "at scale", "across domains", "without labels"
    pytest.param("open-tasks", "Designing Bridge Models for Coral Sound Restoration at Scale",
                 [("Coral Sound Restoration", "new:coral sound restoration")], id="en-title-for-x-at-scale"),
    pytest.param("open-tasks", "Prompt Tuning for Reef Image Hashing across Domains",
                 [("Reef Image Hashing", "new:reef image hashing")], id="en-title-for-x-across"),
    # the task a paper evaluates on, named by its benchmarks; a count is no word of it
    pytest.param("open-tasks", "Results on three coral reef segmentation benchmarks show gains of 3 points.",
                 [("coral reef segmentation", "new:coral reef segmentation")], id="en-task-benchmarks"),
    pytest.param("open-tasks", "We test it on three reasoning benchmarks and a 21-task simulation benchmark.", [],
                 id="en-counted-benchmarks-no-task"),
]


@pytest.mark.parametrize("strategy,text,expected", CASES)
def test_open_tasks(task_strategy, strategy, text, expected):
    assert task_strategy(strategy, text) == expected
