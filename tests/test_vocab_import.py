"""The vocabulary importer (scripts/import_vocab.py) on small sources shaped like the real ones,
and the committed vocabulary: clean under `kg vocab check`, the famous names found."""
from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kg.vocab import Vocabulary

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "data" / "vocab-sources"
SCRIPT = ROOT / "scripts" / "import_vocab.py"
ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
       "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2020-01-01T00:00:00Z",
       "GIT_COMMITTER_DATE": "2020-01-01T00:00:00Z", "KG_NO_CACHE": "1"}


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch):
    """Vocabularies of temporary files are not cached (the cache test turns it on in its own dir)."""
    monkeypatch.setenv("KG_NO_CACHE", "1")


def _git_repo(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "fixture"]):
        subprocess.run(["git", *args], cwd=dest, env=ENV, check=True, capture_output=True)
    return dest / ".git"


def _wheel(path: Path, name: str, version: str, files: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(f"{name.replace('-', '_')}-{version}.dist-info/METADATA",
                   f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nLicense: MIT\n")
        for p, data in sorted(files.items()):
            z.writestr(p, data)
    return path


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("vocab-sources")
    s = {k: _git_repo(FIX / k, tmp / "repos" / k) for k in ("pwc", "scirex", "nlp-progress", "hf")}
    words = {"places", "drive", "math", "network", "human", "performance", "object", "detection", "full",
             "large", "car", "cars", "hard", "speech", "emotion", "recognition", "emotional"}
    s["words"] = _wheel(tmp / "english_words-2.0.2-py3-none-any.whl", "english-words", "2.0.2",
                        {"english_words/data/gcide_alpha_lower.pickle": pickle.dumps(words)})
    s["wheels"] = [
        _wheel(tmp / "mteb-1.0.0-py3-none-any.whl", "mteb", "1.0.0", {
            "mteb/benchmarks/benchmarks/benchmarks.py": 'B = Benchmark(\n    name="BRIGHT",\n)\n'
                                                        'C = Benchmark(\n    name="Emotional",\n)\n',
            "mteb/tasks/retrieval/eng/sci.py": 'metadata = TaskMetadata(\n    name="SciFactRetrieval",\n    type="Retrieval")\n'}),
        _wheel(tmp / "lm_eval-0.1.0-py3-none-any.whl", "lm_eval", "0.1.0", {
            "lm_eval/tasks/gsm8k/README.md": "# GSM8k\n\nGrade-school maths.\n",
            "lm_eval/tasks/leaderboard/README.md": "# Leaderboard evaluations\n",
            "lm_eval/tasks/hendrycks_math/README.md": "# MATH\n"}),
        _wheel(tmp / "tensorflow_datasets-1.0.0-py3-none-any.whl", "tensorflow-datasets", "1.0.0", {
            "tensorflow_datasets/datasets/ade20k/__init__.py": "",
            "tensorflow_datasets/datasets/not_in_other_sources/__init__.py": ""}),
    ]
    return s


def _run(sources: dict, onto: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(SCRIPT), "--pwc", str(sources["pwc"]), "--scirex", str(sources["scirex"]),
           "--nlp-progress", str(sources["nlp-progress"]), "--hf", str(sources["hf"]),
           "--words", str(sources["words"]), "--ontology", str(onto)]
    for w in sources["wheels"]:
        cmd += ["--wheel", str(w)]
    return subprocess.run(cmd, capture_output=True, text=True, env=ENV)


@pytest.fixture(scope="module")
def imported(sources, tmp_path_factory) -> tuple[Path, Vocabulary, str]:
    onto = tmp_path_factory.mktemp("onto") / "ontology"
    shutil.copytree(FIX / "ontology", onto)
    r = _run(sources, onto)
    assert r.returncode == 0, r.stderr
    files = sorted((onto / "vocab").glob("*.ttl"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_NO_CACHE", "1")
        return onto, Vocabulary.load(files), r.stdout


def _c(v: Vocabulary, label: str, type: str | None = None):
    c = v.lookup(label, type)
    assert c is not None, f"{label} not imported"
    return c


def test_import_writes_separate_files_and_keeps_curated_ones(imported):
    onto, v, out = imported
    assert sorted(p.name for p in (onto / "vocab").glob("imported-*.ttl")) == [
        "imported-datasets.ttl", "imported-methods.ttl", "imported-metrics.ttl", "imported-tasks.ttl"]
    assert (onto / "vocab" / "tasks.ttl").read_text(encoding="utf-8") == (FIX / "ontology/vocab/tasks.ttl").read_text(encoding="utf-8")
    # a curated label is not claimed a second time: one concept, the curated one
    assert _c(v, "speech emotion recognition").iri.endswith("/task/speech-emotion-recognition")
    assert _c(v, "Cityscapes").iri == "https://w3id.org/kg-digest/id/dataset/cityscapes"
    assert v.check() == []
    assert out.startswith("imported: Task ")


def test_tasks_hierarchy_areas_and_acronyms(imported):
    _, v, _ = imported
    od = _c(v, "object detection", "Task")
    assert od.pref == "object detection"
    few = _c(v, "few-shot object detection", "Task")
    assert od.iri in few.broader
    mono = _c(v, "monocular 3D object detection", "Task")  # case of "3D" kept, the rest lower case
    assert mono.pref == "monocular 3D object detection"
    assert _c(v, "3D object detection").iri in mono.broader
    # the 3D OD <-> OD rows would make a cycle: one direction is kept
    three = _c(v, "3D object detection")
    assert not (od.iri in three.broader and three.iri in od.broader)
    vqa = _c(v, "VQA", "Task")
    assert vqa.pref == "visual question answering"
    assert any(lab.kind == "acronym" and lab.text == "VQA" for lab in vqa.labels)
    cv = _c(v, "computer vision")
    assert cv.broader == [] and cv.iri in v.ancestors(od.iri) or cv.iri in v.ancestors(_c(v, "semantic segmentation").iri)
    assert _c(v, "medical (research area)").type == "Task"
    # Hugging Face subtasks under their pipeline task
    assert _c(v, "token classification").iri in _c(v, "part of speech tagging").broader


def test_junk_generic_and_not_dataset_names_are_dropped(imported):
    _, v, _ = imported
    for junk in ("Dataset", "陕西省人口数较稳定，维持在3940万人", "aaaaaaa", "12345", "lorem ipsum dolor",
                 "Video", "Set2", "Overall", "Human performance", "Peters et al. (2017)", "CNN Large + fine-tune",
                 "LMM", "SD", "Places", "Leaderboard evaluations", "Emotional"):
        assert v.lookup(junk) is None, junk


def test_datasets_splits_metrics_and_provenance(imported):
    onto, v, _ = imported
    coco = _c(v, "COCO", "Dataset")
    assert coco.pref == "COCO" and v.lookup("COCO test-dev") is None  # the split is not another dataset
    assert _c(v, "BraTS 2021", "Dataset")
    assert _c(v, "mAP", "Metric") and _c(v, "AP50", "Metric")  # metrics of two leaderboards
    assert v.lookup("ADE20K mIoU") is None  # a metric named with its dataset: the dataset and mIoU
    assert _c(v, "REEF10000", "Dataset")  # a name and its number, though its digits repeat
    text = (onto / "vocab" / "imported-datasets.ttl").read_text(encoding="utf-8")
    block = text[text.index("dataset:kitti-cars-hard a"):].split(" .\n", 1)[0]
    assert "dcterms:source" in block and "github:" in block and "@" in block and "results/" in block
    assert "pypi:tensorflow-datasets==1.0.0/tensorflow_datasets/datasets/ade20k/__init__.py" in text
    assert "not_in_other_sources" not in text  # tensorflow-datasets confirms names, adds none
    assert _c(v, "GSM8k", "Dataset") and _c(v, "BRIGHT", "Dataset") and _c(v, "SciFact", "Dataset")


def test_ordinary_words_are_exact_case_and_flagged(imported):
    onto, v, _ = imported
    drive = v.lookup("DRIVE")
    assert drive is None  # an ordinary word named by one source only
    math = _c(v, "MATH", "Dataset")
    assert math.pref == "MATH (dataset)"
    assert [lab.text for lab in math.labels if lab.kind == "acronym"] == ["MATH"]
    text = (onto / "vocab" / "imported-datasets.ttl").read_text(encoding="utf-8")
    block = text[text.index("dataset:math a"):].split(" .\n", 1)[0]
    assert 'kgo:ambiguous "true"^^xsd:boolean' in block and "kg maintainers" in block


def test_scirex_methods_aliases_and_model_names(imported):
    _, v, _ = imported
    frrn = _c(v, "FRRN", "Method")
    assert v.lookup("full-resolution residual network") is None or v.lookup("full-resolution residual network") is frrn
    assert v.lookup("the network") is None  # a pronoun-like mention is no alias
    assert _c(v, "LUKE", "Method")
    assert v.lookup("BERT Large") is None  # a checkpoint of BERT, not a model of its own
    assert _c(v, "Mean IoU", "Metric")


def test_supplement_and_chinese_labels(imported):
    _, v, _ = imported
    assert _c(v, "ALFWorld").type == "Dataset"
    l7 = _c(v, "Llama 2 7B")
    assert l7.pref == "LLaMA-2-7B" and _c(v, "Llama-2").iri in l7.broader
    od = _c(v, "目标检测")
    assert od.pref == "object detection"
    assert {(lab.text, lab.lang) for lab in od.labels if lab.lang == "zh"} == {("目标检测", "zh"), ("物体检测", "zh")}
    assert _c(v, "巴洛孪生网络").pref == "Barlow Twins"


def test_import_is_deterministic(sources, imported, tmp_path):
    onto, _, _ = imported
    again = tmp_path / "ontology"
    shutil.copytree(FIX / "ontology", again)
    assert _run(sources, again).returncode == 0
    for p in sorted((onto / "vocab").rglob("imported-*.ttl")):
        assert p.read_bytes() == (again / "vocab" / p.relative_to(onto / "vocab")).read_bytes(), p.name


def _registry_wheels(tmp: Path) -> list[Path]:
    """Small wheels shaped like the dataset registries the importer reads, with made-up names."""
    return [
        _wheel(tmp / "torchvision-1.0.0-py3-none-any.whl", "torchvision", "1.0.0", {
            "torchvision/datasets/__init__.py": "from .zorb import ZORB10\nfrom .folder import ImageFolder\n"
                                                "from .qux_pets import QuxPetsDetection\n",
            "torchvision/datasets/zorb.py": '"""`ZORB-10 <https://example.org>`_ Dataset: the ZORB-10 images."""\n'
                                            "class ZORB10: pass\n",
            "torchvision/datasets/folder.py": "class ImageFolder: pass\n",
            "torchvision/datasets/qux_pets.py": '"""The Qux-Pets dataset."""\nclass QuxPetsDetection: pass\n'}),
        _wheel(tmp / "torchaudio-1.0.0-py3-none-any.whl", "torchaudio", "1.0.0", {
            "torchaudio/datasets/__init__.py": "from .blorp import BLORPSPEECH\n",
            "torchaudio/datasets/blorp.py": '"""*BlorpSpeech* corpus."""\nclass BLORPSPEECH: pass\n'}),
        _wheel(tmp / "torch_geometric-1.0.0-py3-none-any.whl", "torch-geometric", "1.0.0", {
            "torch_geometric/datasets/__init__.py": "from .planetoid import Planetoid\nfrom .zed import ZED9\n"
                                                    "from .zorple import Zorple\nfrom .mol import MolGPTDataset\n",
            "torch_geometric/datasets/planetoid.py":
                'class Planetoid:\n    r"""Args:\n        root (str): Root directory.\n'
                '        name (str): The name of the dataset (:obj:`"Places"`,\n'
                '            :obj:`"ZiteSeer"`, :obj:`"Texas"`).\n"""\n',
            "torch_geometric/datasets/zed.py": "class ZED9: pass\n",
            "torch_geometric/datasets/zorple.py": "class Zorple: pass\n",
            "torch_geometric/datasets/mol.py": "class MolGPTDataset: pass\n"}),
        _wheel(tmp / "anomalib-1.0.0-py3-none-any.whl", "anomalib", "1.0.0", {
            "anomalib/data/datasets/image/__init__.py": "from .vizb import VizbDataset\nfrom .folder import FolderDataset\n",
            "anomalib/data/datasets/image/vizb.py": '"""Visual Blots (VizB) dataset. VizB has ..."""\nclass VizbDataset: pass\n',
            "anomalib/data/datasets/image/folder.py": "class FolderDataset: pass\n"}),
        _wheel(tmp / "medmnist-1.0.0-py3-none-any.whl", "medmnist", "1.0.0", {
            "medmnist/info.py": 'INFO = {\n    "glorpmnist": {\n        "python_class": "GlorpMNIST",\n    },\n}\n'}),
        _wheel(tmp / "ir_datasets-1.0.0-py3-none-any.whl", "ir_datasets", "1.0.0", {
            "ir_datasets/docs/frob.yaml": "_:\n  pretty_name: 'FrobQA (passages)'\n  desc: 'text'\n",
            "ir_datasets/docs/wapo.yaml": "_:\n  pretty_name: 'Washington Post'\n"}),
        _wheel(tmp / "inspect_evals-1.0.0-py3-none-any.whl", "inspect-evals", "1.0.0", {
            "inspect_evals/quuxbench/eval.yaml": "title: 'QuuxBench: A Benchmark for Quux'\ngroup: Reasoning\n",
            "inspect_evals/syco/eval.yaml": "title: Sycophancy Eval\n"}),
        _wheel(tmp / "evalscope-1.0.0-py3-none-any.whl", "evalscope", "1.0.0", {
            "evalscope/benchmarks/_meta/blip.json": '{"meta": {"pretty_name": "Blip-Bench", "description": "x"}}',
            "evalscope/benchmarks/_meta/general_qa.json": '{"meta": {"pretty_name": "General-QA"}}'}),
        _wheel(tmp / "opencompass-1.0.0-py3-none-any.whl", "opencompass", "1.0.0", {
            "opencompass/configs/datasets/quuxbench/README.md": "# QuuxBench\n",
            "opencompass/configs/datasets/quuxbench/quuxbench_gen.py": "",
            "opencompass/configs/datasets/newone/README.md": "# NewOneBench\n"}),
    ]


def test_dataset_registries_of_wheels(sources, tmp_path):
    onto = tmp_path / "ontology"
    shutil.copytree(FIX / "ontology", onto)
    r = _run({**sources, "wheels": sources["wheels"] + _registry_wheels(tmp_path)}, onto)
    assert r.returncode == 0, r.stderr
    v = Vocabulary.load(sorted((onto / "vocab").glob("*.ttl")))
    text = (onto / "vocab" / "imported-datasets.ttl").read_text(encoding="utf-8")
    # class names, spelt as their modules write them; loaders of the user's own data are not datasets
    for name in ("ZORB-10", "Qux-Pets", "BlorpSpeech", "ZED9", "VizB", "GlorpMNIST", "FrobQA", "QuuxBench",
                 "Blip-Bench", "ZiteSeer"):
        assert _c(v, name, "Dataset").pref == name
    assert v.lookup("ZORB10").pref == "ZORB-10"  # the class name is the same concept
    for name in ("ImageFolder", "Folder", "Planetoid", "MolGPT", "Washington Post", "Sycophancy Eval",
                 "General-QA", "NewOneBench", "Texas"):
        assert v.lookup(name) is None, name
    # a plain word of one registry is not imported; an ordinary word that another source dropped is
    # kept when a registry names it in the same spelling, ambiguous (exact case, kind in the label)
    assert v.lookup("Zorple") is None
    places = _c(v, "Places", "Dataset")
    assert places.pref == "Places (dataset)" and [lab.text for lab in places.labels if lab.kind == "acronym"] == ["Places"]
    block = text[text.index("dataset:places a"):].split(" .\n", 1)[0]
    assert 'kgo:ambiguous "true"^^xsd:boolean' in block and "github:" in block and "pypi:torch-geometric==1.0.0/" in block
    # opencompass confirms a name, adds none
    block = text[text.index("dataset:quuxbench a"):].split(" .\n", 1)[0]
    assert "pypi:opencompass==1.0.0/opencompass/configs/datasets/quuxbench/README.md" in block
    assert "pypi:inspect-evals==1.0.0/inspect_evals/quuxbench/eval.yaml" in block


def test_bad_supplement_row_names_file_and_line(sources, tmp_path):
    onto = tmp_path / "ontology"
    shutil.copytree(FIX / "ontology", onto)
    with open(onto / "vocab" / "supplement.tsv", "a", encoding="utf-8") as f:
        f.write("Gadget\tSomething\n")
    r = _run(sources, onto)
    assert r.returncode == 2
    assert "supplement.tsv:7:" in r.stderr and "TYPE" in r.stderr and "Traceback" not in r.stderr


def test_missing_source_is_a_clear_error(sources, tmp_path):
    onto = tmp_path / "ontology"
    shutil.copytree(FIX / "ontology", onto)
    r = subprocess.run([sys.executable, str(SCRIPT), "--pwc", str(tmp_path / "nowhere"), "--ontology", str(onto)],
                       capture_output=True, text=True, env=ENV)
    assert r.returncode == 2 and "not a git directory" in r.stderr and "Traceback" not in r.stderr


# ------------------------------------------------------------------ the committed vocabulary

def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT)


def test_committed_vocabulary_is_clean():
    r = _kg("vocab", "check")
    assert r.returncode == 0, r.stdout[:2000]
    assert "0 problem(s)" in r.stderr


FAMOUS = {"ImageNet": "Dataset", "ToolBench": "Dataset", "ALFWorld": "Dataset", "WebShop": "Dataset",
          "GAIA": "Dataset", "Video-MME": "Dataset", "LongVideoBench": "Dataset",
          "DeepMind Control Suite": "Dataset", "Meta-World": "Dataset", "NSGA-III": "Method",
          "MOEA/D": "Method", "Barlow Twins": "Method", "model predictive control": "Method",
          "LLaMA-2-7B": "Method", "OPT-6.7B": "Method", "MATH": "Dataset", "COCO": "Dataset",
          "NaturalQuestions": "Dataset"}


def test_famous_names_resolve_with_kg_vocab_lookup():
    r = _kg("vocab", "lookup", *FAMOUS)
    assert r.returncode == 0
    rows = [line.split("\t") for line in r.stdout.splitlines()]
    assert [(row[0], row[2]) for row in rows] == list(FAMOUS.items()), r.stdout


def test_not_datasets_are_not_datasets():
    from kg.consolidate import SOURCE_KINDS, consolidate, not_datasets
    from kg.model import Mention, Paper
    from kg.vocab import norm
    v = Vocabulary.load()
    kinds = not_datasets()
    paper = Paper("2601.00001", "http://arxiv.org/abs/2601.00001")
    for line in (ROOT / "ontology/rules/not-datasets.txt").read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].split("\t")[0].strip()
        if not word or kinds[norm(word)] in SOURCE_KINDS:
            continue  # a platform or simulator stays in the vocabulary: a dataset where a paper names it as data
        c = v.lookup(word)
        if c is not None and c.type == "Dataset":
            # a word added after the last import (the next one leaves it out): no build links it as a dataset
            m = Mention("Dataset", word, 0, len(word), "summary", "", f"We test on {word} today.", "vocabulary",
                        0.95, concept=c.iri, typed=False)
            assert not [x for x in consolidate([(paper, [m])], v)[0][1] if x.type == "Dataset"], f"{word} is a dataset"
    # and the importer leaves out every word but the platforms and simulators
    import importlib.util
    spec = importlib.util.spec_from_file_location("_import_vocab", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # the script's dataclasses look their module up
    try:
        spec.loader.exec_module(mod)
    finally:
        del sys.modules[spec.name]
    skipped = set(mod.read_not_datasets(ROOT / "ontology/rules/not-datasets.txt"))
    assert skipped == {k for k, kind in kinds.items() if kind not in SOURCE_KINDS}


def test_words_that_are_never_datasets_are_what_they_are():
    v = Vocabulary.load()
    for word, type in {"LMM": "Method", "MLLM": "Method", "VLM": "Method", "MAS": "Method", "LLM": "Method",
                       "VLN": "Task", "ToM": "Task", "VPR": "Task", "VQA": "Task"}.items():
        c = v.lookup(word)
        assert c is not None and c.type == type, (word, c)


def test_not_tasks_are_never_matched_and_keep_the_hierarchy():
    # data, modalities and properties an imported vocabulary files as tasks (rules/not-tasks.txt)
    v = Vocabulary.load()
    for word in ("point clouds", "X-ray", "AI agents", "computational efficiency"):
        assert v.lookup(word) is None, word
    narrower = v.lookup("autonomous driving")
    assert narrower is not None and narrower.type == "Task"
    assert any(b.endswith("/task/autonomous-vehicles") and b in v.concepts for b in narrower.broader)


def test_imported_tasks_named_as_things_are_never_matched(tmp_path):
    """An imported task whose name is a plural noun phrase with no activity word ("patient
    outcomes", "state space models", "board games") names things, not what a paper does: kept in the
    hierarchy, never matched; a curated one, one with an activity word, a verb and its object, or a
    phrase with a preposition is matched as before."""
    p = tmp_path / "v.ttl"
    src = ' ; dcterms:source "test" .\n'
    p.write_text(
        "@prefix kgo: <https://w3id.org/kg-digest/ontology#> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n@prefix x: <https://w3id.org/kg-digest/id/> .\n"
        'x:t1 a skos:Concept, kgo:Task ; skos:prefLabel "harbour outcomes"@en' + src +
        'x:t2 a skos:Concept, kgo:Task ; skos:prefLabel "tide space models"@en' + src +
        'x:t3 a skos:Concept, kgo:Task ; skos:prefLabel "reef species classification"@en' + src +
        'x:t4 a skos:Concept, kgo:Task ; skos:prefLabel "classify reef sounds"@en' + src +
        'x:t5 a skos:Concept, kgo:Task ; skos:prefLabel "buoy detection in harbour images"@en' + src +
        'x:t6 a skos:Concept, kgo:Task ; skos:prefLabel "harbour games"@en .\n', encoding="utf-8")
    v = Vocabulary.load([p])
    matchable = {c.pref: c.matchable for c in v.concepts.values()}
    assert matchable == {"harbour outcomes": False, "tide space models": False, "reef species classification": True,
                         "classify reef sounds": True, "buoy detection in harbour images": True,
                         "harbour games": True}  # (the last is curated: no dcterms:source)
    assert v.lookup("harbour outcomes") is None and v.lookup("reef species classification") is not None


def test_cached_vocabulary_equals_parsed(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("KG_NO_CACHE", raising=False)
    first = Vocabulary.load()
    assert list(tmp_path.glob("vocab-*.pickle"))
    second = Vocabulary.load()  # from the cache
    assert second.graph is None and first.concepts == second.concepts
    assert second.check() == []  # parses the graph when the lint needs it


@pytest.mark.parametrize("text,iri", [
    # robotics tasks of the supplement (ten or more archive papers name each), with their Chinese labels
    ("Dexterous manipulation with tactile feedback", "dexterous-manipulation"),
    ("该论文属于双臂操作任务", "bimanual-manipulation"),
    ("quadruped locomotion on stairs", "quadrupedal-locomotion"),
    ("面向四足机器人运动", "quadrupedal-locomotion"),
    ("Visual-inertial odometry for drones", "visual-inertial-odometry"),
    ("该论文属于轨迹跟踪任务", "trajectory-tracking"),
    ("end-to-end driving in CARLA", "end-to-end-autonomous-driving"),
    # and Chinese labels of imported tasks (zh-labels.tsv)
    ("无人机避障", "collision-avoidance"),
    # tasks of AI & society, safety and medicine
    ("a study of jailbreak attacks on chat models", "jailbreak-attack"),
    ("该论文属于越狱攻击任务", "jailbreak-attack"),
    ("Radiology report generation from chest X-rays", "radiology-report-generation"),
    ("面向医疗问答", "medical-question-answering"),
    ("我们研究大语言模型对齐", "llm-alignment"),
    # a task's label with the other form of its first word: "facial recognition" is face recognition
    ("Facial Recognition under occlusion", "face-recognition"),
])
def test_robotics_tasks_of_the_supplement_match(text, iri):
    from kg.extract import load_nlp
    doc = load_nlp()(text)
    assert any(sp.kb_id_.endswith("/task/" + iri) for sp in doc.spans["kg_vocab"]), \
        [(sp.text, sp.kb_id_) for sp in doc.spans["kg_vocab"]]


def test_every_supplement_dataset_resolves():
    # each Dataset row of the committed supplement (ten or more archive papers name it) is found by its label
    v = Vocabulary.load()
    missing = []
    for line in (ROOT / "ontology/vocab/supplement.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or cols[0] != "Dataset":
            continue
        c = v.lookup(cols[1])
        if c is None or c.type != "Dataset":
            missing.append((cols[1], c))
    assert not missing, missing
