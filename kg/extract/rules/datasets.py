"""cue-dataset: the names a paper evaluates on (在DAIC-WOZ和MODMA上, on the Chinese Secap test set)."""
from __future__ import annotations

import re

from ..cues import DATASET_HEADS_EN, DATASET_HEADS_ZH, NAME_U, SEP
from ..registry import name_rule
from .common import names_in

_PARENS = re.compile(r"[（(][^（）()]*[）)]")


def _names_scored(m: re.Match):
    """The names of a list match, without the results in brackets after them."""
    masked = _PARENS.sub(lambda p: " " * len(p.group()), m.group("names"))
    fake = re.match(r"(?P<names>.*)", masked, re.S)
    for s, e in names_in(fake):
        yield m.start("names") + s, m.start("names") + e

# a result written after each name of the list: "在MMAR（74.0%）、MMSU（77.1%）和X上"
_RESULT = r"(?:\s*[（(][^（）()]{0,12}?\d[^（）()]{0,12}[）)])?"
_ZH_ON_DATA = re.compile(
    rf"(?:在|于|基于|使用|利用|采用|以|对)\s*(?P<names>{NAME_U}{_RESULT}(?:{SEP}{NAME_U}{_RESULT})*)\s*(?:等|这)?\s*(?P<gap>[\u4e00-\u9fff]{{0,5}}?)\s*(?:{DATASET_HEADS_ZH})")
# "在MMAR（74.0%）、MMSU（77.1%）上": names each given with a score, what the paper is evaluated on
_SCORE = r"\s*[（(]\s*\d+(?:\.\d+)?\s*%?\s*[）)]"
_ZH_ON_SCORED = re.compile(rf"在\s*(?P<names>{NAME_U}{_SCORE}(?:{SEP}{NAME_U}{_SCORE})+)\s*(?:等)?\s*(?:上|中)")
# "视听语音增强挑战赛（AVSEC-4）", "基准数据集（MedQA-Pro）": the name in brackets right after a head
_ZH_HEAD_NAMED = re.compile(rf"(?:{DATASET_HEADS_ZH})\s*[（(]\s*(?P<names>{NAME_U})\s*[）)]")
_EN_ON_DATA = re.compile(
    rf"\b(?i:on|in|from|using|across|of|over)\s+(?i:the\s+)?(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)\s*(?i:{DATASET_HEADS_EN})\b")


@name_rule("cue-dataset", script="han")
def on_data_zh(text, add):
    """"在IEMOCAP和MELD数据集上"; "在Robosuite和MetaWorld基准": in a Chinese text a capitalised Latin
    word the head noun types is a name (no sentence starts with it), when the head follows it at once
    ("在Icelandic语音语料库上": a language); "在MMAR（74.0%）和MMSU（77.1%）上": names each given a
    score; "…挑战赛（AVSEC-4）": the name in brackets after a head."""
    for m in _ZH_ON_DATA.finditer(text):
        for s, e in _names_scored(m):
            add(s, e, "Dataset", False, plain_ok=not m.group("gap"))
    for m in _ZH_ON_SCORED.finditer(text):
        for s, e in _names_scored(m):
            add(s, e, "Dataset", False)
    for m in _ZH_HEAD_NAMED.finditer(text):
        for s, e in names_in(m):
            add(s, e, "Dataset", False)


@name_rule("cue-dataset")
def on_data_en(text, add):
    """"on the IEMOCAP and MSP-Podcast datasets"; "on the Chinese Secap test set": a plain word is a
    name when the head noun says so."""
    for m in _EN_ON_DATA.finditer(text):
        for s, e in names_in(m):
            add(s, e, "Dataset", False, plain_ok=True)


# "results on MMAR (74.0%), MMAU (78.5%) and MMSU (77.26%)": names evaluated on, each with its score
_SCORE = r"\s*[（(]\s*[~≈]?\d+(?:\.\d+)?\s*[%％]?\s*[)）]"
_EN_SCORED = re.compile(rf"\b(?i:on|across)\s+(?i:the\s+)?(?P<names>{NAME_U}{_SCORE}(?:{SEP}{NAME_U}{_SCORE})+)")
_ZH_SCORED = re.compile(rf"(?:在|于)\s*(?P<names>{NAME_U}{_SCORE}(?:{SEP}{NAME_U}{_SCORE})+)\s*(?:等|这)?\s*(?:上|中|数据)")


def _scored(text, add, rx):
    for m in rx.finditer(text):
        names = re.sub(_SCORE, lambda sc: " " * len(sc.group()), m.group("names"))  # the scores are no names
        base = m.start("names")
        for nm in re.finditer(NAME_U, names):
            for s, e in names_in(re.match(r"(?P<names>.*)", nm.group())):
                add(base + nm.start() + s, base + nm.start() + e, "Dataset", False)


@name_rule("cue-dataset", script="han")
def scored_on_zh(text, add):
    """"在MMAR（74.0%）和MMSU（77.3%）上": names evaluated on, each with its score."""
    _scored(text, add, _ZH_SCORED)


@name_rule("cue-dataset")
def scored_on_en(text, add):
    """"results on MMAR (74.0%), MMAU (78.5%) and MMSU (77.26%)": names evaluated on, each with its score."""
    _scored(text, add, _EN_SCORED)
