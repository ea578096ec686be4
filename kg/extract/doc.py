"""Fast access to a Doc built by MixedScriptTokenizer: its words, spaces and text, computed once,
and the sentence of a span."""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span


def doc_words(doc: Doc) -> tuple[list[str], list[bool]]:
    words = doc.user_data.get("kg_words")
    if words is None or len(words) != len(doc):
        words = doc.user_data["kg_words"] = [t.text for t in doc]
        doc.user_data["kg_spaces"] = [bool(t.whitespace_) for t in doc]
    return words, doc.user_data["kg_spaces"]


def doc_text(doc: Doc) -> str:
    """doc.text, computed once per Doc (spaCy rebuilds the string on every access)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def sentence_of(span: Span) -> Span:
    """The sentence containing the span's first token (cheap: no walk over the Doc)."""
    doc = span.doc
    starts = doc.user_data.get("kg_sent_starts")
    if starts is None:
        return span.sent
    k = bisect.bisect_right(starts, span.start) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[starts[k]:end]
