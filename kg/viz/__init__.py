"""Views of a build: interactive HTML pages (pyvis / vis-network, self-contained) and static
SVG/PNG pictures of the same graphs.

    build_views(out)        every default view, called at the end of `kg build`
    main(args)              `kg view KIND [NAME] -o OUT`
    embed(path, height)     show a page in a Jupyter notebook (a sandboxed iframe of the file)

Default views in OUT/: graph, overlap-dataset-method, overlap-datasets, matrix (.html, .svg,
.png each). Neighbourhood views go to OUT/views/<type>-<label>.html (.svg, .png).
"""
from __future__ import annotations

import html as _html
import sys
from pathlib import Path

from .data import Data
from .model import (PaperTable, View, ego_view, matrix_section, overlap_view, paper_view,
                    whole_graph)

__all__ = ["build_views", "main", "embed", "iframe_snippet", "write_view"]

DEFAULT = ("graph", "overlap", "matrix")


def _network(out: Path, v: View, weighted: bool = False, pictures: bool = True, size: str = "page") -> list[Path]:
    from .render import network_html, write
    stem = Path(out) / v.name
    files = [write(stem.parent / (stem.name + ".html"), network_html(v, weighted))]
    if pictures:
        from .pictures import network_picture
        files += network_picture(v, stem, size)
    return files


def write_view(out: Path, kind: str, data: Data | None = None, name: str | list[str] | None = None,
               pictures: bool = True, size: str = "page") -> list[Path]:
    """Write one view (graph | overlap | matrix | trends | dataset | method | task | paper) into
    out; pictures (SVG, PDF, PNG) sized for a page or a column (size)."""
    out = Path(out)
    data = data or Data.load(out)
    names = [name] if isinstance(name, str) else list(name or [])
    name = " ".join(names) if names else None
    if kind == "graph":
        return _network(out, whole_graph(data), pictures=pictures, size=size)
    if kind == "overlap":
        return (_network(out, overlap_view(data, "Dataset", "Method", "overlap-dataset-method",
                                           "Datasets and methods used together"), True, pictures, size)
                + _network(out, overlap_view(data, "Dataset", "Dataset", "overlap-datasets",
                                             "Datasets used together"), True, pictures, size))
    if kind == "trends":
        from .explore import top_datasets, trend_series
        from .pictures import trends_picture
        ents = []
        for n in names:
            hits = data.find_entity(n)
            if not hits:
                raise LookupError(_not_found(data, n, "entity"))
            ents.append(hits[0])
        ents = ents or top_datasets(data)
        months, series = trend_series(data, ents)
        files = trends_picture("Papers per month", months, series, out / "trends", size)
        from urllib.parse import quote
        link = "matrix.html#tab=trends&trend=" + quote("|".join(lab for lab, _ in series))
        print(f"interactive: {out / link}", file=sys.stderr)
        return files
    if kind == "matrix":
        from .render import matrix_html, write
        table = PaperTable(data, 0)
        sections = [matrix_section(data, table, "Dataset", "Method"), matrix_section(data, table, "Dataset", "Task")]
        title = "Which datasets go with which methods and tasks"
        sub = f"{len(data.papers)} papers; a cell counts the papers that link to both (hover or click a cell for them)"
        from .explore import explorer_data
        sub = (f"{len(data.papers)} papers; a cell counts the papers that link to both (hover or click a cell "
               "for the papers and their evidence)")
        files = [write(out / "matrix.html", matrix_html(title, sub, explorer_data(data)))]
        if pictures:
            from .explore import top_datasets, trend_series, upset_combos
            from .pictures import matrix_picture, trends_picture, upset_picture
            files += matrix_picture(title, sections, out / "matrix", size)
            combos, sizes = upset_combos(data)
            files += upset_picture("Datasets used together (papers using exactly these datasets)", combos, sizes,
                                   out / "upset", size)
            months, series = trend_series(data, top_datasets(data))
            files += trends_picture("Papers per month", months, series, out / "trends", size)
        return files
    if kind in ("dataset", "method", "task", "metric"):
        t = kind.capitalize()
        hits = data.find_entity(name or "", t) or data.find_entity(name or "")
        if not hits:
            raise LookupError(_not_found(data, name, t))
        return _network(out, ego_view(data, hits[0]), pictures=pictures, size=size)
    if kind == "paper":
        hits = data.find_paper(name or "")
        if not hits:
            raise LookupError(f"no paper {name!r} in the build (give an arXiv id such as 2507.21395, a URL or the title)")
        return _network(out, paper_view(data, hits[0]), pictures=pictures, size=size)
    raise ValueError(f"unknown view {kind!r}")


def _not_found(data: Data, name: str | None, t: str) -> str:
    s = data.suggestions(name or "", t) or data.suggestions(name or "", None)
    return f"no {t.lower()} {name!r} in the build" + (f"; did you mean: {', '.join(s)}?" if s else "")


def build_views(out: Path, data: Data | None = None) -> list[Path]:
    """Every default view of the build in out (called by `kg build`), of data (default: read
    from out)."""
    out = Path(out)
    data = data if data is not None else Data.load(out)
    files: list[Path] = []
    for kind in DEFAULT:
        files += write_view(out, kind, data)
    return files


def main(args) -> int:
    """kg view KIND [NAME] -o OUT"""
    out = Path(args.output)
    kind, name = args.kind, getattr(args, "name", None)
    size = getattr(args, "size", None) or "page"
    if kind in ("dataset", "method", "task", "paper") and not name:
        print(f"kg view {kind}: give the {kind} (any of its labels{', or an arXiv id' if kind == 'paper' else ''})",
              file=sys.stderr)
        return 2
    data = Data.load(out)
    try:
        if kind == "all":
            files = [f for k in DEFAULT for f in write_view(out, k, data, size=size)]
        else:
            files = write_view(out, kind, data, name, size=size)
    except LookupError as e:
        print(f"kg view: {e.args[0]}", file=sys.stderr)
        return 1
    for f in files:
        print(f)
    return 0


# The sandbox of an embedded page. allow-scripts: the page is drawn by its script; allow-forms:
# without it the search form's submit event never fires; allow-popups (+ to escape the sandbox):
# paper links open in a normal tab; allow-downloads: the page's PNG/SVG export. Never
# allow-same-origin: with it and allow-scripts a frame can reach the notebook's origin (its
# cookies, its token, the kernel), and the page shows text from the input; the page needs no
# storage or cookie of its own, so an opaque origin costs nothing.
SANDBOX = "allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads"


class _Embed:
    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


def iframe_snippet(src: str, height: int = 600) -> str:
    """The HTML that shows a kg page in a report or notebook: a sandboxed iframe of the file."""
    return (f'<iframe src="{_html.escape(src, quote=True)}" style="width:100%;height:{int(height)}px;'
            f'border:1px solid #ddd" sandbox="{SANDBOX}" loading="lazy" title="kg view"></iframe>')


def embed(path: str | Path, height: int = 600, inline: bool | None = None, base: str | Path | None = None) -> _Embed:
    """Display a kg page in Jupyter: `from kg.viz import embed; embed("output/graph.html")`.

    By default the notebook gets a small iframe of the file (its path relative to the notebook's
    directory, `base`, default the working directory), so the output stays a few hundred bytes
    whatever the size of the page. inline=True (or a page outside `base`) puts the page itself
    into the iframe (srcdoc): no file access needed, but the notebook grows by the page's size.
    The frame is sandboxed (SANDBOX): search, links and export work, the notebook is out of reach."""
    path = Path(path)
    base = Path(base) if base is not None else Path.cwd()
    rel = None
    try:
        rel = path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        pass
    if inline or rel is None:
        page = path.read_text(encoding="utf-8")
        return _Embed(f'<iframe srcdoc="{_html.escape(page, quote=True)}" style="width:100%;height:{int(height)}px;'
                      f'border:1px solid #ddd" sandbox="{SANDBOX}" title="kg view"></iframe>')
    from urllib.parse import quote
    return _Embed(iframe_snippet(quote(rel), height))
