"""What a build keeps out of memory between its stages: the mentions on disk (kg.spill), the
stages run in fresh processes (kg.sidejob), the papers and links the views read (kg.outputs)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from kg import outputs
from kg.consolidate import consolidate, consolidated
from kg.model import Link, Mention, Paper, Version
from kg.sidejob import FreshJob
from kg.spill import MentionSpill, decode, encode
from kg.vocab import Vocabulary


def _paper(i: int) -> Paper:
    key = f"2601.{i:05d}"
    return Paper(key, f"http://arxiv.org/abs/{key}", [Version("", f"Title {i}", f"Summary {i}", "", "d.md", i)])


def _mention(text: str, type: str = "Dataset", sentence: str = "We evaluate on FooBench.", rule: str = "cue-use",
             **kw) -> Mention:
    return Mention(type, text, 0, len(text), "summary", "", sentence, rule, 0.6, **kw)


def test_encode_decode_round_trip_keeps_every_field():
    ms = [_mention("FooBench", novel=True, long_form="Foo Benchmark", typed=False),
          _mention("语音识别", "Task", "该论文属于语音识别任务。", concept="http://example.org/c", broad=True),
          _mention("X")]
    back = decode(encode(ms))
    assert back == ms
    assert decode(encode([])) == []


def test_decoded_mentions_share_their_interned_strings():
    """Type and field names are interned when read again (one object for the whole corpus)."""
    a, b = decode(encode([_mention("A")])), decode(encode([_mention("B")]))
    assert a[0].type is b[0].type and a[0].field is b[0].field


def test_spill_gives_papers_in_order_every_time_it_is_read(tmp_path):
    papers = [_paper(i) for i in range(5)]
    spill = MentionSpill(papers, tmp_path)
    lists = [[_mention(f"Bench{i}-{j}") for j in range(i)] for i in range(5)]
    for ms in lists:
        spill.append(encode(ms))
    assert len(spill) == 5
    for _ in range(2):  # (read twice, as consolidation does)
        got = list(spill)
        assert [p for p, _ in got] == papers
        assert [ms for _, ms in got] == lists
    assert os.listdir(tmp_path) == []  # an unnamed file: nothing is left in the build's folder
    spill.close()


def test_spill_refuses_more_lists_than_papers(tmp_path):
    spill = MentionSpill([_paper(0)], tmp_path)
    spill.append(encode([]))
    with pytest.raises(IndexError):
        spill.append(encode([]))
    spill.close()


def test_consolidated_over_a_spill_is_consolidate_over_the_list(tmp_path):
    vocabulary = Vocabulary.load()
    papers = [_paper(i) for i in range(4)]
    pairs = [(papers[0], [_mention("FooBench", rule="cue-head", typed=True)]),
             (papers[1], [_mention("FooBench", "Method")]),
             (papers[2], [_mention("fMRI"), _mention("语音情感识别", "Task", "该论文属于语音情感识别任务。")]),
             (papers[3], [])]
    spill = MentionSpill(papers, tmp_path)
    spill.extend(pairs)
    assert list(consolidated(spill, vocabulary)) == consolidate(pairs, vocabulary)
    spill.close()


def _where(tag: str) -> tuple[str, int, bool]:
    return tag, os.getpid(), "spacy" in sys.modules


def _fail(message: str) -> None:
    raise ValueError(message)


@pytest.fixture
def importable(monkeypatch):
    """This module importable by a fresh process (its functions are the jobs)."""
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).parent))


def test_fresh_job_runs_in_a_process_of_its_own(tmp_path, importable):
    import spacy  # noqa: F401  (loaded here: the fresh process does not inherit it)
    job = FreshJob("a test", _where, ("x",), tmp_path)
    tag, pid, has_spacy = job.result()
    assert tag == "x" and pid != os.getpid() and not has_spacy
    assert os.listdir(tmp_path) == []  # its files are removed once read


def test_fresh_job_that_fails_names_what_it_was_writing(tmp_path, capfd, importable):
    job = FreshJob("graph.ttl", _fail, ("disk on fire",), tmp_path)
    with pytest.raises(RuntimeError, match="writing graph.ttl failed"):
        job.result()
    assert "disk on fire" in capfd.readouterr().err  # its traceback reaches the user
    assert os.listdir(tmp_path) == []


def test_linked_file_round_trip(tmp_path):
    papers = [_paper(1), Paper("hep-th/9901001", "http://arxiv.org/abs/hep-th/9901001",
                               [Version("v2", "Old", "", "", "d.md", 3, date="1999-01-04")])]
    links = [[Link(papers[0].iri, "http://example.org/e/FooBench", "Dataset", "usesDataset", False,
                   "We evaluate on FooBench.", "FooBench", "summary", "", "cue-use", 0.6)], []]
    path = tmp_path / "linked.bin"
    with open(path, "wb") as fh:
        for p, ls in zip(papers, links):
            outputs.write_linked(fh, p, ls)
    back = list(outputs.read_linked(path))
    assert [ls for _, ls in back] == links
    for (p, _), q in zip(back, papers):
        assert (p.key, p.iri, p.latest.title, p.latest.summary, p.date) == \
            (q.key, q.iri, q.latest.title, q.latest.summary, q.date)
