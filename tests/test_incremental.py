"""Incremental builds: a rebuild extracts only new or changed papers (OUT/.cache) and its files
are byte-identical to a cold build of the same inputs; a changed vocabulary or rule file
invalidates the cache."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from kg.build import build

ROOT = Path(__file__).resolve().parent.parent
DIGEST = ROOT / "data" / "digest-2025-07.md"
FILES = ("graph.nt", "graph.ttl", "links.jsonl", "graph.graphml")


def rows() -> list[str]:
    return DIGEST.read_text(encoding="utf-8").splitlines()


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def counts(out: Path) -> dict:
    return json.loads((out / "build.json").read_text(encoding="utf-8"))["counts"]


def same_files(a: Path, b: Path) -> None:
    """The files are byte-identical and the stores hold the same triples."""
    from kg.store import open_store
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    sa, sb = open_store(a), open_store(b)
    qa, qb = {str(q) for q in sa}, {str(q) for q in sb}
    assert len(qa) == len(sa) and qa == qb
    assert counts(a)["triples"] == counts(b)["triples"] == len(sa)


def test_adding_a_day_extracts_only_the_new_papers(tmp_path):
    lines = rows()
    days = tmp_path / "digests"
    days.mkdir()
    write(days / "day1.md", lines[:60])
    out = tmp_path / "out"
    build([days], out, progress=False, views=False)
    first = counts(out)
    assert first["papers_from_cache"] == 0 and first["papers_extracted"] == first["papers"]
    write(days / "day2.md", lines[:2] + lines[60:])  # the next day: the rest of the rows
    build([days], out, progress=False, views=False)
    second = counts(out)
    assert second["papers_from_cache"] == first["papers"]
    assert second["papers_extracted"] == second["papers"] - first["papers"] > 0
    cold = tmp_path / "cold"
    build([days], cold, progress=False, views=False, cache=False)
    same_files(out, cold)
    assert not (cold / ".cache").exists()
    (days / "day2.md").unlink()  # a day taken away: its papers leave the graph and the store
    build([days], out, progress=False, views=False)
    assert counts(out)["papers_extracted"] == 0
    build([days], cold, progress=False, views=False, cache=False)
    same_files(out, cold)


def test_a_changed_paper_is_extracted_again(tmp_path):
    lines = rows()
    d = write(tmp_path / "d.md", lines)
    out = tmp_path / "out"
    build([d], out, progress=False, views=False)
    cells = lines[5].split("|")
    cells[3] += " We release CorpusZed, a new speech emotion dataset."  # the summary gains a sentence
    lines[5] = "|".join(cells)
    assert "CorpusZed" in lines[5]
    write(d, lines)
    s = build([d], out, progress=False, views=False)
    assert "store (the previous one, updated)" in s.stages  # only the changed triples were loaded
    c = counts(out)
    assert c["papers_extracted"] == 1 and c["papers_from_cache"] == c["papers"] - 1
    assert "CorpusZed" in (out / "links.jsonl").read_text(encoding="utf-8")
    cold = tmp_path / "cold"
    build([d], cold, progress=False, views=False, cache=False)
    same_files(out, cold)


def test_a_changed_vocabulary_invalidates_the_cache(tmp_path):
    vocab = tmp_path / "vocab"
    shutil.copytree(ROOT / "ontology" / "vocab", vocab)
    files = sorted(vocab.glob("*.ttl"))
    out = tmp_path / "out"
    build([DIGEST], out, vocab_paths=files, progress=False, views=False)
    assert counts(out)["papers_from_cache"] == 0
    build([DIGEST], out, vocab_paths=files, progress=False, views=False)
    assert counts(out)["papers_from_cache"] == 82
    before = json.loads((out / "build.json").read_text(encoding="utf-8"))["vocabulary_hash"]
    with open(vocab / "datasets.ttl", "a", encoding="utf-8") as fh:  # Sync-TVA becomes a known dataset
        fh.write('\ndataset:sync-tva-corpus a skos:Concept , kgo:Dataset ;\n    skos:inScheme kgo:vocabulary ;\n'
                 '    skos:prefLabel "Sync-TVA"@en .\n')
    build([DIGEST], out, vocab_paths=files, progress=False, views=False)
    m = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert m["counts"]["papers_from_cache"] == 0 and m["vocabulary_hash"] != before
    cold = tmp_path / "cold"
    build([DIGEST], cold, vocab_paths=files, progress=False, views=False, cache=False)
    same_files(out, cold)
    assert "https://w3id.org/kg-digest/id/dataset/sync-tva-corpus" in (out / "links.jsonl").read_text(encoding="utf-8")


def test_a_changed_rule_file_invalidates_the_cache(tmp_path, monkeypatch):
    from kg.cache import extractor_version
    onto = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", onto)
    monkeypatch.setenv("KG_ONTOLOGY", str(onto))
    v1 = extractor_version(None)
    assert extractor_version(None) == v1
    with open(onto / "rules" / "not-entities.txt", "a", encoding="utf-8") as fh:
        fh.write("Zebrafish\n")
    v2 = extractor_version(None)
    assert v2 != v1
    (onto / "lexicon").mkdir(exist_ok=True)  # a lexicon folder, when there is one, counts too
    (onto / "lexicon" / "heads.tsv").write_text("corpus\tDataset\n", encoding="utf-8")
    assert extractor_version(None) not in (v1, v2)


def test_a_damaged_cache_is_only_a_slower_build(tmp_path):
    out = tmp_path / "out"
    build([DIGEST], out, progress=False, views=False)
    for pack in (out / ".cache").rglob("pack-*.pkl"):
        pack.write_bytes(b"not a pickle")
    build([DIGEST], out, progress=False, views=False)
    assert counts(out)["papers_extracted"] == 82


def test_unchanged_input_files_are_not_read_again(tmp_path):
    """The ingest cache: a file with the same name and bytes gives what it gave before; a file
    that changed (or a new one) is parsed again, and the build is the cold build's."""
    lines = rows()
    days = tmp_path / "digests"
    days.mkdir()
    write(days / "day1.md", lines[:40])
    write(days / "day2.md", lines[:2] + lines[40:70])
    out = tmp_path / "out"
    fmts = ("nt", "links")
    build([days], out, progress=False, views=False, formats=fmts)
    assert counts(out)["files_parsed"] == 2 and counts(out)["files_from_cache"] == 0
    build([days], out, progress=False, views=False, formats=fmts)
    assert counts(out)["files_parsed"] == 0 and counts(out)["files_from_cache"] == 2
    # day 2 is corrected: one title changes; only that file is parsed again, and what it now says is built
    changed = lines[:2] + lines[40:70]
    cells = changed[3].split("|")
    cells[2] = " Zeta-Bench: a title corrected the next day "
    changed[3] = "|".join(cells)
    write(days / "day2.md", changed)
    build([days], out, progress=False, views=False, formats=fmts)
    c = counts(out)
    assert c["files_parsed"] == 1 and c["files_from_cache"] == 1
    assert "Zeta-Bench: a title corrected the next day" in (out / "graph.nt").read_text(encoding="utf-8")
    cold = tmp_path / "cold"
    build([days], cold, progress=False, views=False, formats=fmts, cache=False)
    for name in ("graph.nt", "links.jsonl"):
        assert (out / name).read_bytes() == (cold / name).read_bytes(), name
    # the same bytes under another name are read again (a paper's provenance names its file)
    (days / "day1.md").rename(days / "day0.md")
    build([days], out, progress=False, views=False, formats=fmts)
    assert counts(out)["files_parsed"] == 1
    assert "day0.md" in (out / "graph.nt").read_text(encoding="utf-8")
    assert "day1.md" not in (out / "graph.nt").read_text(encoding="utf-8")


def test_a_damaged_ingest_cache_is_only_a_slower_build(tmp_path):
    out = tmp_path / "out"
    build([DIGEST], out, progress=False, views=False, formats=("nt",))
    files = list((out / ".cache" / "ingest").rglob("files.pkl"))
    assert len(files) == 1
    files[0].write_bytes(b"\x80 not a pickle")
    build([DIGEST], out, progress=False, views=False, formats=("nt",))
    assert counts(out)["files_parsed"] == 1
