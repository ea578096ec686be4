"""title-name: the name a title presents ("Name: subtitle", "Name Technical Report", "The X Corpus"),
and the head-noun rule as it applies to titles."""
from __future__ import annotations

import re

from ..cues import DATASET_HEADS_EN, DATASET_HEADS_ZH, NAME_U, NAME_U_I
from ..lexicon import lexicon
from ..names import strong_word, type_of_head, window_type
from ..registry import name_rule
from .heads import HEAD_AFTER_EN

_TITLE_NAME = re.compile(rf"^\s*(?P<name>{NAME_U})\s*(?:[:：]|\s--?\s|\s[—–]\s)\s*(?P<rest>.+)$")
_TITLE_REPORT = re.compile(rf"^\s*(?P<name>{NAME_U_I})\s+(?:Technical Report|System Report|System Description)\b", re.I)
_TITLE_RESOURCE = re.compile(rf"^\s*(?:The\s+)?(?P<name>{NAME_U})\s+(?P<rest>(?:Corpus|Dataset|Database|Benchmark|Challenge))\b")
# (a dataset head noun before a task's noun is that task's word: "Optimization-free Dataset Distillation",
# "Caption Dataset Refinement")
DATASET_SUBTITLE = re.compile(rf"\b(?:{DATASET_HEADS_EN})\b(?!\s+[A-Za-z-]+(?:tion|sion|ment|ing)\b)"
                              rf"|\b(?:benchmarking|evaluating|evaluation|assessing)\b|{DATASET_HEADS_ZH}", re.I)


def _title_name_match(text: str) -> re.Match | None:
    return _TITLE_NAME.match(text) or _TITLE_REPORT.match(text)


_METHOD_TAILS = lexicon().lower_set("en", "title-method-tails")
_LEADS = lexicon().lower_set("en", "title-lead-words") | lexicon().lower_set("en", "name-lead-words")


def slogan(text: str) -> bool:
    """"Token-Level Logits Matter: ..." opens with a slogan, not a name: no rule reads this title further
    (but "Supervised Optimism Correction: ..." names a method by its last word, en/title-method-tails.txt)."""
    m = _title_name_match(text)
    if m is None:
        return False
    words = m.group("name").split()
    return len(words) > 1 and not any(strong_word(w) for w in words) \
        and (words[-1].lower() not in _METHOD_TAILS or words[0].lower() in _LEADS)  # ("Beyond Policy Optimization:")


@name_rule("title-name", title=True)
def title_resource(text, add):
    """"The MELD Corpus", "EmoBox Benchmark": a resource named by its title."""
    m = _TITLE_RESOURCE.match(text)
    if m:
        add(m.start("name"), m.end("name"), "Dataset", True)


@name_rule("title-name", title=True)
def title_name(text, add):
    """"EmoVoice: ...", "X Technical Report": typed by the subtitle's head noun."""
    m = _title_name_match(text)
    if m and not slogan(text):
        rest = m.groupdict().get("rest") or ""
        head = rest.split(" for ")[0] if rest else ""
        t = "Dataset" if DATASET_SUBTITLE.search(head) else ("Method" if window_type(head) else None)
        add(m.start("name"), m.end("name"), t, True)


@name_rule("cue-head", title=True)
def title_head_after_en(text, add):
    """"... with the Foo model": a name and its head noun, in a title."""
    if slogan(text):
        return
    for m in HEAD_AFTER_EN.finditer(text):
        add(m.start("name"), m.end("name"), type_of_head(m.group("head")), False)
