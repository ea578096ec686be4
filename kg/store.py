"""The persistent embedded triple store of a build (Oxigraph, in OUT/store) and SPARQL over it."""
from __future__ import annotations

import shutil
from pathlib import Path

from pyoxigraph import RdfFormat, Store

STORE_DIR = "store"
LOAD_BLOCK = 16 << 20  # bytes of N-Triples given to Oxigraph's bulk loader at a time


class BuildNotFound(Exception):
    pass


def store_path(out: Path) -> Path:
    return Path(out) / STORE_DIR


def create_store(out: Path, ntriples: Path) -> int:
    """(Re)create OUT/store from the build's N-Triples file; returns the number of triples.

    Loaded leniently (no IRI validation): the build wrote the file from validated terms.
    """
    path = store_path(out)
    if path.exists():
        shutil.rmtree(path)
    store = Store(str(path))
    # block by block: the bulk loader holds what it is given in memory (1 GB for 1.2M triples in
    # one call, 160 MB per 16 MB block), about as fast
    with open(ntriples, "rb") as fh:
        rest = b""
        while block := fh.read(LOAD_BLOCK):
            block = rest + block
            cut = block.rfind(b"\n") + 1
            rest = block[cut:]
            if cut:
                store.bulk_load(block[:cut], RdfFormat.N_TRIPLES, lenient=True)
        if rest.strip():
            store.bulk_load(rest, RdfFormat.N_TRIPLES, lenient=True)
    store.optimize()
    n = len(store)
    del store
    return n


def open_store(out: Path, read_only: bool = True) -> Store:
    path = store_path(out)
    if not path.exists():
        raise BuildNotFound(f"{out}: no build found (no {STORE_DIR}/ directory); run `kg build -o {out}` first")
    return Store.read_only(str(path)) if read_only else Store(str(path))
