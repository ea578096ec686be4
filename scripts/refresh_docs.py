#!/usr/bin/env python3
"""Re-run the `kg query` examples of docs/queries.md on the current build and write their output.

    .venv/bin/kg build && .venv/bin/python scripts/refresh_docs.py [docs/queries.md ...]

Every ```console block whose first line is `$ kg query ...` (a command may span lines inside its
quotes) gets the command's real output. A block that showed only its first rows (a `...` line)
keeps showing that many rows, then `...` and the row count.
"""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def split_command(lines: list[str]) -> tuple[list[str], int] | None:
    """The kg command of a block (argv) and how many lines it takes."""
    for n in range(1, len(lines) + 1):
        text = "\n".join(lines[:n])[2:]
        try:
            return shlex.split(text), n
        except ValueError:  # quotes still open: the command goes on
            continue
    return None


def refresh(block: str) -> str:
    """Every `$ kg query ...` command of a console block with its fresh output."""
    lines = block.rstrip("\n").split("\n")
    out_lines: list[str] = []
    i = 0
    while i < len(lines):
        if not lines[i].startswith("$ kg query"):
            out_lines.append(lines[i])
            i += 1
            continue
        found = split_command(lines[i:])
        if found is None:
            return block
        argv, n = found
        j = i + n
        while j < len(lines) and not lines[j].startswith("$ "):
            j += 1
        out_lines += lines[i:i + n] + run(argv, lines[i + n:j])
        i = j
    return "\n".join(out_lines) + "\n"


def run(argv: list[str], old_out: list[str]) -> list[str]:
    kg = ROOT / ".venv" / "bin" / "kg"
    r = subprocess.run([str(kg) if kg.exists() else "kg", *argv[1:]], capture_output=True, text=True, cwd=ROOT)
    out = (r.stdout + r.stderr).rstrip("\n").split("\n")
    if "..." in old_out:
        head = old_out.index("...")
        tail = [out[-1]] if out and re.fullmatch(r"\(\d+ rows?\)", out[-1]) else []
        if len(out) > head + len(tail) + 1:
            out = out[:head] + ["..."] + tail
    return out


def main(paths: list[str]) -> int:
    for p in map(Path, paths or [ROOT / "docs" / "queries.md"]):
        text = p.read_text(encoding="utf-8")
        new = BLOCK.sub(lambda m: "```console\n" + refresh(m.group(1)) + "```", text)
        if new != text:
            p.write_text(new, encoding="utf-8")
            print(f"{p}: examples refreshed")
        else:
            print(f"{p}: unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
