"""TaskIndex: what the task strategies look up in the vocabulary (task concepts by label, label
tails, the modifiers that make a narrower task, the words of this field's task names)."""
from __future__ import annotations

import re

from ...vocab import Vocabulary, norm
from ..lexicon import lexicon
from .common import GENERIC_QUALIFIERS, LEAD_SKIP, NUMBER_WORDS

# a qualifier that describes input/output or conditioning does not make a new task
QUALITY_SUFFIX = lexicon().set("en", "quality-suffixes")


class TaskIndex:
    """The vocabulary as the task strategies read it; built once per pipeline."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self.by_label = vocabulary.by_label()
        self._heads: dict[str, frozenset[str]] = {}
        # tail of a task label (at a word boundary) -> the normalised labels ending with it
        self.task_key_tails: dict[str, list[str]] = {}
        for c in vocabulary.concepts.values():
            if c.type == "Task" and c.matchable:
                for lab in c.labels:
                    words = re.split(r"[\s-]+", lab.text)
                    for k in range(1, len(words)):
                        self.task_key_tails.setdefault(norm(" ".join(words[k:])), []).append(norm(lab.text))
        self.modifiers = vocabulary.task_modifiers()  # task IRI -> [(narrower IRI, modifier key, adjectival)]
        # words of the vocabulary's task labels: what makes a title phrase a task of this field
        # (of the curated vocabulary: the imported one's thousands of labels hold almost every word)
        self.domain_words = {w for c in vocabulary.concepts.values() if c.type == "Task" and c.matchable and c.curated
                             for lab in c.labels if lab.lang in (None, "en")
                             for w in re.split(r"[\s-]+", lab.text.lower()) if len(w) > 2}
        self.domain_words -= {w.lower() for w in lexicon().words("en", "task-heads")} | {"and", "the", "for", "from", "with"}
        # words that lead titles are no words of task names, whatever task label holds them
        # ("Bridging ...", "Beyond ...", "Two ..."): function words, numbers, verbs in -ing
        # unless the word is a task's own (a label starting or made of it: "Speaking Style ...")
        start_counts: dict[str, int] = {}  # first word -> how many task concepts have a label opening with it
        for c in vocabulary.concepts.values():
            if c.type == "Task" and c.matchable:
                for w in {re.split(r"[\s-]+", lab.text.lower())[0] for lab in c.labels if lab.lang in (None, "en")}:
                    start_counts[w] = start_counts.get(w, 0) + 1
        starts = set(start_counts)
        counts: dict[str, int] = {}
        for c in vocabulary.concepts.values():
            if c.type == "Task" and c.matchable:
                for w in {w for lab in c.labels if lab.lang in (None, "en") for w in re.split(r"[\s-]+", lab.text.lower())}:
                    counts[w] = counts.get(w, 0) + 1
        self.domain_words -= LEAD_SKIP | NUMBER_WORDS
        # -ing words that open many task labels of the whole vocabulary ("learning", "referring",
        # "singing"): nouns of task names, not the verbs that lead titles ("Learning Path Recommendation")
        self.task_ing_words = frozenset(w for w, n in start_counts.items() if n >= 5 and w.endswith("ing")) - LEAD_SKIP
        self.domain_words = {w for w in self.domain_words if not w.endswith("ing") or counts.get(w, 0) >= 3 or w in starts
                             and counts.get(w, 0) >= 2}
        # the words that two task labels of the whole vocabulary share, no verbs in -ing, function
        # or number words: what may make a stated task narrower than an imported one
        # ("underwater" in "underwater image enhancement")
        self.task_words = ({w for w, n in counts.items() if n >= 2 and len(w) > 2 and not w.endswith("ing")}
                           - LEAD_SKIP - NUMBER_WORDS) | self.domain_words
        # what Chinese task labels put before a shorter task label ("医学图像" in 医学图像分割): the
        # modifiers that make an open-vocabulary Chinese task name narrower than a known task
        zh_labels = {lab.text for c in vocabulary.concepts.values() if c.type == "Task" and c.matchable for lab in c.labels
                     if lab.lang == "zh"}
        self.zh_modifiers = {lab[:k] for lab in zh_labels for k in range(1, len(lab) - 1)
                             if lab[k:] in zh_labels} | {lab for lab in zh_labels if len(lab) <= 6}

    def heads(self, iri: str) -> frozenset[str]:
        """The head words of a task's labels: the last word of each English label, the last two
        characters of each Chinese one ("estimation", "识别"). Cached per concept."""
        got = self._heads.get(iri)
        if got is None:
            c = self.vocabulary.concepts.get(iri)
            out = set()
            for lab in c.labels if c is not None else ():
                text = lab.text.strip().lower()
                if re.search(r"[\u3400-\u9fff]$", text):
                    out.add(text[-2:])
                elif text:
                    out.add(re.split(r"[\s-]+", text)[-1])
            got = self._heads[iri] = frozenset(out)
        return got

    def concept(self, text: str) -> str | None:
        """The vocabulary task a phrase is a label of."""
        for c, _lab in self.by_label.get(norm(text), []):
            if c.type == "Task" and c.matchable:
                return c.iri
        return None

    def domain(self, word: str) -> bool:
        """A word of this field's task names ("Emotion", "Cross-Speaker"), not a property of a method."""
        parts = [p for p in word.lower().split("-") if p]
        if parts and parts[-1] in QUALITY_SUFFIX:
            return False  # "Noise-aware", "Text-free", "LLM-based": a property of the method, not a task
        return word.lower() not in GENERIC_QUALIFIERS and bool(parts) and all(
            p in self.domain_words or p in {"cross", "multi", "non", "self", "to"} for p in parts) \
            and any(p in self.domain_words for p in parts)
