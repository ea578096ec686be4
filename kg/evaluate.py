"""kg eval: score a build's links against a gold file.

Gold format and matching rules are those of the seed gold (tests/gold/GUIDELINE.md):
labels are normalised (lower case, letters/digits/Han only); a link matches a gold entity of
its type by its label, else by its alternative labels in order; a gold entity is matched once
(a second link to it is a duplicate, counted as a false positive); a link matching nothing but
one of the paper's *_ok strings is ignored; papers absent from the gold are ignored. Novelty is
scored on matched Dataset/Method links.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

GOLD_FIELDS = {
    "Task": [("tasks", False)],
    "Dataset": [("datasets_used", False), ("datasets_introduced", True)],
    "Method": [("methods_used", False), ("methods_proposed", True)],
    "Metric": [("metrics", False)],
}
_ARXIV = re.compile(r"(\d{4}\.\d{4,5})(?:v\d+)?")


def key(text) -> str:
    return re.sub(r"[^0-9a-z\u3400-\u9fff]+", "", str(text).lower())


def paper_key(raw) -> str:
    m = _ARXIV.search(str(raw))
    if m:
        return m.group(1)
    return re.sub(r"^(?:doi:|https?://(?:dx\.)?doi\.org/)", "", str(raw).strip(), flags=re.I).lower()


@dataclass
class TypeScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    novel_right: int = 0
    novel_total: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    scores: dict[str, TypeScore] = field(default_factory=dict)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # paper, type, FP|DUP|FN, label

    def as_dict(self) -> dict:
        out = {}
        for t, s in self.scores.items():
            d = {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 3),
                 "recall": round(s.recall, 3), "f1": round(s.f1, 3)}
            if s.novel_total:
                d["novel_accuracy"] = round(s.novel_right / s.novel_total, 3)
            out[t] = d
        core = TypeScore(*(sum(getattr(self.scores[t], f) for t in ("Task", "Dataset", "Method"))
                           for f in ("tp", "fp", "fn")))
        out["micro_TDM"] = {"precision": round(core.precision, 3), "recall": round(core.recall, 3),
                            "f1": round(core.f1, 3)}
        return out


def evaluate(gold: dict, links: list[dict]) -> Evaluation:
    by: dict[tuple[str, str], list[dict]] = {}
    for lk in links:
        by.setdefault((paper_key(lk.get("paper", "")), lk.get("type")), []).append(lk)
    gold = {paper_key(k): v for k, v in gold.items()}
    ev = Evaluation()
    for t, fields in GOLD_FIELDS.items():
        s = ev.scores[t] = TypeScore()
        for pid, paper in gold.items():
            ents = []
            for fld, novel in fields:
                for e in paper.get(fld) or []:
                    e = {"name": e, "aliases": []} if isinstance(e, str) else e
                    keys = {key(e["name"]), *(key(a) for a in e.get("aliases") or [])} - {""}
                    ents.append((e["name"], keys, novel))
            ok_field = {"Task": "tasks_ok", "Dataset": "datasets_ok", "Method": "methods_ok", "Metric": "metrics_ok"}[t]
            ok = {key(x if isinstance(x, str) else x.get("name", "")) for x in paper.get(ok_field) or []}
            matched: set[int] = set()
            for lk in by.get((pid, t), []):
                keys = [k for k in (key(x) for x in [lk.get("label", ""), *(lk.get("alt_labels") or [])]) if k]
                hit = next((i for k in keys for i, e in enumerate(ents) if k in e[1]), None)
                if hit is None:
                    if not any(k in ok for k in keys):
                        s.fp += 1
                        ev.errors.append((pid, t, "FP", lk.get("label", "")))
                elif hit in matched:
                    s.fp += 1
                    ev.errors.append((pid, t, "DUP", lk.get("label", "")))
                else:
                    matched.add(hit)
                    s.tp += 1
                    if t in ("Dataset", "Method"):
                        s.novel_total += 1
                        s.novel_right += bool(lk.get("novel")) == ents[hit][2]
            for i, e in enumerate(ents):
                if i not in matched:
                    s.fn += 1
                    ev.errors.append((pid, t, "FN", e[0]))
    return ev


def main(a) -> int:
    links_path = Path(a.output) / "links.jsonl"
    if not links_path.exists():
        print(f"kg eval: {links_path} not found; run `kg build -o {a.output}` first", file=sys.stderr)
        return 2
    try:
        gold = json.loads(Path(a.gold).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        print(f"kg eval: cannot read gold file {a.gold}: {e}", file=sys.stderr)
        return 2
    links = [json.loads(line) for line in links_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ev = evaluate(gold, links)
    result = ev.as_dict()
    if getattr(a, "json", False):
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"{'type':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}  novelty acc.")
        for t, r in result.items():
            if t == "micro_TDM":
                print(f"{t:10} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}")
            else:
                nov = f"{r['novel_accuracy']:.3f}" if "novel_accuracy" in r else ""
                print(f"{t:10} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
                      f"{r['tp']:5} {r['fp']:5} {r['fn']:5}  {nov}")
    if getattr(a, "errors", False):
        for e in ev.errors:
            print("\t".join(e))
    return 0
