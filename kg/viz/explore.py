"""The data of the overlap explorer page (matrix.html): every paper with its datasets, methods
and tasks, its month and its fields, so that the page can count any matrix (dataset × method,
dataset × task, dataset × dataset), the co-usage of datasets and the trends per month for any
filter, in the browser, without going back to Python.

The page gets compact arrays, one pass over the papers:

    E  [[label, type index, [alternative labels]], ...]   entities (datasets, methods, tasks)
    P  [[id, title, url or 0 (arXiv abstract page of id), month index, [field indices],
         [entity indices], [evidence strings]], ...]
    months  ["2025-07", ...]          sorted; a paper's month is dcterms:issued when the graph
                                       has it, else the YYMM of its arXiv id, else none (-1)
    fields  ["speech emotion recognition", ...]   the top concepts of the task vocabulary
    tasks   [entity indices]           tasks for the task filter, most papers first

Evidence is kept for every link of a build up to BIG papers; above, only for datasets (the rows
of every matrix) and shorter, so that the page stays a few megabytes per 10,000 papers.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .data import Data, excerpt

TYPES = ("Dataset", "Method", "Task")
BIG = 20000
EVIDENCE = 160
EVIDENCE_BIG = 70
ALT_LABELS = 4
_ARXIV = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}")


def paper_month(paper) -> str | None:
    """YYYY-MM: dcterms:issued when known, else from a new-style arXiv id (2507.21395 -> 2025-07)."""
    issued = getattr(paper, "issued", "") or ""
    if re.match(r"^\d{4}-\d{2}", issued):
        return issued[:7]
    m = _ARXIV.match(paper.id)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"20{m.group(1)}-{m.group(2)}"
    return None


@lru_cache(maxsize=1)
def _task_roots() -> dict[str, str]:
    """task IRI -> the label of its top concept (itself when it has no broader task)."""
    try:
        from ..vocab import Vocabulary
        v = Vocabulary.load()
    except Exception:  # no vocabulary: no fields
        return {}
    out = {}
    for iri, c in v.concepts.items():
        if c.type != "Task":
            continue
        anc = [a for a in v.ancestors(iri) if a in v.concepts]
        roots = [a for a in anc if not v.concepts[a].broader]
        out[iri] = v.concepts[roots[0] if roots else iri].pref
    return out


def paper_fields(data: Data, p, roots: dict[str, str] | None = None) -> set[str]:
    """The fields of a paper: the top concept of each of its tasks (the task itself when the
    vocabulary does not know it or there is no vocabulary)."""
    roots = _task_roots() if roots is None else roots
    return {task_field(e, roots) for e in (data.entities[ei] for ei, _, _ in p.links) if e.type == "Task"}


def task_field(e, roots: dict[str, str]) -> str:
    """The field a task belongs to: its top concept's label (its own label when unknown)."""
    return roots.get(e.iri, e.label) if roots else e.label


def explorer_data(data: Data) -> dict:
    big = len(data.papers) > BIG
    ev_chars = EVIDENCE_BIG if big else EVIDENCE
    roots = _task_roots()
    keep_type = {t: k for k, t in enumerate(TYPES)}
    eidx: dict[int, int] = {}
    E: list[list] = []
    months: set[str] = set()
    rows = []
    for p in sorted(data.papers, key=lambda p: p.id):
        ents, evs, seen = [], [], set()
        fields = set()
        for ei, _, text in p.links:
            e = data.entities[ei]
            if e.type not in keep_type or ei in seen:
                continue
            seen.add(ei)
            ents.append(ei)
            evs.append(excerpt(text, ev_chars) if (not big or e.type == "Dataset") else "")
            if e.type == "Task":
                fields.add(task_field(e, roots))
        if not ents:
            continue
        m = paper_month(p)
        if m:
            months.add(m)
        rows.append((p, m, ents, evs, fields))
    month_list = sorted(months)
    mi = {m: k for k, m in enumerate(month_list)}
    field_count = Counter(f for *_, fs in rows for f in fs)
    field_list = sorted(field_count, key=lambda f: (-field_count[f], f))
    fi = {f: k for k, f in enumerate(field_list)}
    P = []
    for p, m, ents, evs, fields in rows:
        out_e = []
        for ei in ents:
            k = eidx.get(ei)
            if k is None:
                e = data.entities[ei]
                k = eidx[ei] = len(E)
                E.append([e.label, keep_type[e.type], e.alt_labels[:ALT_LABELS]])
            out_e.append(k)
        u = p.url
        P.append([p.id, p.title, 0 if u == f"https://arxiv.org/abs/{p.id}" else u, mi.get(m, -1),
                  sorted(fi[f] for f in fields), out_e, evs])
    n_task = Counter(k for row in P for k in row[5] if E[k][1] == 2)
    tasks = sorted(n_task, key=lambda k: (-n_task[k], E[k][0].lower(), k))
    return {"types": list(TYPES), "E": E, "P": P, "months": month_list, "fields": field_list,
            "tasks": tasks, "big": big, "n_papers": len(data.papers)}


def upset_combos(data: Data) -> tuple[list[tuple[list[str], int]], dict[str, int]]:
    """Sets of two or more datasets used by the same papers (exactly those datasets), most papers
    first, and the papers of each dataset: what the page's "Datasets used together" shows."""
    combos: Counter = Counter()
    sizes: Counter = Counter()
    for p in data.papers:
        ds = sorted({data.entities[ei].label for ei, _, _ in p.links if data.entities[ei].type == "Dataset"})
        sizes.update(ds)
        if len(ds) >= 2:
            combos[tuple(ds)] += 1
    ranked = sorted(combos, key=lambda c: (-combos[c], len(c), ",".join(c)))
    return [(list(c), combos[c]) for c in ranked], dict(sizes)


def trend_series(data: Data, entities: list[int]) -> tuple[list[str], list[tuple[str, list[int]]]]:
    """Papers per month (paper_month) of each entity, over every month of the build."""
    months = sorted({m for p in data.papers if (m := paper_month(p))})
    mi = {m: k for k, m in enumerate(months)}
    out = []
    for ei in entities:
        ys = [0] * len(months)
        for pi in data.entities[ei].papers:
            m = paper_month(data.papers[pi])
            if m:
                ys[mi[m]] += 1
        out.append((data.entities[ei].label, ys))
    return months, out


def top_datasets(data: Data, n: int = 3) -> list[int]:
    ds = [i for i, e in enumerate(data.entities) if e.type == "Dataset"]
    return sorted(ds, key=lambda i: (-len(data.entities[i].papers), data.entities[i].label.lower(), i))[:n]
