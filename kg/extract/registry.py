"""The one place where extraction rules are declared, with their metadata.

A *rule id* is what a Mention records as its `rule` (and a link as the rule of its evidence):
"vocabulary", "cue-propose", ... Each is declared once below with

  rank        lower is more reliable. It decides which rule's reading of a new name a span keeps
              (kg.extract.new_names), which type a name takes when rules disagree and which
              mention is a link's evidence (kg.link).
  strong      a novelty vote of this rule is enough to call the entity introduced (kg.link).
  confidence  the confidence of its mentions; `variants` holds the few named alternatives
              (a short vocabulary match, a title's task, ...).
  title_case  a Title-Case phrase ("Chain-Talker", "Multi-Head Attentive Pooling") passes as a name.
  plain_word  one plain capitalised word ("Dasheng") passes as a name.

A *name rule* is one function that finds candidate names in a text (kg/extract/rules/); it is
registered with `@name_rule(id, ...)`, under the rule id it reports, with its own confidence when
it differs from the id's. The order in which name rules run is declared in
kg.extract.rules.ORDER; task strategies (kg/extract/tasks/) are registered with
`@task_strategy(name, ...)` and run in kg.extract.tasks.ORDER.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Rule:
    id: str
    rank: int
    strong: bool
    confidence: float
    description: str
    variants: Mapping[str, float] = field(default_factory=dict)
    title_case: bool = False
    plain_word: bool = False

    def conf(self, variant: str | None = None) -> float:
        """The confidence of the rule, or of one of its named variants."""
        return self.confidence if variant is None else self.variants[variant]


_RULES: dict[str, Rule] = {}


def declare(id: str, *, rank: int, strong: bool, confidence: float, description: str,
            variants: Mapping[str, float] | None = None, title_case: bool = False, plain_word: bool = False) -> Rule:
    if id in _RULES:
        raise ValueError(f"rule {id!r} declared twice")
    r = Rule(id, rank, strong, confidence, description, MappingProxyType(dict(variants or {})), title_case, plain_word)
    _RULES[id] = r
    return r


# rank 9: not ranked among the name rules (a task's reading never competes with a name rule's)
declare("title-name", rank=0, strong=True, confidence=0.9, title_case=True, plain_word=True,
        description='the name a title presents: "Name: subtitle", "Name Technical Report", "The X Corpus"')
declare("vocabulary", rank=1, strong=True, confidence=0.95, variants={"short": 0.85},
        description="a label of the vocabulary (short: 4 characters or fewer)")
declare("cue-propose", rank=2, strong=True, confidence=0.85, title_case=True,
        description="a proposing/releasing verb before a name (提出/构建/发布…, we propose/introduce…)")
declare("abbreviation", rank=3, strong=True, confidence=0.85, variants={"new": 0.8},
        description="an abbreviation defined in the text: of a vocabulary concept, or a new name (new) "
                    "whose long form or context gives its type")
declare("cue-appositive", rank=4, strong=True, confidence=0.8, variants={"kind-first": 0.75},
        description='"Name, a novel framework", "名为Name", "an AAC method, EnCLAP," (kind-first)')
declare("cue-dataset", rank=5, strong=False, confidence=0.75,
        description="names evaluated on: 在DAIC-WOZ和MODMA上, on the Chinese Secap test set")
declare("cue-list", rank=6, strong=False, confidence=0.7,
        description="unknown names listed with known ones take their type")
declare("cue-head", rank=7, strong=False, confidence=0.7, variants={"weak": 0.65, "component": 0.7},
        description="a name next to a type head noun: Name数据集, the Name dataset, 预训练模型HuBERT")
declare("cue-use", rank=8, strong=False, confidence=0.6,
        description="a using verb before a name (采用/基于/利用…, using/based on/leveraging…)")
declare("name-shape", rank=8, strong=False, confidence=0.5,
        description="a name by its shape alone (VINS-Mono, pi0-FAST, GottBERT, DenseNet201), with no cue word")
declare("task-inference", rank=9, strong=False, confidence=0.8, variants={"title": 0.9},
        description="a vocabulary task the text names without its label written whole (also the "
                    "confidence of every task mention of the vocabulary; title: in a title)")
declare("task-phrase", rank=9, strong=False, confidence=0.75,
        description="a task name the vocabulary lacks, read off a title's phrase")

declare("task-frame", rank=9, strong=False, confidence=0.85,
        description="a task stated in a frame (该论文属于X任务, 针对X任务, the task of X, we address X); "
                    "each frame's confidence is in ontology/lexicon/{zh,en}/open-task-frames.txt")
declare("task-title", rank=9, strong=False, confidence=0.85,
        description="a task a title states after 'for' or before its colon (A Network for Underwater Image Enhancement)")
declare("task-paradigm", rank=9, strong=False, confidence=0.8,
        description="a method that also names a problem (ontology/rules/methods-also-tasks.txt), made a title's "
                    "topic ('A Framework for Curriculum Learning'): the task the paper addresses")
declare("task-last", rank=9, strong=False, confidence=0.5,
        description="a title's activity phrase ('for Cooperative Docking'), kept only when the paper states no task")
RULES: Mapping[str, Rule] = MappingProxyType(_RULES)
UNRANKED = 9


def rank(rule_id: str) -> int:
    """The rank of a rule id (an id no rule declares ranks last)."""
    r = _RULES.get(rule_id)
    return r.rank if r is not None else UNRANKED


def is_strong(rule_id: str) -> bool:
    r = _RULES.get(rule_id)
    return r is not None and r.strong


# ---------------------------------------------------------------- name rules


@dataclass(frozen=True)
class NameRule:
    name: str
    rule: Rule
    confidence: float
    title: bool  # runs on titles (else on the other texts: summaries, abstracts)
    func: Callable
    doc: str
    script: str | None = None  # "han": can only match a text with Han characters (its cue words are Chinese)


NAME_RULES: dict[str, NameRule] = {}


def name_rule(id: str, *, confidence: float | str | None = None, title: bool = False,
              script: str | None = None) -> Callable:
    """Register a name rule: `func(text, add)` calls `add(start, end, type, novel, ...)` for each
    candidate. `confidence` is a number, the name of one of the rule id's variants, or None
    (the rule id's own confidence). `script="han"` declares that the rule cannot match a text
    without Han characters, so it is not run on one."""
    r = _RULES[id]
    conf = r.confidence if confidence is None else r.conf(confidence) if isinstance(confidence, str) else confidence

    def register(func: Callable) -> Callable:
        name = func.__name__
        if name in NAME_RULES:
            raise ValueError(f"name rule {name!r} registered twice")
        NAME_RULES[name] = NameRule(name, r, conf, title, func, (func.__doc__ or "").strip(), script)
        return func

    return register


# ---------------------------------------------------------------- task strategies


@dataclass(frozen=True)
class TaskStrategy:
    name: str
    func: Callable
    doc: str
    title_only: bool


TASK_STRATEGIES: dict[str, TaskStrategy] = {}


def task_strategy(name: str, *, title_only: bool = False) -> Callable:
    """Register a task strategy: `func(index, doc, tasks)` returns the task Spans it adds."""
    def register(func: Callable) -> Callable:
        if name in TASK_STRATEGIES:
            raise ValueError(f"task strategy {name!r} registered twice")
        TASK_STRATEGIES[name] = TaskStrategy(name, func, (func.__doc__ or "").strip(), title_only)
        return func

    return register
