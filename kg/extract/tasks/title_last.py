"""title-last: when a paper states no task at all, the task its title names as an activity.

Many papers outside the vocabulary's field state their task only as a title phrase that no frame,
head noun list or vocabulary entry marks: "Model Predictive Control for Cooperative Docking Between
...", "Real-time Photorealistic Mapping for ... in Robot Teleoperation", "Crane Lowering Guidance
Using a ...". This strategy proposes, as a last resort, the title's phrases whose last word names
an activity (a task head noun, or a noun with an activity ending: ontology/lexicon/en/
activity-noun-endings.txt, less not-activity-nouns.txt), at most two, in this order: what the
title says the work is for ("for X", "towards X"), what it opens with ("X via/using/with ..."),
what it is of or in ("of X", "in X", "on X"). A phrase after "with" is a means, never the task,
and so is one that ends with a method of the vocabulary ("Reinforcement Learning of ...") and one
that opens with a verb in -ing that no verb noun names ("Improving Summarization"); the long form of
the name the title opens with ("PAD-TRO: Projection-Augmented Diffusion ...") is no task.

The mentions carry the rule "task-last": kg.link keeps them only when the paper has no other task
(nor the task of its arXiv category, which comes after them).
"""
from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span

from ..doc import doc_text
from ..lexicon import lexicon
from ..open_tasks import _spells_title_name, title_case
from ..registry import RULES, task_strategy
from . import title_topic
from .common import GENERIC_QUALIFIERS, LEAD_SKIP, title_fallback_task

RULE = "task-last"
_WORD = re.compile(r"[A-Za-z0-9$][A-Za-z0-9\-'/.$_{}]*[A-Za-z0-9}]|[A-Za-z0-9]")
# words that end a phrase and say how the next phrase relates to the title's work
_PURPOSE = frozenset("for towards toward".split())
_PLACE = frozenset("of in on".split())
_MEANS = frozenset("with via using through by from under based".split())
_OTHER = frozenset("""to at against across into onto between beyond without within over among and or versus vs
as when while where how why what who whom whether that which than is are be can do does meets meet not just only
also""".split())
_BREAK = _PURPOSE | _PLACE | _MEANS | _OTHER
_DETERMINERS = frozenset("the a an your their its our his her this these those more less new first".split())
MAX_WORDS = 4
# what a participle may follow ("System Employing a ..."); "Model Tuning" is a task
_DEVICES = frozenset("system framework pipeline platform tool device".split())
# nouns that end a title's phrase and name the work, not what it does
_WORK_NOUNS = frozenset("research study studies approach approaches method methods technique techniques".split())


@functools.lru_cache(maxsize=None)
def _lexicon() -> tuple[re.Pattern, frozenset[str], frozenset[str], frozenset[str]]:
    lex = lexicon()
    endings = re.compile(r"(?:%s)s?$" % lex.alternation("en", "activity-noun-endings"), re.I)
    heads = lex.lower_set("en", "open-task-heads") | lex.lower_set("en", "task-heads") | lex.lower_set("en", "topic-heads")
    tails = lex.lower_set("en", "light-nouns") | lex.lower_set("en", "object-tail-nouns")
    return endings, heads, lex.lower_set("en", "not-activity-nouns"), tails


def activity_head(word: str) -> bool:
    """The word can end a task's name: a task head noun, or a noun with an activity ending."""
    endings, heads, not_activity, tails = _lexicon()
    low = word.lower()
    last = low.rsplit("-", 1)[-1]
    if low in tails or last in tails or low in not_activity or last in not_activity:
        return False
    return low in heads or low.rstrip("s") in heads or last in heads or \
        bool(re.fullmatch(r"[a-z\-]+", low)) and len(last) > 4 and endings.search(last) is not None


def _segments(text: str) -> list[tuple[int, int]]:
    """The parts of a title to read: after a short name before a colon ("PAD-TRO: ..."), or each
    part around the colon."""
    m = re.match(r"\s*([^:]{1,80}):\s+", text)
    if m is None:
        return [(0, len(text))]
    lead = m.group(1)
    if len(_WORD.findall(lead)) <= 2:
        return [(m.end(), len(text))]
    return [(0, m.end(1)), (m.end(), len(text))]


def phrases(text: str) -> list[tuple[int, int, int]]:
    """(priority, start, end) of the title's activity phrases, best first (0 purpose, 1 opening,
    2 place); two to MAX_WORDS words, leading determiners and qualities left out."""
    out: list[tuple[int, int, int]] = []
    lower_ok = not title_case(text)
    for seg_start, seg_end in _segments(text):
        seg = text[seg_start:seg_end]
        words: list[re.Match] = []
        before: str | None = "start"

        def close(kind: str | None) -> None:
            ws = list(words)
            while ws and (ws[0].group().lower() in _DETERMINERS or ws[0].group().lower() in LEAD_SKIP
                          or ws[0].group().lower() in GENERIC_QUALIFIERS):
                ws.pop(0)  # (a quality: "Real-time", "Robust")
            while len(ws) > 1 and (ws[-1].group().lower() in _lexicon()[3] or ws[-1].group().lower() in _WORK_NOUNS):
                ws.pop()  # "Shrimp Disease Detection Research", "A Unified Calibration Framework"
            if not ws or len(ws) > MAX_WORDS or kind is None or kind == "means":
                return
            if not activity_head(ws[-1].group()):
                return
            last, prev = ws[-1].group().lower(), ws[-2].group().lower() if len(ws) > 1 else ""
            if last.endswith("ing") and (re.search(r"[^s]s$", prev) or prev in _DEVICES):
                return  # a participle after its noun ("Equations Arising in ...", "System Employing a ...")
            if len(ws) == 1 or any("'" in w.group() for w in ws):
                return  # one word ("Control", "Complexity") names no task; "Representative's Perception" a view
            prio = {"purpose": 0, "start": 1, "place": 2}[kind]
            out.append((prio, seg_start + ws[0].start(), seg_start + ws[-1].end()))

        pos = 0
        while pos < len(seg):
            gap = re.match(r"[^A-Za-z0-9$]*", seg[pos:])
            if "'" in gap.group() or "’" in gap.group():  # "Pilots' Perception": a possessive, a view
                words, before = [], None
            elif gap.group() and re.search(r"[,;:!?()\[\]—]|\s-+\s", gap.group()):
                close(before)
                words, before = [], "start" if re.search(r"[:—]|\s-+\s", gap.group()) else None
            pos += gap.end()
            m = _WORD.match(seg, pos)
            if m is None:
                break
            low = m.group().lower()
            if low not in _BREAK and not lower_ok and m.group()[0].islower():
                # a lower-case word in a Title Case title ends a name ("Unsupervised Dereverberation guided by")
                close(before)
                words, before = [], None
            elif low in _BREAK:
                close(before)
                words = []
                before = "purpose" if low in _PURPOSE else "place" if low in _PLACE else \
                    "means" if low in _MEANS else None
            else:
                words.append(m)
            pos = m.end()
        close(before)
    out.sort(key=lambda p: (p[0], p[1]))
    return out


@task_strategy("title-last", title_only=True)
def title_last(index, doc: Doc, found: list[Span]) -> list[Span]:
    """At most two activity phrases of a title, none where another strategy found a task (kept by
    kg.link only when no other task of the paper is linked: the others may all be dropped there)."""
    text = doc_text(doc)
    if re.search(r"[\u3400-\u9fff]", text):
        return []
    conf = RULES[RULE].confidence
    nominals = title_topic._lexicon()[0]
    out: list[Span] = []
    for _prio, s, e in phrases(text):  # best first
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is None or any(o.start < sp.end and sp.start < o.end for o in out + found):
            continue
        label: str | None = sp.text
        first, _sep, rest = sp.text.partition(" ")
        if rest and first.lower() in nominals:  # "Detecting Hull Cracks" -> hull crack detection
            label = title_topic._task_of(rest.split(), nominals[first.lower()])
        elif rest and first.lower().endswith("ing"):
            label = None  # a verb and an object no verb noun names ("Improving Summarization", "Combining ... Scaling")
        if label is None or _spells_title_name(text, label):
            continue  # (the long form of the title's name is a method's)
        if any(v.label_ in ("Method", "Dataset") and v.start >= sp.start and v.end == sp.end
                 and (v.start == sp.start or len(v) > 1) for v in doc.spans.get("kg_vocab", [])):
            # "Reinforcement Learning of Dolly-In Filming", "Curriculum Guided Reinforcement Learning for
            # ...": a phrase that ends with a method's (or a dataset's) name is a means
            continue
        out.append(title_fallback_task(index, doc, sp, label, index.concept(label), conf, rule=RULE))
        if len(out) == 2:
            break
    return out
