"""cue-appositive: "Name, a novel framework", "名为Name", "an AAC method, EnCLAP,"."""
from __future__ import annotations

import re

from ..cues import DATASET_HEADS_EN, DATASET_HEADS_ZH, METHOD_HEADS_EN, METHOD_HEADS_ZH, NAME_START, NAME_U, PROPOSE_EN, PROPOSE_ZH, \
    STRONG_ZH, USE_ZH
from ..names import dataset_shape, head_type, type_of_head
from ..registry import name_rule

_ZH_APPOS = re.compile(
    rf"{NAME_START}(?P<name>{NAME_U})\s*[*]*\s*[，,：:]\s*(?:一个|一种|首个|新的|全新的?)?[\u4e00-\u9fffA-Za-z0-9\-]{{0,14}}?"
    rf"(?P<head>{DATASET_HEADS_ZH}|{METHOD_HEADS_ZH})")
_ZH_NAMED = re.compile(rf"(?:名为|称为|叫做|命名为|简称|即)\s*[“\"「]?\s*(?P<name>{NAME_U})")
_EN_APPOS = re.compile(
    rf"{NAME_START}(?P<name>{NAME_U})(?:\s*\([^()]{{1,60}}\))?\s*(?:,|:|\(|—|–)\s*"
    rf"(?:(?i:described|presented|introduced|billed|positioned)\s+as\s+)?(?i:a|an|the)\s+(?:\w+(?:\s*\([^()]{{1,20}}\))?(?:,\s+|[\s-]+)){{0,7}}?"
    rf"(?P<head>(?i:{DATASET_HEADS_EN}|{METHOD_HEADS_EN}))\b")
# ("PST50, described as the first benchmark", "LASER-ToF (LArge-ScalE scenaRio ToF), presented as the first dataset")
_EN_NAMED = re.compile(rf"\b(?:named|called|dubbed|termed|coined)\s+(?P<name>{NAME_U})")
# "an AAC method, EnCLAP, employed ...": the kind, then the name between commas
_EN_KIND_APPOS = re.compile(
    rf"\b(?i:a|an|the|another|one)\s+(?:[\w-]+\s+){{0,3}}?(?P<head>(?i:{DATASET_HEADS_EN}|{METHOD_HEADS_EN})),\s+(?P<name>{NAME_U}),")


@name_rule("cue-appositive", script="han")
def appositive_zh(text, add):
    """"EmoSphere：一种新的情感语音合成框架"; not a heading followed by a sentence."""
    for m in _ZH_APPOS.finditer(text):
        if re.match(rf"\s*[*]*\s*[，,：:]\s*(?:{PROPOSE_ZH}|{USE_ZH})", text[m.end("name"):]):
            continue  # "首次探索MAFMs用于NVER：提出…框架": a heading and a sentence, not an appositive
        ctx = text[max(0, m.start() - 60):m.start()]
        novel = bool(re.search(rf"(?:{STRONG_ZH})[^。；;]*$", ctx)) or bool(re.search(r"首个|新的|全新", m.group()))
        add(m.start("name"), m.end("name"), type_of_head(m.group("head")), novel)


@name_rule("cue-appositive", script="han")
def named_zh(text, add):
    """"一个名为EmoMix的模型", "简称ESD"."""
    for m in _ZH_NAMED.finditer(text):
        t = head_type(text[max(0, m.start() - 12):m.start()], text[m.end("name"):])
        add(m.start("name"), m.end("name"), t, True)


@name_rule("cue-appositive")
def appositive_en(text, add):
    """"We introduce Dasheng, a simple SSL audio encoder"."""
    for m in _EN_APPOS.finditer(text):
        before = text[max(0, m.start() - 160):m.start()]
        novel = bool(re.search(rf"\b(?:{PROPOSE_EN})(?:s|d|ed)?\b[^.]*$|\bwe\b[^.]*$", before, re.I)) \
            or bool(re.search(r"\b(?:novel|new|first)\b", m.group(), re.I))
        # "We introduce Dasheng, a simple SSL audio encoder": a plain capitalised word is a name
        # when a proposing verb introduces it and an appositive says what it is
        plain = bool(re.search(rf"\b(?:{PROPOSE_EN})(?:s|d|ed)?\s+$|\b(?:called|named|dubbed|termed)\s+$", before, re.I))
        # a benchmark's name ("MultiRef-bench, an evaluation framework") is a dataset whatever the kind says
        kind = "Dataset" if dataset_shape(m.group("name")) else type_of_head(m.group("head"))
        # ... and so is one hyphenated Title-Case word ("Align-Refine, a non-autoregressive ASR model")
        hyphenated = bool(re.fullmatch(r"[A-Z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]*)+", m.group("name").strip()))
        add(m.start("name"), m.end("name"), kind, novel, plain, title_ok=hyphenated)


@name_rule("cue-appositive")
def named_en(text, add):
    """"a model named EmoFlow", "a corpus dubbed X"."""
    for m in _EN_NAMED.finditer(text):
        sent = text[max(0, text.rfind(".", 0, m.start()) + 1):m.start()]
        novel = bool(re.search(rf"\b(?:novel|new|our|we|{PROPOSE_EN})", sent + text[m.end():m.end() + 40], re.I))
        t = head_type(text[max(0, m.start() - 40):m.start()].rstrip(), text[m.end("name"):])
        # "a specialised model called Twister": after its kind, one capitalised word is a name
        add(m.start("name"), m.end("name"), t, novel, plain_ok=t is not None)


@name_rule("cue-appositive", confidence="kind-first")
def kind_appositive_en(text, add):
    """"an AAC method, EnCLAP, employed ...": the kind, then the name between commas."""
    for m in _EN_KIND_APPOS.finditer(text):
        add(m.start("name"), m.end("name"), type_of_head(m.group("head")), False)
