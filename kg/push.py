"""`kg push`: upload a build's graph to a SPARQL 1.1 Graph Store HTTP Protocol server.

    PUT {endpoint}?graph={iri}      Content-Type: application/n-triples      body: OUT/graph.nt

PUT replaces the named graph as a whole, so pushing twice leaves the same content, and nothing
outside that graph is touched.  Works with any Graph Store Protocol server: Fuseki
(http://host:3030/DATASET/data), GraphDB (http://host:7200/repositories/REPO/rdf-graphs/service),
Oxigraph (http://host:7878/store), Virtuoso (http://host:8890/sparql-graph-crud-auth), ...
Credentials: --user/--password (HTTP Basic) or --token (Bearer); the password and token can also
come from the KG_PUSH_PASSWORD / KG_PUSH_TOKEN environment variables, which keeps them out of `ps`.
"""
from __future__ import annotations

import argparse
import base64
import os
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

NT = "application/n-triples"
TIMEOUT = 300  # seconds without progress on the connection


class PushError(Exception):
    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def graph_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol URL of GRAPH (indirect identification: ?graph=IRI)."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"--endpoint {endpoint!r}: expected an http:// or https:// URL", 2)
    query = urllib.parse.urlencode({"graph": graph})
    return urllib.parse.urlunsplit(parts._replace(query=f"{parts.query}&{query}" if parts.query else query))


def auth_header(user: str | None, password: str | None, token: str | None) -> dict[str, str]:
    if token and user:
        raise PushError("give either --user/--password or --token, not both", 2)
    if token:
        return {"Authorization": f"Bearer {token}"}
    if user is not None:
        cred = base64.b64encode(f"{user}:{password or ''}".encode("utf-8")).decode("ascii")
        return {"Authorization": f"Basic {cred}"}
    if password:
        raise PushError("--password needs --user", 2)
    return {}


def count_lines(path: Path) -> int:
    n = 0
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            n += block.count(b"\n")
    return n


def push(ntriples: Path, endpoint: str, graph: str, headers: dict[str, str] | None = None,
         timeout: float = TIMEOUT) -> int:
    """PUT the N-Triples file into GRAPH at ENDPOINT; the HTTP status. Raises PushError."""
    url = graph_url(endpoint, graph)
    size = ntriples.stat().st_size
    with open(ntriples, "rb") as body:
        req = urllib.request.Request(url, data=body, method="PUT", headers={
            "Content-Type": NT, "Content-Length": str(size), "Accept": "*/*",
            "User-Agent": "kg-push", **(headers or {})})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.status
        except urllib.error.HTTPError as e:
            raise PushError(http_message(e.code, _first_line(e))) from None
        except urllib.error.URLError as e:
            raise PushError(f"cannot reach {endpoint}: {_reason(e.reason)}") from None
        except (ConnectionError, socket.timeout, TimeoutError, OSError) as e:
            raise PushError(f"cannot reach {endpoint}: {_reason(e)}") from None


def http_message(status: int, body_line: str) -> str:
    if status in (401, 403):
        return f"the server refused the credentials (HTTP {status})" + (f": {body_line}" if body_line else "")
    if status == 404:
        return (f"server error HTTP 404: {body_line or 'not found'} "
                "(is --endpoint the server's Graph Store Protocol URL?)")
    return f"server error HTTP {status}: {body_line}".rstrip(": ")


def _first_line(e: urllib.error.HTTPError) -> str:
    try:
        text = e.read(2000).decode("utf-8", "replace")
    except Exception:
        return ""
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return ""


def _reason(r) -> str:
    if isinstance(r, socket.timeout) or isinstance(r, TimeoutError):
        return "timed out"
    return getattr(r, "strerror", None) or str(r)


def main(a: argparse.Namespace) -> int:
    from .store import BuildNotFound
    out = Path(a.output)
    nt = out / "graph.nt"
    if not nt.is_file():
        raise BuildNotFound(f"{out}: no build found (no graph.nt); run `kg build -o {out}` first")
    password = a.password if a.password is not None else os.environ.get("KG_PUSH_PASSWORD")
    token = a.token or os.environ.get("KG_PUSH_TOKEN")
    try:
        headers = auth_header(a.user, password, token)
        t0 = time.time()
        status = push(nt, a.endpoint, a.graph, headers)
    except PushError as e:
        print(f"kg push: {e}", file=sys.stderr)
        return e.code
    n = count_lines(nt)
    print(f"kg push: {n} triples -> graph <{a.graph}> at {a.endpoint} "
          f"(replaced; HTTP {status}, {time.time() - t0:.1f} s)")
    return 0
