"""The pipeline's components, their registered names and their order."""
from __future__ import annotations

from spacy.language import Language


def test_components_in_order(nlp):
    assert nlp.pipe_names == ["kg_sentences", "kg_abbreviations", "kg_vocab_matcher", "kg_task_inference"]
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "kg.MixedScriptTokenizer.v1"
    for name in nlp.pipe_names:
        assert Language.has_factory(name)


def test_the_task_strategies_run_in_their_declared_order(nlp):
    from kg.extract.tasks import ORDER, STRATEGIES
    assert tuple(s.name for s in STRATEGIES) == ORDER
    assert ORDER[0] == "vocabulary"  # every other strategy reads the vocabulary's tasks
    assert [s.name for s in STRATEGIES if s.title_only] == ["title-phrases", "shared-modifier", "model-kind", "title-topic",
                                                            "title-conjunct", "title-subject", "title-paradigm",
                                                            "title-last"]
