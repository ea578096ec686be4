"""The vocabulary of known tasks, datasets, methods and metrics: SKOS concepts in Turtle.

Knowledge lives in ontology/vocab/*.ttl; this module only reads it, indexes its labels for
matching and lints it (`kg vocab check`).
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, Namespace

KGO = Namespace("https://w3id.org/kg-digest/ontology#")
ID_BASE = "https://w3id.org/kg-digest/id/"
TYPE_CLASSES = {KGO.Task: "Task", KGO.Dataset: "Dataset", KGO.Method: "Method", KGO.Metric: "Metric"}

_NORM = re.compile(r"[^0-9a-z\u3400-\u9fff]+")
_CJK = re.compile(r"[\u3400-\u9fff]")


@functools.lru_cache(maxsize=1 << 17)
def norm(text: str) -> str:
    """Matching key: lower case, only letters, digits and CJK kept (the scorer's normalisation)."""
    return _NORM.sub("", unicodedata.normalize("NFKC", text).lower())


def slug(text: str) -> str:
    s = re.sub(r"[^0-9a-z\u3400-\u9fff]+", "-", unicodedata.normalize("NFKC", text).lower()).strip("-")
    return s or "x"


def ontology_dir() -> Path:
    """ontology/ of the source tree (kg is installed editable), or $KG_ONTOLOGY."""
    env = os.environ.get("KG_ONTOLOGY")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "ontology"


@functools.lru_cache(maxsize=None)
def rule_words(filename: str) -> frozenset[str]:
    """The lines of a word list in ontology/rules/ (comments after #), lower case; read once."""
    path = ontology_dir() / "rules" / filename
    if not path.exists():
        return frozenset()
    return frozenset(line.split("#", 1)[0].strip().lower()
                     for line in path.read_text(encoding="utf-8").splitlines()) - {""}


@dataclass
class Label:
    text: str
    kind: str  # pref | alt | acronym | hidden
    lang: str | None


@dataclass
class Concept:
    iri: str
    type: str
    pref: str
    labels: list[Label] = field(default_factory=list)
    broader: list[str] = field(default_factory=list)
    definition: str = ""
    curated: bool = True  # written by hand here; an imported concept records its dcterms:source
    matchable: bool = True  # False: a name of rules/not-tasks.txt, kept in the hierarchy and the graph, never matched

    @property
    def alt_labels(self) -> list[str]:
        seen = {self.pref}
        out = []
        for lab in self.labels:
            if lab.kind in ("alt", "acronym") and lab.text not in seen:
                seen.add(lab.text)
                out.append(lab.text)
        return out


@dataclass
class Vocabulary:
    concepts: dict[str, Concept]
    files: list[Path]
    graph: Graph | None = None
    _index: dict | None = field(default=None, repr=False, compare=False)
    _modifiers: dict | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, paths: list[Path] | None = None) -> "Vocabulary":
        """The concepts of the Turtle files (default: ontology/vocab/*.ttl). Parsing tens of
        thousands of concepts with rdflib takes seconds, so the parsed concepts are kept in a
        pickle in the cache directory ($KG_CACHE_DIR, else $XDG_CACHE_HOME/kg or ~/.cache/kg),
        named by the sha256 of the files' paths and bytes; KG_NO_CACHE=1 turns it off. A
        vocabulary read from the cache parses its graph again only when check() needs it."""
        if not paths:
            paths = sorted((ontology_dir() / "vocab").glob("*.ttl"))
        paths = list(paths)
        cache = _cache_file(paths)
        if cache is not None and cache.exists():
            try:
                with open(cache, "rb") as f:
                    concepts = pickle.load(f)
                return cls(concepts, paths, None)
            except Exception:  # a stale or broken cache is rebuilt
                pass
        v = cls._parse(paths)
        if cache is not None:
            try:
                cache.parent.mkdir(parents=True, exist_ok=True)
                tmp = cache.with_suffix(f".{os.getpid()}.tmp")
                with open(tmp, "wb") as f:
                    pickle.dump(v.concepts, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, cache)
            except OSError:
                pass  # a read-only cache directory: parse every time
        return v

    @classmethod
    def _parse(cls, paths: list[Path]) -> "Vocabulary":
        g = Graph()
        for p in paths:
            g.parse(p, format="turtle")
        concepts: dict[str, Concept] = {}
        # a quality ("Zero-Shot", "Few-Shot") is never another name of a concept
        qualities = {norm(w) for w in rule_words("generic-qualifiers.txt")}
        as_methods = {norm(w) for w in rule_words("methods-not-tasks.txt")}
        not_tasks = {norm(w) for w in rule_words("not-tasks.txt")}
        not_labels = {norm(w) for w in rule_words("not-labels.txt")}
        qualities |= not_labels
        for cls_iri, tname in TYPE_CLASSES.items():
            for s in g.subjects(RDF.type, cls_iri):
                iri = str(s)
                prefs = [o for o in g.objects(s, SKOS.prefLabel) if isinstance(o, Literal)]
                if any(norm(str(o)) in not_labels for o in prefs):
                    continue  # a junk entry of an imported source ("AND Dataset")
                en = sorted(str(o) for o in prefs if o.language in (None, "en"))
                pref = en[0] if en else (sorted(str(o) for o in prefs) or [iri.rsplit("/", 1)[-1]])[0]
                labels = [Label(str(o), "pref", o.language) for o in sorted(prefs)]
                for prop, kind in ((SKOS.altLabel, "alt"), (KGO.acronym, "acronym"), (SKOS.hiddenLabel, "hidden")):
                    labels += [Label(str(o), kind, o.language) for o in sorted(g.objects(s, prop))
                               if isinstance(o, Literal) and norm(str(o)) not in qualities]
                defs = sorted(str(o) for o in g.objects(s, SKOS.definition))
                curated = (s, DCTERMS.source, None) not in g
                ctype = "Method" if not curated and tname == "Task" and norm(pref) in as_methods else tname
                concepts[iri] = Concept(iri, ctype, pref, labels,
                                        sorted(str(o) for o in g.objects(s, SKOS.broader)),
                                        defs[0] if defs else "",
                                        curated=curated,
                                        # data, a modality or a property filed as a task ("point clouds"): a
                                        # concept of the hierarchy still (narrower tasks name it broader), never matched
                                        matchable=curated or tname != "Task" or norm(pref) not in not_tasks
                                        and not _names_things(pref))
        _add_word_forms(concepts)
        return cls(dict(sorted(concepts.items())), list(paths), g)

    def ancestors(self, iri: str) -> list[str]:
        """Every broader concept, transitively, nearest first (cycle-safe)."""
        out: list[str] = []
        todo = list(self.concepts[iri].broader) if iri in self.concepts else []
        while todo:
            b = todo.pop(0)
            if b not in out and b != iri:
                out.append(b)
                if b in self.concepts:
                    todo.extend(self.concepts[b].broader)
        return out

    def by_label(self) -> dict[str, list[tuple[Concept, Label]]]:
        """Normalised label -> (concept, label) pairs; built once, the concepts do not change after load."""
        if self._index is None:
            index: dict[str, list[tuple[Concept, Label]]] = defaultdict(list)
            for c in self.concepts.values():
                if not c.matchable:
                    continue
                for lab in c.labels:
                    k = norm(lab.text)
                    if k:
                        index[k].append((c, lab))
            self._index = dict(index)
        return self._index

    def task_modifiers(self) -> dict[str, list[tuple[str, str, bool]]]:
        """Task IRI -> [(narrower task IRI, modifier key, adjectival)]: what a narrower task's
        labels add to its broader task's labels ("emotional" text-to-speech, "零样本" 语音合成,
        "speech" emotion recognition), normalised, an English modifier of more than six letters
        stemmed ("emotional" -> "emotion"; such a modifier is adjectival: "with emotions" says the
        same, while "with text" is not "text emotion recognition"). Built once."""
        if self._modifiers is None:
            narrower: dict[str, list[str]] = defaultdict(list)
            for c in self.concepts.values():
                if c.type == "Task":
                    for b in c.broader:
                        narrower[b].append(c.iri)
            out: dict[str, list[tuple[str, str]]] = {}
            for t, ns in sorted(narrower.items()):
                if t not in self.concepts or not self.concepts[t].matchable:
                    continue
                tkeys = {norm(lab.text) for lab in self.concepts[t].labels} - {""}
                for n in sorted(ns):
                    if not self.concepts[n].matchable:
                        continue
                    mods: dict[str, bool] = {}
                    for lab in self.concepts[n].labels:
                        nk = norm(lab.text)
                        for tk in tkeys:
                            if tk in nk and nk != tk:
                                mod = nk.replace(tk, "", 1)
                                stem = EN_STEM.sub("", mod) if re.fullmatch(r"[a-z]+", mod) and len(mod) > 6 else mod
                                if len(stem) >= 2:
                                    mods[stem] = mods.get(stem, False) or stem != mod
                    out.setdefault(t, []).extend((n, m, adj) for m, adj in sorted(mods.items()))
            self._modifiers = out
        return self._modifiers

    def lookup(self, text: str, type: str | None = None) -> Concept | None:
        """The concept a label (any language, any case) names, optionally of one type."""
        hits = [c for c, _ in self.by_label().get(norm(text), []) if type is None or c.type == type]
        return hits[0] if hits else None

    def check(self) -> list[str]:
        """Lint: problems a curator must fix, as readable lines."""
        problems: list[str] = []
        if self.graph is None and self.files:
            self.graph = Vocabulary._parse(self.files).graph
        g = self.graph
        for c in self.concepts.values():
            en = [lab for lab in c.labels if lab.kind == "pref" and lab.lang == "en"]
            if not en:
                problems.append(f"{c.iri}: no English skos:prefLabel (@en)")
            elif len(en) > 1:
                problems.append(f"{c.iri}: {len(en)} English prefLabels")
            for lab in c.labels:
                if _CJK.search(lab.text) and lab.lang != "zh" and not (lab.lang or "").startswith("zh"):
                    problems.append(f"{c.iri}: Chinese label {lab.text!r} is not tagged @zh")
            for b in c.broader:
                if b not in self.concepts:
                    problems.append(f"{c.iri}: skos:broader {b} is not a concept of the vocabulary")
            if _reaches_self(self, c.iri):
                problems.append(f"{c.iri}: skos:broader cycle")
        for key, owners in sorted(self.by_label().items()):
            iris = sorted({c.iri for c, _ in owners})
            if len(iris) > 1:
                texts = sorted({lab.text for _, lab in owners})
                problems.append(f"label {' / '.join(map(repr, texts))} is claimed by {len(iris)} concepts: "
                                + ", ".join(iris))
        if g is not None:
            not_labels = {norm(w) for w in rule_words("not-labels.txt")}
            typed = {str(s) for s in g.subjects(RDF.type, SKOS.Concept)
                     if not any(norm(str(o)) in not_labels for o in g.objects(s, SKOS.prefLabel))}
            for s in sorted(typed - set(self.concepts)):
                problems.append(f"{s}: skos:Concept without a kgo:Task/Dataset/Method/Metric type")
        return problems


_CACHE_VERSION = b"kg-vocab-1"


_PLURAL_END = re.compile(r"[a-z][^sui]s$")
_PREPOSITIONS = frozenset("of in on from for with to by at under via as".split())


def _names_things(label: str) -> bool:
    """An imported task whose name is a plural noun phrase with no activity word in it ("patient
    outcomes", "temporal sequences", "state space models", "board games", "moral disputes"):
    things, models or a benchmark's subject areas filed as tasks, not what a paper does. Activity
    words: a task head noun or a noun with an activity ending (kg.extract.tasks.title_last)."""
    words = label.replace("-", " ").split()
    if not words or not _PLURAL_END.search(words[-1]) or re.search(r"(?:ics|sis|ness|ias)$", words[-1]) \
            or any(w.lower() in _PREPOSITIONS or w.lower() == "learning" for w in words):
        return False
    from .extract.tasks import title_topic  # (kg.extract reads this module)
    from .extract.tasks.title_last import activity_head
    verbs = title_topic._lexicon()[0]
    first = words[0].lower()
    if {first, first + "ing", first[:-1] + "ing"} & verbs.keys():
        return False  # a verb and its object ("classify murmurs", "predict future video frames")
    return not any(activity_head(w) or activity_head(w.rstrip("s")) for w in words)


def _cache_file(paths: list[Path]) -> Path | None:
    """The cache file of these vocabulary files, or None when caching is off."""
    if os.environ.get("KG_NO_CACHE"):
        return None
    h = hashlib.sha256(_CACHE_VERSION)
    h.update(Path(__file__).read_bytes())  # the parser's code is part of the key
    for q in [ontology_dir() / "rules" / name for name in
              ("generic-qualifiers.txt", "methods-not-tasks.txt", "not-labels.txt", "not-tasks.txt")] \
            + sorted((ontology_dir() / "lexicon" / "en").glob("*.txt")) \
            + [_WORD_FORMS]:  # and the rule lists, the English word lists (_names_things) and word forms it applies
        h.update(q.read_bytes() if q.exists() else b"")
    for p in paths:
        try:
            data = Path(p).read_bytes()
        except OSError:
            return None  # let the parser report the missing file
        h.update(str(Path(p).resolve()).encode() + b"\0" + hashlib.sha256(data).digest())
    base = os.environ.get("KG_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "kg")
    return Path(base) / f"vocab-{h.hexdigest()[:32]}.pickle"


_WORD_FORMS = ontology_dir() / "lexicon" / "en" / "task-word-forms.txt"


def word_forms() -> dict[str, str]:
    """Each form of a task name's first word -> its other form (ontology/lexicon/en/task-word-forms.txt)."""
    out: dict[str, str] = {}
    if _WORD_FORMS.exists():
        for line in _WORD_FORMS.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if "\t" in line:
                noun, adj = (w.strip().lower() for w in line.split("\t", 1))
                out[noun], out[adj] = adj, noun
    return out


def _add_word_forms(concepts: dict[str, Concept]) -> None:
    """A task's English label with the other form of its first word ("robot manipulation" ->
    "robotic manipulation") as an alternative label, unless some concept has that label already."""
    forms = word_forms()
    if not forms:
        return
    taken = {norm(lab.text) for c in concepts.values() for lab in c.labels}
    for c in concepts.values():
        if c.type != "Task":
            continue
        for lab in list(c.labels):
            if lab.lang not in (None, "en") or lab.kind not in ("pref", "alt"):
                continue
            first, sep, rest = lab.text.partition(" ")
            other = forms.get(first.lower())
            if not sep or other is None or not rest.strip():
                continue
            text = (other.capitalize() if first[:1].isupper() else other) + " " + rest
            if norm(text) not in taken:
                taken.add(norm(text))
                c.labels.append(Label(text, "alt", "en"))


def _reaches_self(v: Vocabulary, iri: str) -> bool:
    seen: set[str] = set()
    todo = list(v.concepts[iri].broader)
    while todo:
        b = todo.pop()
        if b == iri:
            return True
        if b in seen or b not in v.concepts:
            continue
        seen.add(b)
        todo.extend(v.concepts[b].broader)
    return False


def entity_iri(type: str, name: str) -> str:
    """Stable IRI of a discovered entity: its type and normalised name."""
    return f"{ID_BASE}{type.lower()}/{norm(name) or slug(name)}"


__all__ = ["Vocabulary", "Concept", "Label", "norm", "slug", "entity_iri", "KGO", "ID_BASE", "URIRef"]


EN_STEM = re.compile(r"(?:ional|al|ive|ed|ing|s)$")


class ModifierText:
    """Normalised text in which a task modifier is looked for: a Latin modifier must start a
    word ("text" is not in "Context-aware"), a Han one may start anywhere."""

    def __init__(self, text: str):
        self.text = ""
        self.starts: set[int] = set()
        for w in re.findall(r"[A-Za-z0-9]+|[\u3400-\u9fff]", text):
            self.starts.add(len(self.text))
            self.text += norm(w)

    def has(self, mod: str) -> bool:
        i = self.text.find(mod)
        if i < 0 or not ("a" <= mod[0] <= "z" or "0" <= mod[0] <= "9"):
            return i >= 0
        while i >= 0:
            if i in self.starts:
                return True
            i = self.text.find(mod, i + 1)
        return False
