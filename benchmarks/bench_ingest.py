"""Ingest benchmark: read a digest folder (for example a clone of a daily-digest repository) and
print what kg reads from it and how long each part takes.

    python benchmarks/bench_ingest.py DIR_OR_FILE ...

Prints files, records, papers, versions, errors, the texts kept by language, the seconds and
the peak memory, plus the floor: the time to read and decode the same bytes without parsing.
"""
from __future__ import annotations

import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ingest import IngestReport, find_inputs, ingest  # noqa: E402
from kg.ingest.decode import decode  # noqa: E402


def main(paths: list[str]) -> None:
    t0 = time.perf_counter()
    files = find_inputs(paths)
    size = 0
    for f in files:
        data = f.read_bytes()
        size += len(data)
        decode(data)
    floor = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    report = IngestReport()
    papers = ingest(paths, report)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    langs = Counter((t.kind, t.lang) for p in papers for v in p.versions for t in v.texts)
    print(f"files            {report.files} ({size / 1e6:.1f} MB; formats {dict(report.formats)})")
    print(f"records          {report.rows} ({report.merged} were another listing of a version already read)")
    print(f"papers           {len(papers)} ({sum(len(p.versions) for p in papers)} versions)")
    print(f"errors           {len(report.errors)}")
    for (kind, lang), n in sorted(langs.items(), key=lambda x: -x[1])[:8]:
        print(f"  texts {kind:<10} @{lang or '-':<3} {n}")
    print(f"with authors     {sum(bool(p.authors) for p in papers)}, categories {sum(bool(p.categories) for p in papers)}, "
          f"a digest date {sum(any(v.date for v in p.versions) for p in papers)}")
    print(f"time             {secs:.1f} s wall, {cpu:.1f} s CPU (floor: reading and decoding the bytes {floor:.1f} s)")
    print(f"peak memory      {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(ROOT / "data")])
