"""kg_abbreviations: "Long Form (LF)", "LF (Long Form)", "主成分分析（PCA）" -> doc._.abbreviations."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .doc import doc_words

if not Doc.has_extension("abbreviations"):
    Doc.set_extension("abbreviations", default=None)

_OPEN = {"(": ")", "（": "）"}
_CN_LEAD = re.compile(r"^(?:.*?(?:属于|针对|面向|聚焦于?|致力于|旨在|关于|提出了?|定义了?|引入了?|采用了?|使用了?|利用了?|基于|通过|结合了?|构建了?|设计了?|开发了?"
                      r"|发布了?|推出了?|名为|称为|包括|以及|一种|一个|的|在|和|与|及|对|将|用|为|是|了))+")


@dataclass(frozen=True)
class Abbreviation:
    short: Span
    long: Span


def _acronym_like(text: str) -> bool:
    if re.search(r"-(?:based|like|style|driven|guided|aware)$", text, re.I):
        return False  # "（Diffusion-based）" glosses, it does not abbreviate
    if re.search(r"\d[.,]\d|[%％=]", text):
        return False  # "（CCC 0.6941）", "（F1=0.82）": a result, not an abbreviation
    return (1 <= len(text) <= 15 and any(c.isupper() for c in text) and not re.search(r"[\s,，、;；:：]", text)
            and not re.search(r"[\u3400-\u9fff]", text) and not text.isdigit())


def _sh_long_form(short: str, words: list[Span]) -> int | None:
    """Schwartz-Hearst: index in words where the long form for short starts, or None."""
    s = [c.lower() for c in short if c.isalnum()]
    if not s:
        return None
    text = " ".join(w.text for w in words).lower()
    si, li = len(s) - 1, len(text) - 1
    while si >= 0:
        c = s[si]
        while li >= 0 and (text[li] != c or (si == 0 and li > 0 and text[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        si -= 1
        li -= 1
    start_char = li + 1
    pos = 0
    for i, w in enumerate(words):
        if pos <= start_char < pos + len(w.text) + 1:
            return i
        pos += len(w.text) + 1
    return None


def find_abbreviations(doc: Doc) -> list[Abbreviation]:
    out: list[Abbreviation] = []
    words = doc_words(doc)[0]
    opens = [k for k, w in enumerate(words) if w in _OPEN]
    if not opens:
        return out
    sent_starts = set(doc.user_data.get("kg_sent_starts") or [t.i for t in doc if t.is_sent_start])
    i = 0
    n = len(doc)
    for i in opens:
        close = _OPEN[words[i]]
        j = i + 1
        while j < n and words[j] not in (close, ")", "）") and j - i < 25:
            j += 1
        if j >= n or words[j] not in (")", "）") or j == i + 1:
            i += 1
            continue
        inner = doc[i + 1:j]
        inner_text = inner.text.strip()
        # text before the parenthesis, within the sentence
        k = i
        while k > 0 and (k - 1) not in sent_starts and words[k - 1] not in {"，", ",", "：", ":", "、", "(", "（", "“", "\""}:
            k -= 1
        if k > 0 and (k - 1) in sent_starts and words[k - 1] not in {"，", ",", "：", ":", "、"}:
            k -= 1
        before = doc[k:i]
        while len(before) and before[-1].is_space:
            before = before[:-1]
        commas = [t.i for t in inner if t.text in (",", "，")]
        if len(inner) <= 3 and _acronym_like(inner_text.replace(" ", "")) and len(before):
            long = _long_form_before(before, inner_text)
            if long is not None:
                out.append(Abbreviation(inner, long))
        elif commas and 0 < j - commas[-1] - 1 <= 3 and commas[-1] - i >= 2:
            # "反事实推理增强表征（Counterfactual Reasoning Enhanced Representation，CRER）": the
            # English long form and the abbreviation, both inside the parenthesis
            short = doc[commas[-1] + 1:j]
            while len(short) and short[0].is_space:
                short = short[1:]
            long = doc[i + 1:commas[-1]]
            long_words = [t for t in long if not t.is_space]
            if len(short) and _acronym_like(short.text.replace(" ", "")) and long_words \
                    and not any(re.search(r"[\u3400-\u9fff]", t.text) for t in long_words) \
                    and _sh_long_form(short.text, long_words) == 0:
                out.append(Abbreviation(short, long))
        elif len(before) and _acronym_like(before[-1].text) and len(inner) > 1 and not re.search(r"[\u3400-\u9fff]", before[-1].text):
            # "LF (Long Form)"
            if _sh_long_form(before[-1].text, [t for t in inner if not t.is_space]) is not None:
                out.append(Abbreviation(before[-1:], inner))
        i = j + 1
    return out


def _long_form_before(before: Span, short: str) -> Span | None:
    last = before[-1]
    if re.match(r"[\u3400-\u9fff]", last.text):
        # Chinese long form: the run of Han characters before the parenthesis, minus leading verbs
        k = len(before)
        while k > 0 and re.match(r"^[\u3400-\u9fff]$", before[k - 1].text):
            k -= 1
        run = before[k:]
        m = _CN_LEAD.match(run.text)
        skip = len(m.group()) if m else 0
        if len(run) - skip < 2:
            return None
        return run[skip:]
    words = [t for t in before if not t.is_space]
    limit = min(len(short) + 5, len(short) * 2)
    words = words[-limit:]
    idx = _sh_long_form(short, words)
    if idx is None and "-" in short:
        # "a Singing Voice Conversion framework based on Diverse Semantic-based Feature Fusion
        # (DSFF-SVC)": the first part of a compound acronym spells the words right before it
        idx = _sh_long_form(short.split("-")[0], words[-(len(short.split("-")[0]) + 3):])
        if idx is not None:
            idx += max(0, len(words) - (len(short.split("-")[0]) + 3))
    if idx is None:
        return None
    start = words[idx].i
    return before.doc[start:before.end]


@Language.component("kg_abbreviations")
def kg_abbreviations(doc: Doc) -> Doc:
    doc._.abbreviations = find_abbreviations(doc)
    return doc
