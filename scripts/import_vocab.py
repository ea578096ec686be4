#!/usr/bin/env python3
"""Build the imported vocabulary (ontology/vocab/imported-*.ttl) from open sources.

    python scripts/import_vocab.py \\
        --pwc /path/World-Snapshot+papers-with-code/repo --scirex /path/allenai+SciREX/repo \\
        --nlp-progress /path/sebastianruder+NLP-progress/repo --hf /path/huggingface+huggingface.js/repo \\
        --wheel mteb-*.whl --wheel lm_eval-*.whl --wheel tensorflow_datasets-*.whl \\
        --words english_words-*.whl \\
        --wheel torchvision-*.whl --wheel torchaudio-*.whl --wheel torch_geometric-*.whl \\
        --wheel ir_datasets-*.whl --wheel inspect_evals-*.whl --wheel evalscope-*.whl \\
        --wheel opencompass-*.whl --wheel anomalib-*.whl --wheel medmnist-*.whl

Each --pwc/--scirex/--nlp-progress/--hf path is a git directory (bare or a work tree's .git);
files are read at its HEAD, whose commit is recorded. Wheels are read as zip files and their
package name and version recorded. --words is the english-words wheel: its GCIDE word list
marks names that are ordinary English words (ambiguous: matched in exact case only).

The hand-written data merged in: ontology/vocab/supplement.tsv (famous names the sources
lack, source "kg maintainers"), ontology/vocab/zh-labels.tsv (Chinese labels),
ontology/rules/not-datasets.txt (words that are modalities, fields, model kinds or tasks and
are never datasets) and ontology/rules/vocab-junk.txt (generic or vandalised names to drop).

The curated files ontology/vocab/{tasks,datasets,methods,metrics}.ttl are never written: an
imported name whose normalised label a curated concept already has is not imported again; the
imported concept that would have been its twin gets skos:exactMatch to the curated one only when
it keeps other labels of its own. Output is deterministic: sorted concepts and labels, IRIs
from slugs of the preferred labels.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import pickle
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.vocab import Vocabulary, norm, slug  # noqa: E402

csv.field_size_limit(1 << 24)

TYPES = ("Task", "Dataset", "Method", "Metric")
PREFIX = {"Task": "task", "Dataset": "dataset", "Method": "method", "Metric": "metric"}
# every imported file is loaded by default (ontology/vocab/*.ttl): see ontology/vocab/SOURCES.md
OUT_FILE = {"Task": "imported-tasks.ttl", "Dataset": "imported-datasets.ttl",
            "Method": "imported-methods.ttl", "Metric": "imported-metrics.ttl"}
CURATED = ("tasks.ttl", "datasets.ttl", "methods.ttl", "metrics.ttl")
KIND_WORDS = {"Dataset": "dataset", "Method": "method", "Metric": "metric", "Task": "task"}

# a short acronym in parentheses after a name: "Visual Question Answering (VQA)"
PAREN_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\((?P<ab>[A-Za-z0-9][A-Za-z0-9.+/-]{1,11})\)\s*$")
ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z0-9][A-Za-z0-9.+/-]{1,11}$")
SPLIT_SUFFIX = re.compile(
    r"(?:(?:\s+|\s*[-–(,]\s*)(?:test|val|valid|validation|dev|train|test-dev|test-std|test-standard|"
    r"test-challenge|testfinal|seen|unseen|public|private|full|small|mini|subset|split|"
    r"\d+%?\s*labeled(?: data)?|\d+-shot|zero-shot|few-shot)\b\)?)+$", re.I)


class SourceError(Exception):
    pass


# ------------------------------------------------------------------ reading the sources

class GitSource:
    """Files of a git directory at HEAD."""

    def __init__(self, name: str, gitdir: Path, licence: str):
        self.name, self.gitdir, self.licence = name, Path(gitdir), licence
        r = subprocess.run(["git", "--git-dir", str(self.gitdir), "rev-parse", "HEAD"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise SourceError(f"{gitdir}: not a git directory ({r.stderr.strip()})")
        self.commit = r.stdout.strip()
        self._files = None

    def files(self) -> list[str]:
        if self._files is None:
            r = subprocess.run(["git", "--git-dir", str(self.gitdir), "ls-tree", "-r", "--name-only", "HEAD"],
                               capture_output=True, text=True, check=True)
            self._files = sorted(r.stdout.splitlines())
        return self._files

    def read(self, path: str) -> str:
        r = subprocess.run(["git", "--git-dir", str(self.gitdir), "show", f"HEAD:{path}"], capture_output=True)
        if r.returncode != 0:
            raise SourceError(f"{self.gitdir}: {path} is not in HEAD")
        return r.stdout.decode("utf-8", "replace")

    def ref(self, path: str) -> str:
        return f"github:{self.name}@{self.commit}/{path}"


class WheelSource:
    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.zip = zipfile.ZipFile(self.path)
        except (OSError, zipfile.BadZipFile) as e:
            raise SourceError(f"{path}: not a wheel ({e})") from None
        meta = next((n for n in self.zip.namelist() if n.endswith(".dist-info/METADATA")), None)
        if meta is None:
            raise SourceError(f"{path}: no .dist-info/METADATA in the wheel")
        text = self.zip.read(meta).decode("utf-8", "replace")
        self.name = re.search(r"^Name: (.+)$", text, re.M).group(1).strip()
        self.version = re.search(r"^Version: (.+)$", text, re.M).group(1).strip()
        lic = re.search(r"^License(?:-Expression)?: (.+)$", text, re.M)
        cls = re.findall(r"^Classifier: License :: (?:OSI Approved :: )?(.+)$", text, re.M)
        self.licence = (lic.group(1).strip() if lic and len(lic.group(1)) < 40 else "") or (cls[0] if cls else "?")

    def files(self) -> list[str]:
        return sorted(self.zip.namelist())

    def read(self, path: str) -> str:
        return self.zip.read(path).decode("utf-8", "replace")

    def ref(self, path: str) -> str:
        return f"pypi:{self.name}=={self.version}/{path}"


def read_lines(path: Path) -> list[tuple[int, str]]:
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].rstrip() if not line.lstrip().startswith("#") else ""
        if line.strip():
            out.append((i, line))
    return out


# ------------------------------------------------------------------ the registry

@dataclass
class Entry:
    type: str
    pref: str
    alts: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    zh: set[str] = field(default_factory=set)
    broader: set[str] = field(default_factory=set)  # keys
    sources: set[str] = field(default_factory=set)
    ambiguous: bool = False
    top: bool = False
    supplement: bool = False
    weight: int = 0


class Registry:
    def __init__(self, words: frozenset[str], junk: frozenset[str], curated: Vocabulary, not_datasets: dict[str, str]):
        self.words, self.curated = words, curated
        self.junk = frozenset(norm(j) for j in junk if not j.startswith("*"))
        self.junk_words = frozenset(j[1:].lower() for j in junk if j.startswith("*"))
        self.not_datasets = not_datasets
        self.stoplist = frozenset()
        self.entries: dict[tuple[str, str], Entry] = {}
        self.dropped: dict[str, int] = defaultdict(int)
        self.curated_keys = {norm(lab.text): c for c in curated.concepts.values() for lab in c.labels if norm(lab.text)}
        self.exact: set[tuple[str, str]] = set()  # (imported key, curated iri)
        # dataset names dropped as ordinary words, by key: spelling -> sources; a dataset registry that
        # names one in the same spelling makes it an ambiguous name of two sources (_dataset_name)
        self.ordinary_names: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    # -- cleaning
    def is_junk(self, name: str, type: str) -> bool:
        n = name.strip()
        k = norm(n)
        if not k or len(n) > 80 or len(k) < (3 if type in ("Dataset", "Method") else 2) or k.isdigit() or re.fullmatch(r"[\d.\s%-]+", n):
            return True
        if k in self.junk or any(w in self.junk_words for w in re.findall(r"[a-z]+", n.lower())):
            return True
        if re.search(r"https?:|www\.|[<>{}|;\\\"\[\]]|\.\.\.|\?\?|!!|\bet al\b|[\u3000-\u9fff\uff00-\uffef]", n):
            return True  # links, markup, citations; Chinese text (no source has Chinese names: vandalism)
        if n.count("(") != n.count(")") or not n[0].isalnum():
            return True  # "#chinahate", "(LSTM-LM"
        if re.match(r"(?i)(?:task|group|subtask|track|setting|split|level)\s*\d", n) or type == "Metric" and ":" in n:
            return True  # "Group 1", "Task 2 Accuracy: general purpose": a leaderboard's columns
        if len(re.findall(r"[A-Za-z0-9\u3400-\u9fff]", n)) < 0.6 * len(n.replace(" ", "")):
            return True
        words = n.split()
        if type in ("Dataset", "Method") and len(words) > 8 or len(words) > 12:
            return True
        if re.search(r"(.)\1{3,}", k) and not re.fullmatch(r"[A-Za-z][A-Za-z_-]*\d+", n):
            # "aaaa", "1111", "20000 utterances"; not a name and its number ("HAM10000")
            return True
        return False

    def ordinary(self, text: str, camel: bool = False) -> bool:
        """Every word of the name is an ordinary English word (GCIDE); with camel, a CamelCase
        word is its parts (the method "ContextAware" is "Context Aware"; datasets such as
        ImageNet or WebShop are names of their own)."""
        if text.isalpha() and text.lower() in self.words:
            return True  # "ComplEx" is "complex"
        if camel:
            text = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", text)
        ws = re.findall(r"[A-Za-z]+|\d+", text)
        alpha = [w for w in ws if w.isalpha()]
        return bool(alpha) and len(alpha) == len(ws) and all(self.word(w.lower()) for w in alpha)

    def word(self, w: str) -> bool:
        """An English word, or one by a regular ending ("contextual", "aware", "datasets")."""
        if w in self.words:
            return True
        for end, repl in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""),
                          ("ual", ""), ("al", ""), ("ness", ""), ("ity", ""), ("ive", ""), ("ation", "e")):
            if w.endswith(end) and len(w) - len(end) >= 3 and w[:-len(end)] + repl in self.words:
                return True
        return False

    def add(self, type: str, name: str, source: str, *, alts=(), acronyms=(), weight: int = 0,
            trusted: bool = False, curated: bool = False, plain: bool = False,
            ordinary_ok: bool = False) -> tuple[str, str] | None:
        name = unicodedata.normalize("NFKC", name).strip().strip("\"'").strip()
        name = re.sub(r"\s+", " ", name)
        if not name or self.is_junk(name, type):
            self.dropped["junk"] += 1
            return None
        acr = set(acronyms)
        m = PAREN_ACRONYM.match(name)
        if m and ACRONYM.match(m.group("ab")) and len(m.group("name")) > len(m.group("ab")):
            name, acr = m.group("name").strip(), acr | {m.group("ab")}
        elif type != "Task" and "(" in name and not trusted:
            name = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()
        if type == "Dataset":
            name = SPLIT_SUFFIX.sub("", name).strip(" -,") or name
            if "," in name:
                name = name.split(",", 1)[0].strip()
        if type == "Task":
            name = " ".join("-".join(p if (any(c.isupper() for c in p[1:]) or any(c.isdigit() for c in p)) else p.lower()
                                     for p in w.split("-")) for w in name.split())
        if not name or self.is_junk(name, type):
            self.dropped["junk"] += 1
            return None
        k = norm(name)
        if type == "Dataset" and k in self.not_datasets:
            self.dropped["not-a-dataset"] += 1
            return None
        if type == "Method" and not curated and re.search(r"[\s_-](?:base|large|small|tiny|medium|big|xl|xxl)$", name, re.I):
            self.dropped["size variant"] += 1  # "BERT Base", "PhoBERT-large": a checkpoint of the model
            return None
        if k in self.stoplist and not trusted:
            self.dropped["not an entity (not-entities.txt)"] += 1
            return None
        single = " " not in name and "-" not in name
        if type != "Task" and not trusted and re.fullmatch(r"[A-Z0-9]{1,3}s?", name):
            self.dropped["short acronym"] += 1  # "SD", "GEM", "MIT": two or three capitals name many things
            return None
        ambiguous = False
        if type == "Metric" and self.ordinary(name) and not curated:
            self.dropped["ordinary word"] += 1  # "error rate", "Contextual Understanding": phrases of any text
            return None
        if type in ("Dataset", "Method", "Metric") and self.ordinary(name, camel=type == "Method") and (
                single or all(w[:1].isupper() for w in name.split() if len(w) > 3)):
            # "MATH", "Hate Speech": words in a name's capitals; "model predictive control" is a term
            if not (single and name.isupper() and len(name) >= 4) and not curated and not ordinary_ok:
                self.dropped["ordinary word"] += 1  # "Places", "Hate Speech": words, not a name
                if type == "Dataset":
                    self.ordinary_names[(type, k)][name].add(source)
                return None
            ambiguous = not curated  # the supplement says so in its flags column
        if plain and not curated and single:
            # a plain word of a package's registry ("Yelp", "Reddit", "Vaswani", "LINUX", see _plain):
            # a platform, a person or a thing as often as a dataset, so treated as an ordinary word
            ambiguous = True
        if type == "Task" and single and not trusted:
            self.dropped["one-word task"] += 1  # "video", "classification", "benchmarking": areas or heads
            return None
        key = (type, k)
        e = self.entries.get(key)
        if e is None:
            e = self.entries[key] = Entry(type, name)
        elif type != "Task" and e.pref.islower() and not name.islower():
            e.pref = name  # "MMLU" rather than "mmlu"
        e.sources.add(source)
        e.weight += weight
        e.ambiguous = e.ambiguous or ambiguous
        for a in alts:
            a = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", a)).strip()
            if a and norm(a) != k and not self.is_junk(a, type) and not (self.ordinary(a) and (type != "Task" or " " not in a)):
                e.alts.add(a)
        for a in acr:
            if norm(a) != k and a.lower() not in self.words and norm(a) not in self.junk and len(norm(a)) >= 3 \
                    and norm(a) not in self.stoplist and not (type == "Dataset" and norm(a) in self.not_datasets):
                e.acronyms.add(a)
        return key

    # -- output
    def resolve(self) -> dict[tuple[str, str], dict]:
        """Final concepts: labels claimed once across curated and imported vocabularies."""
        claimed: dict[str, str] = dict(((k, c.iri) for k, c in self.curated_keys.items()))
        iris: dict[tuple[str, str], str] = {}
        used_iris = set(self.curated.concepts)
        out: dict[tuple[str, str], dict] = {}
        # strongest first: more sources, then heavier, then name
        order = sorted(self.entries, key=lambda key: (not self.entries[key].supplement,
                                                      -len(self.entries[key].sources), -self.entries[key].weight,
                                                      TYPES.index(key[0]), key[1]))
        datasets = {k[1] for k in self.entries if k[0] == "Dataset"} | \
            {k for k, c in self.curated_keys.items() if c.type == "Dataset"}
        for key in order:
            e = self.entries[key]
            pk = norm(e.pref)
            words = e.pref.split()
            if e.type == "Metric" and words[0][:1].isupper() and any(norm(" ".join(words[:i])) in datasets for i in range(1, len(words))):
                self.dropped["metric named with its dataset"] += 1  # "ImageNet Top-1 Accuracy": the dataset and top-1 accuracy
                continue
            if pk in claimed:
                self.dropped["label already in the vocabulary"] += 1
                continue
            pref = e.pref
            labels: list[tuple[str, str, str]] = []  # (kind, text, lang)
            if e.ambiguous and not e.supplement and len({_origin(s) for s in e.sources}) < 2:
                self.dropped["ordinary word of one source"] += 1  # "CARE": a word unless two sources name it
                continue
            if e.ambiguous and e.type != "Task":
                # an ordinary word: the name itself only in exact case; the preferred label
                # carries the kind so that it is matched only as "MATH dataset"
                pref = f"{e.pref} ({KIND_WORDS[e.type]})"
                labels.append(("acronym", e.pref, "en"))
                if norm(pref) in claimed:
                    continue
            labels.insert(0, ("pref", pref, "en"))
            labels += [("alt", a, "en") for a in sorted(e.alts)]
            labels += [("acronym", a, "en") for a in sorted(e.acronyms)]
            labels += [("alt", z, "zh") for z in sorted(e.zh)]
            kept, seen = [], set()
            for kind, text, lang in labels:
                nk = norm(text)
                if not nk or nk in seen:
                    continue
                if nk in claimed:
                    owner = claimed[nk]
                    if kind == "pref":
                        break
                    if owner in self.curated.concepts:
                        self.exact.add((key, owner))
                    continue
                seen.add(nk)
                kept.append((kind, text, lang))
            if not kept or kept[0][0] != "pref":
                continue
            iri = f"{PREFIX[e.type]}:{slug(e.pref)}"
            full = f"https://w3id.org/kg-digest/id/{PREFIX[e.type]}/{slug(e.pref)}"
            n = 2
            while full in used_iris:
                iri, full = f"{PREFIX[e.type]}:{slug(e.pref)}-{n}", f"{full.rsplit('/', 1)[0]}/{slug(e.pref)}-{n}"
                n += 1
            used_iris.add(full)
            for _, text, _ in kept:
                claimed[norm(text)] = full
            iris[key] = full
            out[key] = {"iri": iri, "full": full, "labels": kept, "entry": e}
        # broader: only to concepts that exist, never a cycle
        parents: dict[str, list[str]] = {}
        for key, c in sorted(out.items(), key=lambda kv: kv[1]["full"]):
            bs = []
            for b in sorted(c["entry"].broader):
                if (key[0], b) in out:
                    bs.append(out[(key[0], b)]["full"])
                elif b in self.curated_keys and self.curated_keys[b].type == key[0]:
                    bs.append(self.curated_keys[b].iri)
            parents[c["full"]] = []
            for b in bs:
                if b != c["full"] and not _reaches(parents, b, c["full"]):
                    parents[c["full"]].append(b)
            c["broader"] = parents[c["full"]]
        return out


def _origin(source: str) -> str:
    """The repository or package a dcterms:source names."""
    return re.split(r"[@=]", source, 1)[0]


def _reaches(parents: dict[str, list[str]], start: str, target: str) -> bool:
    todo, seen = [start], set()
    while todo:
        x = todo.pop()
        if x == target:
            return True
        if x in seen:
            continue
        seen.add(x)
        todo.extend(parents.get(x, []))
    return False


# ------------------------------------------------------------------ importers

def split_list(cell: str) -> list[str]:
    return [x.strip() for x in (cell or "").split(";") if x.strip() and x.strip() not in ("N/A", "...")]


def import_pwc(src: GitSource, reg: Registry) -> None:
    def rows(path):
        return list(csv.DictReader(io.StringIO(src.read(path))))
    areas: dict[str, tuple[str, str] | None] = {}
    path = "results/research_areas.csv"
    for r in rows(path):
        area = r["Research Area"].strip()
        # a research area is a field, the broadest task: only the two fields papers name so are
        # matched as written, the others carry "(research area)" ("Medical", "Graphs" are words)
        label = area.lower() if area in ("Computer Vision", "Natural Language Processing") else f"{area.lower()} (research area)"
        key = reg.add("Task", label, src.ref(path), trusted=True, weight=int(r.get("Task Count") or 0))
        areas[area] = key
        if key:
            reg.entries[key].top = True
            for t in split_list(r["Example Tasks"]):
                tk = reg.add("Task", t, src.ref(path))
                if tk and tk != key:
                    reg.entries[tk].broader.add(key[1]) if not reg.entries[tk].broader else None
    files = [f for f in src.files() if f.startswith("results/") and f.endswith(".csv")]
    metric_rows: dict[str, set[str]] = defaultdict(set)
    metric_refs: dict[str, set[str]] = defaultdict(set)
    for path in files:
        for r in rows(path):
            task = (r.get("Task Name") or "").strip()
            weight = int(r.get("Dataset Count") or 0) if (r.get("Dataset Count") or "").isdigit() else 0
            tk = reg.add("Task", task, src.ref(path), weight=weight) if task else None
            parent = (r.get("Parent Task") or "").strip()
            if tk and parent:
                pk = reg.add("Task", parent, src.ref(path))
                if pk and pk != tk:
                    reg.entries[tk].broader.add(pk[1])
            if "Parent Task" in r and "Child Tasks" in r:  # task_hierarchy.csv
                pk = reg.add("Task", r["Parent Task"], src.ref(path))
                for child in split_list(r["Child Tasks"]):
                    ck = reg.add("Task", child.rstrip("."), src.ref(path))
                    if pk and ck and ck != pk:
                        reg.entries[ck].broader.add(pk[1])
            for col in ("Subtasks",):
                for child in split_list(r.get(col, "")):
                    ck = reg.add("Task", child, src.ref(path))
                    if tk and ck and ck != tk:
                        reg.entries[ck].broader.add(tk[1])
            for col in ("Common Datasets (Top 10)", "Benchmarks"):
                for d in split_list(r.get(col, "")):
                    reg.add("Dataset", d, src.ref(path), weight=1)
            for col in ("SOTA Metrics", "Metrics"):
                for m in split_list(r.get(col, "")):
                    metric_rows[m].add(task)
                    metric_refs[m].add(src.ref(path))
    # a metric column name of one leaderboard only ("Set2", "ACC@1-100Clients") is not a metric's name
    for m in sorted(metric_rows):
        if len(metric_rows[m]) >= 2:
            for ref in sorted(metric_refs[m]):
                reg.add("Metric", m, ref, weight=len(metric_rows[m]))
    path = "data/all_tasks.txt"
    if path in src.files():
        for line in src.read(path).splitlines():
            reg.add("Task", line.strip().strip('"'), src.ref(path))


def _scirex_name(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("__", " (").replace("_", " ").replace(" ( ", " (")).strip()


def import_scirex(src: GitSource, reg: Registry) -> None:
    types = {"Method": "Method", "Task": "Task", "Metric": "Metric", "Material": "Dataset"}
    for path in [f for f in src.files() if f.startswith("docs/train_docs/") and f.endswith(".json")]:
        try:
            doc = json.loads(src.read(path))
        except json.JSONDecodeError as e:
            raise SourceError(f"{src.gitdir}:{path}:{e.lineno}: not JSON ({e.msg})") from None
        words = doc.get("words", [])
        kinds: dict[str, str] = {}
        for rel in doc.get("n_ary_relations", []):
            for k, v in rel.items():
                if k in types and isinstance(v, str):
                    kinds[v] = types[k]
        for ent, spans in sorted(doc.get("coref", {}).items()):
            if ent not in kinds:
                continue
            t = kinds[ent]
            name = _scirex_name(ent)
            if t == "Metric" and re.search(r"\(", name):
                name = re.sub(r"\s*\(.*$", "", name)
            counts: dict[str, int] = defaultdict(int)
            for s, e in spans:
                counts[" ".join(words[s:e])] += 1
            nt = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", name)}
            alts, acrs = [], []
            for m, n in sorted(counts.items()):
                m = re.sub(r"\s+([-/])\s+", r"\1", m).strip()
                toks = re.findall(r"[A-Za-z0-9]+", m)
                if n < 2 or not toks or len(toks) > 6 or m.lower().split()[0] in ("the", "a", "an", "our", "this", "these", "its"):
                    continue
                if ACRONYM.match(m) and " " not in m:
                    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", name)).lower()
                    if m.lower() == name.lower() or m.lower().rstrip("s") in initials or initials.startswith(m.lower()[:2]):
                        acrs.append(m)
                elif len(toks) >= 2 and all(t.lower() in nt or t.lower().rstrip("s") in nt for t in toks):
                    alts.append(m)
            if t == "Method" and not _model_name(name):
                continue
            reg.add(t, name, src.ref(path), alts=alts if t != "Task" else [a.lower() for a in alts],
                    acronyms=acrs, weight=1)


def import_nlp_progress(src: GitSource, reg: Registry) -> None:
    for path in [f for f in src.files() if re.match(r"[a-z]+/[^/]+\.md$", f)]:
        text = src.read(path)
        m = re.search(r"^# (.+)$", text, re.M)
        if m and path.startswith("english/"):
            reg.add("Task", m.group(1).strip(), src.ref(path), weight=5)
        for line in text.splitlines():
            cell = re.match(r"^\|\s*([^|]+?)\s*\|", line)
            if not cell or re.match(r"^[-: ]+$", cell.group(1)) or cell.group(1).lower() in ("model", "models", "method", "approach", "system"):
                continue
            name = re.sub(r"\s*\((?:[^)]*\d{4}[^)]*|[^)]*et al[^)]*)\)", "", cell.group(1))
            name = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", name).strip(" *♦†‡")
            if not name or re.search(r"\d{4}", name) or len(name.split()) > 3 \
                    or not re.search(r"[A-Z].*[A-Z]|[A-Z][a-z]+[A-Z]|\d", name) or not _model_name(name):
                continue
            reg.add("Method", name, src.ref(path))


def _model_name(name: str) -> bool:
    """A model's name, not a variant in a results table: each word a name (capitals or digits)
    or a size word; no "+" combination, no "300D"/"x5"/"Ensemble" variant."""
    words = name.split()
    return ("+" not in name and not re.match(r"^\d+[Dd]\b|.*\bx\d+$", name)
            and not any(w.lower() in ("ensemble", "baseline", "single", "blind") for w in words)
            and all(re.search(r"[A-Z0-9]", w) or w.lower() in ("large", "base", "small", "tiny", "xl", "-")
                    for w in words))


def import_hf(src: GitSource, reg: Registry) -> None:
    path = "packages/tasks/src/pipelines.ts"
    text = src.read(path)
    body = text[text.find("export const PIPELINE_DATA"):]
    for m in re.finditer(r'^\t"[a-z0-9-]+": \{\n(.*?)^\t\},?$', body, re.M | re.S):
        block = m.group(1)
        names = re.findall(r'name: "([^"]+)"', block)
        if not names:
            continue
        top = reg.add("Task", names[0], src.ref(path), weight=3, trusted=True)
        for sub in names[1:]:
            k = reg.add("Task", sub, src.ref(path))
            if k and top and k != top:
                reg.entries[k].broader.add(top[1])


MTEB_SUFFIX = re.compile(r"(?:BitextMining|PairClassification|MultilabelClassification|Classification|Clustering"
                         r"|Reranking|InstructionRetrieval|Retrieval|STS|Summarization|HardNegatives|\.v\d+)+$")


def import_wheel(src: WheelSource, reg: Registry) -> None:
    if import_dataset_wheel(src, reg):
        return
    if src.name.lower() == "mteb":
        for path in [f for f in src.files() if f.startswith("mteb/benchmarks/benchmarks/") and f.endswith(".py")]:
            for name in re.findall(r'^\s+name="([^"]+)"', src.read(path), re.M):
                reg.add("Dataset", name, src.ref(path))
        for path in [f for f in src.files() if f.startswith("mteb/tasks/") and f.endswith(".py")]:
            for name in re.findall(r'TaskMetadata\(\s*name="([^"]+)"', src.read(path)):
                base = MTEB_SUFFIX.sub("", name)
                if len(base) >= 3 and base != name and re.search(r"[A-Z].*[A-Z]|\d", base):
                    k = ("Dataset", norm(base))
                    if k in reg.entries:  # a name other sources have: confirmed
                        reg.entries[k].sources.add(src.ref(path))
                    elif len(base) <= 12:  # long task identifiers ("DAPFAMOutTitl...") are not names in text
                        reg.add("Dataset", base, src.ref(path))
    elif src.name.lower() in ("lm-eval", "lm_eval"):
        for path in [f for f in src.files() if re.match(r"lm_eval/tasks/[^/]+/README\.md$", f)]:
            m = re.search(r"^#\s+(.+)$", src.read(path), re.M)
            if not m:
                continue
            title = m.group(1).split(":", 1)[0].strip()
            if re.search(r"(?i)leaderboard|tasks?\b|evaluations?|task-name|bench(?:mark)? datasets", title) or "_" in title:
                continue
            reg.add("Dataset", title, src.ref(path), weight=2)
    elif src.name.lower() in ("tensorflow-datasets", "tensorflow_datasets"):
        # builder directories name datasets in snake case: they confirm names, they add none
        for path in src.files():
            m = re.match(r"tensorflow_datasets/(?:datasets|[a-z_]+)/([a-z0-9_]+)/__init__\.py$", path)
            if m:
                k = ("Dataset", norm(m.group(1)))
                if k in reg.entries:
                    reg.entries[k].sources.add(src.ref(path))


# ------------------------------------------------------------------ dataset registries of more wheels
# Each gives dataset or benchmark names only (class names, registry titles, docs' pretty names): a
# name other sources have is confirmed (an extra dcterms:source), a new one is added through
# Registry.add with all its filters. A plain word ("Yelp", "Vaswani", "Kolektor") is a platform, a
# person or a thing as often as a dataset: it is ambiguous (see _plain), kept only when another
# source names it too and matched in exact case only.

CLASS_SUFFIX = re.compile(r"(?<=[A-Za-z0-9])(?:Dataset|Detection|Captions|Segmentation|Classification|Stereo|Flow"
                          r"|Pairs|People|Class|Identification|Verification|Biasing|Limited|Superpixels|Keypoints)$")
# loaders of the user's own data, base classes, generators; PyG classes named after a model or a paper
# ("Planetoid") or a family of graphs rather than one dataset
NOT_DATA_CLASS = re.compile(r"Folder|Fake|^Vision|Base|Random|Synthetic|Generator|Explainer|Infection|Tabular"
                            r"|Datumaro|Custom|Hetero|Sampler|^Anomalib|^YesNo$|^(?:Planetoid|CitationFull|Entities"
                            r"|Coauthor|Actor|Airports|GeometricShapes|WikipediaNetwork|CityNetwork|AttributedGraph"
                            r"|SuiteSparseMatrixCollection|Reddit2|SNAP|TU|GNNBenchmark)$")


def _plain(name: str, caps: bool = False) -> bool:
    """One plain word: capitalised ("Yelp", "Cora"), or, with caps, all capitals ("LINUX", "MOOC")."""
    return bool(re.fullmatch(r"[A-Z][a-z]+", name) or caps and re.fullmatch(r"[A-Z]{4,}", name))


def _dataset_name(reg: Registry, name: str, ref: str, *, add: bool = True, caps: bool = False, weight: int = 1) -> None:
    """Confirm a name other sources have (compared normalised, without a parenthesis; an ambiguous
    name only in its own spelling), else add it. An ordinary word that another source named in the
    same spelling ("Cora", "VisA", "C-Eval") is kept as an ambiguous name of both sources."""
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    k = ("Dataset", norm(bare))
    e = reg.entries.get(k)
    if e is not None:
        if not e.ambiguous or e.pref == bare:  # "CoMA" the meshes do not confirm COMA of the leaderboards
            e.sources.add(ref)
        return
    seen = {s for s in reg.ordinary_names.get(k, {}).get(bare, set()) if _origin(s) != _origin(ref)}
    if seen:
        key = reg.add("Dataset", bare, ref, weight=weight, plain=True, ordinary_ok=True)
        if key:
            reg.entries[key].sources |= seen
    elif add:
        reg.add("Dataset", name, ref, weight=weight, plain=_plain(bare, caps))


def _spelled(name: str, text: str) -> str:
    """How the module's own text writes a class name most often ("FashionMNIST" -> "Fashion-MNIST",
    "VisaDataset" -> "VisA"); the class name where the text has no other spelling."""
    key = norm(name)
    if not key:
        return name
    pat = r"(?<![A-Za-z0-9_-])" + r"[ -]?".join(re.escape(c) for c in key) + r"(?![A-Za-z0-9_])"
    counts: dict[str, int] = defaultdict(int)
    for m in re.finditer(pat, text, re.I):
        if not m.group(0).islower() and m.group(0) != name:
            counts[m.group(0)] += 1
    if not counts:
        return name
    return sorted(counts, key=lambda sp: (-counts[sp], not re.search(r"[ -]", sp), sp))[0]


def _imported_classes(src: WheelSource, init: str) -> list[tuple[str, str]]:
    """(class name, module path) of the `from .module import A, B` lines of a package's __init__.py."""
    out = []
    base = init.rsplit("/", 1)[0]
    for mod, names in re.findall(r"^from \.(\w+) import \(?([\w\s,]+?)\)?\s*$", src.read(init), re.M):
        for n in re.findall(r"\w+", names):
            out.append((n, f"{base}/{mod}.py"))
    return sorted(set(out))


def _class_datasets(src: WheelSource, reg: Registry, init: str, *, suffix_only: bool = False) -> None:
    for cls, path in _imported_classes(src, init):
        if suffix_only and cls.endswith("Dataset"):
            continue  # PyG: a class named XDataset is often named after a model ("ProteinMPNNDataset")
        base = re.sub(r"_\d{3}$", "", CLASS_SUFFIX.sub("", cls)).replace("_", "-")
        if NOT_DATA_CLASS.search(base) or path not in src.files():
            continue
        name = _spelled(base, src.read(path))
        if NOT_DATA_CLASS.search(name):
            continue
        if name.isupper() and len(name) >= 8 and not re.search(r"\d", name):
            _dataset_name(reg, name, src.ref(path), add=False)  # "SPEECHCOMMANDS": a constant's spelling
        else:
            _dataset_name(reg, name, src.ref(path))


# modes of the tool (general-purpose QA on the user's data), variants of a benchmark run by an agent,
# an agent model (DeepSWE)
EVALSCOPE_NOT = re.compile(r"^General|Data-Collection|Vendor-Verifier|Wrapper|^PerspectiveGap|^DeepSWE$"
                           r"|(?:Classification|Selection|Writing|Agentic|Decision)$")
INSPECT_NOT = re.compile(r"(?i)\b(?:capabilities|evals?|evaluation|tasks?|misalignment|personality|sycophancy)\b"
                         r"|^the\b|^tau\d")
# WebKB's graphs are named after universities and a state: in text these are the places
PYG_NOT_OPTION = re.compile(r"^(?:Cornell|Texas|Wisconsin|Washington)$")
# collections named after a newspaper or a library: the publisher far more often than the data
IR_NOT = re.compile(r"^(?:Washington Post|NYT|PubMed Central|Tweets \d+)\b")


def _package(name: str) -> str:
    """A wheel's package name as PyPI writes it ("torch_geometric" -> "torch-geometric")."""
    return name.lower().replace("_", "-")


DATASET_WHEELS = ("torchvision", "torchaudio", "torch-geometric", "anomalib", "medmnist", "ir-datasets",
                  "inspect-evals", "evalscope", "opencompass")


def import_dataset_wheel(src: WheelSource, reg: Registry) -> bool:
    """The dataset registries of torchvision, torchaudio, torch-geometric, anomalib, medmnist,
    ir-datasets, inspect-evals, evalscope and opencompass; False for another package."""
    pkg = _package(src.name)
    files = src.files()
    if pkg in ("torchvision", "torchaudio"):
        _class_datasets(src, reg, f"{pkg}/datasets/__init__.py")
    elif pkg == "torch-geometric":
        _class_datasets(src, reg, "torch_geometric/datasets/__init__.py", suffix_only=True)
        # the datasets a loader is asked for by name: Planetoid's "Cora", "CiteSeer", "PubMed"
        for path in [f for f in files if re.match(r"torch_geometric/datasets/[a-z0-9_]+\.py$", f)]:
            for block in re.findall(r"\n\s+name \(str\): The name of the dataset\s*(\(.*?\))", src.read(path), re.S):
                for opt in re.findall(r'(?::obj:`|``)"([^"]+)"`', block):
                    if re.search(r"[A-Z]", opt) and not PYG_NOT_OPTION.match(opt):
                        _dataset_name(reg, opt.replace("_", "-"), src.ref(path), caps=True)
    elif pkg == "anomalib":
        for init in [f for f in files if re.match(r"anomalib/data/datasets/[a-z]+/__init__\.py$", f)]:
            _class_datasets(src, reg, init)
    elif pkg == "medmnist":
        path = "medmnist/info.py"
        if path in files:
            for name in sorted(set(re.findall(r'"python_class": "(\w+)"', src.read(path)))):
                _dataset_name(reg, name, src.ref(path))
    elif pkg == "ir-datasets":
        for path in [f for f in files if re.match(r"ir_datasets/docs/[^/]+\.yaml$", f)]:
            m = re.search(r"^_:\n(?:[ \t]+.*\n|\n)*?[ \t]+pretty_name: (['\"])(.+?)\1", src.read(path), re.M)
            if m and not IR_NOT.match(m.group(2)):
                _dataset_name(reg, m.group(2), src.ref(path), caps=True)
    elif pkg == "inspect-evals":
        for path in [f for f in files if re.match(r"inspect_evals/[^/]+/eval\.yaml$", f)]:
            m = re.search(r"^title: *(.+)$", src.read(path), re.M)
            if not m:
                continue
            title = m.group(1).strip()
            if title[:1] in "'\"" and title.endswith(title[0]):
                title = title[1:-1].replace("''", "'")
            title = re.split(r":| - ", title, 1)[0].strip()
            for name in title.split("/"):
                name = name.strip().replace("_", " ")
                if name and not INSPECT_NOT.search(name) and re.search(r"[A-Z].*[A-Z]|\d|[a-z][A-Z]", name):
                    _dataset_name(reg, name, src.ref(path), caps=True, weight=2)
    elif pkg == "evalscope":
        for path in [f for f in files if re.match(r"evalscope/benchmarks/_meta/[^/]+\.json$", f)]:
            try:
                name = (json.loads(src.read(path)).get("meta") or {}).get("pretty_name") or ""
            except json.JSONDecodeError as e:
                raise SourceError(f"{src.path}:{path}: not JSON ({e.msg})") from None
            name = name.strip().replace("_", " ")
            if name and not EVALSCOPE_NOT.search(name):
                _dataset_name(reg, name, src.ref(path), caps=True, weight=2)
    elif pkg == "opencompass":
        # config directories name benchmarks in code case ("ceval", "ARC_c") and some have a README
        # titled with the name ("# C-Eval"): they confirm, they add none
        for path in [f for f in files if re.match(r"opencompass/configs/datasets/[^/]+/README\.md$", f)]:
            m = re.search(r"^#\s+([A-Za-z0-9][\w.+-]*(?: [A-Z][\w.+-]*)?)\s*$", src.read(path), re.M)
            if m:
                _dataset_name(reg, m.group(1), src.ref(path), add=False)
        for path in files:
            m = re.match(r"opencompass/configs/(?:chatml_)?datasets/([A-Za-z0-9_]+)/[^/]+\.py$", path)
            if m:
                _dataset_name(reg, m.group(1), src.ref(path.rsplit("/", 1)[0] + "/"), add=False)
    else:
        return False
    return True


def import_supplement(path: Path, reg: Registry) -> None:
    """type, label, alt labels (|), acronyms (|), broader label, flags (ambiguous)."""
    ref = f"kg maintainers: ontology/vocab/{path.name}"
    for lineno, line in read_lines(path):
        cols = line.split("\t")
        if len(cols) < 2 or cols[0] not in TYPES:
            raise SourceError(f"{path}:{lineno}: expected TYPE<TAB>label[<TAB>alts<TAB>acronyms<TAB>broader<TAB>flags], "
                              f"TYPE one of {', '.join(TYPES)}")
        cols += [""] * (6 - len(cols))
        t, label, alts, acrs, broader, flags = cols[:6]
        key = reg.add(t, label, ref, alts=[a for a in alts.split("|") if a], acronyms=[a for a in acrs.split("|") if a],
                      trusted=True, curated=True, weight=1000)
        if key is None:
            raise SourceError(f"{path}:{lineno}: {label!r} is rejected as a junk name")
        e = reg.entries[key]
        e.supplement = True
        e.acronyms |= {a for a in acrs.split("|") if a}
        if "ambiguous" in flags:
            e.ambiguous = True
        if broader:
            bk = reg.add(t, broader, ref, trusted=True, curated=True)
            if bk and bk != key:
                e.broader.add(bk[1])


def merge_zh(path: Path, reg: Registry) -> int:
    """type, English label, Chinese label(s) (|): Chinese labels of imported concepts."""
    n = 0
    for lineno, line in read_lines(path):
        cols = line.split("\t")
        if len(cols) != 3 or cols[0] not in TYPES:
            raise SourceError(f"{path}:{lineno}: expected TYPE<TAB>English label<TAB>Chinese label(s)")
        t, en, zh = cols
        e = reg.entries.get((t, norm(en)))
        if e is None:
            continue  # a curated concept or a name the sources do not have
        for z in zh.split("|"):
            z = z.strip()
            if not re.search(r"[\u3400-\u9fff]", z):
                raise SourceError(f"{path}:{lineno}: {z!r} is not a Chinese label")
            e.zh.add(z)
            n += 1
    return n


def read_not_datasets(path: Path) -> dict[str, str]:
    """The words never imported as datasets; platforms and simulators (Wikipedia, MuJoCo) are kept:
    they are datasets where a paper names them as data, which kg/consolidate.py decides per paper."""
    out = {}
    for lineno, line in read_lines(path):
        cols = line.split("\t")
        kind = cols[1].strip() if len(cols) > 1 else ""
        if re.sub(r"\s*\(.*", "", kind).strip().lower() not in ("platform", "simulator"):
            out[norm(cols[0])] = kind
    return out


# ------------------------------------------------------------------ writing Turtle

def lit(text: str, lang: str | None) -> str:
    s = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{s}"@{lang}' if lang else f'"{s}"'


def write_ttl(concepts: dict, reg: Registry, out: Path, sources_note: str) -> dict[str, int]:
    counts = {}
    exact = defaultdict(list)
    for key, owner in reg.exact:
        exact[key].append(owner)
    for t in TYPES:
        items = sorted((c for k, c in concepts.items() if k[0] == t), key=lambda c: c["full"])
        counts[t] = len(items)
        lines = ["@prefix kgo:     <https://w3id.org/kg-digest/ontology#> .",
                 "@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .",
                 "@prefix dcterms: <http://purl.org/dc/terms/> .",
                 "@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .",
                 *[f"@prefix {p}:{' ' * (8 - len(p))}<https://w3id.org/kg-digest/id/{p}/> ." for p in sorted(set(PREFIX.values()))],
                 "",
                 f"# Generated by scripts/import_vocab.py; do not edit (edit the sources or the data files it merges).",
                 f"# {sources_note}",
                 ""]
        for c in items:
            e = c["entry"]
            props = [f"{c['iri']} a skos:Concept , kgo:{t}", "    skos:inScheme kgo:vocabulary"]
            by = defaultdict(list)
            for kind, text, lang in c["labels"]:
                by[{"pref": "skos:prefLabel", "alt": "skos:altLabel", "acronym": "kgo:acronym"}[kind]].append(lit(text, lang))
            for p in ("skos:prefLabel", "skos:altLabel", "kgo:acronym"):
                if by[p]:
                    props.append(f"    {p} {' , '.join(sorted(by[p]) if p != 'skos:prefLabel' else by[p])}")
            if c.get("broader"):
                props.append("    skos:broader " + " , ".join(_curie(b) for b in sorted(c["broader"])))
            if e.top and not c.get("broader"):
                props.append("    skos:topConceptOf kgo:vocabulary")
            if e.ambiguous:
                props.append('    kgo:ambiguous "true"^^xsd:boolean')
            if exact.get(_key_of(concepts, c)):
                props.append("    skos:exactMatch " + " , ".join(_curie(o) for o in sorted(exact[_key_of(concepts, c)])))
            props.append("    dcterms:source " + " ,\n        ".join(lit(s, None) for s in sorted(e.sources)))
            lines.append(" ;\n".join(props) + " .\n")
        (out / OUT_FILE[t]).parent.mkdir(parents=True, exist_ok=True)
        (out / OUT_FILE[t]).write_text("\n".join(lines), encoding="utf-8")
    return counts


def _key_of(concepts: dict, c: dict):
    return c["key"]


def _curie(iri: str) -> str:
    for p in PREFIX.values():
        base = f"https://w3id.org/kg-digest/id/{p}/"
        if iri.startswith(base) and re.fullmatch(r"[0-9a-z\u3400-\u9fff-]+", iri[len(base):]) \
                and not iri[len(base):].startswith("-"):
            return f"{p}:{iri[len(base):]}"
    return f"<{iri}>"


# ------------------------------------------------------------------ main

LICENCES = {
    "World-Snapshot/papers-with-code": "CC-BY-SA-4.0 (Papers with Code data)",
    "allenai/SciREX": "Apache-2.0",
    "sebastianruder/NLP-progress": "MIT",
    "huggingface/huggingface.js": "MIT",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pwc", type=Path, help="git dir of World-Snapshot/papers-with-code")
    ap.add_argument("--scirex", type=Path, help="git dir of allenai/SciREX")
    ap.add_argument("--nlp-progress", type=Path, help="git dir of sebastianruder/NLP-progress")
    ap.add_argument("--hf", type=Path, help="git dir of huggingface/huggingface.js")
    ap.add_argument("--wheel", type=Path, action="append", default=[], help="mteb / lm-eval / tensorflow-datasets wheel, or a dataset registry's "
                    "(torchvision, torchaudio, torch-geometric, anomalib, medmnist, ir-datasets, inspect-evals, "
                    "evalscope, opencompass)")
    ap.add_argument("--words", type=Path, help="english-words wheel (GCIDE word list)")
    ap.add_argument("--ontology", type=Path, default=ROOT / "ontology", help="ontology/ to read data files from and write to")
    a = ap.parse_args(argv)
    try:
        return run(a)
    except SourceError as e:
        print(f"import_vocab: {e}", file=sys.stderr)
        return 2


def _repo_name(path: Path, default: str) -> str:
    for part in reversed(Path(path).resolve().parts):
        if "+" in part:
            return part.replace("+", "/", 1)
    return default


def run(a) -> int:
    onto: Path = a.ontology
    vocab_dir = onto / "vocab"
    words: frozenset[str] = frozenset()
    word_note = "no word list"
    if a.words:
        w = WheelSource(a.words)
        name = next((n for n in w.files() if n.endswith("gcide_alpha_lower.pickle")), None)
        if name is None:
            raise SourceError(f"{a.words}: no gcide_alpha_lower.pickle in the wheel")
        words = frozenset(pickle.loads(w.zip.read(name)))
        word_note = f"pypi:{w.name}=={w.version} ({w.licence})"
    junk = frozenset(line.strip() for _, line in read_lines(onto / "rules" / "vocab-junk.txt"))
    not_ds = read_not_datasets(onto / "rules" / "not-datasets.txt")
    curated = Vocabulary.load([vocab_dir / f for f in CURATED if (vocab_dir / f).exists()])
    reg = Registry(words, junk, curated, not_ds)
    reg.stoplist = frozenset(norm(line) for _, line in read_lines(onto / "rules" / "not-entities.txt"))
    used: list[tuple[str, str, str]] = []  # (source, version, licence)
    defaults = {"pwc": "World-Snapshot/papers-with-code", "scirex": "allenai/SciREX",
                "nlp_progress": "sebastianruder/NLP-progress", "hf": "huggingface/huggingface.js"}
    importers = {"pwc": import_pwc, "scirex": import_scirex, "nlp_progress": import_nlp_progress, "hf": import_hf}
    for opt in ("hf", "pwc", "nlp_progress", "scirex"):
        path = getattr(a, opt)
        if path is None:
            continue
        name = _repo_name(path, defaults[opt])
        src = GitSource(name, path, LICENCES.get(name, LICENCES.get(defaults[opt], "?")))
        importers[opt](src, reg)
        used.append((name, src.commit, src.licence))
    wheels = [WheelSource(wp) for wp in a.wheel]
    later = [w for w in wheels if _package(w.name) in DATASET_WHEELS]
    for src in sorted((w for w in wheels if w not in later), key=lambda w: w.path.name):
        import_wheel(src, reg)
        used.append((f"pypi:{src.name}", src.version, src.licence))
    supplement = vocab_dir / "supplement.tsv"
    if supplement.exists():
        import_supplement(supplement, reg)
        used.append(("kg maintainers", "ontology/vocab/supplement.tsv", "same as this repository"))
    # the dataset registries last: a name they share with the others keeps the others' spelling
    for src in sorted(later, key=lambda w: (DATASET_WHEELS.index(_package(w.name)), w.path.name)):
        import_wheel(src, reg)
        used.append((f"pypi:{src.name}", src.version, src.licence))
    zh_n = merge_zh(vocab_dir / "zh-labels.tsv", reg) if (vocab_dir / "zh-labels.tsv").exists() else 0
    concepts = reg.resolve()
    for k, c in concepts.items():
        c["key"] = k
    note = "Sources: " + "; ".join(f"{s} {v}" for s, v, _ in used) + f"; word list {word_note}"
    counts = write_ttl(concepts, reg, vocab_dir, note)
    print("imported: " + ", ".join(f"{t} {n}" for t, n in counts.items())
          + f"; Chinese labels {zh_n}; dropped: " + ", ".join(f"{k} {v}" for k, v in sorted(reg.dropped.items())))
    for s, v, lic in used:
        print(f"source\t{s}\t{v}\t{lic}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
