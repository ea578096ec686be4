"""The rules that find names not (necessarily) in the vocabulary: find_candidates(text, field).

  title-name     "Name: subtitle" and "Name Technical Report" titles
  cue-propose    a proposing/releasing verb before a name (提出/构建/发布/推出/..., propose/introduce/...)
  cue-appositive "Name, a novel framework ..." / "名为Name的..."
  cue-head       a name next to a type head noun (Name数据集, Name框架, the Name dataset, Name model)
  cue-use        a using verb before a name (采用/基于/利用/结合..., using/based on/leveraging ...)
  abbreviation   a defined abbreviation whose long form ends in a type head noun

The type of a new name is decided from the words around it (数据集/语料库/基准/benchmark/corpus
vs 框架/模型/方法/系统/framework/model/architecture); names that are generic words are dropped.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..vocab import norm
from .cues import (DATASET_HEADS_EN, DATASET_HEADS_ZH, METHOD_HEADS_EN, METHOD_HEADS_ZH, NAME_U, PROPOSE_EN, PROPOSE_ZH,
                   STRONG_ZH, USE_EN, USE_ZH, NAME_RE, SEP)
from .names import (STOPLIST, NAME_LEAD, strong_word, title_case_name, trim_name, type_of_head, window_type,
                    head_type, name_like)

_TITLE_NAME = re.compile(rf"^\s*(?P<name>{NAME_U})\s*(?:[:：]|\s--?\s|\s[—–]\s)\s*(?P<rest>.+)$")
_TITLE_REPORT = re.compile(rf"^\s*(?P<name>{NAME_U})\s+(?:Technical Report|System Report|System Description)\b", re.I)
_TITLE_RESOURCE = re.compile(rf"^\s*(?:The\s+)?(?P<name>{NAME_U})\s+(?P<rest>(?:Corpus|Dataset|Database|Benchmark|Challenge))\b")
_ZH_PROPOSE = re.compile(
    rf"(?P<verb>{PROPOSE_ZH})了?\s*(?P<fill>[\u3400-\u9fff\-–“”\"'、（）()]{{0,24}}?)\s*[*“\"「]*\s*(?P<name>{NAME_U})")
_ZH_NAMED = re.compile(rf"(?:名为|称为|叫做|命名为|简称|即)\s*[“\"「]?\s*(?P<name>{NAME_U})")
_EN_PROPOSE = re.compile(
    rf"\b(?i:we|this (?:paper|work|study|report|article)|the authors?|here,? we|in this (?:paper|work),? we)\s+"
    rf"(?i:(?:first|also|further|then|newly)\s+)?(?P<verb>(?i:{PROPOSE_EN}))(?:s|d|ed)?\s+"
    rf"(?P<fill>(?:(?!we\b)[A-Za-z0-9\-]+,?\s+){{0,8}}?)(?i:(?:called|named|dubbed|termed|coined)\s+)?(?P<name>{NAME_U})")
_EN_APPOS = re.compile(
    rf"(?P<name>{NAME_U})\s*(?:,|:|\(|—|–)\s*(?i:a|an|the)\s+(?:\w+[\s-]+){{0,6}}?(?P<head>(?i:{DATASET_HEADS_EN}|{METHOD_HEADS_EN}))\b")
_EN_NAMED = re.compile(rf"\b(?:named|called|dubbed|termed|coined)\s+(?P<name>{NAME_U})")
# "an AAC method, EnCLAP, employed ...": the kind, then the name between commas
_EN_KIND_APPOS = re.compile(
    rf"\b(?i:a|an|the|another|one)\s+(?:[\w-]+\s+){{0,3}}?(?P<head>(?i:{DATASET_HEADS_EN}|{METHOD_HEADS_EN})),\s+(?P<name>{NAME_U}),")
_MODIFIER_AFTER = re.compile(r"\s*(?:驱动|引导|辅助|增强|赋能|加持|支持|指导|-?driven|-?guided|-?based|-?powered)")
_ZH_APPOS = re.compile(
    rf"(?P<name>{NAME_U})\s*[*]*\s*[，,：:]\s*(?:一个|一种|首个|新的|全新的?)?[\u4e00-\u9fffA-Za-z0-9\-]{{0,14}}?"
    rf"(?P<head>{DATASET_HEADS_ZH}|{METHOD_HEADS_ZH})")
_ZH_USE = re.compile(rf"(?P<verb>{USE_ZH})\s*(?:了|预训练的?|预训练|的)?\s*[*“\"「]*\s*(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)")
_EN_USE = re.compile(rf"\b(?P<verb>{USE_EN})\s+(?i:the\s+|a\s+|an\s+|pre-?trained\s+)*(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)")
_ZH_ON_DATA = re.compile(
    rf"(?:在|于|基于|使用|利用|采用|以|对)\s*(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)\s*(?:等|这)?\s*[\u4e00-\u9fff]{{0,5}}?\s*(?:{DATASET_HEADS_ZH})")
_EN_ON_DATA = re.compile(
    rf"\b(?i:on|in|from|using|across|of|over)\s+(?i:the\s+)?(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)\s*(?i:{DATASET_HEADS_EN})\b")
_HEAD_AFTER = re.compile(rf"(?P<name>{NAME_U})\s*(?P<head>{DATASET_HEADS_ZH}|{METHOD_HEADS_ZH})")
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
    rf"(?P<name>{NAME_U})(?P<mid>[\u4e00-\u9fff]{{1,6}}?)(?P<head>{METHOD_HEADS_ZH}|{DATASET_HEADS_ZH})")
_NOT_A_MODIFIER = re.compile(r"[的在和与及对将用为是把被从向于以上中等提取进行通过实现使让作]")
# a head noun right before the names: "特征提取器CLIP-vit-large和Baichuan-13B", "预训练模型HuBERT", "数据集IEMOCAP",
# "两个TTS模型（TTS-1和TTS-1-Max）"
_HEAD_BEFORE_ZH = re.compile(
    rf"(?P<head>{DATASET_HEADS_ZH}|{METHOD_HEADS_ZH}|提取器)\s*[（(]?[*“\"「]*\s*(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)")
# "two key components, i.e., GSF and SDP modules": listed names and their plural head
_LIST_HEAD_EN = re.compile(
    rf"(?P<names>{NAME_U}(?:\s*(?:,|and|&)\s*(?:and\s+)?{NAME_U})+)\s+(?P<head>modules|models|methods|networks|encoders"
    rf"|losses|datasets|corpora|benchmarks|frameworks|systems|architectures)\b")
_HEAD_AFTER_EN = re.compile(rf"\b(?i:the|a|an|our|its)\s+(?P<name>{NAME_U})\s+(?P<head>(?i:{DATASET_HEADS_EN}|{METHOD_HEADS_EN}))\b")

DATASET_SUBTITLE = re.compile(rf"\b(?:{DATASET_HEADS_EN}|benchmarking|evaluating|evaluation|assessing)\b|{DATASET_HEADS_ZH}", re.I)
PROPOSE_CONTEXT = re.compile(rf"(?:{STRONG_ZH})了?\s*(?:一种|一个|一套|新的|新型|首个)?\s*$|\b(?:{PROPOSE_EN})(?:s|d|ed)?\s+(?:a |an |the )?(?:new |novel )?$", re.I)


class Candidate:
    __slots__ = ("start", "end", "type", "rule", "confidence", "novel", "typed")

    def __init__(self, start: int, end: int, type: str, rule: str, confidence: float, novel: bool, typed: bool):
        self.start, self.end, self.type, self.rule, self.confidence, self.novel = start, end, type, rule, confidence, novel
        self.typed = typed  # the type comes from a head noun, not from the default


def _names_in(m: re.Match, group: str = "names") -> Iterable[tuple[int, int]]:
    base = m.start(group)
    for nm in NAME_RE.finditer(m.group(group)):
        name = trim_name(nm.group())
        if name.lower() in {"and"} or not name:
            continue
        start = base + nm.start() + max(0, nm.group().find(name))  # leading words may have been dropped
        yield start, start + len(name)


def find_candidates(text: str, field: str) -> list[Candidate]:
    """Names not necessarily in the vocabulary, with a type and whether the paper introduces them."""
    out: list[Candidate] = []

    def add(s: int, e: int, type_: str | None, rule: str, conf: float, novel: bool, plain_ok: bool = False,
            title_ok: bool = False) -> None:
        name = text[s:e]
        if re.match(r"['’]s\b", text[e:e + 3]) or re.search(r"['’]s$", name):
            return  # "JHU's system": an owner, not a name of a method or dataset
        trimmed = trim_name(name)
        s += max(0, name.find(trimmed))
        e = s + len(trimmed)
        if not (name_like(trimmed) or ((title_ok or rule in ("cue-propose", "title-name")) and title_case_name(trimmed))
                or (rule == "title-name" and re.fullmatch(r"[A-Z][a-z]{3,}", trimmed)
                    and trimmed.lower() not in NAME_LEAD and norm(trimmed) not in STOPLIST)
                or (type_ == "Dataset" and title_case_name(trimmed) and re.search(r" (?:Corpus|Dataset|Database)$", trimmed))
                or (plain_ok and re.fullmatch(r"[A-Z][a-z]{3,}", trimmed) and norm(trimmed) not in STOPLIST
                    and trimmed.lower() not in NAME_LEAD)):
            return
        if _TASK_AFTER.match(text, e):
            type_ = "Task"  # "CapTTS相关任务", "在NVER任务中", "the SEC task": the name of a task
        out.append(Candidate(s, e, type_ or "Method", rule, conf if type_ else conf - 0.1, novel, type_ is not None))

    if field == "title":
        m = _TITLE_RESOURCE.match(text)
        if m:
            add(m.start("name"), m.end("name"), "Dataset", "title-name", 0.9, True)
        m = _TITLE_NAME.match(text) or _TITLE_REPORT.match(text)
        if m:
            rest = m.groupdict().get("rest") or ""
            words = m.group("name").split()
            if len(words) > 1 and not any(strong_word(w) for w in words):
                return out  # "Token-Level Logits Matter: ..." is a slogan, not a name
            head = rest.split(" for ")[0] if rest else ""
            t = "Dataset" if DATASET_SUBTITLE.search(head) else ("Method" if window_type(head) else None)
            add(m.start("name"), m.end("name"), t, "title-name", 0.9, True)
        for m in _HEAD_AFTER_EN.finditer(text):
            add(m.start("name"), m.end("name"), type_of_head(m.group("head")), "cue-head", 0.7, False)
        return out

    for m in _ZH_PROPOSE.finditer(text):
        fill = m.group("fill")
        t = head_type(text[:m.start("name")], text[m.end("name"):]) or window_type(fill)
        strong = bool(re.match(STRONG_ZH, m.group("verb"))) or m.group("verb") in {"构造", "收集", "整理", "设计", "开发"}
        heading = not fill and re.match(r"\s*[*]*\s*[：:]", text[m.end("name"):]) is not None \
            and title_case_name(m.group("name"))  # "引入Cluster-Driven Sampling：通过…": a bullet's heading
        if not strong and not heading and not window_type(fill) and not head_type("", text[m.end("name"):]):
            continue  # "引入ACPT" without a head noun: leave to the use rule
        if re.search(r"基于|结合|利用|采用|使用|通过|融合", fill):
            continue  # "提出基于ControlNet的..." : the name is used, not proposed
        if _MODIFIER_AFTER.match(text[m.end("name"):]):
            continue  # "开发LLM驱动的管道": the name qualifies what is proposed
        add(m.start("name"), m.end("name"), t, "cue-propose", 0.85, True)
    for m in _ZH_APPOS.finditer(text):
        if re.match(rf"\s*[*]*\s*[，,：:]\s*(?:{PROPOSE_ZH}|{USE_ZH})", text[m.end("name"):]):
            continue  # "首次探索MAFMs用于NVER：提出…框架": a heading and a sentence, not an appositive
        ctx = text[max(0, m.start() - 60):m.start()]
        novel = bool(re.search(rf"(?:{STRONG_ZH})[^。；;]*$", ctx)) or bool(re.search(r"首个|新的|全新", m.group()))
        add(m.start("name"), m.end("name"), type_of_head(m.group("head")), "cue-appositive", 0.8, novel)
    for m in _ZH_NAMED.finditer(text):
        t = head_type(text[max(0, m.start() - 12):m.start()], text[m.end("name"):])
        add(m.start("name"), m.end("name"), t, "cue-appositive", 0.8, True)
    for m in _EN_PROPOSE.finditer(text):
        fill = m.group("fill") or ""
        if re.search(r"\b(?:based on|using|with|via|leveraging|on)\b", fill, re.I):
            continue
        t = head_type(text[:m.start("name")], text[m.end("name"):]) or window_type(fill)
        add(m.start("name"), m.end("name"), t, "cue-propose", 0.85, True)
    for m in _EN_APPOS.finditer(text):
        before = text[max(0, m.start() - 160):m.start()]
        novel = bool(re.search(rf"\b(?:{PROPOSE_EN})(?:s|d|ed)?\b[^.]*$|\bwe\b[^.]*$", before, re.I)) \
            or bool(re.search(r"\b(?:novel|new|first)\b", m.group(), re.I))
        # "We introduce Dasheng, a simple SSL audio encoder": a plain capitalised word is a name
        # when a proposing verb introduces it and an appositive says what it is
        plain = bool(re.search(rf"\b(?:{PROPOSE_EN})(?:s|d|ed)?\s+$|\b(?:called|named|dubbed|termed)\s+$", before, re.I))
        add(m.start("name"), m.end("name"), type_of_head(m.group("head")), "cue-appositive", 0.8, novel, plain)
    for m in _EN_NAMED.finditer(text):
        sent = text[max(0, text.rfind(".", 0, m.start()) + 1):m.start()]
        novel = bool(re.search(rf"\b(?:novel|new|our|we|{PROPOSE_EN})", sent + text[m.end():m.end() + 40], re.I))
        t = head_type(text[max(0, m.start() - 40):m.start()].rstrip(), text[m.end("name"):])
        add(m.start("name"), m.end("name"), t, "cue-appositive", 0.8, novel)
    for m in _EN_KIND_APPOS.finditer(text):
        add(m.start("name"), m.end("name"), type_of_head(m.group("head")), "cue-appositive", 0.75, False)
    for rx in (_ZH_ON_DATA, _EN_ON_DATA):
        for m in rx.finditer(text):
            for s, e in _names_in(m):
                # "on the Chinese Secap test set": a plain word is a name when the head noun says so
                add(s, e, "Dataset", "cue-dataset", 0.75, False, plain_ok=rx is _EN_ON_DATA)
    for m in _EN_ARCH.finditer(text):
        add(m.start("name"), m.end("name"), "Method", "cue-head", 0.7, False, title_ok=True)
    for m in _NAME_TASK.finditer(text):
        add(m.start("name"), m.end("name"), "Task", "cue-head", 0.7, False)
    for m in _LIST_HEAD_EN.finditer(text):
        t = type_of_head(re.sub(r"(?:s|es)$", "", m.group("head")).replace("corpora", "corpus"))
        for s, e in _names_in(m):
            add(s, e, t, "cue-head", 0.7, False)
    for rx in (_HEAD_AFTER, _HEAD_AFTER_EN):
        for m in rx.finditer(text):
            t = type_of_head(m.group("head"))
            ctx = text[max(0, m.start() - 30):m.start("name")]
            novel = bool(PROPOSE_CONTEXT.search(ctx)) or bool(re.search(rf"(?:{STRONG_ZH})[^，。；,.;]*$", ctx))
            add(m.start("name"), m.end("name"), t, "cue-head", 0.7, novel)
    if re.search(r"[\u4e00-\u9fff]", text):
        for m in _EN_TERM_IN_ZH.finditer(text):
            name = m.group("name")
            if not (m.group("after") or _EN_HEAD_END.search(name)) or not re.search(r"[\u4e00-\u9fff）]", text[m.end():m.end() + 1] or "。"):
                continue  # only a phrase that a method head follows or ends, and that the Chinese text resumes after
            ctx = text[max(0, m.start() - 40):m.start()]
            novel = bool(re.search(rf"(?:{STRONG_ZH}|设计|开发|引入)[^。；;]*$", ctx)) or bool(re.search(r"[：:]\s*[（(]?$", ctx)) \
                or bool(re.search(rf"(?:{STRONG_ZH})", text))
            add(m.start("name"), m.start("name") + len(name.rstrip()), "Method", "cue-head", 0.65, novel, title_ok=True)
    for m in _HEAD_NEAR_ZH.finditer(text):
        if _NOT_A_MODIFIER.search(m.group("mid")):
            continue  # "HuBERT作为编码器", "IEMOCAP上的实验": not a modifier of the name
        ctx = text[max(0, m.start() - 30):m.start("name")]
        novel = bool(PROPOSE_CONTEXT.search(ctx)) or bool(re.search(rf"(?:{STRONG_ZH}|创新|设计|开发)[^，。；,.;]*$", ctx)) \
            or bool(re.search(r"引入\s*[*]*\s*$", ctx))
        novel = novel and not re.search(r"基于|利用|使用|采用|结合|通过", ctx[-12:])
        add(m.start("name"), m.end("name"), type_of_head(m.group("head")), "cue-head", 0.65, novel)
    for m in _HEAD_BEFORE_ZH.finditer(text):
        t = type_of_head(m.group("head"))
        # proposed when a strong verb opens the clause ("提出…（Genuine-Focused Learning，GFL）框架GFL-FAD"),
        # not across a comma ("构建数据集SPD-GEN，基于MoCap数据集SPD")
        clause = clause_before(text, m.start(), 60)
        novel = bool(re.search(rf"(?:{STRONG_ZH})", clause))  # "提出…基于扩散模型的…系统Mustango": 基于 describes the head
        for s, e in _names_in(m):
            add(s, e, head_type("", text[e:]) or t, "cue-head", 0.7, novel)
    for rx in (_ZH_USE, _EN_USE):
        for m in rx.finditer(text):
            for s, e in _names_in(m):
                t = head_type(text[:s], text[e:])
                add(s, e, t or "Method", "cue-use", 0.6, False)
    return out


_NAME_TASK = re.compile(rf"(?P<name>{NAME_U})(?=\s*(?:等?相关)?任务|\s+tasks?\b)")
_TASK_AFTER = re.compile(r"\s*(?:等?相关)?任务|\s+tasks?\b", re.I)
# "定义情感说话风格检索（ESSR）任务", "a new task, Speech Emotion Captioning (SEC)": a task's name
TASK_HEAD = re.compile(r"(?:^|\s)(?:任务|task)\b|任务$|\btask$", re.I)


def clause_before(text: str, end: int, width: int) -> str:
    """The clause that ends at `end` (at most `width` characters back), parentheses left out:
    what a proposing verb must stand in to propose the name that follows."""
    return re.split(r"[，,。；;]", re.sub(r"（[^（）]*）|\([^()]*\)", "", text[max(0, end - width):end]))[-1]
