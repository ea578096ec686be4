"""Extraction quality, measured: kg eval equals the reference scorer, the bundled and the English
test digests score above floors, and named mechanisms work on text the rules were not written for."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"


def score_py(gold: Path, links: Path) -> dict:
    r = subprocess.run([sys.executable, str(GOLD / "score.py"), str(gold), str(links), "--json"],
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def kg_eval(gold: Path, out: Path) -> dict:
    r = subprocess.run([sys.executable, "-m", "kg.cli", "eval", str(gold), "-o", str(out), "--json"],
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def built_digest(tmp_path_factory, name: str) -> Path:
    out = tmp_path_factory.mktemp(name)
    build([ROOT / "tests" / "data" / f"{name}.md"], out, progress=False, views=False)
    return out


@pytest.fixture(scope="module")
def english_build(tmp_path_factory):
    return built_digest(tmp_path_factory, "english-digest")


def test_kg_eval_gives_the_reference_scorers_figures(bundled_build):
    assert kg_eval(GOLD / "seed_gold.json", bundled_build) == score_py(GOLD / "seed_gold.json", bundled_build / "links.jsonl")


def test_kg_eval_errors_lists_false_positives_and_misses(bundled_build):
    r = subprocess.run([sys.executable, "-m", "kg.cli", "eval", str(GOLD / "seed_gold.json"), "-o", str(bundled_build),
                        "--errors"], capture_output=True, text=True, check=True)
    kinds = {line.split("\t")[2] for line in r.stdout.splitlines() if line.count("\t") == 3}
    assert kinds <= {"FP", "FN", "DUP"} and "FN" in kinds


def test_bundled_digest_scores(bundled_build):
    s = score_py(GOLD / "seed_gold.json", bundled_build / "links.jsonl")
    # floors a little under the figures measured when this test was written (see the README)
    assert s["Task"]["f1"] >= 0.92
    assert s["Dataset"]["f1"] >= 0.95
    assert s["Method"]["f1"] >= 0.86
    assert s["Dataset"]["novel_accuracy"] >= 0.95 and s["Method"]["novel_accuracy"] >= 0.90


def test_english_digest_of_unseen_abstracts(english_build):
    s = score_py(GOLD / "english_gold.json", english_build / "links.jsonl")
    assert s["Task"]["f1"] >= 0.92
    assert s["Dataset"]["f1"] >= 0.95
    assert s["Method"]["f1"] >= 0.90


@pytest.fixture(scope="module")
def chinese_build(tmp_path_factory):
    return built_digest(tmp_path_factory, "chinese-digest")


def test_chinese_digest_of_unseen_papers(chinese_build):
    # 21 real papers summarised in Chinese (tests/data/chinese-digest-SOURCES.md), annotated blind
    s = score_py(GOLD / "chinese_gold.json", chinese_build / "links.jsonl")
    assert s["Task"]["f1"] >= 0.92
    assert s["Dataset"]["f1"] >= 0.95
    assert s["Method"]["f1"] >= 0.88
    assert s["Dataset"]["novel_accuracy"] >= 0.95 and s["Method"]["novel_accuracy"] >= 0.90


@pytest.mark.parametrize("digest, gold, floors", [
    ("english-digest-2.md", "english_gold_2.json", (0.85, 0.80, 0.85)),
    ("chinese-digest-2.md", "chinese_gold_2.json", (0.85, 0.80, 0.85)),
    ("english-digest-3.md", "english_gold_3.json", (0.85, 0.75, 0.85)),
    ("chinese-digest-3.md", "chinese_gold_3.json", (0.85, 0.75, 0.78)),
    # five fields beyond speech emotion, English and Chinese (floors ~0.05 under the figures of 2 Dec 2026)
    ("nlp-en-digest.md", "nlp_en_gold.json", (0.52, 0.87, 0.73)),
    ("nlp-en-digest-2.md", "nlp_en_gold_2.json", (0.42, 0.80, 0.54)),
    ("nlp-zh-digest.md", "nlp_zh_gold.json", (0.68, 0.93, 0.72)),
    ("nlp-zh-digest-2.md", "nlp_zh_gold_2.json", (0.73, 0.80, 0.59)),
    ("cv-en-digest.md", "cv_en_gold.json", (0.75, 0.83, 0.70)),
    ("cv-en-digest-2.md", "cv_en_gold_2.json", (0.51, 0.82, 0.54)),
    ("cv-zh-digest.md", "cv_zh_gold.json", (0.67, 0.90, 0.74)),
    ("cv-zh-digest-2.md", "cv_zh_gold_2.json", (0.72, 0.81, 0.69)),
    ("robotics-en-digest.md", "robotics_en_gold.json", (0.58, 0.86, 0.71)),
    ("robotics-en-digest-2.md", "robotics_en_gold_2.json", (0.32, 0.95, 0.49)),
    ("robotics-zh-digest.md", "robotics_zh_gold.json", (0.61, 0.86, 0.77)),
    ("robotics-zh-digest-2.md", "robotics_zh_gold_2.json", (0.55, 0.95, 0.65)),
    ("audio-en-digest.md", "audio_en_gold.json", (0.85, 0.85, 0.85)),
    ("audio-en-digest-2.md", "audio_en_gold_2.json", (0.53, 0.41, 0.60)),
    ("audio-zh-digest.md", "audio_zh_gold.json", (0.80, 0.87, 0.87)),
    ("audio-zh-digest-2.md", "audio_zh_gold_2.json", (0.59, 0.70, 0.67)),
    ("society-en-digest.md", "society_en_gold.json", (0.75, 0.76, 0.66)),
    ("society-en-digest-2.md", "society_en_gold_2.json", (0.02, 0.83, 0.36)),
    ("society-zh-digest.md", "society_zh_gold.json", (0.75, 0.85, 0.71)),
    ("society-zh-digest-2.md", "society_zh_gold_2.json", (0.52, 0.70, 0.63)),
    # third sets: blind first run at 11e8f07, floors ~0.05 under the figures after their errors were read
    ("nlp-en-digest-3.md", "nlp_en_gold_3.json", (0.39, 0.75, 0.70)),
    ("nlp-zh-digest-3.md", "nlp_zh_gold_3.json", (0.37, 0.75, 0.70)),
    ("cv-en-digest-3.md", "cv_en_gold_3.json", (0.52, 0.76, 0.62)),
    ("cv-zh-digest-3.md", "cv_zh_gold_3.json", (0.59, 0.76, 0.66)),
    ("robotics-en-digest-3.md", "robotics_en_gold_3.json", (0.59, 0.83, 0.57)),
    ("robotics-zh-digest-3.md", "robotics_zh_gold_3.json", (0.59, 0.83, 0.66)),
    ("audio-en-digest-3.md", "audio_en_gold_3.json", (0.61, 0.61, 0.70)),
    ("audio-zh-digest-3.md", "audio_zh_gold_3.json", (0.69, 0.61, 0.71)),
    ("society-en-digest-3.md", "society_en_gold_3.json", (0.28, 0.35, 0.52)),
    ("society-zh-digest-3.md", "society_zh_gold_3.json", (0.53, 0.35, 0.58)),
    # fourth sets: blind first run at b4a121b; floors 0.05 under their figures of 2 Dec (their errors
    # were read afterwards, in the evening session of 2 Dec)
    ("nlp-en-digest-4.md", "nlp_en_gold_4.json", (0.21, 0.70, 0.66)),
    ("nlp-zh-digest-4.md", "nlp_zh_gold_4.json", (0.57, 0.84, 0.72)),
    ("cv-en-digest-4.md", "cv_en_gold_4.json", (0.28, 0.58, 0.64)),
    ("cv-zh-digest-4.md", "cv_zh_gold_4.json", (0.32, 0.65, 0.66)),
    ("robotics-en-digest-4.md", "robotics_en_gold_4.json", (0.34, 0.81, 0.66)),
    ("robotics-zh-digest-4.md", "robotics_zh_gold_4.json", (0.45, 0.95, 0.57)),
    ("audio-en-digest-4.md", "audio_en_gold_4.json", (0.66, 0.62, 0.67)),
    ("audio-zh-digest-4.md", "audio_zh_gold_4.json", (0.75, 0.65, 0.67)),
    ("society-en-digest-4.md", "society_en_gold_4.json", (0.09, 0.00, 0.47)),
    ("society-zh-digest-4.md", "society_zh_gold_4.json", (0.26, 0.00, 0.50)),
    # fifth sets: blind (nobody has read their errors); floors 0.05 under their first run at 574a926
    ("nlp-en-digest-5.md", "nlp_en_gold_5.json", (0.35, 0.75, 0.68)),
    ("nlp-zh-digest-5.md", "nlp_zh_gold_5.json", (0.46, 0.75, 0.67)),
    ("cv-en-digest-5.md", "cv_en_gold_5.json", (0.49, 0.67, 0.66)),
    ("cv-zh-digest-5.md", "cv_zh_gold_5.json", (0.50, 0.76, 0.71)),
    ("robotics-en-digest-5.md", "robotics_en_gold_5.json", (0.41, 0.45, 0.59)),
    ("robotics-zh-digest-5.md", "robotics_zh_gold_5.json", (0.35, 0.45, 0.55)),
    ("audio-en-digest-5.md", "audio_en_gold_5.json", (0.67, 0.88, 0.77)),
    ("audio-zh-digest-5.md", "audio_zh_gold_5.json", (0.61, 0.88, 0.78)),
    ("society-en-digest-5.md", "society_en_gold_5.json", (0.34, 0.35, 0.40)),
    ("society-zh-digest-5.md", "society_zh_gold_5.json", (0.23, 0.45, 0.32)),
    # sixth sets: blind (nobody has read their errors); floors 0.05 under their first run (57f4200; NLP f54ceff)
    ("nlp-en-digest-6.md", "nlp_en_gold_6.json", (0.27, 0.67, 0.68)),
    ("nlp-zh-digest-6.md", "nlp_zh_gold_6.json", (0.59, 0.78, 0.67)),
    ("cv-en-digest-6.md", "cv_en_gold_6.json", (0.60, 0.88, 0.65)),
    ("cv-zh-digest-6.md", "cv_zh_gold_6.json", (0.43, 0.88, 0.63)),
    ("robotics-en-digest-6.md", "robotics_en_gold_6.json", (0.46, 0.95, 0.61)),
    ("robotics-zh-digest-6.md", "robotics_zh_gold_6.json", (0.55, 0.95, 0.61)),
    ("audio-en-digest-6.md", "audio_en_gold_6.json", (0.46, 0.75, 0.76)),
    ("audio-zh-digest-6.md", "audio_zh_gold_6.json", (0.57, 0.61, 0.71)),
    ("society-en-digest-6.md", "society_en_gold_6.json", (0.26, 0.95, 0.50)),
    ("society-zh-digest-6.md", "society_zh_gold_6.json", (0.54, 0.95, 0.59)),
    # seventh sets: blind first run at d32d06a; floors 0.05 under it
    ("nlp-en-digest-7.md", "nlp_en_gold_7.json", (0.34, 0.70, 0.65)),
    ("nlp-zh-digest-7.md", "nlp_zh_gold_7.json", (0.52, 0.62, 0.68)),
    ("cv-en-digest-7.md", "cv_en_gold_7.json", (0.45, 0.66, 0.73)),
    ("cv-zh-digest-7.md", "cv_zh_gold_7.json", (0.59, 0.79, 0.76)),
    ("robotics-en-digest-7.md", "robotics_en_gold_7.json", (0.50, 0.69, 0.54)),
    ("robotics-zh-digest-7.md", "robotics_zh_gold_7.json", (0.48, 0.68, 0.60)),
    ("audio-en-digest-7.md", "audio_en_gold_7.json", (0.55, 0.62, 0.74)),
    ("audio-zh-digest-7.md", "audio_zh_gold_7.json", (0.45, 0.66, 0.64)),
    ("society-en-digest-7.md", "society_en_gold_7.json", (0.11, 0.45, 0.56)),
    ("society-zh-digest-7.md", "society_zh_gold_7.json", (0.49, 0.45, 0.52)),
    # eighth sets: blind first run at 34e62d9 (nobody has read their errors); floors 0.05 under it
    ("nlp-en-digest-8.md", "nlp_en_gold_8.json", (0.36, 0.79, 0.72)),
    ("nlp-zh-digest-8.md", "nlp_zh_gold_8.json", (0.50, 0.70, 0.74)),
    ("cv-en-digest-8.md", "cv_en_gold_8.json", (0.64, 0.95, 0.83)),
    ("cv-zh-digest-8.md", "cv_zh_gold_8.json", (0.64, 0.95, 0.78)),
    ("robotics-en-digest-8.md", "robotics_en_gold_8.json", (0.29, 0.87, 0.65)),
    ("robotics-zh-digest-8.md", "robotics_zh_gold_8.json", (0.50, 0.87, 0.67)),
    ("audio-en-digest-8.md", "audio_en_gold_8.json", (0.28, 0.68, 0.78)),
    ("audio-zh-digest-8.md", "audio_zh_gold_8.json", (0.36, 0.78, 0.76)),
    ("society-en-digest-8.md", "society_en_gold_8.json", (0.04, 0.45, 0.47)),
    ("society-zh-digest-8.md", "society_zh_gold_8.json", (0.41, 0.75, 0.45)),
    # ninth sets: blind first run at 2829121 (nobody has read their errors); floors 0.05 under it
    ("nlp-en-digest-9.md", "nlp_en_gold_9.json", (0.41, 0.58, 0.57)),
    ("nlp-zh-digest-9.md", "nlp_zh_gold_9.json", (0.59, 0.58, 0.59)),
    ("cv-en-digest-9.md", "cv_en_gold_9.json", (0.70, 0.51, 0.71)),
    ("cv-zh-digest-9.md", "cv_zh_gold_9.json", (0.78, 0.51, 0.70)),
    ("robotics-en-digest-9.md", "robotics_en_gold_9.json", (0.55, 0.83, 0.56)),
    ("robotics-zh-digest-9.md", "robotics_zh_gold_9.json", (0.65, 0.89, 0.62)),
    ("audio-en-digest-9.md", "audio_en_gold_9.json", (0.45, 0.77, 0.76)),
    ("audio-zh-digest-9.md", "audio_zh_gold_9.json", (0.64, 0.82, 0.72)),
    ("society-en-digest-9.md", "society_en_gold_9.json", (0.19, 0.23, 0.59)),
    ("society-zh-digest-9.md", "society_zh_gold_9.json", (0.48, 0.52, 0.63))])
def test_more_digests_of_unseen_papers(tmp_path, digest, gold, floors):
    # more real papers (tests/data/*-SOURCES.md), annotated blind
    build([ROOT / "tests" / "data" / digest], tmp_path / "out", progress=False, views=False, formats=("links",))
    s = score_py(GOLD / gold, tmp_path / "out" / "links.jsonl")
    assert all(f1 >= floor for f1, floor in zip((s["Task"]["f1"], s["Dataset"]["f1"], s["Method"]["f1"]), floors))


def rows(out: Path) -> list[dict]:
    return [json.loads(line) for line in open(out / "links.jsonl", encoding="utf-8")]


def test_english_links_are_sensible(english_build):
    links = rows(english_build)
    by = lambda pid, t: {r["label"]: r for r in links if r["paper"] == pid and r["type"] == t}
    # AI Choreographer: introduces AIST++ and proposes FACT
    assert by("2101.08779", "Dataset")["AIST++"]["novel"] is True
    # MusicLM: proposes MusicLM, releases MusicCaps
    assert by("2301.11325", "Method")["MusicLM"]["novel"] is True
    assert by("2301.11325", "Dataset")["MusicCaps"]["novel"] is True
    # a paper using IEMOCAP and MELD is linked to both, as used
    assert any({"IEMOCAP", "MELD"} <= set(by(r["paper"], "Dataset")) for r in links)
    for r in links:
        assert r["evidence"] and r["label"]
        assert not r["label"].lower().startswith(("we ", "the ", "and ", "a ")), r["label"]


ABSTRACTS = """|Source|Title|Summary|
|---|---|---|
|2601.00001|[ToneNet: Tone-Aware Emotion Recognition](http://arxiv.org/abs/2601.00001)|We propose ToneNet, a novel framework for speech emotion recognition (SER). We fine-tune HuBERT-based encoders and compare with Wav2Vec2.0 and BERT on the IEMOCAP and MSP-Podcast corpora, reaching an unweighted average recall of 72.5%. We also release ToneBench, a new benchmark of tonal languages.|
|2601.00002|[面向情感语音合成的扩散模型](http://arxiv.org/abs/2601.00002)|本文提出EmoDiff-X框架，采用扩散模型和对比学习实现情感可控的语音合成，并构建了ZH-Emo数据集。在ESD数据集上的MOS达到4.31，说话人相似度为0.82。|
|2601.00004|[Listing corpora](http://arxiv.org/abs/2601.00004)|Results on IEMOCAP, KoreanEmo-7, MELD and RAVDESS, with HuBERT, WavLM and ZetaNet-2 encoders.|
|2601.00005|[Film music](http://arxiv.org/abs/2601.00005)|本文提出Open Film Score Archive数据集。实验表明OFSA数据集提升了生成质量，在R+T+S组合数据集上也有效。|
|2601.00003|[Crema-D and EMO-DB revisited](http://arxiv.org/abs/2601.00003)|We evaluate on Crema-D, EmoDB and CREMA-D with wav2vec 2.0 and Wav2Vec2 features, using principal component analysis (PCA).|
"""


@pytest.fixture(scope="module")
def small_build(tmp_path_factory):
    d = tmp_path_factory.mktemp("small")
    (d / "digest.md").write_text(ABSTRACTS, encoding="utf-8")
    build([d / "digest.md"], d / "out", progress=False, views=False)
    return d / "out"


def test_new_names_are_typed_and_marked_novel(small_build):
    links = rows(small_build)
    get = lambda pid, label: next(r for r in links if r["paper"] == pid and r["label"] == label)
    assert get("2601.00001", "ToneNet")["type"] == "Method" and get("2601.00001", "ToneNet")["novel"]
    assert get("2601.00001", "ToneBench")["type"] == "Dataset" and get("2601.00001", "ToneBench")["novel"]
    assert get("2601.00002", "EmoDiff-X")["type"] == "Method" and get("2601.00002", "EmoDiff-X")["novel"]
    assert get("2601.00002", "ZH-Emo")["type"] == "Dataset" and get("2601.00002", "ZH-Emo")["novel"]
    assert not get("2601.00001", "IEMOCAP")["novel"]


def test_bilingual_tasks_resolve_to_the_most_specific_concept(small_build):
    links = rows(small_build)
    tasks = lambda pid: {r["label"] for r in links if r["paper"] == pid and r["type"] == "Task"}
    assert "speech emotion recognition" in tasks("2601.00001")
    assert "emotion recognition" not in tasks("2601.00001")  # broader: carried by skos:broader
    assert "emotional text-to-speech" in tasks("2601.00002")  # 情感 + 语音合成, named only in Chinese


def test_unknown_names_listed_with_known_ones_take_their_type(small_build):
    got = {(r["label"], r["type"]) for r in rows(small_build) if r["paper"] == "2601.00004"}
    assert ("KoreanEmo-7", "Dataset") in got and ("ZetaNet-2", "Method") in got


def test_a_name_and_the_acronym_of_its_initials_are_one_entity(small_build):
    got = [r for r in rows(small_build) if r["paper"] == "2601.00005" and r["type"] == "Dataset"]
    assert [(r["label"], r["novel"]) for r in got] == [("OFSA", True)]
    assert "Open Film Score Archive" in got[0]["alt_labels"]  # and "R+T+S" is no name


def test_spelling_variants_are_one_entity(small_build):
    links = [r for r in rows(small_build) if r["paper"] == "2601.00003"]
    labels = sorted(r["label"] for r in links if r["type"] in ("Dataset", "Method"))
    assert labels.count("CREMA-D") == 1 and labels.count("EmoDB") == 1 and labels.count("wav2vec 2.0") == 1
    assert "principal component analysis" in labels


def test_results_are_recorded(small_build):
    from kg.store import open_store
    store = open_store(small_build)
    q = """PREFIX kgo: <https://w3id.org/kg-digest/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?paper ?metric ?value ?ds WHERE { ?r a kgo:Result ; kgo:resultOf ?paper ; kgo:metric/skos:prefLabel ?metric ;
      kgo:value ?value . OPTIONAL { ?r kgo:onDataset/skos:prefLabel ?ds } }"""
    got = {(s["paper"].value.rsplit("/", 1)[-1], s["metric"].value, float(s["value"].value),
            s["ds"].value if s["ds"] else None) for s in store.query(q)}
    assert ("2601.00001", "unweighted average recall", 72.5, "MSP-Podcast") in got
    assert any(p == "2601.00002" and m == "mean opinion score" and v == 4.31 and d == "ESD" for p, m, v, d in got)


def test_min_confidence_filters_links(tmp_path):
    (tmp_path / "d.md").write_text(ABSTRACTS, encoding="utf-8")
    build([tmp_path / "d.md"], tmp_path / "all", progress=False, views=False)
    build([tmp_path / "d.md"], tmp_path / "high", progress=False, views=False, min_confidence=0.9)
    high, every = rows(tmp_path / "high"), rows(tmp_path / "all")
    assert 0 < len(high) < len(every)
    assert all(r["confidence"] >= 0.9 for r in high)
