"""Consolidate: the mentions of every paper, read together before linking.

Extraction sees one text at a time; some things only the whole corpus can say:

- a name typed by a head noun in some papers ("the Foo dataset", "Foo数据集") is that type in
  the papers that name it bare (where a default or a weaker rule typed it);
- an acronym defined in one paper ("Long Form (LF)") is the same name where another paper writes
  only the long form: both become the acronym, with the long form as its alternative label;
- words that are modalities, fields, model kinds or tasks (LMM, fMRI, SAR, VLN, ...;
  ontology/rules/not-datasets.txt) are never datasets;
- a new name that many papers call a dataset without any of them giving a dataset cue (a head
  noun, "introduce", a list of known datasets) is a word of the field, not a dataset;
- support: the number of papers that name each new name, which raises the confidence of names
  many papers share.

Pure over (paper, mentions) pairs, deterministic, linear in the number of mentions.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from .model import Mention, Paper
from .vocab import Vocabulary, norm, rule_words

# rules whose typing of a new name is evidence of its type (a head noun or a proposing clause)
_TYPING_RULES = frozenset({"title-name", "cue-propose", "cue-appositive", "cue-head", "cue-dataset", "abbreviation"})
# a new Dataset name named by this many papers needs a dataset cue in some of them
_SUPPORT_FOR_CHECK = 4
_CUED_SHARE = 0.1


def _dataset_cued(m: Mention) -> bool:
    return m.typed and m.rule in _TYPING_RULES or m.novel


def consolidate(extracted: list[tuple[Paper, list[Mention]]], vocabulary: Vocabulary) -> list[tuple[Paper, list[Mention]]]:
    not_datasets = {norm(w.split("\t", 1)[0]) for w in rule_words("not-datasets.txt")}
    labels = vocabulary.by_label()

    # --- what the corpus says of each new name (mentions not of the vocabulary)
    papers_of: dict[str, set[str]] = defaultdict(set)
    typed_votes: dict[str, Counter] = defaultdict(Counter)
    dataset_cued: Counter = Counter()
    long_forms: dict[str, set[str]] = defaultdict(set)  # normalised long form -> acronyms defined for it
    for paper, mentions in extracted:
        for m in mentions:
            if m.concept:
                continue
            key = norm(m.text)
            if not key:
                continue
            papers_of[key].add(paper.key)
            if m.typed and m.rule in _TYPING_RULES:
                typed_votes[key][m.type] += 1
            if m.type == "Dataset" and _dataset_cued(m):
                dataset_cued[key] += 1
            if m.long_form and norm(m.long_form) and norm(m.long_form) != key:
                long_forms[(m.type, norm(m.long_form))].add(m.text)

    support = {k: len(v) for k, v in papers_of.items()}
    # one type per name across the corpus, from the papers where a cue typed it
    corpus_type = {k: votes.most_common(1)[0][0] for k, votes in typed_votes.items()
                   if votes and votes.most_common(1)[0][1] > sum(votes.values()) / 2}
    # a name many papers call a dataset but none with a dataset cue
    uncued = {k for k, n in support.items() if n >= _SUPPORT_FOR_CHECK
              and dataset_cued[k] < _CUED_SHARE * n}
    acronym_for = {tk: sorted(acrs)[0] for tk, acrs in long_forms.items()
                   if len({norm(a) for a in acrs}) == 1 and tk[1] not in labels}

    bilingual = _bilingual_tasks(extracted)

    out: list[tuple[Paper, list[Mention]]] = []
    for paper, mentions in extracted:
        kept: list[Mention] = []
        for m in mentions:
            key = norm(m.text)
            if m.type == "Task" and not m.concept and key in bilingual:  # 三维重建 = 3D reconstruction
                partner = bilingual[key]
                m = replace(m, text=partner.text, concept=partner.concept, long_form=m.text, broader=partner.broader)
                key = norm(m.text)
            if m.type == "Dataset" and key in not_datasets:
                continue  # a modality, field, model kind or task ("fMRI", "VLN"), whatever matched it
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
            if m.type == "Dataset" and (key in not_datasets or key in uncued and not _dataset_cued(m)):
                continue  # a word no paper calls a dataset
            n = support.get(key, 1)
            if n >= 3:
                m = replace(m, confidence=round(min(0.95, m.confidence + 0.05), 2))
            kept.append(m)
        out.append((paper, kept))
    return out


_HAN = re.compile(r"[\u3400-\u9fff]")


def _bilingual_tasks(extracted: list[tuple[Paper, list[Mention]]]) -> dict[str, Mention]:
    """A Chinese task name the vocabulary lacks and the English task the same papers state
    (digests that give a Chinese summary and the English abstract of each paper): normalised
    Chinese name -> the English mention it is another name of. A pair counts in a paper that
    states exactly one task in each language; the Chinese name takes the English partner most of
    its papers give, when they agree in at least half of them."""
    votes: dict[str, Counter] = defaultdict(Counter)
    partner_of: dict[tuple[str, str], Mention] = {}
    for _paper, mentions in extracted:
        zh = {norm(m.text): m for m in mentions if m.type == "Task" and not m.broad and _HAN.search(m.text)
              and not m.concept}
        en = {}
        for m in mentions:
            if m.type == "Task" and not m.broad and not _HAN.search(m.text):
                en.setdefault(m.concept or norm(m.text), m)
        zh_all = {m.concept or norm(m.text) for m in mentions if m.type == "Task" and not m.broad and _HAN.search(m.text)}
        if len(zh) != 1 or len(zh_all) != 1 or len(en) != 1:
            continue
        (zkey, _zm), = zh.items()
        (ekey, em), = en.items()
        votes[zkey][ekey] += 1
        partner_of.setdefault((zkey, ekey), em)
    out: dict[str, Mention] = {}
    for zkey, c in votes.items():
        ekey, n = c.most_common(1)[0]
        if n * 2 >= sum(c.values()):
            out[zkey] = partner_of[(zkey, ekey)]
    return out
