"""`kg push`: upload a build's graph to a SPARQL 1.1 Graph Store HTTP Protocol server.

    PUT  {endpoint}?graph={iri}      Content-Type: application/n-triples   first chunk of OUT/graph.nt
    POST {endpoint}?graph={iri}      Content-Type: application/n-triples   each further chunk

PUT replaces the named graph as a whole and POST adds to it, so pushing twice leaves the same
content, and nothing outside that graph is touched.  The file is sent in chunks of --chunk triples
(whole lines, streamed from disk, never read into memory); a graph with blank nodes goes in one
request, since a blank node cannot span requests.  Works with any Graph Store Protocol server:
Fuseki (http://host:3030/DATASET/data), GraphDB (http://host:7200/repositories/REPO/rdf-graphs/service),
Oxigraph (http://host:7878/store), Virtuoso (http://host:8890/sparql-graph-crud-auth, which takes
the graph as ?graph-uri= and wants HTTP Digest authentication), QLever, ...

Credentials: --user/--password (HTTP Basic, or Digest when the server asks for it: the server's
challenge is fetched with a body-less HEAD request first, so the graph is sent once, signed) or
--token (Bearer); the password and token can also come from the KG_PUSH_PASSWORD / KG_PUSH_TOKEN
environment variables, which keeps them out of `ps`.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

NT = "application/n-triples"
TIMEOUT = 60  # seconds: connecting, and then without progress on the connection
CHUNK = 100_000  # triples per request
_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^<>"{}|^`\\\s]*$')


class PushError(Exception):
    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def check_graph(graph: str) -> str:
    if not graph or not _IRI.match(graph):
        raise PushError(f"--graph {graph!r}: expected an absolute IRI such as https://example.org/graph "
                        "(no spaces, <, >, quotes or braces)", 2)
    return graph


def graph_param(endpoint: str, choice: str = "auto") -> str:
    """The query parameter naming the graph: the standard `graph`, or Virtuoso's `graph-uri`."""
    if choice != "auto":
        return choice
    path = urllib.parse.urlsplit(endpoint).path.rstrip("/")
    return "graph-uri" if path.endswith(("/sparql-graph-crud", "/sparql-graph-crud-auth")) else "graph"


def graph_url(endpoint: str, graph: str, param: str = "graph") -> str:
    """The Graph Store Protocol URL of GRAPH (indirect identification: ?graph=IRI)."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"--endpoint {endpoint!r}: expected an http:// or https:// URL", 2)
    query = urllib.parse.urlencode({param: graph})
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


# ---------------------------------------------------------------- HTTP Digest (RFC 7616)


def parse_challenge(header: str) -> dict[str, str] | None:
    """The parameters of a `Digest ...` WWW-Authenticate challenge, or None."""
    m = re.search(r"(?i)\bdigest\s+(.*)", header)
    if not m:
        return None
    items = urllib.request.parse_http_list(m.group(1))
    chal = urllib.request.parse_keqv_list([i for i in items if "=" in i])
    return {k.lower(): v for k, v in chal.items()}


class Digest:
    """Signs requests with the answer to one Digest challenge (nc counts up per request)."""

    def __init__(self, chal: dict[str, str], user: str, password: str):
        self.chal, self.user, self.password, self.nc = chal, user, password, 0
        alg = chal.get("algorithm", "MD5").upper()
        self.sess = alg.endswith("-SESS")
        base = alg[:-5] if self.sess else alg
        if base not in ("MD5", "SHA-256"):
            raise PushError(f"the server asks for Digest algorithm {alg}, which kg push does not support")
        self.alg = alg
        self.h = (lambda s: hashlib.md5(s.encode("utf-8")).hexdigest()) if base == "MD5" else \
            (lambda s: hashlib.sha256(s.encode("utf-8")).hexdigest())

    def header(self, method: str, url: str) -> str:
        parts = urllib.parse.urlsplit(url)
        uri = parts.path + (f"?{parts.query}" if parts.query else "")
        c = self.chal
        realm, nonce = c.get("realm", ""), c.get("nonce", "")
        self.nc += 1
        cnonce = os.urandom(8).hex()
        ha1 = self.h(f"{self.user}:{realm}:{self.password}")
        if self.sess:
            ha1 = self.h(f"{ha1}:{nonce}:{cnonce}")
        ha2 = self.h(f"{method}:{uri}")
        qops = [q.strip() for q in c.get("qop", "").split(",") if q.strip()]
        fields = [f'username="{self.user}"', f'realm="{realm}"', f'nonce="{nonce}"', f'uri="{uri}"',
                  f"algorithm={self.alg}"]
        if "auth" in qops:
            nc = f"{self.nc:08x}"
            response = self.h(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")
            fields += ["qop=auth", f"nc={nc}", f'cnonce="{cnonce}"']
        else:
            response = self.h(f"{ha1}:{nonce}:{ha2}")
        fields.append(f'response="{response}"')
        if "opaque" in c:
            fields.append(f'opaque="{c["opaque"]}"')
        return "Digest " + ", ".join(fields)


# ---------------------------------------------------------------- chunks of the file


def count_lines(path: Path) -> int:
    n = 0
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            n += block.count(b"\n")
    return n


def chunks(path: Path, lines_per_chunk: int) -> tuple[list[tuple[int, int, int]], bool]:
    """([(start byte, end byte, lines)], has blank nodes) of PATH cut at line ends; one pass, streamed."""
    out, start, pos, n, bnodes = [], 0, 0, 0, False
    with open(path, "rb") as f:
        for line in f:
            if not bnodes and (line.startswith(b"_:") or b" _:" in line):
                bnodes = True
            pos += len(line)
            n += 1
            if n == lines_per_chunk:
                out.append((start, pos, n))
                start, n = pos, 0
    if n or not out:
        out.append((start, pos, n))
    return out, bnodes


class _Range:
    """A read-only view of bytes [START, END) of a file, read in blocks (an HTTP request body)."""

    def __init__(self, path: Path, start: int, end: int):
        self.f = open(path, "rb")
        self.f.seek(start)
        self.left = end - start

    def read(self, n: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        n = self.left if n is None or n < 0 else min(n, self.left)
        b = self.f.read(n)
        self.left -= len(b)
        return b

    def close(self) -> None:
        self.f.close()


# ---------------------------------------------------------------- push


def _request(method: str, url: str, headers: dict[str, str], body=None, timeout: float = TIMEOUT):
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    return urllib.request.urlopen(req, timeout=timeout)


def push(ntriples: Path, endpoint: str, graph: str, headers: dict[str, str] | None = None,
         timeout: float = TIMEOUT, chunk: int = CHUNK, param: str = "auto",
         user: str | None = None, password: str | None = None) -> tuple[int, int]:
    """Replace GRAPH at ENDPOINT with the N-Triples file; (last HTTP status, requests). Raises PushError."""
    url = graph_url(endpoint, check_graph(graph), graph_param(endpoint, param))
    headers = dict(headers or {})
    digest = None
    try:
        if "Authorization" not in headers or user is not None:
            # ask first, without a body: a server that wants Digest (or any credentials) says so
            digest = _challenge(url, timeout, user, password or "", headers)
            if digest is not None:
                headers.pop("Authorization", None)
        pieces, bnodes = chunks(ntriples, chunk if chunk and chunk > 0 else 1 << 62)
        if bnodes and len(pieces) > 1:  # blank nodes must stay in one document
            size = ntriples.stat().st_size
            pieces = [(0, size, sum(p[2] for p in pieces))]
        status, done = 0, 0
        for i, (start, end, n) in enumerate(pieces):
            method = "PUT" if i == 0 else "POST"
            h = {"Content-Type": NT, "Content-Length": str(end - start), "Accept": "*/*",
                 "User-Agent": "kg-push", **headers}
            if digest is not None:
                h["Authorization"] = digest.header(method, url)
            body = _Range(ntriples, start, end)
            try:
                with _request(method, url, h, body, timeout) as resp:
                    status = resp.status
            finally:
                body.close()
            done += n
        return status, len(pieces)
    except urllib.error.HTTPError as e:
        msg = http_message(e.code, _first_line(e), user is not None or "Authorization" in headers,
                           e.headers.get("WWW-Authenticate", ""))
    except urllib.error.URLError as e:
        if isinstance(e.reason, (BrokenPipeError, ConnectionResetError)):
            msg = (f"{endpoint} closed the connection while the graph was being sent ({_reason(e.reason)}): "
                   "it may want credentials, or limit the size of a request (try a smaller --chunk)")
        else:
            msg = f"cannot reach {endpoint}: {_reason(e.reason, timeout)}"
    except (BrokenPipeError, ConnectionResetError) as e:
        msg = (f"{endpoint} closed the connection while the graph was being sent ({_reason(e, timeout)}): "
               "it may want credentials, or limit the size of a request (try a smaller --chunk)")
    except (ConnectionError, socket.timeout, TimeoutError, OSError) as e:
        msg = f"cannot reach {endpoint}: {_reason(e, timeout)}"
    if "done" in locals() and done:
        msg += f" (after {done} triples were stored: the graph is incomplete; push again)"
    raise PushError(msg)


def _challenge(url: str, timeout: float, user: str | None, password: str,
               headers: dict[str, str] | None = None) -> Digest | None:
    """Body-less HEAD requests before the upload: does the server want credentials, of which kind,
    and does it take ours?  (A server that refuses a request may close the connection before it has
    read the body, so the answer would be lost under a large upload.)"""
    base = {"User-Agent": "kg-push", "Accept": "*/*"}
    digest = None
    try:
        with _request("HEAD", url, base, None, timeout):
            pass
    except urllib.error.HTTPError as e:
        if e.code != 401:
            return None  # HEAD not supported, or not found: the upload says what is wrong
        challenge = ", ".join(e.headers.get_all("WWW-Authenticate") or [])
        if user is None:
            raise PushError(http_message(401, "", False, challenge)) from None
        chal = parse_challenge(challenge)
        if chal is not None:
            digest = Digest(chal, user, password)
    if user is None:
        return None
    auth = {"Authorization": digest.header("HEAD", url)} if digest else dict(headers or {})
    try:
        with _request("HEAD", url, {**base, **auth}, None, timeout):
            pass
    except urllib.error.HTTPError as e:
        if e.code in (401, 403):
            raise PushError(http_message(e.code, "")) from None
    return digest


def http_message(status: int, body_line: str, gave_credentials: bool = True, challenge: str = "") -> str:
    if status in (401, 403):
        if not gave_credentials:
            scheme = challenge.split()[0] if challenge.strip() else ""
            return (f"the server wants credentials (HTTP {status}"
                    + (f", {scheme} authentication" if scheme else "") + "); give --user and --password "
                    "(or KG_PUSH_PASSWORD), or --token")
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
    text = re.sub(r"<[^>]*>", " ", text)  # an HTML error page: its text
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())[:300]
    return ""


def _reason(r, timeout: float = TIMEOUT) -> str:
    if isinstance(r, socket.timeout) or isinstance(r, TimeoutError):
        return f"no answer within {timeout:g} s (--timeout)"
    return getattr(r, "strerror", None) or str(r)


def main(a: argparse.Namespace) -> int:
    from .serve import check_build
    from .store import BuildNotFound
    out = Path(a.output)
    nt = out / "graph.nt"
    if not nt.is_file():
        raise BuildNotFound(f"{out}: no build found (no graph.nt); run `kg build -o {out}` first")
    check_build(out, "push")
    password = a.password if a.password is not None else os.environ.get("KG_PUSH_PASSWORD")
    token = a.token or os.environ.get("KG_PUSH_TOKEN")
    timeout = getattr(a, "timeout", TIMEOUT) or TIMEOUT
    try:
        if timeout <= 0:
            raise PushError(f"--timeout {timeout}: expected a number of seconds above 0", 2)
        headers = auth_header(a.user, password, token)
        t0 = time.time()
        status, requests = push(nt, a.endpoint, a.graph, headers, timeout=timeout,
                                chunk=getattr(a, "chunk", CHUNK), param=getattr(a, "graph_param", "auto"),
                                user=a.user, password=password)
    except PushError as e:
        print(f"kg push: {e}", file=sys.stderr)
        return e.code
    n = count_lines(nt)
    print(f"kg push: {n} triples -> graph <{a.graph}> at {a.endpoint} "
          f"(replaced; {requests} request{'s' if requests != 1 else ''}, HTTP {status}, {time.time() - t0:.1f} s)")
    return 0
