"""Static pictures of the views (SVG and PNG) for reports that cannot run JavaScript.

matplotlib's object API with the Agg canvas (no pyplot state, no display). Chinese labels
need a CJK font: WenQuanYi Micro Hei (Debian fonts-wqy-microhei) or Noto Sans CJK when
installed; without one, CJK glyphs fall back to boxes but the picture is still written.
Output is deterministic: fixed SVG hash salt, no dates, no software version.
"""
from __future__ import annotations

import math
import warnings
from functools import lru_cache
from pathlib import Path

from .model import STYLE, View

CJK_FONTS = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans CJK JP",
             "Source Han Sans SC", "Droid Sans Fallback", "AR PL UMing CN")
LABELS = 40


@lru_cache(maxsize=None)
def font_family() -> tuple[str, ...]:
    from matplotlib import font_manager
    names = {f.name for f in font_manager.fontManager.ttflist}
    cjk = [n for n in CJK_FONTS if n in names]
    return tuple(["DejaVu Sans"] + cjk[:1])


def _rc() -> dict:
    return {"font.family": list(font_family()), "svg.hashsalt": "kg", "svg.fonttype": "path",
            "path.simplify": True, "axes.unicode_minus": False}


def _save(fig, stem: Path) -> list[Path]:
    stem.parent.mkdir(parents=True, exist_ok=True)
    svg, png = stem.parent / (stem.name + ".svg"), stem.parent / (stem.name + ".png")  # ids such as 2507.21395
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs when no CJK font is installed
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
        fig.savefig(png, format="png", dpi=150, metadata={"Software": None})
    return [svg, png]


def network_picture(v: View, stem: Path) -> list[Path]:
    import matplotlib
    matplotlib.use("Agg", force=False)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    with matplotlib.rc_context(_rc()):
        fig = Figure(figsize=(12, 9))
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0.01, 0.01, 0.98, 0.92))
        ax.set_axis_off()
        ax.set_aspect("equal")
        pos = v.pos
        dense = len(v.edges) + len(pos) > 4000  # SVG: marks as one embedded bitmap, text stays vector
        if v.edges:
            segs = [(pos[a], pos[b]) for a, b, _ in v.edges]
            if any(w != 1.0 for _, _, w in v.edges):
                wmax = max(w for _, _, w in v.edges)
                widths = [0.5 + 3.5 * math.sqrt(w / wmax) for _, _, w in v.edges]
            else:
                widths = [0.4 if v.large else 0.6] * len(v.edges)
            ax.add_collection(LineCollection(segs, linewidths=widths, colors="#9aa4ae", rasterized=dense,
                                             alpha=0.25 if v.large else 0.45, zorder=1))
        cmax = max(v.node_count) if v.node_count else 1
        handles = []
        for kind in v.kinds:
            idx = [i for i, k in enumerate(v.node_kind) if k == kind]
            if not idx:
                continue
            shape, colour, marker = STYLE[kind]
            sizes = [(6 if v.large else 14) + 260 * math.sqrt(v.node_count[i] / cmax) if kind != "Paper" else
                     (4 if v.large else 12) for i in idx]
            ax.scatter([pos[i][0] for i in idx], [pos[i][1] for i in idx], s=sizes, c=colour, marker=marker,
                       linewidths=0.4, edgecolors="white", zorder=2 if kind == "Paper" else 3, rasterized=dense)
            handles.append(Line2D([], [], ls="", marker=marker, color=colour, markersize=8,
                                  label=f"{'Grouped papers' if kind == 'Group' else kind} ({len(idx)})"))
        if pos:
            xs, ys = [p[0] for p in pos], [p[1] for p in pos]
            pad = 0.04 * max(max(xs) - min(xs), max(ys) - min(ys), 1)
            ax.set_xlim(min(xs) - pad, max(xs) + pad)
            ax.set_ylim(max(ys) + pad, min(ys) - pad)  # screen orientation, as in the page
        ranked = sorted((i for i, k in enumerate(v.node_kind) if k not in ("Paper", "Group")),
                        key=lambda i: (-v.node_count[i], v.labels[i].lower(), i))[:LABELS]
        if v.focus is not None and v.focus not in ranked:
            ranked.insert(0, v.focus)
        _place_labels(fig, ax, [(v.labels[i], pos[i], i == v.focus) for i in ranked])
        fig.suptitle(v.title, fontsize=13, x=0.01, ha="left")
        fig.text(0.01, 0.935, v.subtitle, fontsize=9, color="#555")
        if handles:
            ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=True, framealpha=0.85)
        return _save(fig, stem)


# where a label may go around its node, in points: right-above, right-below, left-above, left-below
_LABEL_SPOTS = ((4, 4, "left", "bottom"), (4, -4, "left", "top"), (-4, 4, "right", "bottom"), (-4, -4, "right", "top"))


def _place_labels(fig, ax, labels: list[tuple[str, tuple[float, float], bool]]) -> None:
    """Greedy placement, most important label first: each label takes the first spot around its
    node where it overlaps no label already placed; a label with no free spot is left out (the
    interactive page has every label). The focus of an ego view is always labelled."""
    renderer = fig.canvas.get_renderer()
    placed = []
    for text, xy, must in labels:
        for dx, dy, ha, va in _LABEL_SPOTS:
            ann = ax.annotate(text, xy, xytext=(dx, dy), textcoords="offset points", fontsize=8, color="#222",
                              ha=ha, va=va, zorder=4,
                              bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
            box = ann.get_window_extent(renderer).expanded(1.04, 1.1)
            if not any(box.overlaps(b) for b in placed):
                placed.append(box)
                break
            if must and (dx, dy) == _LABEL_SPOTS[-1][:2]:
                placed.append(box)  # the focus keeps its last try
                break
            ann.remove()


def _short(label: str, n: int = 36) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def matrix_picture(title: str, sections: list[dict], stem: Path, max_rows: int = 30, max_cols: int = 30) -> list[Path]:
    import matplotlib
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    secs = [s for s in sections if s["cells"]] or sections[:1]
    shapes = [(min(len(s["rows"]), max_rows), min(len(s["cols"]), max_cols)) for s in secs]
    with matplotlib.rc_context(_rc()):
        heights = [max(r, 1) * 0.28 + 2.6 for r, _ in shapes]
        width = max(max((c for _, c in shapes), default=1) * 0.3 + 4.5, 8)
        fig = Figure(figsize=(width, sum(heights) + 0.6), layout="constrained")
        FigureCanvasAgg(fig)
        gs = fig.add_gridspec(len(secs), 1, height_ratios=heights)
        for k, (sec, (nr, nc)) in enumerate(zip(secs, shapes)):
            ax = fig.add_subplot(gs[k])
            m = np.zeros((max(nr, 1), max(nc, 1)))
            for r, c, ps in sec["cells"]:
                if r < nr and c < nc:
                    m[r, c] = len(ps)
            cmap = {"Method": "Greens", "Task": "Oranges", "Dataset": "Blues"}.get(sec["ct"], "Greys")
            ax.imshow(np.ma.masked_equal(np.sqrt(m), 0), cmap=cmap, aspect="auto", vmin=0, vmax=max(float(np.sqrt(m.max())), 1.0) * 1.15,
                      interpolation="nearest")
            for r in range(nr):
                for c in range(nc):
                    if m[r, c]:
                        ax.text(c, r, str(int(m[r, c])), ha="center", va="center", fontsize=7,
                                color="white" if m[r, c] > m.max() * 0.5 else "#222")
            ax.set_yticks(range(nr), [_short(lab) for lab, _ in sec["rows"][:nr]], fontsize=8)
            ax.set_xticks(range(nc), [_short(lab) for lab, _ in sec["cols"][:nc]], fontsize=8, rotation=90)
            ax.xaxis.tick_top()
            ax.tick_params(length=0)
            more = "" if (nr, nc) == (sec["nr"], sec["nc"]) else f" (top {nr} × {nc} of {sec['nr']} × {sec['nc']})"
            ax.set_title(sec["title"] + more, fontsize=11, loc="left")
            for s in ax.spines.values():
                s.set_visible(False)
        fig.suptitle(title, fontsize=13, x=0.01, ha="left")
        return _save(fig, stem)
