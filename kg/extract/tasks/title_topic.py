"""title-topic: the task a title states as a verb and its object, or as a task noun and what it is of.

Titles of papers outside the vocabulary's field often say what they do with a verb in -ing
("Detecting Personal Data in ...", "Evaluating Bias and Alignment in ...", "Validating
LLM-as-a-Judge Systems under ...") or with a bare task noun and its object ("Detection of Personal
Data in ...", "... for Self-Improvement of Language Agents"). The task is the object named with the
verb's noun: personal data detection, bias evaluation, LLM-as-a-judge validation, language agent
self-improvement. An object that is itself a task name ending with a task head noun ("Evaluating
Embodied Navigation of ...", "Enhancing Automatic Chord Recognition via ...") is the task.

The verbs and their nouns are data (ontology/lexicon/en/gerund-nominals.txt; verbs that only lead
a task name: title-lead-verbs.txt), as are the head nouns of task names (open-task-heads.txt) and
the nouns that end an object without naming it (light-nouns.txt, object-tail-nouns.txt).
"""
from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span

from ..doc import doc_text
from ..lexicon import lexicon
from ..open_tasks import _spells_title_name, title_case
from ..registry import task_strategy
from .common import GENERIC_QUALIFIERS, LEAD_SKIP, title_fallback_task
from .subject import subject_name
from .index import QUALITY_SUFFIX

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-'/.]*[A-Za-z0-9]|[A-Za-z0-9]")
# words that end an object: prepositions, conjunctions, comparisons
_OBJECT_END = frozenset("""of in on for with via using through under from by to at against across into onto as
and or vs versus based without beyond when while where how that which than is are be can do does
""".split())
_DETERMINERS = frozenset("the a an your their its our his her this these those".split())
# an object that names nothing by itself
_EMPTY_OBJECTS = frozenset("""it them this that data models model systems system methods method approaches
approach things everything anything ai llms llm""".split())
CONFIDENCE = 0.75


@functools.lru_cache(maxsize=None)
def _lexicon() -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    lex = lexicon()
    nominals = {}
    for line in lex.words("en", "gerund-nominals"):
        verb, noun = line.split("\t")
        nominals[verb.lower()] = noun
    heads = lex.lower_set("en", "open-task-heads") | lex.lower_set("en", "topic-heads")
    return nominals, lex.lower_set("en", "title-lead-verbs"), heads, \
        lex.lower_set("en", "light-nouns") | lex.lower_set("en", "object-tail-nouns")


def _singular(word: str) -> str:
    """The singular of an object's last word ("Riddles" -> "Riddle", "Agents" -> "Agent"), not of
    words that end in s in the singular ("Analysis", "Bias", "Status", "LLMs" stays an acronym's plural)."""
    if re.fullmatch(r"[A-Z0-9]+s", word):
        return word[:-1]  # LLMs -> LLM
    if re.search(r"(?:ss|us|is|ics|ias|ous)$", word, re.I) or len(word) <= 3:
        return word
    if re.search(r"ies$", word, re.I):
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    return word[:-1] if word.endswith("s") else word


def _object(text: str, pos: int, lower_ok: bool = False) -> list[tuple[int, int, list[str]]]:
    """The objects after a verb at pos: one noun phrase of at most four title words, or two
    coordinated ones ("Bias and Alignment in ..."): (start, end, words) each. Title words start
    with a capital, unless the title is in sentence case (lower_ok)."""
    out: list[tuple[int, int, list[str]]] = []
    words: list[re.Match] = []
    i = pos
    while i < len(text):
        m = _WORD.match(text, i)
        if m is None:
            break
        w = m.group()
        low = w.lower()
        if not words and not out and low in _DETERMINERS:
            if low == "the":
                return []  # "Mitigating the Semantic-Acoustic Conflict", "Regulating the Agency of":
                # a particular thing the paper works on, not the object of a task's name
            pass
        elif low in _OBJECT_END or not (w[0].isupper() or w[0].isdigit() or lower_ok):
            if low == "and" and words and not out:  # "Bias and Alignment": a second object
                out.append((words[0].start(), words[-1].end(), [x.group() for x in words]))
                words = []
            else:
                break
        else:
            words.append(m)
            if len(words) > 4:
                return []  # a long phrase is no object the title names as a task
        if text[m.end():m.end() + 1] != " ":
            break  # punctuation after the word ends the phrase
        i = m.end() + 1
    if words:
        out.append((words[0].start(), words[-1].end(), [x.group() for x in words]))
    return out


def _qualities(words: list[str]) -> int:
    """How many words open a phrase as qualities of it, no words of a task name ("Robust",
    "More Comprehensive", "Utility-Aware", "Leveraging")."""
    k = 0
    while k < len(words) and (words[k].lower() in LEAD_SKIP or words[k].lower() in GENERIC_QUALIFIERS
                              or words[k].lower() in ("more", "less", "better")
                              or words[k].lower().rsplit("-", 1)[-1] in QUALITY_SUFFIX
                              or words[k].lower().endswith("ing") and words[k].lower() not in _lexicon()[2]):
        k += 1
    return k


def _task_of(words: list[str], noun: str | None, topic_only: bool = False) -> str | None:
    """The task named by an object and the verb's noun; when the object is itself a task name
    ending with a head noun (of the topic heads only, when topic_only), the object."""
    _nominals, _lead, heads, light = _lexicon()
    kind = subject_name(words)
    if kind is not None:  # "Quantization of Large Language Models": LLM quantization
        return f"{kind} {noun}" if noun is not None else None
    words = list(words)
    while len(words) > 1 and words[-1].lower() in light:
        words = words[:-1]
    last = words[-1].lower()
    stem = last[:-2] if last.endswith("es") else last[:-1] if last.endswith("s") else last
    if last in heads or stem in heads:
        if topic_only and last not in _topic_heads() and stem not in _topic_heads():
            return None
        named = words[_qualities(words[:-1]):]  # the object is a task name: without the qualities before it
        if len(named) >= 2:
            return " ".join(named)
        if topic_only or noun is None or len(words) > 1:
            return None
        # a bare head as the object ("Evaluating Fairness and Calibration"): the verb's task of it
    if noun is None or all(w.lower() in _EMPTY_OBJECTS for w in words):
        return None
    if len(words) == 1 and (words[0].lower() in GENERIC_QUALIFIERS or len(words[0]) < 3):
        return None
    return " ".join([*words[:-1], _singular(words[-1]), noun])


@functools.lru_cache(maxsize=None)
def _method_task_heads() -> frozenset[str]:
    """Head nouns a method's name and a task's share ("Sliding Mode Control", "vehicle platoon
    control"; en/task-heads.txt, not the open heads: "Preference Optimization" names no task)."""
    return lexicon().lower_set("en", "task-heads")


def _is_head(word: str, heads: frozenset[str]) -> bool:
    """The word is one of the head nouns, singular or plural ("Detection", "Detections")."""
    return word.lower() in heads or word.lower().rstrip("s") in heads


def _method_at(doc: Doc, start: int, end: int) -> bool:
    """A vocabulary method's name ends at `end` and starts at or after `start` ("Sliding Mode Control")."""
    return any(v.label_ == "Method" and v.end_char == end and v.start_char >= start for v in doc.spans.get("kg_vocab", []))


@functools.lru_cache(maxsize=None)
def _topic_heads() -> frozenset[str]:
    return lexicon().lower_set("en", "topic-heads")


# where a title clause starts: the title's start, after a colon, a question or exclamation mark, a dash, "for" or "towards"
_CLAUSE = re.compile(r"(?:^|[:?!—]\s*|\s--?\s+|\b(?:[Ff]or|[Tt]owards?)\s+)(?=[A-Z])")


@task_strategy("title-topic", title_only=True)
def title_topic(index, doc: Doc, found: list[Span]) -> list[Span]:
    """The task a title states as a verb in -ing and its object ("Detecting Personal Data in
    ..." -> personal data detection) or as a bare task noun and its object ("Detection of
    Personal Data in ...", "for Self-Improvement of Language Agents"): the object named with
    the verb's noun, or the object when it is itself a task name ending with a task head noun."""
    nominals, lead_verbs, heads, _light = _lexicon()
    text = doc_text(doc)
    out: list[Span] = []
    known = {k.kb_id_ for k in found if k.kb_id_}
    lower_ok = not title_case(text)  # a title in sentence case: its task's words are lower case
    for c in _CLAUSE.finditer(text):
        m = _WORD.match(text, c.end())
        if m is None:
            continue
        first = m.group()
        low = first.lower()
        if low.endswith("ly") and text[m.end():m.end() + 1] == " ":
            # "Automatically Generating Riddles ...": the adverb before the verb is no part of the task
            nxt = _WORD.match(text, m.end() + 1)
            if nxt is not None and nxt.group().lower() in nominals:
                m, first, low = nxt, nxt.group(), nxt.group().lower()
        after = m.end()
        verbs: list[str | None] = []
        topic_only = False
        if low in nominals or low in lead_verbs:
            verbs.append(nominals.get(low))
            # "Identifying and Correcting Errors in ...": two verbs, one object
            two = re.match(r"\s+and\s+([A-Za-z]+ing)\b", text[after:])
            if two and two.group(1).lower() in nominals:
                verbs.append(nominals[two.group(1).lower()])
                after += two.end()
            objects = _object(text, after + 1, lower_ok) if text[after:after + 1] == " " else []
        else:
            # "Detection of Personal Data", "Robust Detection of Chinese AI-Generated Text": a bare
            # task noun (after its qualities) and what it is of
            lead = _object(text, c.end(), lower_ok)
            words = lead[0][2] if len(lead) == 1 else []
            k = _qualities(words)
            of = re.match(r"\s+of\s+", text[lead[0][1]:]) if len(lead) == 1 else None
            for_ = re.match(r"\s+for\s+", text[lead[0][1]:]) if len(lead) == 1 else None
            if of and len(words) == k + 1 and _is_head(words[k], heads):
                verbs.append(words[k].lower())
                objects = _object(text, lead[0][1] + of.end(), lower_ok)
            elif for_ and words and words[-1].lower() in _method_task_heads() and _method_at(doc, lead[0][0] + len(" ".join(words[:k])) + (1 if k else 0), lead[0][1]):
                # "Adaptive Sliding Mode Control for Vehicle Platoons": a method whose name ends with a
                # task head, for an object that is no task -> the object's task of that head (vehicle platoon control)
                verbs.append(words[-1].lower())
                objects = _object(text, lead[0][1] + for_.end(), lower_ok)
                # (not an object that is a task, nor one abstract noun: "for Generalization", "for Efficiency")
                objects = [o for o in objects if not _is_head(o[2][-1], heads)
                           and not (len(o[2]) == 1 and re.search(r"(?:ion|ity|ness|ment|ence|ance|ing)$", o[2][0], re.I))]
            else:  # "AI Ethics Education in India: ...": a noun phrase ending with a topic head noun
                verbs.append(None)
                objects, topic_only = lead[-1:], True
        for n, (s, e, words) in enumerate(objects):
            own = nominals.get(words[0].lower()) if n and len(words) > 1 else None
            for noun in verbs:
                # "Detecting Glare and Measuring Contrast": the second object has its own verb
                label = _task_of(words[1:], own) if own else _task_of(words, noun, topic_only)
                if label is None:
                    continue
                # (the verb and the first object; a second object alone: "Evaluating Bias and Alignment")
                sp = doc.char_span(c.end() if n == 0 else s, e, alignment_mode="expand")
                if sp is None or any(k.start < sp.end and sp.start < k.end for k in found + out):
                    continue  # another strategy has a task there
                if _spells_title_name(text, label) or _spells_title_name(text, sp.text):
                    continue  # "DEPO: Dual-Efficiency Preference Optimization ...": the method's long form
                iri = index.concept(label)
                if iri in known:
                    continue
                out.append(title_fallback_task(index, doc, sp, label, iri, CONFIDENCE))
                break  # one span per object (two verbs on one object: the first names the span)
    return out
