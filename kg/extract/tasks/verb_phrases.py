"""Tasks written as a verb and its object: "Generating Music From Text", "从文本生成音乐", "难以生成共情回复"."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..doc import doc_text
from ..lexicon import lexicon
from ..registry import task_strategy
from .passing import passing

# a task written as a verb and its object
_VERB_EN = re.compile(r"\b(?P<verb>generat(?:e|es|ing)|synthesi[sz](?:e|es|ing)|recogni[sz](?:e|es|ing)|detect(?:s|ing)?"
                      r"|predict(?:s|ing)?|estimat(?:e|es|ing)|classif(?:y|ies|ying)|separat(?:e|es|ing)"
                      r"|transcrib(?:e|es|ing)|identif(?:y|ies|ying)|convert(?:s|ing)?|retriev(?:e|es|ing)"
                      r"|understand(?:s|ing)?|perceiv(?:e|es|ing))\s+", re.I)
_VERB_NOUN = {"gener": "generation", "synth": "synthesis", "recog": "recognition", "detec": "detection",
              "predi": "prediction", "estim": "estimation", "class": "classification", "separ": "separation",
              "trans": "transcription", "ident": "identification", "conve": "conversion", "retri": "retrieval",
              "under": "understanding", "perce": "understanding"}
# light nouns after the real object: "understand paralinguistic aspects of speech", "detect emotional cues"
_LIGHT_NOUNS = lexicon().set("en", "light-nouns")
_VERB_STOP = lexicon().set("en", "verb-object-stops")
_VERB_ZH = re.compile(r"(?:从|由|根据)(?P<src>[\u4e00-\u9fff]{2,4}?)(?:描述|提示)?生成(?P<obj>[\u4e00-\u9fff]{2,3})")


# the verb after a modal, an adverbial or a subject ("难以生成共情回复", "能够识别…", "LM生成对话"),
# not as an attributive ("增强合成语音的自然度": synthesised speech)
_VERB_OBJ_ZH = re.compile(r"(?:(?<=[以来能够可于并而地们将要需会或旨，,。；;：:A-Za-z0-9])|^)(?P<verb>生成|合成|识别|检测|预测|估计|分类|转换|检索|分离|转录)"
                          r"(?P<obj>[\u4e00-\u9fff]{2,6}?)(?=[，,。；;：:、）)的与和及或]|$)")


def _singular(word: str) -> str:
    return word[:-1] if re.search(r"[^s]s$", word) else word


@task_strategy("verb-phrases")
def verb_phrases(index, doc: Doc, found: list[Span]) -> list[Span]:
    """Tasks written as a verb and its object: "Generating Music From Text" (text-to-music
    generation), "Predicting Personality Traits" (personality recognition, via its label
    "personality trait prediction"), "从文本生成音乐" (文本到音乐生成)."""
    out: list[Span] = []
    text = doc_text(doc)
    for m in _VERB_EN.finditer(text):
        noun = _VERB_NOUN[m.group("verb").lower()[:5]]
        words = [w for w in re.finditer(r"[A-Za-z][\w-]*", text[m.end():m.end() + 80])]
        obj, src, end = [], [], m.end()
        for w in words:
            if w.start() and re.search(r"[^\sA-Za-z-]", text[m.end():m.end() + w.start()]):
                break  # punctuation between the words
            lw = w.group().lower()
            if lw == "from" and obj and not src:
                src.append("")
                continue
            if lw in _VERB_STOP or len(obj) >= 4 or len(src) >= 3:
                break
            (src if src else obj).append(w.group())
            end = m.end() + w.end()
        src = [w for w in src if w]
        while len(obj) > 1 and obj[-1].lower() in _LIGHT_NOUNS:
            obj = obj[:-1]
        iri = None
        for k in range(len(obj)):
            name = " ".join([*obj[k:-1], _singular(obj[-1])]) if obj else ""
            cands = [f"{src[0]}-to-{name} {noun}"] if src else []
            iri = next((c for c in map(index.concept, cands + [f"{name} {noun}"]) if c), None)
            if iri:
                break
        if iri:
            sp = doc.char_span(m.start(), end, alignment_mode="expand")
            if sp is not None and not passing(doc, sp):
                out.append(Span(doc, sp.start, sp.end, label="Task", kb_id=iri))
    for m in _VERB_ZH.finditer(text):
        iri = index.concept(f"{m.group('src')}到{m.group('obj')}生成") or index.concept(f"{m.group('src')}生成{m.group('obj')}")
        if iri:
            sp = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if sp is not None:
                out.append(Span(doc, sp.start, sp.end, label="Task", kb_id=iri))
    # 生成共情回复 -> 共情回复生成, 识别说话人情绪 -> 说话人情绪识别: the object, whole, before the verb
    for m in _VERB_OBJ_ZH.finditer(text):
        iri = index.concept(m.group("obj") + m.group("verb"))
        if iri:
            sp = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if sp is not None and not passing(doc, sp):
                out.append(Span(doc, sp.start, sp.end, label="Task", kb_id=iri))
    return out
