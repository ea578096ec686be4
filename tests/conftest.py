"""Shared fixtures: the bundled digest built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory) -> Path:
    """OUT directory of `kg build data/ --formats default,jsonld` (no HTML views: the view tests
    build their own; JSON-LD, not written by default, for the tests that parse every format)."""
    from kg.build import build, parse_formats

    out = tmp_path_factory.mktemp("bundled")
    build([ROOT / "data"], out, progress=False, views=False, formats=parse_formats("default,jsonld"))
    return out
