"""View models: which nodes and edges a view shows, with what they say on hover and click.

A view model is plain data (lists and dicts of strings and numbers). The HTML pages embed it
as JSON and the static pictures draw it, so both always show the same graph.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .data import EVIDENCE_CHARS, Data, excerpt
from .layout import cluster_layout, layout


def file_stem(name: str, limit: int = 100) -> str:
    """A file name part for any id or label: unsafe characters replaced, and a long one cut with
    a hash of the whole kept, so that two long ids never share a file (names over 255 bytes fail)."""
    safe = re.sub(r"[^\w.\-\u3400-\u9fff]+", "_", name).strip("._") or "x"
    if len(safe.encode("utf-8")) <= limit:
        return safe
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]
    cut = safe.encode("utf-8")[:limit - 13].decode("utf-8", "ignore")
    return f"{cut}-{digest}"


STYLE = {  # kind -> (vis shape, colour, matplotlib marker)
    "Paper": ("square", "#8c96a3", "s"),
    "Task": ("triangle", "#f28e2b", "^"),
    "Dataset": ("diamond", "#4e79a7", "D"),
    "Method": ("dot", "#59a14f", "o"),
    "Metric": ("star", "#b07aa1", "*"),
    "Group": ("hexagon", "#bab0ac", "h"),
}
LARGE = 3000            # nodes: above this, single-paper leaves are aggregated and tooltips trimmed
HUGE_PAPERS = 20000     # papers: above this the whole-graph view shows entities only, linked by shared papers
HUGE_ENTITIES = 2500    # ... the most used ones
HUGE_PARTNERS = 8       # ... each with its strongest co-occurrences
RELATION_LABEL = {
    "addressesTask": "addresses task", "usesDataset": "uses dataset", "introducesDataset": "introduces dataset",
    "usesMethod": "uses method", "proposesMethod": "proposes method", "reportsMetric": "reports metric",
    "mentions": "mentions",
}


@dataclass
class View:
    name: str                     # file stem, e.g. "graph", "views/dataset-iemocap"
    title: str
    subtitle: str
    kinds: list[str]              # node kinds present, legend order
    labels: list[str] = field(default_factory=list)
    node_kind: list[str] = field(default_factory=list)
    node_count: list[int] = field(default_factory=list)   # papers behind the node
    info: list[dict] = field(default_factory=list)        # per node, for tooltips and the panel
    edges: list[tuple[int, int, float]] = field(default_factory=list)
    einfo: list[dict] = field(default_factory=list)
    papers: list[dict] = field(default_factory=list)      # papers referred to by info/einfo
    notes: list[str] = field(default_factory=list)
    focus: int | None = None
    pos: list[tuple[float, float]] = field(default_factory=list)
    large: bool = False
    node_papers: list[list[int]] = field(default_factory=list)  # per node, the papers (Data indices) behind it
    clusters: list[dict] = field(default_factory=list)   # labelled communities: the overview of a big graph
    cluster_of: list[int] = field(default_factory=list)  # per node, its cluster or -1
    filters: dict | None = None                          # months, fields and the papers of each node

    def add(self, kind: str, label: str, count: int, info: dict, papers: list[int] | None = None) -> int:
        self.labels.append(label)
        self.node_kind.append(kind)
        self.node_count.append(count)
        self.info.append(info)
        self.node_papers.append(list(papers) if papers is not None else [])
        return len(self.labels) - 1

    def finish(self, data: Data | None = None, clusters: bool = False) -> "View":
        """Positions (by community when clusters is set and the graph is big enough for an
        overview), and with data the months and fields of the papers behind each node, for the
        page's time and field filters."""
        radii = drawn_radii(self.node_count)
        groups, n_clusters = communities(self) if clusters and len(self.labels) >= CLUSTER_MIN_NODES else ([], 0)
        if groups:
            p = cluster_layout(len(self.labels), self.edges, groups, radii)
        else:
            p = layout(len(self.labels), self.edges, radii=radii)
        self.pos = [(round(float(x), 1), round(float(y), 1)) for x, y in p]
        self.large = len(self.labels) > LARGE
        if groups:
            self._describe_clusters(groups[:n_clusters])
        if data is not None:
            # a weighted view shows its pairs: a paper behind one node only changes no pair
            pairs_only = any(w != 1.0 for _, _, w in self.edges)
            self.filters = filter_data(data, self.node_papers, 2 if pairs_only else 1)
        return self

    def _describe_clusters(self, groups: list[list[int]]) -> None:
        """Each cluster labelled by its most important entities (most papers behind them), with
        its drawn circle (centre and radius, from the positions) and the papers behind it."""
        import numpy as np
        pos = np.asarray(self.pos, dtype=float)
        radii = drawn_radii(self.node_count)
        self.cluster_of = [-1] * len(self.labels)
        for c, members in enumerate(groups):
            ents = [i for i in members if self.node_kind[i] not in ("Paper", "Group")]
            top = sorted(ents, key=lambda i: (-self.node_count[i], self.labels[i].lower(), i))[:CLUSTER_TOP]
            pts = pos[members]
            centre = pts.mean(0)
            r = float((np.hypot(*(pts - centre).T) + radii[members]).max()) + 8.0
            papers = set()
            for i in members:
                papers.update(self.node_papers[i])
                self.cluster_of[i] = c
            self.clusters.append({"l": " · ".join(self.labels[i] for i in top[:CLUSTER_LABEL]),
                                  "top": top, "m": len(members), "n": len(papers),
                                  "x": round(float(centre[0]), 1), "y": round(float(centre[1]), 1),
                                  "r": round(r, 1)})


CLUSTER_MIN_NODES = 200  # below this a graph is readable without an overview
CLUSTER_MIN_SIZE = 5     # smaller communities are not drawn as clusters
MAX_CLUSTERS = 40        # the largest communities get a circle and a label
CLUSTER_TOP = 12         # entities listed in a cluster's details
CLUSTER_LABEL = 3        # ... of which the first name the cluster on the canvas


def communities(v: View) -> tuple[list[list[int]], int]:
    """Communities of the view's graph (Louvain, networkx, fixed seed: the same graph gives the
    same communities), largest first: the clusters (up to MAX_CLUSTERS of at least
    CLUSTER_MIN_SIZE nodes), then one group of every other node (not a cluster: no label), and
    the number of clusters; ([], 0) when the graph has fewer than two clusters."""
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(range(len(v.labels)))
    for a, b, w in v.edges:
        if a != b:
            g.add_edge(a, b, weight=float(w))
    found = [sorted(c) for c in nx.community.louvain_communities(g, weight="weight", seed=7)]
    found.sort(key=lambda c: (-len(c), c[0]))
    big = [c for c in found if len(c) >= CLUSTER_MIN_SIZE][:MAX_CLUSTERS]
    if len(big) < 2:
        return [], 0
    inside = {i for c in big for i in c}
    rest = [i for i in range(len(v.labels)) if i not in inside]
    return big + ([rest] if rest else []), len(big)


def filter_data(data: Data, node_papers: list[list[int]], min_nodes: int = 1) -> dict | None:
    """What the page's month and field filters need: the months and fields, and for every paper
    behind a node its month, its fields and its nodes (so that the page counts, for the papers
    that pass, each node's papers and each edge's shared papers). None when there is nothing to
    filter by (fewer than two months and two fields). Papers behind fewer than min_nodes nodes
    are left out (2 for a view of pairs)."""
    from .explore import _task_roots, paper_fields, paper_month
    by_paper: dict[int, list[int]] = defaultdict(list)
    for node, ps in enumerate(node_papers):
        for pi in ps:
            by_paper[pi].append(node)
    if not by_paper:
        return None
    roots = _task_roots()
    rows = []
    for pi in sorted(by_paper, key=lambda q: (data.papers[q].id, q)):
        if len(by_paper[pi]) < min_nodes:
            continue
        p = data.papers[pi]
        rows.append((paper_month(p), sorted(paper_fields(data, p, roots)), sorted(set(by_paper[pi]))))
    months = sorted({m for m, _, _ in rows if m})
    fcount = Counter(f for _, fs, _ in rows for f in fs)
    fields = sorted(fcount, key=lambda f: (-fcount[f], f))
    if len(months) < 2 and len(fields) < 2:
        return None
    mi = {m: k for k, m in enumerate(months)}
    fi = {f: k for k, f in enumerate(fields)}
    return {"months": months, "fields": fields,
            "pm": [mi.get(m, -1) for m, _, _ in rows],
            "pf": [[fi[f] for f in fs] for _, fs, _ in rows],
            "pn": [ns for _, _, ns in rows]}


NODE_SIZE = (6, 38)  # the drawn radius of the node with the fewest and the most papers


def drawn_radii(counts: list[int]) -> "np.ndarray":
    """The radius vis-network draws for each node: its "value" (papers behind it) scaled linearly
    into NODE_SIZE pixels (render.vis_options uses the same range), the middle when all values are
    equal."""
    import numpy as np
    c = np.asarray(counts, dtype=float)
    if not len(c):
        return c
    lo, hi = c.min(), c.max()
    small, big = NODE_SIZE
    return np.full(len(c), (small + big) / 2) if hi == lo else small + (c - lo) / (hi - lo) * (big - small)


class PaperTable:
    """The papers a view refers to, each once, in first-use order."""

    def __init__(self, data: Data, summary_chars: int):
        self.data, self.summary_chars, self.index, self.rows = data, summary_chars, {}, []

    def ref(self, pi: int) -> int:
        i = self.index.get(pi)
        if i is None:
            p = self.data.papers[pi]
            i = self.index[pi] = len(self.rows)
            row = {"id": p.id, "t": p.title, "u": p.url}
            if self.summary_chars and p.summary:
                row["s"] = excerpt(p.summary, self.summary_chars)
            self.rows.append(row)
        return i


def _entity_info(data: Data, ei: int, table: PaperTable, evidence: dict[tuple[int, int], str],
                 limit: int, ev_chars: int) -> dict:
    e = data.entities[ei]
    ps = sorted(e.papers, key=lambda pi: data.papers[pi].id, reverse=True)  # newest arXiv ids first
    return {"k": e.type, "l": e.label, "a": e.alt_labels[:8], "n": len(e.papers), "nv": e.novel,
            "p": [[table.ref(pi), excerpt(evidence.get((pi, ei), ""), ev_chars)] for pi in ps[:limit]]}


def _evidence(data: Data) -> dict[tuple[int, int], str]:
    ev: dict[tuple[int, int], str] = {}
    for pi, p in enumerate(data.papers):
        for ei, _, text in p.links:
            ev.setdefault((pi, ei), text)
    return ev


def _paper_info(data: Data, pi: int, table: PaperTable) -> dict:
    p = data.papers[pi]
    return {"k": "Paper", "l": p.id, "n": 1, "pr": table.ref(pi)}


def _relations(data: Data, pi: int) -> dict[int, str]:
    rel: dict[int, str] = {}
    for ei, r, _ in data.papers[pi].links:
        if ei not in rel or r in ("introducesDataset", "proposesMethod"):
            rel[ei] = r
    return rel


# ---------------------------------------------------------------------------------- graph
def whole_graph(data: Data) -> View:
    """Papers and entities, one edge per paper-entity link. Large graphs: entities of a single
    paper are folded into their paper, and papers left with one entity into one group node.
    Huge graphs (over HUGE_PAPERS papers): see entity_graph."""
    if len(data.papers) > HUGE_PAPERS:
        return entity_graph(data)
    n_all = len(data.papers) + len(data.entities)
    large = n_all > LARGE
    table = PaperTable(data, 160 if large else 240)
    ev = _evidence(data)
    v = View("graph", "Knowledge graph", "", ["Paper", "Task", "Dataset", "Method", "Metric"])
    limit, ev_chars = (2, 100) if large else (5, EVIDENCE_CHARS)
    keep_entity = [(not large) or len(e.papers) > 1 for e in data.entities]
    enode: dict[int, int] = {}
    for ei, e in sorted(enumerate(data.entities), key=lambda x: (x[1].type, x[1].label.lower(), x[1].iri)):
        if keep_entity[ei]:
            enode[ei] = v.add(e.type, e.label, len(e.papers), _entity_info(data, ei, table, ev, limit, ev_chars),
                              e.papers)
    groups: dict[int, list[int]] = defaultdict(list)
    folded_entities = 0
    for pi, p in sorted(enumerate(data.papers), key=lambda x: x[1].id):
        rel = _relations(data, pi)
        kept = [ei for ei in rel if ei in enode]
        folded = [ei for ei in rel if ei not in enode]
        folded_entities += len(folded)
        if large and len(kept) <= 1:
            if kept:
                groups[kept[0]].append(pi)
            continue
        info = _paper_info(data, pi, table)
        if folded:
            info["f"] = [[data.entities[ei].type, data.entities[ei].label] for ei in folded[:12]]
        node = v.add("Paper", p.id, 1, info, [pi])
        for ei in kept:
            v.edges.append((node, enode[ei], 1.0))
            v.einfo.append({"r": RELATION_LABEL.get(rel[ei], rel[ei]), "p": info["pr"],
                            **({} if large else {"e": excerpt(ev.get((pi, ei), ""), ev_chars)})})
    for ei in sorted(groups, key=lambda e: (data.entities[e].label.lower(), e)):
        ps = groups[ei]
        node = v.add("Group", f"{len(ps)} papers", len(ps),
                     {"k": "Group", "l": f"{len(ps)} papers only linked to {data.entities[ei].label}",
                      "n": len(ps), "g": [table.ref(pi) for pi in ps[:10]]}, ps)
        v.edges.append((node, enode[ei], 1.0))
        v.einfo.append({"r": "papers", "c": len(ps)})
    if large:
        v.kinds.append("Group")
        v.notes.append(f"Large graph: {folded_entities} links to entities of a single paper are listed in the "
                       f"paper's details; {sum(map(len, groups.values()))} papers with one shared entity are "
                       f"grouped into {len(groups)} nodes.")
    v.papers = table.rows
    n_p, n_e = len(data.papers), len(data.entities)
    v.subtitle = f"{n_p} papers, {n_e} entities, {sum(len(p.links) for p in data.papers)} links"
    return v.finish(data, clusters=True)


def entity_graph(data: Data) -> View:
    """The whole graph of a huge build: the most used entities, each linked to the entities it
    shares most papers with (edge weight: shared papers); papers are listed in the details."""
    table = PaperTable(data, 0)
    ev = _evidence(data)
    ranked = sorted(range(len(data.entities)),
                    key=lambda ei: (-len(data.entities[ei].papers), data.entities[ei].label.lower(), ei))
    kept = ranked[:HUGE_ENTITIES]
    v = View("graph", "Knowledge graph", "", ["Task", "Dataset", "Method", "Metric"])
    enode = {}
    for ei in sorted(kept, key=lambda e: (data.entities[e].type, data.entities[e].label.lower(), data.entities[e].iri)):
        e = data.entities[ei]
        enode[ei] = v.add(e.type, e.label, len(e.papers), _entity_info(data, ei, table, ev, 2, 100), e.papers)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for p in data.papers:
        ents = sorted({ei for ei, _, _ in p.links if ei in enode})[:30]
        for i, a in enumerate(ents):
            for b in ents[i + 1:]:
                shared[(a, b)] += 1
    partners: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (a, b), w in shared.items():
        partners[a].append((w, b))
        partners[b].append((w, a))
    chosen = set()
    for a, ps in partners.items():
        for w, b in sorted(ps, key=lambda x: (-x[0], x[1]))[:HUGE_PARTNERS]:
            chosen.add((min(a, b), max(a, b)))
    for a, b in sorted(chosen):
        w = shared[(a, b)]
        v.edges.append((enode[a], enode[b], float(w)))
        v.einfo.append({"r": "shared papers", "c": w})
    v.notes.append(f"Huge graph: the {len(kept)} most used of {len(data.entities)} entities, each linked to the "
                   f"{HUGE_PARTNERS} entities it shares most papers with; papers are listed in the details "
                   f"(kg view dataset|method|task NAME shows one entity with its papers).")
    v.papers = table.rows
    v.subtitle = (f"{len(data.papers)} papers, {len(data.entities)} entities, "
                  f"{sum(len(p.links) for p in data.papers)} links")
    return v.finish(data, clusters=True)


# ---------------------------------------------------------------------------------- overlap
PARTNERS = 40           # partners listed (with counts) in an entity's details
OVERLAP_NODES = 1500    # entities drawn in an overlap network at most


def _partner_list(data: Data, counts: dict[int, int], node: dict[int, int] | None = None) -> list:
    """[[label, type, shared papers, node id or -1], ...], most shared first."""
    ranked = sorted(counts, key=lambda o: (-counts[o], data.entities[o].label.lower(), o))
    return [[data.entities[o].label, data.entities[o].type, counts[o], (node or {}).get(o, -1)]
            for o in ranked[:PARTNERS]]


def overlap_view(data: Data, row_type: str, col_type: str, name: str, title: str) -> View:
    """Entities of two types (or one) that share papers, an edge weighted by the number of papers
    using both; a node's size is the number of papers it shares with any partner. Entities
    without a partner are not drawn."""
    table = PaperTable(data, 0)
    cells = data.co_counts(row_type, col_type)
    kinds = [row_type] if row_type == col_type else [row_type, col_type]
    v = View(name, title, "", kinds)
    shared_papers: dict[int, set[int]] = defaultdict(set)
    partners: dict[int, dict[int, int]] = defaultdict(dict)
    for (r, c), ps in cells.items():
        shared_papers[r].update(ps)
        shared_papers[c].update(ps)
    n_all, n_pairs = len(shared_papers), len(cells)
    alone = sum(1 for i in data.of_type(row_type) if i not in shared_papers)
    for (r, c), ps in cells.items():  # partners from every pair, drawn or not
        partners[r][c] = len(ps)
        partners[c][r] = len(ps)
    if n_all > OVERLAP_NODES:  # a huge build: the entities sharing most papers, their pairs among them
        top = set(sorted(shared_papers, key=lambda i: (-len(shared_papers[i]), data.entities[i].label.lower(), i))
                  [:OVERLAP_NODES])
        cells = {rc: ps for rc, ps in cells.items() if rc[0] in top and rc[1] in top}
        v.notes.append(f"Huge graph: the {OVERLAP_NODES} of {n_all} entities sharing most papers, {len(cells)} of "
                       f"{n_pairs} pairs; the matrix (matrix.html) has every one.")
        shared_papers = defaultdict(set)
    ids = sorted({i for rc in cells for i in rc},
                 key=lambda i: (data.entities[i].type != row_type, data.entities[i].label.lower(), data.entities[i].iri))
    if n_all > OVERLAP_NODES:
        for (r, c), ps in cells.items():
            shared_papers[r].update(ps)
            shared_papers[c].update(ps)
    node = {}
    ev = {}
    for ei in ids:
        e = data.entities[ei]
        info = _entity_info(data, ei, table, ev, 5, 0)
        info["sh"] = len(shared_papers[ei])
        node[ei] = v.add(e.type, e.label, len(shared_papers[ei]), info, sorted(shared_papers[ei]))
    for ei in ids:
        v.info[node[ei]]["pt"] = _partner_list(data, partners[ei], node)
        v.info[node[ei]]["np"] = len(partners[ei])
    for (r, c), ps in sorted(cells.items(), key=lambda x: (node[x[0][0]], node[x[0][1]])):
        v.edges.append((node[r], node[c], float(len(ps))))
        v.einfo.append({"c": len(ps), "g": [table.ref(pi) for pi in ps[:12]],
                        "l": f"{data.entities[r].label} + {data.entities[c].label}"})
    v.papers = table.rows
    v.subtitle = (f"{len(ids)} entities, {len(cells)} pairs; an edge counts the papers that use both, "
                  f"a node's size the papers it shares")
    if alone:
        v.notes.append(f"{alone} {row_type.lower()}s share no paper with a partner and are not drawn.")
    return v.finish(data)


# ---------------------------------------------------------------------------------- ego
EGO_PAPERS = 150        # above this many papers, an ego view draws partners only (papers in the details)
EGO_PARTNERS = 300      # ... the partners sharing most papers


def short_title(title: str, n: int = 28) -> str:
    """A paper's label: the name before the colon of its title, else the title cut to n characters."""
    head = title.split(":", 1)[0].strip() if ":" in title[:60] else title.strip()
    return head if len(head) <= n else head[: n - 1].rstrip() + "…"


def ego_view(data: Data, ei: int) -> View:
    """One entity and what it shares: its partners (every other entity of its papers), ranked and
    sized by the papers they share with it. Up to EGO_PAPERS papers they are drawn (labelled by
    short title), linked to their entities; above, the partners are linked to the centre with the
    shared papers as the edge weight, and the papers are paged through in the details."""
    from ..vocab import slug
    e = data.entities[ei]
    big = len(e.papers) > EGO_PAPERS
    table = PaperTable(data, 160 if big else 240)
    ev = _evidence(data)
    v = View(f"views/{e.type.lower()}-{file_stem(slug(e.label))}", f"{e.label} ({e.type})", "",
             (["Task", "Dataset", "Method", "Metric"] if big else ["Paper", "Task", "Dataset", "Method", "Metric"]))
    papers = sorted(e.papers, key=lambda pi: data.papers[pi].id, reverse=True)
    shared: dict[int, list[int]] = defaultdict(list)
    for pi in papers:
        for other in _relations(data, pi):
            if other != ei:
                shared[other].append(pi)
    ranked = sorted(shared, key=lambda o: (-len(shared[o]), data.entities[o].label.lower(), o))
    centre_info = _entity_info(data, ei, table, ev, len(papers), 100 if big else EVIDENCE_CHARS)
    centre = v.add(e.type, e.label, len(e.papers), centre_info, e.papers)
    v.focus = centre
    enode = {ei: centre}
    if big:
        drawn = ranked[:EGO_PARTNERS]
        for other in drawn:
            o = data.entities[other]
            info = _entity_info(data, other, table, ev, 0, 0)
            info["sh"] = len(shared[other])
            info["g"] = [table.ref(pi) for pi in shared[other][:50]]
            enode[other] = v.add(o.type, o.label, len(shared[other]), info, shared[other])
            v.edges.append((centre, enode[other], float(len(shared[other]))))
            v.einfo.append({"c": len(shared[other]), "g": info["g"][:12], "l": f"{e.label} + {o.label}"})
        v.notes.append(f"{len(papers)} papers: the {len(drawn)} of {len(ranked)} partners sharing most papers "
                       f"are drawn, linked to {e.label} by the papers they share; every paper is in its details.")
    else:
        for other in ranked:
            o = data.entities[other]
            info = _entity_info(data, other, table, ev, 5, EVIDENCE_CHARS)
            info["sh"] = len(shared[other])
            enode[other] = v.add(o.type, o.label, len(shared[other]), info, shared[other])
        for pi in papers:
            rel = _relations(data, pi)
            info = _paper_info(data, pi, table)
            pn = v.add("Paper", short_title(data.papers[pi].title), 1, info, [pi])
            for other in sorted(rel, key=lambda x: enode[x]):
                v.edges.append((pn, enode[other], 1.0))
                v.einfo.append({"r": RELATION_LABEL.get(rel[other], rel[other]), "p": table.ref(pi),
                                "e": excerpt(ev.get((pi, other), ""), EVIDENCE_CHARS)})
    centre_info["pt"] = _partner_list(data, {o: len(ps) for o, ps in shared.items()}, enode)
    centre_info["np"] = len(shared)
    v.papers = table.rows
    v.subtitle = (f"{len(e.papers)} papers; {len(shared)} related entities, sized by the papers they share with "
                  f"{e.label}")
    return v.finish(data)


def paper_view(data: Data, pi: int, others: int = 30) -> View:
    """One paper, its entities, and the papers sharing most entities with it."""
    p = data.papers[pi]
    table = PaperTable(data, 240)
    ev = _evidence(data)
    v = View(f"views/paper-{file_stem(p.id)}", p.title, "", ["Paper", "Task", "Dataset", "Method", "Metric"])
    centre = v.add("Paper", p.id, 1, _paper_info(data, pi, table))
    v.focus = centre
    rel = _relations(data, pi)
    enode = {}
    for ei in sorted(rel, key=lambda x: (data.entities[x].type, data.entities[x].label.lower())):
        o = data.entities[ei]
        enode[ei] = v.add(o.type, o.label, len(o.papers), _entity_info(data, ei, table, ev, 5, EVIDENCE_CHARS))
        v.edges.append((centre, enode[ei], 1.0))
        v.einfo.append({"r": RELATION_LABEL.get(rel[ei], rel[ei]), "p": table.ref(pi),
                        "e": excerpt(ev.get((pi, ei), ""), EVIDENCE_CHARS)})
    shared: dict[int, list[int]] = defaultdict(list)
    for ei in rel:
        for q in data.entities[ei].papers:
            if q != pi:
                shared[q].append(ei)
    best = sorted(shared, key=lambda q: (-len(shared[q]), data.papers[q].id))[:others]
    for q in best:
        qn = v.add("Paper", data.papers[q].id, 1, _paper_info(data, q, table))
        for ei in sorted(shared[q], key=lambda x: enode[x]):
            r = _relations(data, q)[ei]
            v.edges.append((qn, enode[ei], 1.0))
            v.einfo.append({"r": RELATION_LABEL.get(r, r), "p": table.ref(q),
                            "e": excerpt(ev.get((q, ei), ""), EVIDENCE_CHARS)})
    if len(shared) > others:
        v.notes.append(f"Showing the {others} of {len(shared)} papers that share most entities with it.")
    v.papers = table.rows
    v.subtitle = f"{p.id}: {len(rel)} entities; {len(best)} related papers"
    return v.finish()


# ---------------------------------------------------------------------------------- matrix
MATRIX_ROWS, MATRIX_COLS = 60, 60


def matrix_section(data: Data, table: PaperTable, row_type: str, col_type: str) -> dict:
    cells = data.co_counts(row_type, col_type)
    rtot: dict[int, int] = defaultdict(int)
    ctot: dict[int, int] = defaultdict(int)
    for (r, c), ps in cells.items():
        rtot[r] += len(ps)
        ctot[c] += len(ps)

    def order(tot):
        return sorted(tot, key=lambda i: (-tot[i], data.entities[i].label.lower(), data.entities[i].iri))
    rows, cols = order(rtot), order(ctot)
    rows_shown, cols_shown = rows[:MATRIX_ROWS], cols[:MATRIX_COLS]
    ri = {e: k for k, e in enumerate(rows_shown)}
    ci = {e: k for k, e in enumerate(cols_shown)}
    out_cells = []
    for (r, c), ps in sorted(cells.items(), key=lambda x: (ri.get(x[0][0], 1 << 30), ci.get(x[0][1], 1 << 30))):
        if r in ri and c in ci:
            out_cells.append([ri[r], ci[c], [table.ref(pi) for pi in sorted(ps, key=lambda q: data.papers[q].id, reverse=True)]])
    plural = {"Dataset": "Datasets", "Method": "Methods", "Task": "Tasks", "Metric": "Metrics"}
    sec = {"title": f"{plural[row_type]} × {plural[col_type]}", "rt": row_type, "ct": col_type,
           "rows": [[data.entities[e].label, len(data.entities[e].papers)] for e in rows_shown],
           "cols": [[data.entities[e].label, len(data.entities[e].papers)] for e in cols_shown],
           "cells": out_cells, "nr": len(rows), "nc": len(cols)}
    return sec
