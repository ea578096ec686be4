"""cue-dataset: the names a paper evaluates on (在DAIC-WOZ和MODMA上, on the Chinese Secap test set)."""
from __future__ import annotations

import re

from ..cues import DATASET_HEADS_EN, DATASET_HEADS_ZH, NAME_U, SEP
from ..registry import name_rule
from .common import names_in

_ZH_ON_DATA = re.compile(
    rf"(?:在|于|基于|使用|利用|采用|以|对)\s*(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)\s*(?:等|这)?\s*[\u4e00-\u9fff]{{0,5}}?\s*(?:{DATASET_HEADS_ZH})")
_EN_ON_DATA = re.compile(
    rf"\b(?i:on|in|from|using|across|of|over)\s+(?i:the\s+)?(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)\s*(?i:{DATASET_HEADS_EN})\b")


@name_rule("cue-dataset", script="han")
def on_data_zh(text, add):
    """"在IEMOCAP和MELD数据集上"."""
    for m in _ZH_ON_DATA.finditer(text):
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
