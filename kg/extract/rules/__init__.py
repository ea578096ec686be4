"""The name rules: find_candidates(text, field) runs every registered name rule (kg.extract.registry)
in the order declared here and passes each candidate through the acceptance policy (accept.py).

  title.py       title-name      "Name: subtitle", "Name Technical Report", "The X Corpus"
  propose.py     cue-propose     提出/构建/发布… + name, we propose/introduce… + name, 引入X（English Name）
  appositive.py  cue-appositive  "Name, a novel framework", "名为Name", "an AAC method, EnCLAP,"
  datasets.py    cue-dataset     在DAIC-WOZ和MODMA上, on the Chinese Secap test set, two datasets: A and B,
                                 datasets, A, B and C.; the tomography set CT-RATE
  heads.py       cue-head        Name数据集, the Name dataset, 预训练模型HuBERT, Label Signal Enhancement模块
  use.py         cue-use         采用/基于/利用… + names, using/based on/leveraging… + names
  components.py  cue-head        "A Pose Alignment Module maps …", "the planner MPPI", "the Viterbi algorithm"
                 name-shape      a name by its shape alone (VINS-Mono, pi0-FAST, GottBERT)

The ids "abbreviation" and "cue-list" are found on the Doc (kg.extract.new_names). The type of a new
name is decided from the words around it (数据集/语料库/基准/benchmark/corpus vs
框架/模型/方法/系统/framework/model/architecture); names that are generic words are dropped.
"""
from __future__ import annotations

import re

from ..registry import NAME_RULES, NameRule
from . import appositive, components, datasets, heads, propose, title, use  # noqa: F401  (registers the rules)
from .accept import Candidate, accept
from .common import TASK_HEAD, clause_before

# the order the rules run in: a span found by two rules of one rank keeps the first one's reading
ORDER = (
    # titles
    "title_resource", "title_name", "title_head_after_en",
    # other texts
    "propose_zh", "term_named_zh", "appositive_zh", "named_zh", "propose_en", "appositive_en", "named_en", "kind_appositive_en",
    "on_data_zh", "on_data_en", "challenge_en", "challenge_zh", "scored_on_zh", "scored_on_en", "counted_zh", "counted_en", "score_on_zh", "score_on_en", "on_list_zh", "on_list_en", "head_list_en",
    "architecture_en", "task_name", "listed_heads_en", "head_after_zh", "head_after_en", "head_near_en", "bracketed_before_head_en", "english_term_in_chinese",
    "head_near_zh", "head_before_zh", "examples_en", "examples_zh",
    "component_en", "kind_before_en", "eponym_en",
    "use_zh", "use_en", "shaped_name",
)
if set(ORDER) != set(NAME_RULES) or len(ORDER) != len(NAME_RULES):
    raise RuntimeError(f"kg.extract.rules.ORDER does not list the registered name rules: {sorted(set(ORDER) ^ set(NAME_RULES))}")
_TITLE = tuple(NAME_RULES[n] for n in ORDER if NAME_RULES[n].title)
_BODY = tuple(NAME_RULES[n] for n in ORDER if not NAME_RULES[n].title)


def rules_for(field: str) -> tuple[NameRule, ...]:
    return _TITLE if field == "title" else _BODY


def run_rule(rule: NameRule, text: str) -> list[Candidate]:
    """The accepted candidates of one name rule in a text."""
    out: list[Candidate] = []

    def add(s: int, e: int, type_: str | None, novel: bool, plain_ok: bool = False, title_ok: bool = False,
            whole: bool = False) -> None:
        c = accept(text, s, e, type_, rule, novel, plain_ok, title_ok, whole)
        if c is not None:
            out.append(c)

    rule.func(text, add)
    return out


_HAN = re.compile(r"[\u3400-\u9fff]")


def find_candidates(text: str, field: str) -> list[Candidate]:
    """Names not necessarily in the vocabulary, with a type and whether the paper introduces them."""
    han = _HAN.search(text) is not None
    return [c for rule in rules_for(field) if han or rule.script != "han" for c in run_rule(rule, text)]


__all__ = ["Candidate", "ORDER", "TASK_HEAD", "clause_before", "find_candidates", "rules_for", "run_rule"]
