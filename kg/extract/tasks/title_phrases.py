"""Task names in a title: new ones the vocabulary lacks ("Speech Emotion Reasoning"), known ones with a
synonymous head ("Music-to-Dance Synthesis"), and the modelling task of a model's kind ("A Spoken Language Model")."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ...vocab import ModifierText, norm
from ..doc import doc_text
from ..lexicon import lexicon
from ..registry import task_strategy
from .common import LEAD_SKIP as _LEAD_SKIP, TASK_HEADS_EN

_MODEL_KIND = re.compile(r"^\s*[^\s:：]+\s*[:：]\s*(?:An?|The)\s+(?P<kind>(?:[A-Z][\w-]*\s+){1,4})Model\b")
_HEAD_SYNONYMS = {"synthesis": ("generation",), "generation": ("synthesis",), "modelling": ("modeling",),
                  "labelling": ("labeling",)}
_IO_QUALIFIER = re.compile(r"-to-|-(?:guided|conditioned|driven|conditional|controlled)$", re.I)
_TITLE_PHRASE = re.compile(
    rf"(?P<phrase>(?:[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\s+){{1,5}}(?P<head>(?i:{TASK_HEADS_EN})))\b")


@task_strategy("title-phrases", title_only=True)
def title_phrases(index, doc: Doc, found: list[Span]) -> list[Span]:
    """Task names in a title that the vocabulary lacks ("Speech Emotion Reasoning",
    "Sentence Stress Detection"): a run of capitalised words of this field ending in a task
    head noun. A vocabulary task that ends the phrase becomes its skos:broader."""
    out: list[Span] = []
    text = doc_text(doc)
    broader = doc.user_data.setdefault("kg_task_broader", {})
    for m in _TITLE_PHRASE.finditer(text):
        words = m.group("phrase").split()
        start = m.start("phrase")
        while len(words) > 2 and (words[0].lower() in _LEAD_SKIP or (
                words[0].lower().endswith("ing") and words[0].lower() not in index.domain_words)):
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or len(words) > 5:
            continue
        phrase = " ".join(words)
        if index.concept(phrase):
            continue  # the vocabulary matcher has it
        known_as = synonym_head(index, phrase)
        if known_as:  # "Music-to-Dance Synthesis" is music-to-dance generation
            sp = doc.char_span(start, m.end("phrase"), alignment_mode="expand")
            if sp is not None and not any(k.start <= sp.start and k.end >= sp.end for k in found):
                out.append(Span(doc, sp.start, sp.end, label="Task", kb_id=known_as))
            continue
        if elliptical(index, phrase, text):
            continue  # "Emotion and Intensity Control": a known task written in part, no new one
        # the longest vocabulary task the phrase ends with is its broader task
        parent, k = None, len(words)
        for k in range(1, len(words)):
            parent = index.concept(" ".join(words[k:]))
            if parent:
                break
        # every word before the head (before the broader task, if any) must be a word of this
        # field's task names: "Speech Emotion Reasoning", "Cross-Speaker Emotion Transfer", but
        # not "Controllable Video-to-Music Generation" or "Hierarchical Motion Modeling"
        qualifiers = words[:k] if parent else words[:-1]
        io = next((w for w in qualifiers if _IO_QUALIFIER.search(w)), None)
        if io is not None:
            # no new task; "Music-Driven Dance Video Generation" / "Music-to-Dance Video Generation"
            # name the known X-to-Y task when the vocabulary has it
            src = re.split(r"-to-|-(?:guided|conditioned|driven|conditional|controlled)$", io, flags=re.I)
            rest = words[words.index(io) + 1:-1]
            cands = [f"{io} {words[-1]}"] if "-to-" in io.lower() else \
                [f"{src[0]}-to-{w} {words[-1]}" for w in rest]
            iri = next((c for c in map(index.concept, cands) if c), None)
            sp = doc.char_span(start, m.end("phrase"), alignment_mode="expand") if iri else None
            if sp is not None:
                out.append(Span(doc, sp.start, sp.end, label="Task", kb_id=iri))
            continue  # "Audio-to-Audio Emotion Conversion", "Video-Guided Text-to-Music Generation": the known task
        if not all(index.domain(w) for w in qualifiers):
            continue
        sp = doc.char_span(start, m.end("phrase"), alignment_mode="expand")
        if sp is None or any(k.start <= sp.start and k.end >= sp.end for k in found):
            continue
        if parent is None:  # "Music-to-Dance Video Generation": narrower than the known task inside it
            parent = next((k.kb_id_ for k in found if k.kb_id_ and sp.start <= k.start and k.end <= sp.end), None)
        span = Span(doc, sp.start, sp.end, label="Task", kb_id="")
        broader[(span.start, span.end)] = parent
        out.append(span)
    return out


@task_strategy("model-kind", title_only=True)
def model_kind(index, doc: Doc, found: list[Span]) -> list[Span]:
    """"GOAT-SLM: A Spoken Language Model with ...": a paper that presents a model of a kind
    addresses the modelling task of that kind, when the vocabulary has it (spoken language
    modeling)."""
    m = _MODEL_KIND.match(doc_text(doc))
    if m is None:
        return []
    words = m.group("kind").split()
    for k in range(len(words) - 1):
        iri = index.concept(" ".join(words[k:]) + " modeling")
        if iri:
            sp = doc.char_span(m.start("kind"), m.end(), alignment_mode="expand")
            return [Span(doc, sp.start, sp.end, label="Task", kb_id=iri)] if sp is not None else []
    return []


def synonym_head(index, phrase: str) -> str | None:
    """The vocabulary task a phrase names with a synonymous head noun: "X Synthesis" for
    "X Generation" and back, British spellings. (Not "classification" for "recognition":
    "Speech Classification" is not speech recognition.)"""
    words = phrase.split()
    for alt in _HEAD_SYNONYMS.get(words[-1].lower(), ()):
        iri = index.concept(" ".join([*words[:-1], alt]))
        if iri:
            return iri
    return None


def elliptical(index, phrase: str, title: str) -> bool:
    """A title phrase that is the tail of a vocabulary task whose other words the title also
    has ("... Based on Emotion and Intensity Control": emotion intensity control)."""
    key = norm(phrase)
    words = ModifierText(title)
    return any(words.has(k[:-len(key)]) for k in index.task_key_tails.get(key, ()))
