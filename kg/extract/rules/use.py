"""cue-use: a using verb before names (采用/基于/利用…, using/based on/leveraging…); used, not introduced."""
from __future__ import annotations

import re

from ..cues import NAME_U, SEP, USE_EN, USE_ZH
from ..names import default_type, head_type
from ..registry import name_rule
from .common import names_in

_ZH_USE = re.compile(rf"(?P<verb>{USE_ZH})\s*(?:了|预训练的?|预训练|的)?\s*[*“\"「]*\s*(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)")
_EN_USE = re.compile(rf"\b(?P<verb>(?i:{USE_EN}))\s+(?i:the\s+|a\s+|an\s+|pre-?trained\s+)*(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)")


@name_rule("cue-use", script="han")
def use_zh(text, add):
    """"采用HuBERT和WavLM提取特征"."""
    for m in _ZH_USE.finditer(text):
        for s, e in names_in(m):
            add(s, e, head_type(text[:s], text[e:]) or default_type(text[s:e]), False)


@name_rule("cue-use")
def use_en(text, add):
    """"using WavLM and HuBERT features", "based on Whisper"."""
    for m in _EN_USE.finditer(text):
        for s, e in names_in(m):
            add(s, e, head_type(text[:s], text[e:]) or default_type(text[s:e]), False)
