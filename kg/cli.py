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
    from .build import BuildError, StrictFailure, build, parse_formats
    from .curate import CurationError
    from .ingest import find_inputs
    inputs = a.inputs or ["data"]
    try:
        find_inputs(inputs)
        formats = parse_formats(a.formats)
    except (FileNotFoundError, BuildError) as e:
        print(f"kg build: {e}", file=sys.stderr)
        return 2
    try:
        s = build(inputs, a.output, vocab_paths=a.vocab, min_confidence=a.min_confidence,
                  progress=not a.quiet, views=not a.no_views, formats=formats, curation=a.curation,
                  cache=not a.no_cache, strict=a.strict)
    except StrictFailure as e:
        for p in e.problems:
            print(f"error: {p}", file=sys.stderr)
        print(f"kg build: {e}", file=sys.stderr)
        return 1
    except (BuildError, CurationError) as e:
        print(f"kg build: {e}", file=sys.stderr)
        return 2
    for e in s.errors:
        print(f"warning: skipped row: {e}", file=sys.stderr)
    if s.curation is not None:
        for msg in s.curation.not_applied:
            print(f"warning: curation not applied: {msg}", file=sys.stderr)
    if not a.quiet:
        print(f"kg build: {', '.join(map(str, inputs))} -> {a.output}/")
        for line in s.lines():
            print("  " + line)
    return 0


def _vocab_file(text: str) -> Path:
    """--vocab FILE: one Turtle file (the option repeats), so a digest after it is not read as Turtle."""
    p = Path(text)
    if p.suffix.lower() != ".ttl":
        raise argparse.ArgumentTypeError(f"{text}: not a Turtle (.ttl) vocabulary file; "
                                         f"give --vocab once per file, digests after the options")
    if not p.is_file():
        raise argparse.ArgumentTypeError(f"{text}: no such file")
    return p


def cmd_eval(a: argparse.Namespace) -> int:
    import json
    from .evaluate import main, paper_key
    links_path, gold_path = Path(a.output) / "links.jsonl", Path(a.gold)
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        papers = {paper_key(json.loads(line).get("paper", ""))
                  for line in links_path.read_text(encoding="utf-8").splitlines() if line.strip()}
    except (OSError, ValueError):
        return main(a)  # its own messages for a missing build or an unreadable gold file
    if not isinstance(gold, dict) or not gold:
        print(f"kg eval: {gold_path}: expected a JSON object of papers (see tests/gold/seed_gold.json)",
              file=sys.stderr)
        return 2
    if not {paper_key(k) for k in gold} & papers:
        print(f"kg eval: none of the {len(gold)} papers of {gold_path} is linked in the build in {a.output}/ "
              f"(gold ids such as {', '.join(sorted(gold)[:3])}); is it the gold file of another digest?",
              file=sys.stderr)
        return 1
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


class _Help(argparse.HelpFormatter):
    """--help shows each option's default (unless its help says it already, or there is none)."""

    def _get_help_string(self, action):
        h = action.help or ""
        d = action.default
        if not (d is None or d is False or d == [] or d is argparse.SUPPRESS) and "default:" not in h \
                and not isinstance(action, argparse._HelpAction):
            h += (" " if h else "") + "(default: %(default)s)"
        return h


def _version() -> str:
    try:
        from importlib.metadata import version
        return version("kg")
    except Exception:
        return "unknown"


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kg", description="Build a knowledge graph of tasks, datasets and methods "
                                 "from research-paper digests, query it with SPARQL and explore it.",
                                 formatter_class=_Help)
    ap.add_argument("--version", action="version", version=f"kg {_version()}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_parser = sub.add_parser

    def add_parser(*args, **kw):  # every subcommand's --help shows the defaults
        kw.setdefault("formatter_class", _Help)
        return _add_parser(*args, **kw)

    sub.add_parser = add_parser

    from .build import DEFAULT_FORMATS, FORMATS
    b = sub.add_parser("build", help="build the graph from digests (default: every digest in data/)",
                       description="Build the graph into OUT atomically: a failed build leaves the previous one.")
    b.add_argument("inputs", nargs="*", metavar="FILE_OR_DIR",
                   help="Markdown, CSV or JSON Lines digests, or folders (default: data)")
    _out(b)
    b.add_argument("--strict", action="store_true",
                   help="fail (exit 1, previous build kept) when any row is bad or a curation no longer applies")
    b.add_argument("--min-confidence", type=float, default=0.0, metavar="X", help="drop links below this confidence")
    b.add_argument("--vocab", type=_vocab_file, action="append", metavar="TTL",
                   help="a vocabulary Turtle file instead of ontology/vocab/*.ttl (repeat for several; default: ontology/vocab/*.ttl)")
    b.add_argument("--formats", metavar="LIST", default=",".join(DEFAULT_FORMATS),
                   help="what to write, comma-separated: " + ", ".join(f"{k} ({v})" for k, v in FORMATS.items())
                   + "; or all, or default,jsonld")
    b.add_argument("--curation", type=Path, metavar="FILE",
                   help="the curation file to apply (default: curation.yaml in the first input folder, e.g. data/curation.yaml)")
    b.add_argument("--no-cache", action="store_true",
                   help="extract every paper again (ignore and do not write OUT/.cache)")
    b.add_argument("--no-views", action="store_true", help="skip the HTML views and pictures")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")
    b.set_defaults(func=cmd_build)

    cu = sub.add_parser("curate", help="correct the links: remove, add, merge, retype (kept in a file every build applies)")
    cs = cu.add_subparsers(dest="action", required=True, metavar="ACTION")

    def _cur(name: str, help: str):
        c = cs.add_parser(name, help=help, formatter_class=_Help)
        c.add_argument("--file", type=Path, metavar="F",
                       help="the curation file (default: the one the build in -o used, else data/curation.yaml)")
        _out(c)
        c.set_defaults(func=_lazy("curate"))
        return c

    c = _cur("remove", "drop the link from a paper to the entity a label names")
    c.add_argument("paper", help="the paper id (arXiv id as in links.jsonl)")
    c.add_argument("label", help="any label of the entity")
    c = _cur("add", "link a paper to an entity (a vocabulary concept, or a new one)")
    c.add_argument("paper")
    c.add_argument("type", choices=["Task", "Dataset", "Method", "Metric"])
    c.add_argument("label")
    c.add_argument("--novel", action="store_true", help="the paper introduces the dataset / proposes the method")
    c = _cur("merge", "make one entity of two: every link to LABEL goes to INTO_LABEL")
    c.add_argument("label")
    c.add_argument("into", metavar="INTO_LABEL")
    c = _cur("retype", "give a discovered entity another type")
    c.add_argument("label")
    c.add_argument("type", choices=["Task", "Dataset", "Method", "Metric"])
    _cur("list", "show the corrections (and which ones the last build could not apply)")

    q = sub.add_parser("query", help="run a SPARQL query (text, .rq file or canned query name) over a build")
    q.add_argument("query", nargs="?", help="SPARQL text, a .rq file, or the name of a canned query")
    q.add_argument("--list", action="store_true", help="list the canned queries")
    q.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE", help="canned query parameter")
    q.add_argument("--format", "-f", choices=["table", "csv", "json", "md"], default="table",
                   help="output format")
    _out(q)
    q.set_defaults(func=_lazy("query"))

    s = sub.add_parser("serve", help="serve the build as a read-only SPARQL endpoint on 127.0.0.1")
    s.add_argument("--port", type=int, default=7878, help="the port on 127.0.0.1")
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
    v.add_argument("kind", choices=["graph", "overlap", "matrix", "dataset", "method", "task", "paper", "all"])
    v.add_argument("name", nargs="?", help="the entity (any label) or paper id, for dataset/method/task/paper")
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
    vc.add_argument("--vocab", type=_vocab_file, action="append", metavar="TTL",
                    help="a vocabulary Turtle file (repeat for several; default: ontology/vocab/*.ttl)")
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
