"""Mentions -> entities on small synthetic papers with the bundled vocabulary: abbreviations
defined in the text decide what an acronym names, a qualified long form is its own thing, and a
name is not cut into another name."""
from __future__ import annotations

import pytest

from kg.extract import build_nlp, extract
from kg.ingest import ingest
from kg.link import Linker


@pytest.fixture(scope="module")
def links_of(tmp_path_factory):
    """(type, label, novel) of the links of one paper given its title and summary."""
    nlp = build_nlp()
    vocab = nlp.get_pipe("kg_vocab_matcher").vocabulary
    d = tmp_path_factory.mktemp("resolution")
    n = [0]

    def run(title: str, summary: str) -> set[tuple[str, str, bool]]:
        n[0] += 1
        f = d / f"p{n[0]}.md"
        f.write_text(f"|Source|Title|Summary|\n|---|---|---|\n|2602.{n[0]:05d}v1|{title}|{summary}|\n", encoding="utf-8")
        linker = Linker(vocab)
        out = set()
        for paper, mentions in extract(ingest([f]), nlp):
            for lk in linker.link(paper, mentions):
                out.add((lk.type, linker.entities[lk.entity].label, lk.novel))
        return out

    return run


def labels(links, type_):
    return {label for t, label, _ in links if t == type_}


def test_acronym_defined_in_the_text_is_not_the_vocabulary_one(links_of):
    got = links_of("Generalized Fake Audio Detection",
                   "伪造音频检测（Fake Audio Detection，FAD）的泛化能力至关重要，而传统FAD方法只关注已知伪造。")
    assert "Frechet Audio Distance" not in labels(got, "Metric")
    assert "audio deepfake detection" in labels(got, "Task")


def test_a_chinese_gloss_does_not_redefine_a_metric(links_of):
    got = links_of("Prosody Control for TTS", "实验验证该方法在发音准确度（WER）上达到SOTA。")
    assert "word error rate" in labels(got, "Metric")


def test_abbreviation_after_a_known_chinese_name_names_that_concept(links_of):
    got = links_of("Learning Genuine Audio", "利用掩码自编码器（Mask AutoEncoder，MAE）架构建模真实音频特征。")
    methods = labels(got, "Method")
    assert "masked autoencoder" in methods
    assert "MAE" not in methods and "autoencoder" not in methods


def test_known_head_of_a_longer_long_form_is_not_a_mention(links_of):
    got = links_of("Dance Generation", "基于舞蹈动作VQ-VAE（Vector Quantised Variational AutoEncoder）生成舞蹈。")
    methods = labels(got, "Method")
    assert "VQ-VAE" in methods and "variational autoencoder" not in methods


def test_known_technique_in_a_setting_named_by_a_long_form_is_used(links_of):
    got = links_of("Compact Coral Segmenters", "ReefKD is a semi-supervised knowledge distillation (SSKD) framework "
                   "that turns large teachers into small students. A federated continual learning (FCL) variant is given.")
    methods = labels(got, "Method")
    assert {"knowledge distillation", "continual learning"} <= methods


def test_proposed_abbreviation_typed_by_the_head_after_the_parenthesis(links_of):
    got = links_of("Neural Scoring for Speaker Verification",
                   "提出大规模试验端到端训练（large-scale trial e2e training，LtE2E）策略。")
    assert ("Method", "LtE2E", True) in got


def test_a_name_is_not_cut_at_a_hyphen(links_of):
    got = links_of("Cross-Attention for Cross-Lingual Speech Emotion Recognition",
                   "In this study, we propose a novel approach HuMP-CAT, which combines HuBERT and MFCC. "
                   "These features are fused using a cross-attention transformer (CAT) mechanism.")
    assert ("Method", "HuMP-CAT", True) in got


def test_checkpoints_and_described_uses_of_a_known_model_are_that_model(links_of):
    got = links_of("Film Music Generation", "增强文本到音乐的自回归模型（如MusicGen-Medium），并微调CLIP-vit-large和BERT-base-uncased。"
                   "利用Motion VQ-VAE生成姿态编码。")
    methods = labels(got, "Method")
    assert {"MusicGen", "CLIP", "BERT", "VQ-VAE"} <= methods
    assert not any(m.startswith(("MusicGen-", "CLIP-", "BERT-", "Motion")) for m in methods), methods


def test_quantities_are_not_names(links_of):
    got = links_of("MusicBench", "发布MusicBench数据集，包含超过52K个样本，并使用7B参数的模型。")
    assert not {"52K", "7B"} & (labels(got, "Method") | labels(got, "Dataset"))


def test_title_name_with_a_capital_prefix(links_of):
    got = links_of("E-chat: Emotion-sensitive Spoken Dialogue System with Large Language Models", "")
    assert ("Method", "E-chat", True) in got


def test_an_abbreviation_defined_as_a_task_is_a_task(links_of):
    got = links_of("Speaking Style Retrieval", "该研究提出情感语音检索任务（ESSR）及专用模型。定义情感说话风格检索（ESSR）任务。")
    assert ("Task", "ESSR", False) in got
    assert "ESSR" not in labels(got, "Method")


def test_a_result_in_parentheses_is_not_an_abbreviation(links_of):
    got = links_of("Emotion Prediction Challenge", "情感预测任务（CCC 0.6941）取得第二名成绩。")
    assert not any("0.6941" in label for _, label, _ in got)


def test_dataset_names_with_a_year_and_dataset_spellings(links_of):
    got = links_of("Phonetic-aware Speaker Embedding", "在VOiCES Challenge 2019评测集和VoxCeleb1测试集上评估。")
    # (the year before Chinese text names an edition, as in English: narrower than VOiCES)
    assert {"VOiCES Challenge 2019", "VoxCeleb1"} <= labels(got, "Dataset")
    # the English word in a title is not the corpus
    got = links_of("Audiobook Generation with Faces and Voices of Multiple Speakers", "")
    assert "VOiCES" not in labels(got, "Dataset")
    # a model is often spelt in title case
    assert "HuBERT" in labels(links_of("Hubert Features for Emotion", "我们使用Hubert提取特征。"), "Method")


def test_names_right_after_a_head_noun(links_of):
    got = links_of("Multimodal Emotion Analysis", "使用有标注数据微调视频与文本特征提取器CLIP-vit-large和Baichuan-13B。")
    assert {"CLIP", "Baichuan-13B"} <= labels(got, "Method")
    got = links_of("Cello Motion Generation", "构建标准化数据集SPD-GEN，基于MoCap数据集SPD进行整合与归一化处理。")
    assert ("Dataset", "SPD-GEN", True) in got and ("Dataset", "SPD", False) in got


def test_plain_capitalised_name_introduced_with_an_appositive(links_of):
    got = links_of("Scaling up masked audio encoder learning",
                   "We introduce Dasheng, a simple SSL audio encoder, based on the masked autoencoder framework. "
                   "Recently, a new model was released.")
    assert ("Method", "Dasheng", True) in got
    assert "Recently" not in labels(got, "Method")


def test_names_in_a_parenthesis_after_a_head_noun(links_of):
    got = links_of("TTS-1 Technical Report", "发布两个Transformer-based TTS模型（TTS-1和TTS-1-Max），分别针对高质量需求。")
    assert {("Method", "TTS-1", True), ("Method", "TTS-1-Max", True)} <= got
    # the long form of a known concept's abbreviation is no new name
    got = links_of("Genuine Audio", "利用掩码自编码器（Mask AutoEncoder，MAE）架构建模。")
    assert "MAE" not in labels(got, "Method") and "Mask AutoEncoder" not in labels(got, "Method")


def test_names_of_tasks_and_abbreviated_tasks(links_of):
    got = links_of("Mamba-based Audio Foundation Models", "首次探索MAFMs用于NVER：提出基于Mamba的RENO融合框架。"
                   "本研究将MAFMs应用于非言语语音情感识别（NVER）。其方案在NVER任务中达到SOTA。")
    assert "non-verbal emotion recognition" in labels(got, "Task")
    assert "NVER" not in labels(got, "Method") | labels(got, "Task")  # the acronym is the known task
    got = links_of("Speech Captioning Data", "涵盖风格、语调、情感等CapTTS相关任务。")
    assert "CapTTS" in labels(got, "Task") and "CapTTS" not in labels(got, "Method")
    # an abbreviation followed by a method head is a method even when its long form ends with a task
    got = links_of("Phonetic-aware Speaker Embedding",
                   "提出joint-training speech recognition and speaker recognition（JTSS）框架。")
    assert ("Method", "JTSS", True) in got


def test_novelty_of_known_generic_techniques_and_introduced_abbreviations(links_of):
    got = links_of("Emotion and Intent Recognition", "提出半监督学习方法，并提出加权交叉熵损失（WCE）。")
    assert ("Method", "semi-supervised learning", False) in got
    assert ("Method", "weighted cross-entropy", False) in got
    got = links_of("Cello Performance Motion", "引入手-乐器接触损失（HICL）和弓-弦接触损失（BICL）。")
    assert {("Method", "HICL", True), ("Method", "BICL", True)} <= got


def test_english_name_cues(links_of):
    got = links_of("Multimodal Emotion Recognition in Dialogue",
                   "A novel approach named GraphSmile is proposed for tracking emotional cues. "
                   "To enhance performance, an AAC method, EnCLAP, employed discrete tokens. "
                   "The experiments were performed over the Androids Corpus, a publicly available dataset.")
    assert ("Method", "GraphSmile", True) in got and ("Method", "EnCLAP", False) in got
    assert ("Dataset", "Androids Corpus", False) in got


def test_compound_acronym_and_a_longer_chinese_term_before_the_parenthesis(links_of):
    got = links_of("Singing Voice Conversion",
                   "We design a Singing Voice Conversion framework based on Diverse Semantic-based Feature Fusion (DSFF-SVC).")
    assert ("Method", "DSFF-SVC", True) in got
    got = links_of("Spoken Dialogue", "本文提出副语言增强的生成式预训练Transformer（Paralinguistics-enhanced Generative "
                   "Pretrained Transformer，ParalinGPT），同时利用文本与语音模态。实验以Switchboard-1语料作为数据。")
    assert ("Method", "ParalinGPT", True) in got and "Switchboard-1" in labels(got, "Dataset")


def test_dataset_edition_list_heads_and_quantities(links_of):
    got = links_of("Speech Enhancement with State Space Models",
                   "Experimental results on the DNS Challenge 2021 dataset demonstrate that it is 8x faster. "
                   "It comprises two key components, i.e., GSF and SDP modules.")
    assert "DNS Challenge 2021" in labels(got, "Dataset") and "DNS Challenge" not in labels(got, "Dataset")
    assert {"GSF", "SDP"} <= labels(got, "Method") and "8x" not in labels(got, "Method")


def test_dataset_edition_is_narrower_than_the_known_dataset(tmp_path):
    from kg.build import build
    f = tmp_path / "d.md"
    f.write_text("|Source|Title|Summary|\n|---|---|---|\n|2603.00001v1|Enhancement|We evaluate on the DNS Challenge 2021 "
                 "dataset.|\n", encoding="utf-8")
    build([f], tmp_path / "out", progress=False, views=False)
    nt = (tmp_path / "out" / "graph.nt").read_text(encoding="utf-8")
    edition = "<https://w3id.org/kg-digest/id/dataset/dnschallenge2021>"
    assert f"{edition} <http://www.w3.org/2004/02/skos/core#broader> <https://w3id.org/kg-digest/id/dataset/" in nt


def test_title_names_after_dashes_and_title_case_names_in_headings(links_of):
    got = links_of("ABHINAYA -- A System for Speech Emotion Recognition In Naturalistic Conditions Challenge", "")
    assert ("Method", "ABHINAYA", True) in got
    got = links_of("Cross-Speaker Emotion Transfer", "2. 引入Cluster-Driven Sampling：通过情感聚类驱动的采样策略。"
                   "利用BiLSTM-Based编码器。")
    assert ("Method", "Cluster-Driven Sampling", True) in got and "BiLSTM" in labels(got, "Method")


def test_a_pair_with_a_known_name_before_a_head_noun(links_of):
    got = links_of("Semi-supervised Emotion and Intent Recognition", "系统比较了Fix-Match与Full-Match方法的效果。")
    assert "Full-Match" in labels(got, "Method")
    # two names without a head noun say nothing about each other
    got = links_of("Emotion Recognition", "我们使用HuBERT与Fooformer。")
    assert "Fooformer" not in labels(got, "Method") | labels(got, "Dataset")


def test_evaluated_on_a_known_and_a_new_dataset_and_plural_acronyms(links_of):
    got = links_of("Depression Detection from Speech", "HAREN-CTC在DAIC-WOZ和MODMA上分别取得0.81和0.82的macro F1。")
    assert {"DAIC-WOZ", "MODMA"} <= labels(got, "Dataset")
    got = links_of("Benchmark of Spoken Dialogue Models", "口语对话模型（Spoken Dialogue Models，SDMs）发展迅速。"
                   "本文提出首个面向多轮交互对话的SDM基准。")
    assert "SDM" not in labels(got, "Dataset") and "spoken dialogue system" in labels(got, "Task")


def test_tasks_named_as_systems_related_fields_and_negated_modifiers(links_of):
    got = links_of("Towards Scalable AASIST: Refining Graph Attention for Speech Deepfake Detection",
                   "语音转换与文本到语音合成技术的进步，使说话人验证系统更容易受到欺骗攻击。")
    assert "text-to-speech" not in labels(got, "Task") and "voice conversion" not in labels(got, "Task")
    assert "AASIST" in labels(got, "Method") and not any(m.startswith("Towards") for m in labels(got, "Method"))
    got = links_of("MACE-Dance: Music-Driven Dance Video Generation",
                   "Despite progress in related domains such as pose-driven image animation and audio-driven "
                   "talking-head synthesis, music-driven dance generation remains hard.")
    assert "talking head generation" not in labels(got, "Task")
    got = links_of("EmoFormer: A Text-Independent Speech Emotion Recognition using Hybrid Transformer-CNN model", "")
    assert "speech emotion recognition" in labels(got, "Task") and "text emotion recognition" not in labels(got, "Task")
    got = links_of("Noise-aware Speech Enhancement using Diffusion Probabilistic Model",
                   "We propose noise-aware speech enhancement (NASE), a diffusion-based method.")
    assert "speech enhancement" in labels(got, "Task") and "NASE" not in labels(got, "Task")


def test_a_name_then_modifiers_then_its_head(links_of):
    got = links_of("Chain-Talker", "开发LLM驱动的CSS-EmCap情感生成管道，实现情感映射。3. 创新FuEncoder融合机制：引入自适应强度门。"
                   "使用HuBERT作为编码器。")
    assert {("Method", "CSS-EmCap", True), ("Method", "FuEncoder", True)} <= got
    assert ("Method", "HuBERT", False) in got


def test_single_word_title_name_and_a_system_described_before_its_name(links_of):
    got = links_of("Mustango: Toward Controllable Text-to-Music Generation",
                   "提出受音乐领域知识启发、基于扩散模型的文本到音乐生成系统Mustango。")
    assert ("Method", "Mustango", True) in got
    got = links_of("Towards: A Study", "")
    assert not labels(got, "Method")


def test_title_case_english_terms_in_chinese_text_before_a_method_head(links_of):
    got = links_of("Multimodal Emotion Recognition", "提出LSGMER模型。2. **标签信号增强模块**：Label Signal Enhancement模块通过标签嵌入"
                   "与音频交互。3. **定制音频编码器**：Custom Audio Encoder利用对比学习。在Speech Emotion Recognition任务上评估。")
    methods = labels(got, "Method")
    assert {"Label Signal Enhancement", "Custom Audio Encoder"} <= methods
    assert "Speech Emotion Recognition" not in methods  # a known task, not a new name


def test_corpus_names_architecture_names_and_language_words(links_of):
    got = links_of("Depression Detection", "The experiments were performed over the Androids Corpus, a publicly available "
                   "dataset. We also report on the Chinese Secap test set and on the English test set.")
    assert labels(got, "Dataset") == {"Androids Corpus", "Secap"}
    got = links_of("Zero-Shot Voice Conversion", "By leveraging a Mask Generative Transformer for duration modeling "
                   "and a Large Language Model for text.")
    assert "Mask Generative Transformer" in labels(got, "Method")
    assert "Large Language Model" not in labels(got, "Method")  # the known concept, under its own label


@pytest.mark.parametrize("summary,present,absent", [
    # an edition year written right before Chinese text, and a challenge's task, are part of the edition
    ("实验在DNS Challenge 2021数据集上进行，速度提升8倍。", {"DNS Challenge 2021"}, {"DNS Challenge"}),
    ("我们在DCASE 2023 Task 4挑战赛数据上评测。", {"DCASE 2023 Task 4"}, {"DCASE 2023"}),
    ("We report results on the DCASE 2023 Task 4 data.", {"DCASE 2023 Task 4"}, {"DCASE 2023"}),
    # a capitalised Latin word a Chinese dataset head follows at once is a name; with words between, not
    ("该方法在Farmsuite和MetaWorld基准上优于基线。", {"Farmsuite"}, set()),
    ("模型在Icelandic语音语料库上训练。", set(), {"Icelandic"}),
    # ... a new name's too
    ("在域外数据集KQZ 2020和Tide-Q上评测。", {"KQZ 2020"}, {"KQZ"}),
    ("We evaluate on the KQZ 2020 and MUSDB18 datasets.", {"KQZ 2020"}, {"KQZ"}),
    # names each given a score, a list of what the paper is evaluated on; a challenge and a suite are datasets
    ("结果在QuizAR（71.2%）、LabBench-mini（64.0%）和SoundQ（80.5%）上均领先。", {"QuizAR", "LabBench-mini", "SoundQ"}, set()),
    ("系统在第二届TUNE挑战赛中排名第一，并在ZQ-Audio评测套件上测试。", {"ZQ-Audio"}, set()),
    # the name in brackets right after a head is the head's own; the organiser before it is not a dataset
    ("在第三届ORGX水下声学挑战赛（UWAC-3）中，系统排名第二。", {"UWAC-3"}, {"ORGX"}),
])
def test_dataset_editions_and_chinese_dataset_cues(links_of, summary, present, absent):
    got = labels(links_of("A Study", summary), "Dataset")
    assert present <= got and not (absent & got), got


@pytest.mark.parametrize("summary, methods, not_methods", [
    ("The agent is trained with Harbour Specialization Training (HST) and Virtual Tide Learning (VTL) in a simulator.",
     {"HST", "VTL"}, set()),
    ("模型使用Reef Cepstral Coefficients (RCC)特征，并与基线比较。", {"RCC"}, set()),
    ("训练中加入潮汐引导全变分（TGTV）约束，并与基线比较。", {"TGTV"}, set()),
    ("实验在港口研究站（HRS）完成。", set(), {"HRS"}),
    # a long form in lower case, or without a technique noun, names no method
    ("Frames are refined with the event-based tide integral (ETI) prior.", set(), {"ETI"}),
    ("They visit the Harbour Research Station (HRS) twice.", set(), {"HRS"}),
])
def test_an_abbreviated_technique_name_is_a_method(links_of, summary, methods, not_methods):
    got = {label for t, label, _ in links_of("A Study of Tides", summary) if t == "Method"}
    assert methods <= got and not (not_methods & got)


@pytest.mark.parametrize("summary, method, present", [
    ("We shrink the detector by structured pruning and post-training quantization.", "structured pruning", True),
    ("通过模型剪枝和训练后量化压缩检测器。", "pruning", True),
    ("A PID controller and a control barrier function keep the arm safe.", "control barrier function", True),
    # general words that say something else in Chinese are no method: 量化 "to quantify"
    ("本文量化每段语音中不同情感的权重分布。", "weight quantization", False),
    ("多个模型的特征经过模型融合后输入分类器。", "model merging", False),
])
def test_general_techniques_of_every_field(links_of, summary, method, present):
    got = {label for t, label, _ in links_of("A Study of Detectors", summary) if t == "Method"}
    assert (method in got) is present


@pytest.mark.parametrize("summary, word", [
    ("On HD and 4K benchmarks the codec encodes 20 times faster.", "HD"),
    ("本文针对RGB-T数据集规模小、标注昂贵的问题，提出新范式。", "RGB-T"),
    ("构建标准化数据集，基于MoCap数据集进行整合。", "MoCap"),
])
def test_resolutions_and_modalities_are_no_datasets(tmp_path, summary, word):
    # (words that are never datasets are dropped when the corpus is consolidated, in kg build)
    import json
    from kg.build import build
    f = tmp_path / "d.md"
    f.write_text(f"|Source|Title|Summary|\n|---|---|---|\n|2602.00001v1|A Study|{summary}|\n", encoding="utf-8")
    build([f], tmp_path / "out", progress=False, views=False, formats=("links",))
    got = [json.loads(line) for line in open(tmp_path / "out" / "links.jsonl", encoding="utf-8")]
    assert word not in {r["label"] for r in got if r["type"] == "Dataset"}


def test_data_and_properties_filed_as_tasks_are_no_tasks(links_of):
    # (ontology/rules/not-tasks.txt: an imported vocabulary lists them as tasks)
    got = links_of("Coral Reef Mapping", "We segment LiDAR point clouds and chest X-ray images with AI agents, "
                   "at a computational efficiency no earlier method reaches.")
    assert not labels(got, "Task") & {"point clouds", "x-ray", "AI agent", "computational efficiency"}


def test_plural_acronym_names_what_its_singular_names(links_of):
    got = links_of("Reef Forecasting", "Tidal coral models (TCMs) predict bleaching. We also evaluate several "
                   "open-source VLMs on reef images, against 3 GFLOPs of compute.")
    methods = labels(got, "Method")
    assert {"TCM", "vision-language model"} <= methods, methods
    assert not {"TCMs", "VLMs", "GFLOP"} & methods, methods


def test_a_chinese_long_form_redefines_a_dataset_acronym(links_of):
    # MLS is Multilingual LibriSpeech in the vocabulary; here it is a laser scanner
    got = links_of("ReefCloud: Point Clouds of Reefs", "点云来自车载移动激光扫描（MLS）系统和便携激光扫描（PLS）系统。")
    assert "Multilingual LibriSpeech" not in labels(got, "Dataset")
    got = links_of("Multilingual ASR", "模型在多语种语音数据集（MLS）上评测。")
    assert "Multilingual LibriSpeech" in labels(got, "Dataset")


def test_an_ordinal_is_no_name(links_of):
    got = links_of("The 9th Coral Reef Challenge", "This report describes the 5th edition of the track.")
    assert not {"9th", "5th"} & (labels(got, "Dataset") | labels(got, "Method"))


def test_the_kind_of_paper_a_title_opens_with_is_no_name(links_of):
    for title in ("Position: Reef Models Need Better Benchmarks", "SoK: Coral Reef Monitoring Pipelines"):
        got = links_of(title, "We argue that reef models need better benchmarks.")
        assert not {"Position", "SoK"} & (labels(got, "Dataset") | labels(got, "Method")), got


def test_a_checkpoint_size_alone_is_no_name(links_of):
    got = links_of("Scaling Reef Speech Models", "Runs span three TideSpeech variants (Small, Medium, Large-v2) and two sites.")
    assert not {"Small", "Medium", "Large-v2"} & labels(got, "Method"), got


@pytest.mark.parametrize("summary", [
    "We compare systems that combine speaker diarization with automatic speech recognition (ASR) on meeting recordings.",
    "本文研究会议录音中的说话人日志与自动语音识别。"])
def test_the_titles_imported_task_stays_beside_curated_tasks_of_the_summary(links_of, summary):
    # the title's task (imported vocabulary) narrower than the summary's automatic speech recognition
    # replaces it; the summary's other curated task stays beside it
    got = labels(links_of("Lessons from Distant Speech Recognition Benchmarks", summary), "Task")
    assert {"distant speech recognition", "speaker diarization"} <= got
    assert "automatic speech recognition" not in got


def test_an_imported_task_beside_a_curated_task_of_the_title_is_secondary(links_of):
    got = labels(links_of("Instruction Following in Text-to-Speech", "We study instruction following."), "Task")
    assert got == {"text-to-speech"}


@pytest.mark.parametrize("new, known, loose", [
    ("categorized emotion prediction", "speech emotion recognition", True),   # two heads of the recognition kind
    ("robust speaker identification", "speaker verification", False),          # verification is a task of its own
    ("voice adaptation", "voice cloning", False),
    ("semantic occupancy estimation", "occupancy prediction", True),
    ("personality simulation", "personality alignment", False),
    ("music emotion analysis", "music generation", False),                     # no shared word but the head's
    ("情感预测", "speech emotion recognition", False),                           # no English content word
])
def test_a_new_task_named_loosely_is_the_vocabulary_task(new, known, loose):
    from kg.link import Linker
    from kg.model import Entity, Mention
    ents = {"k": Entity("k", "Task", known, [], known=True)}
    groups = {"k": [Mention("Task", known, 0, 5, "summary", "v1", known, "vocabulary", 0.8, concept="k")]}
    assert Linker._loosely_named(new, ents, groups) is loose


@pytest.mark.parametrize("summary", [
    "This paper proposes Staged Multi-Branch Optimization (SMBO), which separates two roles of early layers.",
    "本文提出分阶段多分支优化（Staged Multi-Branch Optimization，SMBO）方法。"])
def test_a_titles_lead_phrase_the_summary_proposes_is_a_method_not_a_task(links_of, summary):
    # a weak title cue (the phrase before "for") does not type a name the summary proposes as a method
    got = links_of("Staged Multi-Branch Optimization for Efficient Reef Image Tuning", summary)
    assert ("Method", "SMBO", True) in got and "SMBO" not in labels(got, "Task")


def test_a_named_challenge_is_one_dataset(links_of):
    got = labels(links_of("Spoofing Detection Results",
                          "Systems are ranked on the ASVspoof 2019 Challenge data and the ReefMOS Challenge 2026 data."),
                 "Dataset")
    # the known dataset of a challenge is its data; a new challenge is named whole, not also by its first word
    assert got == {"ASVspoof 2019", "ReefMOS Challenge 2026"}


@pytest.mark.parametrize("summary, new", [
    ("Experiments on Argoverse 2, ReefDrive and a new real-world dataset show gains.", "ReefDrive"),
    ("In zero-shot action classification on Something-Something v2 and Harbor its features win.", "Harbor"),
    ("Results on ImageNet and 0.19 AP3D are reported.", None),
])
def test_a_name_listed_after_on_with_a_known_dataset_is_a_dataset(links_of, summary, new):
    got = labels(links_of("Results", summary), "Dataset")
    assert (new in got) if new else got == {"ImageNet"}


def test_a_numbered_version_of_a_known_benchmark_is_narrower(links_of):
    got = links_of("Results", "Models are evaluated on AlpacaEval 2, MT-Bench and Arena-Hard, and train on COCO 2 times faster.")
    # (AlpacaEval 2.0 is a concept of its own, written "AlpacaEval 2" here)
    assert {"AlpacaEval 2.0", "MT-Bench", "Arena-Hard"} <= labels(got, "Dataset")
    assert not any(x.startswith("COCO 2") for x in labels(got, "Dataset"))


def test_a_version_of_a_known_dataset_read_by_its_shape_is_that_dataset(links_of):
    got = links_of("Truthfulness", "The tuned 8B model reaches a 29.44 win rate on TruthfulQA 2.0 against 19.69.")
    assert [d for d in labels(got, "Dataset") if d.startswith("TruthfulQA")] == ["TruthfulQA"], got
