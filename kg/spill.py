"""Every paper's mentions, kept on disk between the stages of a build rather than in memory.

A build of an archive finds about a dozen mentions per paper: a million Mention objects for
80,000 papers, more than half of what the build would hold. Each paper's mentions are written as
one marshal blob (`encode`) into an unnamed temporary file, read back (`decode`) by each stage
that goes over the corpus (consolidation, linking, the graph), one paper at a time. The same
blobs are what the extraction workers send back and what the extraction cache keeps.
"""
from __future__ import annotations

import marshal
import os
import tempfile
from array import array
from collections.abc import Iterator
from pathlib import Path

from .model import Mention, Paper

FIELDS = tuple(Mention.__dataclass_fields__)
_new = object.__new__


def encode(mentions: list[Mention]) -> bytes:
    """The mentions as bytes. Marshal version 4 writes a string the mentions share once, and an
    interned one (a type, a field, most rule names) is interned again when read: the decoded
    mentions of every paper share them, as the extracted ones did."""
    return marshal.dumps(tuple(tuple(map(m.__dict__.__getitem__, FIELDS)) for m in mentions), 4)


def mention(values: tuple) -> Mention:
    """Mention(*values), twice as fast: the frozen dataclass's __init__ sets each field through
    object.__setattr__; this fills the instance's __dict__ at once (the same object)."""
    m = _new(Mention)
    m.__dict__.update(zip(FIELDS, values))
    return m


def decode(blob: bytes) -> list[Mention]:
    return [mention(t) for t in marshal.loads(blob)]


class MentionSpill:
    """(paper, mentions) for every paper of a build, in order; the mentions live in a temporary
    file (in `folder`, without a name: it is gone once closed, or once the spill is collected)
    and are decoded each time the spill is iterated."""

    def __init__(self, papers: list[Paper], folder: Path | None = None):
        self.papers = papers
        self._fh = tempfile.TemporaryFile(dir=folder, prefix=".kg-mentions-")
        self._ends = array("q")
        self._size = 0

    def append(self, blob: bytes) -> None:
        if len(self._ends) >= len(self.papers):
            raise IndexError("more mention lists than papers")
        self._fh.write(blob)
        self._size += len(blob)
        self._ends.append(self._size)

    def extend(self, pairs) -> None:
        """Append the mentions of (paper, mentions) pairs (e.g. consolidate's output)."""
        for _paper, mentions in pairs:
            self.append(encode(mentions))

    def __len__(self) -> int:
        return len(self._ends)

    def blobs(self) -> Iterator[bytes]:
        self._fh.flush()
        fd, start = self._fh.fileno(), 0
        for end in self._ends:
            yield os.pread(fd, end - start, start)
            start = end

    def __iter__(self) -> Iterator[tuple[Paper, list[Mention]]]:
        for paper, blob in zip(self.papers, self.blobs()):
            yield paper, decode(blob)

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> "MentionSpill":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
