"""Ingest: digest tables, CSV and JSON Lines -> papers, with bad rows reported and skipped."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.ingest import IngestReport, clean_text, ingest, parse_source

ROOT = Path(__file__).resolve().parent.parent
HEADER = "|Source|Title|Summary|\n|---|---|---|\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_bundled_digest_has_82_papers_from_89_rows():
    report = IngestReport()
    papers = ingest([ROOT / "data" / "digest-2025-07.md"], report)
    assert report.rows == 89 and report.errors == []
    assert len(papers) == 82
    assert len({p.key for p in papers}) == 82
    goat = next(p for p in papers if p.key == "2507.18119")
    assert sorted(v.label for v in goat.versions) == ["v1", "v2"]
    assert goat.iri == "http://arxiv.org/abs/2507.18119"


def test_versions_are_one_paper_and_all_texts_are_read(tmp_path):
    f = write(tmp_path, "d.md", HEADER
              + "|2501.00001v1|[Old title](http://arxiv.org/abs/2501.00001v1)|uses IEMOCAP|\n"
              + "|2501.00001v2|[New title](http://arxiv.org/abs/2501.00001v2)|uses MELD|\n")
    papers = ingest([f])
    assert len(papers) == 1
    p = papers[0]
    assert p.key == "2501.00001" and p.title == "New title"
    texts = [t for _, _, t in p.texts()]
    assert "uses IEMOCAP" in texts and "uses MELD" in texts and "Old title" in texts


def test_empty_summary_keeps_the_paper(tmp_path):
    f = write(tmp_path, "d.md", HEADER + "|2501.00002|[Only a title](http://arxiv.org/abs/2501.00002)||\n")
    report = IngestReport()
    papers = ingest([f], report)
    assert report.errors == [] and len(papers) == 1
    assert papers[0].versions[0].summary == ""


def test_bad_row_is_reported_with_file_and_line_and_good_rows_kept(tmp_path):
    f = write(tmp_path, "d.md", HEADER
              + "|2501.00003v1|[Good one](http://arxiv.org/abs/2501.00003v1)|fine|\n"
              + "|2501.00004v1|[Broken](http://arxiv.org/abs/2501.00004v1)|a | b|\n"
              + "|not an id|[Bad source](http://example.org)|x|\n"
              + "||[No source](http://example.org)|x|\n"
              + "|2501.00005v1|[Good two](http://arxiv.org/abs/2501.00005v1)|fine|\n")
    report = IngestReport()
    papers = ingest([f], report)
    assert [p.key for p in papers] == ["2501.00003", "2501.00005"]
    msgs = [str(e) for e in report.errors]
    assert len(msgs) == 3
    assert msgs[0].startswith(f"{f}:4: ") and "4 cells" in msgs[0] and "3" in msgs[0]
    assert msgs[1].startswith(f"{f}:5: ") and "'not an id'" in msgs[1]
    assert msgs[2].startswith(f"{f}:6: ") and "empty Source" in msgs[2]


def test_header_in_any_order_and_in_chinese(tmp_path):
    f = write(tmp_path, "d.md", "# notes\n\n|摘要|来源|标题|\n|:--|:--|:--|\n"
              + "|在**IEMOCAP**上实验<br/>第二行 &amp; 更多|2501.00006v3|[标题 A](http://arxiv.org/abs/2501.00006v3)|\n")
    papers = ingest([f])
    assert len(papers) == 1
    v = papers[0].versions[0]
    assert v.label == "v3" and v.title == "标题 A"
    assert v.summary == "在IEMOCAP上实验\n第二行 & 更多"


def test_markdown_cleaning():
    assert clean_text("**bold** and *it* and __u__ <br/>next &lt;x&gt;") == "bold and it and u\nnext <x>"
    assert clean_text("a \\| b") == "a | b"


def test_sources_doi_url_and_other_ids():
    assert parse_source("2507.21395v1").iri == "http://arxiv.org/abs/2507.21395"
    assert parse_source("arXiv:2507.21395").key == "2507.21395"
    assert parse_source("https://arxiv.org/abs/2507.21395v2").version == "v2"
    d = parse_source("doi:10.1007/978-3-031-1234-5_6")
    assert d.iri == "https://doi.org/10.1007/978-3-031-1234-5_6" and d.key == "doi:10.1007/978-3-031-1234-5_6"
    assert parse_source("https://aclanthology.org/2024.acl-long.1/").iri == "https://aclanthology.org/2024.acl-long.1/"
    assert parse_source("hal-01234567").iri == "https://w3id.org/kg-digest/id/paper/hal-01234567"
    with pytest.raises(ValueError):
        parse_source("two words")


def test_csv_and_jsonl_inputs(tmp_path):
    c = write(tmp_path, "d.csv", "source,title,summary\n"
              "2501.00007v1,\"Commas, quotes \"\"and\"\" all\",uses MELD\n"
              "2501.00007v2,Second,\"multi\nline\"\n"
              "2501.00008,Extra,field,oops\n")
    j = write(tmp_path, "d.jsonl",
              json.dumps({"Source": "2501.00009v1", "Title": "[T9](http://arxiv.org/abs/2501.00009v1)", "Summary": "s"}) + "\n"
              + "{not json}\n"
              + json.dumps({"source": "doi:10.1000/xyz", "title": "T10"}) + "\n"
              + json.dumps({"title": "no source"}) + "\n")
    report = IngestReport()
    papers = ingest([c, j], report)
    assert [p.key for p in papers] == ["2501.00007", "2501.00009", "doi:10.1000/xyz"]
    assert papers[0].versions[0].title == 'Commas, quotes "and" all'
    assert papers[0].versions[1].summary == "multi\nline"
    assert papers[1].title == "T9"
    errs = [str(e) for e in report.errors]
    assert any(e.startswith(f"{c}:5: ") and "4 fields" in e for e in errs)  # record 3 spans lines 3-4
    assert any(e.startswith(f"{j}:2: ") and "invalid JSON" in e for e in errs)
    assert any(e.startswith(f"{j}:4: ") and "source" in e for e in errs)


def test_directory_input_reads_every_digest(tmp_path):
    write(tmp_path, "a.md", HEADER + "|2501.00010|[A](http://arxiv.org/abs/2501.00010)|x|\n")
    write(tmp_path, "b.jsonl", json.dumps({"source": "2501.00011", "title": "B", "summary": ""}) + "\n")
    write(tmp_path, "notes.txt", "ignored")
    assert [p.key for p in ingest([tmp_path])] == ["2501.00010", "2501.00011"]


def kg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_cli_strict_fails_on_a_bad_row_and_default_builds_the_rest(tmp_path):
    f = write(tmp_path, "d.md", HEADER
              + "|2501.00012|[Good](http://arxiv.org/abs/2501.00012)|on IEMOCAP|\n"
              + "|2501.00013|[Bad]|x|y|\n")
    r = kg("build", str(f), "-o", str(tmp_path / "out"), "--no-views")
    assert r.returncode == 0, r.stderr
    assert f"{f}:4:" in r.stderr
    assert "rows skipped     1" in r.stdout and "papers           1" in r.stdout
    assert (tmp_path / "out" / "graph.ttl").exists()
    r = kg("build", str(f), "-o", str(tmp_path / "out2"), "--no-views", "--strict")
    assert r.returncode == 1
    assert f"{f}:4:" in r.stderr and "--strict" in r.stderr


def test_cli_missing_input_is_a_clear_error(tmp_path):
    r = kg("build", str(tmp_path / "nope.md"), "-o", str(tmp_path / "out"))
    assert r.returncode == 2 and "nope.md" in r.stderr and "Traceback" not in r.stderr


def test_split_cells_keeps_escaped_bars():
    from kg.ingest import _split_cells
    assert _split_cells("| a | b \\| c | d |") == ["a", "b \\| c", "d"]
    assert _split_cells("|a\\\\|b|") == ["a\\\\|b"]  # a bar after any backslash is escaped
    assert _split_cells("| a \\||b|") == ["a \\|", "b"]
    assert _split_cells("|a|b\\|") == ["a", "b\\|"]  # no closing bar: the escaped one stays
    assert _split_cells("||") == [""]
    assert _split_cells("|") == [""]
