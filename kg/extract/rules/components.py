"""Method names that summaries write without a proposing verb or a using verb:

  component_en   "A Pose Alignment Module maps ...", "a Top-K Hard Selection strategy", "X is a new method ..."
  kind_before_en "the odometry algorithm VINS-Mono", "the sampling-based planner MPPI"
  shaped_name    a name whose shape says it is one (VINS-Mono, pi0-FAST, GottBERT, DenseNet201) wherever it is
"""
from __future__ import annotations

import re

from ..cues import DATASET_HEADS_EN, METHOD_HEADS_EN, NAME_U
from ..lexicon import lexicon
from ..names import default_type, head_type, type_of_head
from ..registry import name_rule

# a Title-Case phrase of two to five words ("Pose Alignment Module", "Top-K Hard Selection", "Dual-Role Stream
# Orchestrator"); "of"/"for" may join its words ("Temperature Sensitivity of Uncertainty")
_TC_WORD = r"(?:[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)"
_TITLE_PHRASE = rf"{_TC_WORD}(?:\s+(?:(?:of|for|and)\s+)?{_TC_WORD}){{1,4}}"
_HEAD = rf"(?i:{METHOD_HEADS_EN})"
_KIND_WORDS = lexicon().alternation("en", "method-kind-nouns")
# "A Dynamic Semantic Trigger decides ...", "An SDF Network incorporates ...": a component that the summary
# describes by what it does (an article, the phrase, then a verb in the third person)
_COMPONENT_DOES = re.compile(rf"(?:^|(?<=[.;:,]\s)|(?<=\band\s))(?:A|An|a|an)\s+(?P<name>{_TITLE_PHRASE})\s+"
                             rf"(?P<verb>[a-z]{{3,}}(?<!ss)s)\b(?!\s+(?:of|and|or)\b)")
# "a Top-K Hard Selection strategy", "a new Spatial Distance Constraint that ...": a phrase and its head noun
_COMPONENT_HEAD = re.compile(rf"\b(?:a|an|the|our|its|their)\s+(?:(?:new|novel|proposed|simple|lightweight)\s+)?"
                             rf"(?P<name>{_TITLE_PHRASE})\s+(?P<head>{_HEAD})\b")
# "Segment Anyword is a training-free ... method", "Fovea Stacking is a new imaging system": a sentence
# that defines the name it opens with (the words between are possessive, ++: a letter given back could
# never let the space after it match)
_IS_A = re.compile(rf"(?:^|(?<=[.;]\s))(?P<name>{_TITLE_PHRASE}|{NAME_U})\s+is\s+(?:a|an)\s+(?:[\w-]++\s+){{0,7}}?"
                   rf"(?P<head>(?i:{DATASET_HEADS_EN}|{METHOD_HEADS_EN}))\b")
# "the visual-inertial odometry algorithm VINS-Mono", "the planner MPPI": a kind of method, then its name
_KIND_BEFORE = re.compile(rf"\b(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?(?P<head>{_HEAD}|(?i:{_KIND_WORDS}))\s+"
                          rf"(?P<name>{NAME_U})")
# "the Viterbi algorithm", "Platt scaling", "Bayes' theorem", "Hadamard transformations": a capitalised
# proper name (not a sentence's first word, not a language) and a classic method's noun
_EPONYM_HEADS = lexicon().alternation("en", "eponym-method-heads")
_EPONYM = re.compile(rf"(?<=[a-z,;:(]\s)(?P<name>[A-Z][a-z]{{2,}}(?:['’]s?)?\s+(?:{_EPONYM_HEADS}))\b(?!-)")
_LANGUAGES = lexicon().lower_set("en", "languages")
# words a component's verb never is ("A Comprehensive Survey focuses" is fine, "A Study Shows": a title)
_NOT_VERBS = {"this", "its", "has", "was", "is", "thus", "plus", "across", "towards", "as", "us", "always"}


@name_rule("cue-head", confidence="component")
def component_en(text, add):
    """"A Pose Alignment Module brings inputs to a canonical pose", "a Top-K Hard Selection strategy",
    "Segment Anyword is a training-free ... method": a Title-Case component the summary describes."""
    for m in _COMPONENT_DOES.finditer(text):
        if m.group("verb") in _NOT_VERBS:
            continue
        add(m.start("name"), m.end("name"), "Method", True, title_ok=True)
    for m in _COMPONENT_HEAD.finditer(text):
        # a capitalised head is part of the name ("the Self-Adaptive Convolution Module"), a lower-case one is not
        end = m.end("head") if m.group("head")[:1].isupper() else m.end("name")
        add(m.start("name"), end, type_of_head(m.group("head")), True, title_ok=True)
    for m in _IS_A.finditer(text):
        add(m.start("name"), m.end("name"), type_of_head(m.group("head")), True, title_ok=True)


@name_rule("cue-head")
def kind_before_en(text, add):
    """"the visual-inertial odometry algorithm VINS-Mono", "the sampling-based planner MPPI"."""
    for m in _KIND_BEFORE.finditer(text):
        s, e = m.start("name"), m.end("name")
        add(s, e, head_type("", text[e:]) or type_of_head(m.group("head")), False)


# a word that can only be a name by its shape: capitals inside it after a lower-case letter, or letters
# and digits run together, or a capitalised part joined to another by a hyphen ("VINS-Mono", "pi0-FAST",
# "GottBERT", "DenseNet201", "MAP-Elites"); not an all-capital acronym (LLM, GDPR: anything), not a
# quantity or a unit ("7B", "4K", "3D", "RGB-D")
_SHAPED = re.compile(r"(?<![A-Za-z0-9_\-.+])(?P<name>(?=[A-Za-z0-9\-+.]*[a-z])(?=[A-Za-z0-9\-+.]*[A-Z0-9])"
                     r"[A-Za-z][A-Za-z0-9]*(?:[-+.][A-Za-z0-9]+)*\+*)(?![A-Za-z0-9_\-+]|\.[A-Za-z0-9])")


# a unit or a size ("48kHz", "16GB", "30fps"), a combination of names ("CRNN+BEATs"), a form made with a
# suffix ("LoRA-tuned"): no name of its own
_NOT_SHAPED = re.compile(r"^[xX×]\d+(?:\.\d+)?$|(?:^|[^-])\b\d+(?:\.\d+)?[kKMGT]?(?:Hz|B|b|fps|FPS|ms|px|dB|bit)$|-(?:tuned|trained|style|like|level|wise|based|induced|aware|guided|driven|enhanced|specific|free|only|centric|scale)$"
                         r"|[A-Za-z0-9]\+[A-Za-z]")
# where the data of a paper is named ("on BraTS and KiTS", "in Town13", "from CheXpert-Plus"): a name there
# may be a dataset as well as a method, and the dataset rules read it
_DATA_BEFORE = re.compile(rf"\b(?:on|in|across|from|of|into)\s+(?:the\s+)?(?:{NAME_U}(?:\s+v?\d[\w.]*)?\s*(?:,|and|or)\s*(?:and\s+)?)*$")


_METRIC_PARTS = lexicon().set("en", "metric-name-parts")


_LOWER, _UPPER, _CAPITALISED = re.compile(r"[a-z]"), re.compile(r"[A-Z]"), re.compile(r"[A-Z][a-z]+")
_PART_SPLIT, _CAP_OR_DIGIT = re.compile(r"[-+.]"), re.compile(r"[A-Z0-9]")
_INNER_CAP, _LETTER_DIGIT = re.compile(r"[a-z][A-Z]"), re.compile(r"[A-Za-z]\d|\d[A-Za-z]")
_ACRONYM_PART = re.compile(r"[A-Z]{2,}\d*")
_TOKEN_BEFORE, _TOKEN_AFTER = re.compile(r"\S*$"), re.compile(r"\S*")
_LINK = re.compile(r"https?:|www\.|/|@|\.(?:com|org|io|ai)\b")
_OPEN_BRACKET, _TASK_AFTER = re.compile(r"[（(]\s*$"), re.compile(r"\s*[）)]\s*(?:任务|tasks?\b)")
_RELEASE = re.compile(r" [vV]?\d{1,2}\.\d{1,2}(?![\d.]*[A-Za-z%])")


# a word written with a stylised capital, no name: "eXplainable", "MultiModal", "CrossModal", "SelfSupervised"
# (an adjective's ending after a one-letter or a prefix start; "iNaturalist" and "MetaWorld" stay names)
_STYLISED_WORD = re.compile(r"(?:[a-z]|Multi|Cross|Self|Semi|Non|Pre|Post|Inter|Intra|Meta|Co|Re|Un)[A-Z](?=[a-z]{4,}$)[a-z]*"
                            r"(?:able|ible|al|ive|ous|ic|ed|ar|ant|ent)")


def _shaped(word: str) -> bool:
    if not _LOWER.search(word) or not _UPPER.search(word) or _CAPITALISED.fullmatch(word) \
            or _NOT_SHAPED.search(word) or _STYLISED_WORD.fullmatch(word):
        return False
    parts = _PART_SPLIT.split(word)
    if any(p in _METRIC_PARTS or (p[:1].islower() and p[1:] in _METRIC_PARTS) for p in parts):
        return False  # "F1-max", "CoNLL-F1", "mHOTA", "cIoU": a metric
    if word[0].islower() and not _CAP_OR_DIGIT.search(parts[0]):
        return False  # "strategy-ADA-DPM": a word and a name run together, not one name
    inner_cap = any(_INNER_CAP.search(p) for p in parts)  # GottBERT, DenseNet, pi0-FAST's "pi0"
    letters_digits = any(_LETTER_DIGIT.search(p) for p in parts)  # DenseNet201, pi0
    joined = len(parts) > 1 and sum(bool(_UPPER.match(p)) for p in parts) >= 2 \
        and any(_ACRONYM_PART.fullmatch(p) for p in parts) and any(_LOWER.search(p) for p in parts)
    return inner_cap or letters_digits or joined


@name_rule("name-shape")
def shaped_name(text, add):
    """"outperforms VINS-Mono", "85.5% for pi0-FAST", "from GottBERT weights": a name by its shape alone,
    typed by a head noun next to it, else a method (a dataset when shaped like one)."""
    for m in _SHAPED.finditer(text):
        s, e = m.start("name"), m.end("name")
        word = m.group("name").rstrip(".")
        if not _shaped(word):
            continue
        token = _TOKEN_BEFORE.search(text, max(0, s - 200), s).group() + _TOKEN_AFTER.match(text, s).group()
        if _LINK.search(token):
            continue  # a part of a link or an address ("github.com/TwistEstimator"), no mention of a method
        if _OPEN_BRACKET.search(text[max(0, s - 2):s]) and _TASK_AFTER.match(text, s + len(word)):
            continue  # "参考超分辨率（RefSR）任务": the abbreviation of a task, read with its long form
        t = head_type(text[:s], text[s + len(word):])
        if t is None and _DATA_BEFORE.search(text[max(0, s - 80):s]) and default_type(word) != "Dataset":
            continue  # (a name shaped like a dataset where data is named is one: "on CounselingBench")
        # untyped unless a head noun types it: another paper's cue, or the name's shape, may say it is a dataset
        release = _RELEASE.match(text, s + len(word))  # "RoboTwin 2.0"
        end = s + len(word) + (len(release.group()) if release else 0)
        add(s, end, t or ("Dataset" if default_type(word) == "Dataset" else None), False)


@name_rule("cue-head")
def eponym_en(text, add):
    """"applies the Viterbi algorithm", "with Platt scaling", "and Bayes' theorem gives": a proper name
    and a classic method's noun are the method's name."""
    for m in _EPONYM.finditer(text):
        word = re.match(r"[A-Za-z]+", m.group("name")).group()
        if word.lower() in _LANGUAGES:
            continue  # "English transcription"-like phrases: a language, no method's inventor
        add(m.start("name"), m.end("name"), "Method", False, whole=True)
