"""title-subject: a task a title names on a kind of model ("LLM Reinforcement Learning", "Pruning of
Large Language Models") -> LLM reinforcement learning, LLM pruning.

Titles of papers on large models often name what they do to the model by the model's kind and a
technique or a task head: "Breaking the Memory Wall in LLM Reinforcement Learning", "Non-Uniform
Pruning of Large Language Models", "Off-policy Reinforcement Finetuning for Large Language
Model". The task is the kind's short name and that technique ("LLM pruning"), as the field names
it. The kinds and their short names are data (ontology/lexicon/en/task-subjects.txt); the
technique is a method of the vocabulary the title names there, or words ending with a task head
noun (open-task-heads.txt). A weak cue: the task is kept only when the paper states no other
(kg.link), and the strategy adds one only to a title no other strategy found a task in.
"""
from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span

from ..doc import doc_text
from ..lexicon import lexicon
from ..registry import task_strategy
from .common import title_fallback_task
from .frames import task_label_en

CONFIDENCE = 0.7
_WORD = r"[A-Za-z][A-Za-z0-9\-]*"


@functools.lru_cache(maxsize=None)
def _tables() -> tuple[re.Pattern, dict[str, str], frozenset[str]]:
    short: dict[str, str] = {}
    for line in lexicon().words("en", "task-subjects"):
        phrase, name = line.split("\t")
        short[phrase.lower()] = name
    alt = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(short, key=len, reverse=True))
    rx = re.compile(rf"\b(?P<subj>{alt})s?\b", re.I)
    return rx, short, lexicon().lower_set("en", "open-task-heads")


def subject_name(words: list[str]) -> str | None:
    """The short name of a kind of model the words are ("Large Language Models" -> LLM), else None."""
    _rx, short, _heads = _tables()
    key = " ".join(words).lower()
    return short.get(key) or (short.get(key[:-1]) if key.endswith("s") else None)




def _technique(doc: Doc, start: int, end: int, heads: frozenset[str], heads_only: bool = False) -> bool:
    """The words from start to end name a technique or a task: a vocabulary method spans them
    exactly (unless heads_only), or they end with a task head noun and no method's name."""
    vocab = doc.spans.get("kg_vocab", [])
    if heads_only and any(v.label_ == "Method" and v.end_char == end for v in vocab):
        return False  # "Asynchronous Flow Matching for VLA Models": a method, the paper's own
    if not heads_only and any(v.label_ == "Method" and v.start_char == start and v.end_char == end for v in vocab):
        return True
    last = doc_text(doc)[start:end].split()[-1].lower()
    return last in heads or last.rstrip("s") in heads


@task_strategy("title-subject", title_only=True)
def title_subject(index, doc: Doc, found: list[Span]) -> list[Span]:
    """The task a title names on a kind of model: the kind and a vocabulary method or task-head
    phrase right after it ("LLM Reinforcement Learning"), or before "of"/"for"/"in" and it
    ("Pruning of Large Language Models"): named with the kind's short name (LLM pruning)."""
    if found:
        return []
    rx, _short_names, heads = _tables()
    text = doc_text(doc)
    for m in rx.finditer(text):
        cands: list[tuple[int, int, bool]] = []
        # the kind, then one to three title words up to the end of the phrase
        after = re.match(rf"\s+((?:{_WORD}\s+){{0,2}}{_WORD})(?=\s*(?:$|[:,;?!()]|\s(?i:via|with|through|using|for|in|on|by|under|from|and)\b))",
                         text[m.end():])
        if after:
            s = m.end() + after.start(1)
            cands.append((s, m.end() + after.end(1), False))
        # one to three words, then of/for/in and the kind
        before = re.search(rf"(?:^|[:\s])((?:{_WORD}\s+){{0,2}}{_WORD})\s+(?P<prep>of|for|in)\s+(?:the\s+)?$", text[:m.start()])
        if before and not after:
            # (a method "for" a kind of model is often the paper's own: "Asynchronous Flow Matching
            # for VLA Models"; a task head before "for" is the task: "Safety Alignment for LLMs")
            cands.append((before.start(1), before.end(1), before.group("prep").lower() == "for"))
        for s, e, heads_only in cands:
            words = text[s:e].split()
            if re.fullmatch(r"[A-Za-z]+(?:ed|en)", words[0]):
                continue  # "Language Model Guided Reinforcement Learning": the kind of model guides it
            # the longest tail that names a technique or a task ("Non-Uniform Pruning" -> pruning)
            for k in range(len(words)):
                ws = len(" ".join(words[:k])) + (1 if k else 0)
                if k < len(words) - 1 and words[k].lower().endswith("ing"):
                    continue  # "Understanding Interpretability of LLMs": the verb is no part of the task
                if _technique(doc, s + ws, e, heads, heads_only):
                    break
            else:
                continue
            what = " ".join(words[k:])
            if any(w[:1].islower() for w in what.split()) and text[:1].isupper() and re.search(r"\s[A-Z]", text):
                continue  # a title in title case: a lower-case word is a function word, no name
            label = task_label_en(f"{subject_name(m.group('subj').split()) or m.group('subj')} {what}")
            sp = doc.char_span(min(s + ws, m.start()), max(e, m.end()), alignment_mode="expand")
            if sp is None:
                continue
            return [title_fallback_task(index, doc, sp, label, index.concept(label), CONFIDENCE)]
    return []

