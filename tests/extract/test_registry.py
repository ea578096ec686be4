"""The registry is the one source of rule metadata, and every rule and strategy has its tests."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from kg import link
from kg.extract import registry
from kg.extract.registry import NAME_RULES, RULES, TASK_STRATEGIES
from kg.extract.rules import ORDER as NAME_ORDER
from kg.extract.tasks import ORDER as TASK_ORDER

HERE = Path(__file__).parent


def _cases(pattern: str) -> list:
    out = []
    for path in sorted(HERE.glob(pattern)):
        spec = importlib.util.spec_from_file_location(f"_cases_{path.stem}", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        out.extend(getattr(mod, "CASES", []))
    return out


def test_every_rule_id_has_rank_confidence_and_a_description():
    for r in RULES.values():
        assert isinstance(r.rank, int) and 0 <= r.rank <= registry.UNRANKED, r.id
        assert 0 < r.confidence < 1 and all(0 < c < 1 for c in r.variants.values()), r.id
        assert isinstance(r.strong, bool) and r.description, r.id


def test_ranks_order_the_name_rules_as_linking_expects():
    # a title's name outranks the vocabulary, which outranks every cue; the use cue is the weakest
    order = sorted((r for r in RULES.values() if r.rank < registry.UNRANKED), key=lambda r: r.rank)
    assert [r.id for r in order] == ["title-name", "vocabulary", "cue-propose", "abbreviation", "cue-appositive",
                                     "cue-dataset", "cue-list", "cue-head", "cue-use", "name-shape"]
    assert {r.id for r in RULES.values() if r.strong} == {"title-name", "vocabulary", "cue-propose", "abbreviation",
                                                          "cue-appositive"}


def test_an_undeclared_rule_id_ranks_last_and_is_not_strong():
    assert registry.rank("no-such-rule") == registry.UNRANKED and not registry.is_strong("no-such-rule")
    with pytest.raises(KeyError):
        registry.name_rule("no-such-rule")


def test_link_reads_the_registry_and_keeps_no_table_of_its_own():
    assert not hasattr(link, "RULE_PRIORITY")
    src = Path(link.__file__).read_text(encoding="utf-8")
    assert '"cue-propose"' not in src and '"cue-appositive"' not in src


def test_every_name_rule_is_ordered_declared_and_tested():
    assert sorted(NAME_ORDER) == sorted(NAME_RULES)
    tested = {p.values[0] for p in _cases("names/test_name_*.py")}
    assert tested == set(NAME_RULES), sorted(set(NAME_RULES) ^ tested)
    for nr in NAME_RULES.values():
        assert nr.rule.id in RULES and 0 < nr.confidence < 1 and nr.doc, nr.name


def test_every_task_strategy_is_ordered_and_tested():
    assert sorted(TASK_ORDER) == sorted(TASK_STRATEGIES)
    tested = {p.values[0] for p in _cases("tasks/test_task_*.py")}
    assert tested == set(TASK_STRATEGIES), sorted(set(TASK_STRATEGIES) ^ tested)


def test_every_rule_id_has_a_test():
    tested = {p.values[0] for p in _cases("test_rule_ids.py")}
    assert tested == set(RULES), sorted(set(RULES) ^ tested)


def test_a_rule_registered_twice_is_refused():
    def propose_zh(text, add):
        pass
    with pytest.raises(ValueError, match="registered twice"):
        registry.name_rule("cue-propose")(propose_zh)
    with pytest.raises(ValueError, match="declared twice"):
        registry.declare("cue-use", rank=8, strong=False, confidence=0.6, description="again")


def test_a_rule_declared_han_only_finds_nothing_in_latin_text():
    from kg.extract.rules import run_rule
    latin = [p.values[1] for p in _cases("names/test_name_*.py") if not re.search(r"[\u3400-\u9fff]", p.values[1])]
    latin += [p.values[2] for p in _cases("test_rule_ids.py") if not re.search(r"[\u3400-\u9fff]", p.values[2])]
    han_only = [r for r in NAME_RULES.values() if r.script == "han"]
    assert len(han_only) >= 9 and len(latin) >= 20
    for rule in han_only:
        for text in latin:
            assert run_rule(rule, text) == [], (rule.name, text)
