"""Whether a string is a name, how a name is trimmed, and its type from head nouns around it."""
from __future__ import annotations

import re

from ..vocab import norm, rule_words
from .lexicon import lexicon
from .cues import DATASET_HEADS_EN, DATASET_HEADS_ZH, METHOD_HEADS_EN, METHOD_HEADS_ZH, NAME_U, NAME_U_I

# names that look specific but are never entities (ontology/rules/not-entities.txt)
STOPLIST = {norm(w) for w in rule_words("not-entities.txt")}


_SIZE_ONLY = re.compile(rf"(?i:{lexicon().alternation('en', 'checkpoint-words')})(?:[-_ ]?v?\d+(?:\.\d+)?)?")


def name_like(name: str) -> bool:
    """A specific name (SoulDance, DCRF-BiLSTM, TTS-1, CosyVoice 3), not a common word."""
    if norm(name) in STOPLIST or len(norm(name)) < 2:
        return False
    words = name.split()
    if len(words) > 5 or re.fullmatch(r"(?:[A-Za-z]{1,2}\+)+[A-Za-z]{1,2}", name):
        return False  # "R+T+S": a combination of datasets by initials, not a name
    if re.fullmatch(r"[~≈<>]?\d+(?:[.,]\d+)?\s*(?:[KkMmBbTtGg]\+?|[xX×]|FPS|fps|[kMG]?Hz|[KMGT]B|ms|dB)", name):
        return False  # "52K" samples, "7B" parameters, "8x" faster, "40 FPS": a quantity
    if re.fullmatch(r"\d[Dd]", name):
        return False  # "2D", "3D": a dimension
    if re.fullmatch(r"\d+(?:st|nd|rd|th)", name, re.I):
        return False  # "the 9th AI City Challenge": an ordinal
    if _SIZE_ONLY.fullmatch(name):
        return False  # "Whisper (Small, Medium, Large-v2)": a checkpoint size of a model named elsewhere
    return any(strong_word(w) for w in words)


_CUT = re.compile(r"-(?:based|like|style|driven|guided|aware|conditioned|enhanced|powered|inspired|derived"
                  r"|generated|augmented|assisted|informed)\b.*$", re.I)


# words that open a title or describe a model, never the first word of its name
NAME_LEAD = lexicon().lower_set("en", "name-lead-words") | lexicon().lower_set("en", "languages")


def trim_name(name: str) -> str:
    """"BiLSTM-based" -> "BiLSTM", "LLaMA-based SER" -> "LLaMA"; no trailing punctuation."""
    cut = _CUT.search(name.strip())
    if cut and not (re.match(r"-[A-Z]", cut.group()) and not strong_word(name.strip()[:cut.start()])):
        name = name.strip()[:cut.start()]  # not "Cluster-Driven Sampling": a Title-Case name of its own
    words = name.split()
    while len(words) > 1 and (re.fullmatch(r"[a-z'’\-]+", words[0]) or words[0].lower() in NAME_LEAD
                              or re.search(r"['’]s$", words[0])):  # "Google's Perspective API": the owner
        words = words[1:]  # "present AIST++", "and CMU-MOSEI", "Towards Scalable AASIST": not part of the name
    if len(words) > 1:  # "WavLM Base+ CNN" -> "WavLM"; "Inworld TTS-1", "CosyVoice 3" stay whole
        first = next((i for i, w in enumerate(words) if strong_word(w)), None)
        if first is not None:
            end = first + 1
            while end < len(words) and re.fullmatch(r"\d{1,2}(?:\.\d)?", words[end]):
                end += 1
            words = words[:end]
    name = " ".join(words)
    return name.rstrip(".'’-_")


def title_case_name(name: str) -> bool:
    """After a proposing verb or as a title's name, capitalised words are a name too:
    "Chain-Talker", "Multi-Query Multi-Head Attentive Statistics Pooling"."""
    words = name.split()
    if norm(name) in STOPLIST or not 1 <= len(words) <= 7:
        return False
    if len(words) == 1:  # "Chain-Talker"; "E-chat", "M-Emo": a capital prefix
        parts = [p for p in name.split("-") if p]
        return "-" in name and (all(p[:1].isupper() for p in parts) or bool(re.fullmatch(r"[A-Z]{1,4}", parts[0])))
    return all(p[:1].isupper() or p.isdigit() for w in words for p in w.split("-") if p)


def strong_word(word: str) -> bool:
    """A word that can only be a name: two capitals in one part (TVA, BiLSTM), camel case, or digits with letters."""
    if re.fullmatch(r"[A-Z][a-z]+-\d+(?:\.\d+)?", word):
        return True  # "Switchboard-1", "Mustango-2": a name with a release number
    if re.fullmatch(r"[A-Z][a-z]+-\d+(?:\.\d+)?(?:-[A-Z][A-Za-z]+)+|[A-Z][a-z]{2,}-[SMLBTHG]", word):
        return True  # "Phi-3-Vision": a release and its variant; "Swin-L": a model's size letter
    for part in re.split(r"[-_]", word):
        core = re.sub(r"[^A-Za-z0-9]", "", part)
        if sum(c.isupper() for c in core) >= 2 or (core[1:] != core[1:].lower()) \
                or (any(c.isdigit() for c in core) and any(c.isalpha() for c in core)):
            return True
    return False


_DATASET_AFTER = re.compile(rf"(?:{DATASET_HEADS_ZH})|(?i:(?:the\s+)?(?:{DATASET_HEADS_EN})\b)")
_METHOD_AFTER = re.compile(rf"(?:{METHOD_HEADS_ZH})|(?i:(?:{METHOD_HEADS_EN})\b)")
_DATASET_BEFORE = re.compile(rf"(?:{DATASET_HEADS_ZH})$|(?i:\b(?:{DATASET_HEADS_EN})(?:,)?(?:\s+(?:called|named|dubbed|termed))?$)")
_METHOD_BEFORE = re.compile(rf"(?:{METHOD_HEADS_ZH})$|(?i:\b(?:{METHOD_HEADS_EN})(?:,)?(?:\s+(?:called|named|dubbed|termed))?$)")


def head_type(before: str, after: str) -> str | None:
    """Dataset / Method from a head noun right after the name, else right before it, else from the
    head noun that the name's list exemplifies ("benchmarks such as X and Y", "数据集（如X、Y）")."""
    a = after[:200].lstrip(" *\"”」'）)")
    if _DATASET_AFTER.match(a):
        return "Dataset"
    if _METHOD_AFTER.match(a):
        return "Method"
    # a head noun (at most a dozen characters, then "called") ends right before the name: the last 80
    # characters are enough, and the search stays short whatever the length of the text
    b = before[-120:].rstrip(" *\"“「'（(")[-80:]
    if _DATASET_BEFORE.search(b):
        return "Dataset"
    if _METHOD_BEFORE.search(b):
        return "Method"
    return example_head_type(before)


_LISTED = r"(?:(?:the\s+)?{name}\s*(?:[,，、/]|\band\b|\bor\b|和|与|及|以及)\s*(?:and\s+|or\s+)?)*"
_EXAMPLE_EN = re.compile(rf"\b(?P<head>{DATASET_HEADS_EN}|{METHOD_HEADS_EN}),?\s+(?:{lexicon().alternation('en', 'example-cues')})"
                         rf"\s*{_LISTED.format(name=NAME_U_I)}$", re.I)
_EXAMPLE_ZH = re.compile(rf"(?P<head>{DATASET_HEADS_ZH}|{METHOD_HEADS_ZH})\s*[，,（(：:]?\s*"
                         rf"(?:{lexicon().alternation('zh', 'example-cues')})\s*[：:]?\s*{_LISTED.format(name=NAME_U)}$")


def example_head_type(before: str) -> str | None:
    """The type of the head noun whose examples a name is listed among: "red-teaming corpora such as
    X and Y", "models including X, Y and Z", "多个基准（如X和Y）", "数据集包括X、Y"."""
    b = re.sub(r"[*\"“「']+\s*$", "", before[-160:])
    m = _EXAMPLE_EN.search(b) or _EXAMPLE_ZH.search(b)
    return type_of_head(m.group("head")) if m else None


def default_type(name: str) -> str:
    """The type of a name no head noun types: a dataset when shaped like one (dataset_shape), else a method."""
    return "Dataset" if dataset_shape(name) else "Method"


DATASET_NAME_ENDINGS = lexicon().words("en", "dataset-name-endings")


def dataset_shape(name: str) -> bool:
    """A name shaped like a benchmark's or data set's: HarmBench, SG-Bench, AlpacaEval, WebWalkerQA
    (ontology/lexicon/en/dataset-name-endings.txt), Pixel-160K (a count of samples); not VQA or KBQA."""
    last = name.split()[-1] if name.split() else ""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*-\d+(?:\.\d+)?[Kk]", last):
        return True  # "Pixel-160K": a collection and its size (a "7B" or "124M" is a model's)
    for end in DATASET_NAME_ENDINGS:
        if last.endswith(end) and len(last) > len(end):
            stem = last[:-len(end)]
            if (stem.endswith("-") and len(stem) >= 3) or (len(stem) >= 2 and re.search(r"[a-z0-9]", stem)
                                                            and not stem.endswith(("-", "_"))):
                return True
    return False


def window_type(text: str) -> str | None:
    """Type from any head noun in a short window (filler between a verb and a name)."""
    if re.search(rf"(?:{DATASET_HEADS_ZH})", text):
        return "Dataset"
    if re.search(rf"\b(?:{DATASET_HEADS_EN})\b", text, re.I):
        return "Dataset"
    if re.search(rf"(?:{METHOD_HEADS_ZH})", text) or re.search(rf"\b(?:{METHOD_HEADS_EN})\b", text, re.I):
        return "Method"
    return None


def type_of_head(head: str) -> str:
    h = head.lower()
    if re.fullmatch(rf"(?:{DATASET_HEADS_ZH})", h) or re.fullmatch(rf"(?:{DATASET_HEADS_EN})", h):
        return "Dataset"
    return "Method"


_ODD_CAPS = re.compile(r"\b[A-Za-z]*[a-z][A-Z][a-z]*[A-Z]?\b")


def spelled_long_form(text: str, pos: int) -> bool:
    """pos is inside a parenthesis after an acronym whose words mark the acronym's letters with
    capitals ("RINSER (AccuRate API predictioN using maSked languagE model leaRning)")."""
    open_ = text.rfind("(", max(0, pos - 120), pos)
    if open_ < 0 or ")" in text[open_:pos] or not re.search(r"\b[A-Z][A-Z0-9]{2,}\s*$", text[max(0, open_ - 20):open_]):
        return False
    close = text.find(")", pos)
    inner = text[open_ + 1:close if close > 0 else pos + 120]
    return len(_ODD_CAPS.findall(inner)) >= 3
