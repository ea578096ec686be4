"""Cue words as data: ontology/lexicon/<lang>/<name>.txt, one entry per line, # starts a comment.

Entries are literal text (never regex syntax; en/open-task-frames.txt holds patterns and is read
by kg.extract.open_tasks itself). An alternation keeps the file's order: regex
alternation is leftmost-first, and the rules rely on that order (a head such as "基准" listed before
"基准数据集" matches first), so reordering a file can change what the rules find. Each file is read
once; a missing or empty file is an error, never an empty list.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

from ..vocab import ontology_dir


class LexiconError(RuntimeError):
    pass


class Lexicon:
    """The cue-word files under one directory (ontology/lexicon by default)."""

    def __init__(self, root: Path | None = None):
        self.root = root if root is not None else ontology_dir() / "lexicon"
        self._cache: dict[tuple[str, str], tuple[str, ...]] = {}
        self._sets: dict[tuple[str, str, str], frozenset[str]] = {}

    def path(self, lang: str, name: str) -> Path:
        return self.root / lang / f"{name}.txt"

    def words(self, lang: str, name: str) -> tuple[str, ...]:
        """The entries of a file in file order (duplicates dropped after the first)."""
        key = (lang, name)
        if key not in self._cache:
            path = self.path(lang, name)
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except FileNotFoundError:
                raise LexiconError(f"{path}: lexicon file missing (kg.extract needs it)") from None
            out: list[str] = []
            for line in lines:
                entry = line.split("#", 1)[0].strip()
                if entry and entry not in out:
                    out.append(entry)
            if not out:
                raise LexiconError(f"{path}: lexicon file has no entries")
            self._cache[key] = tuple(out)
        return self._cache[key]

    def set(self, lang: str, name: str) -> frozenset[str]:
        key = ("set", lang, name)
        if key not in self._sets:
            self._sets[key] = frozenset(self.words(lang, name))
        return self._sets[key]

    def lower_set(self, lang: str, name: str) -> frozenset[str]:
        """The entries in lower case (built once per file: callers may use it on hot paths)."""
        key = ("lower", lang, name)
        if key not in self._sets:
            self._sets[key] = frozenset(w.lower() for w in self.words(lang, name))
        return self._sets[key]

    def alternation(self, lang: str, name: str) -> str:
        """A regex alternation of the entries, escaped, in file order (no group around it)."""
        return "|".join(re.escape(w) for w in self.words(lang, name))

    def loaded(self) -> list[tuple[str, str]]:
        """The (lang, name) files read so far."""
        return sorted(self._cache)

    def names(self) -> list[tuple[str, str]]:
        """Every (lang, name) file under the root."""
        return sorted((p.parent.name, p.stem) for p in self.root.glob("*/*.txt"))


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The project's lexicon, read once per process."""
    return Lexicon()
