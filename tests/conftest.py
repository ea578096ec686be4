"""Shared fixtures: the bundled digest built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory) -> Path:
    """OUT directory of `kg build data/` (no HTML views: the view tests build their own), with
    every other format (JSON-LD too, which a default build leaves out)."""
    from kg.build import FORMATS, build

    out = tmp_path_factory.mktemp("bundled")
    build([ROOT / "data"], out, progress=False, views=False, formats=tuple(FORMATS))
    return out
