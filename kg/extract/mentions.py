"""Doc -> Mentions: vocabulary, task, abbreviation and new-name mentions, with their evidence clause."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..model import Mention
from ..vocab import norm
from .cues import PROPOSE_ZH, USE_ZH
from .lexicon import lexicon
from .doc import doc_words, doc_text, sentence_of
from .names import head_type, name_like
from .new_names import propose_before, list_mates, new_entity_spans
from .registry import RULES
from .tokenizer import CHECKPOINT_TAIL, CHECKPOINT_WORDS as _CHECKPOINT
from .vocab_matcher import GLUED_RELEASE, norm_token

_AS_SYSTEM = re.compile(r"\s*(?:and\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:systems?|models?|tools?|engines?|technolog(?:y|ies)"
                        r"|techniques?)\b|\s*(?:[与和及、][\u4e00-\u9fff]{1,10}?)?(?:系统|模型|工具|技术)", re.I)
# (a Chinese text goes on right after it: "在BraTS 2020数据集上"; a challenge's task is part of the
# edition: "DCASE 2023 Task 4")
_EDITION = re.compile(r" (?:19|20)\d\d(?: [Tt]ask ?\d{1,2}[A-Za-z]?)?(?![A-Za-z0-9]|[.,]\d)")
# "evaluated on AlpacaEval 2, MT-Bench and ...": a numbered version of a known benchmark, a list's item
_VERSION = re.compile(r" [vV]?[1-9](?:\.\d)?(?=\s*(?:[,;:)]|and\b|or\b|$))")
# a release of a known model, written after its name: "Llama 4", "Claude 3.5 Sonnet", "Gemini 2.5 Pro",
# "Qwen 2.5 7B" (the size names the same model); not a count ("BERT 3 times", "Whisper 12 layers")
_TIERS = lexicon().alternation("en", "model-tier-words")
# the size of a checkpoint, with its other checkpoint words: "-7B", " 7B", "-3B-Instruct", "-30B-A3B-Instruct"
# (a checkpoint without a size, "-base-uncased", "-large", is the model itself: tokenizer.CHECKPOINT_TAIL)
_SIZED = re.compile(rf"(?i:-(?:{_CHECKPOINT}))*[- ]\d+(?:\.\d+)?[BbMm](?:-(?i:{_CHECKPOINT}|A\d+(?:\.\d+)?B))*"
                    rf"(?![A-Za-z0-9+])(?!\s+(?i:parameters?|params)\b)")
_ENDS_SIZED = re.compile(r"\d(?:\.\d+)?[BbMm]$")
_SIZED_TAIL = re.compile(rf"(?:-(?i:{_CHECKPOINT})|-A\d+(?:\.\d+)?B)+(?![A-Za-z0-9+])")
_RELEASE = re.compile(
    rf" (?P<v>[vV]?[1-9]\d?(?:\.\d{{1,2}})?)(?P<tier>(?: (?:{_TIERS}))*)"
    rf"(?=$|\s*[,，、;；。:：)）\]!?]|\.(?:\s|$)|[\u4e00-\u9fff]|\s+(?:[A-Z(（]|\d+(?:\.\d+)?[BbMm]\b"
    rf"|(?:and|or|with|on|in|as|to|for|is|are|was|were|models?|by|via|that|which|achieves?|outperforms?|shows?"
    rf"|has|have|performs?|reaches|series|family|variants?)\b))")



_CHALLENGE = re.compile(r"\bChallenge(?:\s+\d{4})?$|挑战赛$")


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
        kind_conf = RULES["vocabulary"].conf() if len(sp.text) > 4 else RULES["vocabulary"].conf("short")
        novel = sp.label_ in ("Dataset", "Method") and propose_before(doc, sp)
        year = (_EDITION.match(doc_text(doc), sp.end_char) or (_VERSION.match(doc_text(doc), sp.end_char)
                if not sp.text[-1:].isdigit() else None)) if sp.label_ == "Dataset" else None
        if year:  # "DNS Challenge 2021": an edition of a known dataset, narrower than it
            out.append(Mention("Dataset", sp.text + year.group(), sp.start_char, year.end(), field, version,
                               _evidence(sp), "vocabulary", kind_conf, concept=None, novel=novel,
                               broader=sp.kb_id_, typed=True))
            continue
        release = _RELEASE.match(doc_text(doc), sp.end_char) if sp.label_ == "Method" and _model_name(sp.text) else None
        glued = sp.start in doc.user_data.get("kg_glued_releases", ()) and GLUED_RELEASE.fullmatch(sp.text)
        end = sp.end_char if glued else release.start() + len(release.group("v")) + len(release.group("tier")) + 1 \
            if release else sp.end_char
        sized = _SIZED.match(doc_text(doc), end) if sp.label_ == "Method" and re.match(r"[A-Z]|[a-z]+[A-Z0-9]", sp.text) else None
        if sized:  # "Qwen2.5-7B", "Mistral 7B", "Qwen3-30B-A3B-Instruct": a checkpoint named by its size
            end = sized.end()
        elif sp.label_ == "Method" and _ENDS_SIZED.search(sp.text):
            # "Llama-3.1-8B-Instruct": a sized name of the vocabulary and the checkpoint words after it
            sized = _SIZED_TAIL.match(doc_text(doc), end)
            if sized:
                end = sized.end()
        if release or glued or sized:  # "Llama 4", "Claude 3.5 Sonnet", "Gemini-2.5-Pro": a release of a known model
            out.append(Mention("Method", doc_text(doc)[sp.start_char:end], sp.start_char, end, field, version,
                               _evidence(sp), "vocabulary", kind_conf, concept=None, novel=novel,
                               broader=sp.kb_id_, typed=True))
            continue
        out.append(Mention(sp.label_, sp.text, sp.start_char, sp.end_char, field, version, _evidence(sp),
                           "vocabulary", kind_conf, concept=sp.kb_id_, novel=novel))
    task_broader = doc.user_data.get("kg_task_broader", {})
    task_names = doc.user_data.get("kg_task_names", {})
    task_open = doc.user_data.get("kg_task_open", {})
    task_alt = doc.user_data.get("kg_task_alt", {})  # a new task's other name (the Chinese one of a glossed name)
    for sp in task_spans:
        opened = task_open.get((sp.start, sp.end))  # stated in a frame (kg.extract.open_tasks)
        if not sp.kb_id_:  # a task name the vocabulary lacks
            text = task_names.get((sp.start, sp.end)) or _task_label(sp.text)
            # a name written otherwise than the task's ("Detecting Personal Data" for personal data
            # detection) is its alternative label
            written = sp.text if norm(sp.text) != norm(text) and field == "title" and opened \
                and opened.rule == "task-title" and opened.fallback else None
            out.append(Mention("Task", text, sp.start_char, sp.end_char, field, version, _evidence(sp),
                               opened.rule if opened else "task-phrase",
                               opened.confidence if opened else RULES["task-phrase"].confidence,
                               concept=None, broader=task_broader.get((sp.start, sp.end)),
                               broad=bool(opened and (opened.field or opened.fallback)),
                               long_form=task_alt.get((sp.start, sp.end)) or written))
            continue
        if opened:  # a vocabulary task stated in a frame ("该论文属于目标检测任务")
            out.append(Mention("Task", sp.text, sp.start_char, sp.end_char, field, version, _evidence(sp),
                               opened.rule, max(opened.confidence, RULES["task-inference"].conf("title" if field == "title" else None)),
                               concept=sp.kb_id_, broad=opened.field or opened.fallback))
            continue
        out.append(Mention("Task", sp.text, sp.start_char, sp.end_char, field, version, _evidence(sp),
                           "vocabulary" if any(v.start == sp.start and v.kb_id_ == sp.kb_id_ for v in vocab_spans)
                           else "task-inference", RULES["task-inference"].conf("title" if field == "title" else None), concept=sp.kb_id_,
                           as_system=_AS_SYSTEM.match(doc_text(doc), sp.end_char) is not None))
    # an abbreviation defined for a vocabulary long form also names that concept
    abbreviated: set[int] = set()
    for ab in abbrs:
        hit = named_by.get(ab.short.start)
        if hit is not None:
            short_key = norm(ab.short.text)
            short_keys = {short_key, short_key[:-1] if short_key.endswith("s") else short_key + "s"}  # SDMs / SDM
            for i, word in enumerate(doc_words(doc)[0]):
                if i not in covered and norm_token(word) in short_keys:
                    sp = doc[i:i + 1]
                    covered.add(i)
                    abbreviated.add(i)
                    out.append(Mention(hit.label_, sp.text, sp.start_char, sp.end_char, field, version, _evidence(sp),
                                       "abbreviation", RULES["abbreviation"].confidence, concept=hit.kb_id_, long_form=hit.text))
    new_spans = new_entity_spans(doc, field, frozenset(named_by))
    meta = doc.user_data.setdefault("kg_new_meta", {})
    for sp, _t in list_mates(doc, vocab_spans):
        old = meta.get((sp.start, sp.end))
        if old is not None and not old[3]:  # a name no cue typed ("name-shape"), listed with known datasets
            new_spans = [n for n in new_spans if (n.start, n.end) != (sp.start, sp.end)]
            del meta[(sp.start, sp.end)]
        if (sp.start, sp.end) not in meta:
            meta[(sp.start, sp.end)] = ("cue-list", RULES["cue-list"].confidence, False, True)
            new_spans.append(sp)
    seen: set[tuple[int, int]] = set()
    for sp in new_spans:
        if (sp.start, sp.end) in seen or any(i in abbreviated for i in range(sp.start, sp.end)):
            continue
        if meta[(sp.start, sp.end)][0] == "cue-list" and any(o.start == sp.start and o.end > sp.end for o in new_spans):
            continue  # "KQZ" listed, where another rule read the name "KQZ 2020" at the same place  # the abbreviation of a vocabulary concept ("传统FAD方法" after "（Fake Audio Detection，FAD）")
        seen.add((sp.start, sp.end))
        rule, conf, novel, typed = meta[(sp.start, sp.end)]
        overlapping = [v for v in vocab_spans if v.start < sp.end and sp.start < v.end]
        if _CHALLENGE.search(sp.text) and any(v.label_ == "Dataset" for v in overlapping):
            continue  # "the ASVspoof 2019 Challenge": the known dataset is the challenge's data
        if any(o.start == sp.start and o.end > sp.end and _CHALLENGE.search(o.text) for o in new_spans):
            continue  # "ReefMOS" of "the ReefMOS Challenge 2026": the challenge is the name
        if overlapping and not novel and any(v.end == sp.end and _one_plain_word(doc[sp.start:v.start])
                                             for v in overlapping):
            continue  # "Motion VQ-VAE", "Motion GPT" used: the known name with a descriptive word
        if any(v.start == sp.start and CHECKPOINT_TAIL.fullmatch(doc_text(doc)[v.end_char:sp.end_char])
               for v in overlapping):
            continue  # "MusicGen-Medium", "BERT-base-uncased": a checkpoint of a known model is that model
        if rule == "name-shape" and any(v.start == sp.start and v.label_ == "Dataset"
                                        and _VERSION_TAIL.fullmatch(doc_text(doc)[v.end_char:sp.end_char])
                                        for v in overlapping):
            continue  # "AlpacaEval 2.0" read by its shape where the vocabulary names AlpacaEval: that dataset
        if overlapping:
            v = overlapping[0]
            if v.start == sp.start and v.end == sp.end or (v.end - v.start) >= (sp.end - sp.start):
                # the rule names a vocabulary concept: it may say that the paper proposes it
                if novel and v.label_ in ("Dataset", "Method") and (rule == "title-name" or propose_before(doc, v)):
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


def _model_name(text: str) -> bool:
    """A model's own name (Llama, Claude, Qwen2, GPT-4o), not a kind of method (transformer, LSTM
    network) and not a name that ends in its own number (ResNet-50, Qwen2.5)."""
    return bool(re.fullmatch(r"[A-Z][A-Za-z]*(?:[- ][A-Za-z]+)*", text)) and not text.isupper() or \
        bool(re.fullmatch(r"[A-Z]{2,}[a-z][A-Za-z]*", text))


_VERSION_TAIL = re.compile(r"\s*[vV]?\d{1,2}(?:\.\d{1,2})?")


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


def _setting_only(span: Span) -> bool:
    """Words before a known name in a long form that only say in which setting it is used
    ("semi-supervised knowledge distillation (SSKD)", en/setting-qualifiers.txt): the known
    technique is used, named with them (not "Vector Quantised Variational AutoEncoder", a kind of
    its own)."""
    words = span.text.lower().split()
    return bool(words) and all(w in lexicon().lower_set("en", "setting-qualifiers") for w in words)


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
    words = doc_words(doc)[0]
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
                elif not own and not _setting_only(doc[ab.long.start:sp.start]):
                    drop.add((sp.start, sp.end))
        end = max(ab.short.end_char, ab.long.end_char)
        if hit is None and head_type("", re.sub(r"^[\s)）]+", "", doc_text(doc)[end:end + 12])) is None \
                and not any(not sp.kb_id_ and sp.start == ab.long.start and sp.end == ab.long.end for sp in task_spans):
            # "非言语语音情感识别（NVER）": the task inferred for the long form (the most specific is last),
            # when what comes before it in the long form is a modifier, not another phrase
            # ("joint-training speech recognition and speaker recognition（JTSS）框架" is a method), and
            # not when the long form is a new task a frame states (该论文属于医学视频问答（MVQA）任务)
            hit = next((sp for sp in reversed(task_spans) if sp.kb_id_ and sp.end == ab.long.end
                        and sp.start >= ab.long.start and _modifier_only(doc[ab.long.start:sp.start])), None)
        if hit is not None:
            named_by[ab.short.start] = hit
    return [sp for sp in vocab_spans if (sp.start, sp.end) not in drop], named_by


def _task_label(text: str) -> str:
    """Task names are common nouns: "Speech Emotion Reasoning" -> "speech emotion reasoning" (acronyms kept)."""
    return " ".join(w if not re.search(r"[a-z]", w.rstrip("s")) else w.lower() for w in text.split())


def _evidence(sp: Span) -> str:
    """The sentence around a mention (the clause around it in a long sentence); the mentions of
    one sentence share one string (a build holds a million mentions)."""
    sent = sentence_of(sp)
    key = (sent.start_char, sent.end_char)
    shared = sp.doc.user_data.setdefault("kg_evidence", {})
    if key in shared:
        return shared[key]
    text = doc_text(sp.doc)[sent.start_char:sent.end_char].strip()
    whole = len(text) <= 300
    if not whole:  # a long sentence: the clause around the mention
        s = max(sent.start_char, sp.start_char - 120)
        e = min(sent.end_char, sp.end_char + 120)
        text = ("…" if s > sent.start_char else "") + doc_text(sp.doc)[s:e].strip() + ("…" if e < sent.end_char else "")
    text = _LIST_MARK.sub("", text)
    if whole:
        shared[key] = text
    return text


_LIST_MARK = re.compile(r"^\s*(?:\d+[.、)]|[-*•])\s*")
