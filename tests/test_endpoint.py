"""kg serve and kg push against real Oxigraph servers (the `oxigraph` package kg installs)."""
from __future__ import annotations

import http.server
import json
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest

from kg import query as kq
from kg.cli import main as cli
from kg.serve import oxigraph_binary

SYNC_TVA = "http://arxiv.org/abs/2507.21395"
GRAPH = "https://w3id.org/kg-digest/graph"
ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {proc.stdout.read() if proc.stdout else ''}")
        try:
            with urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@contextmanager
def running(cmd: list[str], query_url: str):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    try:
        wait_until_up(query_url, proc)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def http_select(url: str, query: str) -> list[dict]:
    req = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(),
                                 headers={"Accept": "application/sparql-results+json",
                                          "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=30) as r:
        data = json.load(r)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def nt_lines(out: Path) -> int:
    return sum(1 for _ in open(out / "graph.nt", "rb"))


_DECIMAL = re.compile(r'"([-+]?[0-9]*\.?[0-9]+)"\^\^<http://www\.w3\.org/2001/XMLSchema#decimal>')


def canonical(nt: str) -> set[str]:
    """The lines of an N-Triples document, xsd:decimal literals by value ("0.80" and "0.8" are the same)."""
    def dec(m: re.Match) -> str:
        return f'"{format(Decimal(m.group(1)).normalize(), "f")}"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    return {_DECIMAL.sub(dec, line) for line in nt.splitlines() if line.strip()}


def bound(name: str, **params) -> str:
    c = kq.canned_queries()[name]
    return kq.bind(c.text, params, c.params)


# ---------------------------------------------------------------- kg serve


@pytest.fixture(scope="module")
def served(bundled_build):
    port = free_port()
    cmd = [sys.executable, "-m", "kg.cli", "serve", "--port", str(port), "--timeout", "10", "-o", str(bundled_build)]
    url = f"http://127.0.0.1:{port}/query"
    with running(cmd, url) as proc:
        yield url, proc


def test_serve_answers_select_with_sparqlwrapper(served, bundled_build):
    from SPARQLWrapper import JSON, SPARQLWrapper
    url, _ = served
    sw = SPARQLWrapper(url)
    sw.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    sw.setReturnFormat(JSON)
    res = sw.query().convert()
    assert int(res["results"]["bindings"][0]["n"]["value"]) == nt_lines(bundled_build)
    # a canned query runs unchanged on the endpoint and gives what kg query gives
    sw.setQuery(bound("papers-using-both", x="IEMOCAP", y="MELD"))
    remote = {b["paper"]["value"] for b in sw.query().convert()["results"]["bindings"]}
    local = {json_row["paper"]["value"] for json_row in json.loads(
        kq.execute(bundled_build, "papers-using-both", {"x": "IEMOCAP", "y": "MELD"}, "json"))["results"]["bindings"]}
    assert SYNC_TVA in remote and remote == local


def test_serve_answers_plain_http_get(served):
    url, _ = served
    q = f"SELECT ?d WHERE {{ <{SYNC_TVA}> <https://w3id.org/kg-digest/ontology#usesDataset> ?d }}"
    req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": q}), headers={"Accept": "text/csv"})
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status == 200 and r.headers["Content-Type"].startswith("text/csv")
        body = r.read().decode()
    assert "https://w3id.org/kg-digest/id/dataset/meld" in body
    assert "https://w3id.org/kg-digest/id/dataset/iemocap" in body


def test_serve_refuses_updates(served, bundled_build):
    url, _ = served
    base = url.rsplit("/", 1)[0]
    update = urllib.parse.urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).encode()
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(urllib.request.Request(base + "/update", data=update, method="POST"), timeout=10)
    assert not 200 <= e.value.code < 300
    with pytest.raises(urllib.error.HTTPError) as e:  # nor can the graph store be written
        urllib.request.urlopen(urllib.request.Request(
            base + "/store?default", data=b"<urn:a> <urn:b> <urn:c> .\n", method="POST",
            headers={"Content-Type": "application/n-triples"}), timeout=10)
    assert not 200 <= e.value.code < 300
    assert len(http_select(url, "SELECT * WHERE { <urn:a> ?p ?o }")) == 0
    assert int(http_select(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]) == nt_lines(bundled_build)


def test_serve_has_a_browser_query_ui(served):
    base = served[0].rsplit("/", 1)[0]
    with urllib.request.urlopen(base + "/", timeout=10) as r:
        assert r.status == 200 and "yasgui" in r.read().decode().lower()
    with urllib.request.urlopen(base + "/yasgui.min.js", timeout=10) as r:  # bundled, no CDN needed
        assert r.status == 200


def test_kg_query_works_while_served(served, bundled_build):
    rows = json.loads(kq.execute(bundled_build, "papers-using-dataset", {"dataset": "MELD"}, "json"))
    assert SYNC_TVA in {b["paper"]["value"] for b in rows["results"]["bindings"]}


def test_build_refuses_to_replace_a_served_store(served, bundled_build):
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", "-o", str(bundled_build), "--no-views"],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "being served by `kg serve`" in r.stderr
    url, _proc = served
    # and the server still answers over the untouched store
    rows = http_select(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(rows[0]["n"]) == nt_lines(bundled_build)


def test_serve_stops_its_server(bundled_build):
    port = free_port()
    cmd = [sys.executable, "-m", "kg.cli", "serve", "--port", str(port), "-o", str(bundled_build)]
    with running(cmd, f"http://127.0.0.1:{port}/query") as proc:
        pass
    assert proc.returncode is not None
    time.sleep(0.3)
    with socket.socket() as s:  # the oxigraph child is gone too: nothing listens any more
        assert s.connect_ex(("127.0.0.1", port)) != 0


def test_serve_without_build(tmp_path, capfd):
    rc = cli(["serve", "-o", str(tmp_path / "none"), "--port", str(free_port())])
    assert rc == 2 and "no build found" in capfd.readouterr().err


# ---------------------------------------------------------------- kg push


@pytest.fixture()
def triple_store(tmp_path):
    """A real read-write Oxigraph server: (graph store URL, query URL)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [oxigraph_binary(), "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"]
    with running(cmd, base + "/query"):
        yield base + "/store", base + "/query", base + "/update"


def count_graph(query_url: str, graph: str) -> int:
    return int(http_select(query_url, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")[0]["n"])


def test_push_twice_replaces_the_named_graph_only(triple_store, bundled_build, capfd):
    store_url, query_url, update_url = triple_store
    other = "urn:example:other"
    ins = urllib.parse.urlencode({"update": f"INSERT DATA {{ GRAPH <{other}> {{ <urn:a> <urn:b> \"keep me\" }} "
                                            f"GRAPH <{GRAPH}> {{ <urn:stale> <urn:b> <urn:c> }} }}"}).encode()
    urllib.request.urlopen(urllib.request.Request(update_url, data=ins, method="POST"), timeout=10).close()
    n = nt_lines(bundled_build)
    for _ in range(2):
        rc = cli(["push", "--endpoint", store_url, "-o", str(bundled_build)])
        o, e = capfd.readouterr()
        assert rc == 0, e
        assert f"{n} triples" in o
        assert count_graph(query_url, GRAPH) == n  # replaced: the stale triple is gone, nothing doubled
    assert http_select(query_url, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{other}> {{ ?s ?p ?o }} }}") == \
        [{"s": "urn:a", "p": "urn:b", "o": "keep me"}]
    assert int(http_select(query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]) == 0  # default graph
    # exactly the build's triples
    with urllib.request.urlopen(urllib.request.Request(
            store_url + "?" + urllib.parse.urlencode({"graph": GRAPH}),
            headers={"Accept": "application/n-triples"}), timeout=30) as r:
        pushed = canonical(r.read().decode("utf-8"))
    assert pushed == canonical((bundled_build / "graph.nt").read_text(encoding="utf-8"))
    # and the canned queries answer over HTTP on the pushed graph
    q = bound("papers-using-both", x="IEMOCAP", y="MELD").replace("WHERE {", f"FROM <{GRAPH}>\nWHERE {{", 1)
    assert SYNC_TVA in {r["paper"] for r in http_select(query_url, q)}


def test_push_to_another_graph_iri(triple_store, bundled_build, capfd):
    store_url, query_url, _ = triple_store
    g = "http://example.org/graphs/kg?v=1&x=é"
    assert cli(["push", "--endpoint", store_url, "--graph", g, "-o", str(bundled_build)]) == 0
    assert count_graph(query_url, g) == nt_lines(bundled_build)
    assert count_graph(query_url, GRAPH) == 0


def test_push_unreachable(bundled_build, capfd):
    url = f"http://127.0.0.1:{free_port()}/store"
    rc = cli(["push", "--endpoint", url, "-o", str(bundled_build)])
    e = capfd.readouterr().err
    assert rc == 1 and f"cannot reach {url}" in e and "Traceback" not in e


def test_push_wrong_endpoint_path(triple_store, bundled_build, capfd):
    _, query_url, _ = triple_store
    rc = cli(["push", "--endpoint", query_url.replace("/query", "/nothing"), "-o", str(bundled_build)])
    assert rc == 1 and "server error HTTP 404" in capfd.readouterr().err


@contextmanager
def stub_server(status: int, body: bytes):
    """A tiny server that answers every PUT with STATUS, recording the request headers."""
    seen: list[dict] = []

    class H(http.server.BaseHTTPRequestHandler):
        def do_PUT(self):  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            seen.append(dict(self.headers))
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}/ds/data", seen
    finally:
        srv.shutdown()
        srv.server_close()


def test_push_refused_credentials_and_auth_headers(bundled_build, capfd):
    with stub_server(401, b"Unauthorized\n") as (url, seen):
        rc = cli(["push", "--endpoint", url, "--user", "ann", "--password", "wrong", "-o", str(bundled_build)])
        assert rc == 1 and "refused the credentials (HTTP 401)" in capfd.readouterr().err
        assert seen[-1]["Authorization"] == "Basic YW5uOndyb25n"
        assert seen[-1]["Content-Type"] == "application/n-triples"
        rc = cli(["push", "--endpoint", url, "--token", "t0k", "-o", str(bundled_build)])
        assert rc == 1 and seen[-1]["Authorization"] == "Bearer t0k"
    capfd.readouterr()


def test_push_server_error(bundled_build, capfd):
    with stub_server(500, b"java.lang.OutOfMemoryError: heap\nat line 2\n") as (url, _):
        rc = cli(["push", "--endpoint", url, "-o", str(bundled_build)])
    e = capfd.readouterr().err
    assert rc == 1 and "server error HTTP 500: java.lang.OutOfMemoryError: heap" in e and "line 2" not in e


def test_push_without_build(tmp_path, capfd):
    rc = cli(["push", "--endpoint", "http://127.0.0.1:1/store", "-o", str(tmp_path / "none")])
    assert rc == 2 and "no build found" in capfd.readouterr().err
