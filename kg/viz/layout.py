"""Node positions, computed once in Python so that pages open with physics off.

Small graphs get a Fruchterman-Reingold layout (vectorised numpy, fixed seed). Large graphs
get it only for their core (the best connected nodes); every other node is then placed in
breadth-first order next to its already placed neighbours, on a sunflower spiral around its
parent, which is linear in nodes + edges. Same input -> same positions.
"""
from __future__ import annotations

import math
from collections import deque

import numpy as np

FULL_LAYOUT_MAX = 700      # nodes laid out entirely by force simulation
CORE_SIZE = 400            # the core of a larger graph
CLUSTER_FULL_MAX = 300     # a community laid out by force up to this size (core and rest above)
GOLDEN = math.pi * (3 - math.sqrt(5))


def force_layout(n: int, edges: list[tuple[int, int, float]], iterations: int = 80, seed: int = 7,
                 init: np.ndarray | None = None) -> np.ndarray:
    """Fruchterman-Reingold with a little gravity (keeps components together); coordinates in [-1, 1]."""
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1, 1, (n, 2)) if init is None else init.astype(float).copy()
    if n <= 1:
        return np.zeros((n, 2))
    a = np.zeros((n, n))
    for i, j, w in edges:
        if i != j:
            a[i, j] = a[j, i] = max(a[i, j], min(float(w), 5.0))
    k = math.sqrt(1.0 / n)
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta ** 2).sum(-1))
        np.clip(dist, 0.01, None, out=dist)
        force = k * k / dist ** 2 - a * dist / k
        disp = np.einsum("ijk,ij->ik", delta, force) - 0.05 * pos * n ** 0.5
        length = np.sqrt((disp ** 2).sum(-1))
        np.clip(length, 0.01, None, out=length)
        pos += disp * (t / length)[:, None]
        t -= dt
    pos -= pos.mean(0)
    m = np.abs(pos).max()
    return pos / m if m > 0 else pos


def separate(pos: np.ndarray, radii: np.ndarray, gap: float = 6.0, iterations: int = 80) -> np.ndarray:
    """Push overlapping nodes apart until every pair is at least r_i + r_j + gap apart (or the
    iterations run out): a force layout places points, but the page draws discs whose radius
    grows with the papers behind a node, and a big node must not hide a small one under it."""
    pos = pos.astype(float).copy()
    n = len(pos)
    if n < 2:
        return pos
    need = radii[:, None] + radii[None, :] + gap
    np.fill_diagonal(need, 0.0)
    tie = np.arange(n, dtype=float)  # deterministic direction for coincident points
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta ** 2).sum(-1))
        overlap = need - dist
        np.fill_diagonal(overlap, 0.0)
        if overlap.max() <= 0.5:
            break
        push = np.where(overlap > 0, overlap / 2, 0.0)
        zero = dist < 1e-6
        dist[zero] = 1.0
        delta[zero] = np.stack([np.cos(tie[:, None] - tie[None, :]), np.sin(tie[:, None] - tie[None, :])], -1)[zero]
        pos += np.einsum("ijk,ij->ik", delta / dist[:, :, None], push)
    return pos


def layout(n: int, edges: list[tuple[int, int, float]], spacing: float = 40.0, seed: int = 7,
           radii: np.ndarray | None = None, full_max: int = FULL_LAYOUT_MAX) -> np.ndarray:
    """Pixel positions for nodes 0..n-1 given (i, j, weight) edges, without overlaps when the
    drawn radii are given (small graphs); up to full_max nodes by force simulation, above it the
    core by force and the rest around it."""
    if n == 0:
        return np.zeros((0, 2))
    if n <= full_max:
        pos = force_layout(n, edges, seed=seed) * spacing * math.sqrt(n) * 0.9
        return separate(pos, radii) if radii is not None else pos
    adj: list[list[int]] = [[] for _ in range(n)]
    for i, j, _ in edges:
        if i != j:
            adj[i].append(j)
            adj[j].append(i)
    deg = [len(x) for x in adj]
    core = sorted(range(n), key=lambda i: (-deg[i], i))[:min(CORE_SIZE, full_max)]
    core = [i for i in core if deg[i] > 0] or core[:1]
    cidx = {v: k for k, v in enumerate(core)}
    cedges = [(cidx[i], cidx[j], w) for i, j, w in edges if i in cidx and j in cidx]
    pos = np.full((n, 2), np.nan)
    radius = spacing * math.sqrt(n) * 0.9
    pos[core] = force_layout(len(core), cedges, seed=seed) * radius * 0.6
    placed = np.zeros(n, bool)
    placed[core] = True
    children = [0] * n
    step = spacing * 0.55

    def bfs(seeds: list[int]) -> None:
        q = deque(seeds)
        while q:
            u = q.popleft()
            for v in adj[u]:
                if placed[v]:
                    continue
                nb = [w for w in adj[v] if placed[w]]
                anchor = pos[nb].mean(0) * 0.5 + pos[u] * 0.5 if len(nb) > 1 else pos[u]
                k = children[u]
                children[u] += 1
                r = step * (1.2 + math.sqrt(k))
                a = k * GOLDEN + (u % 97) * 0.1
                pos[v] = anchor + (r * math.cos(a), r * math.sin(a))
                placed[v] = True
                q.append(v)

    bfs(core)
    # the rest: other components, each grown from its best connected node, on a ring outside
    rest = sorted((i for i in range(n) if not placed[i]), key=lambda i: (-deg[i], i))
    ring = 0
    for s in rest:
        if placed[s]:
            continue
        a = ring * GOLDEN
        r = radius * (0.8 + 0.02 * math.sqrt(ring))
        pos[s] = (r * math.cos(a), r * math.sin(a))
        placed[s] = True
        ring += 1
        bfs([s])
    return pos


def cluster_layout(n: int, edges: list[tuple[int, int, float]], groups: list[list[int]],
                   radii: np.ndarray, gap: float = 30.0) -> np.ndarray:
    """Positions by community: each group (a list of node ids; together they cover 0..n-1) is
    laid out on its own (layout, without overlaps), then the groups, as discs that hold them, are
    placed by a force layout of the graph between groups (edge weight: the edges between two
    groups) and pushed apart until no two discs overlap. A community is then a region of its
    own, which the page can circle and label."""
    of = np.full(n, -1)
    for g, members in enumerate(groups):
        of[members] = g
    local_edges: list[list[tuple[int, int, float]]] = [[] for _ in groups]
    index = np.zeros(n, dtype=int)
    for members in groups:
        index[members] = np.arange(len(members))
    between: dict[tuple[int, int], float] = {}
    for i, j, w in edges:
        a, b = of[i], of[j]
        if a == b:
            local_edges[a].append((int(index[i]), int(index[j]), w))
        else:
            key = (min(a, b), max(a, b))
            between[key] = between.get(key, 0.0) + float(w)
    local, disc = [], np.zeros(len(groups))
    for g, members in enumerate(groups):
        p = layout(len(members), local_edges[g], radii=radii[members], full_max=CLUSTER_FULL_MAX)
        p = p - p.mean(0)
        local.append(p)
        disc[g] = float((np.hypot(p[:, 0], p[:, 1]) + radii[members]).max()) + gap / 2
    k = len(groups)
    if k == 1:
        centres = np.zeros((1, 2))
    else:
        top = max(between.values()) if between else 1.0
        cedges = [(a, b, 5.0 * w / top) for (a, b), w in sorted(between.items())]
        centres = force_layout(k, cedges, iterations=120) * math.sqrt((disc ** 2).sum()) * 1.2
        centres = separate(centres, disc, gap=gap, iterations=400)
    pos = np.zeros((n, 2))
    for g, members in enumerate(groups):
        pos[members] = centres[g] + local[g]
    return pos
