"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a build, on 127.0.0.1.

The endpoint is the Oxigraph server (the `oxigraph` package from PyPI, a kg dependency) run as
`oxigraph serve-read-only` on the build's store, in the foreground: SELECT/ASK/CONSTRUCT/DESCRIBE at
/query (GET ?query=... or POST), the graph store at /store for reading, updates refused, a
per-query timeout, and the server's bundled YASGUI query page at / (works offline).  Ctrl-C stops it.

The store must not be rebuilt (`kg build -o` the same directory) while it is served.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

HOST = "127.0.0.1"
SERVE_PID = ".kg-serve.pid"


def served_by(out: Path) -> int | None:
    """The pid of a `kg serve` server running on this build, if any."""
    try:
        pid = int((Path(out) / SERVE_PID).read_text(encoding="ascii").strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


def oxigraph_binary() -> str:
    """The `oxigraph` server next to this Python (the venv's bin/), else on PATH."""
    exe = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    here = Path(sys.executable).parent / exe
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise FileNotFoundError("the `oxigraph` server is not installed: `pip install oxigraph` "
                            "(it comes with kg's dependencies)")


def command(out: Path, port: int, timeout: int) -> list[str]:
    from .store import store_path
    cmd = [oxigraph_binary(), "serve-read-only", "--location", str(store_path(out)), "--bind", f"{HOST}:{port}"]
    if timeout and timeout > 0:
        cmd += ["--timeout-s", str(timeout)]
    return cmd


def main(a: argparse.Namespace) -> int:
    from .store import BuildNotFound, store_path
    out = Path(a.output)
    if not store_path(out).is_dir():
        raise BuildNotFound(f"{out}: no build found (no store/ directory); run `kg build -o {out}` first")
    if not 0 < a.port < 65536:
        print(f"kg serve: --port {a.port}: not a port number", file=sys.stderr)
        return 2
    cmd = command(out, a.port, a.timeout)
    base = f"http://{HOST}:{a.port}"
    print(f"kg serve: {out}/ read-only, SPARQL endpoint {base}/query (query timeout {a.timeout} s)\n"
          f"  graph store (read) {base}/store, query UI in a browser at {base}/ ; Ctrl-C stops it.", flush=True)
    proc = subprocess.Popen(cmd)
    pidfile = out / SERVE_PID
    pidfile.write_text(str(proc.pid), encoding="ascii")  # kg build refuses to rebuild a served store

    def on_term(signum, frame):  # `kill PID` of kg serve also stops the server
        raise KeyboardInterrupt

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, on_term)
    try:
        rc = proc.wait()
    except KeyboardInterrupt:
        _stop(proc)
        return 0
    finally:
        pidfile.unlink(missing_ok=True)
    if rc != 0:
        print(f"kg serve: the oxigraph server stopped with exit code {rc} "
              f"(is port {a.port} already in use, or is {store_path(out)} being rebuilt?)", file=sys.stderr)
        return 1
    return 0


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server: on Ctrl-C it usually has the SIGINT already (same process group); else SIGTERM."""
    try:
        proc.wait(timeout=0.5)
        return
    except subprocess.TimeoutExpired:
        pass
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
