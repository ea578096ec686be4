"""kg_task_inference: tasks a text names without writing their label whole -> doc.spans["kg_tasks"]."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..vocab import ModifierText, Vocabulary, norm, rule_words
from .doc import doc_text, sentence_of
from .open_tasks import OpenTask, find_open_tasks

_TASK_HEADS_EN = (r"recognition|detection|generation|synthesis|conversion|classification|estimation|prediction"
                  r"|understanding|analysis|captioning|retrieval|separation|enhancement|verification|identification"
                  r"|transcription|translation|modeling|modelling|editing|transfer|control|tracing|spotting|extraction"
                  r"|reasoning|annotation|alignment|profiling|tokenization|assessment|diarization|sonification|cloning"
                  r"|forecasting|segmentation|localization|summarization|answering|tagging|labeling|labelling")
_TASK_HEADS_ZH = "识别|检测|生成|合成|转换|分类|估计|预测|理解|分析|描述|检索|分离|增强|验证|鉴别|转录|翻译|建模|编辑|迁移|控制|溯源"
_COORD_EN = re.compile(rf"\b(?P<a>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?),? (?:and|&|or) (?P<b>[A-Za-z][\w-]*) (?P<head>{_TASK_HEADS_EN})\b", re.I)
_COORD_ZH = re.compile(rf"(?P<a>[\u4e00-\u9fff]{{2,8}}?)(?:和|与|及|、|或)(?P<b>[\u4e00-\u9fff]{{2,4}}?)(?P<head>{_TASK_HEADS_ZH})")
_TOOL_AFTER = re.compile(r"^\s*(?:-|‐)?\s*(?:模型|系统|转录|输出|工具|结果|model|models|system|systems|transcripts?|outputs?|"
                         r"module|engine|toolkit|based|encoder|features?)\b", re.I)
_TOOL_BEFORE = re.compile(r"(?:预训练的?|pre-?trained|off-the-shelf|现成的?|利用|使用|借助|通过|using|with|via)\s*$", re.I)


# annotation tasks named as a property of data: "with Emotion Annotations", "情感标注的主观性", "带情感标注"
_ANNOTATION_HEAD = re.compile(r"(?:annotations?|label(?:l)?ings?|标注)$", re.I)
_DATA_AFTER = re.compile(r"^\s*(?:的|数据|信息|结果|标签|data\b|labels?\b)", re.I)
_DATA_BEFORE = re.compile(r"(?:带有?|含有?|具有|包含|例如|比如|如|with|without|e\.g\.,?|such as)\s*$", re.I)
_GENERATED_FROM = re.compile(r"(?:[从由]|根据|依据|按照|基于)$")
# a task named among related fields: "progress in related domains such as ... talking-head synthesis"
_RELATED_FIELDS = re.compile(r"\b(?:related|other|adjacent|neighbou?ring)\s+(?:domains?|fields?|areas?|tasks?|problems?)\b"
                             r"|相关领域|其他领域|相邻领域|其他任务", re.I)
# a modifier inside a negated compound is not one: "Text-Independent", "speaker-agnostic", "语言无关"
_NEGATED = re.compile(r"\b[A-Za-z]+-(?:independent|free|agnostic|invariant|less|unaware)\b|[\u4e00-\u9fff]{2}无关", re.I)
# a field the paper borrows from: "借鉴X领域的经验", "受X启发", "inspired by X"
_BORROWED_BEFORE = re.compile(r"借鉴|参考|受到?|沿用|inspired by|borrow\w*|adapted from", re.I)
_BORROWED_AFTER = re.compile(r"^[^，,。；;]{0,20}?(?:领域|启发|的经验|field|domain|literature)", re.I)


# a task written as a verb and its object
_VERB_EN = re.compile(r"\b(?P<verb>generat(?:e|es|ing)|synthesi[sz](?:e|es|ing)|recogni[sz](?:e|es|ing)|detect(?:s|ing)?"
                      r"|predict(?:s|ing)?|estimat(?:e|es|ing)|classif(?:y|ies|ying)|separat(?:e|es|ing)"
                      r"|transcrib(?:e|es|ing)|identif(?:y|ies|ying)|convert(?:s|ing)?|retriev(?:e|es|ing)"
                      r"|understand(?:s|ing)?|perceiv(?:e|es|ing))\s+", re.I)
_VERB_NOUN = {"gener": "generation", "synth": "synthesis", "recog": "recognition", "detec": "detection",
              "predi": "prediction", "estim": "estimation", "class": "classification", "separ": "separation",
              "trans": "transcription", "ident": "identification", "conve": "conversion", "retri": "retrieval",
              "under": "understanding", "perce": "understanding"}
# light nouns after the real object: "understand paralinguistic aspects of speech", "detect emotional cues"
_LIGHT_NOUNS = {"aspects", "aspect", "information", "cues", "cue", "features", "characteristics", "attributes",
                "signals", "content", "properties"}
_VERB_STOP = {"and", "or", "with", "for", "in", "on", "using", "via", "by", "to", "that", "which", "while", "under",
              "through", "across", "at", "as", "into", "without", "of", "the", "a", "an", "is", "are", "based"}
_MODEL_KIND = re.compile(r"^\s*[^\s:：]+\s*[:：]\s*(?:An?|The)\s+(?P<kind>(?:[A-Z][\w-]*\s+){1,4})Model\b")
_HEAD_SYNONYMS = {"synthesis": ("generation",), "generation": ("synthesis",), "modelling": ("modeling",),
                  "labelling": ("labeling",)}
# a title's modifier shared by coordinated task heads: "Singing Transcription, Alignment, and
# Refined Style Annotation" is singing transcription, singing alignment and singing style annotation
_HEAD_WORD = rf"(?i:{_TASK_HEADS_EN})\b"
_LEFT_COORD = re.compile(
    rf"\b(?P<pre>(?:[A-Z][A-Za-z-]* ){{1,3}})(?P<h1>{_HEAD_WORD})"
    rf"(?P<items>(?:,? (?:and |& )?(?:[A-Z][A-Za-z-]* ){{0,2}}{_HEAD_WORD}){{1,4}})")
_ITEM = re.compile(rf"(?P<words>(?:[A-Z][A-Za-z-]* ){{0,2}})(?P<head>{_HEAD_WORD})")

# a generation conditioned on another input: "Video-Guided Text-to-Music Generation",
# "music-driven dance generation", "视频引导的音乐生成" also name the X-to-Y task
_CONDITION_EN = re.compile(r"\b(?P<src>[A-Za-z]+)[- ](?:guided|conditioned|driven|conditional|controlled)\s+$", re.I)
_CONDITION_ZH = re.compile(r"(?P<src>[\u4e00-\u9fff]{2})(?:引导|驱动|条件|控制)(?:的|下的)?$")
# a qualifier that describes input/output or conditioning does not make a new task
_QUALITY_SUFFIX = {"aware", "based", "free", "agnostic", "independent", "invariant", "driven", "guided", "conditioned",
                   "enhanced", "assisted", "augmented", "powered", "informed", "robust", "efficient", "friendly"}
_IO_QUALIFIER = re.compile(r"-to-|-(?:guided|conditioned|driven|conditional|controlled)$", re.I)
_VERB_ZH = re.compile(r"(?:从|由|根据)(?P<src>[\u4e00-\u9fff]{2,4}?)(?:描述|提示)?生成(?P<obj>[\u4e00-\u9fff]{2,3})")


# the verb after a modal, an adverbial or a subject ("难以生成共情回复", "能够识别…", "LM生成对话"),
# not as an attributive ("增强合成语音的自然度": synthesised speech)
_VERB_OBJ_ZH = re.compile(r"(?:(?<=[以来能够可于并而地们将要需会或旨，,。；;：:A-Za-z0-9])|^)(?P<verb>生成|合成|识别|检测|预测|估计|分类|转换|检索|分离|转录)"
                          r"(?P<obj>[\u4e00-\u9fff]{2,6}?)(?=[，,。；;：:、）)的与和及或]|$)")


def _singular(word: str) -> str:
    return word[:-1] if re.search(r"[^s]s$", word) else word


_TITLE_PHRASE = re.compile(
    rf"(?P<phrase>(?:[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\s+){{1,5}}(?P<head>(?i:{_TASK_HEADS_EN})))\b")
_LEAD_SKIP = {"towards", "toward", "beyond", "through", "using", "from", "by", "to", "of", "into", "unified", "unifying", "robust", "efficient", "improved", "novel",
              "enhanced", "automated", "automatic", "scalable", "generalizable", "interpretable", "explainable",
              "fine-grained", "end-to-end", "multi-step", "a", "an", "the", "for", "and", "with", "via", "on", "in"}


_GENERIC_QUALIFIERS = rule_words("generic-qualifiers.txt")
# a task of the imported vocabulary right after these is a technique used, not the paper's task
_USED_BEFORE = re.compile(r"(?:\b(?:with|using|via|by|through|based on|leveraging|and)\b|利用|通过|借助|基于|结合)[^,.;:，。；：]{0,30}$", re.I)
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "single", "dual",
                 "double", "triple", "multiple", "several", "many", "first", "second", "third"}


# where the modifiers of a task name stop: punctuation, conjunctions between clauses, prepositions
# ("Textual Emotion Representation for Speech Emotion Recognition": "Textual" modifies another noun)
_NP_BOUNDARY = re.compile(
    r"(?:[:：,，;；。!?！？()（）\[\]“”\"、]|[与和及或]|\b(?:for|with|via|using|by|through|from|in|on|of|at|as|to|towards?"
    r"|into|without|beyond|based|leveraging|under|and|or|is|are|was|were|which|that|than|between|across)\b)", re.I)


def _modifier_context(doc: Doc, sp: Span) -> str:
    """Normalised text of the modifiers before a task mention, within its noun phrase: up to 60
    characters of Latin text (a title's "Emotionally Expressive and Duration-Controlled
    Zero-Shot Text-to-Speech") or 8 Han characters ("零样本情感语音合成"), cut at the last
    boundary (punctuation, conjunction, preposition)."""
    text = doc_text(doc)
    start = sentence_of(sp).start_char
    window = text[max(start, sp.start_char - 60):sp.start_char]
    if re.search(r"[\u3400-\u9fff]\s*$", window):
        window = window[-8:]
    # "and" between two modifiers of one phrase stays ("Emotionally Expressive and Duration-Controlled ...")
    cut = 0
    for m in _NP_BOUNDARY.finditer(window):
        if m.group().lower() in ("and", "or") and re.match(r"\s+[A-Z][\w-]*\s+[A-Z]", window[m.end():]):
            continue
        cut = m.end()
    return ModifierText(_NEGATED.sub(" ", window[cut:]))


_WITH_AFTER = re.compile(r"\s+(?:with|featuring)\s+(?P<nouns>[A-Za-z][\w-]*(?:\s*(?:,|&|and)\s*[A-Za-z][\w-]*){0,3})"
                         r"(?=\s*(?:$|[,.;:)]|\b(?:for|in|on|via|using|by|through)\b))", re.I)


# what a title says about its means, not its task: "... with expressive guidance", "using
# Disentangled Diffusion Framework" (the words there do not specialise the title's task)
_ATTACHED = re.compile(r"\b(?:with|using|via|leveraging|based on|by)\b[^,:;()]*", re.I)


def _with_context(doc: Doc, sp: Span) -> ModifierText:
    """The attributes a task is given after "with": "Multilingual Text-To-Speech with Accents &
    Emotions" is accented and emotional text-to-speech. Only a short run of nouns that ends the
    phrase counts ("TTS with emotion control" does not become anything through "control")."""
    m = _WITH_AFTER.match(doc_text(doc), sp.end_char)
    return ModifierText(m.group("nouns") if m else "")


@Language.factory("kg_task_inference")
def make_task_inference(nlp: Language, name: str):
    return TaskInference(nlp.get_pipe("kg_vocab_matcher").vocabulary)


class TaskInference:
    """Tasks a text names without writing their label whole.

    - coordination: "Emotion and Intent Recognition", "语音情感和意图识别" name two tasks;
    - specialisation: a task mentioned together with the modifier that distinguishes one of its
      narrower concepts (情感 + 语音合成 -> emotional text-to-speech; "zero-shot" + TTS) names the
      narrower task; modifiers are derived from the vocabulary's labels, in both languages;
    - tool use: a task named as a tool ("利用预训练ASR模型", "ASR transcripts") is not a task the
      paper addresses: its span is dropped from the task mentions.
    Results go to doc.spans["kg_tasks"] (label "Task", kb_id the concept).
    """

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self.index = vocabulary.by_label()
        # tail of a task label (at a word boundary) -> the normalised labels ending with it
        self.task_key_tails: dict[str, list[str]] = {}
        for c in vocabulary.concepts.values():
            if c.type == "Task":
                for lab in c.labels:
                    words = re.split(r"[\s-]+", lab.text)
                    for k in range(1, len(words)):
                        self.task_key_tails.setdefault(norm(" ".join(words[k:])), []).append(norm(lab.text))
        self.modifiers = vocabulary.task_modifiers()  # task IRI -> [(narrower IRI, modifier key, adjectival)]
        # words of the vocabulary's task labels: what makes a title phrase a task of this field
        # (of the curated vocabulary: the imported one's thousands of labels hold almost every word)
        self.domain_words = {w for c in vocabulary.concepts.values() if c.type == "Task" and c.curated
                             for lab in c.labels if lab.lang in (None, "en")
                             for w in re.split(r"[\s-]+", lab.text.lower()) if len(w) > 2}
        self.domain_words -= {w.lower() for w in _TASK_HEADS_EN.split("|")} | {"and", "the", "for", "from", "with"}
        # words that lead titles are no words of task names, whatever task label holds them
        # ("Bridging ...", "Beyond ...", "Two ..."): function words, numbers, verbs in -ing
        # unless the word is a task's own (a label starting or made of it: "Speaking Style ...")
        starts = {re.split(r"[\s-]+", lab.text.lower())[0] for c in vocabulary.concepts.values() if c.type == "Task"
                  for lab in c.labels if lab.lang in (None, "en")}
        counts: dict[str, int] = {}
        for c in vocabulary.concepts.values():
            if c.type == "Task":
                for w in {w for lab in c.labels if lab.lang in (None, "en") for w in re.split(r"[\s-]+", lab.text.lower())}:
                    counts[w] = counts.get(w, 0) + 1
        self.domain_words -= _LEAD_SKIP | _NUMBER_WORDS
        self.domain_words = {w for w in self.domain_words if not w.endswith("ing") or counts.get(w, 0) >= 3 or w in starts
                             and counts.get(w, 0) >= 2}
        # what Chinese task labels put before a shorter task label ("医学图像" in 医学图像分割): the
        # modifiers that make an open-vocabulary Chinese task name narrower than a known task
        zh_labels = {lab.text for c in vocabulary.concepts.values() if c.type == "Task" for lab in c.labels
                     if lab.lang == "zh"}
        self.zh_modifiers = {lab[:k] for lab in zh_labels for k in range(1, len(lab) - 1)
                             if any(lab[k:] == o for o in zh_labels)} | {lab for lab in zh_labels if len(lab) <= 6}

    def _concept(self, text: str) -> str | None:
        for c, _lab in self.index.get(norm(text), []):
            if c.type == "Task":
                return c.iri
        return None

    @staticmethod
    def _passing(doc: Doc, sp: Span) -> bool:
        """A task named in passing, not addressed: as a tool, as labels of data, as the input of a
        generation, or as a field the paper borrows from."""
        text, start, end = doc_text(doc), sp.start_char, sp.end_char
        name = text[start:end]
        after = text[end:end + 20]
        before = text[max(0, start - 12):start]
        if len(name) <= 5 and (_TOOL_AFTER.match(after) or _TOOL_BEFORE.search(before)):
            return True  # ASR used as a tool
        if _ANNOTATION_HEAD.search(name) and (name[-1:] in "sS" or _DATA_AFTER.match(after)
                                              or _DATA_BEFORE.search(before)):
            return True  # "with Emotion Annotations", "情感标注的主观性": labels of data, not the task
        if name.endswith("生成") and _GENERATED_FROM.search(before):
            return True  # "从音频生成动作", "根据情感语音生成回复": what the generation starts from
        clause = re.split(r"[，,。；;：:\n]", text[max(0, start - 40):start])[-1]
        if _BORROWED_BEFORE.search(clause) and _BORROWED_AFTER.match(text[end:end + 30]):
            return True  # "借鉴语音情感识别与合成语音检测领域的经验": another field the paper borrows from
        sentence = re.split(r"[。；;\n]|\.\s", text[max(0, start - 160):start])[-1]
        if _RELATED_FIELDS.search(sentence):
            return True  # "Despite progress in related domains such as ... audio-driven talking-head synthesis"
        return False

    def __call__(self, doc: Doc) -> Doc:
        tasks: list[Span] = []
        for sp in doc.spans.get("kg_vocab", []):
            if sp.label_ != "Task":
                continue
            if self._passing(doc, sp):
                continue
            c = self.vocabulary.concepts.get(sp.kb_id_)
            if c is not None and not c.curated and _USED_BEFORE.search(doc_text(doc)[max(0, sp.start_char - 40):sp.start_char]):
                continue  # "... With Pitch And Duration Style Transfer": a technique the paper uses
            tasks.append(sp)
        text = doc_text(doc)
        for rx, joiner in ((_COORD_EN, " "), (_COORD_ZH, "")):
            for m in rx.finditer(text):
                head = m.group("head")
                for g in ("a", "b"):
                    part = m.group(g)
                    # the longest tail of the part that, with the head, is a task label
                    words = part.split(" ") if joiner else list(part)
                    for k in range(len(words)):
                        cand = joiner.join(words[k:]) + joiner + head
                        iri = self._concept(cand)
                        if iri:
                            sp = doc.char_span(m.start(g) + len(joiner.join(words[:k])) + (1 if joiner and k else 0),
                                               m.end("head"), alignment_mode="expand")
                            if sp is not None and not self._passing(doc, sp):
                                tasks.append(Span(doc, sp.start, sp.end, label="Task", kb_id=iri))
                            break
        tasks.extend(self._verb_phrases(doc))
        tasks.extend(self._conditioned(doc, tasks))
        # specialisation by modifiers
        found = {sp.kb_id_ for sp in tasks}
        extra: list[Span] = []
        is_title = "\n" not in doc_text(doc) and len(doc_text(doc)) <= 300
        for sp in tasks:
            # the modifier must stand in the mention's own noun phrase ("情感语音合成", "emotional
            # TTS"); in a title, a narrower task of the mention's own concept may take it from
            # anywhere ("Emotion Transfer in Text-to-Speech"), but a sibling reached through an
            # ancestor only from the noun phrase (no text emotion recognition from "Textual Emotion
            # Representation for Speech Emotion Recognition")
            context = _modifier_context(doc, sp)
            whole = ModifierText(_NEGATED.sub(" ", _ATTACHED.sub(" ", doc_text(doc)))) if is_title else context
            post = _with_context(doc, sp)
            for t in [sp.kb_id_, *self.vocabulary.ancestors(sp.kb_id_)]:
                for n_iri, mod, adjectival in self.modifiers.get(t, []):
                    if n_iri in found or not ((whole if t == sp.kb_id_ else context).has(mod)
                                              or adjectival and post.has(mod)):
                        continue
                    extra.append(Span(doc, sp.start, sp.end, label="Task", kb_id=n_iri))
                    found.add(n_iri)
        new = self._title_phrases(doc, tasks + extra) + self._shared_modifier(doc, tasks) + self._model_kind(doc) \
            if is_title else []
        doc.spans["kg_tasks"] = tasks + extra + new + self._open_tasks(doc, tasks + extra + new, is_title)
        return doc

    def _open_tasks(self, doc: Doc, known: list[Span], is_title: bool) -> list[Span]:
        """Tasks stated in a frame (kg.open_tasks): the vocabulary's concept when it has the name,
        else a new task narrower than the longest vocabulary task the name ends with, when the
        words before that task are words of task names ("medical image segmentation"); other
        words before it ("advancing", "TDNN-based", "了") leave the vocabulary's task alone."""
        out: list[Span] = []
        info = doc.user_data.setdefault("kg_task_open", {})
        broader = doc.user_data.setdefault("kg_task_broader", {})
        names = doc.user_data.setdefault("kg_task_names", {})
        for t in find_open_tasks(doc_text(doc), is_title):
            sp = doc.char_span(t.start, t.end, alignment_mode="expand")
            if sp is None or self._passing(doc, sp):
                continue
            same = next((k for k in known if k.start == sp.start and k.end == sp.end), None)
            if same is not None:
                if t.field:  # "属于计算机视觉领域": the vocabulary's concept, as a broad task
                    info[(same.start, same.end)] = t
                continue
            if any(k.start <= sp.start and sp.end <= k.end for k in known):
                continue  # the vocabulary or another strategy has it (or a longer name around it)
            if not re.search(r"[\u3400-\u9fff]", t.label):
                words = t.label.split()
                lead = 0  # title lead words and -ing words that are no words of task names ("Towards", "Advancing")
                while len(words) - lead > 1 and (words[lead].lower() in _LEAD_SKIP or words[lead].lower() in _GENERIC_QUALIFIERS
                                                 or words[lead].lower().endswith("ing")
                                                 and words[lead].lower() not in self.domain_words):
                    lead += 1
                if lead:
                    cut = len(" ".join(words[:lead])) + 1
                    sp2 = doc.char_span(t.start + cut, t.end, alignment_mode="expand")
                    if sp2 is None:
                        continue
                    sp = sp2
                    t = OpenTask(t.start + cut, t.end, t.label[cut:], t.rule, t.confidence, t.field, t.fallback, t.acronym)
                    if len(words) - lead < 2 and not self._concept(t.label):
                        continue
                    if any(k.start <= sp.start and sp.end <= k.end for k in known):
                        continue
            iri = self._concept(t.label) or (self._concept(t.acronym) if t.acronym else None)
            parent = None
            if not iri:
                han = re.search(r"[\u3400-\u9fff]", t.label) is not None
                words = list(t.label) if han else t.label.split()
                for k in range(1, len(words)):
                    tail = ("" if han else " ").join(words[k:])
                    parent = self._concept(tail) if len(tail) >= 2 else None
                    if parent:
                        lead = words[:k]
                        if han:
                            ok = "".join(lead) in self.zh_modifiers
                        else:
                            ok = all(w.lower() in self.domain_words or w.lower().replace("-", " ") in self.domain_words
                                     for w in lead) and not any(w.lower().rsplit("-", 1)[-1] in _QUALITY_SUFFIX for w in lead)
                        if not ok:
                            parent = "skip"
                        break
                if parent == "skip":
                    continue  # "advancing speech emotion recognition": the vocabulary task is the task
            span = Span(doc, sp.start, sp.end, label="Task", kb_id=iri or "")
            key = (span.start, span.end)
            info[key] = t
            if not iri:
                if parent is None:
                    parent = next((k.kb_id_ for k in known if k.kb_id_ and sp.start <= k.start and k.end <= sp.end), None)
                broader[key] = parent
                names[key] = t.label if re.search(r"[\u3400-\u9fff]", t.label) else _task_label_en(t.label)
            out.append(span)
        return out

    def _verb_phrases(self, doc: Doc) -> list[Span]:
        """Tasks written as a verb and its object: "Generating Music From Text" (text-to-music
        generation), "Predicting Personality Traits" (personality recognition, via its label
        "personality trait prediction"), "从文本生成音乐" (文本到音乐生成)."""
        out: list[Span] = []
        text = doc_text(doc)
        for m in _VERB_EN.finditer(text):
            noun = _VERB_NOUN[m.group("verb").lower()[:5]]
            words = [w for w in re.finditer(r"[A-Za-z][\w-]*", text[m.end():m.end() + 80])]
            obj, src, end = [], [], m.end()
            for w in words:
                if w.start() and re.search(r"[^\sA-Za-z-]", text[m.end():m.end() + w.start()]):
                    break  # punctuation between the words
                lw = w.group().lower()
                if lw == "from" and obj and not src:
                    src.append("")
                    continue
                if lw in _VERB_STOP or len(obj) >= 4 or len(src) >= 3:
                    break
                (src if src else obj).append(w.group())
                end = m.end() + w.end()
            src = [w for w in src if w]
            while len(obj) > 1 and obj[-1].lower() in _LIGHT_NOUNS:
                obj = obj[:-1]
            iri = None
            for k in range(len(obj)):
                name = " ".join([*obj[k:-1], _singular(obj[-1])]) if obj else ""
                cands = [f"{src[0]}-to-{name} {noun}"] if src else []
                iri = next((c for c in map(self._concept, cands + [f"{name} {noun}"]) if c), None)
                if iri:
                    break
            if iri:
                sp = doc.char_span(m.start(), end, alignment_mode="expand")
                if sp is not None and not self._passing(doc, sp):
                    out.append(Span(doc, sp.start, sp.end, label="Task", kb_id=iri))
        for m in _VERB_ZH.finditer(text):
            iri = self._concept(f"{m.group('src')}到{m.group('obj')}生成") or self._concept(f"{m.group('src')}生成{m.group('obj')}")
            if iri:
                sp = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if sp is not None:
                    out.append(Span(doc, sp.start, sp.end, label="Task", kb_id=iri))
        # 生成共情回复 -> 共情回复生成, 识别说话人情绪 -> 说话人情绪识别: the object, whole, before the verb
        for m in _VERB_OBJ_ZH.finditer(text):
            iri = self._concept(m.group("obj") + m.group("verb"))
            if iri:
                sp = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if sp is not None and not self._passing(doc, sp):
                    out.append(Span(doc, sp.start, sp.end, label="Task", kb_id=iri))
        return out

    def _conditioned(self, doc: Doc, tasks: list[Span]) -> list[Span]:
        """A generation task conditioned on another input also names the X-to-Y task of the
        vocabulary: "Video-Guided Text-to-Music Generation" -> video-to-music generation,
        "视频引导的音乐生成" -> 视频到音乐生成. The output Y is read off the task's own labels."""
        out: list[Span] = []
        text = doc_text(doc)
        for sp in tasks:
            before = text[max(0, sp.start_char - 30):sp.start_char]
            m = _CONDITION_EN.search(before) or _CONDITION_ZH.search(before)
            if m is None:
                continue
            src, latin = m.group("src"), bool(re.match(r"[A-Za-z]", m.group("src")))
            cands = []
            for lab in self.vocabulary.concepts[sp.kb_id_].labels:
                if latin and lab.lang in (None, "en"):
                    lm = re.fullmatch(rf"(?:\S+-to-)?(?P<out>[a-z]+) (?P<head>{_TASK_HEADS_EN})", lab.text.lower())
                    if lm:
                        cands.append(f"{src.lower()}-to-{lm.group('out')} {lm.group('head')}")
                elif not latin and lab.lang == "zh":
                    lm = re.fullmatch(rf"(?:\S+到)?(?P<out>[\u4e00-\u9fff]{{2}})(?P<head>{_TASK_HEADS_ZH})", lab.text)
                    if lm:
                        cands.append(f"{src}到{lm.group('out')}{lm.group('head')}")
            iri = next((c for c in map(self._concept, cands) if c and c != sp.kb_id_), None)
            if iri:
                cs = doc.char_span(sp.start_char - len(before) + m.start(), sp.end_char, alignment_mode="expand")
                if cs is not None:
                    out.append(Span(doc, cs.start, cs.end, label="Task", kb_id=iri))
        return out

    def _model_kind(self, doc: Doc) -> list[Span]:
        """"GOAT-SLM: A Spoken Language Model with ...": a paper that presents a model of a kind
        addresses the modelling task of that kind, when the vocabulary has it (spoken language
        modeling)."""
        m = _MODEL_KIND.match(doc_text(doc))
        if m is None:
            return []
        words = m.group("kind").split()
        for k in range(len(words) - 1):
            iri = self._concept(" ".join(words[k:]) + " modeling")
            if iri:
                sp = doc.char_span(m.start("kind"), m.end(), alignment_mode="expand")
                return [Span(doc, sp.start, sp.end, label="Task", kb_id=iri)] if sp is not None else []
        return []

    def _synonym_head(self, phrase: str) -> str | None:
        """The vocabulary task a phrase names with a synonymous head noun: "X Synthesis" for
        "X Generation" and back, British spellings. (Not "classification" for "recognition":
        "Speech Classification" is not speech recognition.)"""
        words = phrase.split()
        for alt in _HEAD_SYNONYMS.get(words[-1].lower(), ()):
            iri = self._concept(" ".join([*words[:-1], alt]))
            if iri:
                return iri
        return None

    def _elliptical(self, phrase: str, title: str) -> bool:
        """A title phrase that is the tail of a vocabulary task whose other words the title also
        has ("... Based on Emotion and Intensity Control": emotion intensity control)."""
        key = norm(phrase)
        words = ModifierText(title)
        return any(words.has(k[:-len(key)]) for k in self.task_key_tails.get(key, ()))

    def _shared_modifier(self, doc: Doc, tasks: list[Span]) -> list[Span]:
        """A modifier written once before coordinated task heads qualifies each of them ("Singing
        Transcription, Alignment, and Refined Style Annotation"; "Speech Recognition, Translation
        and Synthesis"), when the first item is a task of the vocabulary. An item that is a task
        on its own ("..., and Sentiment Analysis") keeps its own name; evaluative words
        ("Refined", "Robust") are dropped. Names the vocabulary lacks become new tasks."""
        out: list[Span] = []
        text = doc_text(doc)
        names = doc.user_data.setdefault("kg_task_names", {})
        broader = doc.user_data.setdefault("kg_task_broader", {})
        for m in _LEFT_COORD.finditer(text):
            pre = m.group("pre").split()
            mod = next((" ".join(pre[k:]) for k in range(len(pre)) if self._concept(" ".join([*pre[k:], m.group("h1")]))), None)
            if not mod or not all(self._domain(w) for w in mod.split()):
                continue
            for it in _ITEM.finditer(m.group("items")):
                words = [w for w in it.group("words").split() if w.lower() not in _GENERIC_QUALIFIERS]
                own = " ".join([*words, it.group("head")])
                if len(words) and self._concept(own) or any(not self._domain(w) for w in words):
                    continue  # a task named whole, or a phrase of another kind
                name = f"{mod} {own}".lower()
                start = m.start("items") + it.start() + len(it.group("words"))
                sp = doc.char_span(start, m.start("items") + it.end(), alignment_mode="expand")
                if sp is None:
                    continue
                iri = self._concept(name)
                span = Span(doc, sp.start, sp.end, label="Task", kb_id=iri or "")
                if not iri:
                    names[(span.start, span.end)] = name
                    broader[(span.start, span.end)] = self._concept(own) if words else None
                out.append(span)
        return out

    def _domain(self, word: str) -> bool:
        parts = [p for p in word.lower().split("-") if p]
        if parts and parts[-1] in _QUALITY_SUFFIX:
            return False  # "Noise-aware", "Text-free", "LLM-based": a property of the method, not a task
        return word.lower() not in _GENERIC_QUALIFIERS and bool(parts) and all(
            p in self.domain_words or p in {"cross", "multi", "non", "self", "to"} for p in parts) \
            and any(p in self.domain_words for p in parts)

    def _title_phrases(self, doc: Doc, known: list[Span]) -> list[Span]:
        """Task names in a title that the vocabulary lacks ("Speech Emotion Reasoning",
        "Sentence Stress Detection"): a run of capitalised words of this field ending in a task
        head noun. A vocabulary task that ends the phrase becomes its skos:broader."""
        out: list[Span] = []
        text = doc_text(doc)
        broader = doc.user_data.setdefault("kg_task_broader", {})
        for m in _TITLE_PHRASE.finditer(text):
            words = m.group("phrase").split()
            start = m.start("phrase")
            while len(words) > 2 and (words[0].lower() in _LEAD_SKIP or (
                    words[0].lower().endswith("ing") and words[0].lower() not in self.domain_words)):
                start += len(words[0]) + 1
                words = words[1:]
            if len(words) < 2 or len(words) > 5:
                continue
            phrase = " ".join(words)
            if self._concept(phrase):
                continue  # the vocabulary matcher has it
            known_as = self._synonym_head(phrase)
            if known_as:  # "Music-to-Dance Synthesis" is music-to-dance generation
                sp = doc.char_span(start, m.end("phrase"), alignment_mode="expand")
                if sp is not None and not any(k.start <= sp.start and k.end >= sp.end for k in known):
                    out.append(Span(doc, sp.start, sp.end, label="Task", kb_id=known_as))
                continue
            if self._elliptical(phrase, text):
                continue  # "Emotion and Intensity Control": a known task written in part, no new one
            # the longest vocabulary task the phrase ends with is its broader task
            parent, k = None, len(words)
            for k in range(1, len(words)):
                parent = self._concept(" ".join(words[k:]))
                if parent:
                    break
            # every word before the head (before the broader task, if any) must be a word of this
            # field's task names: "Speech Emotion Reasoning", "Cross-Speaker Emotion Transfer", but
            # not "Controllable Video-to-Music Generation" or "Hierarchical Motion Modeling"
            qualifiers = words[:k] if parent else words[:-1]
            io = next((w for w in qualifiers if _IO_QUALIFIER.search(w)), None)
            if io is not None:
                # no new task; "Music-Driven Dance Video Generation" / "Music-to-Dance Video Generation"
                # name the known X-to-Y task when the vocabulary has it
                src = re.split(r"-to-|-(?:guided|conditioned|driven|conditional|controlled)$", io, flags=re.I)
                rest = words[words.index(io) + 1:-1]
                cands = [f"{io} {words[-1]}"] if "-to-" in io.lower() else \
                    [f"{src[0]}-to-{w} {words[-1]}" for w in rest]
                iri = next((c for c in map(self._concept, cands) if c), None)
                sp = doc.char_span(start, m.end("phrase"), alignment_mode="expand") if iri else None
                if sp is not None:
                    out.append(Span(doc, sp.start, sp.end, label="Task", kb_id=iri))
                continue  # "Audio-to-Audio Emotion Conversion", "Video-Guided Text-to-Music Generation": the known task
            if not all(self._domain(w) for w in qualifiers):
                continue
            sp = doc.char_span(start, m.end("phrase"), alignment_mode="expand")
            if sp is None or any(k.start <= sp.start and k.end >= sp.end for k in known):
                continue
            if parent is None:  # "Music-to-Dance Video Generation": narrower than the known task inside it
                parent = next((k.kb_id_ for k in known if k.kb_id_ and sp.start <= k.start and k.end <= sp.end), None)
            span = Span(doc, sp.start, sp.end, label="Task", kb_id="")
            broader[(span.start, span.end)] = parent
            out.append(span)
        return out


def _task_label_en(text: str) -> str:
    """English task names are common nouns: lower case, acronyms kept ("Tibetan Spelling Correction")."""
    return " ".join(w if not re.search(r"[a-z]", w.rstrip("s")) or re.search(r"[a-z][A-Z]|[A-Z]{2}", w) else w.lower()
                    for w in text.split())
