"""The files a build writes from its graph.nt and its links: Turtle and JSON-LD, links.jsonl,
graph.graphml and the views. Each is a function of files and plain values, so that a large build
runs it beside the others in a fresh process (kg.sidejob); this module does not load the
extraction pipeline.
"""
from __future__ import annotations

import marshal
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from pyoxigraph import Triple

from . import export
from .linkcache import _LINK_FIELDS, _link
from .model import Link, Paper, Version


def write_rdf(nt: Path, out: Path, names: tuple[str, ...]) -> None:
    """Turtle and/or JSON-LD from the N-Triples file, streamed, in the same triple order (read
    leniently: the build wrote the file from validated terms)."""
    from pyoxigraph import RdfFormat, parse, serialize
    from .graph import PREFIXES
    fmts = {"graph.ttl": RdfFormat.TURTLE, "graph.jsonld": RdfFormat.JSON_LD}
    for name in names:
        with open(out / name, "wb") as dst:
            serialize(parse(path=nt, format=RdfFormat.N_TRIPLES, lenient=True), dst, fmts[name], prefixes=PREFIXES)


def write_turtle_blocks(nt: Path, path: Path, blocks: dict, entity_block: tuple[int, int],
                         old_path: Path, old: dict | None) -> dict:
    """graph.ttl, one block per paper block of graph.nt (the Turtle of the whole stream is the
    prefixes and then the Turtle of each block, byte for byte), copying the blocks the previous
    graph.ttl has (old: its index, valid for it when its size and mtime match); returns the index."""
    import hashlib
    import os
    from pyoxigraph import NamedNode, RdfFormat, parse, serialize
    from .cache import FileBytes
    from .graph import PREFIXES
    TTL, NT = RdfFormat.TURTLE, RdfFormat.N_TRIPLES
    probe = NamedNode("http://example.org/kg-probe")
    one = serialize([Triple(probe, probe, probe)], None, TTL, prefixes=PREFIXES)
    head = one[:one.index(b"<http://example.org/kg-probe>")]
    prev = None
    if old is not None:
        try:
            st = os.stat(old_path)
            if (st.st_size, st.st_mtime_ns) == (old["size"], old["mtime_ns"]):
                prev = FileBytes(old_path)
        except (OSError, KeyError, ValueError):
            prev = None
    old_blocks = old["blocks"] if prev is not None else {}
    index: dict[bytes, tuple[int, int]] = {}
    pos = 0
    src = FileBytes(nt)
    with open(path, "wb") as dst:
        if blocks or entity_block[1]:  # (the Turtle of no triples is empty: no prefixes either)
            dst.write(head)
            pos = len(head)
        items = list(blocks.items())
        items.append((hashlib.sha1(src[entity_block[0]:entity_block[0] + entity_block[1]]).digest(), entity_block))
        for key, (o, n) in items:
            r = old_blocks.get(key)
            if r is not None:
                b = prev[r[0]:r[0] + r[1]]
            elif n:
                t = serialize(parse(input=src[o:o + n], format=NT, lenient=True), None, TTL, prefixes=PREFIXES)
                b = t[len(head):]
            else:
                b = b""
            dst.write(b)
            index[key] = (pos, len(b))
            pos += len(b)
    st = os.stat(path)
    return {"blocks": index, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def rows_and_views(linked, entities, vocabulary, out: Path, formats: tuple[str, ...],
                   keys: list[bytes], previous: Path | None = None, cache: bool = True,
                   labels: dict | None = None) -> list[Path] | None:
    """links.jsonl and graph.graphml paper by paper (export.write_link_files: a paper's blocks
    unchanged since the previous build's files are copied), then the views from the records of
    the links (export.graph_link_rows); None, and nothing written, when the records must be read
    from the store. labels: export.row_labels of the links, when made already (entities and
    vocabulary are not read then)."""
    if "links" in formats or "graphml" in formats:
        from .cache import LinkFileBlocks, linkfiles_version
        version = linkfiles_version()
        old = LinkFileBlocks(previous, version) if previous is not None else None
        index = export.write_link_files(linked, entities, vocabulary, keys, old,
                                        out / "links.jsonl" if "links" in formats else None,
                                        out / "graph.graphml" if "graphml" in formats else None, labels)
        if index is None:
            for name in ("links.jsonl", "graph.graphml"):
                (out / name).unlink(missing_ok=True)
            return None
        if cache:
            LinkFileBlocks.save(out, version, index)
    if "views" not in formats:
        return []
    rows = export.graph_link_rows(linked, entities, vocabulary, labels)
    if rows is None:
        return None
    summaries = {p.iri: p.latest.summary for p, _ in linked if p.latest.summary}
    issued = {p.iri: p.date for p, _ in linked if p.date}  # the views' months (dcterms:issued)
    return links_views(rows, summaries, out, ("views",), issued)  # (links.jsonl and GraphML are written)


def links_views(rows: Iterable[dict], summaries: dict[str, str] | None, out: Path, formats: tuple[str, ...],
                issued: dict[str, str] | None = None) -> list[Path]:
    """graph.graphml, links.jsonl and the default views, as chosen; returns the views' files."""
    if "graphml" in formats:
        export.write_graphml(rows, out / "graph.graphml")
    if "links" in formats:
        export.write_links(rows, out / "links.jsonl")
    if "views" not in formats:
        return []
    from .viz import build_views
    from .viz.data import Data
    return build_views(out, None if summaries is None else Data.from_rows(rows, summaries, issued))


# --- the papers and links the views need, for a process of their own --------------------------

def write_linked(fh, paper: Paper, links: list[Link]) -> None:
    """Append what rows_and_views reads of a paper and its links to the (binary) file fh (marshal
    version 4: a string its links share, such as the paper's IRI or a sentence that is the
    evidence of two links, is written once and shared again when read)."""
    marshal.dump((paper.key, paper.iri, paper.latest.title, paper.latest.summary, paper.date,
                  tuple(tuple(map(lk.__dict__.__getitem__, _LINK_FIELDS)) for lk in links)), fh, 4)


def read_linked(path: Path) -> Iterator[tuple[Paper, list[Link]]]:
    """The pairs write_linked wrote: each paper with one version holding its title, summary and
    date (what the link files and the views read of it)."""
    with open(path, "rb") as fh:
        while True:
            try:
                key, iri, title, summary, date, links = marshal.load(fh)
            except EOFError:
                return
            # (an entity's IRI interned: one string for all the links to it)
            yield (Paper(key, iri, [Version("", title, summary, "", "", 0, date=date)]),
                   [_link((v[0], sys.intern(v[1])) + v[2:]) for v in links])


def rows_and_views_from(path: Path, labels: dict, out: Path, formats: tuple[str, ...], keys: list[bytes],
                        previous: Path | None = None, cache: bool = True) -> list[Path] | None:
    """rows_and_views of the pairs in the file write_linked wrote (in a fresh process)."""
    return rows_and_views(list(read_linked(path)), None, None, out, formats, keys, previous, cache, labels)
