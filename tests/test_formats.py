"""Every digest format kg reads, on fixtures we wrote (tests/data/formats/, shaped like the files
of the public generators, malformed records included)."""
from __future__ import annotations

from pathlib import Path

from kg.ingest import IngestReport, ingest, sniff

F = Path(__file__).resolve().parent / "data" / "formats"


def read(*names):
    report = IngestReport()
    papers = ingest([F / n for n in names], report)
    return {p.key: p for p in papers}, report


def texts(p):
    return [(t.kind, t.lang, t.text) for v in p.versions for t in v.texts]


def test_arxiv_daily_tree_chinese_summary_and_english_abstract_are_separate_texts():
    papers, report = read("arxiv_daily")
    assert sorted(papers) == ["2504.90010", "2505.90001", "2505.90002"]
    tidal = papers["2505.90001"]
    # listed new on one day and again under "replaced" the next day: one paper, one version
    assert [v.label for v in tidal.versions] == ["v1"]
    assert tidal.authors == ("Ana Ribeiro", "Kenji Sato", "Wei Zhang")
    assert tidal.categories == ("cs.SD", "cs.CL", "eess.AS")
    assert tidal.date == "2025-05"  # from the arXiv id
    kinds = {(k, lang) for k, lang, _ in texts(tidal)}
    assert kinds == {("summary", "zh"), ("abstract", "en")}
    assert tidal.latest.summary.startswith("该论文研究流式语音情感识别任务")
    abstract = next(t for k, _, t in texts(tidal) if k == "abstract")
    assert abstract.startswith("We present Tidal") and abstract.endswith("cutting latency by half.")
    assert "emits an emotion label" in abstract  # the blockquote's second line is part of it
    # extraction reads both texts
    fields = [(f, t[:8]) for f, _, t in tidal.texts()]
    assert ("summary", "该论文研究流式语") in fields and ("summary", "We prese") in fields
    # a placeholder summary of a failed generator is no summary: the abstract is the summary
    quiet = papers["2505.90002"]
    assert [k for k, _, _ in texts(quiet)] == ["abstract"]
    assert "达到API配额限制" not in " ".join(t for _, _, t in quiet.texts())
    # a replaced listing (v2) merges into the paper listed new (v1) in another file
    lanterns = papers["2504.90010"]
    assert sorted(v.label for v in lanterns.versions) == ["v1", "v2"]
    v1 = next(v for v in lanterns.versions if v.label == "v1")
    assert v1.summary == "该论文属于音频描述生成任务，提出检索增强的少样本方法Lanterns， 在AudioCaps上优于微调基线。"
    assert v1.source_file.endswith("20250515_Thu/text.md") and v1.line == 9
    # the heading without a link is reported on its line; nothing else is
    assert [str(e).split(": ", 1)[0].rsplit("/", 1)[-1] for e in report.errors] == ["audio.md:35"]
    assert "no paper id" in report.errors[0].message


def test_new_submissions_digest():
    papers, report = read("new_submissions.md")
    assert report.errors == []
    m = papers["2505.90020"]
    assert m.title == "Murmur: Whisper-Level Speech Enhancement on Microcontrollers"
    assert m.authors == ("Sofia Lindqvist", "Arjun Mehta")
    assert m.categories == ("cs.SD", "eess.AS")
    assert m.latest.summary == ("Murmur is a speech enhancement network of 40k parameters that runs on a "
                                "microcontroller. It is trained on DNS Challenge data and evaluated with PESQ.")
    assert m.latest.line == 3
    assert list(papers) == ["2505.90020", "2505.90021"]


def test_cv_arxiv_daily_tables_id_from_the_pdf_link_text_and_title_only_rows():
    papers, report = read("cv_daily.md")
    assert report.errors == []
    assert list(papers) == ["2505.90030", "2505.90031", "2505.90032"]  # Prism twice (two topics): one paper
    prism = papers["2505.90030"]
    assert prism.title == "Prism: Disentangling Speaker and Emotion with Contrastive Codes"
    assert prism.authors == ("Marta Costa",) and prism.date == "2025-05-15"
    assert len(prism.versions) == 1 and prism.latest.summary == ""  # title-only rows are papers too
    assert papers["2505.90032"].latest.line == 23


def test_keyword_table_with_bold_link_titles_and_details_cells():
    papers, report = read("keyword_table.md")
    assert report.errors == []
    velvet = papers["2505.90040"]
    assert velvet.title == "Velvet: Expressive Text-to-Speech from Prosody Sketches"
    assert velvet.latest.label == "v2" and velvet.date == "2025-05-14"
    assert velvet.latest.summary == ("Velvet turns a rough prosody sketch into expressive speech. "
                                     "It is trained on LibriTTS and rated with MOS.")
    assert "Show" not in velvet.latest.summary and "5 pages" not in velvet.latest.summary


def test_ai_enhanced_markdown_and_jsonl_are_one_paper_with_every_text():
    papers, report = read("ai_enhanced.md", "ai_enhanced.jsonl")
    assert [str(e).rsplit("/", 1)[-1] for e in report.errors] == [
        "ai_enhanced.jsonl:3: invalid JSON: Expecting ',' delimiter (column 46)"]
    saffron = papers["2505.90050"]
    assert len(saffron.versions) == 1  # the Markdown rendering and the JSONL record merge
    kinds = {k: lang for k, lang, _ in texts(saffron)}
    assert kinds == {"summary": "zh", "motivation": "zh", "method": "zh", "result": "zh", "conclusion": "zh",
                     "abstract": "en"}
    assert saffron.latest.summary == "提出Saffron，实现跨语言情感语音合成的风格迁移。"
    assert saffron.authors == ("Hana Kobayashi", "Luca Moretti")
    assert saffron.categories == ("cs.SD", "eess.AS")
    ab = next(t for k, _, t in texts(saffron) if k == "abstract")
    assert ab == "Saffron transfers emotional style across languages in a text-to-speech model trained on ESD."
    # every AI text of the other paper is a failed generator's placeholder: only the abstract is left
    ledger = papers["2505.90051"]
    assert [k for k, _, _ in texts(ledger)] == ["abstract"]
    assert ledger.latest.summary == "Ledger finds noisy labels in dialogue corpora such as MELD."


def test_bibtex_arxiv_and_zotero_styles_with_latex_accents():
    papers, report = read("refs.bib")
    assert sorted(papers) == ["2505.90001", "2505.90060", "2505.90061", "2505.90062"]
    klang = papers["2505.90060"]  # the id from doi = 10.48550/arXiv.X
    assert klang.authors == ("Jörg Müller", "Anaïs François")
    assert klang.title == "Klang: Timbre Transfer for Orchestral Samples" and klang.date == "2025-05"
    assert texts(klang) == [("abstract", "en", "Klang transfers the timbre of one orchestral instrument to another.")]
    assert papers["2505.90061"].title == "Sonar: Counting Speakers with Echoes"  # journal = {arXiv:X}
    assert papers["2505.90001"].categories == ("cs.SD",)  # eprint + primaryClass
    assert len(report.errors) == 1 and report.errors[0].line == 34 and "BibTeX" in report.errors[0].message
    assert papers["2505.90062"].latest.line == 38  # the entry after the broken one is read


def test_ris_zotero_gen_records():
    papers, report = read("refs.ris")
    assert list(papers) == ["2505.90060", "doi:10.1000/fjord.2024.7", "2505.90062"]
    klang = papers["2505.90060"]
    assert klang.authors == ("Jörg Müller", "Anaïs François") and klang.date == "2025-05-20"
    assert klang.latest.summary.startswith("Klang transfers")
    assert papers["doi:10.1000/fjord.2024.7"].iri == "https://doi.org/10.1000/fjord.2024.7"
    assert [(e.line, "no ER line" in e.message) for e in report.errors] == [(22, True)]


def test_csl_json_from_zotero():
    papers, report = read("zotero.json")
    assert list(papers) == ["2505.90060", "doi:10.1000/fjord.2024.7"]
    assert papers["2505.90060"].date == "2025-05-20" and papers["doi:10.1000/fjord.2024.7"].date == "2024-03"
    assert papers["2505.90060"].authors == ("Jörg Müller", "Anaïs François")
    assert [(e.line, e.message) for e in report.errors] == [(22, "record lacks field(s) title")]


def test_arxiv_api_atom_and_rss():
    papers, report = read("arxiv_api.atom", "arxiv.rss")
    assert report.errors == []
    tidal = papers["2505.90001"]
    assert tidal.title == "Tidal: Streaming Emotion Recognition from Raw Speech with State-Space Encoders"
    assert tidal.date == "2025-05-13" and tidal.categories == ("cs.SD", "eess.AS")
    assert tidal.latest.label == "v1" and tidal.latest.line == 6
    corridor = papers["2505.90070"]  # in the Atom feed as v2 and in the RSS feed without a version
    assert corridor.latest.summary == "Corridor localises sound events in long hallways with two microphones."
    assert "Announce Type" not in " ".join(t for _, _, t in corridor.texts())
    rss = next(v for v in corridor.versions if v.source_file.endswith("arxiv.rss"))
    assert rss.authors == ("Maya Cohen", "Dan Levi") and rss.date == "2025-05-16"


def test_formats_are_recognised_by_content_not_suffix(tmp_path):
    for name in ("refs.bib", "refs.ris", "zotero.json", "arxiv_api.atom", "ai_enhanced.jsonl", "cv_daily.md",
                 "arxiv.rss"):
        (tmp_path / (name + ".txt")).write_bytes((F / name).read_bytes())
    report = IngestReport()
    papers = ingest(sorted(tmp_path.iterdir()), report)
    assert dict(report.formats) == {"bibtex": 1, "ris": 1, "json": 1, "feed": 2, "jsonl": 1, "markdown": 1}
    assert len(papers) >= 10
    assert sniff("source,title,summary\n1,a,b\n") == "csv"
    assert sniff("|Source|Title|\n|---|---|\n") == "markdown"


def test_the_whole_fixture_folder_builds_as_one_archive():
    report = IngestReport()
    papers = ingest([F], report)
    keys = [p.key for p in papers]
    assert len(keys) == len(set(keys))
    tidal = next(p for p in papers if p.key == "2505.90001")
    # the Atom entry (v1, read first) takes in the Chinese summary of the arXiv_daily listings of v1;
    # the BibTeX entry names no version, so it stays a version of its own
    assert sorted(v.label for v in tidal.versions) == ["", "v1"]
    v1 = next(v for v in tidal.versions if v.label == "v1")
    assert Path(v1.source_file).name == "arxiv_api.atom"
    assert {(t.kind, t.lang) for t in v1.texts} == {("abstract", "en"), ("summary", "zh")}
    assert "README.md" not in {Path(e.file).name for e in report.errors}


def test_subscription_table_with_an_empty_link_column_merges_the_new_version():
    papers, report = read("keyword_table.md", "subscription.md")
    assert report.errors == []
    marble = papers["2505.90041"]
    assert sorted(v.label for v in marble.versions) == ["v1", "v2"]
    v2 = next(v for v in marble.versions if v.label == "v2")
    assert v2.url == "https://arxiv.org/abs/2505.90041v2" and v2.date == "2025-05-15"
    assert marble.latest.summary.endswith("Version two adds a listening test.")
    assert papers["2505.90042"].title == "Pebble: Whispered-to-Normal Speech Conversion"
