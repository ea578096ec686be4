"""Curation: a user's corrections of the links, kept in a YAML file beside the inputs and applied
by every build after linking (so they do not depend on how extraction found anything).

The file (default: curation.yaml in the input folder, e.g. data/curation.yaml) is a list with one
correction per line, in the order given:

    - {op: remove, paper: "2507.21395", label: "CAT"}
    - {op: add, paper: "2507.21395", type: Method, label: "Sync-TVA", novel: true}
    - {op: merge, label: "SyncTVA model", into: "Sync-TVA"}
    - {op: retype, label: "EmoBox", type: Dataset}

Merges and retypes apply first (to every link of the entity), then removals and additions. Every
link a correction makes or changes has `kgo:foundBy "curation"`. A correction that no longer
applies (the paper is gone, the label names nothing, the link is not there) is reported by the
build and by `kg curate list`, never silently dropped.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from .model import TYPES, Entity, Link, Paper
from .vocab import entity_iri, norm

CURATION_FILE = "curation.yaml"
RULE = "curation"
OPS = {"remove": ("paper", "label"), "add": ("paper", "type", "label"), "merge": ("label", "into"),
       "retype": ("label", "type")}
HEADER = ("# kg curation: corrections applied by every `kg build` after linking (see `kg curate --help`).\n"
          "# One correction per line; merges and retypes apply first, then removals and additions.\n")


class CurationError(Exception):
    """The curation file cannot be read (FILE:LINE: what is wrong)."""


@dataclass
class Correction:
    op: str
    label: str
    paper: str = ""
    type: str = ""
    into: str = ""
    novel: bool = False
    line: int = 0

    def as_dict(self) -> dict:
        d = {"op": self.op}
        for k in OPS[self.op] + (("novel",) if self.op == "add" and self.novel else ()):
            d[k] = getattr(self, k)
        return d

    def describe(self) -> str:
        if self.op == "remove":
            return f"remove {self.paper} {self.label!r}"
        if self.op == "add":
            return f"add {self.paper} {self.type} {self.label!r}" + (" --novel" if self.novel else "")
        if self.op == "merge":
            return f"merge {self.label!r} into {self.into!r}"
        return f"retype {self.label!r} {self.type}"


@dataclass
class CurationReport:
    file: str = ""
    applied: int = 0
    not_applied: list[str] = field(default_factory=list)  # "FILE:LINE: correction: why"
    mapping: dict[str, str] = field(default_factory=dict)  # merged / retyped entity IRI -> its new IRI

    def target(self, iri: str) -> str:
        seen = set()
        while iri in self.mapping and iri not in seen:
            seen.add(iri)
            iri = self.mapping[iri]
        return iri

    def as_dict(self) -> dict:
        return {"file": self.file, "applied": self.applied, "not_applied": self.not_applied}


def default_file(inputs: list[str | Path] | None = None) -> Path:
    """curation.yaml in the first input folder (or beside the first input file); data/ by default."""
    first = Path(inputs[0]) if inputs else Path("data")
    return (first if first.is_dir() or not first.suffix else first.parent) / CURATION_FILE


def _line(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def dump(corrections: list[Correction]) -> str:
    """The file's text: a header and one flow mapping per line (JSON strings are YAML strings)."""
    lines = [HEADER]
    for c in corrections:
        d = c.as_dict()
        lines.append("- {" + ", ".join(f"{k}: {v if k in ('op', 'type') else (_line(v) if isinstance(v, str) else str(v).lower())}"
                                       for k, v in d.items()) + "}\n")
    return "".join(lines)


def load(path: Path) -> list[Correction]:
    """The corrections of a curation file ([] when there is none)."""
    import yaml
    path = Path(path)
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except UnicodeDecodeError as e:
        raise CurationError(f"{path}:0: not UTF-8 text ({e.reason})") from None
    except OSError as e:
        raise CurationError(f"{path}: cannot read: {e.strerror}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise CurationError(f"{path}:{mark.line + 1 if mark else 0}: not YAML: {getattr(e, 'problem', e)}") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise CurationError(f"{path}:1: expected a list of corrections (lines starting with '- ')")
    out = []
    for item, n in zip(data, node.value):
        line = n.start_mark.line + 1
        if not isinstance(item, dict) or item.get("op") not in OPS:
            raise CurationError(f"{path}:{line}: expected {{op: remove|add|merge|retype, ...}}")
        op = item["op"]
        missing = [k for k in OPS[op] if not isinstance(item.get(k), (str, int, float)) or str(item.get(k)) == ""]
        if missing:
            raise CurationError(f"{path}:{line}: {op} needs {', '.join(missing)}")
        c = Correction(op=op, label=str(item.get("label", "")), paper=str(item.get("paper", "")),
                       type=str(item.get("type", "")), into=str(item.get("into", "")),
                       novel=bool(item.get("novel", False)), line=line)
        if c.type and c.type not in TYPES:
            raise CurationError(f"{path}:{line}: type {c.type!r} is not one of {', '.join(TYPES)}")
        out.append(c)
    return out


# --- applying a curation to the links of a build ---------------------------------------------

def apply(linked: list[tuple[Paper, list[Link]]], linker, corrections: list[Correction],
          file: str) -> tuple[list[tuple[Paper, list[Link]]], CurationReport]:
    """The links after the corrections; linker.entities is updated (merged-away entities dropped,
    added ones registered)."""
    from .link import RELATIONS
    report = CurationReport(file=file)
    if not corrections:
        return linked, report
    vocabulary = linker.vocabulary
    entities: dict[str, Entity] = linker.entities

    def stale(c: Correction, why: str) -> None:
        report.not_applied.append(f"{file}:{c.line}: {c.describe()}: {why}")

    def resolve(label: str, type: str | None = None) -> str | None:
        con = vocabulary.lookup(label, type)
        if con is not None:
            return con.iri
        iri = linker._by_key.get(norm(label))
        if iri is None:
            key = norm(label)
            iri = next((e.iri for e in entities.values() if not e.known and norm(e.label) == key), None)
        if iri is not None and iri in entities and (type is None or entities[iri].type == type):
            return iri
        return None

    def entity(iri: str) -> Entity:
        return entities[iri] if iri in entities else linker._known(iri)

    # 1. entity corrections: a map old IRI -> new IRI
    mapping: dict[str, str] = {}

    def target(iri: str) -> str:
        seen = set()
        while iri in mapping and iri not in seen:
            seen.add(iri)
            iri = mapping[iri]
        return iri

    used_entities = {lk.entity for _, links in linked for lk in links}
    for c in corrections:
        if c.op == "merge":
            a, b = resolve(c.label), resolve(c.into)
            if a is None or b is None:
                stale(c, f"no entity is labelled {c.label if a is None else c.into!r}")
                continue
            a, b = target(a), target(b)
            if a == b or a not in used_entities:
                stale(c, "nothing to merge (no paper links it)" if a != b else "already one entity")
                continue
            entity(b)
            mapping[a] = b
            report.applied += 1
        elif c.op == "retype":
            a = resolve(c.label)
            if a is None:
                stale(c, f"no entity is labelled {c.label!r}")
                continue
            a = target(a)
            e = entity(a)
            if e.type == c.type:
                stale(c, f"it is a {c.type} already")
                continue
            if e.known:
                stale(c, f"{e.label!r} is a vocabulary {e.type} ({e.iri}); change its type in the vocabulary")
                continue
            new = entity_iri(c.type, e.label)
            if new not in entities:
                entities[new] = Entity(new, c.type, e.label, list(e.alt_labels), known=False,
                                       first_seen=e.first_seen)
            mapping[a] = new
            report.applied += 1

    by_key = {p.key: i for i, (p, _) in enumerate(linked)}
    by_iri = {p.iri: i for i, (p, _) in enumerate(linked)}
    out = [(p, list(links)) for p, links in linked]
    changed: set[int] = set()
    if mapping:
        for i, (paper, links) in enumerate(out):
            if not any(lk.entity in mapping for lk in links):
                continue
            merged: dict[str, Link] = {}
            for lk in links:
                if lk.entity in mapping:
                    iri = target(lk.entity)
                    e = entities[iri]
                    novel = lk.novel and e.type in ("Dataset", "Method")
                    lk = replace(lk, entity=iri, type=e.type, relation=RELATIONS[(e.type, novel)], novel=novel, rule=RULE)
                prev = merged.get(lk.entity)
                if prev is not None:  # the paper links the target already: one link, novel if either is
                    novel = prev.novel or lk.novel
                    lk = replace(prev, novel=novel, relation=RELATIONS[(prev.type, novel)], rule=RULE)
                merged[lk.entity] = lk
            out[i] = (paper, list(merged.values()))
            changed.add(i)
        for a in mapping:
            if a in entities and all(lk.entity != a for _, links in out for lk in links):
                del entities[a]

    # 2. link corrections
    for c in corrections:
        if c.op not in ("remove", "add"):
            continue
        i = by_key.get(c.paper, by_iri.get(c.paper))
        if i is None:
            stale(c, "the paper is not in the build")
            continue
        paper, links = out[i]
        if c.op == "remove":
            iri = resolve(c.label)
            if iri is None:
                stale(c, f"no entity is labelled {c.label!r}")
                continue
            iri = target(iri)
            kept = [lk for lk in links if lk.entity != iri]
            if len(kept) == len(links):
                stale(c, "the paper has no such link")
                continue
            out[i] = (paper, kept)
        else:
            iri = resolve(c.label, c.type)
            iri = target(iri) if iri is not None else entity_iri(c.type, c.label)
            if iri not in entities:
                entities[iri] = Entity(iri, c.type, c.label, [], known=False, first_seen=paper.iri)
            e = entity(iri)
            novel = c.novel and e.type in ("Dataset", "Method")
            latest = paper.latest
            new = Link(paper.iri, iri, e.type, RELATIONS[(e.type, novel)], novel, latest.title, c.label,
                       "title", latest.label, RULE, 1.0)
            out[i] = (paper, [lk for lk in links if lk.entity != iri] + [new])
        changed.add(i)
        report.applied += 1
    for i in changed:
        paper, links = out[i]
        links.sort(key=lambda lk: (TYPES.index(lk.type), lk.entity))
    report.mapping = mapping
    return out, report


# --- kg curate ---------------------------------------------------------------------------------

def _build_labels(out: Path) -> dict[str, dict] | None:
    """paper key -> {normalised label: (type, label)} of the build's links, or None without a build."""
    path = Path(out) / "links.jsonl"
    if not path.exists():
        return None
    papers: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        labels = papers.setdefault(r["paper"], {})
        for lab in [r["label"], *r.get("alt_labels", [])]:
            labels.setdefault(norm(lab), (r["type"], r["label"]))
    return papers


def _curation_file(a: argparse.Namespace) -> Path:
    if a.file:
        return Path(a.file)
    manifest = Path(a.output) / "build.json"
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8")).get("curation", {}).get("file")
        if recorded:
            return Path(recorded)
    except (OSError, ValueError, AttributeError):
        pass
    return default_file()


def main(a: argparse.Namespace) -> int:
    path = _curation_file(a)
    try:
        corrections = load(path)
    except CurationError as e:
        print(f"kg curate: {e}", file=sys.stderr)
        return 2
    if a.action == "list":
        if not corrections:
            print(f"{path}: no corrections")
        for c in corrections:
            print(f"{path}:{c.line}: {c.describe()}")
        try:
            built = json.loads((Path(a.output) / "build.json").read_text(encoding="utf-8")).get("curation") or {}
        except (OSError, ValueError):
            built = {}
        for msg in built.get("not_applied", []):
            print(f"not applied by the build in {a.output}/: {msg}")
        return 0
    labels = _build_labels(a.output)
    c = Correction(op=a.action, label=a.label, paper=getattr(a, "paper", "") or "",
                   type=getattr(a, "type", "") or "", into=getattr(a, "into", "") or "",
                   novel=bool(getattr(a, "novel", False)))
    if labels is None:
        print(f"kg curate: note: no build in {a.output}/ to check the labels against; recorded as given",
              file=sys.stderr)
    else:
        every = {k: v for links in labels.values() for k, v in links.items()}
        if c.op == "remove":
            mine = labels.get(c.paper)
            if mine is None:
                print(f"kg curate: paper {c.paper} has no links in the build in {a.output}/", file=sys.stderr)
                return 2
            if norm(c.label) not in mine:
                print(f"kg curate: paper {c.paper} has no link to {c.label!r} in {a.output}/ "
                      f"(its links: {', '.join(sorted({v[1] for v in mine.values()}))})", file=sys.stderr)
                return 2
            c.label = mine[norm(c.label)][1]
        elif c.op in ("merge", "retype"):
            for attr in ("label", "into") if c.op == "merge" else ("label",):
                hit = every.get(norm(getattr(c, attr)))
                if hit is None:
                    print(f"kg curate: no entity of the build in {a.output}/ is labelled {getattr(c, attr)!r}",
                          file=sys.stderr)
                    return 2
                setattr(c, attr, hit[1])
    corrections = [x for x in corrections if x.as_dict() != c.as_dict()] + [c]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(corrections), encoding="utf-8")
    print(f"{path}: {c.describe()} ({len(corrections)} correction(s); applied by the next `kg build`)")
    return 0
