"""Cue words of both languages (type head nouns, proposing and using verbs; read from
ontology/lexicon/, see kg.extract.lexicon) as regex alternations, and the shape of a Latin name."""
from __future__ import annotations

import re

from .lexicon import lexicon

_LEX = lexicon()
DATASET_HEADS_ZH = _LEX.alternation("zh", "dataset-heads")
METHOD_HEADS_ZH = _LEX.alternation("zh", "method-heads")
DATASET_HEADS_EN = _LEX.alternation("en", "dataset-heads")
METHOD_HEADS_EN = _LEX.alternation("en", "method-heads")
PROPOSE_ZH = _LEX.alternation("zh", "propose-verbs")
STRONG_ZH = _LEX.alternation("zh", "strong-propose-verbs")
# who proposes, in English: "we", "this paper", "the authors", "the study", "here we", "in this work, we"
PROPOSER_EN = _LEX.alternation("en", "proposer-subjects")
PROPOSE_EN = _LEX.alternation("en", "propose-verbs")
USE_ZH = _LEX.alternation("zh", "use-verbs")
# between a proposing verb and a name: the name is used, not proposed ("提出基于ControlNet的…")
USED_NOT_PROPOSED_ZH = re.compile(_LEX.alternation("zh", "used-not-proposed"))
USE_EN = _LEX.alternation("en", "use-verbs")
# words between an article and a name typed by its head noun ("the public CIFAKE benchmark"), at most two
PREMODIFIERS_EN = rf"(?:(?i:{_LEX.alternation('en', 'name-premodifiers')})\s+){{0,2}}"

# A Latin name: tokens made of letters/digits with -, ., +, _ inside; further words only when they
# start with a capital or digit ("CosyVoice 3", "Inworld TTS-1").
NAME = (r"(?:[A-Za-z0-9][A-Za-z0-9+\-_.'’]*[A-Za-z0-9+]|[A-Z])"
        r"(?: (?:[A-Z][A-Za-z0-9+\-_.]*[A-Za-z0-9+]|[0-9][A-Za-z0-9+\-_]*[A-Za-z+][A-Za-z0-9+]*|[0-9]{1,2}(?:\.[0-9]{1,2})?(?![.,]?[0-9]|\s*[%％])"
        r"|(?:19|20)[0-9]{2}(?![.,]?[0-9])))*")
# a name starts with a token that has a capital or a digit ("HuMP-CAT", "wav2vec", not "novel")
# (the lookahead skips the name characters that are neither, so it never backtracks: the test of
# NAME_U_I in linear time, but only in a case-sensitive regex, where [a-z] matches no capital)
NAME_U = r"(?=[a-z+\-_.'’]*+[A-Z0-9])" + NAME
NAME_U_I = r"(?=[A-Za-z0-9+\-_.'’]*[A-Z0-9])" + NAME  # the same in a regex compiled with re.I
NAME_RE = re.compile(NAME_U)
# Put before a regex that opens with NAME_U, it skips the positions inside a word, where searching for
# the regex is slow. It changes no match when no match of the regex ends between two letters or digits
# (its last part is a Chinese head noun, or ends with \b, or a lookahead wants a space there, or it ends
# with a whole name, which ends where no letter or digit follows: kg.extract.new_names._LIST): a name
# that would start inside a word would start one character earlier too, so a search finds it there.
NAME_START = r"(?<![A-Za-z0-9])"
SEP = r"(?:\s*(?:和|、|与|及|以及|,|，|/|and|&)\s*)"
