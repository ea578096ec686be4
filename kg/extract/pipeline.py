"""The extraction pipeline: the one place where the components and their order are declared.

    tokenizer          MixedScriptTokenizer: one token per Han character; Latin names glued to
                       Chinese or containing -, ., ++ kept whole (Wav2Vec2.0, DCRF-BiLSTM, AIST++)
    kg_sentences       sentence/clause boundaries for evidence (。！？；, line breaks, ". ")
    kg_abbreviations   "Long Form (LF)", "LF (Long Form)", "主成分分析（PCA）" -> doc._.abbreviations
    kg_vocab_matcher   vocabulary labels in both languages via Aho-Corasick over normalised tokens,
                       only at token boundaries -> doc.spans["kg_vocab"]
    kg_task_inference  tasks a text names without writing their label whole -> doc.spans["kg_tasks"]
"""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import abbreviations, sentences, tasks, tokenizer, vocab_matcher  # noqa: F401  (registers the components)


def build_nlp(vocab_paths: list[str] | None = None) -> Language:
    """The extraction pipeline: blank multilingual Language with the components above."""
    nlp = spacy.blank("xx", config={"nlp": {"tokenizer": {"@tokenizers": "kg.MixedScriptTokenizer.v1"}}})
    nlp.add_pipe("kg_sentences")
    nlp.add_pipe("kg_abbreviations")
    nlp.add_pipe("kg_vocab_matcher", config={"vocab_paths": [str(p) for p in vocab_paths or []]})
    nlp.add_pipe("kg_task_inference")
    return nlp


def load_nlp(vocab_paths: list[Path] | None = None) -> Language:
    return build_nlp([str(p) for p in vocab_paths or []])
