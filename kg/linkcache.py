"""The link cache of a build: what linking did for each paper, so that a rebuild relinks only the
papers whose inputs or whose share of the corpus-level state changed.

Linking is corpus-level: kg.link.Linker keeps state across papers (the entities found so far,
their labels, alternative labels and broader concepts, and the name -> entity tables), so a
paper's links depend on its consolidated mentions *and* on what the papers before it left in
that state. A cached entry is therefore kept with what the paper read of the state and what it
wrote:

- reads: every key of `entities`, `_by_type` and `_by_key` that linking looked up, with the value
  it found there (for an entity, its fields except the support count `papers`, which linking only
  increments); recorded through wrappers around the three tables, so any code of kg.link that
  goes through them is covered;
- writes: the table entries it set (in order), the entities it created (in order), and the new
  fields and support increments of the entities it changed.

An entry is used only when the paper's key is the same (its texts, its consolidated mentions,
the link code and its data files, the vocabulary) and every read finds the same value in the
state as it is now; then its writes are applied and its links returned, exactly what linking
would have done. Otherwise the paper is linked, and recorded again. A Linker with attributes
other than those known here, or a paper whose linking iterates over a whole table, is linked
without the cache (there is no way to know what it read).

It lives in OUT/.cache/link/VERSION/ as pickle packs (as the extraction cache: the previous
packs hard-linked into the new build, this build's new entries one more pack, compacted when
most entries are no longer used).
"""
from __future__ import annotations

import hashlib
import marshal
from pathlib import Path

from .cache import CACHE_DIR, _hash_files, read_packs, write_packs
from .model import Entity, Link

KIND = "link"
FORMAT = 1
_MISSING = ("\0missing",)  # the value of a key a table does not hold (pickles to an equal tuple)
_STATE = tuple(f for f in Entity.__dataclass_fields__ if f != "papers")
_LINK_FIELDS = tuple(Link.__dataclass_fields__)
# the Linker's attributes: the tables that hold the state across papers, and what never changes
_TABLES = ("entities", "_by_type", "_by_key")
_STATIC = frozenset({"vocabulary", "min_confidence", "_labels"})
_new = object.__new__


def link_version(extractor_version: str, min_confidence: float) -> str:
    """Hash of what linking depends on besides a paper and its mentions: the extractor's version
    (extraction code, rules, lexicon, vocabulary) and the consolidation and link code."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256(f"kg-link-cache {FORMAT} {extractor_version} {min_confidence!r}\n".encode())
    _hash_files(h, [here / "consolidate.py", here / "link.py", here / "linkcache.py"], here)
    return h.hexdigest()


def paper_link_key(text_key: str, paper, mentions) -> bytes:
    """Hash of what linking reads of a paper: its texts (text_key, kg.cache.paper_key), its
    identity and its consolidated mentions."""
    blob = marshal.dumps((text_key, paper.key, paper.iri, [tuple(m.__dict__.values()) for m in mentions]), 2)
    return hashlib.sha1(blob).digest()


def _state(e: Entity) -> tuple:
    return tuple(tuple(v) if type(v) is list else v for v in map(e.__dict__.__getitem__, _STATE))


def _entity(state: tuple, papers: int) -> Entity:
    e = _new(Entity)
    e.__dict__.update(zip(_STATE, (list(v) if isinstance(v, tuple) else v for v in state)))
    e.papers = papers
    return e


def _link(values: tuple) -> Link:
    lk = _new(Link)
    lk.__dict__.update(zip(_LINK_FIELDS, values))
    return lk


class _Log:
    """What one paper's linking read and wrote of the Linker's tables."""

    __slots__ = ("reads", "writes", "seen", "touched", "inserted", "replaced", "opaque")

    def __init__(self):
        self.reads: list[tuple[int, object, object]] = []  # (table, key, value found)
        self.writes: list[tuple[int, object, object]] = []  # (table, key, value set), not entities
        self.seen: set[tuple[int, object]] = set()
        self.touched: dict[object, tuple[object, int]] = {}  # entity IRI -> (state read, papers read)
        self.inserted: list = []  # entity IRIs created, in order
        self.replaced: list = []
        self.opaque = False  # iterated over a table: what it read is unknown


class _Rec:
    """A Linker table that records the paper's reads and writes in a _Log."""

    __slots__ = ("d", "log", "t")

    def __init__(self, d: dict, log: _Log, t: int):
        self.d, self.log, self.t = d, log, t

    def _read(self, k) -> None:
        log = self.log
        if (self.t, k) in log.seen:
            return
        log.seen.add((self.t, k))
        v = self.d.get(k, _MISSING)
        if self.t == 0 and v is not _MISSING:
            log.touched[k] = (_state(v), v.papers)
            v = _state(v)
        log.reads.append((self.t, k, v))

    def get(self, k, default=None):
        self._read(k)
        return self.d.get(k, default)

    def __getitem__(self, k):
        self._read(k)
        return self.d[k]

    def __contains__(self, k) -> bool:
        self._read(k)
        return k in self.d

    def __setitem__(self, k, v) -> None:
        self._read(k)
        if self.t == 0:
            if k in self.d:
                self.log.replaced.append(k)
            else:
                self.log.inserted.append(k)
        else:
            self.log.writes.append((self.t, k, v))
        self.d[k] = v

    def setdefault(self, k, v):
        self._read(k)
        if k not in self.d:
            self[k] = v
        return self.d[k]

    def _all(self):
        self.log.opaque = True
        return self.d

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def keys(self):
        return self._all().keys()

    def values(self):
        return self._all().values()

    def items(self):
        return self._all().items()

    def __delitem__(self, k) -> None:
        self.log.opaque = True
        del self.d[k]

    def pop(self, k, *default):
        self.log.opaque = True
        return self.d.pop(k, *default)


class LinkCache:
    """Link entries per paper key, read from OUT/.cache; the entries of this build are saved into
    the new build folder."""

    def __init__(self, out: Path | None, version: str, enabled: bool = True):
        self.version, self.enabled = version, enabled
        self.entries: dict[bytes, tuple] = {}  # from the previous build's packs
        self.packs: list[Path] = []
        self.new: dict[bytes, tuple] = {}  # recorded by this build
        self.used: set[bytes] = set()  # keys of the previous entries this build used
        self.reused = self.linked = 0
        if enabled and out is not None:
            for pack, data in read_packs(Path(out) / CACHE_DIR / KIND / version[:24]):
                self.packs.append(pack)
                self.entries.update(data)

    def link_all(self, linker, extracted: list, text_keys: list[str] | None) -> list:
        """[(paper, linker.link(paper, mentions))] in order, from the cache where it may be."""
        if not self.enabled or text_keys is None or set(vars(linker)) != _STATIC | set(_TABLES):
            self.linked += len(extracted)
            return [(paper, linker.link(paper, mentions)) for paper, mentions in extracted]
        tables = [getattr(linker, t) for t in _TABLES]
        out = []
        entries, new, used = self.entries, self.new, self.used
        states: dict = {}  # entity IRI -> its state, while no paper changed it
        for (paper, mentions), tk in zip(extracted, text_keys):
            key = paper_link_key(tk, paper, mentions)
            entry = entries.get(key)
            if entry is not None and _valid(entry, tables, states):
                links = _replay(entry, tables)
                for iri, _how, _state, _papers in entry[2]:
                    states.pop(iri, None)
                self.reused += 1
            else:
                links, entry, touched = _record(linker, tables, paper, mentions)
                if entry is None:  # it may have changed any entity
                    states.clear()
                for iri in touched:
                    states.pop(iri, None)
                self.linked += 1
            if entry is not None:
                if entries.get(key) is entry:
                    used.add(key)
                else:
                    new[key] = entry
            out.append((paper, links))
        return out

    def save(self, out: Path) -> None:
        """The previous packs are hard-linked and this build's new entries make one new pack; when
        most previous entries were not used, the used ones and the new ones make one pack."""
        if not self.enabled:
            return
        write_packs(Path(out) / CACHE_DIR / KIND / self.version[:24], self.packs, self.entries, self.used, self.new)


def _valid(entry: tuple, tables: list[dict], states: dict) -> bool:
    for t, k, v in entry[0]:
        cur = tables[t].get(k, _MISSING)
        if t == 0 and cur is not _MISSING:
            st = states.get(k)
            if st is None:
                st = states[k] = _state(cur)
            cur = st
        if cur != v:
            return False
    return True


def _replay(entry: tuple, tables: list[dict]) -> list[Link]:
    _reads, writes, ents, links = entry
    for t, k, v in writes:
        tables[t][k] = v
    e_table = tables[0]
    for iri, how, state, papers in ents:
        if how == 2:  # changed: its fields and its support
            e = e_table[iri]
            if state is not None:
                e.__dict__.update(zip(_STATE, (list(v) if isinstance(v, tuple) else v for v in state)))
            e.papers += papers
        else:  # created (or replaced): as it was left
            e_table[iri] = _entity(state, papers)
    return [_link(v) for v in links]


def _record(linker, tables: list[dict], paper, mentions) -> tuple[list[Link], tuple | None, list]:
    log = _Log()
    recs = [_Rec(d, log, t) for t, d in enumerate(tables)]
    for name, r in zip(_TABLES, recs):
        setattr(linker, name, r)
    try:
        links = linker.link(paper, mentions)
    finally:
        for name, d in zip(_TABLES, tables):
            setattr(linker, name, d)
    touched = [*log.touched, *log.inserted, *log.replaced]
    if log.opaque:
        return links, None, touched
    e_table = tables[0]
    ents = []
    for iri in log.inserted:  # in the order they were created
        if iri in e_table:
            e = e_table[iri]
            ents.append((iri, 0, _state(e), e.papers))
    done = set(log.inserted)
    for iri in log.replaced:
        if iri not in done and iri in e_table:
            e = e_table[iri]
            ents.append((iri, 1, _state(e), e.papers))
            done.add(iri)
    for iri, (state, papers) in log.touched.items():
        if iri in done or iri not in e_table:
            continue
        e = e_table[iri]
        now = _state(e)
        if now != state or e.papers != papers:
            ents.append((iri, 2, now if now != state else None, e.papers - papers))
    if any(iri not in e_table for iri in done):
        return links, None, touched  # created and then deleted: not something to replay
    entry = (tuple(log.reads), tuple(log.writes), tuple(ents),
             tuple(tuple(lk.__dict__.values()) for lk in links))
    return links, entry, touched
