"""`kg query`: SPARQL over a build's persistent Oxigraph store.

A query is SPARQL text, a .rq file, or the name of a canned query (kg/queries/NAME.rq).  A canned
query starts with comment lines that describe it and its parameters:

    # description: papers that use or introduce a dataset
    # param: dataset = the dataset: any label or acronym, in any language

and refers to each parameter NAME as the variable ``?_NAME``.  Running it replaces every ``?_NAME``
with the value given by ``--param NAME=VALUE`` written as an escaped SPARQL string literal, so a
value is always data and never query text.  Parameters work the same way in .rq files and inline
queries.

Results: SELECT as an aligned table, CSV, SPARQL 1.1 results JSON or a Markdown table; ASK as
true/false; CONSTRUCT and DESCRIBE as Turtle (table, md), N-Triples (csv) or JSON-LD (json).
"""
from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import (BlankNode, Literal, NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions,
                        QueryTriples,
                        RdfFormat, serialize)

QUERIES_DIR = Path(__file__).parent / "queries"
MAX_CELL = 60  # display columns of a table cell before it is cut (table format only)

_HEADER = re.compile(r"^#\s*(description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.*)$")
_DEFAULT = re.compile(r"\(default:\s*(.*?)\)\s*$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_UPDATE = re.compile(r"^\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)


class QueryError(Exception):
    """A user error: bad query, unknown canned query or parameter. Printed without a traceback."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


@dataclass
class Param:
    name: str
    description: str
    default: str | None = None


@dataclass
class Canned:
    name: str
    path: Path
    description: str = ""
    params: list[Param] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def parse_header(text: str) -> tuple[str, list[Param]]:
    """The description and parameters declared by a query's leading comment lines."""
    description, params = "", []
    for line in text.splitlines():
        if not line.strip():
            continue
        if not line.lstrip().startswith("#"):
            break
        m = _HEADER.match(line.strip())
        if not m:
            continue
        if m.group(1) == "description":
            description = m.group(2)
        else:
            pm = _PARAM.match(m.group(2))
            if pm:
                d = _DEFAULT.search(pm.group(2))
                params.append(Param(pm.group(1), pm.group(2), d.group(1) if d else None))
    return description, params


def canned_queries(directory: Path = QUERIES_DIR) -> dict[str, Canned]:
    out = {}
    for path in sorted(directory.glob("*.rq")):
        description, params = parse_header(path.read_text(encoding="utf-8"))
        out[path.stem] = Canned(path.stem, path, description, params)
    return out


def sparql_literal(value: str) -> str:
    """VALUE as a SPARQL string literal, escaped so that it can never end the string early."""
    esc = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
           .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{esc}"'


# Where a ?_NAME is not a parameter: strings, IRIs and comments (matched first, and left as they are)
_LONG_DQ = r'"""(?:[^"\\]|\\.|"(?!""))*"""'
_LONG_SQ = r"'''(?:[^'\\]|\\.|'(?!''))*'''"
_DQ = r'"(?:[^"\\\n]|\\.)*"'
_SQ = r"'(?:[^'\\\n]|\\.)*'"
_IRI = r'<[^<>"{}|^`\\\s]*>'
_COMMENT = r'#[^\n]*'
_VAR = r'[?$]_([A-Za-z][A-Za-z0-9_]*)\b'
_TOKENS = re.compile('|'.join((_LONG_DQ, _LONG_SQ, _DQ, _SQ, _IRI, _COMMENT, _VAR)))


def placeholders(text: str) -> set[str]:
    """The parameter names a query uses as ?_NAME (outside strings, IRIs and comments)."""
    return {m.group(1) for m in _TOKENS.finditer(text) if m.group(1)}


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def bind(text: str, values: dict[str, str], declared: list[Param] | None = None) -> str:
    """TEXT with every ?_NAME replaced by VALUES[NAME] as a literal (or the parameter's default)."""
    used = placeholders(text)
    names = {p.name for p in declared or []} | used
    unknown = sorted(set(values) - names)
    if unknown:
        known = ", ".join(sorted(names)) or "none"
        raise QueryError(f"unknown parameter {', '.join(unknown)} (this query takes: {known})")
    full = {p.name: p.default for p in declared or [] if p.default is not None}
    full.update(values)
    missing = sorted(n for n in used if n not in full)
    if missing:
        hint = " ".join(f"--param {n}=..." for n in missing)
        raise QueryError(f"missing parameter {', '.join(missing)}: give {hint}")
    return _TOKENS.sub(lambda m: sparql_literal(full[m.group(1)]) if m.group(1) else m.group(0), text)


def parse_params(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise QueryError(f"--param {item!r}: expected NAME=VALUE")
        out[name.strip()] = value.strip()
    return out


def resolve(query: str | None, params: dict[str, str]) -> tuple[str, str]:
    """(SPARQL text with parameters bound, a short name for messages) for a query argument."""
    if query is None:
        raise QueryError("give SPARQL text, a .rq file or a canned query name (see `kg query --list`)")
    if query == "-":
        text = sys.stdin.read()
        return bind(text, params, parse_header(text)[1]), "<stdin>"
    path = Path(query)
    if query.endswith(".rq") or ("\n" not in query and len(query) < 4096 and path.is_file()):
        if not path.is_file():
            raise QueryError(f"{query}: no such query file")
        text = path.read_text(encoding="utf-8")
        return bind(text, params, parse_header(text)[1]), str(path)
    if _NAME.match(query):
        canned = canned_queries()
        if query not in canned:
            raise QueryError(f"unknown canned query {query!r}; `kg query --list` shows them: "
                             + ", ".join(canned))
        c = canned[query]
        return bind(c.text, params, c.params), query
    return bind(query, params), "query"


def run(store, text: str):
    """Execute TEXT on STORE; SyntaxError becomes a QueryError with line and column."""
    from .graph import PREFIXES
    try:
        return store.query(text, prefixes=PREFIXES)
    except SyntaxError as e:
        raise QueryError(syntax_message(text, str(e))) from None
    except OSError as e:
        raise QueryError(f"query failed: {e}", code=1) from None


def syntax_message(text: str, message: str) -> str:
    m = re.match(r"error at (\d+):(\d+):\s*(.*)", message, re.S)
    if not m:
        return f"syntax error: {message}"
    line, col, rest = int(m.group(1)), int(m.group(2)), m.group(3).strip()
    if _is_update(text):
        rest = "this is a SPARQL update; kg query only runs queries (SELECT, ASK, CONSTRUCT, DESCRIBE)"
    elif "Prefix not found" in rest:
        lines = text.splitlines()
        src = lines[line - 1] if 1 <= line <= len(lines) else ""
        toks = [m for m in re.finditer(r"(?<![\w<])([A-Za-z][\w.-]*)?:", src) if m.start() <= col - 1]
        name = f" '{toks[-1].group(0)}'" if toks else ""
        rest = f"unknown prefix{name} (declare it with PREFIX, or use one of: {_known_prefixes()})"
    elif len(rest) > 200:
        rest = rest[:200].rstrip() + "..."
    lines = text.splitlines()
    where = ""
    if 1 <= line <= len(lines):
        src = lines[line - 1]
        where = f"\n  {src}\n  {' ' * max(col - 1, 0)}^"
    return f"syntax error at line {line}, column {col}: {rest}{where}"


def _is_update(text: str) -> bool:
    body = re.sub(r"(?im)^\s*(PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*", "", _strip_comments(text))
    return bool(_UPDATE.match(body))


def _known_prefixes() -> str:
    from .graph import PREFIXES
    return ", ".join(f"{p}:" for p in PREFIXES)


# ---------------------------------------------------------------- formatting


def term_text(term, short: bool) -> str:
    """A cell: IRIs shortened with the kg prefixes when SHORT, literals as their lexical form."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return shorten(term.value) if short else term.value
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return str(term)


_LOCAL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")


def shorten(iri: str) -> str:
    from .graph import PREFIXES
    best = None
    for p, ns in PREFIXES.items():
        if iri.startswith(ns) and (best is None or len(ns) > len(PREFIXES[best])):
            local = iri[len(ns):]
            if _LOCAL.match(local) and not local.endswith("."):
                best = p
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else f"<{iri}>"


def width(s: str) -> int:
    """Display columns of S in a terminal: East Asian wide characters count two."""
    if s.isascii():
        return len(s)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in s)


def cut(s: str, limit: int) -> str:
    if len(s) * 2 <= limit or width(s) <= limit:
        return s
    out, w = [], 0
    for ch in s:
        cw = width(ch)
        if w + cw > limit - 1:
            break
        out.append(ch)
        w += cw
    return "".join(out) + "…"


def _numeric(term) -> bool:
    return isinstance(term, Literal) and term.datatype.value.startswith("http://www.w3.org/2001/XMLSchema#") \
        and term.datatype.value.rsplit("#", 1)[1] in {"integer", "decimal", "double", "float", "int", "long",
                                                      "nonNegativeInteger", "positiveInteger"}


def rows_of(results: QuerySolutions) -> tuple[list[str], list[list]]:
    names = [v.value for v in results.variables]
    return names, [[sol[n] for n in names] for sol in results]


def format_table(names: list[str], rows: list[list], max_cell: int = MAX_CELL) -> str:
    cells = [[cut(" ".join(term_text(t, True).split()), max_cell) for t in row] for row in rows]
    right = [bool(rows) and all(r[i] is None or _numeric(r[i]) for r in rows) for i in range(len(names))]
    widths = [max([width(n)] + [width(r[i]) for r in cells]) for i, n in enumerate(names)]

    def line(values: list[str]) -> str:
        parts = []
        for i, v in enumerate(values):
            pad = " " * (widths[i] - width(v))
            parts.append(pad + v if right[i] else v + pad)
        return "  ".join(parts).rstrip()

    out = [line(names), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def format_markdown(names: list[str], rows: list[list]) -> str:
    def esc(s: str) -> str:
        return " ".join(s.split()).replace("\\", "\\\\").replace("|", "\\|")

    right = [bool(rows) and all(r[i] is None or _numeric(r[i]) for r in rows) for i in range(len(names))]
    out = ["| " + " | ".join(esc(n) for n in names) + " |",
           "|" + "|".join("---:" if r else "---" for r in right) + "|"]
    for row in rows:
        out.append("| " + " | ".join(esc(term_text(t, True)) for t in row) + " |")
    return "\n".join(out) + "\n"


def format_csv(names: list[str], rows: list[list]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(names)
    for row in rows:
        w.writerow([term_text(t, False) for t in row])
    return buf.getvalue()


def render(results, fmt: str) -> bytes:
    """The results of any query form in format FMT (table, csv, json, md)."""
    from .graph import PREFIXES
    if isinstance(results, QuerySolutions):
        if fmt == "json":
            return results.serialize(format=QueryResultsFormat.JSON) + b"\n"
        names, rows = rows_of(results)
        text = {"table": format_table, "md": format_markdown, "csv": format_csv}[fmt](names, rows)
        return text.encode("utf-8")
    if isinstance(results, QueryBoolean):
        if fmt == "json":
            return results.serialize(format=QueryResultsFormat.JSON) + b"\n"
        return (b"true\n" if bool(results) else b"false\n")
    # CONSTRUCT / DESCRIBE
    triples = list(results)
    if fmt == "json":
        return serialize(triples, format=RdfFormat.JSON_LD) + b"\n"
    if fmt == "csv":
        return serialize(triples, format=RdfFormat.N_TRIPLES)
    used = {ns for t in triples for term in (t.subject, t.predicate, t.object)
            if isinstance(term, NamedNode) for ns in PREFIXES.values() if term.value.startswith(ns)}
    if isinstance(results, QueryTriples) and not triples:
        return b""
    return serialize(triples, format=RdfFormat.TURTLE,
                     prefixes={p: ns for p, ns in PREFIXES.items() if ns in used})


def list_text() -> str:
    canned = canned_queries()
    lines = []
    nw = max(len(n) for n in canned) if canned else 0
    for name, c in canned.items():
        lines.append(f"{name:<{nw}}  {c.description}")
        for p in c.params:
            lines.append(f"{'':<{nw}}    --param {p.name}=...  {p.description}")
    return "\n".join(lines) + "\n"


def execute(out: Path, query: str, params: dict[str, str] | None = None, fmt: str = "table") -> bytes:
    """Resolve, bind and run QUERY on the build in OUT; the rendered results."""
    text, _ = resolve(query, params or {})
    return _execute_text(out, text, fmt)


def _execute_text(out: Path, text: str, fmt: str) -> bytes:
    from .store import open_store
    refuse_service(text)
    store = open_store(out)
    return render(run(store, text), fmt)


def refuse_service(text: str) -> None:
    from .serve import uses_service
    if uses_service(text):
        raise QueryError("SERVICE (a federated query) is not allowed: kg query makes no network requests; "
                         "query the remote endpoint itself with --endpoint URL")


# ---------------------------------------------------------------- a killable child process

DEFAULT_TIMEOUT = 60  # seconds; kg query --timeout


def _child(out: str, text: str, fmt: str, conn, parent: int) -> None:
    import signal
    from .serve import die_with_parent
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which kills this process
    from .store import BuildNotFound
    try:
        conn.send(("ok", _execute_text(Path(out), text, fmt)))
    except QueryError as e:
        conn.send(("error", e.code, str(e)))
    except BuildNotFound as e:
        conn.send(("error", 2, str(e)))
    except MemoryError:
        conn.send(("error", 1, "the query ran out of memory"))


def execute_with_timeout(out: Path, text: str, fmt: str, timeout: float) -> bytes:
    """Run TEXT in a child process that is killed after TIMEOUT seconds (0: none) or on Ctrl-C."""
    import multiprocessing as mp
    import os
    import threading
    # fork is quick; a process with threads (e.g. under a test runner) spawns a fresh interpreter instead
    method = "fork" if hasattr(os, "fork") and threading.active_count() == 1 else "spawn"
    ctx = mp.get_context(method)
    parent_end, child_end = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(str(out), text, fmt, child_end, os.getpid()), daemon=True)
    proc.start()
    child_end.close()
    try:
        if not parent_end.poll(timeout if timeout and timeout > 0 else None):
            raise QueryError(f"the query was stopped after {timeout:g} s (--timeout; 0 = no limit)", 1)
        try:
            msg = parent_end.recv()
        except EOFError:
            raise QueryError(f"the query failed (the query process ended with code {proc.exitcode})", 1) \
                from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent_end.close()
    if msg[0] == "ok":
        return msg[1]
    raise QueryError(msg[2], msg[1])


# ---------------------------------------------------------------- a remote SPARQL endpoint

REMOTE_ACCEPT = {  # by query form; some servers (Virtuoso) answer a CONSTRUCT in JSON if they may
    "graph": "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5",
    "results": "application/sparql-results+json, application/sparql-results+xml;q=0.8"}


def query_form(text: str) -> str:
    """"graph" for CONSTRUCT / DESCRIBE, else "results" (SELECT, ASK)."""
    masked = _TOKENS.sub(lambda m: m.group(0) if m.group(0)[:1] in "?$" else " ", text)
    body = re.sub(r"(?is)^\s*((PREFIX\s+[\w.-]*:\s*|BASE\s*)\s*)*", "", masked)
    m = re.match(r"\s*(\w+)", body)
    return "graph" if m and m.group(1).upper() in ("CONSTRUCT", "DESCRIBE") else "results"


def with_prefixes(text: str) -> str:
    """TEXT with PREFIX lines for the kg prefixes it does not declare (a remote server lacks them)."""
    from .graph import PREFIXES
    declared = {m.group(1) for m in re.finditer(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:", text)}
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in declared]
    return "\n".join(lines + [text]) if lines else text


def remote_results(data: bytes, content_type: str):
    from pyoxigraph import parse, parse_query_results
    ct = content_type.split(";")[0].strip().lower()
    results = {"application/sparql-results+json": QueryResultsFormat.JSON,
               "application/json": QueryResultsFormat.JSON,
               "application/sparql-results+xml": QueryResultsFormat.XML,
               "application/xml": QueryResultsFormat.XML,
               "text/tab-separated-values": QueryResultsFormat.TSV}
    graphs = {"application/n-triples": RdfFormat.N_TRIPLES, "text/plain": RdfFormat.N_TRIPLES,
              "text/turtle": RdfFormat.TURTLE, "application/x-turtle": RdfFormat.TURTLE,
              "application/rdf+xml": RdfFormat.RDF_XML, "application/ld+json": RdfFormat.JSON_LD}
    try:
        if ct in results:
            res = parse_query_results(data, format=results[ct])
            if isinstance(res, QuerySolutions) and [v.value for v in res.variables] == ["__ASK_RETVAL"]:
                # Virtuoso answers ASK as a one-row SELECT of ?__ASK_RETVAL (1 or 0)
                rows = [sol["__ASK_RETVAL"] for sol in res]
                answer = bool(rows) and rows[0] is not None and rows[0].value not in ("0", "false")
                return parse_query_results(b'{"head":{},"boolean":%s}' % (b"true" if answer else b"false"),
                                           format=QueryResultsFormat.JSON)
            return res
        if ct in graphs:
            return list(parse(data, format=graphs[ct]))
    except (SyntaxError, ValueError) as e:
        raise QueryError(f"the endpoint's answer ({ct}) could not be read: {e}", 1) from None
    raise QueryError(f"the endpoint answered with {ct or 'no content type'}, which kg query cannot read", 1)


def execute_remote(endpoint: str, text: str, fmt: str, graph: str | None = None,
                   timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """Run TEXT on the SPARQL 1.1 Protocol endpoint ENDPOINT (POST, form-encoded); the rendered results."""
    import socket
    import time
    import urllib.error
    import urllib.parse
    import urllib.request
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise QueryError(f"--endpoint {endpoint!r}: expected an http:// or https:// URL")
    form = [("query", with_prefixes(text))]
    if graph is not None:
        if not re.match(r'^[A-Za-z][A-Za-z0-9+.-]*:[^<>"{}|^`\\\s]*$', graph):
            raise QueryError(f"--graph {graph!r}: expected an absolute IRI")
        form.append(("default-graph-uri", graph))
    req = urllib.request.Request(endpoint, data=urllib.parse.urlencode(form).encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/x-www-form-urlencoded",
                                          "Accept": REMOTE_ACCEPT[query_form(text)], "User-Agent": "kg-query"})
    wait = timeout if timeout and timeout > 0 else None
    deadline = time.monotonic() + wait if wait else None
    try:
        with urllib.request.urlopen(req, timeout=wait) as r:
            chunks = []
            for block in iter(lambda: r.read(1 << 16), b""):
                chunks.append(block)
                if deadline and time.monotonic() > deadline:
                    raise TimeoutError
            data, ctype = b"".join(chunks), r.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        try:
            body = re.sub(r"<[^>]*>", " ", e.read(4000).decode("utf-8", "replace"))
        except Exception:  # noqa: BLE001
            body = ""
        first = next((" ".join(line.split()) for line in body.splitlines() if line.strip()), "")
        raise QueryError(f"the endpoint answered HTTP {e.code}" + (f": {first[:300]}" if first else ""), 1) \
            from None
    except (socket.timeout, TimeoutError):
        raise QueryError(f"no answer from {endpoint} within {timeout:g} s (--timeout)", 1) from None
    except urllib.error.URLError as e:
        raise QueryError(f"cannot reach {endpoint}: {getattr(e.reason, 'strerror', None) or e.reason}", 1) \
            from None
    except OSError as e:
        raise QueryError(f"cannot reach {endpoint}: {e.strerror or e}", 1) from None
    return render(remote_results(data, ctype), fmt)


def main(a: argparse.Namespace) -> int:
    from .store import BuildNotFound
    try:
        if a.list:
            sys.stdout.write(list_text())
            return 0
        text, _ = resolve(a.query, parse_params(a.param))
        timeout = getattr(a, "timeout", DEFAULT_TIMEOUT)
        endpoint = getattr(a, "endpoint", None)
        if endpoint:
            data = execute_remote(endpoint, text, a.format, getattr(a, "graph", None), timeout)
        else:
            if getattr(a, "graph", None) is not None:
                raise QueryError("--graph needs --endpoint (the local store has the graph as its default graph)")
            refuse_service(text)
            data = execute_with_timeout(a.output, text, a.format, timeout)
    except QueryError as e:
        print(f"kg query: {e}", file=sys.stderr)
        return e.code
    except BuildNotFound as e:
        print(f"kg query: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kg query: stopped", file=sys.stderr)
        return 130
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:  # `kg query ... | head`: stop quietly
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
