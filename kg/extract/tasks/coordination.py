"""Coordinated task names: "Emotion and Intent Recognition", "语音情感和意图识别" (two tasks), and a
title's modifier shared by coordinated heads ("Singing Transcription, Alignment, and Refined Style Annotation")."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..doc import doc_text
from ..registry import task_strategy
from .common import GENERIC_QUALIFIERS, TASK_HEADS_EN, TASK_HEADS_ZH
from .passing import passing

_COORD_EN = re.compile(rf"\b(?P<a>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?),? (?:and|&|or) (?P<b>[A-Za-z][\w-]*) (?P<head>{TASK_HEADS_EN})\b", re.I)
_COORD_ZH = re.compile(rf"(?P<a>[\u4e00-\u9fff]{{2,8}}?)(?:和|与|及|、|或)(?P<b>[\u4e00-\u9fff]{{2,4}}?)(?P<head>{TASK_HEADS_ZH})")
# a title's modifier shared by coordinated task heads: "Singing Transcription, Alignment, and
# Refined Style Annotation" is singing transcription, singing alignment and singing style annotation
_HEAD_WORD = rf"(?i:{TASK_HEADS_EN})\b"
_LEFT_COORD = re.compile(
    rf"\b(?P<pre>(?:[A-Z][A-Za-z-]* ){{1,3}})(?P<h1>{_HEAD_WORD})"
    rf"(?P<items>(?:,? (?:and |& )?(?:[A-Z][A-Za-z-]* ){{0,2}}{_HEAD_WORD}){{1,4}})")
_ITEM = re.compile(rf"(?P<words>(?:[A-Z][A-Za-z-]* ){{0,2}})(?P<head>{_HEAD_WORD})")


@task_strategy("coordination")
def coordination(index, doc: Doc, found: list[Span]) -> list[Span]:
    """"Emotion and Intent Recognition", "语音情感和意图识别": each part with the shared head is a task."""
    tasks: list[Span] = []
    text = doc_text(doc)
    for rx, joiner in ((_COORD_EN, " "), (_COORD_ZH, "")):
        for m in rx.finditer(text):
            head = m.group("head")
            for g in ("a", "b"):
                part = m.group(g)
                # the longest tail of the part that, with the head, is a task label
                words = part.split(" ") if joiner else list(part)
                for k in range(len(words)):
                    cand = joiner.join(words[k:]) + joiner + head
                    iri = index.concept(cand)
                    if iri:
                        sp = doc.char_span(m.start(g) + len(joiner.join(words[:k])) + (1 if joiner and k else 0),
                                           m.end("head"), alignment_mode="expand")
                        if sp is not None and not passing(doc, sp):
                            tasks.append(Span(doc, sp.start, sp.end, label="Task", kb_id=iri))
                        break
    return tasks


@task_strategy("shared-modifier", title_only=True)
def shared_modifier(index, doc: Doc, found: list[Span]) -> list[Span]:
    """A modifier written once before coordinated task heads qualifies each of them ("Singing
    Transcription, Alignment, and Refined Style Annotation"; "Speech Recognition, Translation
    and Synthesis"), when the first item is a task of the vocabulary. An item that is a task
    on its own ("..., and Sentiment Analysis") keeps its own name; evaluative words
    ("Refined", "Robust") are dropped. Names the vocabulary lacks become new tasks."""
    out: list[Span] = []
    text = doc_text(doc)
    names = doc.user_data.setdefault("kg_task_names", {})
    broader = doc.user_data.setdefault("kg_task_broader", {})
    for m in _LEFT_COORD.finditer(text):
        pre = m.group("pre").split()
        mod = next((" ".join(pre[k:]) for k in range(len(pre)) if index.concept(" ".join([*pre[k:], m.group("h1")]))), None)
        if not mod or not all(index.domain(w) for w in mod.split()):
            continue
        for it in _ITEM.finditer(m.group("items")):
            words = [w for w in it.group("words").split() if w.lower() not in GENERIC_QUALIFIERS]
            own = " ".join([*words, it.group("head")])
            if len(words) and index.concept(own) or any(not index.domain(w) for w in words):
                continue  # a task named whole, or a phrase of another kind
            name = f"{mod} {own}".lower()
            start = m.start("items") + it.start() + len(it.group("words"))
            sp = doc.char_span(start, m.start("items") + it.end(), alignment_mode="expand")
            if sp is None:
                continue
            iri = index.concept(name)
            span = Span(doc, sp.start, sp.end, label="Task", kb_id=iri or "")
            if not iri:
                names[(span.start, span.end)] = name
                broader[(span.start, span.end)] = index.concept(own) if words else None
            out.append(span)
    return out
