"""Pieces several name rules share: the names of a listed group, the clause before a position,
and the context that says a name is proposed."""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..cues import NAME_RE, PROPOSE_EN, STRONG_ZH
from ..names import trim_name

# "定义情感说话风格检索（ESSR）任务", "a new task, Speech Emotion Captioning (SEC)": a task's name
TASK_HEAD = re.compile(r"(?:^|\s)(?:任务|task)\b|任务$|\btask$", re.I)
PROPOSE_CONTEXT = re.compile(rf"(?:{STRONG_ZH})了?\s*(?:一种|一个|一套|新的|新型|首个)?\s*$|\b(?:{PROPOSE_EN})(?:s|d|ed)?\s+(?:a |an |the )?(?:new |novel )?$", re.I)

# a name's own name in brackets right after it: "…挑战赛（AVSEC-4）"
OWN_NAME_AFTER = re.compile(r"\s*[（(]\s*[A-Za-z][A-Za-z0-9\-]{1,20}\s*[）)]")


def names_in(m: re.Match, group: str = "names") -> Iterable[tuple[int, int]]:
    base = m.start(group)
    for nm in NAME_RE.finditer(m.group(group)):
        name = trim_name(nm.group())
        if name.lower() in {"and"} or not name:
            continue
        start = base + nm.start() + max(0, nm.group().find(name))  # leading words may have been dropped
        yield start, start + len(name)


def clause_before(text: str, end: int, width: int) -> str:
    """The clause that ends at `end` (at most `width` characters back), parentheses left out:
    what a proposing verb must stand in to propose the name that follows."""
    return re.split(r"[，,。；;]", re.sub(r"（[^（）]*）|\([^()]*\)", "", text[max(0, end - width):end]))[-1]
