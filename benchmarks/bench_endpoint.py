"""Benchmark: `kg serve` under load and under expensive queries.

    .venv/bin/python benchmarks/bench_endpoint.py                  # builds data/ into a temp folder
    .venv/bin/python benchmarks/bench_endpoint.py -o output        # an existing build
    .venv/bin/python benchmarks/bench_endpoint.py --timeout 3 --memory 1024 --requests 1000 --threads 16

Starts a real `kg serve`, then prints
  * latency of small queries (p50 / p95 / max over --requests requests from --threads threads) and errors;
  * for each expensive query shape: HTTP status, seconds until the answer, and the peak resident
    memory of the server and its workers (sampled from /proc every 50 ms, Linux);
  * that the server still answers afterwards.
Not part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXPENSIVE = {
    "sort over a cross product": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1",
    "3-way cross product": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "property paths": "SELECT (COUNT(*) AS ?n) WHERE { ?a (!<urn:x:no>)* ?b . ?c (!<urn:x:no>)+ ?d }",
    "distinct over a cross product": "SELECT DISTINCT ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f }",
}
SMALL = "SELECT ?p WHERE { ?p <https://w3id.org/kg-digest/ontology#usesDataset> ?d } LIMIT 20"


def tree_rss_mb(pid: int) -> float:
    pids = {pid}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    pids.add(int(d.name))
            except (OSError, IndexError, ValueError):
                pass
    total = 0
    for p in pids:
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * 4096
        except (OSError, IndexError, ValueError):
            pass
    return total / 2**20


def post(url: str, query: str, timeout: float = 600) -> tuple[int, float]:
    t0 = time.perf_counter()
    req = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(),
                                 headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            r.read()
            return r.status, time.perf_counter() - t0
    except urllib.error.HTTPError as e:
        e.read()
        return e.code, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", type=Path, help="an existing build (default: build data/ now)")
    ap.add_argument("--timeout", type=int, default=3)
    ap.add_argument("--memory", type=int, default=1024)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=16)
    a = ap.parse_args()
    out = a.output
    if out is None:
        from kg.build import build
        out = Path(tempfile.mkdtemp(prefix="kg-bench-endpoint-")) / "out"
        build([ROOT / "data"], out, progress=False, views=False)
    if not (out / "build.json").exists():  # a build made before builds recorded themselves
        (out / "build.json").write_text(json.dumps({"complete": True}), encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/query"
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "-o", str(out), "--port", str(port),
                             "--timeout", str(a.timeout), "--memory", str(a.memory), "--workers", str(a.workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        deadline = time.time() + 60
        while True:
            try:
                if post(url, "ASK {}", 2)[0] == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline or proc.poll() is not None:
                print("kg serve did not start", file=sys.stderr)
                return 1
            time.sleep(0.1)
        print(f"kg serve --timeout {a.timeout} --memory {a.memory} --workers {a.workers} on {out}")
        with ThreadPoolExecutor(a.threads) as pool:
            res = list(pool.map(lambda _: post(url, SMALL), range(a.requests)))
        ms = sorted(t * 1000 for _, t in res)
        errors = sum(1 for st, _ in res if st != 200)
        print(f"small queries: {a.requests} from {a.threads} threads: p50 {statistics.median(ms):.1f} ms, "
              f"p95 {ms[int(len(ms) * 0.95) - 1]:.1f} ms, max {ms[-1]:.1f} ms, {errors} errors")
        for name, q in EXPENSIVE.items():
            peak, done = [0.0], threading.Event()

            def sample():
                while not done.is_set():
                    peak[0] = max(peak[0], tree_rss_mb(proc.pid))
                    time.sleep(0.05)
            t = threading.Thread(target=sample, daemon=True)
            t.start()
            status, secs = post(url, q)
            done.set()
            t.join()
            print(f"{name:32s} HTTP {status} after {secs:6.2f} s, peak RSS of server + workers {peak[0]:7.0f} MB")
        status, secs = post(url, SMALL)
        print(f"afterwards: HTTP {status} in {secs * 1000:.1f} ms; server alive: {proc.poll() is None}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
