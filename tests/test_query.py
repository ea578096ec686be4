"""kg query: every canned query on the bundled digest, checked against links.jsonl computed here."""
from __future__ import annotations

import csv
import io
import json
import os
import re
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import pytest

from kg import query as kq
from kg.cli import main as cli
from kg.store import open_store

KGO = "https://w3id.org/kg-digest/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SYNC_TVA = "http://arxiv.org/abs/2507.21395"  # Sync-TVA: evaluated on MELD and IEMOCAP (digest line 3)
DATASET_RELS = {KGO + "usesDataset", KGO + "introducesDataset"}
METHOD_RELS = {KGO + "usesMethod", KGO + "proposesMethod"}


# ---------------------------------------------------------------- helpers


@pytest.fixture(scope="session")
def out(bundled_build) -> Path:
    return bundled_build


@pytest.fixture(scope="session")
def links(out) -> list[dict]:
    return [json.loads(line) for line in (out / "links.jsonl").read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def ntriples(out) -> list[str]:
    return (out / "graph.nt").read_text(encoding="utf-8").splitlines()


def select(out: Path, name: str, **params) -> list[dict]:
    """Run a query through kg's JSON output: a list of {var: value} rows."""
    data = json.loads(kq.execute(out, name, params, "json"))
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def entity_iri(links: list[dict], label: str) -> str:
    iris = {lk["entity"] for lk in links if lk["label"] == label}
    assert len(iris) == 1, (label, iris)
    return iris.pop()


def papers_with(links: list[dict], entity: str, relations: set[str] | None = None) -> set[str]:
    return {lk["paper_iri"] for lk in links
            if lk["entity"] == entity and (relations is None or lk["relation"] in relations)}


def run_cli(capfd, *argv) -> tuple[int, str, str]:
    rc = cli(list(argv))
    o, e = capfd.readouterr()
    return rc, o, e


# ---------------------------------------------------------------- the store


def test_store_holds_exactly_graph_nt(out, ntriples):
    store = open_store(out)
    n = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    assert n == len(ntriples) > 1000
    assert len(store) == n  # nothing in named graphs either


def test_store_loaded_block_by_block_holds_every_triple(out, tmp_path, monkeypatch):
    # the bulk loader is given graph.nt in blocks cut at line ends (its memory is the block's);
    # with blocks of 4 kB, a line that a block boundary cuts is carried into the next block
    import kg.store
    from pyoxigraph import RdfFormat, parse
    monkeypatch.setattr(kg.store, "LOAD_BLOCK", 4096)
    n = kg.store.create_store(tmp_path, out / "graph.nt")
    expected = set(parse(path=str(out / "graph.nt"), format=RdfFormat.N_TRIPLES))
    assert n == len(expected) > 1000
    assert set(open_store(tmp_path)) == expected


def test_missing_build_is_a_clear_error(tmp_path, capfd):
    rc, o, e = run_cli(capfd, "query", "-o", str(tmp_path / "nope"), "ASK {}")
    assert rc == 2 and "no build found" in e and "Traceback" not in e


# ---------------------------------------------------------------- the canned library

SAMPLE_PARAMS = {
    "papers-using-dataset": {"dataset": "IEMOCAP"},
    "methods-with-dataset": {"dataset": "IEMOCAP"},
    "papers-on-task": {"task": "emotion recognition"},
    "dataset-overlap": {"dataset1": "IEMOCAP", "dataset2": "MELD"},
    "papers-using-both": {"x": "IEMOCAP", "y": "MELD"},
}


def test_library_is_complete_and_documented():
    canned = kq.canned_queries()
    assert set(canned) >= {
        "papers-using-dataset", "dataset-co-usage", "methods-with-dataset", "datasets-per-task",
        "papers-on-task", "new-datasets-and-methods", "dataset-overlap", "most-used", "papers-using-both",
        "single-paper-entities", "results"}
    for name, c in canned.items():
        assert c.description, name
        declared = {p.name for p in c.params}
        assert declared == kq.placeholders(c.text), name  # every ?_x is declared and used
        assert set(SAMPLE_PARAMS.get(name, {})) == declared, name


def test_list(capfd):
    rc, o, _ = run_cli(capfd, "query", "--list")
    assert rc == 0
    for name, c in kq.canned_queries().items():
        assert re.search(rf"^{re.escape(name)}\s+{re.escape(c.description)}$", o, re.M)
    assert "--param dataset=" in o


@pytest.mark.parametrize("name", sorted(kq.canned_queries()))
@pytest.mark.parametrize("fmt", ["table", "csv", "json", "md"])
def test_every_canned_query_runs_in_every_format(out, name, fmt):
    data = kq.execute(out, name, SAMPLE_PARAMS.get(name, {}), fmt).decode("utf-8")
    if fmt == "json":
        assert "results" in json.loads(data)
    elif fmt == "csv":
        header = next(csv.reader(io.StringIO(data)))
        assert header and all(header)
    elif fmt == "md":
        assert data.startswith("| ") and data.splitlines()[1].startswith("|---")
    else:
        assert re.search(r"^\(\d+ rows?\)$", data, re.M)


def test_papers_using_both(out, links):
    rows = select(out, "papers-using-both", x="IEMOCAP", y="MELD")
    got = {r["paper"] for r in rows}
    iemocap, meld = entity_iri(links, "IEMOCAP"), entity_iri(links, "MELD")
    assert SYNC_TVA in got
    assert got == papers_with(links, iemocap) & papers_with(links, meld)
    # any language, any case, any label: the long name of IEMOCAP and a task label
    alt = select(out, "papers-using-both", x="interactive emotional dyadic motion capture", y="meld")
    assert {r["paper"] for r in alt} == got
    assert all(r["x_how"] and r["y_how"] for r in rows)


def test_papers_using_dataset(out, links):
    iemocap = entity_iri(links, "IEMOCAP")
    rows = select(out, "papers-using-dataset", dataset="iemocap")
    assert {r["paper"] for r in rows} == papers_with(links, iemocap, DATASET_RELS)
    assert SYNC_TVA in {r["paper"] for r in rows}
    assert {r["dataset_label"] for r in rows} == {"IEMOCAP"}
    assert select(out, "papers-using-dataset", dataset="no such dataset") == []


def test_dataset_co_usage(out, links):
    by_paper = defaultdict(set)
    label = {}
    for lk in links:
        if lk["relation"] in DATASET_RELS:
            by_paper[lk["paper_iri"]].add(lk["entity"])
            label[lk["entity"]] = lk["label"]
    expected = Counter()
    for ds in by_paper.values():
        for a, b in combinations(sorted(ds), 2):
            expected[frozenset((label[a], label[b]))] += 1
    rows = select(out, "dataset-co-usage")
    got = {frozenset((r["dataset1"], r["dataset2"])): int(r["papers"]) for r in rows}
    assert got == dict(expected)
    assert got[frozenset(("IEMOCAP", "MELD"))] >= 1
    counts = [int(r["papers"]) for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_methods_with_dataset(out, links):
    iemocap = entity_iri(links, "IEMOCAP")
    papers = papers_with(links, iemocap, DATASET_RELS)
    how = {KGO + "usesMethod": "uses", KGO + "proposesMethod": "proposes"}
    expected = defaultdict(set)
    for lk in links:
        if lk["paper_iri"] in papers and lk["relation"] in METHOD_RELS:
            expected[(lk["label"], how[lk["relation"]])].add(lk["paper_iri"])
    rows = select(out, "methods-with-dataset", dataset="IEMOCAP")
    assert {(r["method"], r["how"]): int(r["papers"]) for r in rows} == {k: len(v) for k, v in expected.items()}
    assert ("Sync-TVA", "proposes") in {(r["method"], r["how"]) for r in rows}


def test_datasets_per_task(out, links):
    tasks, datasets = defaultdict(set), defaultdict(set)
    label = {}
    for lk in links:
        label[lk["entity"]] = lk["label"]
        if lk["relation"] == KGO + "addressesTask":
            tasks[lk["paper_iri"]].add(lk["entity"])
        elif lk["relation"] in DATASET_RELS:
            datasets[lk["paper_iri"]].add(lk["entity"])
    expected = Counter((label[t], label[d]) for p in tasks for t in tasks[p] for d in datasets.get(p, ()))
    rows = select(out, "datasets-per-task")
    assert {(r["task"], r["dataset"]): int(r["papers"]) for r in rows} == dict(expected)


def _broader(ntriples: list[str]) -> dict[str, set[str]]:
    up = defaultdict(set)
    for line in ntriples:
        m = re.match(rf"<([^>]+)> <{re.escape(SKOS)}broader> <([^>]+)> \.$", line)
        if m:
            up[m.group(1)].add(m.group(2))
    return up


def test_papers_on_task_follows_skos_broader(out, links, ntriples):
    up = _broader(ntriples)

    def ancestors(iri):
        seen, todo = {iri}, [iri]
        while todo:
            for b in up.get(todo.pop(), ()):
                if b not in seen:
                    seen.add(b)
                    todo.append(b)
        return seen

    er = "https://w3id.org/kg-digest/id/task/emotion-recognition"
    ser = "https://w3id.org/kg-digest/id/task/speech-emotion-recognition"
    expected = {lk["paper_iri"] for lk in links
                if lk["relation"] == KGO + "addressesTask" and er in ancestors(lk["entity"])}
    rows = select(out, "papers-on-task", task="emotion recognition")
    got = {r["paper"] for r in rows}
    assert got == expected
    direct_ser = papers_with(links, ser, {KGO + "addressesTask"})
    direct_er = papers_with(links, er, {KGO + "addressesTask"})
    assert direct_ser and direct_ser <= got and got > direct_er  # narrower tasks are included
    assert SYNC_TVA in got  # multimodal emotion recognition, narrower than emotion recognition
    # a Chinese label and an acronym name the same tasks
    assert {r["paper"] for r in select(out, "papers-on-task", task="情感识别")} == got
    assert {r["paper"] for r in select(out, "papers-on-task", task="ser")} == \
        {r["paper"] for r in select(out, "papers-on-task", task="speech emotion recognition")}


def test_new_datasets_and_methods(out, links):
    kinds = {KGO + "introducesDataset": "dataset", KGO + "proposesMethod": "method"}
    expected = {(lk["paper_iri"], kinds[lk["relation"]], lk["label"]) for lk in links if lk["relation"] in kinds}
    rows = select(out, "new-datasets-and-methods")
    assert {(r["paper"], r["kind"], r["entity"]) for r in rows} == expected
    assert (SYNC_TVA, "method", "Sync-TVA") in expected


def test_dataset_overlap(out, links):
    a, b = entity_iri(links, "IEMOCAP"), entity_iri(links, "MELD")
    pa, pb = papers_with(links, a, DATASET_RELS), papers_with(links, b, DATASET_RELS)
    [row] = select(out, "dataset-overlap", dataset1="IEMOCAP", dataset2="MELD")
    assert (row["dataset1"], row["dataset2"]) == ("IEMOCAP", "MELD")
    assert (int(row["papers1"]), int(row["papers2"]), int(row["both"])) == (len(pa), len(pb), len(pa & pb))
    assert float(row["jaccard"]) == pytest.approx(len(pa & pb) / len(pa | pb), abs=1e-3)
    assert select(out, "dataset-overlap", dataset1="IEMOCAP", dataset2="no such dataset") == []


def test_most_used(out, links):
    typ = {**{r: "Dataset" for r in DATASET_RELS}, **{r: "Method" for r in METHOD_RELS}}
    papers = defaultdict(set)
    for lk in links:
        if lk["relation"] in typ:
            papers[(typ[lk["relation"]], lk["label"])].add(lk["paper_iri"])
    rows = select(out, "most-used")
    got = [((r["type"], r["entity"]), int(r["papers"])) for r in rows]
    assert 0 < len(got) <= 30
    for key, n in got:
        assert n == len(papers[key])
    top = max(len(v) for v in papers.values())
    assert got[0][1] == top and [n for _, n in got] == sorted((n for _, n in got), reverse=True)
    assert ("Dataset", "IEMOCAP") in {k for k, _ in got}


def test_single_paper_entities(out, links):
    papers = defaultdict(set)
    for lk in links:
        papers[(lk["type"], lk["label"])].add(lk["paper_iri"])
    expected = {(t, lab, next(iter(ps))) for (t, lab), ps in papers.items() if len(ps) == 1}
    rows = select(out, "single-paper-entities")
    assert {(r["type"], r["entity"], r["paper"]) for r in rows} == expected
    assert ("Method", "Sync-TVA", SYNC_TVA) in expected


def test_results(out, ntriples):
    n = sum(1 for line in ntriples if f"<{KGO}resultOf>" in line)
    rows = select(out, "results")
    assert len(rows) == n
    for r in rows:
        assert r["metric"] and float(r["value"]) == float(r["value"]) and r["paper"].startswith("http")


# ---------------------------------------------------------------- parameters are data, not query text


def test_sparql_literal_escapes():
    assert kq.sparql_literal('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'


@pytest.mark.parametrize("evil", ['IEMOCAP" ) } } ; DROP ALL ; #', 'x\\" . ?s ?p ?o', "IEMOCAP'", 'a\nb'])
def test_parameters_cannot_inject(out, evil):
    assert select(out, "papers-using-dataset", dataset=evil) == []


def test_parameter_errors(out, capfd):
    rc, _, e = run_cli(capfd, "query", "-o", str(out), "papers-using-dataset")
    assert rc == 2 and "missing parameter dataset" in e
    rc, _, e = run_cli(capfd, "query", "-o", str(out), "papers-using-dataset", "-p", "dataset=x", "-p", "bogus=1")
    assert rc == 2 and "unknown parameter bogus" in e
    rc, _, e = run_cli(capfd, "query", "-o", str(out), "no-such-query")
    assert rc == 2 and "unknown canned query" in e


def test_params_in_rq_files_and_inline(out, tmp_path):
    rq = tmp_path / "mine.rq"
    rq.write_text("# param: d = a dataset\nSELECT ?p WHERE { ?p kgo:usesDataset ?x . "
                  "?x skos:prefLabel ?l FILTER(STR(?l) = ?_d) }\n", encoding="utf-8")
    from_file = {r["p"] for r in select(out, str(rq), d="MELD")}
    inline = {r["p"] for r in select(out, "SELECT ?p WHERE { ?p kgo:usesDataset/skos:prefLabel ?l "
                                          "FILTER(STR(?l) = ?_d) }", d="MELD")}
    assert SYNC_TVA in from_file and from_file == inline


# ---------------------------------------------------------------- ad-hoc queries, forms and formats


def test_syntax_error_has_line_and_column(out, capfd):
    rc, o, e = run_cli(capfd, "query", "-o", str(out), "SELECT ?s WHERE {\n  ?s ?p \n}")
    assert rc == 2 and o == ""
    assert re.match(r"kg query: syntax error at line 3, column \d+: ", e)
    assert "Traceback" not in e
    rc, _, e = run_cli(capfd, "query", "-o", str(out), "SELECT * WHERE { ?s nope:x ?o }")
    assert rc == 2 and "line 1, column" in e and "unknown prefix 'nope:'" in e
    rc, _, e = run_cli(capfd, "query", "-o", str(out), "INSERT DATA { <a:b> <a:b> <a:b> }")
    assert rc == 2 and "update" in e


def test_ask_construct_describe(out, capfd):
    rc, o, _ = run_cli(capfd, "query", "-o", str(out), f"ASK {{ <{SYNC_TVA}> kgo:usesDataset dataset:meld }}")
    assert rc == 0 and o == "true\n"
    rc, o, _ = run_cli(capfd, "query", "-o", str(out), "-f", "json", "ASK { ?p kgo:usesDataset <urn:none> }")
    assert json.loads(o)["boolean"] is False
    q = f"CONSTRUCT {{ ?p kgo:usesDataset ?d }} WHERE {{ BIND(<{SYNC_TVA}> AS ?p) ?p kgo:usesDataset ?d }}"
    rc, o, _ = run_cli(capfd, "query", "-o", str(out), q)
    assert rc == 0 and "@prefix kgo:" in o and "dataset:meld" in o
    rc, o, _ = run_cli(capfd, "query", "-o", str(out), "-f", "csv", q)
    assert f"<{SYNC_TVA}> <{KGO}usesDataset> <https://w3id.org/kg-digest/id/dataset/meld> ." in o.splitlines()
    rc, o, _ = run_cli(capfd, "query", "-o", str(out), "DESCRIBE dataset:iemocap")
    assert rc == 0 and '"IEMOCAP"@en' in o


def test_table_and_markdown_shapes(out, capfd):
    q = ('SELECT ?paper ?title ?n WHERE { VALUES (?paper ?title ?n) { '
         f'(<{SYNC_TVA}> "a | b" 7) (<urn:x> "{"长" * 80}" 12345) }} }}')
    rc, o, _ = run_cli(capfd, "query", "-o", str(out), q)
    lines = o.splitlines()
    assert lines[0].split() == ["paper", "title", "n"]
    assert lines[2].startswith("arxiv:2507.21395 ") and lines[3].startswith("<urn:x>")
    assert "…" in lines[3] and lines[-1] == "(2 rows)"
    # numbers right-aligned, columns aligned by display width (CJK counts double)
    assert kq.width(lines[2]) == kq.width(lines[3])
    rc, o, _ = run_cli(capfd, "query", "-o", str(out), "-f", "md", q)
    assert "a \\| b" in o and "长" * 80 in o and o.splitlines()[1] == "|---|---|---:|"
    rc, o, _ = run_cli(capfd, "query", "-o", str(out), "-f", "csv", q)
    rows = list(csv.reader(io.StringIO(o)))
    assert rows[1] == [SYNC_TVA, "a | b", "7"]


def test_query_file_and_default_prefixes(out, tmp_path, capfd):
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?p a kgo:Paper }\n", encoding="utf-8")
    rc, o, _ = run_cli(capfd, "query", "-o", str(out), "-f", "csv", str(rq))
    assert rc == 0 and int(o.split()[1]) > 50


@pytest.mark.parametrize("name", sorted(kq.canned_queries()))
def test_canned_queries_are_standalone_sparql(out, name):
    """They declare their own prefixes, so they run unchanged on any endpoint (kg serve, after kg push)."""
    c = kq.canned_queries()[name]
    text = kq.bind(c.text, SAMPLE_PARAMS.get(name, {}), c.params)
    list(open_store(out).query(text))  # no default prefixes given: a SyntaxError would fail here


def test_placeholders_only_outside_strings_iris_and_comments():
    q = ('# uses ?_nothing\nSELECT * WHERE { <http://h/p?_id=3> ?p ?_x . '
         'FILTER(?o = "?_y" || ?o = """a " ?_z""") } # ?_w\n')
    assert kq.placeholders(q) == {"x"}
    bound_q = kq.bind(q, {"x": 'a"b'})
    assert '<http://h/p?_id=3> ?p "a\\"b" .' in bound_q and '"?_y"' in bound_q and "# ?_w" in bound_q


# ---------------------------------------------------------------- timeout, Ctrl-C, no network

CROSS3 = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_timeout_stops_a_cross_product(out, capfd):
    import time
    t0 = time.time()
    rc, o, e = run_cli(capfd, "query", "-o", str(out), "--timeout", "2", CROSS3)
    assert rc == 1 and "stopped after 2 s" in e and o == "" and time.time() - t0 < 10


def test_default_timeout_protects_and_is_shown(capfd):
    from kg.cli import parser
    a = parser().parse_args(["query", "ASK {}"])
    assert 0 < a.timeout <= 300
    with pytest.raises(SystemExit):
        cli(["query", "--help"])
    assert "--timeout" in capfd.readouterr().out


def test_ctrl_c_stops_a_running_query(out):
    import signal
    import subprocess
    import sys
    import time
    p = subprocess.Popen([sys.executable, "-m", "kg.cli", "query", "-o", str(out), "--timeout", "0", CROSS3],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # well into the query: the store is open (its files among the process's), then a little longer;
    # a fixed sleep could end while Python was still importing on a loaded machine
    store = str((out / "store").resolve())
    fds = Path(f"/proc/{p.pid}/fd")
    deadline = time.time() + 60
    while time.time() < deadline and p.poll() is None:
        try:
            if any(os.readlink(f).startswith(store) for f in fds.iterdir()):
                break
        except OSError:
            pass
        time.sleep(0.1)
    time.sleep(1.5)
    assert p.poll() is None
    t0 = time.time()
    p.send_signal(signal.SIGINT)
    o, e = p.communicate(timeout=10)
    assert time.time() - t0 < 5
    assert p.returncode == 130 and "stopped" in e and "Traceback" not in e


def test_service_is_refused_and_nothing_is_fetched(out, capfd):
    import socket
    import subprocess
    import sys
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(5)
    s.settimeout(1.5)
    try:
        url = f"http://127.0.0.1:{s.getsockname()[1]}/sparql"
        try:  # in a process of its own: a kg query that sends the request waits for an answer
            r = subprocess.run([sys.executable, "-m", "kg.cli", "query", "-o", str(out),
                                f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"],
                               capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail("kg query sent the SERVICE request and waited for an answer")
        assert r.returncode == 2 and "SERVICE" in r.stderr
        with pytest.raises((socket.timeout, TimeoutError)):
            s.accept()[0].close()
        with pytest.raises(kq.QueryError):  # the library call refuses it too
            kq.execute(out, f"SELECT * WHERE {{ ?x ?y ?z . service <{url}> {{ ?s ?p ?o }} }}")
    finally:
        s.close()


def test_graph_needs_endpoint(out, capfd):
    rc, o, e = run_cli(capfd, "query", "-o", str(out), "--graph", "urn:g", "ASK {}")
    assert rc == 2 and "--endpoint" in e


def test_endpoint_unreachable_is_a_clear_error(capfd):
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    rc, o, e = run_cli(capfd, "query", "--endpoint", f"http://127.0.0.1:{port}/sparql", "ASK {}")
    assert rc == 1 and "cannot reach" in e and "Traceback" not in e
