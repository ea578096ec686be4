"""A task named in passing is not a task the paper addresses; the vocabulary's task matches that are not."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..doc import doc_text
from ..registry import task_strategy

_TOOL_AFTER = re.compile(r"^\s*(?:-|‐)?\s*(?:模型|系统|转录|输出|工具|结果|model|models|system|systems|transcripts?|outputs?|"
                         r"module|engine|toolkit|based|encoder|features?)\b", re.I)
_TOOL_BEFORE = re.compile(r"(?:预训练的?|pre-?trained|off-the-shelf|现成的?|利用|使用|借助|通过|using|with|via)\s*$", re.I)


# annotation tasks named as a property of data: "with Emotion Annotations", "情感标注的主观性", "带情感标注"
_ANNOTATION_HEAD = re.compile(r"(?:annotations?|label(?:l)?ings?|标注)$", re.I)
_DATA_AFTER = re.compile(r"^\s*(?:的|数据|信息|结果|标签|data\b|labels?\b)", re.I)
_DATA_BEFORE = re.compile(r"(?:带有?|含有?|具有|包含|例如|比如|如|with|without|e\.g\.,?|such as)\s*$", re.I)
_GENERATED_FROM = re.compile(r"(?:[从由]|根据|依据|按照|基于)$")
# a task named among related fields: "progress in related domains such as ... talking-head synthesis"
_RELATED_FIELDS = re.compile(r"\b(?:related|other|adjacent|neighbou?ring)\s+(?:domains?|fields?|areas?|tasks?|problems?)\b"
                             r"|相关领域|其他领域|相邻领域|其他任务", re.I)
# a field the paper borrows from: "借鉴X领域的经验", "受X启发", "inspired by X"
_BORROWED_BEFORE = re.compile(r"借鉴|参考|受到?|沿用|inspired by|borrow\w*|adapted from", re.I)
# a task of the imported vocabulary right after these is a technique used, not the paper's task
_USED_BEFORE = re.compile(r"(?:\b(?:with|using|via|by|through|based on|leveraging|and)\b|利用|通过|借助|基于|结合)[^,.;:，。；：]{0,30}$", re.I)
_BORROWED_AFTER = re.compile(r"^[^，,。；;]{0,20}?(?:领域|启发|的经验|field|domain|literature)", re.I)


def passing(doc: Doc, sp: Span) -> bool:
    """A task named in passing, not addressed: as a tool, as labels of data, as the input of a
    generation, or as a field the paper borrows from."""
    text, start, end = doc_text(doc), sp.start_char, sp.end_char
    name = text[start:end]
    after = text[end:end + 20]
    before = text[max(0, start - 12):start]
    if len(name) <= 5 and (_TOOL_AFTER.match(after) or _TOOL_BEFORE.search(before)):
        return True  # ASR used as a tool
    if _ANNOTATION_HEAD.search(name) and (name[-1:] in "sS" or _DATA_AFTER.match(after)
                                          or _DATA_BEFORE.search(before)):
        return True  # "with Emotion Annotations", "情感标注的主观性": labels of data, not the task
    if name.endswith("生成") and _GENERATED_FROM.search(before):
        return True  # "从音频生成动作", "根据情感语音生成回复": what the generation starts from
    clause = re.split(r"[，,。；;：:\n]", text[max(0, start - 40):start])[-1]
    if _BORROWED_BEFORE.search(clause) and _BORROWED_AFTER.match(text[end:end + 30]):
        return True  # "借鉴语音情感识别与合成语音检测领域的经验": another field the paper borrows from
    sentence = re.split(r"[。；;\n]|\.\s", text[max(0, start - 160):start])[-1]
    if _RELATED_FIELDS.search(sentence):
        return True  # "Despite progress in related domains such as ... audio-driven talking-head synthesis"
    return False


@task_strategy("vocabulary")
def vocabulary_tasks(index, doc: Doc, found: list[Span]) -> list[Span]:
    """The vocabulary's task matches (kg_vocab_matcher), less those named in passing, and less a task
    of the imported vocabulary named as a technique used ("... With Pitch And Duration Style Transfer")."""
    out: list[Span] = []
    for sp in doc.spans.get("kg_vocab", []):
        if sp.label_ != "Task" or passing(doc, sp):
            continue
        c = index.vocabulary.concepts.get(sp.kb_id_)
        if c is not None and not c.curated and _USED_BEFORE.search(doc_text(doc)[max(0, sp.start_char - 40):sp.start_char]):
            continue
        out.append(sp)
    return out
