"""Views of a build (placeholder until the visualisation module lands)."""
from __future__ import annotations

from pathlib import Path


def build_views(out: Path) -> list[Path]:
    return []
