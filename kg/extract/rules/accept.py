"""The acceptance policy every name rule's candidate goes through: trimmed, a name (not a common
word), and typed as a task when the text calls it one."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...vocab import norm
from ..names import NAME_LEAD, STOPLIST, dataset_shape, name_like, spelled_long_form, title_case_name, trim_name
from ..registry import NameRule

TASK_AFTER = re.compile(r"\s*(?:等?相关)?任务|\s+tasks?\b", re.I)


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    type: str
    rule: str
    confidence: float
    novel: bool
    typed: bool  # the type comes from a head noun, not from the default


# an edition year after a dataset's name (as kg.extract.mentions reads it after a vocabulary dataset)
_EDITION = re.compile(r" (?:19|20)\d\d(?: [Tt]ask ?\d{1,2}[A-Za-z]?)?(?![A-Za-z0-9]|[.,]\d)")


def accept(text: str, s: int, e: int, type_: str | None, rule: NameRule, novel: bool, plain_ok: bool = False,
           title_ok: bool = False, whole: bool = False) -> Candidate | None:
    """The candidate text[s:e] of `rule`, trimmed, or None when it is not a name.

    plain_ok: one plain capitalised word may be a name here; title_ok: so may a Title-Case phrase
    (the rule id may allow either everywhere, see kg.extract.registry); whole: the rule read the
    name's extent and shape itself (a name of several words: "AudioMOS Challenge 2025",
    "Interspeech 2026音频推理挑战赛"), it is neither trimmed nor checked for a name's shape."""
    name = text[s:e]
    if spelled_long_form(text, s):
        return None  # "RINSER (AccuRate API predictioN using maSked ...)": the acronym's letters, no names
    if re.match(r"['’]s\b", text[e:e + 3]) or re.search(r"['’]s$", name):
        return None  # "JHU's system": an owner, not a name of a method or dataset
    trimmed = name.strip() if whole else trim_name(name)
    s += max(0, name.find(trimmed))
    e = s + len(trimmed)
    plain_ok = plain_ok or rule.rule.plain_word
    if not whole and not (name_like(trimmed) or ((title_ok or rule.rule.title_case) and title_case_name(trimmed))
            or (type_ == "Dataset" and title_case_name(trimmed) and re.search(r" (?:Corpus|Dataset|Database)$", trimmed))
            or (plain_ok and re.fullmatch(r"[A-Z][a-z]{3,}", trimmed) and norm(trimmed) not in STOPLIST
                and trimmed.lower() not in NAME_LEAD)):
        return None
    if type_ is None and dataset_shape(trimmed):
        type_ = "Dataset"  # "HarmBench", "WebWalkerQA": no head noun, but the name says what it is
    if type_ == "Dataset" and (year := _EDITION.match(text, e)):
        e = year.end()  # "在BraTS 2020数据集上", "DNS 2020和…": the edition a year names is the dataset
    if TASK_AFTER.match(text, e):
        type_ = "Task"  # "CapTTS相关任务", "在NVER任务中", "the SEC task": the name of a task
    conf = rule.confidence
    return Candidate(s, e, type_ or "Method", rule.rule.id, conf if type_ else conf - 0.1, novel, type_ is not None)
