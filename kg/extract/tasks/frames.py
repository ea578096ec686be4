"""open-tasks: tasks stated in a frame (该论文属于X任务, 针对X任务, the task of X, a title's "for X"),
found by kg.extract.open_tasks: the vocabulary's concept when it has the name, else a new task."""
from __future__ import annotations

import dataclasses
import functools
import re

from spacy.tokens import Doc, Span

from ..doc import doc_text
from ..lexicon import lexicon
from ..open_tasks import NETWORK_NOUNS, ZH_BASED_LEAD, ZH_BASED_ON, OpenTask, find_open_tasks, task_forming_qualifiers
from ..registry import task_strategy
from .common import GENERIC_QUALIFIERS, LEAD_SKIP as _LEAD_SKIP, is_title
from .index import QUALITY_SUFFIX
from .passing import passing


@task_strategy("open-tasks")
def open_tasks(index, doc: Doc, found: list[Span]) -> list[Span]:
    """Tasks stated in a frame (kg.open_tasks): the vocabulary's concept when it has the name,
    else a new task narrower than the longest vocabulary task the name ends with, when the
    words before that task are words of task names ("medical image segmentation"); other
    words before it ("advancing", "TDNN-based", "了") leave the vocabulary's task alone."""
    known = found
    out: list[Span] = []
    info = doc.user_data.setdefault("kg_task_open", {})
    broader = doc.user_data.setdefault("kg_task_broader", {})
    names = doc.user_data.setdefault("kg_task_names", {})
    others = list(doc.spans.get("kg_vocab", []))
    for t in find_open_tasks(doc_text(doc), is_title(doc)):
        sp = doc.char_span(t.start, t.end, alignment_mode="expand")
        if sp is None or passing(doc, sp):
            continue
        same = next((k for k in known if k.start == sp.start and k.end == sp.end), None)
        if same is not None:
            # "属于计算机视觉领域": the vocabulary's concept, as a broad task; "目标检测（object detection）与图像分类中的…":
            # a vocabulary task a Chinese frame states is stated, not named in passing
            # ... and so is one any frame states outright ("we address X", "the task of X", "该论文属于X任务")
            if t.field or t.context or t.part and re.search(r"[\u3400-\u9fff]", t.label) \
                    or not t.fallback:
                info[(same.start, same.end)] = t
            continue
        if any(k.start <= sp.start and sp.end <= k.end for k in known):
            continue  # the vocabulary or another strategy has it (or a longer name around it)
        if _read_with_its_modifiers(index, doc, sp, known):
            continue  # "Multimodal Emotion Analysis": specialise read it as multimodal emotion recognition
        method = next((v for v in others if v.label_ == "Method" and v.start == sp.start and v.end == sp.end), None)
        if method is not None and not (t.gloss or t.field or t.fallback) and t.confidence >= 0.75 \
                and re.search(r"[\u3400-\u9fff]", t.label) and method.kb_id_ in index.vocabulary.concepts:
            # "该论文属于检索增强生成（RAG）任务": a frame's own words make the vocabulary's method the
            # paper's task, named as the method is ("retrieval-augmented generation")
            t = dataclasses.replace(t, gloss=index.vocabulary.concepts[method.kb_id_].pref)
        method_head = not t.gloss and any(v.label_ != "Task" and v.start < sp.end <= v.end for v in others)
        if method_head and not _stated_zh(t):
            continue  # "... model predictive control": the head is a method's name, not a task's
            # (a name given with its English gloss is a task's name as a whole: 单样本模仿学习（one-shot imitation learning）;
            # so is one a strong Chinese frame states: 该论文属于机器人模仿学习任务)
        if not re.search(r"[\u3400-\u9fff]", t.label):
            words = t.label.split()
            lead = 0  # title lead words and -ing words that are no words of task names ("Towards", "Advancing")
            while len(words) - lead > 1 and words[lead].lower() not in task_forming_qualifiers() and (
                    words[lead].lower() in _LEAD_SKIP or words[lead].lower() in GENERIC_QUALIFIERS
                    and words[lead + 1].lower() not in NETWORK_NOUNS
                    or words[lead].lower().endswith("ing") and (lead == 0 or words[lead].lower() not in index.domain_words)
                    and (words[lead].lower() not in index.task_ing_words or not (lead or _after_lead_verb(doc, t.start)))):
                # ("Enhancing Learning Path Recommendation": after a lead verb, "learning" is a word of
                # the task's name; opening the title's clause it is the verb: "Learning Inertial Odometry")
                lead += 1
            if lead:
                cut = len(" ".join(words[:lead])) + 1
                sp2 = doc.char_span(t.start + cut, t.end, alignment_mode="expand")
                if sp2 is None:
                    continue
                sp = sp2
                t = OpenTask(t.start + cut, t.end, t.label[cut:], t.rule, t.confidence, t.field, t.fallback, t.acronym, t.part,
                             t.gloss, t.written, t.context)
                if len(words) - lead < 2 and not index.concept(t.label):
                    continue
                if any(k.start <= sp.start and sp.end <= k.end for k in known):
                    continue
        based = ZH_BASED_ON.search(doc_text(doc)[max(0, t.start - 10):t.start]) \
            if re.search(r"[\u3400-\u9fff]", t.label) and not t.gloss else None
        if based is not None:
            # "基于骨架的动作识别", "文本驱动的音视频生成": an X-based task when X is no method or
            # field ("基于深度学习的", "基于大模型的" name the means)
            g = "x" if based.group("x") else "y"
            what = based.group(g)
            s0 = t.start - len(based.group())
            lead = _ZH_FRAME_WORDS.match(what) if g == "y" else None
            if lead is not None:  # "该论文属于音频驱动的…": the frame's 属于 is no part of the X of X驱动的
                what = what[lead.end():]
                s0 += lead.end()
                based = None if not what else based
        if based is not None:
            c = index.vocabulary.concepts.get(index.concept(what) or "")
            x_end = t.start - (based.end() - based.end(g))  # where X ends in the text
            known_as = next((v for v in others if v.end_char == x_end and v.label_ == "Method"), None)
            if (c is None or c.type != "Method") and known_as is None and not re.search(
                    r"(?:模型|网络|学习|算法|方法|框架|架构|机制|技术|智能体|LLM|大模型)$", what):
                sp2 = doc.char_span(s0, t.end, alignment_mode="expand")
                if sp2 is not None and not any(k.start <= sp2.start and sp2.end <= k.end for k in known):
                    sp = sp2
                    t = dataclasses.replace(t, start=s0, label=doc_text(doc)[s0:t.start] + t.label, written=None)
        # a Chinese name given with its English gloss ("越狱攻击（jailbreak attack）"): the vocabulary's
        # concept of either, else a new task named in English with the Chinese name as its other label
        iri = index.concept(t.label) or (index.concept(t.gloss) if t.gloss else None) \
            or (index.concept(t.acronym) if t.acronym else None)
        if not iri and t.known_only:
            continue  # "音频感知的指代视频目标分割": before a bare 的, only a known task is a task
        if not iri and (t.part or t.context or t.gloss is None) and t.label in _zh_heads():
            continue  # "偏见检测与缓解" -> a bare head ("缓解") is a task only when the vocabulary has it ("导航")
        parent = None
        if not iri:
            han = re.search(r"[\u3400-\u9fff]", t.label) is not None
            words = list(t.label) if han else t.label.split()
            # (a stated name a method's name ends has no broader task: 机器人模仿学习 is none of 模仿学习's)
            for k in range(1, 1 if method_head else len(words)):
                tail = ("" if han else " ").join(words[k:])
                parent = index.concept(tail) if len(tail) >= 2 else None
                if parent:
                    lead = words[:k]
                    c = index.vocabulary.concepts.get(parent)
                    if han:
                        # (an X-based name is a narrower task: 基于拖拽的图像编辑 under image editing)
                        lead_s = "".join(lead)
                        b = ZH_BASED_LEAD.match(lead_s)
                        rest = lead_s[b.end():] if b else lead_s
                        ok = lead_s in index.zh_modifiers or (b is not None and (not rest or rest in index.zh_modifiers))
                        if not ok and _stated_zh(t) and c is not None and len(lead_s) >= 2:
                            # the words a strong frame states before a known task name the paper's
                            # narrower task (该论文属于心理咨询对话生成任务, under dialogue generation),
                            # unless they are a quality or no modifier (高效, 基于…的 is read above)
                            ok = not _ZH_NOT_MODIFIER.search(lead_s)
                    else:
                        words_ok = index.domain_words if c is None or c.curated else index.task_words
                        # (a hyphenated word when each of its parts is one: "Long-horizon")
                        ok = all(w.lower() in words_ok or w.lower().replace("-", " ") in words_ok
                                 or w.lower() in task_forming_qualifiers()
                                 or "-" in w and all(p in words_ok for p in w.lower().split("-") if p)
                                 for w in lead) and not any(w.lower().rsplit("-", 1)[-1] in QUALITY_SUFFIX for w in lead)
                        if not ok and t.rule == "task-title" and c is not None and not c.curated:
                            # a title's modifiers of an imported task that are no qualities name the
                            # paper's narrower task (Photorealistic Style Transfer, Multi-Contrast MRI
                            # Reconstruction, Feature-Rich Anomaly Detection): the imported vocabulary's
                            # words are no measure of a field's modifiers
                            ok = all(_modifier_word(w) for w in lead)
                    if not ok and not t.gloss and not (han and t.context):  # (a glossed name is one task as a whole: 长时程机器人操作（long-horizon robot manipulation）; so is the task a stated one is set in: 端到端自动驾驶中的…)
                        parent = "skip"
                    break
            if parent == "skip":
                continue  # "advancing speech emotion recognition": the vocabulary task is the task
        span = Span(doc, sp.start, sp.end, label="Task", kb_id=iri or "")
        key = (span.start, span.end)
        info[key] = t
        if not iri:
            if parent is None:
                parent = next((k.kb_id_ for k in known if k.kb_id_ and sp.start <= k.start and k.end <= sp.end), None)
            broader[key] = parent
            if t.gloss and re.search(r"[\u3400-\u9fff]", t.gloss):  # "人格塑造（角色训练）": two Chinese names
                names[key] = t.label
                doc.user_data.setdefault("kg_task_alt", {})[key] = t.gloss
            elif t.gloss:
                names[key] = task_label_en(t.gloss)
                doc.user_data.setdefault("kg_task_alt", {})[key] = t.label
            else:
                names[key] = t.label if re.search(r"[\u3400-\u9fff]", t.label) else task_label_en(t.label)
                if t.written:  # "大语言模型安全评测" -> 安全评测, the name as written its other label
                    doc.user_data.setdefault("kg_task_alt", {})[key] = t.written
        out.append(span)
    return out


# the words of a frame that may stand right before the X of "X驱动的" in a 4-character window
_ZH_FRAME_WORDS = re.compile(r"^.*?(?:属于|针对|面向|关于|致力于|聚焦于?|研究|探索|实现|提出|采用|一种|一个|的|了|在|对|为|是)")
_ZH_NOT_MODIFIER = re.compile(r"[的和与及或在对将为是了]|^(?:高效|鲁棒|通用|轻量|新型|统一|端到端|大规模|实时|可扩展)")


def _modifier_word(w: str) -> bool:
    """A title word before a task name that may make it narrower: no quality ("Efficient",
    "Lightweight"), adverb, property of a method ("Transformer-Based"), lead word, number or noun of
    circumstances ("Scenario": en/circumstance-nouns.txt)."""
    low = w.lower()
    return low not in GENERIC_QUALIFIERS and not low.endswith("ly") and low.rsplit("-", 1)[-1] not in QUALITY_SUFFIX \
        and low not in _LEAD_SKIP and not re.fullmatch(r"[\d.]+", low) \
        and low not in lexicon().lower_set("en", "circumstance-nouns")


def _read_with_its_modifiers(index, doc: Doc, sp: Span, known: list[Span]) -> bool:
    """An English name that a task found before ends, whose concept's name holds every word the
    name has before it: the same words read as that task (specialise's multimodal + emotion
    analysis -> multimodal emotion recognition), no new task."""
    for k in known:
        if k.end != sp.end or k.start <= sp.start or not k.kb_id_:
            continue
        c = index.vocabulary.concepts.get(k.kb_id_)
        lead = {w.lower_ for w in doc[sp.start:k.start] if w.is_alpha or "-" in w.text}
        if c is not None and lead and lead <= set(c.pref.lower().split()):
            return True
    return False


def _stated_zh(t: OpenTask) -> bool:
    """A Chinese name a strong task frame states as the paper's task (该论文属于X任务), not a field,
    a weak cue's or a part of coordinated names."""
    return t.confidence >= 0.8 and not (t.field or t.fallback or t.part or t.context) \
        and re.search(r"[\u3400-\u9fff]", t.label) is not None


def _after_lead_verb(doc: Doc, start: int) -> bool:
    """The word before offset `start` is a title's lead verb ("Enhancing", "Towards")."""
    m = re.search(r"([A-Za-z]+)\s+$", doc_text(doc)[max(0, start - 40):start])
    return m is not None and (m.group(1).lower().endswith("ing") or m.group(1).lower() in _LEAD_SKIP)


@functools.lru_cache(maxsize=None)
def _zh_heads() -> frozenset[str]:
    return lexicon().set("zh", "task-heads")


def task_label_en(text: str) -> str:
    """English task names are common nouns: lower case, acronyms kept ("Tibetan Spelling Correction")."""
    return " ".join(w if not re.search(r"[a-z]", w.rstrip("s")) or re.search(r"[a-z][A-Z]|[A-Z]{2}", w) else w.lower()
                    for w in text.split())
