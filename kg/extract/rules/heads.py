"""cue-head: a name next to a type head noun (Name数据集, the Name dataset, 预训练模型HuBERT,
CSS-EmCap情感生成管道, Label Signal Enhancement模块, "a Mask Generative Transformer", "the SEC task")."""
from __future__ import annotations

import re

from ..cues import (DATASET_HEADS_EN, DATASET_HEADS_ZH, METHOD_HEADS_EN, METHOD_HEADS_ZH, NAME_START, NAME_U,
                    PREMODIFIERS_EN, PROPOSE_EN, SEP, STRONG_ZH)
from ..names import head_type, type_of_head
from ..registry import name_rule
from .common import OWN_NAME_AFTER, PROPOSE_CONTEXT, clause_before, names_in

_HEAD_AFTER = re.compile(rf"{NAME_START}(?P<name>{NAME_U})\s*(?P<head>{DATASET_HEADS_ZH}|{METHOD_HEADS_ZH})")
HEAD_AFTER_EN = re.compile(rf"\b(?i:the|a|an|our|its)\s+{PREMODIFIERS_EN}(?P<name>{NAME_U})\s+(?P<head>(?i:{DATASET_HEADS_EN}|{METHOD_HEADS_EN}))\b")
# In a Chinese text, a Title-Case English phrase that a method head follows or ends is a name: "Custom
# Audio Encoder利用对比学习", "Label Signal Enhancement模块", "层次自适应聚类（Hierarchical Adaptive
# Clustering）模块", "Blurred Boundary Content（BBC）Encoder"
_EN_TERM_IN_ZH = re.compile(
    r"(?<![A-Za-z0-9-])(?P<name>[A-Z][A-Za-z]*(?:-[A-Za-z]+)*(?:\s*（[A-Z]{2,6}）\s*|\s+)(?:[A-Z][A-Za-z]*(?:-[A-Za-z]+)*"
    r"(?:\s*（[A-Z]{2,6}）\s*|\s+)){0,4}[A-Z][A-Za-z]*(?:-[A-Za-z]+)*)(?P<after>\s*[）)]?\s*(?:" + METHOD_HEADS_ZH + r"))?")
_EN_HEAD_END = re.compile(rf"[\s）](?:{METHOD_HEADS_EN})$", re.I)
# "a Mask Generative Transformer for ...": a Title-Case architecture name after an article
_EN_ARCH = re.compile(r"\b(?:a|an|the|our)\s+(?P<name>(?:[A-Z][\w-]*\s+){1,4}(?:Transformer|Encoder|Decoder|Network|Vocoder"
                      r"|Codec|Adapter|Former|Conformer))\b")
# a name, a few modifiers, then its head noun: "CSS-EmCap情感生成管道", "FuEncoder融合机制", "EVC-CLAP对比预训练模型"
_HEAD_NEAR_ZH = re.compile(
    rf"{NAME_START}(?P<name>{NAME_U})(?P<mid>[\u4e00-\u9fff]{{1,6}}?)(?P<head>{METHOD_HEADS_ZH}|{DATASET_HEADS_ZH})")
_NOT_A_MODIFIER = re.compile(r"[的在和与及对将用为是把被从向于以上中等提取进行通过实现使让作]")
# a head noun right before the names: "特征提取器CLIP-vit-large和Baichuan-13B", "预训练模型HuBERT", "数据集IEMOCAP",
# "两个TTS模型（TTS-1和TTS-1-Max）"
_HEAD_BEFORE_ZH = re.compile(
    rf"(?P<head>{DATASET_HEADS_ZH}|{METHOD_HEADS_ZH}|提取器)\s*[（(]?[*“\"「]*\s*(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)")
# "two key components, i.e., GSF and SDP modules": listed names and their plural head
_LIST_HEAD_EN = re.compile(
    rf"{NAME_START}(?P<names>{NAME_U}(?:\s*(?:,|and|&)\s*(?:and\s+)?{NAME_U})+)\s+(?P<head>modules|models|methods|networks|encoders"
    rf"|losses|datasets|corpora|benchmarks|frameworks|systems|architectures)\b")
# "on the INTERACTION multi-agent prediction benchmark", "the HarborQA question answering dataset": a
# name, a few lower-case modifiers, then its head noun
_MODIFIER_EN = r"(?!(?:and|or|of|with|for|to|on|in|at|by|from|is|are|was|were|as|that|which|than|new|novel)\b)[a-z][a-z\-]*"
_HEAD_NEAR_EN = re.compile(
    rf"\b(?i:the|a|an|our|its)\s+(?P<name>{NAME_U})\s+(?P<mid>(?:{_MODIFIER_EN}\s+){{1,3}})"
    rf"(?P<head>{DATASET_HEADS_EN}|{METHOD_HEADS_EN})\b")
# "a dual-branch parallel spectral-spatial (PS2) architecture": a bracketed name right before its head
# noun, whose words do not spell it (the abbreviation rule reads those that do)
_BRACKETED_BEFORE_HEAD_EN = re.compile(
    rf"[(]\s*(?P<name>{NAME_U})\s*[)]\s+(?P<head>(?i:{DATASET_HEADS_EN}|{METHOD_HEADS_EN}))\b")
_X_TO_Y = re.compile(r"[A-Z]+2[A-Z]+")
_NAME_TASK = re.compile(rf"{NAME_START}(?P<name>{NAME_U})(?=\s*(?:等?相关)?任务|\s+tasks?\b)")


@name_rule("cue-head")
def architecture_en(text, add):
    """"a Mask Generative Transformer for ...": a Title-Case architecture name after an article."""
    for m in _EN_ARCH.finditer(text):
        add(m.start("name"), m.end("name"), "Method", False, title_ok=True)


@name_rule("cue-head")
def task_name(text, add):
    """"CapTTS相关任务", "the SEC task": the name of a task."""
    for m in _NAME_TASK.finditer(text):
        add(m.start("name"), m.end("name"), "Task", False)


@name_rule("cue-head")
def listed_heads_en(text, add):
    """"two key components, i.e., GSF and SDP modules": listed names and their plural head."""
    for m in _LIST_HEAD_EN.finditer(text):
        t = type_of_head(re.sub(r"(?:s|es)$", "", m.group("head")).replace("corpora", "corpus"))
        for s, e in names_in(m):
            add(s, e, t, False)


def _head_after(text, add, rx):
    for m in rx.finditer(text):
        t = type_of_head(m.group("head"))
        ctx = text[max(0, m.start() - 30):m.start("name")]
        novel = bool(PROPOSE_CONTEXT.search(ctx)) or bool(re.search(rf"(?:{STRONG_ZH})[^，。；,.;]*$", ctx))
        add(m.start("name"), m.end("name"), t, novel)


@name_rule("cue-head", script="han")
def head_after_zh(text, add):
    """"IEMOCAP数据集", "提出EmoMix框架" (proposed)."""
    _head_after(text, add, _HEAD_AFTER)


@name_rule("cue-head")
def head_after_en(text, add):
    """"the MELD dataset", "our EmoFlow model" (proposed after a proposing verb)."""
    _head_after(text, add, HEAD_AFTER_EN)


@name_rule("cue-head", confidence="weak")
def head_near_en(text, add):
    """"ranks first on the INTERACTION multi-agent prediction benchmark": a name, a few lower-case
    modifiers, then its head noun (proposed after a proposing verb)."""
    for m in _HEAD_NEAR_EN.finditer(text):
        if re.search(r"-[a-z]+$", m.group("name")):
            continue  # "the HIPAA-defined safe harbor method": a modifier, not a name
        ctx = text[max(0, m.start() - 30):m.start("name")]
        add(m.start("name"), m.end("name"), type_of_head(m.group("head")), bool(PROPOSE_CONTEXT.search(ctx)))


@name_rule("cue-head")
def bracketed_before_head_en(text, add):
    """"proposes a dual-branch parallel spectral-spatial (PS2) architecture": the bracketed name of
    the head noun after it (proposed when a proposing verb opens the clause)."""
    for m in _BRACKETED_BEFORE_HEAD_EN.finditer(text):
        if _X_TO_Y.fullmatch(m.group("name")):
            continue  # "text-to-image (T2I) models": models of a task
        clause = re.split(r"[.;!?]\s|,\s*(?:which|and|but|while)\b", text[max(0, m.start() - 120):m.start()])[-1]
        novel = bool(re.search(rf"\b(?:{PROPOSE_EN})(?:s|d|ed)?\b", clause, re.I))
        add(m.start("name"), m.end("name"), type_of_head(m.group("head")), novel)


@name_rule("cue-head", confidence="weak", script="han")
def english_term_in_chinese(text, add):
    """"Label Signal Enhancement模块", "Custom Audio Encoder利用…": a Title-Case English phrase in a
    Chinese text that a method head follows or ends."""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return
    for m in _EN_TERM_IN_ZH.finditer(text):
        name = m.group("name")
        if not (m.group("after") or _EN_HEAD_END.search(name)) or not re.search(r"[\u4e00-\u9fff）]", text[m.end():m.end() + 1] or "。"):
            continue  # only a phrase that a method head follows or ends, and that the Chinese text resumes after
        ctx = text[max(0, m.start() - 40):m.start()]
        novel = bool(re.search(rf"(?:{STRONG_ZH}|设计|开发|引入)[^。；;]*$", ctx)) or bool(re.search(r"[：:]\s*[（(]?$", ctx)) \
            or bool(re.search(rf"(?:{STRONG_ZH})", text))
        add(m.start("name"), m.start("name") + len(name.rstrip()), "Method", novel, title_ok=True)


@name_rule("cue-head", confidence="weak", script="han")
def head_near_zh(text, add):
    """"CSS-EmCap情感生成管道", "FuEncoder融合机制": a name, a few modifiers, then its head noun."""
    for m in _HEAD_NEAR_ZH.finditer(text):
        if _NOT_A_MODIFIER.search(m.group("mid")):
            continue  # "HuBERT作为编码器", "IEMOCAP上的实验": not a modifier of the name
        if m.group("mid") and OWN_NAME_AFTER.match(text, m.end("head")):
            continue  # "COGMHEAR视听语音增强挑战赛（AVSEC-4）": the head's own name is the one in brackets
        ctx = text[max(0, m.start() - 30):m.start("name")]
        novel = bool(PROPOSE_CONTEXT.search(ctx)) or bool(re.search(rf"(?:{STRONG_ZH}|创新|设计|开发)[^，。；,.;]*$", ctx)) \
            or bool(re.search(r"引入\s*[*]*\s*$", ctx))
        novel = novel and not re.search(r"基于|利用|使用|采用|结合|通过", ctx[-12:])
        add(m.start("name"), m.end("name"), type_of_head(m.group("head")), novel)


@name_rule("cue-head", script="han")
def head_before_zh(text, add):
    """"特征提取器CLIP-vit-large和Baichuan-13B", "预训练模型HuBERT", "数据集IEMOCAP"."""
    for m in _HEAD_BEFORE_ZH.finditer(text):
        t = type_of_head(m.group("head"))
        # proposed when a strong verb opens the clause ("提出…（Genuine-Focused Learning，GFL）框架GFL-FAD"),
        # not across a comma ("构建数据集SPD-GEN，基于MoCap数据集SPD")
        clause = clause_before(text, m.start(), 60)
        novel = bool(re.search(rf"(?:{STRONG_ZH})", clause))  # "提出…基于扩散模型的…系统Mustango": 基于 describes the head
        for s, e in names_in(m):
            add(s, e, head_type("", text[e:]) or t, novel)


_EXAMPLES_EN = re.compile(rf"\b(?P<head>(?i:{DATASET_HEADS_EN}|{METHOD_HEADS_EN})),?\s+(?:such as|including|like|e\.g\.,?)\s+"
                          rf"(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)")
_EXAMPLES_ZH = re.compile(rf"(?P<head>{DATASET_HEADS_ZH}|{METHOD_HEADS_ZH})\s*[，,（(：:]?\s*(?:例如|比如|诸如|包括|如)\s*[：:]?\s*"
                          rf"(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)")


# the verb of a main clause right after a list: "On noisy datasets like Pick-a-Pic V2, Poly-DPO achieves ..."
_CLAUSE_VERB_EN = re.compile(r"\s+(?:[a-z]+(?:s|ed)|can|will|is|are|was|were|has|have)\b")


def _examples(rx: re.Pattern, text: str, add, english: bool = False) -> None:
    for m in rx.finditer(text):
        names = list(names_in(m))
        if english and len(names) > 1 and not re.search(r"\b(?:and|or)\b", m.group("names")) \
                and _CLAUSE_VERB_EN.match(text, m.end("names")):
            # a list with no "and" whose last name a verb follows: that name opens the main clause
            # ("On noisy datasets like Pick-a-Pic V2, Poly-DPO achieves ..."), no example of the head
            names = names[:-1]
        for s, e in names:
            add(s, e, type_of_head(m.group("head")), False, plain_ok=True)


@name_rule("cue-head")
def examples_en(text, add):
    """"world models such as Cosmos", "baselines including Lagoon and ReefNet": the names a head noun
    exemplifies have its type, a plain capitalised word too; not the name a list without "and" ends
    with when a verb follows it ("On noisy datasets like ReefSet V2, KelpDPO achieves ...": the main
    clause's subject)."""
    _examples(_EXAMPLES_EN, text, add, english=True)


@name_rule("cue-head", script="han")
def examples_zh(text, add):
    """"多个基准（如ReefQA和KelpBench）", "基线模型包括Lagoon"."""
    _examples(_EXAMPLES_ZH, text, add)
