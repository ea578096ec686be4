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


@name_rule("cue-dataset")
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
