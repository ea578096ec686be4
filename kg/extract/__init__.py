"""Extract: a Paper's texts -> Mentions with evidence, through a spaCy pipeline of rule components.

The package is split by mechanism (one module each):

  pipeline       build_nlp()/load_nlp(): the blank pipeline and the order of its components
  tokenizer      MixedScriptTokenizer (registered as kg.MixedScriptTokenizer.v1)
  doc            fast words/spaces/text of a Doc and the sentence of a span
  sentences      kg_sentences
  abbreviations  kg_abbreviations (Schwartz-Hearst and the Chinese forms)
  vocab_matcher  kg_vocab_matcher (Aho-Corasick over normalised labels)
  tasks          kg_task_inference (tasks named without their label written whole)
  cues           cue words of both languages and the shape of a Latin name
  names          name shape, trimming and type from head nouns
  rules          find_candidates(): the rules for names not in the vocabulary
  new_names      rule candidates and defined abbreviations as Spans of the Doc
  mentions       Doc -> Mentions
  driver         extract() and the forked extract_all()
"""
from __future__ import annotations

from .driver import extract, extract_all
from .mentions import mentions_from_doc
from .pipeline import build_nlp, load_nlp
from .rules import Candidate, find_candidates
from .tokenizer import MixedScriptTokenizer

__all__ = ["Candidate", "MixedScriptTokenizer", "build_nlp", "extract", "extract_all", "find_candidates", "load_nlp",
           "mentions_from_doc"]
