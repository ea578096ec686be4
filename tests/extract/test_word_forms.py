"""Task names written with the other form of their first word (robotic / robot, math / mathematical):
the loader adds that form as an alternative label (ontology/lexicon/en/task-word-forms.txt)."""
from __future__ import annotations

import pytest

from kg.vocab import Concept, Label, _add_word_forms, word_forms


def test_the_pairs_go_both_ways():
    forms = word_forms()
    assert forms["robot"] == "robotic" and forms["robotic"] == "robot"
    assert forms["mathematical"] == "math"


def _concept(iri, type, *labels):
    return Concept(iri, type, labels[0], [Label(t, "pref" if i == 0 else "alt", "en") for i, t in enumerate(labels)])


def test_a_task_gets_the_other_form_unless_a_concept_has_it():
    concepts = {c.iri: c for c in [
        _concept("t:rm", "Task", "robot manipulation"),
        _concept("t:mr", "Task", "Mathematical Reasoning"),
        _concept("t:vn", "Task", "vision navigation"),
        _concept("t:visn", "Task", "visual navigation"),  # both forms are concepts: neither takes the other's
        _concept("m:rp", "Method", "robot policy"),  # only tasks
        _concept("t:r", "Task", "robot"),  # one word: no name to vary
    ]}
    _add_word_forms(concepts)
    assert [lab.text for lab in concepts["t:rm"].labels] == ["robot manipulation", "robotic manipulation"]
    assert concepts["t:rm"].labels[-1].kind == "alt"
    assert [lab.text for lab in concepts["t:mr"].labels] == ["Mathematical Reasoning", "Math Reasoning"]
    assert [lab.text for lab in concepts["t:vn"].labels] == ["vision navigation"]
    assert [lab.text for lab in concepts["t:visn"].labels] == ["visual navigation"]
    assert len(concepts["m:rp"].labels) == 1 and len(concepts["t:r"].labels) == 1


@pytest.mark.parametrize("text,concept", [
    ("Such policies do well in robotic manipulation but fail on deformable objects.", "robot-manipulation"),
    ("We test small models on math reasoning with chain-of-thought prompts.", "mathematical-reasoning"),
])
def test_the_other_form_is_matched_in_text(nlp, text, concept):
    doc = nlp(text)
    assert concept in {sp.kb_id_.rsplit("/", 1)[-1] for sp in doc.spans["kg_vocab"] if sp.label_ == "Task"}
