"""kg serve and kg push against real Oxigraph servers (the `oxigraph` package kg installs)."""
from __future__ import annotations

import http.server
import os
import shutil
import signal
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


def mark_complete(out: Path) -> Path:
    """OUT/build.json as `kg build` writes it last (kept when the build already wrote one)."""
    meta = out / "build.json"
    if not meta.exists():
        meta.write_text(json.dumps({"complete": True}), encoding="utf-8")
    return out


@pytest.fixture(scope="module", autouse=True)
def complete_build(bundled_build):
    return mark_complete(bundled_build)


def copy_build(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".kg-serve.pid"))
    return dst


@pytest.fixture()
def own_build(bundled_build, tmp_path):
    """A copy of the bundled build, for a test that runs its own server (one server per build)."""
    return copy_build(bundled_build, tmp_path / "own")


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


def test_serve_stops_its_server(own_build):
    port = free_port()
    cmd = [sys.executable, "-m", "kg.cli", "serve", "--port", str(port), "-o", str(own_build)]
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


# ---------------------------------------------------------------- kg serve: limits and safety


def children(pid: int) -> set[int]:
    """The pids whose parent is PID (from /proc)."""
    out = set()
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.add(int(d.name))
            except (OSError, IndexError, ValueError):
                pass
    return out


def tree_rss_mb(pid: int) -> float:
    total = 0
    for p in {pid} | children(pid):
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * 4096
        except (OSError, IndexError, ValueError):
            pass
    return total / 2**20


def gone(pids: set[int], seconds: float = 10) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if not any(Path(f"/proc/{p}").exists() and "Z" not in _state(p) for p in pids):
            return True
        time.sleep(0.1)
    return False


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def port_closed(port: int, seconds: float = 10) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) != 0:
                return True
        time.sleep(0.1)
    return False


def post_query(url: str, query: str, timeout: float = 30, headers: dict | None = None) -> tuple[int, str, float]:
    """(status, body, seconds) of a form POST of QUERY."""
    t0 = time.time()
    req = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(),
                                 headers={"Content-Type": "application/x-www-form-urlencoded", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace"), time.time() - t0
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace"), time.time() - t0


@pytest.fixture(scope="module")
def guarded(bundled_build, tmp_path_factory):
    """kg serve with a 3 s timeout and 1 GB per query: (query URL, process, port)."""
    port = free_port()
    out = copy_build(bundled_build, tmp_path_factory.mktemp("guarded") / "out")
    cmd = [sys.executable, "-m", "kg.cli", "serve", "--port", str(port), "--timeout", "3", "--memory", "1024",
           "--workers", "1", "-o", str(out)]
    url = f"http://127.0.0.1:{port}/query"
    with running(cmd, url) as proc:
        yield url, proc, port


EXPENSIVE = {
    "sort over a cross product": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1",
    "3-way cross product": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "property paths": "SELECT (COUNT(*) AS ?n) WHERE { ?a (!<urn:x:no>)* ?b . ?c (!<urn:x:no>)+ ?d }",
    "distinct over a cross product": "SELECT DISTINCT ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f }",
}


@pytest.mark.parametrize("shape", sorted(EXPENSIVE))
def test_serve_timeout_holds_for_every_query_shape(guarded, bundled_build, shape):
    url, proc, _ = guarded
    peak = [0.0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_mb(proc.pid))
            time.sleep(0.05)
    t = threading.Thread(target=sample, daemon=True)
    t.start()
    try:
        status, body, seconds = post_query(url, EXPENSIVE[shape], timeout=20)
    finally:
        done.set()
        t.join()
    print(f"{shape}: HTTP {status} after {seconds:.2f} s, server peak RSS {peak[0]:.0f} MB")
    assert status == 503 and ("timeout" in body or "MB a query may use" in body), body
    assert seconds < 3 + 5
    assert peak[0] < 1024 + 600  # one worker capped at 1 GB, plus the server itself
    # the server survived and answers at once
    assert proc.poll() is None
    assert int(http_select(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]) == nt_lines(bundled_build)


@contextmanager
def listener():
    """A TCP socket on 127.0.0.1 that records whether anything connects to it."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(5)
    s.settimeout(1.5)
    try:
        yield s
    finally:
        s.close()


def nobody_connected(s: socket.socket) -> bool:
    try:
        conn, _ = s.accept()
    except (socket.timeout, TimeoutError):
        return True
    conn.close()
    return False


@pytest.mark.parametrize("form", [
    "SELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "select * where {{ ?x ?y ?z .service silent <{u}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ # a comment\n  OPTIONAL {{ SeRvIcE <{u}> {{ ?s ?p ?o }} }} }}",
])
def test_serve_makes_no_federated_requests(guarded, form):
    url = guarded[0]
    with listener() as s:
        status, body, _ = post_query(url, form.format(u=f"http://127.0.0.1:{s.getsockname()[1]}/sparql"))
        assert status == 400 and "SERVICE" in body
        assert nobody_connected(s)


def test_serve_service_in_a_string_or_iri_is_data(guarded):
    url = guarded[0]
    q = ('SELECT ?x WHERE { VALUES ?x { "SERVICE <http://127.0.0.1:9/> { }" <urn:SERVICE> } '
         '?service ?p ?o } LIMIT 1')
    status, body, _ = post_query(url, q, headers={"Accept": "text/csv"})
    assert status == 200 and body.startswith("x")


def test_serve_checks_host_and_origin(guarded):
    url, _, port = guarded
    ask = url + "?query=" + urllib.parse.quote("ASK { ?s ?p ?o }")

    def status(**headers) -> int:
        req = urllib.request.Request(ask, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                return r.status
        except urllib.error.HTTPError as e:
            return e.code
    assert status() == 200
    assert status(Host=f"localhost:{port}") == 200
    assert status(Host=f"attacker.example:{port}") == 403  # DNS rebinding: a foreign name for 127.0.0.1
    assert status(Host="127.0.0.1") == 403
    assert status(Origin="http://attacker.example") == 403
    assert status(Origin="null") == 403
    assert status(Origin=f"http://127.0.0.1:{port}") == 200  # the query page itself
    assert status(**{"Sec-Fetch-Site": "cross-site"}) == 403  # an <img> or link on another site
    assert status(**{"Sec-Fetch-Site": "same-origin"}) == 200
    # and nothing tells a browser that other origins may read the answers
    with urllib.request.urlopen(urllib.request.Request(ask), timeout=10) as r:
        assert r.headers.get("Access-Control-Allow-Origin") is None


def test_serve_graph_store_reads(guarded, bundled_build):
    base = guarded[0].rsplit("/", 1)[0]
    req = urllib.request.Request(base + "/store?default", headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(req, timeout=30) as r:
        body = r.read().decode("utf-8")
    assert canonical(body) == canonical((bundled_build / "graph.nt").read_text(encoding="utf-8"))


def serve_cmd(out: Path, port: int, *extra: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", "serve", "--port", str(port), "-o", str(out), *extra]


def test_second_serve_keeps_the_first_ones_pid_file(own_build, tmp_path):
    bundled_build = own_build
    port = free_port()
    pidfile = bundled_build / ".kg-serve.pid"
    with running(serve_cmd(bundled_build, port), f"http://127.0.0.1:{port}/query") as first:
        before = pidfile.read_text()
        assert before.split()[0] == str(first.pid)
        # the same build again, and another build on the busy port
        other = tmp_path / "copy"
        copy_build(bundled_build, other)
        for out in (bundled_build, other):
            r = subprocess.run(serve_cmd(out, port), capture_output=True, text=True, timeout=60)
            assert r.returncode != 0 and "Traceback" not in r.stderr
            assert ("already served" in r.stderr) if out == bundled_build else ("cannot listen" in r.stderr)
        assert not (other / ".kg-serve.pid").exists()
        assert pidfile.read_text() == before
        r = subprocess.run([sys.executable, "-m", "kg.cli", "build", "-o", str(bundled_build), "--no-views"],
                           capture_output=True, text=True)
        assert r.returncode == 2 and "being served" in r.stderr
        assert int(http_select(f"http://127.0.0.1:{port}/query",
                               "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]) == nt_lines(bundled_build)
    assert not pidfile.exists()


@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT", "SIGKILL"])
def test_serve_never_orphans_its_workers(own_build, how):
    bundled_build = own_build
    port = free_port()
    proc = subprocess.Popen(serve_cmd(bundled_build, port), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/query", proc)
        kids = children(proc.pid)
        assert kids  # the query workers
        proc.send_signal(getattr(signal, how))
        proc.wait(timeout=20)
        assert gone(kids), f"left running after {how}: {kids}"
        assert port_closed(port)
        if how != "SIGKILL":
            assert proc.returncode == 0
            assert not (bundled_build / ".kg-serve.pid").exists()
        else:  # a stale pid file left by kill -9 does not block a rebuild
            from kg.serve import served_by
            assert served_by(bundled_build) is None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        (bundled_build / ".kg-serve.pid").unlink(missing_ok=True)


def test_serve_on_a_read_only_build(own_build):
    """A build kg serve cannot write into: it serves, and stops without leaving a server behind.

    Read-only for any user: the files lose their write bits, and the pid file's name is taken by a
    directory (which even root cannot write as a file)."""
    out = own_build
    (out / ".kg-serve.pid").mkdir()
    for p in [out, *out.rglob("*")]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    port = free_port()
    proc = subprocess.Popen(serve_cmd(out, port), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/query", proc)
        assert int(http_select(f"http://127.0.0.1:{port}/query",
                               "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]) == nt_lines(out)
        kids = children(proc.pid)
        proc.terminate()
        o, _ = proc.communicate(timeout=20)
        assert "Traceback" not in o and "cannot write" in o
        assert gone(kids) and port_closed(port)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for p in [out, *out.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)


@pytest.mark.parametrize("meta", [None, '{"complete": false}', "{not json"])
@pytest.mark.parametrize("command", ["serve", "push"])
def test_serve_and_push_refuse_an_incomplete_build(bundled_build, tmp_path, capfd, meta, command):
    out = tmp_path / "half"
    shutil.copytree(bundled_build, out, ignore=shutil.ignore_patterns(".kg-serve.pid", "build.json"))
    if meta is not None:
        (out / "build.json").write_text(meta, encoding="utf-8")
    argv = ["serve", "--port", str(free_port())] if command == "serve" else \
        ["push", "--endpoint", f"http://127.0.0.1:{free_port()}/store"]
    try:  # in a process of its own: a kg serve that does not refuse would run on
        r = subprocess.run([sys.executable, "-m", "kg.cli", *argv, "-o", str(out)], capture_output=True, text=True,
                           timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"kg {command} did not refuse the incomplete build")
    assert r.returncode == 2 and "build.json" in r.stderr and "kg build" in r.stderr
    assert "Traceback" not in r.stderr


def test_query_endpoint_on_kg_serve_gives_the_local_output(served, bundled_build, capfd):
    url, _ = served
    for fmt in ("table", "csv", "json", "md"):
        assert cli(["query", "papers-using-both", "-p", "x=IEMOCAP", "-p", "y=MELD", "-f", fmt,
                    "--endpoint", url]) == 0
        remote = capfd.readouterr().out
        assert cli(["query", "papers-using-both", "-p", "x=IEMOCAP", "-p", "y=MELD", "-f", fmt,
                    "-o", str(bundled_build)]) == 0
        local = capfd.readouterr().out
        assert remote == local and SYNC_TVA.rsplit("/", 1)[1] in remote
    assert cli(["query", "ASK { ?s ?p ?o }", "--endpoint", url]) == 0
    assert capfd.readouterr().out == "true\n"


# ---------------------------------------------------------------- kg push: messages and limits


def test_push_without_credentials_says_so(bundled_build, capfd):
    with stub_server(401, b"") as (url, _):
        rc = cli(["push", "--endpoint", url, "-o", str(bundled_build)])
    e = capfd.readouterr().err
    assert rc == 1 and "wants credentials" in e and "--user" in e and "refused" not in e


def test_push_gives_up_on_a_silent_server(bundled_build, capfd):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(5)  # accepts connections (the kernel does) and never answers
    try:
        t0 = time.time()
        rc = cli(["push", "--endpoint", f"http://127.0.0.1:{s.getsockname()[1]}/store", "--timeout", "1",
                  "-o", str(bundled_build)])
        took = time.time() - t0
    finally:
        s.close()
    e = capfd.readouterr().err
    assert rc == 1 and "no answer within 1 s" in e and took < 10


@pytest.mark.parametrize("graph", ["", "not an iri", "<urn:x>", "relative/path"])
def test_push_rejects_a_bad_graph_name(bundled_build, capfd, graph):
    rc = cli(["push", "--endpoint", "http://127.0.0.1:1/store", "--graph", graph, "-o", str(bundled_build)])
    e = capfd.readouterr().err
    assert rc == 2 and "--graph" in e and "absolute IRI" in e


def test_push_in_chunks_replaces_the_graph(triple_store, bundled_build, capfd):
    store_url, query_url, _ = triple_store
    n = nt_lines(bundled_build)
    for chunk in ("1000", "5000"):
        assert cli(["push", "--endpoint", store_url, "--chunk", chunk, "-o", str(bundled_build)]) == 0
        o = capfd.readouterr().out
        assert f"{n} triples" in o and f"{-(-n // int(chunk))} requests" in o
        assert count_graph(query_url, GRAPH) == n
    with urllib.request.urlopen(urllib.request.Request(
            store_url + "?" + urllib.parse.urlencode({"graph": GRAPH}),
            headers={"Accept": "application/n-triples"}), timeout=30) as r:
        assert canonical(r.read().decode("utf-8")) == canonical((bundled_build / "graph.nt").read_text("utf-8"))


def test_query_page_runs_a_query_in_chromium(served, bundled_build):
    """The YASGUI page at / works through the Host/Origin checks in a real browser."""
    sys.path.insert(0, str(Path(__file__).parent))
    from browser import Browser
    base = served[0].rsplit("/", 1)[0]
    b = Browser()
    outside: list[str] = []
    try:
        ctx = b.browser.new_context()

        def route(r):
            if r.request.url.startswith(base + "/"):
                return r.continue_()
            outside.append(r.request.url)
            return r.abort()
        ctx.route("**/*", route)
        page = ctx.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "/")
        page.wait_for_selector(".yasqe .CodeMirror", timeout=30_000)
        page.evaluate("document.querySelector('.yasqe .CodeMirror').CodeMirror.setValue("
                      "'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')")
        page.click(".yasqe_queryButton")
        n = str(nt_lines(bundled_build))
        deadline = time.time() + 30
        while n not in page.inner_text(".yasr") and time.time() < deadline:
            time.sleep(0.2)
        assert n in page.inner_text(".yasr")
        assert not errors, errors
        assert outside == []  # its Content-Security-Policy keeps it from asking prefix.cc and the like
    finally:
        b.close()


def test_serve_has_no_unlimited_mode(own_build):
    try:
        r = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--timeout", "0", "--port", str(free_port()),
                            "-o", str(own_build)], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("kg serve --timeout 0 started a server without a timeout")
    assert r.returncode == 2 and "--timeout 0" in r.stderr


def test_serve_caps_the_size_of_an_answer(own_build):
    port = free_port()
    url = f"http://127.0.0.1:{port}/query"
    with running(serve_cmd(own_build, port, "--max-result", "1"), url):
        status, body, _ = post_query(url, "SELECT * WHERE { ?s ?p ?o }")  # ~2 MB of JSON
        assert status == 413 and "LIMIT" in body
        status, body, _ = post_query(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 10", headers={"Accept": "text/csv"})
        import csv
        import io
        assert status == 200 and len(list(csv.reader(io.StringIO(body)))) == 11
