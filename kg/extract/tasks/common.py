"""What the task strategies share: the task head nouns, negated compounds, and whether a text is a title."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ...vocab import rule_words
from ..doc import doc_text
from ..lexicon import lexicon
from ..open_tasks import OpenTask

TASK_HEADS_EN = lexicon().alternation("en", "task-heads")
TASK_HEADS_ZH = lexicon().alternation("zh", "strategy-task-heads")
# a modifier inside a negated compound is not one: "Text-Independent", "speaker-agnostic", "语言无关"
NEGATED = re.compile(r"\b[A-Za-z]+-(?:independent|free|agnostic|invariant|less|unaware)\b|[\u4e00-\u9fff]{2}无关", re.I)

GENERIC_QUALIFIERS = rule_words("generic-qualifiers.txt")
# words that open a title's phrase before its task name and are no part of it
LEAD_SKIP = lexicon().lower_set("en", "title-lead-words")
NUMBER_WORDS = lexicon().lower_set("en", "number-words")


def is_title(doc: Doc) -> bool:
    """A title: one line of at most 300 characters that does not end as an English sentence does
    (a short English summary, "We cast X as Y and improve Z.", is no title; the title-only
    strategies run on titles; a short Chinese summary is read as one: its frames are the title's)."""
    text = doc_text(doc)
    return "\n" not in text and len(text) <= 300 and not text.rstrip().endswith(".")


def task_tables(doc: Doc) -> tuple[dict, dict, dict]:
    """What the strategies record per task span of a Doc: its OpenTask (kg_task_open), a new
    task's name (kg_task_names) and its broader task (kg_task_broader)."""
    return (doc.user_data.setdefault("kg_task_open", {}), doc.user_data.setdefault("kg_task_names", {}),
            doc.user_data.setdefault("kg_task_broader", {}))


def known_tail(index, words: list[str]) -> str | None:
    """The longest vocabulary task a new task's name ends with (its broader task): "Harbour Noise
    Estimation" -> noise estimation."""
    return next((p for k in range(1, len(words)) for p in [index.concept(" ".join(words[k:]))] if p), None)


def title_fallback_task(index, doc: Doc, sp: Span, label: str, iri: str | None, confidence: float,
                        rule: str = "task-title") -> Span:
    """A task a title names by a weak cue (kept only when the paper states no other task: kg.link),
    recorded for the span: its OpenTask, and for a new task (iri None) its English name and the
    vocabulary task its name ends with."""
    from .frames import task_label_en  # (frames imports this module)
    info, names, broader = task_tables(doc)
    key = (sp.start, sp.end)
    info[key] = OpenTask(sp.start_char, sp.end_char, label, rule, confidence, fallback=True)
    if not iri:
        names[key] = task_label_en(label)
        broader[key] = known_tail(index, label.split())
    return Span(doc, sp.start, sp.end, label="Task", kb_id=iri or "")
