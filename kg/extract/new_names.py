"""Candidates of the rules (and defined abbreviations) as Spans of the Doc, with their rule, confidence,
novelty and typedness in doc.user_data["kg_new_meta"]."""
from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span

from .cues import DATASET_HEADS_ZH, METHOD_HEADS_ZH, NAME_START, NAME_U, PROPOSE_EN, PROPOSE_ZH, STRONG_ZH, NAME_RE, PROPOSER_EN, USED_NOT_PROPOSED_ZH
from .doc import doc_text, sentence_of
from .lexicon import lexicon
from .names import title_case_name, trim_name, head_type, name_like
from .registry import RULES, rank
from .rules import TASK_HEAD, clause_before, find_candidates



@functools.lru_cache(maxsize=1)
def _technique_heads() -> re.Pattern:
    return re.compile(rf"(?:^|[\s-])(?:{lexicon().alternation('en', 'technique-heads')})$", re.I)


@functools.lru_cache(maxsize=1)
def _technique_heads_zh() -> re.Pattern:
    return re.compile(rf"^[\u3400-\u9fff]{{2,12}}(?:{lexicon().alternation('zh', 'technique-heads')})$")


_NO_NAME_ZH = re.compile(r"提出|使用|采用|利用|通过|基于|进行|实现|以及|和|与|的")


def _technique_long_form(long: str) -> bool:
    """An English long form of two to six words, capitalised as a name ("Virtual Reinforcement
    Learning", "event-based double integral" is not), ending with a technique noun; a Chinese one
    of Han characters only, no verb or conjunction in it, ending with one ("时间引导全变分")."""
    if re.search(r"[\u3400-\u9fff]", long):
        return _technique_heads_zh().match(long) is not None and not _NO_NAME_ZH.search(long)
    words = long.split()
    return 2 <= len(words) <= 6 and all(w[0].isupper() or w[0].isdigit() or w.lower() in ("of", "for", "and", "with", "via", "in", "on", "the", "to")
                for w in words) and _technique_heads().search(long) is not None


def _note(doc: Doc, key: tuple[int, int], meta: tuple[str, float, bool, bool]) -> None:
    """Rule, confidence, novelty and typedness of a new name's span: the most reliable rule's (the
    name rules come first, best ranked first; an abbreviation the text defines outranks a name read
    by its shape alone: "A Temporal Decomposition-based Mixture-of-Experts (TD-MoE)"), except that
    any rule's saying the paper introduces it counts."""
    notes = doc.user_data.setdefault("kg_new_meta", {})
    old = notes.get(key)
    if old is not None and rank(meta[0]) < rank(old[0]):
        old, meta = meta, old
    notes[key] = meta if old is None else (old[0], old[1], old[2] or meta[2], old[3] or meta[3])


def new_entity_spans(doc: Doc, field: str, known_shorts: frozenset[int] = frozenset()) -> list[Span]:
    """Spans of doc for names found by the rules, not overlapping vocabulary matches' longer spans."""
    spans: list[Span] = []
    for c in sorted(find_candidates(doc_text(doc), field), key=lambda c: (not c.typed, rank(c.rule), c.start)):
        sp = doc.char_span(c.start, c.end, alignment_mode="expand")
        if sp is None:
            continue
        if c.rule == "name-shape" and any(o.start < sp.end and sp.start < o.end for o in spans):
            continue  # a name by its shape inside a name a cue found ("提出RoboTwin 2.0框架"): that name
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
        t = "Task" if TASK_HEAD.search(ab.long.text) or TASK_HEAD.match(after) else \
            head_type(ab.long.text, "") or head_type("", after)
        before = text[max(0, min(ab.long.start_char, ab.short.start_char) - 30):min(ab.long.start_char, ab.short.start_char)]
        clause = re.split(r"[，,。；;：:.]", text[max(0, min(ab.long.start_char, ab.short.start_char) - 80):
                                                 min(ab.long.start_char, ab.short.start_char)])[-1]
        novel = bool(re.search(rf"(?:{STRONG_ZH})|\b(?:{PROPOSE_EN})(?:s|d|ed)?\b|\bwe\b", before + ab.long.text, re.I))
        # "引入手-乐器接触损失（HICL）和弓-弦接触损失（BICL）": a term the paper introduces and abbreviates
        own_clause = clause_before(text, min(ab.long.start_char, ab.short.start_char), 30)
        novel = novel or bool(re.search(rf"(?:{PROPOSE_ZH})", own_clause)) \
            or bool(re.search(rf"\bwe\s+(?:\w+\s+)?(?:{PROPOSE_EN})", clause, re.I))
        if t is None and _technique_long_form(ab.long.text):
            t = "Method"  # "Progressive Specialization Training (PST)": a technique's name and its abbreviation
        if t is None and any(v.label_ == "Method" and v.end == ab.long.end and v.start > ab.long.start
                             for v in doc.spans.get("kg_vocab", [])):
            # "audio-video direct preference optimization (AV-DPO)", "bi-directional gated recurrent
            # unit (BGRU)": a long form that ends with a known method's name is a method of that kind
            t = "Method"
        typed = t is not None
        if t is None and re.search(rf"(?:{PROPOSE_ZH})|\b(?:{PROPOSE_EN})(?:s|d|ed)?\b", clause, re.I) \
                and not re.search(r"[\u3400-\u9fff]", ab.long.text):
            t = "Method"  # proposed under an English long form without a head noun: a method by default
        if t:
            sp = Span(doc, ab.short.start, ab.short.end, label=t, kb_id="")
            spans.append(sp)
            _note(doc, (sp.start, sp.end), ("abbreviation", RULES["abbreviation"].conf("new"), novel, typed))
    return spans


# a score in parentheses may follow each name: "on MMAR (74.0%), MMAU (78.5%) and MMSU (77.26%)"
_SCORE_ONE = r"\s*[（(]\s*[~≈]?\d+(?:\.\d+)?\s*[%％]?\s*[)）]"
_SCORE = rf"(?:{_SCORE_ONE})?"
_LIST = re.compile(rf"{NAME_START}{NAME_U}{_SCORE}(?:\s*(?:[,，、;；]|\band\b|\bor\b|和|与|及|以及)\s*(?:and\s+)?{NAME_U}{_SCORE})+")


_EN_ON = re.compile(r"\b(?:[Oo]n|[Aa]cross|[Oo]ver)\s+(?:the\s+)?(?:[A-Z][\w\-]*\s+)?$")
# capitalised words that open a sentence before a list ("On MIMIC-IV and eICU, ...")
_LEAD_WORDS = lexicon().lower_set("en", "list-lead-words")
# plain capitalised words that end or open a list without naming data
_NOT_DATA_WORDS = frozenset("beyond other others more then also both each many some several".split())


def list_mates(doc: Doc, vocab_spans: list[Span]) -> list[tuple[Span, str]]:
    """Unknown names listed with known ones take their type: "on CREMA-D, LibriCount, Speech
    Commands and VoxLingua" makes LibriCount and VoxLingua datasets."""
    text = doc_text(doc)
    out: list[tuple[Span, str]] = []
    for m in _LIST.finditer(text):
        items = []
        listed = re.sub(_SCORE_ONE, lambda sc: " " * len(sc.group()), m.group())  # the scores are no names
        for nm in NAME_RE.finditer(listed):
            s, e = m.start() + nm.start(), m.start() + nm.end()
            if nm.group() in ("and", "or"):
                continue
            items.append((s, e))
        if items:  # "On MIMIC-IV and eICU": the sentence's first word is no name
            lead = re.match(r"(\w+)(?:\s+|$)", text[items[0][0]:items[0][1]])
            if lead and lead.group(1).lower() in _LEAD_WORDS:
                if lead.end() == items[0][1] - items[0][0]:
                    items.pop(0)
                else:
                    items[0] = (items[0][0] + lead.end(), items[0][1])
        start = items[0][0] if items else m.start()
        # three or more names; two when a head noun follows ("比较了Fix-Match与Full-Match方法") or
        # they are what the paper evaluates on
        on_data = re.search(r"(?:在|于)\s*$", text[max(0, m.start() - 3):m.start()]) is not None \
            and re.match(r"\s*(?:上|中|数据)", text[m.end():]) is not None  # "在DAIC-WOZ和MODMA上"
        types, unknown = [], []
        for s, e in items:
            hit = next((v for v in vocab_spans if v.start_char < e and s < v.end_char), None)
            if hit is not None:
                types.append(hit.label_)
            else:
                unknown.append((s, e))
        # "experiments on Argoverse 2, ZOD and ...", "on Something-Something v2 and Jester": a name
        # listed after "on" with a known dataset is what the paper evaluates on
        # (one known dataset is enough in a longer list: "on R2R-CE, REVERIE-CE and NavRAG-CE")
        on_known_data = types == ["Dataset"] and _EN_ON.search(text[max(0, start - 40):start]) is not None
        if len(items) < 2 or (len(items) == 2 and head_type("", text[m.end():]) is None and not on_data
                              and not on_known_data):
            continue
        if (len(types) < min(2, len(items) - 1) and not on_known_data) or len(set(types)) != 1 or not unknown:
            continue
        for s, e in unknown:
            name = trim_name(text[s:e])
            if re.match(r"\d+(?:\.\d+)?%?\s", name):
                continue  # "0.19 AP3D": a score and its metric
            # "Jamba 1.6" listed with Claude 3.5 Sonnet and Llama 4: a capitalised word and its release number
            if name_like(name) or (len(items) == 2 and title_case_name(name)) \
                    or on_known_data and re.fullmatch(r"[A-Z][a-z]{3,}", name) and name.lower() not in _NOT_DATA_WORDS \
                    or re.fullmatch(r"[A-Z][a-z]{2,}[A-Za-z]* [1-9]\d?(?:\.\d{1,2})?", name):
                sp = doc.char_span(s, s + len(name), alignment_mode="expand")
                if sp is not None:
                    out.append((Span(doc, sp.start, sp.end, label=types[0], kb_id=""), types[0]))
    return out


def propose_before(doc: Doc, span: Span) -> bool:
    """A strong proposing cue right before a vocabulary mention: 提出 CosyVoice 3 / we propose X."""
    sent = sentence_of(span)
    before = doc_text(doc)[sent.start_char:span.start_char]
    m = re.search(rf"(?:{STRONG_ZH})了?\s*(?:一种|一个|新的|新型|全新的|首个)?\s*"
                  rf"(?P<fill>[\u4e00-\u9fff\-]{{0,20}}?(?:{DATASET_HEADS_ZH}|{METHOD_HEADS_ZH}))?\s*[*“\"「]*\s*$", before)
    if m and not USED_NOT_PROPOSED_ZH.search(m.group("fill") or ""):
        return True
    return \
        bool(re.search(rf"\b(?:{PROPOSER_EN})\s+(?:\w+\s+)?(?:propose|introduce|present|release)[sd]?\s+(?:a |an |the )?(?:new |novel )?$", before, re.I))
