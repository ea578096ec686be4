"""cue-dataset: the names a paper evaluates on (在DAIC-WOZ和MODMA上, on the Chinese Secap test set)."""
from __future__ import annotations

import re

from ..cues import DATASET_HEADS_EN, DATASET_HEADS_ZH, NAME_U, SEP
from ..registry import name_rule
from .common import names_in

_ZH_ON_DATA = re.compile(
    rf"(?:在|于|基于|使用|利用|采用|以|对)\s*(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)\s*(?:等|这)?\s*(?P<gap>[\u4e00-\u9fff]{{0,5}}?)\s*(?:{DATASET_HEADS_ZH})")
_EN_ON_DATA = re.compile(
    rf"\b(?i:on|in|from|using|across|of|over)\s+(?i:the\s+)?(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)\s*(?i:{DATASET_HEADS_EN})\b")


@name_rule("cue-dataset", script="han")
def on_data_zh(text, add):
    """"在IEMOCAP和MELD数据集上"; "在Robosuite和MetaWorld基准": in a Chinese text a capitalised Latin
    word the head noun types is a name (no sentence starts with it), when the head follows it at once
    ("在Icelandic语音语料库上": a language)."""
    for m in _ZH_ON_DATA.finditer(text):
        for s, e in names_in(m):
            add(s, e, "Dataset", False, plain_ok=not m.group("gap"))


@name_rule("cue-dataset")
def on_data_en(text, add):
    """"on the IEMOCAP and MSP-Podcast datasets"; "on the Chinese Secap test set": a plain word is a
    name when the head noun says so."""
    for m in _EN_ON_DATA.finditer(text):
        for s, e in names_in(m):
            add(s, e, "Dataset", False, plain_ok=True)
