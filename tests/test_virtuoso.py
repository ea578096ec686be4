"""kg push and kg query --endpoint against a real Virtuoso (Debian's virtuoso-opensource, `virtuoso-t`).

The server is started here in the foreground with a virtuoso.ini written to a temporary folder
(database files there, both ports on 127.0.0.1); `scripts/setup.sh --test` installs the package.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest

from kg import query as kq
from kg.cli import main as cli
from kg.push import push

from test_endpoint import SYNC_TVA, free_port, mark_complete, nt_lines

GRAPH = "https://w3id.org/kg-digest/graph"
OTHER = "urn:example:other-graph"
SAMPLE_PARAMS = {
    "papers-using-dataset": {"dataset": "IEMOCAP"},
    "methods-with-dataset": {"dataset": "IEMOCAP"},
    "papers-on-task": {"task": "emotion recognition"},
    "dataset-overlap": {"dataset1": "IEMOCAP", "dataset2": "MELD"},
    "papers-using-both": {"x": "IEMOCAP", "y": "MELD"},
}

INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}/vsp
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def virtuoso_binary() -> str:
    exe = shutil.which("virtuoso-t")
    if exe is None:
        message = "virtuoso-t is not installed (`scripts/setup.sh --test` installs virtuoso-opensource)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return exe


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A fresh Virtuoso: its base URL (http://127.0.0.1:PORT)."""
    exe = virtuoso_binary()
    d = tmp_path_factory.mktemp("virtuoso")
    (d / "vsp").mkdir()
    sql, http = free_port(), free_port()
    (d / "virtuoso.ini").write_text(INI.format(d=d, sql=sql, http=http), encoding="utf-8")
    proc = subprocess.Popen([exe, "+foreground", "+configfile", str(d / "virtuoso.ini")], cwd=d,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http}"
    try:
        deadline = time.time() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {proc.returncode}: {proc.stdout.read()[-2000:]!r}")
            try:
                with urllib.request.urlopen(base + "/sparql?query=" + urllib.parse.quote("ASK {}"), timeout=5) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.time() > deadline:
                raise RuntimeError("Virtuoso did not start within 120 s")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def build(bundled_build):
    return mark_complete(bundled_build)


def select(base: str, query: str) -> list[dict]:
    data = urllib.parse.urlencode({"query": query}).encode()
    req = urllib.request.Request(base + "/sparql", data=data,
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return [{k: v["value"] for k, v in b.items()} for b in json.load(r)["results"]["bindings"]]


def count(base: str, graph: str) -> int:
    return int(select(base, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")[0]["n"])


@pytest.fixture(scope="module")
def pushed(virtuoso, build, tmp_path_factory):
    """The bundled build pushed into GRAPH, and one triple in OTHER (pushed by kg's push())."""
    other = tmp_path_factory.mktemp("other") / "other.nt"
    other.write_text('<urn:a> <urn:b> "keep me" .\n', encoding="utf-8")
    push(other, virtuoso + "/sparql-graph-crud-auth", OTHER, user="dba", password="dba")
    assert cli(["push", "--endpoint", virtuoso + "/sparql-graph-crud-auth", "--user", "dba", "--password", "dba",
                "-o", str(build)]) == 0
    return virtuoso


def test_push_twice_with_digest_auth_and_chunks(pushed, build, capfd):
    base = pushed
    n = nt_lines(build)
    assert count(base, GRAPH) == n
    for extra in (["--chunk", "1000"], ["--chunk", "3000", "--graph-param", "graph"]):
        rc = cli(["push", "--endpoint", base + "/sparql-graph-crud-auth", "--user", "dba", "--password", "dba",
                  *extra, "-o", str(build)])
        o, e = capfd.readouterr()
        assert rc == 0, e
        assert f"{n} triples" in o and "requests" in o
        assert count(base, GRAPH) == n  # replaced, not doubled
    assert select(base, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{OTHER}> {{ ?s ?p ?o }} }}") == \
        [{"s": "urn:a", "p": "urn:b", "o": "keep me"}]
    # the graph holds the build's subjects, e.g. Sync-TVA's datasets
    rows = select(base, f"SELECT ?d WHERE {{ GRAPH <{GRAPH}> {{ <{SYNC_TVA}> "
                        f"<https://w3id.org/kg-digest/ontology#usesDataset> ?d }} }}")
    assert {"https://w3id.org/kg-digest/id/dataset/meld", "https://w3id.org/kg-digest/id/dataset/iemocap"} <= \
        {r["d"] for r in rows}


def test_push_to_virtuoso_without_or_with_wrong_credentials(pushed, build, capfd):
    url = pushed + "/sparql-graph-crud-auth"
    rc = cli(["push", "--endpoint", url, "--graph", "urn:example:nope", "-o", str(build)])
    e = capfd.readouterr().err
    assert rc == 1 and "wants credentials" in e and "Digest" in e and "Traceback" not in e
    rc = cli(["push", "--endpoint", url, "--graph", "urn:example:nope", "--user", "dba", "--password", "wrong",
              "-o", str(build)])
    e = capfd.readouterr().err
    assert rc == 1 and "refused the credentials (HTTP 401)" in e
    assert count(pushed, "urn:example:nope") == 0
    assert count(pushed, GRAPH) == nt_lines(build)


_DECIMAL_TYPES = ("#decimal", "#double", "#float")


def normal(data: bytes, concat: set[str]) -> object:
    """SPARQL JSON results compared by value: numbers by value, GROUP_CONCAT parts as a set (their order
    is not defined by SPARQL 1.1), Virtuoso's older "typed-literal" as "literal"."""
    d = json.loads(data)
    if "boolean" in d:
        return d["boolean"]
    rows = []
    for b in d["results"]["bindings"]:
        row = {}
        for k, v in b.items():
            value, dt = v["value"], v.get("datatype", "")
            if dt.endswith(_DECIMAL_TYPES) or dt.endswith("#integer"):
                value = format(Decimal(value).normalize(), "f")
            if k in concat:
                value = tuple(sorted(re.split(r"[;,] ", value)))
            row[k] = (value, v["type"].replace("typed-literal", "literal"), v.get("xml:lang"))
        rows.append(row)
    return d["head"]["vars"], rows


def concat_columns(text: str) -> set[str]:
    return set(re.findall(r"GROUP_CONCAT\(.*?\)\s+AS\s+\?(\w+)", text, re.S | re.I))


@pytest.mark.parametrize("name", sorted(kq.canned_queries()))
def test_every_canned_query_answers_the_same_on_virtuoso(pushed, build, capfd, name):
    params = [a for k, v in SAMPLE_PARAMS.get(name, {}).items() for a in ("-p", f"{k}={v}")]
    assert cli(["query", name, *params, "-f", "json", "-o", str(build)]) == 0
    local = capfd.readouterr().out.encode()
    rc = cli(["query", name, *params, "-f", "json", "--endpoint", pushed + "/sparql", "--graph", GRAPH])
    o, e = capfd.readouterr()
    assert rc == 0, e
    concat = concat_columns(kq.canned_queries()[name].text)
    a, b = normal(local, concat), normal(o.encode(), concat)
    assert a == b  # same rows in the same order
    assert a[1], name  # and the sample parameters find something


def test_table_output_from_virtuoso_is_the_local_one(pushed, build, capfd):
    for fmt in ("table", "csv", "md"):
        args = ["query", "most-used", "-f", fmt]
        assert cli([*args, "-o", str(build)]) == 0
        local = capfd.readouterr().out
        assert cli([*args, "--endpoint", pushed + "/sparql", "--graph", GRAPH]) == 0
        assert capfd.readouterr().out == local


def test_ad_hoc_queries_on_virtuoso(pushed, build, capfd):
    ep = ["--endpoint", pushed + "/sparql", "--graph", GRAPH]
    assert cli(["query", f"ASK {{ <{SYNC_TVA}> kgo:usesDataset ?d }}", *ep]) == 0  # kg prefixes are declared
    assert capfd.readouterr().out == "true\n"
    assert cli(["query", "ASK { <urn:nothing> ?p ?o }", *ep]) == 0
    assert capfd.readouterr().out == "false\n"
    q = f"CONSTRUCT {{ <{SYNC_TVA}> kgo:usesDataset ?d }} WHERE {{ <{SYNC_TVA}> kgo:usesDataset ?d }}"
    assert cli(["query", q, "-f", "csv", *ep]) == 0
    remote = sorted(capfd.readouterr().out.splitlines())
    assert cli(["query", q, "-f", "csv", "-o", str(build)]) == 0
    assert remote == sorted(capfd.readouterr().out.splitlines()) and len(remote) >= 2
    rc = cli(["query", "SELECT WHERE {", *ep])
    e = capfd.readouterr().err
    assert rc == 1 and "HTTP 400" in e and "Traceback" not in e
