"""title-paradigm: a technique that also names a research problem, made the title's topic, is a task.

Some methods of the vocabulary are also what a paper is about: a learning setting (continual,
zero-shot, curriculum, federated learning), a problem named after its technique (model merging,
trajectory optimization, retrieval-augmented generation, test-time scaling, post-training
quantization). Used as a means ("... via Reinforcement Learning", "Contrastive Learning for Speech
Emotion Domain Generalization") they are methods; made the topic of a title ("A Unified Dynamic
Framework for Curriculum Learning", "Achieving Superior Model Merging via ...", "Visual Patches for
Zero-Shot Learning") they are the task the paper addresses.

The techniques are data (ontology/rules/methods-also-tasks.txt, preferred labels of vocabulary
methods). The title's topic: the vocabulary's match, not after a word that makes it a means
(with, via, using, through, by, from, under, based on, and), and followed by the end of the title
or of its part (a colon, a comma), a preposition that says what it is done for or by ("for", "via",
"with", "in", "on", ...), or a noun that names the work ("Framework", "Benchmark"); a following
noun it modifies ("Reinforcement Learning Teachers", "Pruning Whisper") makes it no topic.

The task is a new task of the technique's name (kg.link keeps it apart from the method, as it does
for a Chinese frame's task of a method's name), with the rule "task-paradigm".
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ...vocab import norm, rule_words
from ..doc import doc_text
from ..open_tasks import OpenTask
from ..registry import RULES, task_strategy
from ..lexicon import lexicon
from . import title_last
from .common import GENERIC_QUALIFIERS, task_tables

RULE = "task-paradigm"
ALSO_TASKS = rule_words("methods-also-tasks.txt")
# what makes the match a means of the work: the means words of title-last, a conjunction, a using verb
_MEANS_BEFORE = title_last._MEANS | frozenset("and or leveraging exploiting".split())
# what may follow the topic: a preposition, or a noun that names the work on it ("A Federated Learning
# Approach" is the work's means: no such noun); not "for" ("Contrastive Learning for Speech Emotion
# Domain Generalization": a means for the task after it)
_AFTER_OK = frozenset("""via with using through by in on under across beyond at from to of without
framework frameworks benchmark benchmarks toolkit library survey review""".split())
# the function words that open a title's phrase
_FUNCTION = frozenset("""for towards toward of in on to at across beyond into over within without as a an the
and or with via using through by from under based""".split())


def _before_word(text: str, start: int) -> str | None:
    """The function word that opens the phrase the match ends ("with" in "... With Sparse
    Quantization", "for" in "for Efficient Multi Hop Retrieval Augmented Generation"), looking
    back over at most three modifiers; None at the start of the title or of a part after a colon
    or a dash, or when no function word is near."""
    head = text[:start].rstrip()
    for _ in range(4):
        if not head or head.endswith((":", "—", " -", "–", ",")):
            return None
        m = re.search(r"([A-Za-z][A-Za-z\-']*)\W*$", head)
        if m is None:
            return None
        word = m.group(1)
        if word.lower() in _FUNCTION or word.islower() and word.lower() in _MEANS_BEFORE:
            return word.lower()
        head = head[:m.start()].rstrip()
    return None


def _after(text: str, end: int) -> str | None:
    """The word right after the character offset, "" at the end of the title or of a part (a colon,
    a comma, a bracket), None after another character."""
    tail = text[end:]
    if not tail.strip() or re.match(r"\s*[:,;()\[\]?!—–]|\s+-\s", tail):
        return ""
    m = re.match(r"\s+([A-Za-z][A-Za-z\-']*)", tail)
    return m.group(1).lower() if m else None


def _noun_before(text: str, start: int) -> bool:
    """A word of the same name right before a one-word technique: a capitalised word that is no
    function word and no quality ("Robot" in "Robot Teleoperation"; not "Sparse", "Efficient", nor
    "Skewness-Guided")."""
    m = re.search(r"([A-Za-z][A-Za-z\-']*)\s+$", text[:start])
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    return word[0].isupper() and low not in _FUNCTION and low not in GENERIC_QUALIFIERS \
        and low.rsplit("-", 1)[-1] not in lexicon().lower_set("en", "quality-suffixes") \
        and not re.search(r"(?:al|ive|ous|ic|ient|ent|ant|ed|ful|less|able|ible|ar|ary)$", low)


@task_strategy("title-paradigm", title_only=True)
def title_paradigm(index, doc: Doc, found: list[Span]) -> list[Span]:
    """The title's topic when it is a technique that also names a research problem."""
    text = doc_text(doc)
    if not ALSO_TASKS or re.search(r"[\u3400-\u9fff]", text):
        return []
    vocabulary = index.vocabulary
    info, names, _broader = task_tables(doc)
    conf = RULES[RULE].confidence
    out: list[Span] = []
    for v in doc.spans.get("kg_vocab", []):
        if v.label_ != "Method":
            continue
        c = vocabulary.concepts.get(v.kb_id_)
        if c is None or c.pref.lower() not in ALSO_TASKS:
            continue
        if any(o.start < v.end and v.start < o.end for o in found + out):
            continue
        before = _before_word(text, v.start_char)
        after = _after(text, v.end_char)
        if before in _MEANS_BEFORE or after is None or after not in _AFTER_OK and after != "":
            continue
        if v.end < len(doc) and doc[v.end].text == "-" or text[v.end_char:v.end_char + 1] == "-":
            continue  # "Reinforcement Learning-based ...": a means
        if " " not in v.text.strip() and "-" not in v.text and v.text.lower() != c.pref.lower() \
                and not v.text.isupper():
            continue  # one word that is another name of it ("Better Disentanglement in ..."): no topic
        if " " not in v.text.strip() and _noun_before(text, v.start_char):
            continue  # "... in Robot Teleoperation": the topic is the longer name, left to the other strategies
        key = (v.start, v.end)
        written = v.text if norm(v.text) != norm(c.pref) else None  # "Lifelong Learning": its other name
        info[key] = OpenTask(v.start_char, v.end_char, c.pref, RULE, conf)
        names[key] = c.pref
        if written:
            doc.user_data.setdefault("kg_task_alt", {})[key] = written
        out.append(Span(doc, v.start, v.end, label="Task", kb_id=""))
    return out
