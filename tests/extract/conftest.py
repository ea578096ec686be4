"""Fixtures for calling one extraction rule or task strategy alone, on texts written for these tests
(invented names such as TideFormer or ReefTalk, so that no vocabulary entry answers for the rule)."""
from __future__ import annotations

import pytest

from kg.extract import build_nlp
from kg.extract.registry import NAME_RULES
from kg.extract.rules import run_rule
from kg.extract.tasks import ORDER


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()


@pytest.fixture(scope="session")
def name_rule():
    """(rule name, text) -> [(name, type, novel)] found by that one registered name rule."""
    def run(rule: str, text: str) -> list[tuple[str, str, bool]]:
        reg = NAME_RULES[rule]
        out = []
        for c in run_rule(reg, text):
            # every candidate carries its rule id and the registered confidence (less 0.1 when untyped)
            assert c.rule == reg.rule.id
            assert c.confidence == (reg.confidence if c.typed else reg.confidence - 0.1)
            out.append((text[c.start:c.end], c.type, c.novel))
        return out
    return run


@pytest.fixture(scope="session")
def task_strategy(nlp):
    """(strategy name, text) -> [(surface, concept)] the strategy adds to what the strategies
    before it found; concept is the local name of the vocabulary task, or "new:<name>" for a task
    the vocabulary lacks (with ">broader" when it has a broader task)."""
    ti = nlp.get_pipe("kg_task_inference")

    def run(strategy: str, text: str) -> list[tuple[str, str]]:
        doc = nlp(text)
        k = ORDER.index(strategy)
        before = ti.run(doc, names=ORDER[:k])
        added = ti.run(doc, names=ORDER[:k + 1])[len(before):]
        names = doc.user_data.get("kg_task_names", {})
        broader = doc.user_data.get("kg_task_broader", {})
        out = []
        for sp in added:
            if sp.kb_id_:
                out.append((sp.text, sp.kb_id_.rsplit("/", 1)[-1]))
            else:
                b = broader.get((sp.start, sp.end))
                name = names.get((sp.start, sp.end)) or sp.text.lower()
                out.append((sp.text, f"new:{name}" + (f">{b.rsplit('/', 1)[-1]}" if b else "")))
        return out
    return run


@pytest.fixture(scope="module")
def paper_links(nlp, tmp_path_factory):
    """(type, label, alt labels) linked per paper of a two-column digest (title, summary), through
    extraction and one Linker: the integration check of a task strategy."""
    from kg.extract import extract
    from kg.ingest import ingest
    from kg.link import Linker
    vocab = nlp.get_pipe("kg_vocab_matcher").vocabulary
    d = tmp_path_factory.mktemp("links")

    def run(rows: list[tuple[str, str]]) -> list[set[tuple[str, str, tuple[str, ...]]]]:
        f = d / "digest.md"
        f.write_text("|Source|Title|Summary|\n|---|---|---|\n" + "".join(
            f"|2601.{i:05d}v1|{t}|{s}|\n" for i, (t, s) in enumerate(rows, start=1)), encoding="utf-8")
        linker = Linker(vocab)
        out = []
        for paper, mentions in extract(ingest([f]), nlp):
            out.append({(lk.type, linker.entities[lk.entity].label, tuple(linker.entities[lk.entity].alt_labels))
                        for lk in linker.link(paper, mentions)})
        return out
    return run
