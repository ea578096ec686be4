"""The extraction cache of a build: what extraction found in each paper, so that a rebuild of
inputs built before extracts only the papers that are new or changed.

It lives in OUT/.cache/extract/VERSION/ as pickle packs (one per build that added entries),
next to the build it belongs to and carried over by every build into the next one (hard links,
no copying). A paper's entry is keyed by a hash of its texts (every version's title and
summary); VERSION is a hash of everything extraction depends on besides them: the extraction
code (kg/nlp.py, kg/extract.py or the kg/extract/ package, kg/vocab.py, kg/model.py), the
vocabulary files and the rule and lexicon files under ontology/. Changing any of these starts an
empty cache, so nothing stale is ever read. Linking is corpus-level; kg.linkcache reuses a
paper's links only where what it read of the corpus-level state is unchanged.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
from collections.abc import Iterable
from pathlib import Path

from .model import Paper
from .vocab import ontology_dir

CACHE_DIR = ".cache"
KIND = "extract"
PACK_FORMAT = 2  # bump when the pack layout changes (2: a paper's mentions are one kg.spill blob)


def _hash_files(h, files: Iterable[Path], root: Path | None = None) -> None:
    for f in files:
        name = f.relative_to(root).as_posix() if root and f.is_relative_to(root) else f.name
        h.update(name.encode() + b"\0" + f.read_bytes() + b"\0")


def vocabulary_files(vocab_paths: list[Path] | None) -> list[Path]:
    return [Path(p) for p in vocab_paths] if vocab_paths else sorted((ontology_dir() / "vocab").glob("*.ttl"))


def vocabulary_hash(vocab_paths: list[Path] | None) -> str:
    h = hashlib.sha256()
    _hash_files(h, vocabulary_files(vocab_paths))
    return h.hexdigest()


def source_files() -> list[Path]:
    here = Path(__file__).resolve().parent
    files = [here / "nlp.py", here / "vocab.py", here / "model.py"]
    files += sorted((here / "extract").rglob("*.py")) if (here / "extract").is_dir() else [here / "extract.py"]
    return [f for f in files if f.is_file()]


def rule_files() -> list[Path]:
    onto = ontology_dir()
    out: list[Path] = []
    for sub in ("rules", "lexicon"):
        d = onto / sub
        if d.is_dir():
            out += sorted(f for f in d.rglob("*") if f.is_file())
    return out


def extractor_version(vocab_paths: list[Path] | None) -> str:
    """Hash of what extraction depends on besides the papers' texts."""
    h = hashlib.sha256(f"kg-extract-cache {PACK_FORMAT}\n".encode())
    here = Path(__file__).resolve().parent
    _hash_files(h, source_files(), here)
    _hash_files(h, rule_files(), ontology_dir())
    h.update(b"vocabulary\0")
    _hash_files(h, vocabulary_files(vocab_paths))
    return h.hexdigest()


def paper_key(paper: Paper) -> str:
    """Hash of what extraction reads of a paper: its texts (and its title)."""
    blob = json.dumps([paper.title, paper.texts()], ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


class ExtractCache:
    """Mentions per paper key, read from OUT/.cache; new entries are written into a new build."""

    def __init__(self, out: Path | None, version: str, enabled: bool = True):
        self.version, self.enabled = version, enabled
        self.packs: list[Path] = []
        self.entries: dict[str, bytes] = {}  # key -> the mentions (kg.spill.encode)
        self.new: dict[str, bytes] = {}
        self.used: set[str] = set()
        self.hits = self.misses = 0
        if enabled and out is not None:
            for pack, data in read_packs(Path(out) / CACHE_DIR / KIND / version[:24]):
                self.packs.append(pack)
                self.entries.update(data)

    def get(self, key: str) -> bytes | None:
        """The paper's mentions (a kg.spill blob), or None."""
        v = self.entries.get(key)
        if v is None:
            v = self.new.get(key)
        if v is None:
            return None
        self.used.add(key)
        return v

    def put(self, key: str, blob: bytes) -> None:
        if self.enabled:
            self.new[key] = blob
            self.used.add(key)

    def release(self) -> None:
        """Drop the entries (once saved): only the counts are read after that."""
        self.entries, self.new, self.used, self.packs = {}, {}, set(), []

    def save(self, out: Path) -> None:
        """Write the cache into the (new) build folder out: the old packs still used are hard-linked,
        the new entries make one new pack; when most cached entries are no longer used, the used
        ones are written into one pack instead (so the cache does not grow without end)."""
        if not self.enabled:
            return
        write_packs(Path(out) / CACHE_DIR / KIND / self.version[:24], self.packs, self.entries, self.used, self.new)


def read_packs(d: Path) -> list[tuple[Path, dict]]:
    """The packs of a cache folder, in order; a damaged pack is skipped (only a slower build)."""
    out = []
    for pack in sorted(d.glob("pack-*.pkl")) if d.is_dir() else []:
        try:
            with open(pack, "rb") as fh:
                data = pickle.load(fh)
        except Exception:
            continue
        if isinstance(data, dict):
            out.append((pack, data))
    return out


def write_packs(d: Path, packs: list[Path], entries: dict, used: set, new: dict) -> None:
    """Write a cache into the (new) build's folder d: the old packs are hard-linked and the new entries
    make one new pack; when most old entries are no longer used, the used ones and the new ones make
    one pack instead (so the cache does not grow without end)."""
    d.mkdir(parents=True, exist_ok=True)
    old_used = sum(1 for k in used if k in entries)
    if entries and old_used * 2 < len(entries):  # compact
        data = {k: entries[k] for k in sorted(used) if k in entries}
        data.update(new)
        _dump(data, d / "pack-000000.pkl")
        return
    for n, pack in enumerate(packs):
        _link_or_copy(pack, d / f"pack-{n:06d}.pkl")
    if new:
        _dump(dict(sorted(new.items())), d / f"pack-{len(packs):06d}.pkl")


def _dump(data: dict, path: Path) -> None:
    with open(path, "wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


class FileBytes:
    """The bytes of a file, sliced as bytes are (f[a:b]) and read when sliced (os.pread). A map of
    the file (mmap) would do the same, but every page read through a map counts in the process's
    memory: the whole graph.nt of an archive (1.4 GB) by the end of an incremental build."""

    def __init__(self, path: Path):
        self._fh = open(path, "rb")
        self.size = os.fstat(self._fh.fileno()).st_size

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, s: slice) -> bytes:
        start, stop, _ = s.indices(self.size)
        return os.pread(self._fh.fileno(), stop - start, start) if stop > start else b""


# --- graph blocks: the N-Triples of each paper, reused from the previous build's graph.nt ----

GRAPH_KIND = "graph"


def graph_version() -> str:
    """Hash of what turns a paper, its links and results into N-Triples."""
    import pyoxigraph
    here = Path(__file__).resolve().parent
    h = hashlib.sha256(f"kg-graph-cache {PACK_FORMAT} pyoxigraph {pyoxigraph.__version__}\n".encode())
    _hash_files(h, [here / "graph.py", here / "model.py", here / "vocab.py"], here)
    return h.hexdigest()


def block_key(paper: Paper, links: list, results: list) -> bytes:
    """Hash of everything a paper's block of triples is made from (every field of the paper, its
    versions, links and results; marshal is much faster than repr, which is the fallback for a
    field marshal cannot write)."""
    import marshal
    fields = (paper.key, paper.iri, [tuple(_plain(x) for x in v.__dict__.values()) for v in paper.versions],
              [tuple(x.__dict__.values()) for x in links], [tuple(x.__dict__.values()) for x in results])
    try:
        blob = marshal.dumps(fields, 2)  # version 2: no back-references, so equal values give equal bytes
    except ValueError:
        blob = repr((paper, links, results)).encode("utf-8")
    return hashlib.sha1(blob).digest()


def _plain(x):
    """A version's field as marshal can write it: a tuple of dataclass objects (its texts) as
    tuples of their values."""
    if type(x) is tuple and x and hasattr(x[0], "__dict__"):
        return tuple(tuple(y.__dict__.values()) for y in x)
    return x


class GraphBlocks:
    """The previous build's graph.nt, cut into the blocks its index names (one per paper, then the
    entities): a block whose key is unchanged is copied, not made and serialised again.

    Valid only when the index belongs to the graph.nt beside it (its sha256 is the one the
    previous build's manifest records) and the graph code is the same."""

    def __init__(self, out: Path | None, version: str, graph_sha: str | None, enabled: bool = True):
        self.version = version
        self.blocks: dict[bytes, tuple[int, int]] = {}
        self.entities: tuple[int, int] = (0, 0)
        self.data = None
        self.turtle = None  # the previous graph.ttl's index of blocks
        self.lines: dict[bytes, int] = {}  # key -> the number of triples (lines) of its block
        self.out = Path(out) if out is not None else None
        if not enabled or out is None or not graph_sha:
            return
        index, nt = Path(out) / CACHE_DIR / GRAPH_KIND / "index.pkl", Path(out) / "graph.nt"
        try:
            with open(index, "rb") as fh:
                idx = pickle.load(fh)
            if idx.get("version") != version or idx.get("graph_sha256") != graph_sha \
                    or nt.stat().st_size != idx.get("size"):
                return
            self.data = FileBytes(nt)
        except Exception:  # no index, or a damaged one: every block is made again
            return
        self.blocks, self.entities, self.turtle = idx["blocks"], idx["entities"], idx.get("turtle")
        self.lines = idx.get("lines") or {}

    @property
    def valid(self) -> bool:
        return self.data is not None

    def get(self, key: bytes) -> bytes | None:
        r = self.blocks.get(key)
        if r is None or self.data is None:
            return None
        return self.data[r[0]:r[0] + r[1]]

    def old_entities(self) -> bytes:
        if self.data is None:
            return b""
        return self.data[self.entities[0]:self.entities[0] + self.entities[1]]

    @staticmethod
    def save(tmp: Path, version: str, graph_sha: str, size: int, blocks: dict, entities: tuple[int, int],
             turtle: dict | None = None, lines: dict | None = None) -> None:
        d = Path(tmp) / CACHE_DIR / GRAPH_KIND
        d.mkdir(parents=True, exist_ok=True)
        _dump({"version": version, "graph_sha256": graph_sha, "size": size, "blocks": blocks,
               "entities": entities, "turtle": turtle, "lines": lines or {}}, d / "index.pkl")


LINKFILES_KIND = "linkfiles"


def linkfiles_version() -> str:
    """Hash of what turns a paper's links into its lines of links.jsonl and graph.graphml."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256(f"kg-linkfiles-cache {PACK_FORMAT}\n".encode())
    _hash_files(h, [here / "export.py", here / "graph.py", here / "model.py", here / "vocab.py"], here)
    return h.hexdigest()


class LinkFileBlocks:
    """The previous build's links.jsonl and graph.graphml, cut into the blocks its index names
    (per paper: its lines of links.jsonl, its node and its edges of graph.graphml), for
    kg.export.write_link_files. A file is used only when its size and modification time are the
    ones the index recorded when it was written (and the export code is the same)."""

    FILES = ("links.jsonl", "graph.graphml")

    def __init__(self, out: Path | None, version: str):
        self.index: dict[bytes, tuple] = {}
        self.data: dict[str, object] = {}
        if out is None:
            return
        try:
            with open(Path(out) / CACHE_DIR / LINKFILES_KIND / "index.pkl", "rb") as fh:
                idx = pickle.load(fh)
            if idx.get("version") != version:
                return
            for name in self.FILES:
                f = Path(out) / name
                st = idx["files"].get(name)
                if st is None or not f.exists() or [f.stat().st_size, f.stat().st_mtime_ns] != list(st):
                    continue
                self.data[name] = FileBytes(f)
        except Exception:  # no index, or a damaged one: every block is made again
            self.data = {}
            return
        self.index = idx["blocks"]

    def get(self, key: bytes, links: bool, graphml: bool) -> tuple | None:
        """(lines of links.jsonl, node, edges, the entities in row order) of a block, each of the
        files asked for; None when the block or a file asked for is not at hand."""
        e = self.index.get(key)
        if e is None:
            return None
        lb = nb = eb = None
        if links:
            d = self.data.get("links.jsonl")
            if d is None or e[0] is None:
                return None
            lb = d[e[0][0]:e[0][0] + e[0][1]]
        if graphml:
            d = self.data.get("graph.graphml")
            if d is None or e[1] is None:
                return None
            nb = d[e[1][0]:e[1][0] + e[1][1]]
            eb = d[e[2][0]:e[2][0] + e[2][1]]
        return lb, nb, eb, e[3]

    @classmethod
    def save(cls, tmp: Path, version: str, blocks: dict) -> None:
        files = {}
        for name in cls.FILES:
            f = Path(tmp) / name
            if f.exists():
                st = f.stat()
                files[name] = (st.st_size, st.st_mtime_ns)
        d = Path(tmp) / CACHE_DIR / LINKFILES_KIND
        d.mkdir(parents=True, exist_ok=True)
        _dump({"version": version, "files": files, "blocks": blocks}, d / "index.pkl")


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes, read in chunks (inputs can be large)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# --- ingest: what each input file gave, reused while the file's bytes are the same ----------

INGEST_KIND = "ingest"


def ingest_version() -> str:
    """Hash of what turns a file into records: the reading code and its data files (kg/ingest/,
    kg/model.py) and the versions of the parsing libraries it calls."""
    from importlib.metadata import PackageNotFoundError, version as dist_version
    here = Path(__file__).resolve().parent
    h = hashlib.sha256(f"kg-ingest-cache {PACK_FORMAT}\n".encode())
    files = sorted(f for f in (here / "ingest").rglob("*") if f.is_file() and "__pycache__" not in f.parts)
    _hash_files(h, files + [here / "model.py"], here)
    for dist in ("bibtexparser", "rispy", "feedparser", "markdown-it-py", "charset-normalizer"):
        try:
            h.update(f"{dist} {dist_version(dist)}\n".encode())
        except PackageNotFoundError:
            h.update(f"{dist} -\n".encode())
    return h.hexdigest()


class IngestCache:
    """The result of reading each input file (kg.ingest._FileResult), keyed by the file's path
    and the sha256 of its bytes: an unchanged file is not parsed again. One pickle file,
    OUT/.cache/ingest/VERSION/files.pkl, holding the entries of the files the last build read."""

    def __init__(self, out: Path | None, version: str, enabled: bool = True):
        self.version, self.enabled = version, enabled
        self.entries: dict[tuple[str, str], object] = {}
        self.used: dict[tuple[str, str], object] = {}
        self.hashes: dict[str, str] = {}  # path -> sha256 of the bytes read
        self.hits = self.misses = 0
        self.file: Path | None = None  # the file the entries were read from
        if not enabled or out is None:
            return
        f = Path(out) / CACHE_DIR / INGEST_KIND / version[:24] / "files.pkl"
        try:
            with open(f, "rb") as fh:
                data = pickle.load(fh)
            if isinstance(data, dict):
                self.entries, self.file = data, f
        except Exception:  # none yet, or a damaged file: the inputs are read again
            self.entries = {}

    def _key(self, path: Path) -> tuple[str, str] | None:
        try:
            digest = file_sha256(path)
        except OSError:
            return None  # the reader reports it
        self.hashes[str(path)] = digest
        return (str(path), digest)

    def get(self, path: Path):
        if not self.enabled:
            return None
        key = self._key(path)
        res = self.entries.get(key) if key is not None else None
        if res is None:
            self.misses += 1
            return None
        self.hits += 1
        self.used[key] = res
        return res

    def put(self, path: Path, res) -> None:
        if not self.enabled:
            return
        before = self.hashes.get(str(path))
        key = self._key(path)  # hashed again: a file that changed while it was read is not kept
        if key is not None and (before is None or key[1] == before):
            self.used[key] = res

    def release(self) -> None:
        """Drop the entries (once saved): only the hashes and counts are read after that."""
        self.entries, self.used, self.file = {}, {}, None

    def save(self, out: Path) -> None:
        if not self.enabled:
            return
        d = Path(out) / CACHE_DIR / INGEST_KIND / self.version[:24]
        d.mkdir(parents=True, exist_ok=True)
        if self.file is not None and self.used.keys() == self.entries.keys():
            _link_or_copy(self.file, d / "files.pkl")  # every file as before: the same entries
        else:
            _dump(self.used, d / "files.pkl")
