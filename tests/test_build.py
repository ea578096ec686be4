"""A build is atomic and says what it is (OUT/build.json); the build command's edges give clear
errors, never a traceback."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
DIGEST = ROOT / "data" / "digest-2025-07.md"
FILES = ("graph.nt", "graph.ttl", "links.jsonl", "graph.graphml")


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def snapshot(out: Path) -> dict[str, str]:
    return {n: sha(out / n) for n in FILES + ("build.json",)}


def triple_count(out: Path) -> int:
    from kg.store import open_store
    s = open_store(out)
    return len(s)


@pytest.fixture()
def built(tmp_path, bundled_build) -> Path:
    """A complete build of data/ in its own folder (a copy of the session's bundled build)."""
    out = tmp_path / "out"
    shutil.copytree(bundled_build, out)
    return out


def bad_digest(tmp_path: Path) -> Path:
    rows = DIGEST.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "bad.md"
    bad.write_text("\n".join(rows[:12] + ["|2507.99999v1|too|many|cells|"] + rows[12:]) + "\n", encoding="utf-8")
    return bad


def test_manifest_says_what_the_build_is(bundled_build):
    m = json.loads((bundled_build / "build.json").read_text(encoding="utf-8"))
    assert m["complete"] is True
    assert m["graph_sha256"] == sha(bundled_build / "graph.nt")
    assert m["inputs"] == [{"path": str(DIGEST), "sha256": sha(DIGEST)}]
    nt_lines = sum(1 for ln in (bundled_build / "graph.nt").read_text(encoding="utf-8").splitlines() if ln.strip())
    assert m["counts"]["papers"] == 82 and m["counts"]["triples"] == nt_lines == triple_count(bundled_build)
    assert m["counts"]["rows"] == 89
    methods = sum(1 for ln in (bundled_build / "links.jsonl").read_text(encoding="utf-8").splitlines()
                  if ln.strip() and json.loads(ln)["type"] == "Method")
    assert m["counts"]["links"]["Method"] == methods > 150  # the manifest counts what links.jsonl holds
    assert len(m["vocabulary_hash"]) == 64 and m["kg_version"]
    assert {"graph.nt", "graph.ttl", "links.jsonl", "graph.graphml", "store/"} <= set(m["files"])
    for f in m["files"]:
        assert (bundled_build / f).exists()


def test_failed_strict_build_leaves_the_previous_build(built, tmp_path, capfd):
    before, triples = snapshot(built), triple_count(built)
    rc = main(["build", str(bad_digest(tmp_path)), "-o", str(built), "--strict", "-q", "--no-views"])
    err = capfd.readouterr().err
    assert rc == 1
    assert "bad.md:13:" in err and "previous build" in err and "Traceback" not in err
    assert snapshot(built) == before
    assert triple_count(built) == triples
    assert not [p for p in built.parent.iterdir() if ".kg-" in p.name]  # no temporary folder left


@pytest.mark.parametrize("exc", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_crash_or_ctrl_c_leaves_the_previous_build(built, tmp_path, monkeypatch, exc):
    import kg.build
    before, triples = snapshot(built), triple_count(built)

    def boom(*args, **kw):
        raise exc
    monkeypatch.setattr(kg.build, "create_store", boom)  # after graph.nt and the other files are written
    with pytest.raises(type(exc)):
        kg.build.build([DIGEST], built, progress=False, views=False,
                       cache=False)
    assert snapshot(built) == before
    assert triple_count(built) == triples
    assert not [p for p in built.parent.iterdir() if ".kg-" in p.name]


def test_rebuild_replaces_the_whole_build(built, tmp_path):
    full = triple_count(built)
    small = tmp_path / "small.md"
    rows = DIGEST.read_text(encoding="utf-8").splitlines()
    small.write_text("\n".join(rows[:12]) + "\n", encoding="utf-8")
    (built / "graph.jsonld").write_text("stale", encoding="utf-8")  # a file of the previous build
    assert main(["build", str(small), "-o", str(built), "-q", "--no-views"]) == 0
    m = json.loads((built / "build.json").read_text(encoding="utf-8"))
    assert m["counts"]["rows"] == 10
    assert not (built / "graph.jsonld").exists()
    assert triple_count(built) == m["counts"]["triples"] < full


def run_cli(args, capfd) -> tuple[int, str]:
    rc = main(args)
    cap = capfd.readouterr()
    assert "Traceback" not in cap.err
    return rc, cap.out + cap.err


def test_output_that_is_a_file_or_under_a_file(tmp_path, capfd):
    f = tmp_path / "afile"
    f.write_text("x", encoding="utf-8")
    rc, text = run_cli(["build", str(DIGEST), "-o", str(f), "-q", "--no-views"], capfd)
    assert rc == 2 and "is a file, not a folder" in text
    rc, text = run_cli(["build", str(DIGEST), "-o", str(f / "sub"), "-q", "--no-views"], capfd)
    assert rc == 2 and f"{f} is a file" in text
    assert f.read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses a folder no user can write")
def test_output_that_cannot_be_written(tmp_path, capfd):
    if os.geteuid() == 0:
        target = Path("/sys/kg-build-test")  # not even root may make a folder in sysfs
    else:
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o555)
        target = ro / "out"
    rc, text = run_cli(["build", str(DIGEST), "-o", str(target), "-q", "--no-views"], capfd)
    assert rc == 2 and f"-o {target}:" in text and "cannot write" in text or "read-only" in text


def test_refuses_a_folder_that_is_not_a_build(tmp_path, capfd):
    d = tmp_path / "notes"
    d.mkdir()
    (d / "thesis.tex").write_text("mine", encoding="utf-8")
    rc, text = run_cli(["build", str(DIGEST), "-o", str(d), "-q", "--no-views"], capfd)
    assert rc == 2 and "holds no kg build" in text
    assert (d / "thesis.tex").read_text(encoding="utf-8") == "mine"
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(DIGEST, inputs / "d.md")
    rc, text = run_cli(["build", str(inputs), "-o", str(inputs), "-q", "--no-views"], capfd)
    assert rc == 2 and "holds input" in text
    assert (inputs / "d.md").exists()


def test_vocab_takes_one_turtle_file_and_repeats(tmp_path, capfd):
    tasks, datasets = ROOT / "ontology/vocab/tasks.ttl", ROOT / "ontology/vocab/datasets.ttl"
    out = tmp_path / "out"
    rc, text = run_cli(["build", "--vocab", str(tasks), "--vocab", str(datasets), str(DIGEST), "-o", str(out),
                        "--no-views"], capfd)
    assert rc == 0
    m = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert m["inputs"][0]["path"] == str(DIGEST) and m["vocabulary"] == [str(tasks), str(datasets)]
    links = [json.loads(x) for x in (out / "links.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["type"] for r in links if r["rule"] == "vocabulary"} <= {"Task", "Dataset"}
    with pytest.raises(SystemExit):
        main(["build", "--vocab", str(DIGEST), "-o", str(tmp_path / "o2")])
    assert "not a Turtle (.ttl) vocabulary file" in capfd.readouterr().err


def test_version_and_help_defaults(capfd):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0 and capfd.readouterr().out.startswith("kg 0.")
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    text = " ".join(capfd.readouterr().out.split())
    assert "(default: 0.0)" in text and "(default: store,nt,ttl,links,graphml,views)" in text
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    text = " ".join(capfd.readouterr().out.split())
    assert "(default: 7878)" in text and "(default: 30)" in text


def test_eval_with_a_gold_file_matching_nothing(bundled_build, capfd):
    rc, text = run_cli(["eval", str(ROOT / "tests/gold/english_gold.json"), "-o", str(bundled_build)], capfd)
    assert rc == 1 and "none of the" in text and "english_gold.json" in text
    rc, text = run_cli(["eval", str(ROOT / "tests/gold/seed_gold.json"), "-o", str(bundled_build)], capfd)
    assert rc == 0 and "Dataset" in text


def test_formats_choose_what_is_written(tmp_path, capfd, bundled_build):
    out = tmp_path / "out"
    rc, _ = run_cli(["build", str(DIGEST), "-o", str(out), "-q", "--formats", "store,jsonld"], capfd)
    assert rc == 0
    names = {p.name for p in out.iterdir()}
    assert {"store", "graph.jsonld", "build.json"} <= names
    assert not names & {"graph.nt", "graph.ttl", "links.jsonl", "graph.graphml", "graph.html"}
    assert triple_count(out) == triple_count(bundled_build)  # the same graph, whatever files are written
    rc, text = run_cli(["build", str(DIGEST), "-o", str(out), "-q", "--formats", "store,xml"], capfd)
    assert rc == 2 and "unknown format 'xml'" in text
