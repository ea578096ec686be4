"""Specialisation: a task mentioned with the modifier that distinguishes one of its narrower concepts
(情感 + 语音合成 -> emotional text-to-speech; "zero-shot" + TTS) names the narrower task; modifiers are
derived from the vocabulary's labels, in both languages."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ...vocab import ModifierText
from ..doc import doc_text, sentence_of
from ..registry import task_strategy
from .common import NEGATED, is_title as _is_title

# where the modifiers of a task name stop: punctuation, conjunctions between clauses, prepositions
# ("Textual Emotion Representation for Speech Emotion Recognition": "Textual" modifies another noun)
_NP_BOUNDARY = re.compile(
    r"(?:[:：,，;；。!?！？()（）\[\]“”\"、]|[与和及或]|\b(?:for|with|via|using|by|through|from|in|on|of|at|as|to|towards?"
    r"|into|without|beyond|based|leveraging|under|and|or|is|are|was|were|which|that|than|between|across)\b)", re.I)


def _modifier_context(doc: Doc, sp: Span) -> str:
    """Normalised text of the modifiers before a task mention, within its noun phrase: up to 60
    characters of Latin text (a title's "Emotionally Expressive and Duration-Controlled
    Zero-Shot Text-to-Speech") or 8 Han characters ("零样本情感语音合成"), cut at the last
    boundary (punctuation, conjunction, preposition)."""
    text = doc_text(doc)
    start = sentence_of(sp).start_char
    window = text[max(start, sp.start_char - 60):sp.start_char]
    if re.search(r"[\u3400-\u9fff]\s*$", window):
        window = window[-8:]
    # "and" between two modifiers of one phrase stays ("Emotionally Expressive and Duration-Controlled ...")
    cut = 0
    for m in _NP_BOUNDARY.finditer(window):
        if m.group().lower() in ("and", "or") and re.match(r"\s+[A-Z][\w-]*\s+[A-Z]", window[m.end():]):
            continue
        cut = m.end()
    return ModifierText(NEGATED.sub(" ", window[cut:]))


_WITH_AFTER = re.compile(r"\s+(?:with|featuring)\s+(?P<nouns>[A-Za-z][\w-]*(?:\s*(?:,|&|and)\s*[A-Za-z][\w-]*){0,3})"
                         r"(?=\s*(?:$|[,.;:)]|\b(?:for|in|on|via|using|by|through)\b))", re.I)


# what a title says about its means, not its task: "... with expressive guidance", "using
# Disentangled Diffusion Framework" (the words there do not specialise the title's task)
_ATTACHED = re.compile(r"\b(?:with|using|via|leveraging|based on|by)\b[^,:;()]*", re.I)


def _with_context(doc: Doc, sp: Span) -> ModifierText:
    """The attributes a task is given after "with": "Multilingual Text-To-Speech with Accents &
    Emotions" is accented and emotional text-to-speech. Only a short run of nouns that ends the
    phrase counts ("TTS with emotion control" does not become anything through "control")."""
    m = _WITH_AFTER.match(doc_text(doc), sp.end_char)
    return ModifierText(m.group("nouns") if m else "")



@task_strategy("specialise")
def specialise(index, doc: Doc, found: list[Span]) -> list[Span]:
    """The narrower tasks of the tasks found so far that their modifiers name."""
    tasks = found
    seen = {sp.kb_id_ for sp in tasks}
    extra: list[Span] = []
    is_title = _is_title(doc)
    for sp in tasks:
        # the modifier must stand in the mention's own noun phrase ("情感语音合成", "emotional
        # TTS"); in a title, a narrower task of the mention's own concept may take it from
        # anywhere ("Emotion Transfer in Text-to-Speech"), but a sibling reached through an
        # ancestor only from the noun phrase (no text emotion recognition from "Textual Emotion
        # Representation for Speech Emotion Recognition")
        context = _modifier_context(doc, sp)
        # (the whole title for a task of the curated vocabulary; an imported one takes its noun
        # phrase's modifiers only: "Object Detection and Tracking in Panoramic Videos" is no video
        # object detection)
        c = index.vocabulary.concepts.get(sp.kb_id_)
        whole = ModifierText(NEGATED.sub(" ", _ATTACHED.sub(" ", doc_text(doc)))) \
            if is_title and (c is None or c.curated) else context
        post = _with_context(doc, sp)
        for t in [sp.kb_id_, *index.vocabulary.ancestors(sp.kb_id_)]:
            for n_iri, mod, adjectival in index.modifiers.get(t, []):
                if n_iri in seen or not ((whole if t == sp.kb_id_ else context).has(mod)
                                          or adjectival and post.has(mod)):
                    continue
                if t != sp.kb_id_ and not index.heads(sp.kb_id_) & index.heads(n_iri):
                    continue  # a task beside the mention's under a common ancestor is another kind of
                    # task unless it has the mention's head ("3D" keypoint detection is no 3D pose estimation)
                extra.append(Span(doc, sp.start, sp.end, label="Task", kb_id=n_iri))
                seen.add(n_iri)
    return extra
