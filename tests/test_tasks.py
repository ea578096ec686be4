"""Task extraction on small synthetic texts, both languages, with the bundled vocabulary:
specialisation, tasks named in passing, acronyms defined as something else, verb phrases."""
from __future__ import annotations

import pytest

from kg.extract import build_nlp, extract
from kg.ingest import ingest
from kg.link import Linker, _spells

T = "https://w3id.org/kg-digest/id/task/"


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


@pytest.fixture(scope="module")
def tasks_of(nlp, tmp_path_factory):
    """Task concepts (local names) linked for one paper given its title and summary."""
    vocab = nlp.get_pipe("kg_vocab_matcher").vocabulary
    d = tmp_path_factory.mktemp("tasks")
    n = [0]

    def run(title: str, summary: str = "") -> set[str]:
        n[0] += 1
        f = d / f"p{n[0]}.md"
        f.write_text("|Source|Title|Summary|\n|---|---|---|\n"
                     f"|2601.{n[0]:05d}v1|{title}|{summary}|\n", encoding="utf-8")
        linker = Linker(vocab)
        out = set()
        for paper, mentions in extract(ingest([f]), nlp):
            out |= {lk.entity.rsplit("/", 1)[-1] for lk in linker.link(paper, mentions) if lk.type == "Task"}
        return out

    return run


def inferred(nlp, text: str) -> set[str]:
    doc = nlp(text)
    return {sp.kb_id_.rsplit("/", 1)[-1] for sp in doc.spans["kg_tasks"] if sp.kb_id_}


# ---------------------------------------------------------------- specialisation

def test_modifier_in_the_noun_phrase_specialises(nlp):
    assert "emotional-text-to-speech" in inferred(nlp, "本文提出一种零样本情感语音合成方法。")
    assert "emotional-text-to-speech" in inferred(nlp, "We study emotional text-to-speech with diffusion models.")


def test_modifier_of_another_noun_phrase_does_not_make_a_sibling(nlp):
    # "Textual" modifies "Emotion Representation", not the task
    got = inferred(nlp, "Acoustic and Textual Emotion Representation for Interpretable Speech Emotion Recognition")
    assert "speech-emotion-recognition" in got and "text-emotion-recognition" not in got
    # "文本" belongs to another item of the coordination
    got = inferred(nlp, "缓解文本监督与音频情感识别间的领域偏移问题。")
    assert "text-emotion-recognition" not in got


def test_title_refines_its_own_task_from_anywhere_in_the_title(nlp):
    got = inferred(nlp, "Disentangled Representations for Cross-Speaker Emotion Transfer in Text-to-Speech")
    assert "emotional-text-to-speech" in got


def test_latin_modifier_must_start_a_word(nlp):
    # "text" inside "Context" is no modifier
    assert "text-emotion-recognition" not in inferred(nlp, "Context-Aware Emotion Recognition in Conversations")


def test_expressive_and_emotional_speech_synthesis_are_one_task(tasks_of):
    got = tasks_of("Zero-shot Expressive Speech Synthesis for Mixed Emotions", "提出一种表达性语音合成方法。")
    assert "emotional-text-to-speech" in got
    assert not any("expressive-speech" in t for t in got)


# ---------------------------------------------------------------- tasks named in passing

def test_annotations_of_data_are_not_the_annotation_task(nlp):
    assert "emotion-annotation" not in inferred(nlp, "An English Corpus of Vocalizations with Emotion Annotations")
    assert "emotion-annotation" not in inferred(nlp, "针对情感标注的主观性问题提出解决方案。")
    assert "emotion-annotation" in inferred(nlp, "提出一种基于大语言模型的自动情感标注方法。")


def test_generation_from_a_modality_is_not_that_modality_generation(nlp):
    got = inferred(nlp, "通过扩散模型从音频生成完整身体的演奏动作。")
    assert "audio-generation" not in got


def test_borrowed_field_is_not_addressed(nlp):
    got = inferred(nlp, "借鉴语音情感识别与合成语音检测领域的模型融合经验。")
    assert "audio-deepfake-detection" not in got and "speech-emotion-recognition" not in got


def test_task_model_used_as_a_tool_even_when_coordinated(nlp):
    got = inferred(nlp, "融合语音特征预训练模型与说话人识别模型，提升表征能力。")
    assert "speaker-recognition" not in got


# ---------------------------------------------------------------- acronyms

def test_acronym_defined_as_another_task_is_not_the_vocabulary_one(nlp):
    got = inferred(nlp, "We propose a new task: Speech Emotion Diarization (SED). SED answers which emotion appears when.")
    assert "speech-emotion-diarization" in got and "sound-event-detection" not in got
    got = inferred(nlp, "联合预测语音情感描述（SED）与情感类别，SED提升可解释性。")
    assert "sound-event-detection" not in got


def test_acronym_defined_as_a_method_is_no_task(nlp):
    got = inferred(nlp, "We propose Segmentation-Variant Codebooks (SVCs); SVCs keep prosody.")
    assert "singing-voice-conversion" not in got


def test_acronym_spelling_another_name_of_the_paper(tasks_of):
    got = tasks_of("Towards Emotionally Consistent Text-Based Speech Editing", "构建首个TSE情感基准数据集。")
    assert "text-based-speech-editing" in got and "target-speech-extraction" not in got
    # an acronym with no competing name keeps its task
    assert "target-speech-extraction" in tasks_of("A Study of Speaker Cues", "We improve TSE with speaker cues.")


def test_spells():
    assert _spells("TSE", "Text-Based Speech Editing")
    assert _spells("SED", "Speech Emotion Diarization")
    assert not _spells("SER", "Speech Emotion Diarization")
    assert not _spells("TSE", "TSE")


# ---------------------------------------------------------------- verb phrases and vocabulary

def test_verb_and_object_name_a_task(nlp):
    assert "text-to-music-generation" in inferred(nlp, "MusicLM: Generating Music From Text")
    assert "personality-recognition" in inferred(nlp, "Predicting Personality Traits from Speech Dialogs")
    assert "text-to-music-generation" in inferred(nlp, "本文提出从文本生成音乐的方法。")


def test_new_vocabulary_tasks_in_both_languages(nlp):
    assert "prosodic-stress-detection" in inferred(nlp, "WHISTRESS: Enriching Transcriptions with Sentence Stress Detection")
    assert "stress-detection" not in inferred(nlp, "WHISTRESS: Enriching Transcriptions with Sentence Stress Detection")
    assert "prosodic-stress-detection" in inferred(nlp, "提出首个无需对齐的语音重音检测方法。")
    assert "one-shot-voice-conversion" in inferred(nlp, "FreeVC: Towards High-Quality Text-Free One-Shot Voice Conversion")
    assert "audiobook-generation" in inferred(nlp, "零样本有声书生成框架。")
    assert "synthetic-speech-source-tracing" in inferred(nlp, "在合成语音源追踪任务中取得SOTA性能。")


# ---------------------------------------------------------------- conditioning, shared modifiers, "with", title

def test_conditioned_generation_names_the_x_to_y_task(nlp):
    assert "music-to-dance-generation" in inferred(nlp, "Music-Driven Dance Generation with Transformers")
    assert "video-to-music-generation" in inferred(nlp, "本文研究视频引导的音乐生成。")
    got = inferred(nlp, "Video-Conditioned Text-to-Music Generation at Scale")
    assert {"video-to-music-generation", "text-to-music-generation"} <= got


def test_input_output_qualifier_makes_no_new_title_task(tasks_of):
    got = tasks_of("[Speech-to-Speech Emotion Conversion Without Parallel Data](http://arxiv.org/abs/2601.00001)")
    assert got == {"emotional-voice-conversion"}


def test_modifier_shared_by_coordinated_heads(nlp, tasks_of):
    got = inferred(nlp, "Joint Speech Recognition, Translation and Synthesis for Low-Resource Languages")
    assert {"automatic-speech-recognition", "speech-translation", "text-to-speech"} <= got
    got = inferred(nlp, "Towards Speaker Recognition, Verification, and Diarization in the Wild")
    assert {"speaker-verification", "speaker-diarization"} <= got
    # a task named whole keeps its own name; a quality word is dropped; unknown names are new tasks
    got = tasks_of("[Emotion Recognition, Sentiment Analysis and Robust Captioning of Speech](http://x.org/1)")
    assert "sentiment-analysis" in got and not any("emotion-sentiment" in t for t in got)
    assert "emotion-captioning" in got or "speech-emotion-captioning" in got
    assert "musicediting" in tasks_of("[Music Generation and Editing with Latent Diffusion](http://x.org/2)")


def test_attributes_after_with_specialise(nlp):
    got = inferred(nlp, "Zero-Shot Text-to-Speech with Emotions and Accents")
    assert "emotional-text-to-speech" in got
    # a modality after "with" is an input, not the narrower task it would name before the head
    got = inferred(nlp, "Speech Emotion Recognition with Text and Audio")
    assert "speech-emotion-recognition" in got and "text-emotion-recognition" not in got


def test_title_modality_specialises_a_broad_summary_task(tasks_of):
    got = tasks_of("[Robust Speech Models for Call Centres](http://x.org/3)", "我们在情感识别任务上评估了模型的鲁棒性。")
    assert "speech-emotion-recognition" in got and "emotion-recognition" not in got
    # a quality of the title ("Expressive") is no modality: the summary's 语音合成 stays text-to-speech
    got = tasks_of("[Towards Expressive and Efficient Neural Models](http://x.org/4)", "本文研究语音合成中的韵律建模。")
    assert "text-to-speech" in got and "emotional-text-to-speech" not in got
    # two modalities in the title: no choice is made
    got = tasks_of("[Benchmarks of Speech and Text Models](http://x.org/5)", "我们在情感识别任务上评估了模型。")
    assert "emotion-recognition" in got


def test_synonymous_head_and_partly_written_task_in_a_title(nlp, tasks_of):
    assert "text-to-audio-generation" in inferred(nlp, "AudioX: Unified Text-to-Audio Synthesis with Diffusion")
    # "Speech Classification" is not speech recognition
    assert "automatic-speech-recognition" not in inferred(nlp, "Backdoors in Speech Classification Models")
    # "Emotion and Intensity Control": emotion intensity control written in part, no new task "intensity control"
    got = tasks_of("[Singing Voice Synthesis with Emotion and Intensity Control](http://x.org/6)")
    assert not any("intensitycontrol" == t for t in got)


def test_chinese_verb_and_object(nlp):
    assert "empathetic-response-generation" in inferred(nlp, "现有系统难以生成共情回复。")
    assert "audio-deepfake-detection" in inferred(nlp, "该模型能够检测合成语音。")
    # an attributive verb is no task: 合成语音 is synthesised speech
    assert "text-to-speech" not in inferred(nlp, "增强合成语音的自然度。")
    # what a generation starts from is not that generation
    assert "emotional-text-to-speech" not in inferred(nlp, "系统无法根据情感语音生成恰当的回复。")


def test_understanding_verbs_and_light_nouns(nlp):
    assert "paralinguistic-understanding" in inferred(nlp, "Frozen LLMs Can Perceive Paralinguistic Aspects of Speech")
    assert "paralinguistic-understanding" in inferred(nlp, "We study how a model can understand paralinguistic information.")


def test_input_output_qualifiers_name_the_known_task(tasks_of):
    # "Music-to-Dance" / "Music-Driven" say what goes in and out: the task is the known one, no new one
    for title in ("[DanceX: Music-to-Dance Video Generation with Diffusion](http://x.org/7)",
                  "[MACE-Dance: Music-Driven Dance Video Generation](http://x.org/8)"):
        got = tasks_of(title)
        assert "music-to-dance-generation" in got and not any("video" in t for t in got), got


def test_a_model_of_a_kind_addresses_that_modelling_task(nlp):
    got = inferred(nlp, "GOAT-SLM: A Spoken Language Model with Paralinguistic and Speaker Characteristic Awareness")
    assert "spoken-language-modeling" in got
    assert not inferred(nlp, "X: A Speech Foundation Model")


# ---------------------------------------------------------------- an abstract's opening subject

@pytest.mark.parametrize("title,summary,task", [
    # the title states a task of its own; the summary opens with the paper's task, which the imported
    # vocabulary has: a stated task, not one named in passing
    ("Positive-Augmented Contrastive Learning for Vision-and-Language Evaluation",
     "Caption generation has advanced, but its metrics still miss fine details of a caption. We "
     "propose a learned metric and use it as a reward when captioning models are fine-tuned.",
     "caption-generation"),
    ("Positive-Augmented Contrastive Learning for Vision-and-Language Evaluation",
     "图像描述生成（caption generation）近年进展很快。本文提出一种可学习的评价指标，并将其用作微调描述模型的奖励。",
     None),  # (a Chinese summary opens otherwise: no English opening frame to read)
])
def test_an_abstract_opening_with_a_task_states_it(tasks_of, title, summary, task):
    got = tasks_of(title, summary)
    if task is not None:
        assert task in got
    assert got  # the title's own task is linked either way


def test_a_task_named_in_passing_later_is_not_stated(tasks_of):
    # the same task named in a later sentence only, beside the title's own: secondary, dropped
    got = tasks_of("Positive-Augmented Contrastive Learning for Vision-and-Language Evaluation",
                   "Metrics for vision-and-language systems often miss fine details. Our metric also "
                   "helps caption generation.")
    assert "caption-generation" not in got


@pytest.mark.parametrize("title,task", [
    ("Automatically Generating Riddles for Concept Attainment", "riddle generation"),  # an adverb before the verb
    ("Modeling User Redemption Behavior in Incentive Programs", "user redemption behavior modeling"),
    ("Characterizing Response Lengths of Chat Assistants", "response length characterization"),
    ("Detecting personal data in scanned forms", "personal data detection"),  # sentence case
    # "learning" after a lead verb is a word of the task; opening the phrase it is the verb
    ("Enhancing Learning Path Recommendation via Multi-task Learning", "learning path recommendation"),
    ("AirIO: Learning Inertial Odometry with IMU Features", "inertial odometry"),
])
def test_title_verb_and_object_name_the_task(nlp, title, task):
    doc = nlp(title)
    names = doc.user_data.get("kg_task_names", {})
    got = {names.get((sp.start, sp.end)) or sp.text for sp in doc.spans["kg_tasks"]}
    assert task in got


@pytest.mark.parametrize("title, summary, task", [
    ("Towards Object-Level Feature Learning for Semantic Scene Completion",
     "Camera-based 3D semantic scene completion matters for driving. We propose a new encoder.",
     "3d-semantic-scene-completion"),
    ("Sparse Queries for Semantic Scene Completion",
     "该论文属于3D semantic scene completion任务，提出稀疏查询方法。", "3d-semantic-scene-completion"),
])
def test_title_task_named_in_short_is_the_summarys_fuller_vocabulary_task(tasks_of, title, summary, task):
    # the title's shorter name and the vocabulary task the summary names in full are one task,
    # kept with the title's standing beside a title task of another kind
    assert task in tasks_of(title, summary)


@pytest.mark.parametrize("title, summary, tasks, not_tasks", [
    ("A Lightweight Framework for Edge-Assisted Vehicle Tracking and Collision Prediction",
     "We detect vehicles with a small detector on roadside cameras and forecast crashes from their paths.",
     {"vehicletracking", "collisionprediction"}, set()),
    ("One Network for Crop Row Segmentation and Weed Density Estimation",
     "提出一个同时分割作物行并估计杂草密度的轻量网络，在两个农田数据集上验证。",
     {"croprowsegmentation", "weeddensityestimation"}, set()),
    # a head alone, or a phrase ending in no task head, names no second task
    ("Joint Pedestrian Detection and Tracking in Crowds", "We track people in dense scenes.",
     set(), {"tracking"}),
    ("Towards Pedestrian Detection and Robust Design", "We detect people in dense scenes.",
     set(), {"robustdesign", "design"}),
])
def test_a_title_task_coordinated_with_another_names_both(tasks_of, title, summary, tasks, not_tasks):
    got = tasks_of(title, summary)
    assert tasks <= got and not (not_tasks & got)


@pytest.mark.parametrize("title, summary", [
    ("Rain Perturbations for Robust Segmentation", "第一阶段施加全局调制，逐步削弱原有语义决策边界；第二阶段细化局部扰动。"),
    ("Routers that Act", "本文针对混合专家模型中路由器决策与专家执行相分离的问题，提出新的路由范式。"),
])
def test_a_word_of_decisions_is_no_decision_making_task(tasks_of, title, summary):
    # 决策 ("decision") inside 决策边界 or 路由器决策 names no task; 决策制定 does
    assert "decision-making" not in tasks_of(title, summary)


@pytest.mark.parametrize("title, summary, field, kept", [
    ("The Lumbar Spine Grading Set", "It was built for a competition where teams trained deep learning models to grade stenosis.",
     "deep-learning", False),
    ("腰椎影像分级数据", "该数据集来自一次竞赛，参赛队伍使用深度学习模型对椎管狭窄分级。", "deep-learning", False),
    # a summary that keeps coming back to the field: the paper's area
    ("LeAD: An LLM-Enhanced Planner", "Edge cases hold back urban autonomous driving. LeAD is a dual-rate "
     "autonomous driving architecture coupling an end-to-end driver with an LLM.", "autonomous-driving", True),
])
def test_a_field_named_once_in_passing_is_no_task(tasks_of, title, summary, field, kept):
    assert (field in tasks_of(title, summary)) is kept



@pytest.mark.parametrize("title, field, kept", [
    # the title's means beside the task the title states after "for"
    ("Deep Learning for Classification of Lichen Growth Patterns", "deep-learning", False),
    ("A Deep Learning-Driven System for Retinal Vessel Segmentation", "deep-learning", False),
    # the title's goal, or the only task the paper has
    ("Context-Aware Route Planning for Autonomous Driving", "autonomous-driving", True),
    ("Estimating Deep Learning Energy Use on Shared Clusters", "deep-learning", True),
])
def test_a_field_the_title_names_as_its_means_is_no_task(tasks_of, title, field, kept):
    assert (field in tasks_of(title, "We report experiments on three sites.")) is kept


@pytest.mark.parametrize("title, summary, field, kept", [
    # the summary's field beside the task a title names by a weak cue only: the paper's area, no task
    ("KelpGuard: Mitigating Hallucinations in Harbour Chatbots", "该论文属于自然语言处理任务，旨在减少港口对话系统的幻觉。",
     "natural-language-processing", False),
    # the only task the paper states stays
    ("KelpGuard: A Harbour Study", "该论文属于自然语言处理任务，旨在减少港口对话系统的幻觉。",
     "natural-language-processing", True),
])
def test_a_field_only_the_summary_states_beside_a_title_task_is_no_task(tasks_of, title, summary, field, kept):
    assert (field in tasks_of(title, summary)) is kept

@pytest.mark.parametrize("summary, task", [
    ("该论文属于状态估计任务，提出一种新的滤波器。", "state-estimation"),
    ("本文研究红队测试，自动生成攻击提示。", "red-teaming"),
    ("该论文属于光流估计任务，提出轻量网络。", "optical-flow-estimation"),
])
def test_chinese_labels_of_imported_tasks(tasks_of, summary, task):
    assert task in tasks_of("A Study", summary)


@pytest.mark.parametrize("text,kept,not_kept", [
    # a modifier reaches a narrower task through a common ancestor only when that task has the
    # mention's head: "3D" keypoint detection is no 3D (human) pose estimation
    ("3D Tooth Keypoint Detection for Dental Scans", {"keypoint-detection"}, {"3d-human-pose-estimation"}),
])
def test_a_sibling_task_needs_the_mentions_head(nlp, text, kept, not_kept):
    got = inferred(nlp, text)
    assert kept <= got and not not_kept & got, got
