"""MixedScriptTokenizer: one token per Han character; Latin names glued to Chinese or containing
-, ., ++ kept whole (Wav2Vec2.0, DCRF-BiLSTM, AIST++); registered as kg.MixedScriptTokenizer.v1."""
from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

_TOKEN = re.compile(
    r"(?P<cjk>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])"
    r"|(?P<word>[A-Za-z0-9\u00c0-\u024f\u0370-\u03ff]+(?:[-.'’_][A-Za-z0-9\u00c0-\u024f\u0370-\u03ff]+)*(?:\+\+|\+)?)"
    r"|(?P<space>\s+)"
    r"|(?P<other>.)",
    re.S,
)
# Productive English suffixes split off hyphenated words so that "HuBERT-based" still names HuBERT,
# and so do the size and release words of a model's checkpoint: "BERT-base-uncased",
# "CLIP-vit-large", "Qwen2-7B-Instruct", "WavLM-Base+" (a vocabulary label that includes them,
# "Whisper-large-v3", still matches: the matcher works across tokens).
CHECKPOINT_WORDS = (r"large|base\+?|small|medium|tiny|mini|xl|xxl|xlarge|huge|giant|lite|vit|cased|uncased|instruct"
                    r"|chat|\d+(?:\.\d+)?[BbMm]")
_SUFFIX = re.compile(
    r"^(?P<stem>.+?)(?P<suffix>-(?:based|like|style|driven|guided|aware|conditioned|enhanced|level|specific|free"
    r"|only|centric|oriented|powered|inspired|derived|generated|augmented|assisted|informed|extracted|encoded"
    rf"|pretrained|trained|finetuned|tuned|{CHECKPOINT_WORDS}))$",
    re.I,
)
# what follows a model's name in the name of one of its checkpoints ("-Medium", "-base-uncased")
CHECKPOINT_TAIL = re.compile(rf"(?:-(?:{CHECKPOINT_WORDS}))+", re.I)


class MixedScriptTokenizer:
    """Tokenizer for text that mixes Han characters and Latin names without spaces."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for m in _TOKEN.finditer(text):
            tok = m.group()
            if m.lastgroup == "space":
                if words and not spaces[-1] and tok[0] == " ":
                    spaces[-1] = True
                    tok = tok[1:]
                if tok:
                    words.append(tok)
                    spaces.append(False)
                continue
            if m.lastgroup == "word" and "-" in tok:
                tail: list[str] = []
                sm = _SUFFIX.match(tok)
                while sm and "-" in tok:
                    tail[:0] = ["-", sm.group("suffix")[1:]]
                    tok = sm.group("stem")
                    sm = _SUFFIX.match(tok)
                if tail:
                    words.extend((tok, *tail))
                    spaces.extend([False] * (1 + len(tail)))
                    continue
            words.append(tok)
            spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        # the components read these plain lists instead of iterating Token objects (much faster)
        doc.user_data["kg_words"] = words
        doc.user_data["kg_spaces"] = spaces
        doc.user_data["kg_text"] = text
        return doc

    # spaCy serialisation hooks (the tokenizer has no state of its own)
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "MixedScriptTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "MixedScriptTokenizer":
        return self


@spacy.registry.tokenizers("kg.MixedScriptTokenizer.v1")
def create_mixed_tokenizer():
    def make(nlp: Language) -> MixedScriptTokenizer:
        return MixedScriptTokenizer(nlp.vocab)

    return make
