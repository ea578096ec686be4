"""The spaCy pipeline on mixed Chinese/English text: tokens, vocabulary matches, abbreviations."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import MixedScriptTokenizer, build_nlp

VOCAB = """
@prefix kgo: <https://w3id.org/kg-digest/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix x: <https://w3id.org/kg-digest/id/> .
x:m-bert a skos:Concept, kgo:Method ; skos:prefLabel "BERT"@en .
x:m-roberta a skos:Concept, kgo:Method ; skos:prefLabel "RoBERTa"@en .
x:m-w2v a skos:Concept, kgo:Method ; skos:prefLabel "wav2vec 2.0"@en ; skos:altLabel "Wav2Vec2"@en .
x:m-whisper a skos:Concept, kgo:Method ; skos:prefLabel "Whisper"@en .
x:d-meld a skos:Concept, kgo:Dataset ; skos:prefLabel "MELD"@en .
x:d-iemocap a skos:Concept, kgo:Dataset ; skos:prefLabel "IEMOCAP"@en .
x:d-crema a skos:Concept, kgo:Dataset ; skos:prefLabel "CREMA-D"@en .
x:d-aist a skos:Concept, kgo:Dataset ; skos:prefLabel "AIST++"@en .
x:d-imagenet a skos:Concept, kgo:Dataset ; skos:prefLabel "ImageNet"@en .
x:d-coco a skos:Concept, kgo:Dataset ; skos:prefLabel "COCO"@en .
x:t-ser a skos:Concept, kgo:Task ; skos:prefLabel "speech emotion recognition"@en ;
    skos:altLabel "语音情感识别"@zh ; kgo:acronym "SER" .
x:m-pca a skos:Concept, kgo:Method ; skos:prefLabel "principal component analysis"@en ; kgo:acronym "PCA" .
x:m-llm a skos:Concept, kgo:Method ; skos:prefLabel "large language model"@en ; kgo:acronym "LLM" .
"""


@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    p = tmp_path_factory.mktemp("vocab") / "v.ttl"
    p.write_text(VOCAB, encoding="utf-8")
    return build_nlp([str(p)])


def words(nlp, text):
    return [t.text for t in nlp.make_doc(text) if not t.is_space]


def matches(nlp, text):
    doc = nlp(text)
    return [(s.text, s.kb_id_.rsplit("/", 1)[-1]) for s in doc.spans["kg_vocab"]]


def test_latin_names_glued_to_chinese_are_kept_whole(nlp):
    assert words(nlp, "在MELD和IEMOCAP数据集上") == ["在", "MELD", "和", "IEMOCAP", "数", "据", "集", "上"]
    toks = words(nlp, "结合Wav2Vec2.0与DCRF-BiLSTM，在AIST++和CREMA-D上对比GPT-4o和Qwen3。")
    for name in ["Wav2Vec2.0", "DCRF-BiLSTM", "AIST++", "CREMA-D", "GPT-4o", "Qwen3"]:
        assert name in toks


@pytest.mark.parametrize("text, found", [
    ("class-conditional generation on ImageNet-256 and ImageNet-64x64", [("ImageNet-256", "d-imagenet"), ("ImageNet-64x64", "d-imagenet")]),
    ("在COCO-2017和ImageNet-1k上评测", [("COCO-2017", "d-coco"), ("ImageNet-1k", "d-imagenet")]),
    ("we train on Foonet-256 and MELDX-2017", []),       # no known dataset before the size
    ("a BERT-768 encoder", []),                         # a known name glued to a number, but a method
])
def test_a_dataset_glued_to_its_size_or_year_is_that_dataset(nlp, text, found):
    assert [m for m in matches(nlp, text) if m[1].startswith("d-")] == found


def test_text_is_preserved_exactly(nlp):
    text = "  两个空格  and\ttabs\n\n换行 “引号” (paren) 97.83%. end"
    doc = nlp.make_doc(text)
    assert doc.text == text


def test_productive_suffixes_are_split(nlp):
    assert words(nlp, "HuBERT-based encoder") == ["HuBERT", "-", "based", "encoder"]


def test_word_boundaries_no_bert_inside_roberta(nlp):
    found = matches(nlp, "We compare RoBERTa and HuBERT with BERT.")
    assert found == [("RoBERTa", "m-roberta"), ("BERT", "m-bert")]


def test_vocabulary_matches_in_mixed_text(nlp):
    found = matches(nlp, "在MELD和IEMOCAP数据集上进行语音情感识别，结合RoBERTa与Wav2Vec2.0。")
    assert ("MELD", "d-meld") in found and ("IEMOCAP", "d-iemocap") in found
    assert ("语音情感识别", "t-ser") in found and ("RoBERTa", "m-roberta") in found
    assert ("Wav2Vec2.0", "m-w2v") in found  # normalised: punctuation and case ignored
    assert ("AIST++", "d-aist") in matches(nlp, "on AIST++ dance")


def test_acronyms_are_case_sensitive_and_plurals_match(nlp):
    assert matches(nlp, "ser is a word; SER is a task") == [("SER", "t-ser")]
    assert matches(nlp, "multiple LLMs") == [("LLMs", "m-llm")]
    assert matches(nlp, "a whisper of voice, Whisper the model") == [("Whisper", "m-whisper")]


def test_camel_case_names_do_not_match_two_words(tmp_path):
    p = tmp_path / "v.ttl"
    p.write_text(VOCAB + 'x:d-nv a skos:Concept, kgo:Dataset ; skos:prefLabel "NonverbalVocalization"@en .\n',
                 encoding="utf-8")
    nlp = build_nlp([str(p)])
    assert matches(nlp, "A Corpus of Nonverbal Vocalizations") == []
    assert matches(nlp, "trained on NonverbalVocalization") == [("NonverbalVocalization", "d-nv")]


def test_a_camel_case_name_spaced_before_its_code_matches(tmp_path):
    """"MVTec AD" is the vocabulary's MVTecAD: the same letters, a space before a code of capitals
    or digits after a name that is no plain word; "Medical QA" is a phrase, not MedicalQA."""
    p = tmp_path / "v.ttl"
    p.write_text(VOCAB + 'x:d-mv a skos:Concept, kgo:Dataset ; skos:prefLabel "MVTecAD"@en .\n'
                 'x:d-mq a skos:Concept, kgo:Dataset ; skos:prefLabel "MedicalQA"@en .\n', encoding="utf-8")
    nlp = build_nlp([str(p)])
    assert matches(nlp, "97.3% AUROC on the MVTec AD textures") == [("MVTec AD", "d-mv")]
    assert matches(nlp, "trained on MVTecAD") == [("MVTecAD", "d-mv")]
    assert matches(nlp, "Decoupling Content and Delivery for Medical QA") == []
    assert matches(nlp, "on the MVTec Ad textures") == []


def test_a_label_does_not_match_across_a_bracket_inside_its_word_or_in_other_case(tmp_path):
    """One word of the vocabulary is not read across a bracket ("the left ventricle (LV) is ..."
    holds no LVIS), a label of two words is ("score (MOS) prediction"); a name of mixed case is not
    its all-capitals spelling (the SParC corpus is not "SPARC")."""
    p = tmp_path / "v.ttl"
    p.write_text(VOCAB + 'x:d-lvis a skos:Concept, kgo:Dataset ; skos:prefLabel "LVIS"@en .\n'
                 'x:d-sparc a skos:Concept, kgo:Dataset ; skos:prefLabel "SParC"@en .\n'
                 'x:t-mos a skos:Concept, kgo:Task ; skos:prefLabel "MOS prediction"@en .\n', encoding="utf-8")
    nlp = build_nlp([str(p)])
    assert matches(nlp, "only the left ventricle (LV) is extracted") == []
    assert matches(nlp, "detection on LVIS") == [("LVIS", "d-lvis")]
    assert matches(nlp, "mean opinion score (MOS) prediction") == [("MOS) prediction", "t-mos")]
    assert matches(nlp, "we compare SPARC with phoneme features") == []
    assert matches(nlp, "text-to-SQL on SParC") == [("SParC", "d-sparc")]

    # a sign of the name is part of it: "a search" is no A* search
    p.write_text(VOCAB + 'x:m-astar a skos:Concept, kgo:Method ; skos:prefLabel "A* search"@en .\n', encoding="utf-8")
    nlp = build_nlp([str(p)])
    assert matches(nlp, "we build a search engine for papers") == []
    assert matches(nlp, "paths are planned with A* search") == [("A* search", "m-astar")]


def test_abbreviation_definitions_in_both_writing_systems(nlp):
    doc = nlp("提出Beyond-Semantic Speech（BoSS）框架。采用主成分分析（PCA）降维。"
              "We study speech emotion recognition (SER). SER (Speech Emotion Recognition) matters.")
    pairs = [(a.short.text, a.long.text) for a in doc._.abbreviations]
    assert ("BoSS", "Beyond-Semantic Speech") in pairs
    assert ("PCA", "主成分分析") in pairs
    assert ("SER", "speech emotion recognition") in pairs
    assert ("SER", "Speech Emotion Recognition") in pairs


def test_english_long_form_and_abbreviation_inside_one_parenthesis(nlp):
    doc = nlp("引入反事实推理增强表征（Counterfactual Reasoning Enhanced Representation，CRER），"
              "利用思维链（Chain-of-Thought, CoT）提示。在多个数据集（IEMOCAP，MELD）上实验。")
    pairs = [(a.short.text, a.long.text) for a in doc._.abbreviations]
    assert ("CRER", "Counterfactual Reasoning Enhanced Representation") in pairs
    assert ("CoT", "Chain-of-Thought") in pairs
    assert not any("IEMOCAP" in short for short, _ in pairs)  # a list of names abbreviates nothing


def test_sentences_split_on_chinese_and_english_punctuation(nlp):
    doc = nlp("第一句。第二句！Third one. Fourth\n第五")
    assert [s.text.strip() for s in doc.sents] == ["第一句。", "第二句！", "Third one.", "Fourth", "第五"]


def test_tokenizer_is_registered_for_spacy_configs():
    import spacy
    nlp = spacy.blank("xx", config={"nlp": {"tokenizer": {"@tokenizers": "kg.MixedScriptTokenizer.v1"}}})
    assert isinstance(nlp.tokenizer, MixedScriptTokenizer)


def test_coordinated_names_share_their_head(tmp_path):
    p = tmp_path / "v.ttl"
    p.write_text(VOCAB + """
x:m-ca a skos:Concept, kgo:Method ; skos:prefLabel "channel attention"@en ; skos:altLabel "通道注意力"@zh .
x:m-sa a skos:Concept, kgo:Method ; skos:prefLabel "spatial attention"@en ; skos:altLabel "空间注意力"@zh .
""", encoding="utf-8")
    nlp = build_nlp([str(p)])
    for text in ("加入通道与空间注意力机制", "通道/空间注意力", "with channel and spatial attention"):
        doc = nlp(text)
        assert {s.kb_id_.rsplit("/", 1)[-1] for s in doc.spans["kg_vocab"]} == {"m-ca", "m-sa"}, text


def test_coordinated_names_take_the_longest_first_name(tmp_path):
    """"半监督与自监督学习" names semi-supervised learning (半监督学习), not supervised learning (监督学习)."""
    p = tmp_path / "v.ttl"
    p.write_text(VOCAB + """
x:m-sl a skos:Concept, kgo:Method ; skos:prefLabel "supervised learning"@en ; skos:altLabel "监督学习"@zh .
x:m-semi a skos:Concept, kgo:Method ; skos:prefLabel "semi-supervised learning"@en ; skos:altLabel "半监督学习"@zh .
x:m-self a skos:Concept, kgo:Method ; skos:prefLabel "self-supervised learning"@en ; skos:altLabel "自监督学习"@zh .
""", encoding="utf-8")
    nlp = build_nlp([str(p)])
    for text in ("通过融合半监督与自监督学习方法提升性能。", "combining semi-supervised and self-supervised learning"):
        doc = nlp(text)
        assert {s.kb_id_.rsplit("/", 1)[-1] for s in doc.spans["kg_vocab"]} == {"m-semi", "m-self"}, text


@pytest.mark.parametrize("text, found", [
    ("本文研究语音情感识别。", [("语音情感识别", "t-ser")]),
    ("本文研究语音情感，识别说话人。", []),          # no label spans a comma
    ("比较语音、情感识别与合成。", []),              # nor an enumeration mark
    ("we use principal component analysis.", [("principal component analysis", "m-pca")]),
    ("the principal component, analysis of it", []),
])
def test_no_label_spans_clause_punctuation(nlp, text, found):
    assert [m for m in matches(nlp, text) if m[1] in ("t-ser", "m-pca")] == found
