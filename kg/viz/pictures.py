"""Static pictures of the views (SVG, PDF and PNG) for papers and reports that cannot run
JavaScript.

matplotlib's object API with the Agg canvas (no pyplot state, no display). Text stays text:
SVG keeps <text> elements (svg.fonttype none: selectable, searchable), PDF embeds the fonts
(TrueType, subset). Chinese labels need a CJK font: the font file itself is registered with
matplotlib (font_manager.addfont), found at the usual Debian paths or through fc-list, so it
is used even when matplotlib's font cache does not list it. Sizes: SIZES["column"] is a
one-column figure (3.5 in wide), SIZES["page"] a full text width (7 in). Output is
deterministic: fixed SVG hash salt, no dates, no software version.
"""
from __future__ import annotations

import math
import shutil
import subprocess
import warnings
from functools import lru_cache
from pathlib import Path

from .model import STYLE, View

CJK_FONTS = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans CJK JP",
             "Source Han Sans SC", "Droid Sans Fallback", "AR PL UMing CN")
CJK_FILES = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
             "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
             "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
LABELS = 40
# width, height (in), font size (pt), labels drawn in a network
SIZES = {"column": (3.5, 2.9, 6.0, 14), "page": (7.0, 5.2, 7.0, 40)}
FORMATS = ("svg", "pdf", "png")


def cjk_font_file() -> str | None:
    """A CJK font file on this machine: a known path, else the first fc-list answer for zh."""
    for f in CJK_FILES:
        if Path(f).exists():
            return f
    if shutil.which("fc-list"):
        try:
            out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        files = sorted(line.split(":", 1)[0].strip() for line in out.splitlines() if line.strip())
        return files[0] if files else None
    return None


@lru_cache(maxsize=None)
def font_family() -> tuple[str, ...]:
    """DejaVu Sans for Latin text, then a CJK font registered from its file."""
    from matplotlib import font_manager
    names = {f.name for f in font_manager.fontManager.ttflist}
    f = cjk_font_file()
    if f:
        try:
            font_manager.fontManager.addfont(f)
            name = font_manager.FontProperties(fname=f).get_name()
            return ("DejaVu Sans", name)
        except (OSError, RuntimeError, ValueError):
            pass
    cjk = [n for n in CJK_FONTS if n in names]
    return tuple(["DejaVu Sans"] + cjk[:1])


def _rc() -> dict:
    return {"font.family": list(font_family()), "svg.hashsalt": "kg", "svg.fonttype": "none",
            "pdf.fonttype": 42, "path.simplify": True, "axes.unicode_minus": False,
            "text.parse_math": False}  # titles from the input are text: "$\\textsc{SER}$" is drawn as written


def _save(fig, stem: Path, formats=FORMATS) -> list[Path]:
    stem.parent.mkdir(parents=True, exist_ok=True)
    out = []
    meta = {"svg": {"Date": None, "Creator": None}, "pdf": {"CreationDate": None, "ModDate": None, "Producer": None,
                                                            "Creator": None},
            "png": {"Software": None}}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs when no CJK font is installed
        for fmt in formats:
            path = stem.parent / (stem.name + "." + fmt)  # names such as 2507.21395: no with_suffix
            fig.savefig(path, format=fmt, metadata=meta[fmt], **({"dpi": 300} if fmt == "png" else {}))
            out.append(path)
    return out


# A picture is a figure of a few inches: above PICTURE_ALL nodes or PICTURE_ALL_EDGES edges it
# draws the PICTURE_NODES nodes with most papers behind them (the focus always), each with its
# PICTURE_PARTNERS strongest links among them, laid out again (the page has every node).
PICTURE_ALL, PICTURE_ALL_EDGES = 500, 1500
PICTURE_NODES = {"column": 60, "page": 120}
PICTURE_PARTNERS = 3
TIMES: dict[str, float] = {}  # seconds spent per picture (file stem), for benchmarks/bench_views.py


def _timed(fn):
    import functools
    import time

    @functools.wraps(fn)
    def run(*args, **kw):
        t = time.perf_counter()
        try:
            return fn(*args, **kw)
        finally:
            stem = kw.get("stem") or next(a for a in args if isinstance(a, Path))
            TIMES[Path(stem).name] = TIMES.get(Path(stem).name, 0.0) + time.perf_counter() - t
    return run


def picture_graph(v: View, size: str = "page") -> tuple[list[int], list[tuple[int, int, float]], list, str]:
    """What a picture of v draws: (nodes of v, edges between them as (k, l, weight) over the
    positions in that list, positions, a note on what was left out or ""). A small view is drawn
    whole at the page's positions. A big one: the PICTURE_NODES[size] entities with most papers
    (papers and groups dropped; two entities then linked by the papers they share in the view),
    each with its PICTURE_PARTNERS strongest links among them, laid out again (fixed seed)."""
    n = len(v.labels)
    if n <= PICTURE_ALL and len(v.edges) <= PICTURE_ALL_EDGES:
        return list(range(n)), list(v.edges), list(v.pos), ""
    from collections import defaultdict
    from .layout import layout
    from .model import drawn_radii
    ents = [i for i in range(n) if v.node_kind[i] not in ("Paper", "Group")]
    keep = sorted(ents, key=lambda i: (i != v.focus, -v.node_count[i], v.labels[i].lower(), i))[:PICTURE_NODES[size]]
    keep.sort()
    at = {i: k for k, i in enumerate(keep)}
    weight: dict[tuple[int, int], float] = defaultdict(float)
    via: dict[int, list[int]] = defaultdict(list)  # a paper node -> its drawn entities
    for a, b, w in v.edges:
        if a in at and b in at:
            weight[(min(at[a], at[b]), max(at[a], at[b]))] += w
        elif v.node_kind[a] == "Paper" and b in at:
            via[a].append(at[b])
        elif v.node_kind[b] == "Paper" and a in at:
            via[b].append(at[a])
    for ks in via.values():
        ks = sorted(set(ks))
        for x, k in enumerate(ks):
            for l in ks[x + 1:]:
                weight[(k, l)] += 1.0
    best: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for (k, l), w in weight.items():
        best[k].append((-w, k, l))
        best[l].append((-w, k, l))
    chosen = sorted({(k, l) for x in best.values() for _, k, l in sorted(x)[:PICTURE_PARTNERS]})
    edges = [(k, l, weight[(k, l)]) for k, l in chosen]
    pos = layout(len(keep), edges, radii=drawn_radii([v.node_count[i] for i in keep]))
    pos = [(float(x), float(y)) for x, y in pos]
    what = "entities" if v.kinds != ["Dataset"] else "datasets"
    if size == "column":
        note = f"Drawn: the {len(keep)} of {len(ents)} {what} with most papers and their {len(edges)} strongest links"
    else:
        note = (f"Drawn: the {len(keep)} of {len(ents)} {what} with most papers and {len(edges)} links (each one's "
                f"{PICTURE_PARTNERS} strongest among them); the interactive page has every one.")
    return keep, edges, pos, note


@_timed
def network_picture(v: View, stem: Path, size: str = "page") -> list[Path]:
    """v as SVG, PDF and PNG (picture_graph says what is drawn), its most important labels
    placed so that no two overlap (nor the title or legend)."""
    import matplotlib
    with matplotlib.rc_context(_rc()):  # at saving too: SVG text as text, the fixed hash salt
        return _save(network_figure(v, size), stem)


def network_figure(v: View, size: str = "page"):
    import matplotlib
    matplotlib.use("Agg", force=False)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    w, h, fs, n_labels = SIZES[size]
    nodes, edges, pos, note = picture_graph(v, size)
    kind = [v.node_kind[i] for i in nodes]
    count = [v.node_count[i] for i in nodes]
    focus = nodes.index(v.focus) if v.focus in nodes else None
    large = v.large and not note  # a reduced picture has few marks: drawn as a small graph
    k = w / 12  # marks scaled from the 12-in drawing they were tuned on
    with matplotlib.rc_context(_rc()):
        fig = Figure(figsize=(w, h))
        FigureCanvasAgg(fig)
        # the header, in inches from the top: title, subtitle, the note on what is drawn
        lines = [(_short(v.title, 70 if size == "page" else 40), fs + 3, "#000"),
                 (_short(v.subtitle, 130 if size == "page" else 70), fs - 1, "#555")]
        if note:
            lines.append((_short(note, 150 if size == "page" else 80), fs - 1, "#555"))
        y = h - 0.05
        header = []
        for text, size_pt, colour in lines:
            if text:
                header.append(fig.text(0.01, y / h, text, fontsize=size_pt, color=colour, ha="left", va="top"))
                y -= size_pt * 1.35 / 72
        ax = fig.add_axes((0.01, 0.01, 0.98, (y - 0.05) / h - 0.01))
        ax.set_axis_off()
        ax.set_aspect("equal")
        dense = len(edges) + len(pos) > 40000  # only huge drawings: marks as one bitmap, text stays text
        if edges:
            segs = [(pos[a], pos[b]) for a, b, _ in edges]
            if any(ew != 1.0 for _, _, ew in edges):
                wmax = max(ew for _, _, ew in edges)
                widths = [k * (0.8 + 3.5 * math.sqrt(ew / wmax)) for _, _, ew in edges]
            else:
                widths = [k * (0.6 if large else 1.0)] * len(edges)
            ax.add_collection(LineCollection(segs, linewidths=widths, colors="#9aa4ae", rasterized=dense,
                                             alpha=0.25 if large else 0.45, zorder=1))
        cmax = max(count) if count else 1
        handles = []
        for kd in v.kinds:
            idx = [i for i, x in enumerate(kind) if x == kd]
            if not idx:
                continue
            shape, colour, marker = STYLE[kd]
            sizes = [k * k * ((6 if large else 14) + 260 * math.sqrt(count[i] / cmax)) if kd != "Paper" else
                     k * k * (4 if large else 12) for i in idx]
            ax.scatter([pos[i][0] for i in idx], [pos[i][1] for i in idx], s=sizes, c=colour, marker=marker,
                       linewidths=0.3, edgecolors="white", zorder=2 if kd == "Paper" else 3, rasterized=dense)
            handles.append(Line2D([], [], ls="", marker=marker, color=colour, markersize=fs * 0.8,
                                  label=f"{'Grouped papers' if kd == 'Group' else kd} ({len(idx)})"))
        if pos:
            xs, ys = [p[0] for p in pos], [p[1] for p in pos]
            pad = 0.04 * max(max(xs) - min(xs), max(ys) - min(ys), 1)
            ax.set_xlim(min(xs) - pad, max(xs) + pad)
            ax.set_ylim(max(ys) + pad, min(ys) - pad)  # screen orientation, as in the page
        ax.apply_aspect()  # the final axes box: labels are placed in the coordinates the file is drawn in
        blocked = []
        if handles:
            leg = ax.legend(handles=handles, loc="lower right", fontsize=fs - 1, frameon=True, framealpha=0.85)
            blocked.append(leg)
        blocked += header
        ranked = sorted((i for i, x in enumerate(kind) if x not in ("Paper", "Group")),
                        key=lambda i: (-count[i], v.labels[nodes[i]].lower(), i))[:n_labels]
        if focus is not None and focus not in ranked:
            ranked.insert(0, focus)
        _place_labels(fig, ax, [(v.labels[nodes[i]], pos[i], i == focus) for i in ranked], fs, blocked)
        return fig


# where a label may go around its node, in points: right-above, right-below, left-above, left-below
_LABEL_SPOTS = ((4, 4, "left", "bottom"), (4, -4, "left", "top"), (-4, 4, "right", "bottom"), (-4, -4, "right", "top"))


def _place_labels(fig, ax, labels: list[tuple[str, tuple[float, float], bool]], fontsize: float = 8,
                  blocked: list | None = None) -> None:
    """Greedy placement, most important label first: each label takes the first spot around its
    node where its box (with its white background) overlaps no label already placed nor a
    blocked artist (title, legend) and stays inside the figure; a label with no free spot is
    left out (the interactive page has every label). The focus of an ego view is always
    labelled (at its node, the labels it would cover removed), so no two labels ever overlap."""
    renderer = fig.canvas.get_renderer()
    fig_box = fig.bbox
    walls = [b.get_window_extent(renderer) for b in (blocked or [])]
    placed: list[tuple[object, object]] = []  # (box, annotation)
    pad = (0.15 * fontsize + 0.5) * fig.dpi / 72  # the white box around the text, and a little air

    def put(text, xy, dx, dy, ha, va, colour="#222"):
        ann = ax.annotate(text, xy, xytext=(dx, dy), textcoords="offset points", fontsize=fontsize, color=colour,
                          ha=ha, va=va, zorder=4, annotation_clip=False,
                          bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
        return ann, ann.get_window_extent(renderer).padded(pad)

    def inside(box):
        return (box.x0 >= fig_box.x0 and box.y0 >= fig_box.y0 and box.x1 <= fig_box.x1 and box.y1 <= fig_box.y1)

    for text, xy, must in labels:
        for dx, dy, ha, va in _LABEL_SPOTS:
            ann, box = put(text, xy, dx, dy, ha, va)
            if inside(box) and not any(box.overlaps(b) for b, _ in placed) and not any(box.overlaps(b) for b in walls):
                placed.append((box, ann))
                break
            ann.remove()
        else:
            if must:
                ann, box = put(text, xy, 0, 0, "center", "center", "#000")
                for item in [x for x in placed if x[0].overlaps(box)]:
                    placed.remove(item)
                    item[1].remove()
                placed.append((box, ann))


def _short(label: str, n: int = 36) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


MATRIX_FIT = {"column": (16, 14, 5.0), "page": (30, 28, 6.0)}  # rows, columns, font size (pt)
MAX_HEIGHT = {"column": 6.0, "page": 9.0}  # in: a figure fits the text block of a page


@_timed
def matrix_picture(title: str, sections: list[dict], stem: Path, size: str = "page") -> list[Path]:
    """Each section (rows × columns with paper counts) as a heat map with its numbers, the most
    shared rows and columns that fit the width (SIZES[size])."""
    import matplotlib
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    max_rows, max_cols, fs = MATRIX_FIT[size]
    width = SIZES[size][0]
    secs = [s for s in sections if s["cells"]] or sections[:1]
    shapes = [[min(len(s["rows"]), max_rows), min(len(s["cols"]), max_cols)] for s in secs]
    n_label = 26 if size == "page" else 18
    cell = fs * 1.9 / 72  # in
    fixed = len(secs) * (n_label * fs * 0.6 / 72 + 0.35) + 0.3
    while sum(max(r, 1) for r, _ in shapes) * cell + fixed > MAX_HEIGHT[size] and max(r for r, _ in shapes) > 3:
        max(shapes, key=lambda x: x[0])[0] -= 1  # fewer rows, from the tallest section, until the figure fits
    with matplotlib.rc_context(_rc()):
        heights = [max(r, 1) * cell + n_label * fs * 0.6 / 72 + 0.35 for r, _ in shapes]
        fig = Figure(figsize=(width, sum(heights) + 0.3), layout="constrained")
        FigureCanvasAgg(fig)
        gs = fig.add_gridspec(len(secs), 1, height_ratios=heights)
        for k, (sec, (nr, nc)) in enumerate(zip(secs, shapes)):
            ax = fig.add_subplot(gs[k])
            m = np.zeros((max(nr, 1), max(nc, 1)))
            for r, c, ps in sec["cells"]:
                if r < nr and c < nc:
                    m[r, c] = len(ps)
            cmap = {"Method": "Greens", "Task": "Oranges", "Dataset": "Blues"}.get(sec["ct"], "Greys")
            ax.imshow(np.ma.masked_equal(np.sqrt(m), 0), cmap=cmap, aspect="equal", vmin=0,
                      vmax=max(float(np.sqrt(m.max())), 1.0) * 1.15, interpolation="nearest")
            for r in range(nr):
                for c in range(nc):
                    if m[r, c]:
                        ax.text(c, r, str(int(m[r, c])), ha="center", va="center", fontsize=fs - 1,
                                color="white" if m[r, c] > m.max() * 0.5 else "#222",
                                in_layout=False)  # inside the axes: the layout need not measure each
            ax.set_yticks(range(nr), [_short(lab, n_label) for lab, _ in sec["rows"][:nr]], fontsize=fs)
            ax.set_xticks(range(nc), [_short(lab, n_label) for lab, _ in sec["cols"][:nc]], fontsize=fs, rotation=90)
            ax.xaxis.tick_top()
            ax.tick_params(length=0, pad=1)
            more = "" if (nr, nc) == (sec["nr"], sec["nc"]) else f" (top {nr} × {nc} of {sec['nr']} × {sec['nc']})"
            ax.set_title(sec["title"] + more, fontsize=fs + 1, loc="left")
            for sp in ax.spines.values():
                sp.set_visible(False)
        fig.suptitle(_short(title, 80), fontsize=fs + 2, x=0.01, ha="left")
        return _save(fig, stem)


@_timed
def trends_picture(title: str, months: list[str], series: list[tuple[str, list[int]]], stem: Path,
                   size: str = "page") -> list[Path]:
    """Papers per month, one line per entity, the legend under the chart."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    w, h, fs, _ = SIZES[size]
    with matplotlib.rc_context(_rc()):
        fig = Figure(figsize=(w, h * 0.75), layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        colours = ["#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#9c755f", "#edc948"]
        x = list(range(len(months)))
        for k, (label, ys) in enumerate(series):
            ax.plot(x, ys, color=colours[k % len(colours)], lw=1.4, marker="o", ms=2.5,
                    label=f"{_short(label, 40)} ({sum(ys)})")
        every = max(1, math.ceil(len(months) / (8 if size == "column" else 14)))
        ax.set_xticks(x[::every], months[::every], fontsize=fs - 1, rotation=45 if len(months) > 6 else 0, ha="right" if len(months) > 6 else "center")
        ax.tick_params(axis="y", labelsize=fs - 1)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_ylabel("papers per month", fontsize=fs)
        ax.set_ylim(bottom=0)
        for sp in ("top", "right"):
            ax.spines[sp].set_visible(False)
        ax.grid(axis="y", color="#e5e8eb", lw=0.6)
        ax.legend(fontsize=fs - 1, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.28 if len(months) > 6 else -0.12),
                  ncol=2 if size == "column" else 3)
        ax.set_title(_short(title, 80), fontsize=fs + 1, loc="left")
        return _save(fig, stem)


@_timed
def upset_picture(title: str, combos: list[tuple[list[str], int]], sizes: dict[str, int], stem: Path,
                  size: str = "page") -> list[Path]:
    """Datasets used together, UpSet-style: a bar per combination (papers using exactly those
    datasets) over a dot matrix of its datasets."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    w, _, fs, _ = SIZES[size]
    combos = combos[: 12 if size == "column" else 25]
    ds = sorted({d for c, _ in combos for d in c}, key=lambda d: (-sum(n for c, n in combos if d in c), d.lower()))
    with matplotlib.rc_context(_rc()):
        h = 1.3 + len(ds) * fs * 1.7 / 72
        fig = Figure(figsize=(w, h), layout="constrained")
        FigureCanvasAgg(fig)
        gs = fig.add_gridspec(2, 1, height_ratios=[1.2, max(len(ds), 1) * fs * 1.7 / 72])
        top, bottom = fig.add_subplot(gs[0]), fig.add_subplot(gs[1])
        x = list(range(len(combos)))
        top.bar(x, [n for _, n in combos], color="#4e79a7", width=0.6)
        for i, (_, n) in enumerate(combos):
            top.text(i, n, str(n), ha="center", va="bottom", fontsize=fs - 1)
        top.set_xlim(-0.6, len(combos) - 0.4)
        top.set_xticks([])
        top.tick_params(axis="y", labelsize=fs - 1)
        top.set_ylabel("papers", fontsize=fs)
        for sp in ("top", "right", "bottom"):
            top.spines[sp].set_visible(False)
        top.set_title(_short(title, 80), fontsize=fs + 1, loc="left")
        for i, (c, _) in enumerate(combos):
            ys = [ds.index(d) for d in c]
            bottom.scatter([i] * len(ds), range(len(ds)), s=fs * 2.5, color="#e3e6ea", zorder=1)
            bottom.scatter([i] * len(ys), ys, s=fs * 2.5, color="#222", zorder=2)
            bottom.plot([i, i], [min(ys), max(ys)], color="#222", lw=0.8, zorder=1)
        bottom.set_xlim(-0.6, len(combos) - 0.4)
        bottom.set_ylim(len(ds) - 0.5, -0.5)
        bottom.set_yticks(range(len(ds)), [f"{_short(d, 28)} ({sizes.get(d, 0)})" for d in ds], fontsize=fs)
        bottom.set_xticks([])
        bottom.tick_params(length=0)
        for sp in bottom.spines.values():
            sp.set_visible(False)
        return _save(fig, stem)
