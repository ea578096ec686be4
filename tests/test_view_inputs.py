"""`kg view paper` on inputs that used to crash it: a LaTeX title, an id longer than a file name may be."""
from __future__ import annotations

import subprocess
import sys

LONG = "x" * 300


def test_view_paper_with_latex_title_and_long_id(tmp_path):
    d = tmp_path / "d.md"
    d.write_text("|Source|Title|Summary|\n|---|---|---|\n"
                 "|2601.00041v1|$\\textsc{SER}$: A Study of $x^2$|We use IEMOCAP.|\n"
                 f"|{LONG}|Long id paper|We use MELD.|\n", encoding="utf-8")
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(d), "-o", str(out), "--no-views", "-q"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    for pid in ("2601.00041", LONG):
        r = subprocess.run([sys.executable, "-m", "kg.cli", "view", "paper", pid, "-o", str(out)],
                           capture_output=True, text=True)
        assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-2000:]
    names = [p.name for p in (out / "views").iterdir()]
    assert any(n.startswith("paper-2601.00041") and n.endswith(".svg") for n in names)
    assert all(len(n.encode()) < 255 for n in names)
    svg = (out / "views" / "paper-2601.00041.svg").read_text(encoding="utf-8")
    assert "textsc" in svg  # the title is drawn as written, not parsed as mathematics
