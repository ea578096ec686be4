"""The kg command line. Thin: every subcommand parses its options and calls one module."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_OUT = Path("output")


def _out(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT,
                   help="the build directory to write or to work on (default: output/)")


def cmd_build(a: argparse.Namespace) -> int:
    from .build import build
    from .ingest import find_inputs
    inputs = a.inputs or ["data"]
    try:
        find_inputs(inputs)
    except FileNotFoundError as e:
        print(f"kg build: {e}", file=sys.stderr)
        return 2
    s = build(inputs, a.output, vocab_paths=a.vocab, min_confidence=a.min_confidence,
              progress=not a.quiet, views=not a.no_views)
    for e in s.errors:
        print(f"warning: skipped row: {e}", file=sys.stderr)
    if not a.quiet:
        print(f"kg build: {', '.join(map(str, inputs))} -> {a.output}/")
        for line in s.lines():
            print("  " + line)
    if a.strict and s.errors:
        print(f"kg build: --strict: {len(s.errors)} bad row(s)", file=sys.stderr)
        return 1
    return 0


def cmd_eval(a: argparse.Namespace) -> int:
    from .evaluate import main
    return main(a)


def cmd_vocab(a: argparse.Namespace) -> int:
    from .model import TYPES
    from .vocab import Vocabulary
    v = Vocabulary.load(a.vocab)
    if a.action == "check":
        problems = v.check()
        for p in problems:
            print(p)
        counts = {t: sum(c.type == t for c in v.concepts.values()) for t in TYPES}
        print(f"{len(v.concepts)} concepts ({', '.join(f'{k} {n}' for k, n in counts.items())}); "
              f"{len(problems)} problem(s)", file=sys.stderr)
        return 1 if problems else 0
    if a.action == "lookup":
        for label in a.labels:
            c = v.lookup(label)
            print(f"{label}\t{c.iri if c else '-'}\t{c.type if c else ''}\t{c.pref if c else ''}")
        return 0
    return 2


def _lazy(module: str, func: str = "main"):
    def run(a: argparse.Namespace) -> int:
        import importlib
        return getattr(importlib.import_module(f"kg.{module}"), func)(a)
    return run


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kg", description="Build a knowledge graph of tasks, datasets and methods "
                                 "from research-paper digests, query it with SPARQL and explore it.")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="build the graph from digests (default: every digest in data/)")
    b.add_argument("inputs", nargs="*", metavar="FILE_OR_DIR", help="Markdown, CSV or JSON Lines digests, or folders")
    _out(b)
    b.add_argument("--strict", action="store_true", help="exit non-zero when any row is bad")
    b.add_argument("--min-confidence", type=float, default=0.0, metavar="X", help="drop links below this confidence")
    b.add_argument("--vocab", type=Path, nargs="+", help="vocabulary Turtle files instead of ontology/vocab/*.ttl")
    b.add_argument("--no-views", action="store_true", help="skip the HTML views and pictures")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")
    b.set_defaults(func=cmd_build)

    q = sub.add_parser("query", help="run a SPARQL query (text, .rq file or canned query name) over a build")
    q.add_argument("query", nargs="?", help="SPARQL text, a .rq file, or the name of a canned query")
    q.add_argument("--list", action="store_true", help="list the canned queries")
    q.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE", help="canned query parameter")
    q.add_argument("--format", "-f", choices=["table", "csv", "json", "md"], default="table")
    _out(q)
    q.set_defaults(func=_lazy("query"))

    s = sub.add_parser("serve", help="serve the build as a read-only SPARQL endpoint on 127.0.0.1")
    s.add_argument("--port", type=int, default=7878)
    s.add_argument("--timeout", type=int, default=30, help="query timeout in seconds")
    _out(s)
    s.set_defaults(func=_lazy("serve"))

    pu = sub.add_parser("push", help="upload the graph to a SPARQL 1.1 Graph Store Protocol server")
    pu.add_argument("--endpoint", required=True, help="the server's graph store URL (e.g. http://host:3030/ds/data)")
    pu.add_argument("--graph", default="https://w3id.org/kg-digest/graph", help="the named graph to replace")
    pu.add_argument("--user")
    pu.add_argument("--password")
    pu.add_argument("--token", help="bearer token")
    _out(pu)
    pu.set_defaults(func=_lazy("push"))

    v = sub.add_parser("view", help="write one view: the whole graph, overlap views, or an entity's neighbourhood")
    v.add_argument("kind", choices=["graph", "overlap", "matrix", "trends", "dataset", "method", "task", "paper", "all"])
    v.add_argument("name", nargs="*", help="the entity (any label) or paper id, for dataset/method/task/paper; "
                                          "for trends, one or more entities")
    v.add_argument("--size", choices=["page", "column"], default="page",
                   help="pictures (SVG, PDF, PNG) for a page (7 in wide) or one column (3.5 in)")
    _out(v)
    v.set_defaults(func=_lazy("viz", "main"))

    e = sub.add_parser("eval", help="score the build's links against a gold file")
    e.add_argument("gold", type=Path)
    e.add_argument("--errors", action="store_true", help="list every false positive and miss")
    e.add_argument("--json", action="store_true")
    _out(e)
    e.set_defaults(func=cmd_eval)

    vc = sub.add_parser("vocab", help="lint or look up the vocabulary")
    vc.add_argument("action", choices=["check", "lookup"])
    vc.add_argument("labels", nargs="*")
    vc.add_argument("--vocab", type=Path, nargs="+")
    vc.set_defaults(func=cmd_vocab)
    return ap


def main(argv: list[str] | None = None) -> int:
    a = parser().parse_args(argv)
    try:
        return a.func(a)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `kg query ... | head`
        sys.stderr.close()
        return 0
    except Exception as e:  # user-facing errors from the stages
        from .build import BuildInUse
        from .store import BuildNotFound
        if isinstance(e, (BuildNotFound, FileNotFoundError, BuildInUse)):
            print(f"kg {a.command}: {e}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
