"""A generation conditioned on another input also names the X-to-Y task: "Video-Guided Text-to-Music
Generation" -> video-to-music generation, "视频引导的音乐生成" -> 视频到音乐生成."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..doc import doc_text
from ..registry import task_strategy
from .common import TASK_HEADS_EN, TASK_HEADS_ZH

_CONDITION_EN = re.compile(r"\b(?P<src>[A-Za-z]+)[- ](?:guided|conditioned|driven|conditional|controlled)\s+$", re.I)
_CONDITION_ZH = re.compile(r"(?P<src>[\u4e00-\u9fff]{2})(?:引导|驱动|条件|控制)(?:的|下的)?$")


@task_strategy("conditioned")
def conditioned(index, doc: Doc, found: list[Span]) -> list[Span]:
    """A generation task conditioned on another input also names the X-to-Y task of the
    vocabulary: "Video-Guided Text-to-Music Generation" -> video-to-music generation,
    "视频引导的音乐生成" -> 视频到音乐生成. The output Y is read off the task's own labels."""
    out: list[Span] = []
    text = doc_text(doc)
    for sp in found:
        before = text[max(0, sp.start_char - 30):sp.start_char]
        m = _CONDITION_EN.search(before) or _CONDITION_ZH.search(before)
        if m is None:
            continue
        src, latin = m.group("src"), bool(re.match(r"[A-Za-z]", m.group("src")))
        cands = []
        for lab in index.vocabulary.concepts[sp.kb_id_].labels:
            if latin and lab.lang in (None, "en"):
                lm = re.fullmatch(rf"(?:\S+-to-)?(?P<out>[a-z]+) (?P<head>{TASK_HEADS_EN})", lab.text.lower())
                if lm:
                    cands.append(f"{src.lower()}-to-{lm.group('out')} {lm.group('head')}")
            elif not latin and lab.lang == "zh":
                lm = re.fullmatch(rf"(?:\S+到)?(?P<out>[\u4e00-\u9fff]{{2}})(?P<head>{TASK_HEADS_ZH})", lab.text)
                if lm:
                    cands.append(f"{src}到{lm.group('out')}{lm.group('head')}")
        iri = next((c for c in map(index.concept, cands) if c and c != sp.kb_id_), None)
        if iri:
            cs = doc.char_span(sp.start_char - len(before) + m.start(), sp.end_char, alignment_mode="expand")
            if cs is not None:
                out.append(Span(doc, cs.start, cs.end, label="Task", kb_id=iri))
    return out
