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


def first_day(tmp_path: Path) -> tuple[list[str], Path, Path]:
    """The bundled digest's first 60 rows as day 1 in a digest folder, built into OUT: (rows, folder, OUT)."""
    lines = rows()
    days = tmp_path / "digests"
    days.mkdir()
    write(days / "day1.md", lines[:60])
    out = tmp_path / "out"
    build([days], out, progress=False, views=False)
    return lines, days, out


def test_adding_a_day_extracts_only_the_new_papers(tmp_path):
    lines, days, out = first_day(tmp_path)
    first = counts(out)
    assert first["papers_from_cache"] == 0 and first["papers_extracted"] == first["papers"]
    write(days / "day2.md", lines[:2] + lines[60:])  # the next day: the rest of the rows
    build([days], out, progress=False, views=False)
    second = counts(out)
    assert second["papers_from_cache"] == first["papers"]
    assert second["papers_extracted"] == second["papers"] - first["papers"] > 0
    # the first day's papers come first and their links are the cached ones, unless the new day
    # changed what they read of the corpus-level state
    assert second["papers_links_from_cache"] > 0
    assert second["papers_linked"] + second["papers_links_from_cache"] == second["papers"]
    assert second["papers_linked"] >= second["papers_extracted"]
    cold = tmp_path / "cold"
    build([days], cold, progress=False, views=False, cache=False)
    same_files(out, cold)
    assert not (cold / ".cache").exists()
    (days / "day2.md").unlink()  # a day taken away: its papers leave the graph and the store
    build([days], out, progress=False, views=False)
    assert counts(out)["papers_extracted"] == 0
    build([days], cold, progress=False, views=False, cache=False)
    same_files(out, cold)


HEAD = ["|Source|Title|Summary|", "|---|---|---|"]


def paper_row(pid: str, title: str, summary: str) -> str:
    return f"|{pid}v1|[{title}](http://arxiv.org/abs/{pid}v1)|{summary}|"


DAY1 = [
    paper_row("2601.00011", "Robust Speech Emotion Recognition under Noise",
              "We train a recogniser on IEMOCAP and report its weighted accuracy under street noise."),
    paper_row("2601.00012", "Prompted Voice Conversion with Few Samples",
              "Our converter is compared with VoxGlide and evaluated on the LibriTTS test set."),
    paper_row("2601.00013", "Keyword Spotting with Tiny Networks",
              "A network of fewer than a million parameters spots keywords on Speech Commands."),
]
# the next day: a paper whose title calls VoxGlide a dataset (a typing cue), which the first day's
# paper 2601.00012 named only as something it compares with (a method, by default)
DAY2 = [paper_row("2601.00014", "VoxGlide: A Dataset of Gliding Voices",
                  "We introduce the VoxGlide dataset, a corpus of gliding voices in four languages.")]


def voxglide(out: Path, paper: str) -> list[str]:
    rows = [json.loads(ln) for ln in (out / "links.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r["type"] for r in rows if r["paper"] == paper and r["label"].replace("-", "") == "VoxGlide"]


def test_a_new_day_that_changes_a_corpus_level_decision(tmp_path):
    """A name the new day types by a strong cue gets that type in the older papers too: they are
    linked again (not taken from the link cache), and the build is the cold build's."""
    days = tmp_path / "digests"
    days.mkdir()
    write(days / "day1.md", HEAD + DAY1)
    out = tmp_path / "out"
    build([days], out, progress=False, views=False)
    assert voxglide(out, "2601.00012") == ["Method"]
    write(days / "day2.md", HEAD + DAY2)
    build([days], out, progress=False, views=False)
    c = counts(out)
    assert c["papers_extracted"] == 1
    assert voxglide(out, "2601.00012") == ["Dataset"]  # consolidation typed it by the new paper's cue
    assert c["papers_links_from_cache"] == 2 and c["papers_linked"] == 2  # 2601.00012 and the new one
    cold = tmp_path / "cold"
    build([days], cold, progress=False, views=False, cache=False)
    same_files(out, cold)


def test_a_new_paper_before_the_others_changes_what_they_link_to(tmp_path):
    """Linking keeps state across papers (a discovered entity's label is the first spelling
    linked): a new file that sorts first and spells the name otherwise changes the entity the
    later papers link; their cached links are not used where what they read of it changed."""
    days = tmp_path / "digests"
    days.mkdir()
    write(days / "day1.md", HEAD + [DAY1[0], DAY1[2]] + DAY2)  # (two papers name it: no support bonus)
    out = tmp_path / "out"
    build([days], out, progress=False, views=False)
    write(days / "day0.md", HEAD + [paper_row("2512.00001", "Vox-Glide Voices for Singing Synthesis",
                                              "We introduce the Vox-Glide dataset of sung vowels.")])
    build([days], out, progress=False, views=False)
    c = counts(out)
    assert c["papers_extracted"] == 1 and 0 < c["papers_links_from_cache"] < c["papers"]
    cold = tmp_path / "cold"
    build([days], cold, progress=False, views=False, cache=False)
    same_files(out, cold)
    nt = (out / "graph.nt").read_text(encoding="utf-8")
    assert '"Vox-Glide"' in nt


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
    assert c["papers_links_from_cache"] > 0  # the papers before it, at least
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
    from kg.linkcache import link_version  # the link cache is keyed by the extractor's version
    assert link_version(v2, 0.0) != link_version(v1, 0.0) != link_version(v1, 0.5)
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


def test_a_changed_previous_links_file_is_not_copied_from(tmp_path):
    """links.jsonl and graph.graphml are written paper by paper, copying the previous build's
    unchanged blocks; a previous file that changed since it was written (here: edited, the same
    size) is not copied from, and the build is still the cold build's."""
    lines, days, out = first_day(tmp_path)
    assert (out / ".cache" / "linkfiles" / "index.pkl").exists()
    for name in ("links.jsonl", "graph.graphml"):
        data = (out / name).read_bytes()
        (out / name).write_bytes(data.replace(b"a", b"b"))
    write(days / "day2.md", lines[:2] + lines[60:])
    build([days], out, progress=False, views=False)
    cold = tmp_path / "cold"
    build([days], cold, progress=False, views=False, cache=False)
    same_files(out, cold)
