"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a build, on 127.0.0.1.

Why not `oxigraph serve-read-only` itself: its --timeout-s does not stop every query shape (a sort
over a cross product ran on for minutes and grew to gigabytes), it runs federated SERVICE calls
(outbound requests chosen by whoever sends a query) and it does not check the Host header.  So the
endpoint is a small WSGI application served by Waitress (a well-kept pure-Python WSGI server):

* every query runs in one of a few worker processes (pyoxigraph, the build's store opened
  read-only).  At the deadline the worker is killed (SIGKILL) and replaced, so the timeout holds for
  every query shape; each worker's address space is capped (RLIMIT_AS, --memory), so an expensive
  query fails alone and the server keeps answering;
* SERVICE is refused before a query runs (no outbound requests);
* the Host header must name this server (127.0.0.1 / localhost / [::1] and its port) and a browser
  request must come from the same origin (Origin and Sec-Fetch-Site): DNS rebinding and cross-site
  pages cannot use it;
* updates and graph-store writes are refused;
* workers die with the server (Linux: PR_SET_PDEATHSIG; elsewhere a watchdog on the parent), and
  SIGTERM / SIGINT stop everything and remove the pid file, which is only ever removed by the
  server that wrote it.

/query (GET ?query=... or POST, form or application/sparql-query), /store?graph=IRI or ?default
(read), and the YASGUI query page at / (the page and script bundled in the `oxigraph` binary, read
from it at start-up; no CDN).
"""
from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

HOST = "127.0.0.1"
SERVE_PID = ".kg-serve.pid"
MAX_QUERY_BYTES = 1 << 20        # a query (or form body) larger than this is refused
DEFAULT_MEMORY_MB = 2048         # address-space cap of one query worker
DEFAULT_MAX_RESULT_MB = 256      # a serialized result larger than this is refused


class ServeError(Exception):
    pass


# ---------------------------------------------------------------- pid file and build checks


def _read_pidfile(out: Path) -> tuple[int, int | None] | None:
    try:
        parts = (Path(out) / SERVE_PID).read_text(encoding="ascii").split()
        return int(parts[0]), (int(parts[1]) if len(parts) > 1 else None)
    except (OSError, ValueError, IndexError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex((HOST, port)) == 0


def served_by(out: Path) -> int | None:
    """The pid of a `kg serve` server running on this build, if any (pid alive and its port open)."""
    rec = _read_pidfile(out)
    if rec is None or not _alive(rec[0]):
        return None
    if rec[1] is not None and not _listening(rec[1]):
        return None
    return rec[0]


def check_build(out: Path, command: str) -> None:
    """Refuse a folder that is not a complete kg build (OUT/build.json, written last, "complete": true)."""
    from .store import BuildNotFound
    meta = Path(out) / "build.json"
    if not meta.is_file():
        raise BuildNotFound(f"{out}: not a complete kg build (no build.json: the build failed, is still "
                            f"running, or this is not a kg output folder); run `kg build -o {out}` "
                            f"before `kg {command}`")
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise BuildNotFound(f"{meta}: unreadable ({e}); run `kg build -o {out}` again") from None
    if not isinstance(data, dict) or data.get("complete") is not True:
        raise BuildNotFound(f"{meta}: the build is not complete (\"complete\": true is missing); "
                            f"run `kg build -o {out}` again")


def oxigraph_binary() -> str:
    """The `oxigraph` server next to this Python (the venv's bin/), else on PATH."""
    exe = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    here = Path(sys.executable).parent / exe
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise FileNotFoundError("the `oxigraph` server is not installed: `pip install oxigraph` "
                            "(it comes with kg's dependencies)")


# ---------------------------------------------------------------- children die with their parent


def die_with_parent(parent: int) -> None:
    """In a child: exit when PARENT exits, even on `kill -9` of the parent."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above ran
        os._exit(1)

    def watch():  # other systems (and a second line of defence): poll the parent
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


# ---------------------------------------------------------------- query workers

SOLUTION_TYPES = [  # (media type, pyoxigraph QueryResultsFormat name)
    ("application/sparql-results+json", "JSON"), ("application/json", "JSON"),
    ("application/sparql-results+xml", "XML"), ("application/xml", "XML"),
    ("text/csv", "CSV"), ("text/tab-separated-values", "TSV")]
GRAPH_TYPES = [  # (media type, pyoxigraph RdfFormat name)
    ("application/n-triples", "N_TRIPLES"), ("text/turtle", "TURTLE"), ("application/rdf+xml", "RDF_XML"),
    ("application/ld+json", "JSON_LD"), ("text/plain", "N_TRIPLES")]


def negotiate(accept: str, offers: list[tuple[str, str]]) -> tuple[str, str]:
    """The offer that ACCEPT prefers (the first offer when nothing matches or ACCEPT is empty)."""
    best, best_q = offers[0], -1.0
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mt = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        for offer in offers:
            if mt in (offer[0], "*/*") or (mt.endswith("/*") and offer[0].startswith(mt[:-1])):
                if q > best_q:
                    best, best_q = offer, q
                break
    return best


class _Capped:
    """A binary sink that refuses to grow past LIMIT bytes."""

    def __init__(self, limit: int):
        self.parts: list[bytes] = []
        self.size, self.limit = 0, limit

    def write(self, b) -> int:
        self.size += len(b)
        if self.size > self.limit:
            raise OverflowError("result too large")
        self.parts.append(bytes(b))
        return len(b)

    def flush(self):
        pass


def _worker(store_dir: str, conn, parent: int, memory_mb: int, max_result: int) -> None:
    """A query worker: answers (query, accept, default graphs, named graphs) jobs over CONN."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    if memory_mb and memory_mb > 0:
        try:
            import resource
            limit = memory_mb << 20
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):
            pass
    from pyoxigraph import (NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, Store,
                            serialize)
    store = Store.read_only(store_dir)
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        text, accept, default_graphs, named_graphs = job
        try:
            kw = {}
            if default_graphs:
                kw["default_graph"] = [NamedNode(g) for g in default_graphs]
            if named_graphs:
                kw["named_graphs"] = [NamedNode(g) for g in named_graphs]
            res = store.query(text, **kw)
            sink = _Capped(max_result)
            if isinstance(res, (QuerySolutions, QueryBoolean)):
                mt, name = negotiate(accept, SOLUTION_TYPES)
                res.serialize(sink, format=getattr(QueryResultsFormat, name))
            else:
                mt, name = negotiate(accept, GRAPH_TYPES)
                serialize(res, sink, format=getattr(RdfFormat, name))
            conn.send(("ok", 200, mt + ("; charset=utf-8" if mt.startswith("text/") else ""),
                       b"".join(sink.parts)))
        except SyntaxError as e:
            conn.send(("error", 400, f"query syntax error: {e}"))
        except ValueError as e:  # a bad graph IRI
            conn.send(("error", 400, f"bad request: {e}"))
        except MemoryError:
            conn.send(("error", 503, f"the query needed more than the {memory_mb} MB a query may use"))
        except OSError as e:
            if "result too large" in str(e) or isinstance(e.__cause__, OverflowError):
                conn.send(("error", 413, f"the result is larger than {max_result >> 20} MB; add a LIMIT"))
            else:
                conn.send(("error", 500, f"query failed: {e}"))
        except OverflowError:
            conn.send(("error", 413, f"the result is larger than {max_result >> 20} MB; add a LIMIT"))
        except Exception as e:  # noqa: BLE001 -- reported to the client, the worker goes on
            text = str(e)
            if "result too large" in text:
                conn.send(("error", 413, f"the result is larger than {max_result >> 20} MB; add a LIMIT"))
            else:
                conn.send(("error", 500, f"query failed: {type(e).__name__}: {text}"))


class Pool:
    """N worker processes; run() gives each job to an idle one and kills it at the deadline."""

    def __init__(self, store_dir: Path, workers: int, memory_mb: int, max_result_mb: int):
        import multiprocessing as mp
        self.ctx = mp.get_context("spawn")
        self.store_dir, self.memory_mb, self.max_result = str(store_dir), memory_mb, max_result_mb << 20
        self.idle: queue.Queue = queue.Queue()
        self.procs: set = set()
        self.lock = threading.Lock()
        self.closed = False
        for _ in range(max(1, workers)):
            self.idle.put(self._start())

    def _start(self):
        parent_end, child_end = self.ctx.Pipe()
        p = self.ctx.Process(target=_worker, args=(self.store_dir, child_end, os.getpid(), self.memory_mb,
                                                   self.max_result), daemon=True)
        p.start()
        child_end.close()
        with self.lock:
            self.procs.add(p)
        return p, parent_end, [False]  # [ready]

    def _replace(self, w) -> None:
        self._kill(w)
        if not self.closed:
            threading.Thread(target=lambda: self.idle.put(self._start()), daemon=True).start()

    def _kill(self, w) -> None:
        p, conn, _ = w
        try:
            p.kill()
        except (OSError, AttributeError, ValueError):
            pass
        p.join(5)
        conn.close()
        with self.lock:
            self.procs.discard(p)

    def wait_ready(self, seconds: float) -> None:
        ws = []
        while True:
            try:
                ws.append(self.idle.get_nowait())
            except queue.Empty:
                break
        deadline = time.monotonic() + seconds
        for w in ws:
            if not self._ready(w, deadline):
                raise ServeError(f"a query worker did not start (store {self.store_dir}): "
                                 f"{'exit code ' + str(w[0].exitcode) if w[0].exitcode is not None else 'no answer'}")
            self.idle.put(w)

    def _ready(self, w, deadline: float) -> bool:
        p, conn, ready = w
        if ready[0]:
            return True
        if conn.poll(max(0.0, deadline - time.monotonic())):
            try:
                ready[0] = conn.recv() == ("ready",)
            except (EOFError, OSError):
                return False
        return ready[0]

    def run(self, job, timeout: float) -> tuple[int, str, bytes]:
        """(status, content type, body) of JOB, within TIMEOUT seconds (the worker is killed after)."""
        deadline = time.monotonic() + timeout
        try:
            w = self.idle.get(timeout=timeout)
        except queue.Empty:
            return 503, "text/plain; charset=utf-8", b"every query worker is busy; try again later\n"
        p, conn, ready = w
        try:
            if not self._ready(w, deadline):
                raise TimeoutError if p.exitcode is None else EOFError
            conn.send(job)
            if not conn.poll(max(0.0, deadline - time.monotonic())):
                raise TimeoutError
            msg = conn.recv()
        except TimeoutError:
            self._replace(w)
            return 503, "text/plain; charset=utf-8", (
                f"the query was stopped after the {timeout:g} s timeout of this endpoint "
                f"(kg serve --timeout)\n").encode()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(w)
            return 503, "text/plain; charset=utf-8", (
                f"the query was stopped: it needed more than the {self.memory_mb} MB a query may use "
                f"(kg serve --memory)\n").encode()
        self.idle.put(w)
        if msg[0] == "ok":
            return msg[1], msg[2], msg[3]
        return msg[1], "text/plain; charset=utf-8", (msg[2].rstrip("\n") + "\n").encode()

    def close(self) -> None:
        self.closed = True
        with self.lock:
            procs = list(self.procs)
        for p in procs:
            try:
                p.kill()
            except (OSError, ValueError):
                pass
        for p in procs:
            p.join(5)


# ---------------------------------------------------------------- SERVICE and the query page

def uses_service(text: str) -> bool:
    """Whether query TEXT has a SERVICE clause (outside strings, IRIs and comments)."""
    from .query import _TOKENS
    masked = _TOKENS.sub(lambda m: m.group(0) if m.group(0)[:1] in "?$" else " ", text)
    return re.search(r"(?<![\w?$:])SERVICE(?![\w:])", masked, re.I) is not None


UI_FILES = ("", "yasgui.min.js", "yasgui.min.css", "logo.svg")


def ui_assets() -> dict[str, tuple[str, bytes]]:
    """The query page bundled in the oxigraph binary: read once from an in-memory oxigraph server."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--bind", f"{HOST}:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                            **_child_kwargs())
    assets: dict[str, tuple[str, bytes]] = {}
    try:
        deadline = time.monotonic() + 15
        for name in UI_FILES:
            while True:
                try:
                    with urllib.request.urlopen(f"http://{HOST}:{port}/{name}", timeout=5) as r:
                        assets["/" + name] = (r.headers.get("Content-Type", "application/octet-stream"), r.read())
                    break
                except OSError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        return assets
                    time.sleep(0.05)
    finally:
        proc.kill()
        proc.wait()
    return assets


def _child_kwargs() -> dict:
    if sys.platform.startswith("linux"):
        parent = os.getpid()

        def pdeathsig():
            import ctypes
            ctypes.CDLL(None).prctl(1, signal.SIGKILL, 0, 0, 0)
            if os.getppid() != parent:
                os._exit(1)
        return {"preexec_fn": pdeathsig}
    return {}


# ---------------------------------------------------------------- the WSGI application


class App:
    def __init__(self, pool: Pool, port: int, timeout: float, assets: dict[str, tuple[str, bytes]]):
        self.pool, self.timeout, self.assets = pool, timeout, assets
        self.hosts = {f"{h}:{port}" for h in (HOST, "localhost", "[::1]")}
        self.origins = {f"http://{h}" for h in self.hosts}

    def __call__(self, environ, start_response):
        status, ctype, body = self.handle(environ)
        headers = [("Content-Type", ctype), ("Content-Length", str(len(body))),
                   ("X-Content-Type-Options", "nosniff"), ("Cache-Control", "no-store"),
                   ("Vary", "Accept")]
        if ctype.startswith("text/html"):  # the query page may talk to this server only
            headers += [("X-Frame-Options", "DENY"), ("Content-Security-Policy", CSP)]
        start_response(f"{status} {_REASONS.get(status, 'Error')}", headers)
        return [body] if environ["REQUEST_METHOD"] != "HEAD" else [b""]

    def handle(self, env) -> tuple[int, str, bytes]:
        host = env.get("HTTP_HOST", "").lower()
        if host not in self.hosts:
            return _text(403, f"Host {host!r} is not this server (only {HOST} and localhost are served; "
                              "this refuses DNS rebinding)")
        origin = env.get("HTTP_ORIGIN")
        if origin is not None and origin.lower() not in self.origins:
            return _text(403, f"cross-origin request from {origin!r} refused")
        if env.get("HTTP_SEC_FETCH_SITE", "same-origin").lower() not in ("same-origin", "none"):
            return _text(403, "cross-site request refused")
        path, method = env.get("PATH_INFO", "/"), env["REQUEST_METHOD"]
        if path in ("/query", "/sparql"):
            return self.query(env, method)
        if path == "/store":
            return self.store(env, method)
        if path == "/update":
            return _text(403, "this endpoint is read-only: updates are refused")
        if path in self.assets and method in ("GET", "HEAD"):
            return (200, *self.assets[path])
        if path == "/" and method in ("GET", "HEAD"):
            return _text(200, "kg SPARQL endpoint: send queries to /query")
        return _text(404, f"{path}: not found (the endpoint is /query)")

    def query(self, env, method: str) -> tuple[int, str, bytes]:
        params = urllib.parse.parse_qs(env.get("QUERY_STRING", ""), keep_blank_values=True)
        if method == "POST":
            ctype = env.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
            body = _body(env)
            if body is None:
                return _text(413, f"the request is larger than {MAX_QUERY_BYTES >> 10} KB")
            if ctype == "application/sparql-query":
                params.setdefault("query", []).append(body.decode("utf-8", "replace"))
            elif ctype == "application/x-www-form-urlencoded":
                for k, v in urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
                    params.setdefault(k, []).extend(v)
            elif ctype == "application/sparql-update":
                return _text(403, "this endpoint is read-only: updates are refused")
            else:
                return _text(415, f"unsupported Content-Type {ctype!r} for a query")
        elif method not in ("GET", "HEAD"):
            return _text(405, f"{method} is not allowed on /query")
        if "update" in params:
            return _text(403, "this endpoint is read-only: updates are refused")
        queries = params.get("query", [])
        if len(queries) != 1:
            return _text(400, "give exactly one query parameter (?query=...)")
        text = queries[0]
        if len(text.encode("utf-8")) > MAX_QUERY_BYTES:
            return _text(413, f"the query is larger than {MAX_QUERY_BYTES >> 10} KB")
        if uses_service(text):
            return _text(400, "SERVICE (federated query) is not allowed on this endpoint: "
                              "it makes no outbound requests")
        job = (text, env.get("HTTP_ACCEPT", ""), params.get("default-graph-uri", []),
               params.get("named-graph-uri", []))
        return self.pool.run(job, self.timeout)

    def store(self, env, method: str) -> tuple[int, str, bytes]:
        if method not in ("GET", "HEAD"):
            return _text(405, "the graph store is read-only here")
        params = urllib.parse.parse_qs(env.get("QUERY_STRING", ""), keep_blank_values=True)
        if "graph" in params:
            iri = params["graph"][0]
            if re.search(r'[<>"{}|^`\\\s]', iri) or not iri:
                return _text(400, "bad graph IRI")
            text = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
        elif "default" in params:
            text = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
        else:
            return _text(400, "give ?graph=IRI or ?default")
        accept = env.get("HTTP_ACCEPT", "") or "application/n-triples"
        return self.pool.run((text, accept, [], []), self.timeout)


CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
       "form-action 'self'; base-uri 'none'")

_REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
            413: "Content Too Large", 415: "Unsupported Media Type", 500: "Internal Server Error",
            503: "Service Unavailable"}


def _text(status: int, message: str) -> tuple[int, str, bytes]:
    return status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8")


def _body(env) -> bytes | None:
    try:
        n = int(env.get("CONTENT_LENGTH") or 0)
    except ValueError:
        n = 0
    if n > MAX_QUERY_BYTES:
        return None
    return env["wsgi.input"].read(n) if n > 0 else b""


# ---------------------------------------------------------------- kg serve


class _Starting:
    """The application until the workers are up."""

    def __call__(self, environ, start_response):
        body = b"kg serve is starting\n"
        start_response("503 Service Unavailable", [("Content-Type", "text/plain; charset=utf-8"),
                                                   ("Content-Length", str(len(body)))])
        return [body]


def main(a: argparse.Namespace) -> int:
    from waitress.server import create_server

    from .store import BuildNotFound, store_path
    out = Path(a.output)
    if not store_path(out).is_dir():
        raise BuildNotFound(f"{out}: no build found (no store/ directory); run `kg build -o {out}` first")
    check_build(out, "serve")
    if not 0 < a.port < 65536:
        print(f"kg serve: --port {a.port}: not a port number", file=sys.stderr)
        return 2
    if a.timeout is None or a.timeout <= 0:
        print(f"kg serve: --timeout {a.timeout}: give the seconds a query may take (above 0)", file=sys.stderr)
        return 2
    timeout = a.timeout
    workers = max(1, getattr(a, "workers", 2) or 2)
    memory = getattr(a, "memory", DEFAULT_MEMORY_MB)
    other = served_by(out)
    if other is not None:
        print(f"kg serve: {out}/ is already served (server pid {other}); stop it first", file=sys.stderr)
        return 2
    try:  # bind first: a busy port fails here, before any pid file or worker exists
        server = create_server(_Starting(), host=HOST, port=a.port, threads=workers + 2, ident="kg-serve",
                               channel_timeout=max(60, int(timeout) + 30), max_request_body_size=MAX_QUERY_BYTES,
                               clear_untrusted_proxy_headers=True, expose_tracebacks=False)
    except OSError as e:
        print(f"kg serve: cannot listen on {HOST}:{a.port}: {e.strerror or e}", file=sys.stderr)
        return 1
    pidfile = out / SERVE_PID
    wrote_pid = False
    pool = None
    stopping = threading.Event()

    def on_signal(signum, frame):
        stopping.set()
        if pool is not None:  # running queries end now, not at their deadline
            pool.close()
        raise KeyboardInterrupt

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, getattr(signal, "SIGTERM", signal.SIGINT))}
    try:
        try:
            pidfile.write_text(f"{os.getpid()} {a.port}\n", encoding="ascii")
            wrote_pid = True
        except OSError as e:  # a read-only build cannot be rebuilt under us either: serve it anyway
            print(f"kg serve: note: cannot write {pidfile} ({e.strerror or e}); serving without it",
                  file=sys.stderr)
        pool = Pool(store_path(out), workers, memory, getattr(a, "max_result", DEFAULT_MAX_RESULT_MB))
        pool.wait_ready(60)
        assets = ui_assets()
        server.application = App(pool, a.port, timeout, assets)
        base = f"http://{HOST}:{a.port}"
        print(f"kg serve: {out}/ read-only, SPARQL endpoint {base}/query (query timeout {timeout:g} s, "
              f"{memory} MB per query, {workers} workers)\n"
              f"  graph store (read) {base}/store, query UI in a browser at {base}/ ; Ctrl-C stops it.",
              flush=True)
        server.run()
    except KeyboardInterrupt:
        pass
    except ServeError as e:
        print(f"kg serve: {e}", file=sys.stderr)
        return 1
    finally:
        for s, h in old.items():
            signal.signal(s, h)
        try:
            server.close()
        except Exception:  # noqa: BLE001
            pass
        if pool is not None:
            pool.close()
        if wrote_pid and (_read_pidfile(out) or (None,))[0] == os.getpid():
            pidfile.unlink(missing_ok=True)
    return 0
