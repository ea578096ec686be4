"""Extraction on real digest papers, stage by stage: CPU seconds of tokenisation (make_doc), of each
pipeline component and of mentions_from_doc, on one core.

    python benchmarks/bench_extract_stages.py DIGEST_OR_FOLDER [N]   (default: the first 1,000 papers)

Every text of a paper is read (titles, Chinese summaries, English abstracts), as a build does.
Prints papers, texts, mentions and milliseconds per paper for each stage.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract import load_nlp  # noqa: E402
from kg.extract.mentions import mentions_from_doc  # noqa: E402
from kg.ingest import ingest  # noqa: E402


def main(source: Path, n: int) -> None:
    papers = list(ingest([source]))[:n]
    nlp = load_nlp()
    items = [(text, fld, ver) for p in papers for fld, ver, text in p.texts()]
    for text, fld, ver in items[:100]:  # warm the caches
        mentions_from_doc(nlp(text), fld, ver)
    stages: dict[str, float] = {}
    t0 = time.process_time()
    docs = [nlp.make_doc(text) for text, _f, _v in items]
    stages["make_doc"] = time.process_time() - t0
    for name, pipe in nlp.pipeline:
        t0 = time.process_time()
        docs = [pipe(d) for d in docs]
        stages[name] = time.process_time() - t0
    t0 = time.process_time()
    mentions = sum(len(mentions_from_doc(d, fld, ver)) for d, (_t, fld, ver) in zip(docs, items))
    stages["mentions_from_doc"] = time.process_time() - t0
    total = sum(stages.values())
    print(f"papers {len(papers)}  texts {len(items)}  mentions {mentions}  "
          f"CPU {total:.2f} s  {1000 * total / len(papers):.2f} ms/paper")
    for name, sec in stages.items():
        print(f"  {name:22s} {sec:6.2f} s  {1000 * sec / len(papers):5.2f} ms/paper")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
