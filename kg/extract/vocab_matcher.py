"""kg_vocab_matcher: vocabulary labels in both languages via Aho-Corasick over normalised tokens,
only at token boundaries -> doc.spans["kg_vocab"]."""
from __future__ import annotations

import functools
import re

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..vocab import Vocabulary, norm
from .doc import doc_words
from .lexicon import lexicon


@Language.factory("kg_vocab_matcher", default_config={"vocab_paths": []})
def make_vocab_matcher(nlp: Language, name: str, vocab_paths: list[str]):
    from pathlib import Path
    return VocabMatcher(Vocabulary.load([Path(p) for p in vocab_paths] or None))


class VocabMatcher:
    """Finds vocabulary labels (any language) in a Doc, at token boundaries only.

    Tokens are normalised (lower case, letters/digits/Han only) and concatenated; an
    Aho-Corasick automaton over the normalised labels finds candidates, and a candidate is kept
    only when it starts and ends on token boundaries.  Acronyms must match case-sensitively,
    a capitalised one-word name (Whisper, Mamba) does not match an all-lower-case word.
    """

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self.automaton = ahocorasick.Automaton()
        entries: dict[str, list[tuple[str, str, str]]] = {}
        for c in vocabulary.concepts.values():
            if not c.matchable:
                continue  # (rules/not-tasks.txt)
            for lab in c.labels:
                key = norm(lab.text)
                if not key:
                    continue
                variants = [key]
                if re.search(r"[a-z]$", key) and not key.endswith("s") and lab.kind != "acronym" or (
                        lab.kind == "acronym" and re.search(r"[A-Z]$", lab.text)):
                    variants.append(key + "s")  # plural
                for k in variants:
                    entries.setdefault(k, [])
                    item = (c.iri, lab.kind, lab.text)
                    if item not in entries[k]:
                        entries[k].append(item)
        self._entries = entries
        for k, items in entries.items():
            self.automaton.add_word(k, (k, tuple(items)))
        if entries:
            self.automaton.make_automaton()
        self.empty = not entries

    def __call__(self, doc: Doc) -> Doc:
        spans = self.match(doc)
        defs = {norm(ab.short.text): ab.long for ab in doc._.abbreviations or []}
        if defs:
            spans = [sp for sp in spans if not self._redefined(sp, defs)]
        doc.spans["kg_vocab"] = spans
        return doc

    def _redefined(self, sp: Span, defs: dict[str, Span]) -> bool:
        """An acronym of the vocabulary ("SED", "SVCs", "FAD") that the text defines as something
        else ("Speech Emotion Diarization (SED)", "语音情感描述（SED）", "Segmentation-Variant
        Codebooks (SVCs)", "Fake Audio Detection，FAD") does not name the vocabulary's concept."""
        key = norm(sp.text)
        long = defs.get(key)
        if long is None:
            return False
        c = self.vocabulary.concepts[sp.kb_id_]
        if re.search(r"[\u3400-\u9fff]", long.text) and (
                c.type in ("Method", "Metric") or c.type == "Dataset" and re.search(r"数据|语料|基准|集|库", long.text)):
            # a Chinese gloss of a method or metric describes it ("发音准确度（WER）", "防御策略（MGDA）"), and
            # one of a dataset that names data; "移动激光扫描（MLS）" is no Multilingual LibriSpeech
            return False
        if not any(lab.kind == "acronym" and norm(lab.text) in (key, key[:-1]) for lab in c.labels):
            return False
        own = {norm(lab.text) for lab in c.labels}
        lk = norm(long.text)
        return not any(k in lk for k in own if len(k) > len(key))

    def match(self, doc: Doc) -> list[Span]:
        if self.empty:
            return []
        parts: list[str] = []
        starts: dict[int, int] = {}  # normalised offset -> token index where a token starts
        ends: dict[int, int] = {}  # normalised offset -> token index (exclusive) where a token ends
        pos = 0
        for i, word in enumerate(doc_words(doc)[0]):
            k = norm_token(word)
            if not k:
                if _CLAUSE_PUNCT.fullmatch(word):
                    parts.append("\x00")  # no label spans a comma or a full stop ("模型，融合", "教师、学生"); a bracket it may ("(MOS) prediction")
                    pos += 1
                continue
            starts.setdefault(pos, i)
            parts.append(k)
            pos += len(k)
            ends[pos] = i + 1
        text = "".join(parts)
        candidates: list[tuple[int, int, str, str]] = []
        for end_pos, (key, items) in self.automaton.iter(text):
            start_pos = end_pos - len(key) + 1
            if start_pos not in starts or end_pos + 1 not in ends:
                continue
            span = doc[starts[start_pos]:ends[end_pos + 1]]
            surface = span.text
            bracketed = _BRACKET.search(surface) is not None
            for iri, kind, label in items:
                if bracketed and not _BRACKET.search(label) and len(_words(surface)) != len(_words(label)):
                    continue  # "the left ventricle (LV) is extracted" holds no LVIS; "score (MOS) prediction" holds MOS prediction
                if not _case_ok(surface, label, kind, self.vocabulary.concepts[iri].type):
                    continue
                candidates.append((span.start, span.end, iri, label))
                break
        # longest match wins; ties: earlier first
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken = [False] * len(doc)
        out: list[Span] = []
        for s, e, iri, _label in candidates:
            if any(taken[s:e]):
                continue
            for t in range(s, e):
                taken[t] = True
            c = self.vocabulary.concepts[iri]
            out.append(Span(doc, s, e, label=c.type, kb_id=iri))
        out.extend(self._coordinated(doc, out, taken))
        out.extend(self._glued_releases(doc, taken))
        out.sort(key=lambda sp: sp.start)
        return out

    def _glued_releases(self, doc: Doc, taken: list[bool]) -> list[Span]:
        """A known model's name glued to its release ("Gemini-2.5-Pro", "Claude-3.5-Sonnet"), one
        token that no label matches: a span of the model, which mentions_from_doc makes the release;
        a known dataset's name glued to a size or resolution ("ImageNet-256"): that dataset."""
        out: list[Span] = []
        for i, word in enumerate(doc_words(doc)[0]):
            if taken[i] or "-" not in word:
                continue
            m = GLUED_RELEASE.fullmatch(word)
            if m is None:
                v = GLUED_SPLIT.fullmatch(word)
                # a known dataset glued to a size or resolution ("ImageNet-256", "COCO-2017"): that dataset
                for iri, kind, label in self._entries.get(norm_token(v.group("stem")), ()) if v else ():
                    if self.vocabulary.concepts[iri].type == "Dataset" and _case_ok(v.group("stem"), label, kind, "Dataset"):
                        out.append(Span(doc, i, i + 1, label="Dataset", kb_id=iri))
                        taken[i] = True
                        break
                continue
            for iri, kind, label in self._entries.get(norm_token(m.group("stem")), ()):
                if self.vocabulary.concepts[iri].type == "Method" and _case_ok(m.group("stem"), label, kind, "Method"):
                    out.append(Span(doc, i, i + 1, label="Method", kb_id=iri))
                    doc.user_data.setdefault("kg_glued_releases", set()).add(i)
                    taken[i] = True
                    break
        return out

    def _coordinated(self, doc: Doc, spans: list[Span], taken: list[bool]) -> list[Span]:
        """Coordinated names sharing a head: "通道/空间注意力", "channel and spatial attention",
        "CNN与LSTM网络" name channel attention and spatial attention. For a match right after a
        conjunction, the words before the conjunction plus the match's tail are looked up."""
        words = doc_words(doc)[0]
        out: list[Span] = []
        for sp in spans:
            j = sp.start - 1
            while j >= 0 and words[j].isspace():
                j -= 1
            if j < 1 or words[j] not in _CONJ:
                continue
            k = j - 1
            while k >= 0 and words[k].isspace():
                k -= 1
            span_words = [w for w in words[sp.start:sp.end] if not w.isspace()]
            found = None
            reach = 0  # how many words before the conjunction may open the first name (1-4)
            for n_first in range(1, min(4, k + 1) + 1):
                first = words[k - n_first + 1:k + 1]
                if any(w.isspace() is False and not norm_token(w) for w in first) or any(taken[k - n_first + 1:k + 1]):
                    break
                reach = n_first
            # the longest first name that is a label: "半监督与自监督学习" names semi-supervised learning
            # (半监督学习), not supervised learning (监督学习)
            for n_first in range(reach, 0, -1):
                first = words[k - n_first + 1:k + 1]
                if first[0].isspace():
                    continue
                for cut in range(1, len(span_words)):  # the head the two share: a tail of the match
                    key = "".join(norm_token(w) for w in first + span_words[cut:])
                    for iri, kind, label in (self._entries.get(key) or ()):
                        if self.vocabulary.concepts[iri].type == sp.label_ and iri != sp.kb_id_:
                            found = (k - n_first + 1, k + 1, iri)
                            break
                    if found:
                        break
                if found:
                    break
            if found:
                s, e, iri = found
                out.append(Span(doc, s, e, label=sp.label_, kb_id=iri))
                for t in range(s, e):
                    taken[t] = True
        return out


# a model's name, a hyphen and a release number, with the tier words of that release
# (ontology/lexicon/en/model-tier-words.txt): "Gemini-2.5-Pro", "Llama-4-Scout", "Claude-3.5-Sonnet"
GLUED_RELEASE = re.compile(rf"(?P<stem>[A-Z][A-Za-z]{{2,}})-(?P<v>[1-9]\d?(?:\.\d{{1,2}})?)"
                           rf"(?P<tier>(?:-(?:{lexicon().alternation('en', 'model-tier-words')}))*)")


_CLAUSE_PUNCT = re.compile(r"[，,。；;：:！？!?、]+")


# a dataset's name glued to a size, resolution or year: "ImageNet-256", "ImageNet-64x64", "COCO-2017"
GLUED_SPLIT = re.compile(r"(?P<stem>[A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Z]{3,})-(?:\d{2,4}(?:[xX×]\d{2,4})?|\d{1,3}[kK])")


@functools.lru_cache(maxsize=1 << 18)
def norm_token(word: str) -> str:
    return norm(word)


_CONJ = {"与", "和", "及", "/", "、", "或", "and", "or", "&", ","}


def _strip(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z\u3400-\u9fff]+", "", text)


_BRACKET = re.compile(r"[()（）\[\]]")


def _words(text: str) -> list[str]:
    """The words of a name, brackets and spaces apart."""
    return [w for w in re.split(r"[\s()（）\[\]]+", text) if w]


def _spaced_code(surface: str, label: str) -> bool:
    """A CamelCase name written with a space before a code of capitals or digits ("MVTec AD" for
    MVTecAD, "LibriTTS R" for LibriTTSR): the same name, letter for letter."""
    words = surface.split()  # (the name before the code is no plain word: "Medical QA" is a phrase)
    return "".join(words) == label and re.search(r"[a-z][A-Z]|[A-Z]{2}", words[0]) is not None \
        and all(re.fullmatch(r"[A-Z0-9]{1,4}", w) for w in words[1:])


def _case_ok(surface: str, label: str, kind: str, type: str = "") -> bool:
    if any(ch in label and ch not in surface for ch in "*+#"):
        return False  # "build a search engine" holds no A* search; C++ and AIST++ keep their signs
    s, lab = _strip(surface), _strip(label)
    if len(s) >= 3 and s.isupper() and re.search(r"[A-Z].*[a-z].*[A-Z]", lab):
        return False  # "SPARC" is not the SParC corpus: a name of mixed case is written so
    if kind == "acronym":
        return s == lab or s == lab + "s"
    if type == "Dataset" and any(c.isupper() for c in lab) and not any(c.isupper() for c in s):
        return False  # "emotional speech datasets" is not the Emotional Speech Dataset
    if " " not in label.strip() and re.search(r"[a-z][A-Z]", label) and re.search(r"\s", surface.strip()) \
            and not _spaced_code(surface, label):
        return False  # a CamelCase name (NonverbalVocalization) written as two words is another phrase
    if any(c.isupper() for c in lab) and " " not in label.strip() and not any(c.isupper() for c in s) \
            and s.isalpha():
        return False  # "whisper" the word is not Whisper the model
    if type == "Dataset" and " " not in label.strip() and sum(c.isupper() for c in lab[1:]) >= 1 and s.isalpha() \
            and s.istitle() and s != lab:
        return False  # "Voices" in a title is not the VOiCES corpus (a model is often spelt so: "Hubert")
    return True
