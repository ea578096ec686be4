"""cue-propose: a proposing/releasing verb before a name (提出/构建/发布…, we propose/introduce…)."""
from __future__ import annotations

import re

from ..cues import NAME_U, PROPOSE_EN, PROPOSE_ZH, PROPOSER_EN, STRONG_ZH, USED_NOT_PROPOSED_ZH
from ..names import head_type, title_case_name, window_type
from ..lexicon import lexicon
from ..registry import name_rule

_ZH_PROPOSE = re.compile(
    rf"(?P<verb>{PROPOSE_ZH})了?\s*(?P<fill>[\u3400-\u9fff\-–“”\"'、（）()]{{0,24}}?)\s*[*“\"「]*\s*(?P<name>{NAME_U})")
_ADVERBS = lexicon().alternation("en", "propose-adverbs")
_EN_PROPOSE = re.compile(
    rf"\b(?i:{PROPOSER_EN})\s+"
    rf"(?i:(?:{_ADVERBS})\s+)?(?P<verb>(?i:{PROPOSE_EN}))(?:s|d|ed)?\s+"
    rf"(?P<fill>(?:(?!we\b)[A-Za-z0-9\-]+,?\s+){{0,8}}?)(?i:(?:called|named|dubbed|termed|coined)\s+)?(?P<name>{NAME_U})")
# a name glued to the word that makes it qualify what follows ("CC12M-based", "CT-guided")
_QUALIFYING_EN = re.compile(r"-(?:based|driven|guided|powered|aware|conditioned|enhanced|assisted|aided|enabled|inspired|oriented)$", re.I)
_MODIFIER_AFTER = re.compile(r"\s*(?:驱动|引导|辅助|增强|赋能|加持|支持|指导|-?driven|-?guided|-?based|-?powered)")


@name_rule("cue-propose", script="han")
def propose_zh(text, add):
    """"构建数据集SPD-GEN", "提出CosyVoice 3"; not "提出基于ControlNet的…" (used, not proposed)."""
    for m in _ZH_PROPOSE.finditer(text):
        fill = m.group("fill")
        t = head_type(text[:m.start("name")], text[m.end("name"):]) or window_type(fill)
        strong = bool(re.match(STRONG_ZH, m.group("verb"))) or m.group("verb") in {"构造", "收集", "整理", "设计", "开发"}
        heading = not fill and re.match(r"\s*[*]*\s*[：:]", text[m.end("name"):]) is not None \
            and title_case_name(m.group("name"))  # "引入Cluster-Driven Sampling：通过…": a bullet's heading
        if not strong and not heading and not window_type(fill) and not head_type("", text[m.end("name"):]):
            continue  # "引入ACPT" without a head noun: leave to the use rule
        if USED_NOT_PROPOSED_ZH.search(fill):
            continue  # "提出基于ControlNet的..." : the name is used, not proposed
        if _MODIFIER_AFTER.match(text[m.end("name"):]):
            continue  # "开发LLM驱动的管道": the name qualifies what is proposed
        add(m.start("name"), m.end("name"), t, True)


@name_rule("cue-propose")
def propose_en(text, add):
    """"We propose EmoNet, ...", "this paper introduces a corpus called X"; not "we propose a method based on X"."""
    for m in _EN_PROPOSE.finditer(text):
        fill = m.group("fill") or ""
        if re.search(r"\b(?:based on|using|with|via|leveraging|on)\b", fill, re.I):
            continue
        if re.search(r"\b(?:across|over|among|between|from|into)\s+(?:\w+\s+)?$", fill, re.I) \
                and not re.search(r"\b(?:called|named|dubbed|termed|coined)\s+$", text[:m.start("name")]):
            continue  # "we present a benchmark across multiple VFM families": what it spans, not its name
        if _QUALIFYING_EN.search(m.group("name")) or _MODIFIER_AFTER.match(text[m.end("name"):]):
            continue  # "we construct CC12M-based merging scenarios", "a CT-guided regularization": the name qualifies what is proposed
        t = head_type(text[:m.start("name")], text[m.end("name"):]) or window_type(fill)
        add(m.start("name"), m.end("name"), t, True)


# "为此引入稀疏感知拒绝采样（Sparsity-Aware Rejection Sampling）和基于重要性的重加权（Importance-based
# Reweighting）": Chinese terms a proposing verb introduces, each given its English name in brackets
_ZH_TERM_EN = re.compile(r"[\u4e00-\u9fff”\"](?:（|\()\s*(?P<name>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
                         r"(?:\s+(?:(?:of|for|and|with|via|by)\s+)?[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*){1,5})\s*(?:）|\))")
_ZH_INTRODUCE = re.compile(rf"(?:{STRONG_ZH}|引入|设计|开发)")
_NOT_METHOD_AFTER = re.compile(r"\s*(?:任务|问题|领域|方向|数据集|基准|指标)")


@name_rule("cue-propose", script="han")
def term_named_zh(text, add):
    """"引入稀疏感知拒绝采样（Sparsity-Aware Rejection Sampling）": the English name of a Chinese term that a
    proposing verb of the clause introduces is a proposed method's name."""
    for m in _ZH_TERM_EN.finditer(text):
        if _NOT_METHOD_AFTER.match(text, m.end()):
            continue  # "自动和弦识别（Automatic Chord Recognition）任务": a task
        # the verb governs the term: only Chinese words (and the bracketed names of terms before it) between
        clause = re.split(r"[。；;！？，,：:]", text[max(0, m.start() - 80):m.start() + 1])[-1]
        clause = re.sub(r"（[^（）]*）|\([^()]*\)", "", clause)
        verbs = list(_ZH_INTRODUCE.finditer(clause))
        if not verbs or not re.fullmatch(r"[\u4e00-\u9fff、“”\"]*", clause[verbs[-1].end():]):
            continue  # "设计作品Balaton Borders把巴拉顿湖（Lake Balaton）": not what the verb introduces
        name = m.group("name")
        if sum(w[:1].isupper() for w in name.split()) < 2:
            continue  # a Title-Case name, not a description ("Be confident when sure")
        add(m.start("name"), m.end("name"), "Method", True, whole=True)
