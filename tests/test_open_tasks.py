"""Open-vocabulary tasks stated in frames (kg.extract.open_tasks), in Chinese and English, and how the
pipeline links them: the vocabulary's concept when it has the name, else a new task."""
from __future__ import annotations

import pytest

from kg.extract.open_tasks import find_open_tasks


@pytest.mark.parametrize("text,title,expected", [
    # Chinese frames
    ("该论文属于桥梁裂缝检测任务，旨在减少人工巡检。", False, ["桥梁裂缝检测"]),
    ("本文针对低照度图像增强任务，提出一种轻量网络。", False, ["低照度图像增强"]),
    ("属于遥感影像中的变化检测任务", False, ["变化检测"]),          # the part after 的
    ("属于视觉问答（VQA）任务", False, ["视觉问答"]),
    ("属于点云补全与配准任务", False, ["点云补全", "配准"]),          # coordinated task names
    ("该论文属于港口作业调度任务，旨在减少等待。", False, ["港口作业调度"]),   # heads of engineering tasks
    ("本文属于潮汐传感器设计任务，旨在降低功耗。", False, ["潮汐传感器设计"]),   # 设计 ending a name is a noun
    ("提出TideCut，显著压缩输出长度，属推理优化任务。", False, ["推理优化"]),     # 属 for 属于 after a comma
    ("该方法适用于金属腐蚀检测任务。", False, ["金属腐蚀检测"]),                 # (not the 属 inside 金属)
    ("该论文属于潮汐模型领域适配任务，旨在弥补标注不足。", False, ["潮汐模型领域适配"]),
    ("该论文属于多模态大语言模型任务", False, []),                    # a kind of model, not a task
    ("论文提出一个框架，解决跨域行人重识别问题。", False, ["跨域行人重识别"]),
    ("解决模型推理速度慢的问题", False, []),                          # a problem, not a task name
    # English frames
    ("We tackle the problem of few-shot keyword spotting on small devices.", False, []),  # spotting: no head
    ("We study the task of table question answering over spreadsheets.", False, ["table question answering"]),
    ("Crater Detection for Planetary Mapping: A Benchmark", True, ["Crater Detection"]),
    ("A Lightweight Network for Underwater Image Enhancement", True, ["Underwater Image Enhancement"]),
    ("A Unified Framework for Reef Image Customization", True, ["Reef Image Customization"]),
    ("Diffusion-Guided Perturbations for Sonar Hallucination Suppression", True, ["Sonar Hallucination Suppression"]),
    ("Results improve detection by 3 points.", False, []),              # a bare head noun is no task
])
def test_frames(text, title, expected):
    assert [t.label for t in find_open_tasks(text, title)] == expected


@pytest.mark.parametrize("text,title,expected", [
    # a frame ends at the X that is a whole task name, not at a 任务 inside it or a field before it
    ("该论文属于遥感中的任务自适应变化检测任务，针对云层遮挡。", False, ["任务自适应变化检测"]),
    ("该论文属于医疗领域问诊对话生成任务，旨在减少等待。", False, ["医疗领域问诊对话生成"]),
    ("该论文属于农业遥感领域。", False, ["农业遥感"]),                        # a field alone stays a field
    ("该论文属于无人机任务分配与路径规划（UAVTP）任务。", False, ["无人机任务分配与路径规划"]),
    # qualities that open a name are no part of it, in each coordinated part too
    ("该论文属于鲁棒点云配准任务。", False, ["点云配准"]),
    ("该论文属于跨模态预训练与高效图文检索任务。", False, ["跨模态预训练", "图文检索"]),
    ("现有模型主要面向短时程任务。", False, []),                             # no task head, a weaker frame: no task
    # 任务 of a compound (跨任务, 多任务) or after a quality (复杂任务, 新任务) ends no task name; 对 of 对话 is no preposition
    ("该论文提出KelpFT框架，解决珊瑚模型微调后跨任务泛化能力下降的问题。", False, []),
    ("该论文提出KelpBot，解决机器人在多样港口中执行复杂任务的问题。", False, []),
    ("该论文属于提升港口模型推理能力的任务。", False, []),
    ("该论文属于对话式珊瑚检索任务。", False, ["对话式珊瑚检索"]),
    # English: a method's property ends the phrase; -able lead words and -ly adverbs of titles
    ("Gradient-Free Coral Reef Segmentation Benchmarking", True, ["Coral Reef Segmentation"]),
    ("Towards Auditable Loan Default Prediction", True, ["Loan Default Prediction"]),
    ("Differentially Private Image Synthesis for Clinics", True, ["Differentially Private Image Synthesis"]),
    ("Causal Graph Learning from Sensor Logs", True, ["Causal Graph Learning"]),
    ("Crater Rim Detection Dataset and Baselines", True, ["Crater Rim Detection"]),
    ("NaviScore: Judging Indoor Navigation of Household Robots", True, ["Judging Indoor Navigation"]),
    # not a task: the means a title names, the long form of the title's own name, a head inside a noun phrase
    ("Faster Drug Discovery through Molecular Property Prediction", True, []),
    ("REPO: Reward-Efficient Policy Optimization for Web Agents", True, []),
    ("Towards Autonomous Information Seeking Agency", True, []),
    # a qualifier that names a narrower task of its own stays (task-forming-qualifiers.txt); a quality does not
    ("A Memory Bank for Few-Shot Reef Species Classification", True, ["Few-Shot Reef Species Classification"]),
    ("Chunked Decoding for Streaming Harbour Sound Recognition", True, ["Streaming Harbour Sound Recognition"]),
    ("A Memory Bank for Robust Reef Species Classification", True, ["Reef Species Classification"]),
    # ... and so is a quality written apart ("large scale" for large-scale)
    ("We test it on a large scale reef segmentation dataset.", False, ["reef segmentation"]),
    ("We test it on a large-scale reef segmentation dataset.", False, ["reef segmentation"]),
    # a preposition ends the phrase ("alongside", "beside", "against")
    ("It ships harbour logs alongside buoy detection tasks.", False, ["buoy detection"]),
    ("该论文属于少样本珊瑚物种分类任务。", False, ["少样本珊瑚物种分类"]),
    ("Towards Joint Multi-Agent Motion Forecasting with Graphs", True, ["Joint Multi-Agent Motion Forecasting"]),
    ("A Memory Bank for Personalized Reef Species Classification", True, ["Personalized Reef Species Classification"]),
    ("Attention Recalibration for Detailed Aerial Image Captioning", True, ["Detailed Aerial Image Captioning"]),
    ("该论文属于个性化珊瑚物种分类任务。", False, ["个性化珊瑚物种分类"]),
    # -ing words that open many task labels are words of a task name after a lead verb, not lead verbs
    ("Enhancing Learning Path Recommendation via Multi-task Learning", True, ["Learning Path Recommendation"]),
    # a title in sentence case: its task's words are lower case; in Title Case a lower-case word ends it
    ("Diffusion-based learning of contact plans for agile locomotion", True, ["agile locomotion"]),
    ("Contact Plans for agile Locomotion", True, []),
    # a title's first of two coordinated tasks, and a task before a system noun
    ("Bronze Inscription Restoration and Dating with Language Models", True, ["Bronze Inscription Restoration"]),
    ("BIRD: Bronze Inscription Restoration and Dating", True, []),  # the long form of the title's name
    ("A Training-Free Hallucination Mitigation Framework for Vision-Language Models", True, ["Hallucination Mitigation"]),
    ("Psychology and Cognition Enabled Automated Driving Systems", True, ["Automated Driving"]),
    # a verb before the phrase ends it: its subject is no word of the task (phrase-verbs.txt)
    ("Reef Sampling Enables Coral Species Classification in Murky Water", True, ["Coral Species Classification"]),
    ("The method lets a rover perform terrain segmentation tasks at night.", False, ["terrain segmentation"]),
])
def test_frames_end_where_the_task_name_ends(text, title, expected):
    assert [t.label for t in find_open_tasks(text, title)] == expected


def test_a_frame_match_starts_at_a_word():
    # a head noun inside a word ("ShipTracking") starts no match: no "Tracking task"
    from kg.extract.open_tasks import _en
    text = "We cast the ShipTracking task, then a tracking task."
    heads = {m.start("head") for rx, _c, _t, _n, w in _en()[1] if w for m in rx.finditer(text)}
    assert heads == {text.index("tracking")}


@pytest.mark.parametrize("text", [
    "We recast coral reef segmentation task as a pixel labelling problem, then the sonar mapping tasks.",
    "Noisy tide prediction task. " * 30 + "Then a ship detection problem.",  # many places, far apart
    "Ultra-long-hyphenated-compound-word-beyond-thirty-chars detection task and crater counting task.",
    "task problem tasks",  # what follows X, with no X before it
])
def test_frames_scanned_in_windows_find_what_a_whole_scan_finds(text):
    from kg.extract.open_tasks import _en, _frame_matches
    windowed = [(rx, need) for rx, _c, _t, need, w in _en()[1] if w]
    assert windowed  # "X task" is scanned so
    for rx, need in windowed:
        assert [m.span() for m in _frame_matches(rx, need, text)] == [m.span() for m in rx.finditer(text)]


def test_fields_and_weak_frames_are_fallbacks():
    field, = find_open_tasks("该论文属于计算机视觉领域。")
    assert field.label == "计算机视觉" and field.field
    weak, = find_open_tasks("解决跨域行人重识别问题")
    assert weak.fallback and not weak.field  # a weak cue: kept only when the paper states no other task
    strong, = find_open_tasks("属于行人重识别任务")
    assert not strong.fallback and strong.confidence >= 0.8


def test_acronym_given_with_the_name():
    t, = find_open_tasks("该论文属于视觉语言导航（VLN）任务。")
    assert (t.label, t.acronym) == ("视觉语言导航", "VLN")


def _build(tmp_path, rows):
    from kg.build import build
    import json
    digest = tmp_path / "d.md"
    digest.write_text("|Source|Title|Summary|\n|---|---|---|\n" + "".join(
        f"|{pid}|[{title}](http://arxiv.org/abs/{pid})|{summary}|\n" for pid, title, summary in rows), encoding="utf-8")
    out = tmp_path / "out"
    build([digest], out, progress=False, views=False)
    links = [json.loads(x) for x in open(out / "links.jsonl", encoding="utf-8")]
    return {(lk["paper"], lk["label"]) for lk in links if lk["type"] == "Task"}


def test_pipeline_links_new_known_and_broad_tasks(tmp_path):
    tasks = _build(tmp_path, [
        ("2601.00001v1", "Crater Counting at Scale", "该论文属于月球陨石坑计数任务，属于计算机视觉领域。提出CraterNet。"),
        ("2601.00002v1", "A Study of Speakers", "该论文属于说话人验证任务，旨在提升鲁棒性。"),
        ("2601.00003v1", "On Pictures", "该论文属于计算机视觉领域，讨论数据伦理。"),
    ])
    # a new task as written; the field beside it is dropped
    assert ("2601.00001", "月球陨石坑计数") in tasks
    assert not any(p == "2601.00001" and "视觉" in label for p, label in tasks)
    # a Chinese frame naming a vocabulary task links the concept
    assert ("2601.00002", "speaker verification") in tasks
    # a field alone is kept: the paper states nothing more specific
    assert any(p == "2601.00003" for p, _ in tasks)


def test_a_loosely_named_title_task_is_the_vocabulary_task_of_the_paper(tmp_path):
    tasks = _build(tmp_path, [
        ("2601.00011v1", "A Recipe for Categorised Speaker Verification",
         "We train a speaker verification system on VoxCeleb and report EER."),
        ("2601.00012v1", "A Recipe for Lunar Crater Detection",
         "We train a speaker verification system on VoxCeleb and report EER."),
    ])
    # "speaker" and the head are shared with speaker verification: one task, two names (a head of
    # another kind, "Speaker Prediction", names a task of its own: test_resolution)
    assert {label for p, label in tasks if p == "2601.00011"} == {"speaker verification"}
    # nothing shared: both tasks stay
    assert ("2601.00012", "lunar crater detection") in tasks


def test_techniques_an_imported_list_files_as_tasks_are_methods():
    from kg.vocab import Vocabulary
    v = Vocabulary.load()
    for name in ("imitation learning", "Bayesian optimization"):
        c = v.lookup(name)
        assert c is not None and c.type == "Method" and not c.curated, name


def test_a_stated_task_whose_head_is_a_method_name_is_no_task(tmp_path):
    tasks = _build(tmp_path, [
        ("2601.00021v1", "A Fast Solver for Model Predictive Control", "We speed up a solver."),
        ("2601.00022v1", "ChunkQ: Semantic KV Cache Compression for Long Inputs", "We compress caches."),
    ])
    assert not any(p == "2601.00021" for p, _ in tasks)  # no "predictive control" task
    assert ("2601.00022", "semantic KV cache compression") in tasks or ("2601.00022", "KV cache compression") in tasks


def test_strings_that_never_name_a_concept():
    from kg.vocab import Vocabulary
    v = Vocabulary.load()
    for text in ("a 3D", "OOD", "5-shot", "and dataset", "social media"):
        assert v.lookup(text) is None, text


def _build_links(tmp_path, rows):
    from kg.build import build
    import json
    digest = tmp_path / "d.md"
    digest.write_text("|Source|Title|Summary|\n|---|---|---|\n" + "".join(
        f"|{pid}|[{title}](http://arxiv.org/abs/{pid})|{summary}|\n" for pid, title, summary in rows), encoding="utf-8")
    build([digest], tmp_path / "out", progress=False, views=False)
    return [json.loads(x) for x in open(tmp_path / "out" / "links.jsonl", encoding="utf-8")]


def _task_labels(tmp_path, rows) -> set[str]:
    """The labels of the Task links a build of these rows gives."""
    return {lk["label"] for lk in _build_links(tmp_path, rows) if lk["type"] == "Task"}


@pytest.mark.parametrize("title,summary,expected,zh_alias", [
    # a Chinese summary's task and the one English title task with the same head: one task, with the Chinese name
    ("Lunar Crater Segmentation with Few Labels", "该论文属于月面陨石坑分割任务，旨在减少人工标注。", {"lunar crater segmentation"}, "月面陨石坑分割"),
    # heads differ: the Chinese task stays beside the English ones
    ("A Drone Network for Kelp Forest Segmentation", "该论文属于海藻林面积估计任务，并研究海草分类任务。", None, "海藻林面积估计"),
    # an acronym the summary defines beside the title task it spells is that task
    ("Glacier Calving Front Detection from Radar", "We cast glacier calving front detection (GCFD) as contour prediction and improve GCFD accuracy.",
     {"glacier calving front detection"}, None),
])
def test_one_task_two_names_in_one_paper(tmp_path, title, summary, expected, zh_alias):
    links = [lk for lk in _build_links(tmp_path, [("2601.00031v1", title, summary)]) if lk["type"] == "Task"]
    labels = {lk["label"] for lk in links}
    if expected is None:
        assert zh_alias in labels and len(labels) >= 2, labels
        return
    assert labels == expected
    if zh_alias:
        assert zh_alias in links[0]["alt_labels"]


def test_a_chinese_name_is_not_a_known_task_written_otherwise_in_chinese(tmp_path):
    # relation extraction is 关系抽取 in the vocabulary: 专利文献信息抽取 is another task
    links = _build_links(tmp_path, [("2601.00041v1", "Relation Extraction and Entity Linking for Chemistry Patents",
                                     "该论文属于专利文献信息抽取任务，并研究化学命名实体识别任务。")])
    labels = {lk["label"] for lk in links if lk["type"] == "Task"}
    assert "relation extraction" in labels and "专利文献信息抽取" in labels


def test_a_bare_head_word_is_a_task_only_when_the_vocabulary_has_it(tmp_path):
    links = _build_links(tmp_path, [("2601.00051v1", "Fair Triage Models", "该论文属于分诊偏见检测与缓解任务，旨在减少群体差异。")])
    labels = {lk["label"] for lk in links if lk["type"] == "Task"}
    assert labels and "缓解" not in labels


@pytest.mark.parametrize("title,summary,kept", [
    # a narrower task only a weak cue of the summary names leaves the title's task alone
    ("Training-Free Speaker Verification with Optimal Transport",
     "The method needs no training and works well, particularly for cross-device speaker verification.", "speaker verification"),
    ("无训练的说话人验证", "该方法无需训练，旨在完成跨设备说话人验证。", "speaker verification"),
])
def test_a_weak_summary_task_does_not_replace_the_title_task(tmp_path, title, summary, kept):
    links = _build_links(tmp_path, [("2601.00061v1", title, summary)])
    assert kept in {lk["label"] for lk in links if lk["type"] == "Task"}


# ------------------------------------------------------------------ Chinese names given with an English gloss


@pytest.mark.parametrize("text,expected", [
    # (label, gloss, acronym, context): the gloss of several words is the name's English name
    ("该论文属于冰川崩解预测（glacier calving prediction）任务，旨在提前预警。", [("冰川崩解预测", "glacier calving prediction", None, False)]),
    ("该论文属于地磁导航（geomagnetic navigation，GMN）任务。", [("地磁导航", "geomagnetic navigation", "GMN", False)]),
    # a model kind opening the name is no part of it; the gloss still names the task
    ("该论文属于大语言模型谣言溯源（rumor source tracing）任务。", [("谣言溯源", "rumor source tracing", None, False)]),
    # the task the stated one is set in ("A中的B任务"), with its own gloss or acronym; a field is no such task
    ("该论文属于蛋白质折叠（protein folding）中的接触图预测任务，旨在提速。",
     [("蛋白质折叠", "protein folding", None, True), ("接触图预测", None, None, False)]),
    ("该论文属于药物分子生成（DMG）下的性质预测任务。", [("药物分子生成", None, "DMG", True), ("性质预测", None, None, False)]),
    ("该论文属于具身智能中的指令消歧任务。", [("指令消歧", None, None, False)]),
    # coordinated names, each with its acronym or gloss
    ("该论文属于零样本分割（ZSS）与开放词汇检测（OVD）任务。", [("零样本分割", None, "ZSS", False), ("开放词汇检测", None, "OVD", False)]),
    ("该论文属于车道检测（lane detection）与可行驶区域分割任务。",
     [("车道检测", "lane detection", None, False), ("可行驶区域分割", None, None, False)]),
    # a bare head after 的 is the study of the task before it
    ("论文针对冰川崩解预测（glacier calving prediction）的评估问题，提出新协议。", [("冰川崩解预测", "glacier calving prediction", None, False)]),
])
def test_chinese_names_with_english_glosses(text, expected):
    assert [(t.label, t.gloss, t.acronym, t.context) for t in find_open_tasks(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a model kind and a bare head: the kind is what the task is about, the name stays whole
    ("该论文属于大语言模型对齐任务。", ["大语言模型对齐"]),
    # one part ending with a task head and short parts: two names (when no acronym names the whole)
    ("该论文属于算法治理与平台问责任务，旨在", ["算法治理", "平台问责"]),
    ("该论文属于多无人机任务与路径规划（MUTP）任务。", ["多无人机任务与路径规划"]),
    ("该论文属于病历摘要生成与校对任务。", ["病历摘要生成与校对"]),  # a bare verb is no part of its own
])
def test_chinese_subjects_and_coordination(text, expected):
    assert [t.label for t in find_open_tasks(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a problem stated inside a task: the task, a weak cue (kept only when the paper states no other)
    ("该论文针对点云配准中初始位姿误差大的问题，提出新方法。", [("点云配准", True)]),
    ("论文针对联邦学习中的客户端掉线问题，提出补偿机制。", [("联邦学习", True)]),
    ("该论文针对桥梁巡检中的人力不足问题，提出无人机方案。", []),  # no task head: no task
    # another Chinese name in brackets is the name's other label, no part of it
    ("该论文属于视觉里程计（视觉定位）任务，旨在", [("视觉里程计", False)]),
])
def test_chinese_weak_problem_frames_and_other_names(text, expected):
    assert [(t.label, t.fallback) for t in find_open_tasks(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # 研究 opening 研究生/研究者 is no frame's left; a kind of study (观点性研究) is no task
    ("模型在本科级和研究生级任务上都优于基线。", []),
    ("研究者关注珊瑚礁分割任务。", ["珊瑚礁分割"]),
    ("该论文属于数字治理的观点性研究，讨论平台责任。", []),
])
def test_chinese_frames_that_state_no_task(text, expected):
    assert [t.label for t in find_open_tasks(text)] == expected


def test_an_x_driven_chinese_task_does_not_take_the_frame_word(tmp_path):
    # "属于音频驱动的X任务": the X-driven task starts at 音频, not at the frame's 属于
    tasks = _build(tmp_path, [("2601.00011v1", "Listening Glasses", "该论文属于音频驱动的图像采集任务，旨在降低能耗。")])
    assert ("2601.00011", "音频驱动的图像采集") in tasks
    assert not any("属于" in label for _p, label in tasks)


def test_a_glossed_chinese_task_is_named_in_english_with_its_chinese_name(tmp_path):
    links = [lk for lk in _build_links(tmp_path, [
        ("2601.00041v1", "Early Warning for Ice Shelves", "该论文属于冰川崩解预测（glacier calving prediction）任务，旨在提前预警。"),
        ("2601.00042v1", "Revisiting Differentially Private Text Rewriting",
         "论文针对差分隐私文本改写（DP text rewriting）的评估问题，指出以往工作忽视了数据规模。"),
        ("2601.00043v1", "Seeing Fakes", "该论文属于AI生成图像检测（AI-generated image detection）任务，旨在区分AI生成图像。"),
    ]) if lk["type"] == "Task"]
    by = {}
    for lk in links:
        by.setdefault(lk["paper"], []).append((lk["label"], lk["alt_labels"]))
    assert by["2601.00041"] == [("glacier calving prediction", ["冰川崩解预测"])]
    # the gloss and the title's full name: one task, the title's name with the others as labels
    assert by["2601.00042"] == [("differentially private text rewriting", ["DP text rewriting", "差分隐私文本改写"])]
    # a vocabulary task written inside the stated Chinese name (生成图像) is no task of the paper
    assert [lab for lab, _ in by["2601.00043"]] == ["AI-generated image detection"]


@pytest.mark.parametrize("summary,name,acronym", [
    # one task with both names, not a second task named by the acronym
    ("该论文属于医学视频问答（MVQA）任务，旨在辅助诊断。提出MedBot，MVQA准确率提升。", "医学视频问答", "MVQA"),
    ("该论文属于医学语音识别（MSR）任务，旨在辅助诊断。提出MedASR，MSR错误率下降。", "医学语音识别", "MSR"),
    ("该论文属于桥梁裂缝计数（BCC）任务，旨在减少人工巡检。提出CrackNet，BCC误差降低。", "桥梁裂缝计数", "BCC"),
])
def test_an_acronym_of_a_stated_chinese_task_is_that_task(tmp_path, summary, name, acronym):
    links = [lk for lk in _build_links(tmp_path, [("2601.00051v1", "A Study", summary)]) if lk["type"] == "Task"]
    assert len(links) == 1 and {name, acronym} <= {links[0]["label"], *links[0]["alt_labels"]}, links


@pytest.mark.parametrize("summary,task", [
    # a Chinese frame stating a name the vocabulary has as a method: the paper's task, named as the method is
    ("该论文属于检索增强生成（RAG）任务，旨在减少幻觉。", "retrieval-augmented generation"),
    ("该论文属于农业知识图谱中的检索增强生成任务，旨在回答农户问题。", "retrieval-augmented generation"),
    # with an English gloss: the gloss names it, even when its Chinese head is a method's name
    ("该论文属于单样本模仿学习（one-shot imitation learning）任务，旨在减少示范。", "one-shot imitation learning"),
])
def test_a_chinese_frame_makes_a_method_name_the_task(tmp_path, summary, task):
    links = _build_links(tmp_path, [("2601.00061v1", "A Study", summary)])
    assert task in {lk["label"] for lk in links if lk["type"] == "Task"}


def test_the_task_a_stated_chinese_task_is_set_in_is_kept_whole(tmp_path):
    tasks = _build(tmp_path, [("2601.00071v1", "A Study", "该论文属于端到端机器翻译中的术语约束任务，旨在提升译文一致性。"),
                              ("2601.00072v1", "A Study", "该论文属于端到端自动驾驶中的轨迹排序任务，旨在提升安全性。")])
    # (端到端 is no modifier the vocabulary knows: the stated name stays whole beside the vocabulary's task)
    assert {("2601.00071", "端到端机器翻译"), ("2601.00071", "术语约束")} <= tasks
    # ... and a name the vocabulary has is its concept (端到端自动驾驶, end-to-end autonomous driving)
    assert {("2601.00072", "end-to-end autonomous driving"), ("2601.00072", "轨迹排序")} <= tasks


@pytest.mark.parametrize("title,summary,kept,dropped", [
    # a paper that states no other task has its title's topic as its task
    ("Auditing Fishery Quota Systems under Drift", "We look at how quota systems change over ten years of records.",
     "fishery quota auditing", None),
    # ... which is a fallback: beside a task the paper states, it is dropped
    ("Auditing Fishery Quota Systems under Drift", "We address speaker verification on VoxCeleb.",
     "speaker verification", "fishery quota auditing"),
    ("检测伪造发票：一种轻量模型", "该论文属于发票伪造检测任务，旨在减少人工审核。", "发票伪造检测", None),
])
def test_a_title_topic_is_the_task_only_when_the_paper_states_no_other(tmp_path, title, summary, kept, dropped):
    labels = {lk["label"] for lk in _build_links(tmp_path, [("2601.00071v1", title, summary)]) if lk["type"] == "Task"}
    assert kept in labels
    assert dropped is None or dropped not in labels


@pytest.mark.parametrize("title,expected,dropped", [
    # a task-forming qualifier before a known task: a narrower task, which replaces the known one
    ("Relation Encoders for Few-Shot Knowledge Graph Completion", "few-shot knowledge graph completion", "knowledge graph completion"),
    ("Chunked Decoding for Streaming Speech Recognition", "streaming speech recognition", "automatic speech recognition"),
    # a quality before it makes no new task
    ("Relation Encoders for Robust Knowledge Graph Completion", "knowledge graph completion", "robust knowledge graph completion"),
])
def test_a_task_forming_qualifier_names_a_narrower_task(tmp_path, title, expected, dropped):
    labels = {lk["label"] for lk in _build_links(tmp_path, [("2601.00081v1", title, "We report results on two benchmarks.")])
              if lk["type"] == "Task"}
    assert expected in labels and dropped not in labels, labels


def test_a_title_topic_keeps_its_written_form_as_an_alternative_label(tmp_path):
    links = _build_links(tmp_path, [("2601.00091v1", "Auditing Fishery Quota Systems under Drift",
                                     "We look at how quota systems change over ten years of records.")])
    task, = [lk for lk in links if lk["type"] == "Task"]
    assert task["label"] == "fishery quota auditing"
    assert "Auditing Fishery Quota Systems" in task["alt_labels"]


@pytest.mark.parametrize("text,title,expected", [
    # 讨论/探讨X问题: a discussed problem, a weak cue (X ends with a task head word)
    ("这是一篇立场论文，讨论语音语料库的口音覆盖评估问题。", False, [("口音覆盖评估", True)]),
    ("研究对比了视觉编码与文本编码，发现前者更慢。", False, []),          # 研究对比了: a verb, no topic
    ("本文探讨了视觉模型的持续学习问题，并给出建议。", False, [("持续学习", True)]),
    ("本文探讨了城市治理中的公平问题。", False, []),                          # no task head: no task
    # 面向X问题: the problem a paper is set for
    ("面向仓储机器人中的货架检测问题，本文提出轻量模型。", False, [("货架检测", True)]),
    # a survey's topic: 关于X的综述, 综述X任务
    ("这是一篇关于遥感图像分割的综述。", False, [("遥感图像分割", False)]),
    ("该论文综述了医学影像中的病灶检测任务，", False, [("病灶检测", False)]),
    # a sentence that opens with 面向X， or 研究X。: only at a sentence's start, X ending with a task head
    ("面向农作物病害识别，本文构建数据集。", False, [("农作物病害识别", True)]),
    ("研究基于雷达的手势识别。作者提出", False, [("手势识别", True)]),
    ("本文提出新方法。面向桥梁裂缝检测，作者设计网络。", False, [("桥梁裂缝检测", True)]),
    ("作者提出一种面向桥梁裂缝检测，且轻量的网络。", False, []),              # 面向 inside a sentence
    ("面向城市交通，本文提出调度方法。", False, []),                          # no task head
    # English: a paper, survey or review that covers or discusses its task; an opening task with a hedge or modal
    ("This survey covers the music transcription methods of the last decade.", False, [("music transcription", True)]),
    ("This position paper discusses bias detection in hiring tools.", False, [("bias detection", True)]),
    # (an abstract's opening subject is a stated task, as strong a cue as "we address X": no fallback)
    ("Crop disease classification often depends on costly labels.", False, [("Crop disease classification", False)]),
    ("Crop disease classification must cope with field images.", False, [("Crop disease classification", False)]),
    ("This survey covers the history of radio astronomy.", False, []),       # no task head
])
def test_discussed_problems_survey_topics_and_sentence_opening_topics(text, title, expected):
    assert [(t.label, t.fallback) for t in find_open_tasks(text, title)] == expected


@pytest.mark.parametrize("text,title,expected", [
    # modeling and adaptation end task names, in English as 建模 and 适应 do in Chinese
    ("A Neural Approach to Tyre Friction Modeling in Racing Cars", True, ["Tyre Friction Modeling"]),
    ("Few Labels Suffice for Accent Adaptation of Speech Recognisers", True, ["Accent Adaptation"]),
    ("研究城市交通流建模。作者提出", False, ["城市交通流建模"]),
    ("面向口音适应，本文提出数据增强方法。", False, ["口音适应"]),
])
def test_modeling_and_adaptation_end_task_names(text, title, expected):
    assert [t.label for t in find_open_tasks(text, title)] == expected


@pytest.mark.parametrize("text,title,expected", [
    # head nouns added to open-task-heads.txt: each ends a task name a frame states
    ("We study the task of stereo rig debugging in the field.", False, ["stereo rig debugging"]),
    ("We study the task of medical abbreviation disambiguation in notes.", False, ["medical abbreviation disambiguation"]),
    ("We study the task of forum post detoxification with small models.", False, ["forum post detoxification"]),
    ("We study the task of geometry theorem autoformalization.", False, ["geometry theorem autoformalization"]),
    ("We study the task of router fault troubleshooting at scale.", False, ["router fault troubleshooting"]),
    ("We study the task of lecture note tutoring for novices.", False, ["lecture note tutoring"]),
    ("Bird Song Monitoring for Wetland Surveys", True, ["Bird Song Monitoring"]),
    ("Argumentative Essay Writing for Second-Language Learners", True, ["Argumentative Essay Writing"]),
])
def test_added_task_heads(text, title, expected):
    assert [t.label for t in find_open_tasks(text, title)] == expected


@pytest.mark.parametrize("title, expected", [
    ("Multi-Stage Camera Selection for Reef Monitoring", "Camera Selection"),
    ("A Toolkit for Web-based 3D Visualization of Reef Scans", "3D Visualization"),
])
def test_more_task_heads_in_titles(title, expected):
    from kg.extract.open_tasks import find_open_tasks
    got = [t.label for t in find_open_tasks(title, title=True)]
    assert any(expected.lower() in g.lower() or g.lower() in expected.lower() for g in got), got


def test_a_vocabulary_task_a_chinese_frame_states_is_the_papers_task(tmp_path):
    # an imported task named only in a summary is secondary beside the title's task, unless a frame
    # states it: 该论文属于X任务 states it as plainly as "we address X"
    tasks = _task_labels(tmp_path, [("2601.00081v1", "Skill Libraries for Robot Manipulation",
                                     "该论文属于移动操作任务，旨在让机器人在家庭中取放物品。")])
    assert "mobile manipulation" in tasks, tasks


@pytest.mark.parametrize("summary,acronym,long_form", [
    # the long form of an acronym a frame gives starts after the frame's words (no 该论文属于 in a label)
    ("该论文属于桥梁裂缝分割（BCS）任务，旨在减少人工巡检。BCS精度提升。", "BCS", "桥梁裂缝分割"),
    ("本文面向港口集装箱计数（PCCT）任务，提出CountNet，PCCT误差降低。", "PCCT", "港口集装箱计数"),
])
def test_a_chinese_long_form_starts_after_the_frame(tmp_path, summary, acronym, long_form):
    links = _build_links(tmp_path, [("2601.00082v1", "A Study", summary)])
    labels = [lab for lk in links for lab in (lk["label"], *lk["alt_labels"])]
    assert not any(lab.startswith(("该论文", "本文")) for lab in labels), labels
    assert any(lk["type"] == "Task" and {acronym, long_form} <= {lk["label"], *lk["alt_labels"]} for lk in links), links


@pytest.mark.parametrize("summary,kept,dropped", [
    # before a bare 的, a task the vocabulary names is the task the stated one is set in
    ("该论文属于灵巧操作的触觉策略学习任务，旨在提升接触密集任务的成功率。", {"dexterous manipulation", "触觉策略学习"}, set()),
    # ... and other words are the stated task's modifier, no task of their own
    ("该论文属于音频感知的视频目标分割任务，旨在处理带噪语音查询。", set(), {"音频感知"}),
])
def test_the_known_task_before_a_bare_de(tmp_path, summary, kept, dropped):
    tasks = _task_labels(tmp_path, [("2601.00083v1", "A Study", summary)])
    assert kept <= tasks and not dropped & tasks, tasks


@pytest.mark.parametrize("title,expected", [
    # a modifier written once before coordinated heads qualifies each of them, also when the first
    # task is one of the imported vocabulary (its modifier a word two task labels share)
    ("Lesion Detection, Localization, and Grading in Retinal Images", {"lesion detection", "lesion localization"}),
    ("Contact Detection, Localization and Force Estimation for Soft Grippers",
     {"contact detection", "contact localization", "force estimation"}),
])
def test_a_shared_modifier_of_an_imported_task(tmp_path, title, expected):
    tasks = _task_labels(tmp_path, [("2601.00084v1", title, "We report experiments on hospital and lab data.")])
    assert expected <= tasks, tasks


@pytest.mark.parametrize("title,expected", [
    # a quality word before "network" is part of the thing's name, not a quality to cut
    ("A Compiler for Neural Network Inference on Microcontrollers", "neural network inference"),
    ("Scheduling Deep Network Training across Spot Instances", "deep network training scheduling"),
])
def test_a_quality_before_network_stays(tmp_path, title, expected):
    tasks = _task_labels(tmp_path, [("2601.00085v1", title, "We report measurements on small boards.")])
    assert expected in tasks, tasks


def test_a_chinese_task_is_no_english_task_of_another_head(tmp_path):
    # consolidation's bilingual vote pairs a paper's one new Chinese task with its one English task,
    # unless the Chinese head translates to another English head (建模 is modeling, not generation)
    tasks = _task_labels(tmp_path, [("2601.00086v1", "Sparse Feedback for Code Generation",
                                     "该论文属于奖励建模任务，旨在降低人工标注成本。")])
    assert "奖励建模" in tasks, tasks


@pytest.mark.parametrize("title,summary,expected,not_expected", [
    # a new title task with a loose head (grading, scoring, assessment) beside the vocabulary's task
    # sharing a content word is that task named loosely
    ("Rubric Prompts for Essay Grading", "该论文属于自动作文评分任务，旨在减轻教师负担。", {"automated essay scoring"},
     {"essay grading"}),
    # a manner word (gentle, smooth) is a quality, no narrower task
    ("Learning Gentle Quadruped Locomotion on Ice", "We train policies in simulation.", {"quadrupedal locomotion"},
     {"gentle quadruped locomotion"}),
])
def test_loose_heads_and_manner_qualities(tmp_path, title, summary, expected, not_expected):
    tasks = _task_labels(tmp_path, [("2601.00087v1", title, summary)])
    assert expected <= tasks and not not_expected & tasks, tasks
