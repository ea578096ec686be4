"""Cue words as data: every lexicon file loads; order, comments and missing files behave as documented."""
from __future__ import annotations

import re

import pytest

from kg.extract.cues import DATASET_HEADS_ZH
from kg.extract.lexicon import Lexicon, LexiconError, lexicon


def test_every_lexicon_file_loads_and_the_cue_word_files_are_literal():
    import kg.extract  # noqa: F401  (reads the cue-word files)
    lex = lexicon()
    used = lex.loaded()
    names = lex.names()
    assert {lang for lang, _ in names} == {"en", "zh"}
    for lang, name in names:
        assert lex.words(lang, name), (lang, name)
    assert len(used) >= 20 and ("zh", "strategy-task-heads") in used
    for lang, name in used:  # entries of an alternation are text, never regex syntax
        for w in lex.words(lang, name):
            assert w == w.strip() and "|" not in w and not re.search(r"[()\[\]?*\\]", w), (lang, name, w)


def test_file_order_comments_and_duplicates(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "heads.txt").write_text("# a comment\nbase  # trailing comment\n\nbase dataset\nbase\n",
                                               encoding="utf-8")
    lex = Lexicon(tmp_path)
    assert lex.words("en", "heads") == ("base", "base dataset")
    assert lex.alternation("en", "heads") == r"base|base\ dataset"


def test_alternation_keeps_file_order_which_the_rules_rely_on():
    # "基准" is listed before "基准数据集": leftmost-first alternation takes the shorter head
    assert DATASET_HEADS_ZH.split("|").index("基准") < DATASET_HEADS_ZH.split("|").index("基准数据集")
    assert re.match(rf"(?:{DATASET_HEADS_ZH})", "基准数据集").group() == "基准"


def test_a_missing_or_empty_file_is_an_error_naming_it(tmp_path):
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "empty.txt").write_text("# nothing yet\n", encoding="utf-8")
    lex = Lexicon(tmp_path)
    with pytest.raises(LexiconError, match=r"zh/missing\.txt: lexicon file missing"):
        lex.words("zh", "missing")
    with pytest.raises(LexiconError, match=r"zh/empty\.txt: lexicon file has no entries"):
        lex.words("zh", "empty")


@pytest.mark.parametrize("name", ["dataset-heads", "method-heads", "propose-verbs", "strong-propose-verbs", "use-verbs",
                                  "strategy-task-heads", "used-not-proposed"])
def test_chinese_cue_words_are_chinese(name):
    # the name rules that read them are skipped on texts without Han characters (script="han")
    for w in lexicon().words("zh", name):
        assert re.fullmatch(r"[\u3400-\u9fff]+", w), w
