"""Extract: a Paper's texts -> Mentions with evidence, through the spaCy pipeline of kg.nlp.

Vocabulary matches come from the kg_vocab_matcher component.  Names that are not in the
vocabulary are found by general, language-independent-by-design rules, all of which produce
spaCy Spans of the same Doc (doc.spans["kg_new"]):

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
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from .model import Mention, Paper
from .nlp import CHECKPOINT_TAIL, _norm_token, _words, doc_text, sentence_of
from .vocab import norm, rule_words

# ---------------------------------------------------------------- cue words (both languages)

DATASET_HEADS_ZH = "数据集|语料库|语料|基准测试|基准|评测集|测试集|数据库|评估基准|评测基准|基准数据集"
METHOD_HEADS_ZH = ("框架|模型|方法|系统|架构|网络|算法|模块|机制|策略|损失|编码器|解码器|声码器|工具包|流程|范式"
                   "|技术|模型族|管道|流水线|适配器|指标|评估框架|分词器|系列模型|系列")
DATASET_HEADS_EN = r"datasets?|corpus|corpora|benchmarks?|database|test[- ]?set|suite|collection|challenge"
METHOD_HEADS_EN = (r"framework|model|models|method|approach|system|architecture|network|algorithm|module|mechanism"
                   r"|strategy|loss|encoder|decoder|vocoder|toolkit|pipeline|paradigm|technique|tokenizer|adapter"
                   r"|metric|agent|codec|pipeline|recipe")
PROPOSE_ZH = "提出|构建|发布|推出|引入|开源|设计|开发|创建|建立|打造|贡献|介绍|研发|构造|搭建|收集|整理|制作|建构|提供"
STRONG_ZH = "提出|发布|推出|构建|开源|研发|打造|创建|建立|介绍"
PROPOSE_EN = (r"propose|introduce|present|release|develop|build|construct|curate|design|create|contribute|collect"
              r"|open-source|publish|unveil|establish|compile|assemble|offer")
USE_ZH = "采用|使用|利用|基于|结合|借助|通过|引入|融合|集成|对比|比较|优于|超越|超过|包括|例如|如"
USE_EN = (r"using|use|uses|used|with|based on|built on|leverag(?:e|es|ing)|adopt(?:s|ing)?|employ(?:s|ing)?"
          r"|fine-?tun(?:e|es|ing)|compared (?:to|with)|outperform(?:s|ing)?|such as|including|via|through|over")

# A Latin name: tokens made of letters/digits with -, ., +, _ inside; further words only when they
# start with a capital or digit ("CosyVoice 3", "Inworld TTS-1").
NAME = (r"(?:[A-Za-z0-9][A-Za-z0-9+\-_.'’]*[A-Za-z0-9+]|[A-Z])"
        r"(?: (?:[A-Z][A-Za-z0-9+\-_.]*[A-Za-z0-9+]|[0-9][A-Za-z0-9+\-_]*[A-Za-z+][A-Za-z0-9+]*|[0-9]{1,2}(?![.,]?[0-9])"
        r"|(?:19|20)[0-9]{2}(?![.,]?[0-9])))*")
# a name starts with a token that has a capital or a digit ("HuMP-CAT", "wav2vec", not "novel")
NAME_U = r"(?=[A-Za-z0-9+\-_.'’]*[A-Z0-9])" + NAME
_NAME_RE = re.compile(NAME_U)
_SEP = r"(?:\s*(?:和|、|与|及|以及|,|，|/|and|&)\s*)"


# names that look specific but are never entities (ontology/rules/not-entities.txt)
STOPLIST = {norm(w) for w in rule_words("not-entities.txt")}


def name_like(name: str) -> bool:
    """A specific name (SoulDance, DCRF-BiLSTM, TTS-1, CosyVoice 3), not a common word."""
    if norm(name) in STOPLIST or len(norm(name)) < 2:
        return False
    words = name.split()
    if len(words) > 5 or re.fullmatch(r"(?:[A-Za-z]{1,2}\+)+[A-Za-z]{1,2}", name):
        return False  # "R+T+S": a combination of datasets by initials, not a name
    if re.fullmatch(r"[~≈<>]?\d+(?:[.,]\d+)?\s*(?:[KkMmBbTtGg]\+?|[xX×])", name):
        return False  # "52K" samples, "7B" parameters, "8x" faster: a quantity
    if re.fullmatch(r"\d[Dd]", name):
        return False  # "2D", "3D": a dimension
    return any(_strong_word(w) for w in words)


_CUT = re.compile(r"-(?:based|like|style|driven|guided|aware|conditioned|enhanced|powered|inspired|derived"
                  r"|generated|augmented|assisted|informed)\b.*$", re.I)


# words that open a title or describe a model, never the first word of its name
_NAME_LEAD = {"towards", "toward", "beyond", "rethinking", "revisiting", "improving", "enhancing", "exploring", "on",
              "a", "an", "the", "our", "new", "novel", "scalable", "lightweight", "hybrid", "simple", "efficient", "robust",
              "fast", "effective", "improved", "enhanced",
              # languages qualify a corpus, they do not name it ("the Chinese Secap test set")
              "chinese", "english", "mandarin", "cantonese", "german", "french", "spanish", "italian", "japanese",
              "korean", "arabic", "persian", "hindi", "russian", "portuguese", "dutch", "multilingual", "bilingual"}


def _trim_name(name: str) -> str:
    """"BiLSTM-based" -> "BiLSTM", "LLaMA-based SER" -> "LLaMA"; no trailing punctuation."""
    cut = _CUT.search(name.strip())
    if cut and not (re.match(r"-[A-Z]", cut.group()) and not _strong_word(name.strip()[:cut.start()])):
        name = name.strip()[:cut.start()]  # not "Cluster-Driven Sampling": a Title-Case name of its own
    words = name.split()
    while len(words) > 1 and (re.fullmatch(r"[a-z'’\-]+", words[0]) or words[0].lower() in _NAME_LEAD):
        words = words[1:]  # "present AIST++", "and CMU-MOSEI", "Towards Scalable AASIST": not part of the name
    if len(words) > 1:  # "WavLM Base+ CNN" -> "WavLM"; "Inworld TTS-1", "CosyVoice 3" stay whole
        first = next((i for i, w in enumerate(words) if _strong_word(w)), None)
        if first is not None:
            end = first + 1
            while end < len(words) and re.fullmatch(r"\d{1,2}(?:\.\d)?", words[end]):
                end += 1
            words = words[:end]
    name = " ".join(words)
    return name.rstrip(".'’-_")


def _title_case_name(name: str) -> bool:
    """After a proposing verb or as a title's name, capitalised words are a name too:
    "Chain-Talker", "Multi-Query Multi-Head Attentive Statistics Pooling"."""
    words = name.split()
    if norm(name) in STOPLIST or not 1 <= len(words) <= 7:
        return False
    if len(words) == 1:  # "Chain-Talker"; "E-chat", "M-Emo": a capital prefix
        parts = [p for p in name.split("-") if p]
        return "-" in name and (all(p[:1].isupper() for p in parts) or bool(re.fullmatch(r"[A-Z]{1,4}", parts[0])))
    return all(p[:1].isupper() or p.isdigit() for w in words for p in w.split("-") if p)


def _strong_word(word: str) -> bool:
    """A word that can only be a name: two capitals in one part (TVA, BiLSTM), camel case, or digits with letters."""
    if re.fullmatch(r"[A-Z][a-z]+-\d+(?:\.\d+)?", word):
        return True  # "Switchboard-1", "Mustango-2": a name with a release number
    for part in re.split(r"[-_]", word):
        core = re.sub(r"[^A-Za-z0-9]", "", part)
        if sum(c.isupper() for c in core) >= 2 or (core[1:] != core[1:].lower()) \
                or (any(c.isdigit() for c in core) and any(c.isalpha() for c in core)):
            return True
    return False


def head_type(before: str, after: str) -> str | None:
    """Dataset / Method from a head noun right after the name, else right before it."""
    a = after.lstrip(" *\"”」'）)")
    if re.match(rf"(?:{DATASET_HEADS_ZH})", a) or re.match(rf"(?:the\s+)?(?:{DATASET_HEADS_EN})\b", a, re.I):
        return "Dataset"
    if re.match(rf"(?:{METHOD_HEADS_ZH})", a) or re.match(rf"(?:{METHOD_HEADS_EN})\b", a, re.I):
        return "Method"
    b = before.rstrip(" *\"“「'（(")
    if re.search(rf"(?:{DATASET_HEADS_ZH})$", b) or re.search(rf"\b(?:{DATASET_HEADS_EN})(?:,)?(?:\s+(?:called|named|dubbed|termed))?$", b, re.I):
        return "Dataset"
    if re.search(rf"(?:{METHOD_HEADS_ZH})$", b) or re.search(rf"\b(?:{METHOD_HEADS_EN})(?:,)?(?:\s+(?:called|named|dubbed|termed))?$", b, re.I):
        return "Method"
    return None


def _window_type(text: str) -> str | None:
    """Type from any head noun in a short window (filler between a verb and a name)."""
    if re.search(rf"(?:{DATASET_HEADS_ZH})", text):
        return "Dataset"
    if re.search(rf"\b(?:{DATASET_HEADS_EN})\b", text, re.I):
        return "Dataset"
    if re.search(rf"(?:{METHOD_HEADS_ZH})", text) or re.search(rf"\b(?:{METHOD_HEADS_EN})\b", text, re.I):
        return "Method"
    return None


# ---------------------------------------------------------------- the rules

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
_ZH_USE = re.compile(rf"(?P<verb>{USE_ZH})\s*(?:了|预训练的?|预训练|的)?\s*[*“\"「]*\s*(?P<names>{NAME_U}(?:{_SEP}{NAME_U})*)")
_EN_USE = re.compile(rf"\b(?P<verb>{USE_EN})\s+(?i:the\s+|a\s+|an\s+|pre-?trained\s+)*(?P<names>{NAME_U}(?:{_SEP}{NAME_U})*)")
_ZH_ON_DATA = re.compile(
    rf"(?:在|于|基于|使用|利用|采用|以|对)\s*(?P<names>{NAME_U}(?:{_SEP}{NAME_U})*)\s*(?:等|这)?\s*[\u4e00-\u9fff]{{0,5}}?\s*(?:{DATASET_HEADS_ZH})")
_EN_ON_DATA = re.compile(
    rf"\b(?i:on|in|from|using|across|of|over)\s+(?i:the\s+)?(?P<names>{NAME_U}(?:{_SEP}{NAME_U})*)\s*(?i:{DATASET_HEADS_EN})\b")
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
    rf"(?P<head>{DATASET_HEADS_ZH}|{METHOD_HEADS_ZH}|提取器)\s*[（(]?[*“\"「]*\s*(?P<names>{NAME_U}(?:{_SEP}{NAME_U})*)")
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
    for nm in _NAME_RE.finditer(m.group(group)):
        name = _trim_name(nm.group())
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
        trimmed = _trim_name(name)
        s += max(0, name.find(trimmed))
        e = s + len(trimmed)
        if not (name_like(trimmed) or ((title_ok or rule in ("cue-propose", "title-name")) and _title_case_name(trimmed))
                or (rule == "title-name" and re.fullmatch(r"[A-Z][a-z]{3,}", trimmed)
                    and trimmed.lower() not in _NAME_LEAD and norm(trimmed) not in STOPLIST)
                or (type_ == "Dataset" and _title_case_name(trimmed) and re.search(r" (?:Corpus|Dataset|Database)$", trimmed))
                or (plain_ok and re.fullmatch(r"[A-Z][a-z]{3,}", trimmed) and norm(trimmed) not in STOPLIST
                    and trimmed.lower() not in _NAME_LEAD)):
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
            if len(words) > 1 and not any(_strong_word(w) for w in words):
                return out  # "Token-Level Logits Matter: ..." is a slogan, not a name
            head = rest.split(" for ")[0] if rest else ""
            t = "Dataset" if DATASET_SUBTITLE.search(head) else ("Method" if _window_type(head) else None)
            add(m.start("name"), m.end("name"), t, "title-name", 0.9, True)
        for m in _HEAD_AFTER_EN.finditer(text):
            add(m.start("name"), m.end("name"), _type_of_head(m.group("head")), "cue-head", 0.7, False)
        return out

    for m in _ZH_PROPOSE.finditer(text):
        fill = m.group("fill")
        t = head_type(text[:m.start("name")], text[m.end("name"):]) or _window_type(fill)
        strong = bool(re.match(STRONG_ZH, m.group("verb"))) or m.group("verb") in {"构造", "收集", "整理", "设计", "开发"}
        heading = not fill and re.match(r"\s*[*]*\s*[：:]", text[m.end("name"):]) is not None \
            and _title_case_name(m.group("name"))  # "引入Cluster-Driven Sampling：通过…": a bullet's heading
        if not strong and not heading and not _window_type(fill) and not head_type("", text[m.end("name"):]):
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
        add(m.start("name"), m.end("name"), _type_of_head(m.group("head")), "cue-appositive", 0.8, novel)
    for m in _ZH_NAMED.finditer(text):
        t = head_type(text[max(0, m.start() - 12):m.start()], text[m.end("name"):])
        add(m.start("name"), m.end("name"), t, "cue-appositive", 0.8, True)
    for m in _EN_PROPOSE.finditer(text):
        fill = m.group("fill") or ""
        if re.search(r"\b(?:based on|using|with|via|leveraging|on)\b", fill, re.I):
            continue
        t = head_type(text[:m.start("name")], text[m.end("name"):]) or _window_type(fill)
        add(m.start("name"), m.end("name"), t, "cue-propose", 0.85, True)
    for m in _EN_APPOS.finditer(text):
        before = text[max(0, m.start() - 160):m.start()]
        novel = bool(re.search(rf"\b(?:{PROPOSE_EN})(?:s|d|ed)?\b[^.]*$|\bwe\b[^.]*$", before, re.I)) \
            or bool(re.search(r"\b(?:novel|new|first)\b", m.group(), re.I))
        # "We introduce Dasheng, a simple SSL audio encoder": a plain capitalised word is a name
        # when a proposing verb introduces it and an appositive says what it is
        plain = bool(re.search(rf"\b(?:{PROPOSE_EN})(?:s|d|ed)?\s+$|\b(?:called|named|dubbed|termed)\s+$", before, re.I))
        add(m.start("name"), m.end("name"), _type_of_head(m.group("head")), "cue-appositive", 0.8, novel, plain)
    for m in _EN_NAMED.finditer(text):
        sent = text[max(0, text.rfind(".", 0, m.start()) + 1):m.start()]
        novel = bool(re.search(rf"\b(?:novel|new|our|we|{PROPOSE_EN})", sent + text[m.end():m.end() + 40], re.I))
        t = head_type(text[max(0, m.start() - 40):m.start()].rstrip(), text[m.end("name"):])
        add(m.start("name"), m.end("name"), t, "cue-appositive", 0.8, novel)
    for m in _EN_KIND_APPOS.finditer(text):
        add(m.start("name"), m.end("name"), _type_of_head(m.group("head")), "cue-appositive", 0.75, False)
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
        t = _type_of_head(re.sub(r"(?:s|es)$", "", m.group("head")).replace("corpora", "corpus"))
        for s, e in _names_in(m):
            add(s, e, t, "cue-head", 0.7, False)
    for rx in (_HEAD_AFTER, _HEAD_AFTER_EN):
        for m in rx.finditer(text):
            t = _type_of_head(m.group("head"))
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
        add(m.start("name"), m.end("name"), _type_of_head(m.group("head")), "cue-head", 0.65, novel)
    for m in _HEAD_BEFORE_ZH.finditer(text):
        t = _type_of_head(m.group("head"))
        # proposed when a strong verb opens the clause ("提出…（Genuine-Focused Learning，GFL）框架GFL-FAD"),
        # not across a comma ("构建数据集SPD-GEN，基于MoCap数据集SPD")
        clause = _clause_before(text, m.start(), 60)
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
_TASK_HEAD = re.compile(r"(?:^|\s)(?:任务|task)\b|任务$|\btask$", re.I)


def _clause_before(text: str, end: int, width: int) -> str:
    """The clause that ends at `end` (at most `width` characters back), parentheses left out:
    what a proposing verb must stand in to propose the name that follows."""
    return re.split(r"[，,。；;]", re.sub(r"（[^（）]*）|\([^()]*\)", "", text[max(0, end - width):end]))[-1]


def _type_of_head(head: str) -> str:
    h = head.lower()
    if re.fullmatch(rf"(?:{DATASET_HEADS_ZH})", h) or re.fullmatch(rf"(?:{DATASET_HEADS_EN})", h):
        return "Dataset"
    return "Method"


# ---------------------------------------------------------------- Doc -> Mentions

RULE_RANK = {"title-name": 0, "cue-propose": 1, "cue-appositive": 2, "abbreviation": 3, "cue-dataset": 4,
             "cue-list": 5, "cue-head": 6, "cue-use": 7}


_AS_SYSTEM = re.compile(r"\s*(?:and\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:systems?|models?|tools?|engines?|technolog(?:y|ies)"
                        r"|techniques?)\b|\s*(?:[与和及、][\u4e00-\u9fff]{1,10}?)?(?:系统|模型|工具|技术)", re.I)
_EDITION = re.compile(r" (?:19|20)\d\d\b(?![.,]\d)")


def _note(doc: Doc, key: tuple[int, int], meta: tuple[str, float, bool, bool]) -> None:
    """Rule, confidence, novelty and typedness of a new name's span: the first (most reliable)
    rule's, except that any rule's saying the paper introduces it counts."""
    notes = doc.user_data.setdefault("kg_new_meta", {})
    old = notes.get(key)
    notes[key] = meta if old is None else (old[0], old[1], old[2] or meta[2], old[3])


def new_entity_spans(doc: Doc, field: str, known_shorts: frozenset[int] = frozenset()) -> list[Span]:
    """Spans of doc for names found by the rules, not overlapping vocabulary matches' longer spans."""
    spans: list[Span] = []
    for c in sorted(find_candidates(doc_text(doc), field), key=lambda c: (not c.typed, RULE_RANK[c.rule], c.start)):
        sp = doc.char_span(c.start, c.end, alignment_mode="expand")
        if sp is None:
            continue
        sp = Span(doc, sp.start, sp.end, label=c.type, kb_id="")
        spans.append(sp)
        sp_key = (sp.start, sp.end)
        _note(doc, sp_key, (c.rule, c.confidence, c.novel, c.typed))
    # abbreviations whose long form ends in a type head noun: "... framework (XYZ)" / "...数据集（XYZ）"
    # ... or whose parenthesis is followed by one ("（..., LtE2E）策略"), or that the paper proposes
    # ("引入...（Counterfactual Reasoning Enhanced Representation，CRER）")
    text = doc_text(doc)
    for ab in doc._.abbreviations or []:
        if not name_like(ab.short.text) or ab.short.start in known_shorts:
            continue  # a vocabulary concept's abbreviation is no new name
        end = max(ab.short.end_char, ab.long.end_char)
        after = re.sub(r"^[\s)）]+", "", text[end:end + 12])
        t = "Task" if _TASK_HEAD.search(ab.long.text) or _TASK_HEAD.match(after) else \
            head_type(ab.long.text, "") or head_type("", after)
        before = text[max(0, min(ab.long.start_char, ab.short.start_char) - 30):min(ab.long.start_char, ab.short.start_char)]
        clause = re.split(r"[，,。；;：:.]", text[max(0, min(ab.long.start_char, ab.short.start_char) - 80):
                                                 min(ab.long.start_char, ab.short.start_char)])[-1]
        novel = bool(re.search(rf"(?:{STRONG_ZH})|\b(?:{PROPOSE_EN})(?:s|d|ed)?\b|\bwe\b", before + ab.long.text, re.I))
        # "引入手-乐器接触损失（HICL）和弓-弦接触损失（BICL）": a term the paper introduces and abbreviates
        own_clause = _clause_before(text, min(ab.long.start_char, ab.short.start_char), 30)
        novel = novel or bool(re.search(rf"(?:{PROPOSE_ZH})", own_clause)) \
            or bool(re.search(rf"\bwe\s+(?:\w+\s+)?(?:{PROPOSE_EN})", clause, re.I))
        typed = t is not None
        if t is None and re.search(rf"(?:{PROPOSE_ZH})|\b(?:{PROPOSE_EN})(?:s|d|ed)?\b", clause, re.I) \
                and not re.search(r"[\u3400-\u9fff]", ab.long.text):
            t = "Method"  # proposed under an English long form without a head noun: a method by default
        if t:
            sp = Span(doc, ab.short.start, ab.short.end, label=t, kb_id="")
            spans.append(sp)
            _note(doc, (sp.start, sp.end), ("abbreviation", 0.8, novel, typed))
    return spans


_LIST = re.compile(rf"{NAME_U}(?:\s*(?:[,，、;；]|\band\b|\bor\b|和|与|及|以及)\s*(?:and\s+)?{NAME_U})+")


def list_mates(doc: Doc, vocab_spans: list[Span]) -> list[tuple[Span, str]]:
    """Unknown names listed with known ones take their type: "on CREMA-D, LibriCount, Speech
    Commands and VoxLingua" makes LibriCount and VoxLingua datasets."""
    text = doc_text(doc)
    out: list[tuple[Span, str]] = []
    for m in _LIST.finditer(text):
        items = []
        for nm in _NAME_RE.finditer(m.group()):
            s, e = m.start() + nm.start(), m.start() + nm.end()
            if nm.group() in ("and", "or"):
                continue
            items.append((s, e))
        # three or more names; two when a head noun follows ("比较了Fix-Match与Full-Match方法") or
        # they are what the paper evaluates on
        on_data = re.search(r"(?:在|于)\s*$", text[max(0, m.start() - 3):m.start()]) is not None \
            and re.match(r"\s*(?:上|中|数据)", text[m.end():]) is not None  # "在DAIC-WOZ和MODMA上"
        if len(items) < 2 or (len(items) == 2 and head_type("", text[m.end():]) is None and not on_data):
            continue
        types, unknown = [], []
        for s, e in items:
            hit = next((v for v in vocab_spans if v.start_char < e and s < v.end_char), None)
            if hit is not None:
                types.append(hit.label_)
            else:
                unknown.append((s, e))
        if len(types) < min(2, len(items) - 1) or len(set(types)) != 1 or not unknown:
            continue
        for s, e in unknown:
            name = _trim_name(text[s:e])
            if name_like(name) or (len(items) == 2 and _title_case_name(name)):
                sp = doc.char_span(s, s + len(name), alignment_mode="expand")
                if sp is not None:
                    out.append((Span(doc, sp.start, sp.end, label=types[0], kb_id=""), types[0]))
    return out


def _propose_before(doc: Doc, span: Span) -> bool:
    """A strong proposing cue right before a vocabulary mention: 提出 CosyVoice 3 / we propose X."""
    sent = sentence_of(span)
    before = doc_text(doc)[sent.start_char:span.start_char]
    m = re.search(rf"(?:{STRONG_ZH})了?\s*(?:一种|一个|新的|新型|全新的|首个)?\s*"
                  rf"(?P<fill>[\u4e00-\u9fff\-]{{0,20}}?(?:{DATASET_HEADS_ZH}|{METHOD_HEADS_ZH}))?\s*[*“\"「]*\s*$", before)
    if m and not re.search(r"基于|结合|利用|采用|使用|通过|融合", m.group("fill") or ""):
        return True
    return \
        bool(re.search(rf"\b(?:we|this (?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present|release)[sd]?\s+(?:a |an |the )?(?:new |novel )?$", before, re.I))


def mentions_from_doc(doc: Doc, field: str, version: str) -> list[Mention]:
    out: list[Mention] = []
    abbrs = doc._.abbreviations or []
    vocab_spans, named_by = _abbreviated_concepts(doc, list(doc.spans.get("kg_vocab", [])), abbrs,
                                                  list(doc.spans.get("kg_tasks", [])))
    covered = set()
    task_spans = list(doc.spans.get("kg_tasks", []))
    for sp in vocab_spans:
        covered.update(range(sp.start, sp.end))
        if sp.label_ == "Task":
            continue  # tasks come from kg_task_inference, which filters and extends them
        kind_conf = 0.95 if len(sp.text) > 4 else 0.85
        novel = sp.label_ in ("Dataset", "Method") and _propose_before(doc, sp)
        year = _EDITION.match(doc_text(doc), sp.end_char) if sp.label_ == "Dataset" else None
        if year:  # "DNS Challenge 2021": an edition of a known dataset, narrower than it
            out.append(Mention("Dataset", sp.text + year.group(), sp.start_char, year.end(), field, version,
                               _evidence(sp), "vocabulary", kind_conf, concept=None, novel=novel,
                               broader=sp.kb_id_, typed=True))
            continue
        out.append(Mention(sp.label_, sp.text, sp.start_char, sp.end_char, field, version, _evidence(sp),
                           "vocabulary", kind_conf, concept=sp.kb_id_, novel=novel))
    task_broader = doc.user_data.get("kg_task_broader", {})
    task_names = doc.user_data.get("kg_task_names", {})
    task_open = doc.user_data.get("kg_task_open", {})
    for sp in task_spans:
        opened = task_open.get((sp.start, sp.end))
        if not sp.kb_id_:  # a task name the vocabulary lacks
            text = task_names.get((sp.start, sp.end)) or _task_label(sp.text)
            out.append(Mention("Task", text, sp.start_char, sp.end_char, field, version, _evidence(sp),
                               opened.rule if opened else "task-phrase", opened.confidence if opened else 0.75,
                               concept=None, broader=task_broader.get((sp.start, sp.end)),
                               long_form=None, broad=bool(opened and (opened.field or opened.fallback))))
            continue
        if opened:  # a vocabulary task stated in a frame ("该论文属于目标检测任务")
            out.append(Mention("Task", sp.text, sp.start_char, sp.end_char, field, version, _evidence(sp),
                               opened.rule, max(opened.confidence, 0.9 if field == "title" else 0.8),
                               concept=sp.kb_id_, broad=opened.field or opened.fallback))
            continue
        out.append(Mention("Task", sp.text, sp.start_char, sp.end_char, field, version, _evidence(sp),
                           "vocabulary" if any(v.start == sp.start and v.kb_id_ == sp.kb_id_ for v in vocab_spans)
                           else "task-inference", 0.9 if field == "title" else 0.8, concept=sp.kb_id_,
                           as_system=_AS_SYSTEM.match(doc_text(doc), sp.end_char) is not None))
    # an abbreviation defined for a vocabulary long form also names that concept
    abbreviated: set[int] = set()
    for ab in abbrs:
        hit = named_by.get(ab.short.start)
        if hit is not None:
            short_key = norm(ab.short.text)
            short_keys = {short_key, short_key[:-1] if short_key.endswith("s") else short_key + "s"}  # SDMs / SDM
            for i, word in enumerate(_words(doc)[0]):
                if i not in covered and _norm_token(word) in short_keys:
                    sp = doc[i:i + 1]
                    covered.add(i)
                    abbreviated.add(i)
                    out.append(Mention(hit.label_, sp.text, sp.start_char, sp.end_char, field, version, _evidence(sp),
                                       "abbreviation", 0.85, concept=hit.kb_id_, long_form=hit.text))
    new_spans = new_entity_spans(doc, field, frozenset(named_by))
    meta = doc.user_data.setdefault("kg_new_meta", {})
    for sp, _t in list_mates(doc, vocab_spans):
        if (sp.start, sp.end) not in meta:
            meta[(sp.start, sp.end)] = ("cue-list", 0.7, False, True)
            new_spans.append(sp)
    seen: set[tuple[int, int]] = set()
    for sp in new_spans:
        if (sp.start, sp.end) in seen or any(i in abbreviated for i in range(sp.start, sp.end)):
            continue  # the abbreviation of a vocabulary concept ("传统FAD方法" after "（Fake Audio Detection，FAD）")
        seen.add((sp.start, sp.end))
        rule, conf, novel, typed = meta[(sp.start, sp.end)]
        overlapping = [v for v in vocab_spans if v.start < sp.end and sp.start < v.end]
        if overlapping and not novel and any(v.end == sp.end and _one_plain_word(doc[sp.start:v.start])
                                             for v in overlapping):
            continue  # "Motion VQ-VAE", "Motion GPT" used: the known name with a descriptive word
        if any(v.start == sp.start and CHECKPOINT_TAIL.fullmatch(doc_text(doc)[v.end_char:sp.end_char])
               for v in overlapping):
            continue  # "MusicGen-Medium", "BERT-base-uncased": a checkpoint of a known model is that model
        if overlapping:
            v = overlapping[0]
            if v.start == sp.start and v.end == sp.end or (v.end - v.start) >= (sp.end - sp.start):
                # the rule names a vocabulary concept: it may say that the paper proposes it
                if novel and v.label_ in ("Dataset", "Method") and (rule == "title-name" or _propose_before(doc, v)):
                    out.append(Mention(v.label_, v.text, v.start_char, v.end_char, field, version, _evidence(v),
                                       rule, conf, concept=v.kb_id_, novel=True))
                continue
        long_form = next((ab.long.text for ab in abbrs if ab.short.start == sp.start), None)
        as_long = next((ab for ab in abbrs if ab.long.start <= sp.start and ab.long.end >= sp.end), None)
        if as_long is not None and as_long.short.start in named_by:
            continue  # the long form of a vocabulary concept's abbreviation ("Mask AutoEncoder，MAE")
        if as_long is not None and name_like(as_long.short.text):
            # the long form of an abbreviation defined here: the entity is named by its abbreviation
            out.append(Mention(sp.label_, as_long.short.text, as_long.short.start_char, as_long.short.end_char, field,
                               version, _evidence(sp), rule, conf, concept=None, novel=novel,
                               long_form=as_long.long.text, typed=typed))
            continue
        out.append(Mention(sp.label_, sp.text, sp.start_char, sp.end_char, field, version, _evidence(sp),
                           rule, conf, concept=None, novel=novel, long_form=long_form, typed=typed))
    return out


def _one_plain_word(span: Span) -> bool:
    words = [t.text for t in span if not t.is_space]
    return len(words) == 1 and re.fullmatch(r"[A-Za-z][a-z]+", words[0]) is not None


_TERM_BEFORE = re.compile(rf"(?:^|[，,。；;：:、\s（(]|{USE_ZH}|{PROPOSE_ZH}|和|与|及|以及|一种|一个)$")


def _term_starts(doc: Doc, sp: Span) -> bool:
    """The match is the whole term before a parenthesis ("利用掩码自编码器（…）"), not the end of a
    longer one ("副语言增强的生成式预训练Transformer（…）")."""
    return bool(_TERM_BEFORE.search(doc_text(doc)[max(0, sp.start_char - 6):sp.start_char]))


def _modifier_only(span: Span) -> bool:
    text = span.text.strip()
    return len(re.findall(r"[\u3400-\u9fff]", text)) <= 4 and len(re.findall(r"[A-Za-z]+", text)) <= 2 \
        and not re.search(r"[和与及,，、]|\band\b|\bor\b", text)


def _abbreviated_concepts(doc: Doc, vocab_spans: list[Span], abbrs,
                          task_spans: list[Span] = ()) -> tuple[list[Span], dict[int, Span]]:
    """Which vocabulary concept each abbreviation names (by the start token of its short form),
    and the vocabulary spans that remain mentions.

    The short form names the concept whose match covers the long form ("Speech Emotion
    Recognition (SER)"), or, for "掩码自编码器（Mask AutoEncoder，MAE）", the match right before the
    parenthesis, or the task inferred for the long form; a known head at the end of a longer long form ("Mask AutoEncoder",
    "Vector Quantised Variational AutoEncoder") is the kind of thing the abbreviation is, not a
    mention of its own, unless the abbreviation is that concept's own acronym."""
    named_by: dict[int, Span] = {}
    drop: set[tuple[int, int]] = set()
    words = _words(doc)[0]
    for ab in abbrs:
        inside = ab.short.start > ab.long.start  # "（Long Form，ACR）"
        opening = ab.long.start - 1
        hit = next((sp for sp in vocab_spans if sp.start <= ab.long.start and sp.end >= ab.long.end), None)
        if hit is None and inside and opening >= 0 and words[opening] in ("(", "（"):
            end = opening
            while end > 0 and doc[end - 1].is_space:
                end -= 1
            hit = next((sp for sp in vocab_spans if sp.end == end and _term_starts(doc, sp)), None)
        short_ids = {sp.kb_id_ for sp in vocab_spans if sp.start == ab.short.start and sp.end == ab.short.end}
        for sp in vocab_spans:
            if sp.start > ab.long.start and sp.end == ab.long.end and sp is not hit:
                own = sp.kb_id_ in short_ids  # "Variational AutoEncoder (VAE)" written with a qualifier
                if own and hit is None:
                    hit = sp
                elif not own:
                    drop.add((sp.start, sp.end))
        end = max(ab.short.end_char, ab.long.end_char)
        if hit is None and head_type("", re.sub(r"^[\s)）]+", "", doc_text(doc)[end:end + 12])) is None:
            # "非言语语音情感识别（NVER）": the task inferred for the long form (the most specific is last),
            # when what comes before it in the long form is a modifier, not another phrase
            # ("joint-training speech recognition and speaker recognition（JTSS）框架" is a method)
            hit = next((sp for sp in reversed(task_spans) if sp.kb_id_ and sp.end == ab.long.end
                        and sp.start >= ab.long.start and _modifier_only(doc[ab.long.start:sp.start])), None)
        if hit is not None:
            named_by[ab.short.start] = hit
    return [sp for sp in vocab_spans if (sp.start, sp.end) not in drop], named_by


def _task_label(text: str) -> str:
    """Task names are common nouns: "Speech Emotion Reasoning" -> "speech emotion reasoning" (acronyms kept)."""
    return " ".join(w if not re.search(r"[a-z]", w.rstrip("s")) else w.lower() for w in text.split())


def _evidence(sp: Span) -> str:
    sent = sentence_of(sp)
    text = doc_text(sp.doc)[sent.start_char:sent.end_char].strip()
    if len(text) > 300:  # a long sentence: the clause around the mention
        s = max(sent.start_char, sp.start_char - 120)
        e = min(sent.end_char, sp.end_char + 120)
        text = ("…" if s > sent.start_char else "") + doc_text(sp.doc)[s:e].strip() + ("…" if e < sent.end_char else "")
    return re.sub(r"^\s*(?:\d+[.、)]|[-*•])\s*", "", text)


def extract(papers: Iterable[Paper], nlp: Language, batch_size: int = 256) -> Iterable[tuple[Paper, list[Mention]]]:
    """Stream (paper, mentions) in input order; texts of all versions are read."""
    def texts():
        for paper in papers:
            items = paper.texts()
            for i, (fld, ver, text) in enumerate(items):
                yield text, (paper, fld, ver, i == len(items) - 1)

    current: list[Mention] = []
    for doc, (paper, fld, ver, last) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        current.extend(mentions_from_doc(doc, fld, ver))
        if last:
            yield paper, current
            current = []


_WORKER: dict = {}


def _extract_chunk(bounds: tuple[int, int]) -> list[list[Mention]]:
    papers, nlp = _WORKER["papers"], _WORKER["nlp"]
    return [ms for _, ms in extract(papers[bounds[0]:bounds[1]], nlp)]


def extract_all(papers: list[Paper], nlp: Language, processes: int | None = None,
                chunk: int = 200) -> Iterable[tuple[Paper, list[Mention]]]:
    """extract() on several cores for large inputs, results in input order.

    Worker processes are forked after the pipeline is built, so they share it and the papers
    without pickling either; only the mentions travel back.
    """
    import multiprocessing as mp
    import os
    if processes is None:
        processes = min(len(os.sched_getaffinity(0)), 4) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if processes < 2 or len(papers) < 4 * chunk or "fork" not in mp.get_all_start_methods():
        yield from extract(papers, nlp)
        return
    _WORKER.update(papers=papers, nlp=nlp)
    try:
        with mp.get_context("fork").Pool(processes) as pool:
            bounds = [(i, min(i + chunk, len(papers))) for i in range(0, len(papers), chunk)]
            for (lo, _hi), results in zip(bounds, pool.imap(_extract_chunk, bounds)):
                for k, ms in enumerate(results):
                    yield papers[lo + k], ms
    finally:
        _WORKER.clear()


def load_nlp(vocab_paths: list[Path] | None = None) -> Language:
    from .nlp import build_nlp
    return build_nlp([str(p) for p in vocab_paths or []])
