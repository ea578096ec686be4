"""Coordinated task names: "Emotion and Intent Recognition", "语音情感和意图识别" (two tasks), and a
title's modifier shared by coordinated heads ("Singing Transcription, Alignment, and Refined Style Annotation")."""
from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc, Span

from ..doc import doc_text
from ..open_tasks import title_case
from ..registry import task_strategy
from .common import GENERIC_QUALIFIERS, TASK_HEADS_EN, TASK_HEADS_ZH, known_tail, task_tables
from .frames import task_label_en
from .passing import passing

# (each word is possessive, *+: a letter given back could never let the space or comma after it match)
_COORD_EN = re.compile(rf"\b(?P<a>[A-Za-z][\w-]*+(?: [A-Za-z][\w-]*+)?),? (?:and|&|or) (?P<b>[A-Za-z][\w-]*+) (?P<head>{TASK_HEADS_EN})\b", re.I)
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
    _info, names, broader = task_tables(doc)
    for m in _LEFT_COORD.finditer(text):
        pre = m.group("pre").split()
        mod = next((" ".join(pre[k:]) for k in range(len(pre)) if index.concept(" ".join([*pre[k:], m.group("h1")]))), None)
        if not mod or not all(index.domain(w) or w.lower() in index.task_words for w in mod.split()):
            continue  # (a word of this field's task names, or one that two task labels share: "Contact")
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


# a title's second task after a first one: "Vehicle Tracking and Collision Prediction"
_CONJUNCT_AFTER = re.compile(r"\s*,?\s+(?:and|&)\s+(?P<b>(?:[A-Za-z][A-Za-z0-9-]*\s+){1,2}[A-Za-z][A-Za-z-]*)\b(?![-'])")
_CONJUNCT_BEFORE = re.compile(r"(?:^|[\s:：])(?P<b>(?:[A-Za-z][A-Za-z0-9-]*\s+){1,2}[A-Za-z][A-Za-z-]*)\s*,?\s+(?:and|&)\s+$")


def _open_head(word: str) -> bool:
    from .title_topic import _lexicon  # (title_topic reads this module's strategies' results: imported late)
    heads = _lexicon()[2]
    low = word.lower()
    return low in heads or low.endswith("s") and low[:-1] in heads


@task_strategy("title-conjunct", title_only=True)
def title_conjunct(index, doc: Doc, found: list[Span]) -> list[Span]:
    """A title's task coordinated with another task name ending with a task head noun: "Edge-Assisted
    Vehicle Tracking and Collision Prediction" (vehicle tracking found) names collision prediction
    too, with the first one's standing. Both conjuncts are written in the title's case; generic
    qualities ("Robust", "Efficient") open no task name."""
    from .title_topic import _qualities
    text = doc_text(doc)
    tc = title_case(text)
    out: list[Span] = []
    info, names, broader = task_tables(doc)
    known = {k.kb_id_ for k in found if k.kb_id_}
    for t in list(found):
        if t.label_ != "Task":
            continue
        for rx, s0, e0 in ((_CONJUNCT_AFTER, t.end_char, len(text)), (_CONJUNCT_BEFORE, 0, t.start_char)):
            m = rx.match(text, s0) if rx is _CONJUNCT_AFTER else rx.search(text[:e0])
            if m is None:
                continue
            words = m.group("b").split()
            if tc and not all(w[0].isupper() or w[0].isdigit() for w in words):
                continue  # a Title Case title's task name is capitalised throughout
            if not tc and any(w[0].isupper() for w in words[1:]):
                continue
            if not _open_head(words[-1]):
                continue
            offs = [w.start() for w in re.finditer(r"\S+", m.group("b"))]
            q = _qualities(words[:-1])
            words = words[q:]
            if len(words) < 2:
                continue  # "Detection and Tracking": a head alone names no task
            label = " ".join(words)
            iri = index.concept(label)
            if iri and iri in known:
                continue
            sp = doc.char_span(m.start("b") + offs[q], m.end("b"), alignment_mode="expand")
            if sp is None:
                continue
            key = (sp.start, sp.end)
            first = info.get((t.start, t.end))
            same = info.get(key)
            if same is not None and same.fallback and (first is None or not first.fallback):
                # read by a weak frame ("Collision Prediction" at the title's end): the first one's standing
                info[key] = dataclasses.replace(same, confidence=first.confidence if first else same.confidence,
                                                fallback=False)
                continue
            if any(k.start < sp.end and sp.start < k.end for k in found + out):
                continue
            span = Span(doc, sp.start, sp.end, label="Task", kb_id=iri or "")
            if first is not None:
                info[key] = dataclasses.replace(first, start=sp.start_char, end=sp.end_char, label=label,
                                                acronym=None, gloss=None, written=None)
            if not iri:
                names[key] = task_label_en(label)
                broader[key] = known_tail(index, words)
            out.append(span)
    return out
