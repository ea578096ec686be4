"""kg_sentences: sentence/clause boundaries for evidence (。！？；, line breaks, ". ")."""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .doc import doc_words

_SENT_END = {"。", "！", "？", "；", "!", "?", ";", "\n", "…"}


@Language.component("kg_sentences")
def kg_sentences(doc: Doc) -> Doc:
    """Clause-level sentence boundaries: Chinese and English sentence ends and line breaks.

    Sets the standard SENT_START annotation (so doc.sents works) in one array write, and keeps
    the start indices in doc.user_data["kg_sent_starts"] for fast lookups (see sentence_of).
    """
    n = len(doc)
    starts = []
    prev_end = True
    words, spaces = doc_words(doc)
    for i, t in enumerate(words):
        if prev_end:
            starts.append(i)
        if "\n" in t or t in _SENT_END:
            prev_end = True
        elif t == "." and (i + 1 == n or spaces[i]):
            prev = words[i - 1] if i else ""
            prev_end = not (len(prev) <= 2 and prev.isascii() and prev.isalpha())  # "e.g." "al."
        else:
            prev_end = False
    if n:
        arr = numpy.full((n, 1), -1, dtype="int64").astype("uint64")
        arr[starts, 0] = 1
        doc.from_array([SENT_START], arr)
    doc.user_data["kg_sent_starts"] = starts
    return doc
