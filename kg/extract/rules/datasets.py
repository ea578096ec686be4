"""cue-dataset: the names a paper evaluates on (在DAIC-WOZ和MODMA上, on the Chinese Secap test set)."""
from __future__ import annotations

import re

from ..cues import DATASET_HEADS_EN, DATASET_HEADS_ZH, NAME_START, NAME_U, PREMODIFIERS_EN, PROPOSE_EN, SEP
from ..registry import name_rule
from .common import OWN_NAME_AFTER, names_in

_PARENS = re.compile(r"[（(][^（）()]*[）)]")


def _names_scored(m: re.Match):
    """The names of a list match, without the results in brackets after them."""
    masked = _PARENS.sub(lambda p: " " * len(p.group()), m.group("names"))
    fake = re.match(r"(?P<names>.*)", masked, re.S)
    for s, e in names_in(fake):
        yield m.start("names") + s, m.start("names") + e

# a result written after each name of the list: "在MMAR（74.0%）、MMSU（77.1%）和X上"
_RESULT = r"(?:\s*[（(][^（）()]{0,12}?\d[^（）()]{0,12}[）)])?"
_ZH_ON_DATA = re.compile(
    rf"(?:在|于|基于|使用|利用|采用|以|对)\s*(?P<names>{NAME_U}{_RESULT}(?:{SEP}{NAME_U}{_RESULT})*)\s*(?:等|这)?\s*(?P<gap>[\u4e00-\u9fff]{{0,5}}?)\s*(?:{DATASET_HEADS_ZH})")
# "在MMAR（74.0%）、MMSU（77.1%）上": names each given with a score, what the paper is evaluated on
_SCORE = r"\s*[（(]\s*\d+(?:\.\d+)?\s*%?\s*[）)]"
_ZH_ON_SCORED = re.compile(rf"在\s*(?P<names>{NAME_U}{_SCORE}(?:{SEP}{NAME_U}{_SCORE})+)\s*(?:等)?\s*(?:上|中)")
# "视听语音增强挑战赛（AVSEC-4）", "基准数据集（MedQA-Pro）": the name in brackets right after a head
_ZH_HEAD_NAMED = re.compile(rf"(?:{DATASET_HEADS_ZH})\s*[（(]\s*(?P<names>{NAME_U})\s*[）)]")
_EN_ON_DATA = re.compile(
    rf"\b(?i:on|in|from|using|across|of|over)\s+(?:(?i:the)\s+{PREMODIFIERS_EN})?(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)\s*(?i:{DATASET_HEADS_EN})\b")


@name_rule("cue-dataset", script="han")
def on_data_zh(text, add):
    """"在IEMOCAP和MELD数据集上"; "在Robosuite和MetaWorld基准": in a Chinese text a capitalised Latin
    word the head noun types is a name (no sentence starts with it), when the head follows it at once
    ("在Icelandic语音语料库上": a language); "在MMAR（74.0%）和MMSU（77.1%）上": names each given a
    score; "…挑战赛（AVSEC-4）": the name in brackets after a head."""
    for m in _ZH_ON_DATA.finditer(text):
        for s, e in _names_scored(m):
            add(s, e, "Dataset", False, plain_ok=not m.group("gap"))
    for m in _ZH_ON_SCORED.finditer(text):
        for s, e in _names_scored(m):
            add(s, e, "Dataset", False)
    for m in _ZH_HEAD_NAMED.finditer(text):
        for s, e in names_in(m):
            add(s, e, "Dataset", False)


# "the AudioMOS Challenge 2025", "the INTERSPEECH 2009 Emotion Challenge", "the AI City Challenge":
# a named challenge (its data), one of whose words is an acronym, a CamelCase word or a year (not
# "A Key Challenge", "Open Challenges")
_CHALLENGE_WORD = r"(?:[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*|\d{4}|&)"
_CHALLENGE_EN = re.compile(
    rf"(?<![A-Za-z0-9\-])(?P<name>(?:{_CHALLENGE_WORD}\s+){{1,6}}(?:Grand\s+)?Challenge(?:\s+\d{{4}})?)(?![A-Za-z0-9\-])")
_MARKED = re.compile(r"[A-Z]{2}|[a-z][A-Z]|\d")
_NOT_LEAD = frozenset("the a an this that these our their its each every first second new key".split())


# "参加Interspeech 2026音频推理挑战赛", "2009年INTERSPEECH情感挑战赛": a Latin name (and its year), a
# few Chinese words, then 挑战赛
_CHALLENGE_ZH = re.compile(r"(?P<name>(?:(?:19|20)\d\d年)?(?<![A-Za-z0-9\-])[A-Za-z][A-Za-z0-9\-]*(?:\s+[A-Za-z0-9\-]+){0,3}"
                           r"\s*[\u4e00-\u9fff]{0,8}?挑战赛)")


@name_rule("cue-dataset", script="han")
def challenge_zh(text, add):
    """"本文参加Interspeech 2026音频推理挑战赛": a named challenge is a dataset."""
    for m in _CHALLENGE_ZH.finditer(text):
        if not _MARKED.search(m.group("name")) or OWN_NAME_AFTER.match(text, m.end("name")):
            continue  # (…挑战赛（AVSEC-4）: the challenge's own name is the one in brackets)
        end = m.end("name") - len("挑战赛")
        if re.search(r"[\u4e00-\u9fff]$", text[m.start("name"):end]):
            end = m.end("name")  # "Interspeech 2026音频推理挑战赛": the Chinese words are part of its name
        else:  # "VoiceMOS 2024挑战赛": the name written before the head noun, as "X数据集" is X
            end = m.start("name") + len(text[m.start("name"):end].rstrip())
        add(m.start("name"), end, "Dataset", False, whole=True)


@name_rule("cue-dataset")
def challenge_en(text, add):
    """"trained on the official data of the AudioMOS Challenge 2025": a named challenge is a dataset."""
    for m in _CHALLENGE_EN.finditer(text):
        words = m.group("name").split()
        while words and words[0].lower() in _NOT_LEAD:
            words = words[1:]
        if len(words) < 2 or not any(_MARKED.search(w) for w in words[:-1]):
            continue
        name = " ".join(words)
        start = m.end("name") - len(name) if m.group("name").endswith(name) else m.start("name")
        add(start, m.end("name"), "Dataset", False, title_ok=True, whole=True)


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


# "two datasets: PigDetect, for object detection, and PigTrack, for ...", "three visualization tests
# (mini-VLAT, CALVI and SGL)", "two hard suites, LIBERO-Long++ and Ultra-Long": a counted plural head
# and the names that follow it, as many as the count says
_COUNTS = {w: i for i, w in enumerate("two three four five six seven eight nine ten".split(), start=2)}
_PLURAL_HEADS_EN = r"datasets|benchmarks|corpora|suites|test sets|testsets|collections|databases"
_COUNTED_HEADS_EN = _PLURAL_HEADS_EN + r"|tests|sets"
_EN_COUNTED = re.compile(
    rf"\b(?P<n>(?i:{'|'.join(_COUNTS)})|[2-9])\s+(?:(?!(?i:{'|'.join(_COUNTS)}|with|of|on|in|from|and|or)\b)[A-Za-z][\w-]*\s+){{0,3}}?"
    rf"(?i:{_COUNTED_HEADS_EN})\b"
    rf"\s*(?::|,|\(|—|--)\s*(?:namely\s+|i\.e\.,?\s+)?(?P<list>[^.;:()]{{1,300}})")
_ITEM_SEP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")
_ZH_COUNTS = {"两": 2, **{w: i for i, w in enumerate("二三四五六七八九十", start=2)}}
_ZH_COUNTED = re.compile(
    rf"{NAME_START}(?P<names>{NAME_U}(?:{SEP}{NAME_U})+)\s*(?:等|这)?\s*(?P<n>[两二三四五六七八九十]|[2-9])\s*(?:个|项|种|类|套)?"
    rf"[\u4e00-\u9fff]{{0,4}}?(?:{DATASET_HEADS_ZH}|套件|测试)")


def _proposed_before(text: str, pos: int, *, width: int, words: int) -> bool:
    """A proposing verb ends the `width` characters before pos, with at most `words` words after it
    ("we release two datasets: ...", "introduces the benchmark ReefQA")."""
    return re.search(rf"\b(?i:{PROPOSE_EN})(?:s|d|ed)?\s+(?:\w+\s+){{0,{words}}}$", text[max(0, pos - width):pos]) is not None


def _counted_names(text: str, m: re.Match, n: int) -> list[tuple[int, int]]:
    """The names that open the items of a list, when there are exactly n of them."""
    seg, base = m.group("list"), m.start("list")
    out: list[tuple[int, int]] = []
    pos = 0
    for sep in [*_ITEM_SEP.finditer(seg), None]:
        end = sep.start() if sep else len(seg)
        item = seg[pos:end]
        nm = re.match(NAME_U, item)
        if nm is not None and (nm.end() == len(item.rstrip()) or re.match(r"\s+(?:for|of|with|on|in)\b", item[nm.end():])):
            out.append((base + pos + nm.start(), base + pos + nm.end()))
        elif not out:
            return []  # (after the first name, an item may describe it: "for object detection")
        if len(out) == n or sep is None:
            break
        pos = sep.end()
    return out if len(out) == n else []


@name_rule("cue-dataset")
def counted_en(text, add):
    """"two datasets: PigDetect, for object detection, and PigTrack", "three visualization tests
    (mini-VLAT, CALVI and SGL)": the names after a counted plural head, exactly as many as counted."""
    for m in _EN_COUNTED.finditer(text):
        n = _COUNTS.get(m.group("n").lower()) or int(m.group("n"))
        novel = _proposed_before(text, m.start(), width=40, words=1)
        for s, e in _counted_names(text, m, n):
            add(s, e, "Dataset", novel, title_ok=True)


@name_rule("cue-dataset", script="han")
def counted_zh(text, add):
    """"含LIBERO-Long++和Ultra-Long两个套件", "涵盖mini-VLAT、CALVI和SGL三项可视化测试": names before a
    count and a head noun, exactly as many as counted."""
    for m in _ZH_COUNTED.finditer(text):
        n = _ZH_COUNTS.get(m.group("n")) or int(m.group("n"))
        spans = list(names_in(m))
        if len(spans) == n:
            for s, e in spans:
                add(s, e, "Dataset", False, title_ok=True)


# "reaching 80.65% on CREMA-D and 70.90% on AVE", "在QAEGO4D上达到13.2%": a score reached on a name
_EN_SCORE_ON = re.compile(
    rf"(?:\d(?:\.\d+)?\s*[%％]|\d\.\d+)\s+(?:[a-z]+\s+|[a-z]?[A-Z][A-Za-z0-9@.\-]{{1,12}}\s+)?(?:on|across)\s+(?:the\s+)?"
    rf"(?P<names>{NAME_U}(?:{SEP}(?!\d){NAME_U})*)")  # ("67.4 mIoU on GranDf": a metric's name between)
_ZH_SCORE_ON = re.compile(
    rf"在\s*(?P<names>{NAME_U}(?:{SEP}{NAME_U})*)\s*(?:等)?\s*(?:{DATASET_HEADS_ZH})?\s*上[^。；;，,]{{0,25}}?"
    rf"(?:\d(?:\.\d+)?\s*[%％]|(?:达到?|取得)\s*\d+(?:\.\d+)?)")  # ("在GranDf上mIoU达67.4")


@name_rule("cue-dataset")
def score_on_en(text, add):
    """"80.65% on CREMA-D and 70.90% on AVE": what a score is reached on."""
    for m in _EN_SCORE_ON.finditer(text):
        for s, e in names_in(m):  # (the list stops at the next score: "on ScanNetV2 and 0.19 AP3D@0.5")
            if re.match(r"\s+(?!datasets\b|benchmarks\b|splits\b)[a-z]+s\b", text[e:]):
                continue  # "90% AUROC across DNN configurations": the name qualifies a plural noun
            add(s, e, "Dataset", False, plain_ok=True)  # ("86.49% on Synapse": a plain word too)


@name_rule("cue-dataset", script="han")
def score_on_zh(text, add):
    """"在QAEGO4D上达到13.2%", "在MATH500和AIME2024上分别提升3.8%和3.3%": what a score is reached on."""
    for m in _ZH_SCORE_ON.finditer(text):
        for s, e in names_in(m):
            add(s, e, "Dataset", False)


# "On VERA, Spoken-MQA and BigBenchAudio, the agent balances ...": a sentence that opens with the names
# it was evaluated on; "在VERA、Spoken-MQA和BigBenchAudio上，…" (three names or more in Chinese)
_EN_ON_LIST = re.compile(rf"(?:^|[.;!?]\s+)On\s+(?:the\s+)?(?P<names>{NAME_U}(?:{SEP}{NAME_U})+),\s")
_ZH_ON_LIST = re.compile(rf"在\s*(?P<names>{NAME_U}(?:{SEP}{NAME_U}){{2,}})\s*(?:等)?\s*上\s*[，,]")


# "On NOTSOFAR-1, systems above ...": one name a sentence opens with, when its shape marks it a name
# (a digit, a hyphen or an inner capital: not "On Linux," or "On GPUs,")
_EN_ON_ONE = re.compile(rf"(?:^|[.;!?]\s+)On\s+(?:the\s+)?(?P<names>{NAME_U}),\s")
_MARKED_NAME = re.compile(r"\d|-|[a-z][A-Z]")


@name_rule("cue-dataset")
def on_list_en(text, add):
    """"On VERA, Spoken-MQA and BigBenchAudio, X balances ...": the names a sentence opens with;
    "On NOTSOFAR-1, systems ...": one name marked by its shape."""
    listed = set()
    for m in _EN_ON_LIST.finditer(text):
        listed.add(m.start("names"))
        _add_unless_models(text, m, add)
    for m in _EN_ON_ONE.finditer(text):
        if m.start("names") not in listed and _MARKED_NAME.search(m.group("names")):
            _add_unless_models(text, m, add)


@name_rule("cue-dataset", script="han")
def on_list_zh(text, add):
    """"在VERA、Spoken-MQA和BigBenchAudio上，…": three or more names something is evaluated on."""
    for m in _ZH_ON_LIST.finditer(text):
        _add_unless_models(text, m, add)


def _add_unless_models(text, m, add):
    """The names of a list as datasets, unless one is a checkpoint named by its size (a list of
    models: "在Qwen2.5-7B、Llama3.1-8B和Yi1.5-9B上")."""
    spans = list(names_in(m))
    if any(re.search(r"\d(?:\.\d+)?[BbMmKk]$", text[s:e]) for s, e in spans):
        return
    for s, e in spans:
        add(s, e, "Dataset", False)


# "using annotations from widely used datasets, BigVul, DiverseVul and CleanVul.": a plural head and the
# list of names set beside it, which the list ends (not "datasets, GPT-4 performs ...")
_EN_HEAD_LIST = re.compile(
    rf"\b(?i:{_PLURAL_HEADS_EN})\s*(?:,|:|\(|—|--)\s*(?:namely\s+|i\.e\.,?\s+|e\.g\.,?\s+|including\s+)?"
    rf"(?P<names>{NAME_U}(?:{SEP}{NAME_U})+)\s*(?=[.;:)]|,\s+(?:and|which|where|with|while)\b|$)")
# "the computed tomography set CT-RATE", "the benchmark ReefQA": a singular head, then the name
_EN_HEAD_BEFORE = re.compile(
    rf"\b(?i:the)\s+(?:[a-z][\w-]*\s+){{0,3}}(?:dataset|data set|set|corpus|benchmark|test set|suite)\s+(?P<names>{NAME_U})"
    rf"(?=\s*[,.;:)]|\s+(?:and|with|for|of|to|in|on|which|that|from)\b)")


@name_rule("cue-dataset")
def head_list_en(text, add):
    """"widely used datasets, BigVul, DiverseVul and CleanVul.", "the chest radiography set MIMIC-CXR":
    names set beside a dataset head noun."""
    for rx in (_EN_HEAD_LIST, _EN_HEAD_BEFORE):
        for m in rx.finditer(text):
            novel = _proposed_before(text, m.start(), width=50, words=3)
            for s, e in names_in(m):
                add(s, e, "Dataset", novel)
