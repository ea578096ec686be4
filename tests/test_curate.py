"""Curation (`kg curate`): corrections kept in a YAML file beside the inputs, applied by every
build (cold or incremental), shown as curated in the graph, and reported when they no longer apply."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
DIGEST = ROOT / "data" / "digest-2025-07.md"
PAPER = "2507.21395"  # Sync-TVA: links IEMOCAP, MELD, cross-attention, graph attention network, Sync-TVA


def links(out: Path, paper: str = PAPER) -> dict[str, dict]:
    rows = [json.loads(x) for x in (out / "links.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["label"]: r for r in rows if r["paper"] == paper}


def cli(args, capfd) -> tuple[int, str, str]:
    rc = main(args)
    cap = capfd.readouterr()
    assert "Traceback" not in cap.err
    return rc, cap.out, cap.err


@pytest.fixture()
def project(tmp_path, bundled_build):
    """An input folder with the bundled digest, and a build of it in out/."""
    inputs = tmp_path / "digests"
    inputs.mkdir()
    shutil.copy(DIGEST, inputs / "digest.md")
    out = tmp_path / "out"
    assert main(["build", str(inputs), "-o", str(out), "-q", "--no-views"]) == 0
    return inputs, out


def test_corrections_survive_cold_and_incremental_rebuilds(project, tmp_path, capfd):
    inputs, out = project
    assert set(links(out)) >= {"MELD", "IEMOCAP", "Sync-TVA", "cross-attention"}
    cur = inputs / "curation.yaml"  # the default file: beside the inputs
    # without --file: the file the build in -o read (curation.yaml beside its inputs)
    rc, o, _ = cli(["curate", "remove", PAPER, "meld", "-o", str(out)], capfd)
    assert rc == 0 and o.startswith(f"{cur}: remove {PAPER} 'MELD'")
    for args in (["add", PAPER, "Dataset", "EmoTVA-Bench", "--novel"],
                 ["merge", "cross-attention", "attention mechanism"]):
        rc, o, _ = cli(["curate", *args, "--file", str(cur), "-o", str(out)], capfd)
        assert rc == 0 and str(cur) in o
    text = cur.read_text(encoding="utf-8")
    assert '- {op: remove, paper: "2507.21395", label: "MELD"}' in text  # resolved to the build's label
    assert '- {op: add, paper: "2507.21395", type: Dataset, label: "EmoTVA-Bench", novel: true}' in text
    for _ in range(2):  # the second build is incremental (every paper from the cache)
        rc, o, err = cli(["build", str(inputs), "-o", str(out), "--no-views"], capfd)
        assert rc == 0 and "curation         3 applied, 0 no longer apply" in o
        got = links(out)
        assert "MELD" not in got and "cross-attention" not in got
        assert got["EmoTVA-Bench"]["relation"].endswith("#introducesDataset")
        assert got["EmoTVA-Bench"]["rule"] == "curation" and got["attention mechanism"]["rule"] == "curation"
        assert got["IEMOCAP"]["rule"] == "vocabulary"
    m = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert m["counts"]["papers_from_cache"] == 82 and m["curation"]["file"] == str(cur)
    cold = tmp_path / "cold"
    assert main(["build", str(inputs), "-o", str(cold), "-q", "--no-views", "--no-cache"]) == 0
    for name in ("graph.nt", "links.jsonl"):
        assert (cold / name).read_bytes() == (out / name).read_bytes()
    nt = (out / "graph.nt").read_text(encoding="utf-8")
    assert '<https://w3id.org/kg-digest/ontology#foundBy> "curation"' in nt
    assert "<https://w3id.org/kg-digest/id/method/cross-attention>" not in nt  # merged away
    # kg curate now finds the file through the build
    rc, o, _ = cli(["curate", "list", "-o", str(out)], capfd)
    assert rc == 0 and f"{cur}:3: remove {PAPER} 'MELD'" in o


def test_retype_and_pyshacl_valid(project, capfd):
    inputs, out = project
    cur = inputs / "curation.yaml"
    rc, _, _ = cli(["curate", "retype", "Sync-TVA", "Dataset", "--file", str(cur), "-o", str(out)], capfd)
    assert rc == 0
    assert main(["build", str(inputs), "-o", str(out), "-q", "--no-views"]) == 0
    got = links(out)["Sync-TVA"]
    assert got["type"] == "Dataset" and got["entity"].endswith("/dataset/synctva")
    assert got["relation"].endswith("#introducesDataset") and got["rule"] == "curation"
    from pyshacl import validate
    conforms, _, text = validate(str(out / "graph.ttl"), shacl_graph=str(ROOT / "ontology/shapes.ttl"),
                                 ont_graph=str(ROOT / "ontology/kg.ttl"), data_graph_format="turtle")
    assert conforms, text


def test_corrections_that_no_longer_apply_are_reported(project, capfd):
    inputs, out = project
    cur = inputs / "curation.yaml"
    cur.write_text('- {op: remove, paper: "2401.00001", label: "MELD"}\n'
                   '- {op: merge, label: "No Such Thing", into: "MELD"}\n'
                   '- {op: remove, paper: "2507.21395", label: "HuBERT"}\n'
                   '- {op: retype, label: "IEMOCAP", type: Method}\n', encoding="utf-8")
    rc, o, err = cli(["build", str(inputs), "-o", str(out), "--no-views"], capfd)
    assert rc == 0 and "0 applied, 4 no longer apply" in o
    assert f"{cur}:1: remove 2401.00001 'MELD': the paper is not in the build" in err
    assert f"{cur}:2: merge 'No Such Thing' into 'MELD': no entity is labelled 'No Such Thing'" in err
    assert f"{cur}:3: remove 2507.21395 'HuBERT': the paper has no such link" in err
    assert "vocabulary Dataset" in err
    rc, o, _ = cli(["curate", "list", "-o", str(out)], capfd)
    assert "not applied by the build" in o and "the paper is not in the build" in o
    before = (out / "graph.nt").read_bytes()
    rc, _, err = cli(["build", str(inputs), "-o", str(out), "-q", "--no-views", "--strict"], capfd)
    assert rc == 1 and "the paper has no such link" in err
    assert (out / "graph.nt").read_bytes() == before


def test_a_bad_curation_file_names_file_and_line(project, capfd):
    inputs, out = project
    cur = inputs / "curation.yaml"
    cur.write_text('- {op: remove, paper: "2507.21395", label: "MELD"}\n- {op: rename, label: "x"}\n',
                   encoding="utf-8")
    rc, _, err = cli(["build", str(inputs), "-o", str(out), "-q", "--no-views"], capfd)
    assert rc == 2 and f"{cur}:2: expected {{op: remove|add|merge|retype" in err
    cur.write_text('- {op: add, paper: "2507.21395", type: Gadget, label: "x"}\n', encoding="utf-8")
    rc, _, err = cli(["build", str(inputs), "-o", str(out), "-q", "--no-views"], capfd)
    assert rc == 2 and f"{cur}:1: type 'Gadget' is not one of" in err
    cur.unlink()
    rc, _, err = cli(["curate", "remove", PAPER, "HuBERT", "--file", str(cur), "-o", str(out)], capfd)
    assert rc == 2 and "has no link to 'HuBERT'" in err and "IEMOCAP" in err
    assert not cur.exists()
