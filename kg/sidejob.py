"""A stage of a large build run beside the others in a fresh Python process.

A process forked from the build would start with the build's whole memory (every paper, link
and entity), and reading its objects touches their reference counts, which copies their pages:
on an archive of 80,000 papers such a process held 3.4 GB. A fresh process (`python -m
kg.sidejob JOB RESULT`) holds only what its stage reads: the function and its arguments are
pickled into JOB, its value is pickled into RESULT. Both files live in the build's temporary
folder and are removed once read.
"""
from __future__ import annotations

import importlib
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path


class FreshJob:
    """func(*args) in a fresh interpreter; result() waits for it and returns its value (raising
    RuntimeError, naming what it wrote, if the process failed)."""

    def __init__(self, what: str, func, args: tuple, folder: Path):
        self.what = what
        fd, job = tempfile.mkstemp(prefix=".kg-job-", suffix=".pkl", dir=folder)
        self.job, self.res = Path(job), Path(job).with_suffix(".out")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((func.__module__, func.__qualname__, args), fh, protocol=pickle.HIGHEST_PROTOCOL)
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parent.parent)  # the folder kg is imported from
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        self.proc = subprocess.Popen([sys.executable, "-m", "kg.sidejob", str(self.job), str(self.res)],
                                     env=env, stdin=subprocess.DEVNULL)

    def result(self):
        try:
            rc = self.proc.wait()
            if rc != 0:
                raise RuntimeError(f"writing {self.what} failed (exit code {rc})")
            with open(self.res, "rb") as fh:
                return pickle.load(fh)
        finally:
            self.job.unlink(missing_ok=True)
            self.res.unlink(missing_ok=True)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait()


def main(argv: list[str]) -> int:
    job, res = argv
    with open(job, "rb") as fh:
        module, name, args = pickle.load(fh)
    func = importlib.import_module(module)
    for part in name.split("."):
        func = getattr(func, part)
    value = func(*args)
    with open(res, "wb") as fh:
        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
