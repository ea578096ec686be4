"""Consolidate: the mentions of every paper, read together before linking.

Extraction sees one text at a time; some things only the whole corpus can say:

- a name typed by a head noun in some papers ("the Foo dataset", "Foo数据集") is that type in
  the papers that name it bare (where a default or a weaker rule typed it);
- an acronym defined in one paper ("Long Form (LF)") is the same name where another paper writes
  only the long form: both become the acronym, with the long form as its alternative label;
- words that are modalities, fields, model kinds or tasks (LMM, fMRI, SAR, VLN, ...;
  ontology/rules/not-datasets.txt) are never datasets; a platform or a simulator that data comes
  from or that a method runs in (Wikipedia, Reddit, YouTube, MuJoCo, CARLA) is a dataset only where
  the paper names it as data: a dataset head noun right after it ("the Reddit dataset",
  "PubMed数据集", "CARLA closed-loop benchmarks") or listed with another dataset ("Cora, CiteSeer
  and PubMed", "Wikipedia、MIMIC"); a model (DINOv3) is a method;
- a name of the imported vocabulary written in lower case ("classification benchmarks",
  "path-based"), or a modality with a head noun ("Video Dataset"), is a description, not the
  dataset an imported list names so;
- a new name that many papers call a dataset without any of them giving a dataset cue (a head
  noun, "introduce", a list of known datasets) is a word of the field, not a dataset;
- support: the number of papers that name each new name, which raises the confidence of names
  many papers share;
- a paper whose texts state no task at all has the research field of its primary arXiv category
  as a broad task (cs.RO -> robotics; ontology/rules/arxiv-fields.txt), with a low confidence.

Pure over (paper, mentions) pairs, deterministic, linear in the number of mentions.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from .model import Mention, Paper, replace  # (replace: dataclasses.replace, faster)
from .vocab import Vocabulary, norm, rule_words

# rules whose typing of a new name is evidence of its type (a head noun or a proposing clause)
_TYPING_RULES = frozenset({"title-name", "cue-propose", "cue-appositive", "cue-head", "cue-dataset", "abbreviation"})
# a new Dataset name named by this many papers needs a dataset cue in some of them
_SUPPORT_FOR_CHECK = 4
_CUED_SHARE = 0.1


def _dataset_cued(m: Mention) -> bool:
    return m.typed and m.rule in _TYPING_RULES or m.novel


# kinds of ontology/rules/not-datasets.txt: where data may come from (a dataset only where a paper
# names it as data), and what is a method
SOURCE_KINDS = frozenset({"platform", "simulator"})
METHOD_KINDS = frozenset({"model"})


def not_datasets() -> dict[str, str]:
    """ontology/rules/not-datasets.txt: normalised word -> its kind (the second column without a
    parenthesis: "modality", "model kind", "platform", "simulator", "model", ...; "" when not given)."""
    out: dict[str, str] = {}
    for w in sorted(rule_words("not-datasets.txt")):
        word, _, kind = w.partition("\t")
        k = norm(word)
        if k:
            out.setdefault(k, re.sub(r"\s*\(.*", "", kind).strip().lower())
    return out


@functools.lru_cache(maxsize=1)
def _heads() -> re.Pattern:
    from .extract.lexicon import lexicon
    en = sorted(lexicon().words("en", "dataset-heads"), key=len, reverse=True)
    zh = sorted(lexicon().words("zh", "dataset-heads"), key=len, reverse=True)
    # a head noun right after the name: up to two words between ("CARLA closed-loop benchmarks"),
    # or up to four Han characters ("CARLA闭环基准")
    return re.compile(r"(?:\s*[\w\-]+){0,2}?\s+(?:%s)\b|\s*[\u3400-\u9fff]{0,4}?(?:%s)"
                      % ("|".join(map(re.escape, en)), "|".join(map(re.escape, zh))), re.I)


@functools.lru_cache(maxsize=1)
def _zh_heads() -> re.Pattern:
    from .extract.lexicon import lexicon
    return re.compile("|".join(map(re.escape, sorted(lexicon().words("zh", "dataset-heads"), key=len, reverse=True))))


_CLAUSE_END = re.compile(r"[,，;；:：。!?！？()（）]|\.\s")
_TRAINED_ON = re.compile(r"\b(?:pre-?)?train(?:ed|ing|s)?\b(?:\s+[\w\-]+){0,4}?\s+on\s+(?:the\s+|a\s+)?"
                         r"(?:[\w\-]+\s+){0,4}?$", re.I)
_HEAD_SUCH_AS = re.compile(r"\b(?:datasets?|corpora|corpus|data|benchmarks?)\s+(?:such as|like|including|e\.g\.)\s*$", re.I)
_ZH_TRAINED = re.compile(r"^[^，,。；;]{0,16}?(?:数据|语料)?上(?:进行)?(?:预)?训练")
_LIST_SEP = re.compile(r"\s*(?:,|，|、|/|;|；|&|\band\b|\bor\b|和|与|及|以及|或)\s*(?:(?:and|or)\s+)?(?:the\s+)?", re.I)


def _named_as_data(m: Mention, others: list[Mention]) -> bool:
    """A source (platform, simulator) the paper names as data: typed by a dataset head noun, a
    dataset head noun right after it, or coordinated with another dataset of the sentence."""
    if m.typed and m.rule in ("cue-head", "cue-dataset"):
        return True
    sent, heads = m.sentence, _heads()
    for hit in re.finditer(re.escape(m.text), sent):
        if heads.match(sent, hit.end()):
            return True
        # the clause around it: trained on it, or data of it ("pre-trained on corpora such as
        # Wikipedia", "在Wikipedia等数据上预训练", "基于CARLA的…基准" as "a CARLA-based benchmark")
        before = _CLAUSE_END.split(sent[:hit.start()])[-1]
        after = _CLAUSE_END.split(sent[hit.end():])[0]
        if _TRAINED_ON.search(before) or _HEAD_SUCH_AS.search(before) or _ZH_TRAINED.search(after) \
                or (before.endswith("基于") and _zh_heads().search(re.split(r"[,，;；。]", sent[hit.end():])[0])):
            return True
        for d in others:
            if d is m or d.sentence != sent or not d.text:
                continue
            for dh in re.finditer(re.escape(d.text), sent):
                if dh.start() >= hit.end():
                    between = sent[hit.end():dh.start()]
                elif dh.end() <= hit.start():
                    between = sent[dh.end():hit.start()]
                else:
                    continue
                if _LIST_SEP.fullmatch(between):
                    return True
    return False


@functools.lru_cache(maxsize=1)
def _en_heads() -> frozenset[str]:
    from .extract.lexicon import lexicon
    return lexicon().lower_set("en", "dataset-heads")


def _kind_and_head(text: str, kinds: dict[str, str]) -> bool:
    """A modality, field or the like of not-datasets.txt followed by a dataset head noun only."""
    words = text.split()
    return len(words) >= 2 and words[-1].lower() in _en_heads() \
        and norm(" ".join(words[:-1])) in kinds


_POSSESSIVE = re.compile(r"(?:['’]s|(?<=[A-Z])s)$")
_LOWER_NAME = re.compile(r"[a-z][a-z\s\-']*")


def consolidate(extracted: Iterable[tuple[Paper, list[Mention]]], vocabulary: Vocabulary) -> list[tuple[Paper, list[Mention]]]:
    return list(consolidated(extracted, vocabulary))


def consolidated(extracted: Iterable[tuple[Paper, list[Mention]]], vocabulary: Vocabulary) -> Iterator[tuple[Paper, list[Mention]]]:
    """consolidate(), made as it is read: `extracted` is read twice (once for what the corpus
    says, once to rewrite each paper's mentions), so it may be a kg.spill.MentionSpill."""
    kinds = not_datasets()
    not_ds = {k for k, kind in kinds.items() if kind not in SOURCE_KINDS}
    labels = vocabulary.by_label()

    # --- what the corpus says of each new name (mentions not of the vocabulary)
    papers_of: dict[str, set[str]] = defaultdict(set)
    typed_votes: dict[str, Counter] = defaultdict(Counter)
    all_votes: dict[str, Counter] = defaultdict(Counter)
    dataset_cued: Counter = Counter()
    long_forms: dict[str, set[str]] = defaultdict(set)  # normalised long form -> acronyms defined for it
    bi_votes: dict[str, Counter] = defaultdict(Counter)
    bi_partner: dict[tuple[str, str], Mention] = {}
    for paper, mentions in extracted:
        _bilingual_pair(mentions, bi_votes, bi_partner)
        for m in mentions:
            if m.concept:
                continue
            key = norm(m.text)
            if not key:
                continue
            papers_of[key].add(paper.key)
            if m.typed and m.rule in _TYPING_RULES:
                typed_votes[key][m.type] += 1
            if m.type in ("Dataset", "Method"):
                all_votes[key][m.type] += 1
            if m.type == "Dataset" and _dataset_cued(m):
                dataset_cued[key] += 1
            if m.long_form and norm(m.long_form) and norm(m.long_form) != key:
                long_forms[(m.type, norm(m.long_form))].add(m.text)

    support = {k: len(v) for k, v in papers_of.items()}
    # one type per name across the corpus, from the papers where a cue typed it
    corpus_type = {k: votes.most_common(1)[0][0] for k, votes in typed_votes.items()
                   if votes and votes.most_common(1)[0][1] > sum(votes.values()) / 2}
    # a name no cue typed: the type most of its mentions have (between datasets and methods), so a
    # default of one rule does not make it two entities
    for k, votes in all_votes.items():
        if k not in typed_votes and len(votes) > 1 and votes.most_common(1)[0][1] > sum(votes.values()) / 2:
            corpus_type[k] = votes.most_common(1)[0][0]
    # a name many papers call a dataset but none with a dataset cue
    uncued = {k for k, n in support.items() if n >= _SUPPORT_FOR_CHECK
              and dataset_cued[k] < _CUED_SHARE * n}
    acronym_for = {tk: sorted(acrs)[0] for tk, acrs in long_forms.items()
                   if len({norm(a) for a in acrs}) == 1 and tk[1] not in labels}

    bilingual = _bilingual_choice(bi_votes, bi_partner)

    for paper, mentions in extracted:
        kept: list[Mention] = []
        datasets = [m for m in mentions if m.type == "Dataset" and kinds.get(norm(m.text)) not in SOURCE_KINDS]
        for m in mentions:
            key = norm(m.text)
            if m.type == "Task" and not m.concept and key in bilingual:  # 三维重建 = 3D reconstruction
                partner = bilingual[key]
                m = replace(m, text=partner.text, concept=partner.concept, long_form=m.text, broader=partner.broader)
                key = norm(m.text)
            kkey = m.type == "Dataset" and (key if key in kinds else norm(_POSSESSIVE.sub("", m.text)))  # "Wikipedia's"
            if kkey and kkey in kinds:
                kind = kinds[kkey]
                if kind in METHOD_KINDS:  # a model ("DINOv3"): a method, the vocabulary's if it has one
                    c = vocabulary.lookup(m.text, "Method")
                    m = replace(m, type="Method", concept=c.iri if c else None, broader=None)
                elif kind not in SOURCE_KINDS or not _named_as_data(m, datasets):
                    continue  # a modality, field, model kind or task ("fMRI", "VLN"), or a platform
                    # or simulator named as where data comes from ("posts from Reddit", "in MuJoCo")
            if m.type == "Dataset" and m.concept and _LOWER_NAME.fullmatch(m.text) \
                    and not vocabulary.concepts[m.concept].curated:
                continue  # "classification benchmarks", "path-based": words an imported list names
            if m.type == "Dataset" and m.concept and _kind_and_head(m.text, kinds) \
                    and not vocabulary.concepts[m.concept].curated:
                continue  # "Video Dataset", "Speech Corpus": a modality and a head noun, no name
            if m.concept:
                kept.append(m)
                continue
            if (m.type, key) in acronym_for and not m.long_form:  # "Long Form" where another paper defines LF
                m = replace(m, text=acronym_for[(m.type, key)], long_form=m.text)
                key = norm(m.text)
            t = corpus_type.get(key)
            # (between datasets and methods: a task the text states is a task whatever else names it)
            if t and t != m.type and {t, m.type} <= {"Dataset", "Method"} and not (m.typed and m.rule in _TYPING_RULES):
                m = replace(m, type=t)
            if m.type == "Dataset" and (key in not_ds or key in uncued and not _dataset_cued(m)):
                continue  # a word no paper calls a dataset
            n = support.get(key, 1)
            if n >= 3:
                m = replace(m, confidence=round(min(0.95, m.confidence + 0.05), 2))
            kept.append(m)
        if not any(m.type == "Task" for m in kept):
            field_task = category_task(paper, vocabulary)
            if field_task is not None:
                kept.append(field_task)
        yield paper, kept


# the rule id of a field read off the paper's arXiv category (a consolidation rule, not an
# extraction rule: kg.extract.registry ranks it last and not strong), and its confidence
CATEGORY_RULE = "category"
CATEGORY_CONFIDENCE = 0.3


@functools.lru_cache(maxsize=1)
def _arxiv_fields() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in sorted(rule_words("arxiv-fields.txt")):
        cat, _, label = line.partition("\t")
        if label.strip():
            out[cat.strip().lower()] = label.strip()
    return out


def category_task(paper: Paper, vocabulary: Vocabulary) -> Mention | None:
    """The field of the paper's first category that ontology/rules/arxiv-fields.txt names, as a
    broad task (a field is dropped beside any specific task; here there is none)."""
    fields = _arxiv_fields()
    for cat in paper.categories:
        label = fields.get(cat.strip().lower())
        if label:
            c = vocabulary.lookup(label, "Task")
            text = f"arXiv category {cat.strip()}"
            return Mention("Task", c.pref if c else label, 0, len(text), "categories", paper.latest.label, text,
                           CATEGORY_RULE, CATEGORY_CONFIDENCE, concept=c.iri if c else None, broad=True)
    return None


_HAN = re.compile(r"[\u3400-\u9fff]")


def _bilingual_pair(mentions: list[Mention], votes: dict[str, Counter], partner_of: dict) -> None:
    """A Chinese task name the vocabulary lacks and the English task the same papers state
    (digests that give a Chinese summary and the English abstract of each paper): the vote of one
    paper, which counts when it states exactly one task in each language (see _bilingual_choice)."""
    zh = {norm(m.text): m for m in mentions if m.type == "Task" and not m.broad and _HAN.search(m.text)
          and not m.concept}
    if len(zh) != 1:
        return
    en = {}
    for m in mentions:
        if m.type == "Task" and not m.broad and not _HAN.search(m.text):
            en.setdefault(m.concept or norm(m.text), m)
    zh_all = {m.concept or norm(m.text) for m in mentions if m.type == "Task" and not m.broad and _HAN.search(m.text)}
    if len(zh_all) != 1 or len(en) != 1:
        return
    (zkey, zm), = zh.items()
    (ekey, em), = en.items()
    heads = zh_head_translations()
    head = next((h for h in heads if zm.text.endswith(h)), None)
    if head is not None and en_head(em.text) not in heads[head]:
        return  # 奖励建模 (…modeling) is not "LLM alignment": a Chinese head says what the English one must be
    votes[zkey][ekey] += 1
    partner_of.setdefault((zkey, ekey), em)


@functools.lru_cache(maxsize=1)
def zh_head_translations() -> dict[str, frozenset[str]]:
    """Chinese task head word -> the English head nouns it is written as (zh/task-head-translations.txt),
    longest Chinese head first."""
    from .extract.lexicon import lexicon
    pairs = [line.split("\t", 1) for line in lexicon().words("zh", "task-head-translations")]
    return {zh: frozenset(en.lower().split()) for zh, en in sorted(pairs, key=lambda p: -len(p[0]))}


def en_head(label: str) -> str:
    """The head noun of an English task name: its last word (the last part of a hyphenated one too)."""
    words = label.lower().split()
    if not words:
        return ""
    return words[-1] if words[-1].count("-") != 1 or words[-1].startswith(("anti-", "pre-", "post-")) \
        else words[-1].rsplit("-", 1)[1]


def _bilingual_choice(votes: dict[str, Counter], partner_of: dict) -> dict[str, Mention]:
    """Normalised Chinese name -> the English mention it is another name of: the English partner
    most of its papers give, when they agree in at least half of them."""
    out: dict[str, Mention] = {}
    for zkey, c in votes.items():
        ekey, n = c.most_common(1)[0]
        if n * 2 >= sum(c.values()):
            out[zkey] = partner_of[(zkey, ekey)]
    return out
