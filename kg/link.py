"""Link: a paper's Mentions -> Links to vocabulary concepts or to discovered entities.

Resolution rules:
- a mention that matched the vocabulary links to its concept;
- a new name is first looked up in the vocabulary by any label (any type, any case, any
  punctuation), so "Crema-D" or "EMO-DB" found by a rule still lands on the known concept;
- otherwise it becomes a discovered entity whose IRI comes from its type and normalised name,
  so spelling variants (Sync-TVA / SyncTVA) and the same name in two papers are one node;
  consolidation gives a name one type across the corpus, except where papers' own cues type it
  otherwise (the benchmark PRISM of one paper, the method PRISM of others): those are two entities;
- an abbreviation defined in a paper ("Beyond-Semantic Speech (BoSS)") gives the entity its long
  form as an alternative label;
- a broad task the summary names takes the title's modifier of one of its narrower tasks (the
  summary's "emotion recognition" in a paper on "Speech Emotion Reasoning" is speech emotion
  recognition);
- per paper, a task is dropped when a narrower task of it is linked too (skos:broader carries it);
- one link per (paper, entity): its relation is "introduces"/"proposes" when any mention says so,
  its evidence is the best mention (title first, then confidence), its confidence grows with
  the number of independent mentions.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field, replace

import re

from .extract.registry import is_strong, rank as rule_rank
from .extract.open_tasks import task_forming_qualifiers
from .consolidate import CATEGORY_RULE, category_task, en_head as _en_head, zh_head_translations as _zh_head_translations
from .extract.tasks.title_last import RULE as LAST_RULE
from .extract.tasks.title_paradigm import RULE as PARADIGM_RULE
from .model import TYPES, Entity, Link, Mention, Paper, Result
from .vocab import EN_STEM, ModifierText, Vocabulary, entity_iri, norm, rule_words

RELATIONS = {
    ("Task", False): "addressesTask", ("Task", True): "addressesTask",
    ("Dataset", False): "usesDataset", ("Dataset", True): "introducesDataset",
    ("Method", False): "usesMethod", ("Method", True): "proposesMethod",
    ("Metric", False): "reportsMetric", ("Metric", True): "reportsMetric",
}


@dataclass
class Linker:
    vocabulary: Vocabulary
    min_confidence: float = 0.0
    entities: dict[str, Entity] = field(default_factory=dict)
    _by_key: dict[str, str] = field(default_factory=dict)  # normalised name -> discovered IRI (the first)
    _by_type: dict[tuple[str, str], str] = field(default_factory=dict)  # (type, normalised name) -> discovered IRI

    def __post_init__(self) -> None:
        self._labels = self.vocabulary.by_label()

    def entity_for(self, m: Mention, paper: Paper) -> Entity | None:
        if m.concept:
            return self._known(m.concept)
        key = norm(m.text)
        if not key:
            return None
        if _PLURAL_ACRONYM.fullmatch(m.text) and key not in self._labels and m.type in ("Dataset", "Method") \
                and (not m.long_form or m.long_form.rstrip().endswith("s")):
            # "language models (LMs)", "open-source VLMs": a plural acronym names what its singular
            # names (the vocabulary's VLM when the long form, if any, is one of its names), else one
            # new entity named in the singular, whatever the papers' number
            one = [c for c, _ in self._labels.get(norm(m.text[:-1]), []) if c.type == m.type]
            if one and (not m.long_form or any(_same_name(m.long_form, lab.text) for lab in one[0].labels)):
                return self._known(one[0].iri)
            m = replace(m, text=m.text[:-1])
            key = norm(m.text)
        owners = self._labels.get(key)
        if owners and m.long_form and m.type in ("Dataset", "Method") and not any(c.type == m.type for c, _ in owners) \
                and not any(_same_name(m.long_form, lab.text) for c, _ in owners for lab in c.labels):
            owners = None  # "Multiple Object Stitching (MOS)": the paper's own MOS, not the vocabulary's metric MOS
        if owners:
            same = [c for c, _ in owners if c.type == m.type]
            # (a Chinese frame's task named as a vocabulary method is, "属于检索增强生成任务", stays a
            # task: a new one of that name)
            if same or not (m.type == "Task" and (m.rule == "task-frame" and m.long_form and _HAN.search(m.long_form) or m.rule == PARADIGM_RULE)):
                return self._known((same or [owners[0][0]])[0].iri)
        # one entity per name and type: consolidation gave a name one type across the corpus unless
        # papers type it otherwise by their own cues (the benchmark PRISM, the method PRISM), which
        # are different things of one name
        iri = self._by_type.get((m.type, key))
        if iri is None:
            iri = entity_iri(m.type, m.text)
            self._by_type[(m.type, key)] = iri
            self._by_key.setdefault(key, iri)
            if iri not in self.entities:
                self.entities[iri] = Entity(iri, m.type, m.text, [], known=False, first_seen=paper.iri)
        ent = self.entities[iri]
        if m.broader and m.broader not in ent.broader and ent.type in ("Task", "Dataset", "Method"):
            ent.broader.append(m.broader)
        long_form = m.long_form
        if long_form and ent.type == "Task":
            long_form = re.sub(r"\s*(?:任务|tasks?)$", "", long_form, flags=re.I)  # the name, without "…任务"
        if long_form and long_form not in ent.alt_labels and norm(long_form) != key:
            ent.alt_labels.append(long_form)
            lkey = norm(long_form)
            if lkey and lkey not in self._labels:
                self._by_key.setdefault(lkey, iri)
                self._by_type.setdefault((ent.type, lkey), iri)
        return ent

    def _resolve_names(self, mentions: list[Mention]) -> list[Mention]:
        """One name, one surface and one type per paper for the names not in the vocabulary."""
        new = [m for m in mentions if not m.concept]
        if not new:
            return mentions
        # an abbreviation and its long form are one name: the abbreviation
        alias = {norm(m.long_form): m.text for m in new if m.long_form and norm(m.long_form)}
        alias.update((k, v) for k, v in _initials_alias([m.text for m in new]).items() if k not in alias)
        mentions = [replace(m, text=alias[norm(m.text)], long_form=m.text)
                    if not m.concept and norm(m.text) in alias and norm(m.text) not in self._labels else m
                    for m in mentions]
        surfaces: dict[str, str] = {}
        for m in mentions:
            if not m.concept and norm(m.text) not in self._labels:
                surfaces.setdefault(norm(m.text), m.text)
        merged = _merge_key(surfaces)
        canon = {}
        for m in mentions:
            if not m.concept and norm(m.text) not in merged:
                canon.setdefault(norm(m.text), m.text)
        mentions = [replace(m, text=canon[merged[norm(m.text)]], long_form=m.long_form or m.text)
                    if not m.concept and norm(m.text) in merged and merged[norm(m.text)] in canon else m
                    for m in mentions]
        # one type per name: from a head noun if any rule saw one, else the most reliable rule
        types: dict[str, str] = {}
        # (a name the text calls a task, "CapTTS相关任务", is a task)
        for m in sorted((m for m in mentions if not m.concept),
                        key=lambda m: (m.type != "Task" or not m.typed or m.broad, not m.typed, rule_rank(m.rule),
                                       -m.confidence, m.start)):
            types.setdefault(norm(m.text), m.type)
        return [m if m.concept or types.get(norm(m.text), m.type) == m.type
                else replace(m, type=types[norm(m.text)]) for m in mentions]

    def _known(self, iri: str) -> Entity:
        ent = self.entities.get(iri)
        if ent is None:
            c = self.vocabulary.concepts[iri]
            ent = self.entities[iri] = Entity(iri, c.type, c.pref, c.alt_labels, known=True, broader=list(c.broader))
        return ent

    def _acronym_of_other(self, iri: str, groups: dict[str, list[Mention]], ents: dict[str, Entity]) -> bool:
        c = self.vocabulary.concepts[iri]
        acronyms = {norm(lab.text) for lab in c.labels if lab.kind == "acronym"}
        texts = {re.sub(r"s$", "", m.text) if norm(m.text) not in acronyms else m.text for m in groups[iri]}
        if not acronyms or not all(norm(t) in acronyms for t in texts):
            return False
        own = {norm(lab.text) for lab in c.labels}
        names = {n for o, ms in groups.items() if o != iri
                 for n in [ents[o].label, *ents[o].alt_labels, *(m.text for m in ms), *(m.long_form or "" for m in ms)]}
        return any(_spells(t, n) and norm(n) not in own for t in texts for n in names if n)

    def _specialise_by_title(self, paper: Paper, mentions: list[Mention]) -> list[Mention]:
        """A broad task the summary names is the one narrower task whose modifier the title
        gives: in a paper titled "... Speech Emotion Reasoning ...", the summary's 情感识别 is
        speech emotion recognition. With no such modifier, or modifiers of two narrower tasks
        ("Multimodal Speech ..."), the task stays as written."""
        modifiers = self.vocabulary.task_modifiers()
        titles = None
        out = []
        for m in mentions:
            if m.type == "Task" and m.concept and m.field not in ("title", "categories") and m.concept in modifiers:
                if titles is None:
                    titles = ModifierText(" ".join(t for f, _v, t in paper.texts() if f == "title"))
                hits = {n for n, mod, _adj in modifiers[m.concept] if titles.has(mod) and not _quality(mod)}
                if len(hits) == 1:
                    m = replace(m, concept=hits.pop(), rule="task-inference")
            out.append(m)
        return out

    def _one_task_two_names(self, groups: dict[str, list[Mention]], ents: dict[str, Entity]) -> None:
        """One task a paper names twice is one task: a new acronym that spells another task of the
        paper ("MOT" beside multi-object tracking, "FAS" beside face anti-spoofing), and a new
        Chinese task name beside the one English task of the paper's title with the same head
        (数据集蒸馏 / Dataset Distillation; 金融领域大模型评测 / Financial LLM Evaluation), whose
        Chinese name it becomes. Heads: ontology/lexicon/zh/task-head-translations.txt. A
        vocabulary task with Chinese labels is that Chinese name only when the name ends with one
        of them (科学文献信息抽取 is not relation extraction, 关系抽取)."""
        tasks = [i for i, e in ents.items() if e.type == "Task"]
        for iri in tasks:
            e = ents[iri]
            if e.known or not _ACRONYM.fullmatch(e.label) or len(e.label) > 8 or _HAN.search(e.label):
                continue
            if any(_spells(e.label, n) for o in tasks if o != iri and o in ents
                   for n in (ents[o].label, *ents[o].alt_labels)):
                del groups[iri], ents[iri]
        heads = _zh_head_translations()
        tasks = [i for i, e in ents.items() if e.type == "Task"]
        titled = [i for i in tasks if not _HAN.search(ents[i].label) and any(m.field == "title" for m in groups[i])]
        for iri in tasks:
            e = ents[iri]
            if e.known or not _HAN.search(e.label) or _field(e):
                continue  # (a research field the paper is in, "属于机器学习领域", names no task of its title)
            head = next((h for h in heads if e.label.endswith(h)), None)
            if head is None:
                continue
            hits = [o for o in titled if _en_head(ents[o].label) in heads[head] and self._may_be_written(ents[o], e.label)]
            # (the narrower of a title task and the known task it ends with: "Few-Shot Knowledge
            # Graph Completion" beside knowledge graph completion; "unsupervised representation
            # learning" beside representation learning)
            hits = [o for o in hits if not any(o in ents[x].broader for x in hits if x != o)]
            hits = [o for o in hits if not any(q != o and ents[q].label.lower().endswith(" " + ents[o].label.lower())
                                               for q in hits)]
            if len(hits) != 1:
                continue
            o = hits[0]
            if not ents[o].known and e.label not in ents[o].alt_labels:
                ents[o].alt_labels.append(e.label)
            groups[o].extend(groups.pop(iri))
            del ents[iri]
        # a new task named by an acronym whose Chinese long form ends with a new Chinese task of the
        # paper ("该论文属于医学视觉问答（MedVQA）任务" -> MedVQA, long form …医学视觉问答) is that task
        zh_tasks = [i for i, e in ents.items() if e.type == "Task" and not e.known]
        for iri in [i for i, e in ents.items() if e.type == "Task"]:
            e = ents[iri]
            if e.known or not _ACRONYM.fullmatch(e.label) or len(e.label) > 8:
                continue
            hits = [o for o in zh_tasks if o != iri and o in ents
                    and any(_HAN.search(a) and len(n) >= 2 and _HAN.search(n)
                            and (a.endswith(n) or len(a) >= 3 and n.endswith(a))  # (通用语音修复（GSR）: long form 语音修复)
                            for a in e.alt_labels for n in (ents[o].label, *ents[o].alt_labels))]
            if len(hits) == 1:
                o = hits[0]
                if e.label not in ents[o].alt_labels:
                    ents[o].alt_labels.append(e.label)
                groups[o].extend(groups.pop(iri))
                del ents[iri]

    @staticmethod
    def _loosely_named(label: str, ents: dict[str, Entity], groups: dict[str, list[Mention]]) -> bool:
        """A new task is a vocabulary task of the paper named loosely when they share a content word
        and their heads are one noun or two of the recognition kind (ontology/lexicon/en/
        loose-task-heads.txt): "Categorized Emotion Prediction" beside speech emotion recognition,
        not "Voice Adaptation" beside voice cloning."""
        head, words = _en_head(label), _content_words(label)
        loose = _loose_heads()
        for iri, e in ents.items():
            if e.type != "Task" or not e.known:
                continue
            verb_only = all(m.rule == "task-inference" and m.field != "title" for m in groups[iri])
            for lab in (e.label, *e.alt_labels):
                other = _en_head(lab)
                if verb_only and other != head:
                    continue
                if words & _content_words(lab) and (other == head or other in loose and head in loose):
                    return True
        return False

    @staticmethod
    def _inside_chinese_names(groups: dict[str, list[Mention]], ents: dict[str, Entity]) -> list[str]:
        """The vocabulary tasks of a paper whose every mention is written inside (and is shorter
        than) the name of a new task a Chinese frame states ("该论文属于AI生成图像检测任务" -> 生成图像),
        and not in its title nor stated in a frame themselves: a part of that name."""
        names = [n for iri, ms in groups.items() if ents[iri].type == "Task" and not ents[iri].known for m in ms
                 if m.rule == "task-frame" for n in (m.long_form or m.text,) if _HAN.search(n)]
        if not names:
            return []
        return [iri for iri, ms in groups.items() if ents[iri].type == "Task" and ents[iri].known
                and all(m.field != "title" and m.rule != "task-frame"
                        and any(m.text in n and len(m.text) < len(n) for n in names) for m in ms)]

    @staticmethod
    def _glossed_title_task(groups: dict[str, list[Mention]], ents: dict[str, Entity]) -> None:
        """A new task named by the English gloss of a Chinese frame ("差分隐私文本改写（DP text
        rewriting）任务") and a new task of the title written out in full ("Differentially Private
        Text Rewriting") are one task when each word of the gloss is a word of the title's name or
        an acronym of its words: the title's name, with the gloss and the Chinese name as other labels."""
        tasks = [i for i, e in ents.items() if e.type == "Task" and not e.known]
        titled = [i for i in tasks if not _HAN.search(ents[i].label) and any(m.field == "title" for m in groups[i])]
        for iri in tasks:
            e = ents[iri]
            if iri in titled or _HAN.search(e.label) or not any(_HAN.search(a) for a in e.alt_labels):
                continue
            words = e.label.lower().split()
            hits = [o for o in titled if o in ents and _en_head(ents[o].label) == _en_head(e.label)
                    and _gloss_of(words, ents[o].label.lower().replace("-", " ").split())]
            if len(hits) != 1:
                continue
            o = hits[0]
            for lab in (e.label, *e.alt_labels):
                if lab not in ents[o].alt_labels and lab != ents[o].label:
                    ents[o].alt_labels.append(lab)
            groups[o].extend(groups.pop(iri))
            del ents[iri]

    def _may_be_written(self, ent: Entity, zh: str) -> bool:
        """A Chinese task name may name this task: it is not a known task, or the known task has no
        Chinese label, or the name ends with one or holds its modifier (自动歌词转写 / 歌词转录)."""
        if not ent.known:
            return True
        c = self.vocabulary.concepts.get(ent.iri)
        labels = [lab.text for lab in c.labels if lab.lang == "zh"] if c is not None else []
        heads = _zh_head_translations()

        def modifier(name: str) -> str:
            head = next((h for h in heads if name.endswith(h)), "")
            return name[:len(name) - len(head)]
        return not labels or any(zh.endswith(lab) or modifier(lab) and modifier(lab) in modifier(zh) for lab in labels)

    def link(self, paper: Paper, mentions: list[Mention], _last: list[Mention] | None = None) -> list[Link]:
        if _last is None:  # a last-resort title task (kg.extract.tasks.title_last) waits for the others
            _last = [m for m in mentions if m.rule == LAST_RULE]
            if _last:
                mentions = [m for m in mentions if m.rule != LAST_RULE]
        given = mentions
        mentions = self._specialise_by_title(paper, self._resolve_names(mentions))
        groups: dict[str, list[Mention]] = defaultdict(list)
        ents: dict[str, Entity] = {}
        for m in mentions:
            ent = self.entity_for(m, paper)
            if ent is None:
                continue
            groups[ent.iri].append(m)
            ents[ent.iri] = ent
        # a task named only by an acronym that spells another name of the paper ("TSE" beside
        # "Text-Based Speech Editing" is not target speech extraction)
        for iri in [i for i, e in ents.items() if e.type == "Task" and e.known]:
            if self._acronym_of_other(iri, groups, ents):
                del groups[iri], ents[iri]
        # a method the title makes its topic ("A Framework for Curriculum Learning") is the paper's
        # task, not a method it uses
        topics = {norm(m.text) for ms in groups.values() for m in ms if m.rule == PARADIGM_RULE}
        for iri in [i for i, e in ents.items() if e.type == "Method" and e.known and norm(e.label) in topics]:
            del groups[iri], ents[iri]
        # one task, two names: a new task stated in a frame ("… for Categorized Emotion Prediction")
        # that shares a content word with a vocabulary task of the paper without being narrower
        # than it is that task named loosely
        # ... unless the vocabulary task is written inside the stated Chinese name, a part of it
        # ("AI生成图像检测" holds 生成图像): then the vocabulary task is no task of the paper
        inside = self._inside_chinese_names(groups, ents)
        for iri in inside:
            del groups[iri], ents[iri]
        # (a vocabulary task read only from a verb of the summary, "We detect vehicles", names in
        # short only a task of its own head noun: not the title's "Vehicle Tracking")
        known_words: dict[str | None, set[str]] = defaultdict(set)
        for iri, e in ents.items():
            if e.type == "Task" and e.known:
                verb_only = all(m.rule == "task-inference" and m.field != "title" for m in groups[iri])
                for lab in (e.label, *e.alt_labels):
                    known_words[lab.split()[-1].lower() if verb_only else None].update(_content_words(lab))
        for iri in [i for i, e in ents.items() if e.type == "Task" and not e.known and not e.broader]:
            if all(m.rule in ("task-frame", "task-title") for m in groups[iri]) \
                    and _content_words(ents[iri].label) & (known_words[None] | known_words[ents[iri].label.split()[-1].lower()]) \
                    and ents[iri].label.split()[0].lower() not in task_forming_qualifiers():
                # (not one a task-forming qualifier opens: "AI-Generated Image Detection" beside
                # image classification is a task of its own)
                # the vocabulary task it names in short takes its mentions, and with them the
                # title's standing
                # (the one whose name holds every word of it: "... for Semantic Scene Completion"
                # is 3D semantic scene completion)
                words = _words(ents[iri].label)
                near = sorted(i for i, e in ents.items() if e.type == "Task" and e.known
                              and any(words < _words(lab) for lab in (e.label, *e.alt_labels)))
                if near:
                    groups[near[0]].extend(groups[iri])
                    del groups[iri], ents[iri]
                elif self._loosely_named(ents[iri].label, ents, groups):
                    del groups[iri], ents[iri]
        self._one_task_two_names(groups, ents)
        self._glossed_title_task(groups, ents)
        tasks = {iri for iri, e in ents.items() if e.type == "Task"}
        # a research field ("属于自然语言处理任务", "computer vision") is the paper's area, not its task,
        # when the paper states a more specific one
        # ... and so is a task of the imported, all-of-AI vocabulary ("question answering", "style
        # transfer") that only the summary's running text names, beside tasks the paper states
        # (an imported task beside a task of the curated vocabulary is secondary wherever it is
        # named: the curated vocabulary is the field's own, "Instruction Following in Text-to-Speech")
        # ... unless the imported one is the title's and no curated one is ("Distant Speech
        # Recognition Benchmarks" beside the summary's speaker diarization)
        curated = [i for i, e in ents.items() if e.type == "Task" and e.known and self.vocabulary.concepts[i].curated]
        curated_title = any(m.field == "title" for i in curated for m in groups[i])
        broad = {iri for iri, ms in groups.items() if ents[iri].type == "Task"
                 and (all(m.broad for m in ms) or _field(ents[iri])
                      or ents[iri].known and not self.vocabulary.concepts[iri].curated
                      and (curated and (curated_title or all(m.field != "title" for m in ms))
                           or all(m.field != "title" and m.rule not in ("task-frame", "task-title") for m in ms)))}
        # most specific task only; a broad task only the summary names beside a specific one
        # leaves its broader task alone ("Training-Free Voice Conversion" ... "particularly for
        # cross-lingual voice conversion", a weak cue: voice conversion stays)

        def ancestors_of(ts) -> set[str]:
            out = set()
            for t in ts:
                e = ents[t]
                up = self.vocabulary.ancestors(t) if e.known else \
                    [b for p in e.broader for b in [p, *self.vocabulary.ancestors(p)]]
                out.update(a for a in up if a in tasks)
            return out
        # a broad task the title names that is narrower than a specific one of the paper replaces
        # it and is specific itself ("Logical Anomaly Detection with ..."; the title's imported
        # "Distant ... Speech Recognition" beside the curated automatic speech recognition and
        # speaker diarization), unless the title names a specific task of its own; a broad task that
        # goes beside a specific one takes no task with it
        titled = {t for t in tasks if any(m.field == "title" for m in groups[t])}
        broad -= {t for t in broad & titled if ancestors_of([t]) - broad
                  and not titled - broad - ancestors_of([t])}
        drop = ancestors_of(t for t in tasks if t not in broad)
        if any(iri not in broad and iri not in drop for iri in tasks):
            drop.update(broad)
        else:  # every task is broad: the most specific ones stay, and not a research field the title
            # names as its means beside another task ("Deep Learning for Classification of ...")
            drop = ancestors_of(tasks)
            if any(not _field(ents[t]) for t in tasks if t not in drop):
                # ... nor one only the summary states as the paper's area ("该论文属于自然语言处理任务"
                # beside the title's "Mitigating Hallucinations in LLMs")
                drop.update(t for t in tasks if _field(ents[t]) and (
                    _as_means(groups[t]) or all(m.field != "title" for m in groups[t])))
        # a research field the summary's running text names once ("teams built deep learning
        # models") is no task of the paper even when it states none: a frame, the title or a
        # summary that keeps coming back to it ("urban autonomous driving ... autonomous driving
        # architecture") makes it the paper's area
        drop.update(t for t in tasks if _field(ents[t]) and len({m.start for m in groups[t]}) < 2 and all(
            m.field != "title" and m.rule in ("vocabulary", "task-inference") for m in groups[t]))
        title_tasks = any(m.field == "title" for iri, ms in groups.items() if ents[iri].type == "Task"
                          and iri not in drop for m in ms)
        if title_tasks:  # "speech synthesis and voice cloning systems generate fakes" in a deepfake paper
            drop.update(iri for iri, ms in groups.items() if ents[iri].type == "Task"
                        and all(m.field != "title" and m.as_system for m in ms))
        links: list[Link] = []
        for iri, ms in groups.items():
            if iri in drop:
                continue
            ent = ents[iri]
            best = min(ms, key=lambda m: (m.field != "title", -m.confidence, rule_rank(m.rule), m.start))
            # a known generic technique ("self-supervised learning", "weighted cross-entropy") is never
            # what a paper proposes: "提出半监督学习方法" proposes an unnamed method of that kind
            novel = ent.type in ("Dataset", "Method") and _is_novel(ms) and not (ent.known and _generic(ent.label))
            independent = len({(m.field, m.start) for m in ms})
            conf = round(min(0.99, max(m.confidence for m in ms) + 0.03 * (independent - 1)), 2)
            if ent.type == "Task" and title_tasks and all(m.field != "title" for m in ms):
                conf = min(conf, 0.6)  # a task only the summary names, beside the title's own: secondary
            if conf < self.min_confidence:
                continue
            nov_m = next((m for m in sorted(ms, key=lambda m: (rule_rank(m.rule), m.start)) if m.novel), None)
            ev = nov_m if novel and nov_m is not None and best.field != "title" else best
            links.append(Link(paper.iri, iri, ent.type, RELATIONS[(ent.type, novel)], novel, ev.sentence, ev.text,
                              ev.field, ev.version, ev.rule, conf))
        if not any(lk.type == "Task" for lk in links) and _last:
            # no task stated, none kept: the title's activity phrase, before the arXiv category's field
            return self.link(paper, [*given, *_last], _last=[])
        if not any(lk.type == "Task" for lk in links) and not any(m.rule == CATEGORY_RULE for m in mentions):
            # every task the texts state was dropped here (a Chinese name holding it, an acronym of
            # another name, a method's name): the paper still has the field of its arXiv category, as
            # when its texts state none (consolidation decided that before linking)
            fallback = category_task(paper, self.vocabulary)
            if fallback is not None:
                return self.link(paper, [*mentions, fallback], _last=[])
        links.sort(key=lambda lk: (TYPES.index(lk.type), lk.entity))
        for lk in links:
            self.entities[lk.entity].papers += 1
        return links


_QUALITIES = {k for w in rule_words("generic-qualifiers.txt") for k in (norm(w), EN_STEM.sub("", norm(w)))}


def _quality(mod: str) -> bool:
    """A modifier that is a quality ("expressive", "emotional", "zero-shot"), not a modality or a
    domain ("speech", "text"), by the list in ontology/rules/generic-qualifiers.txt."""
    return mod in _QUALITIES


def _spells(acronym: str, name: str) -> bool:
    """The acronym's letters are the initials of the name's words, in order (one word may be
    skipped: "TSE" - "Text-Based Speech Editing")."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if len(words) < 2 or not all(re.match(r"[A-Za-z]", w) for w in words):
        return False
    initials = "".join(w[0].lower() for w in words)
    acr = acronym.lower()
    if len(initials) > len(acr) + 1 or initials[0] != acr[0]:
        return False
    it = iter(initials)
    return all(ch in it for ch in acr)


_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*")


def _initials_alias(names: list[str]) -> dict[str, str]:
    """Within one paper: a multi-word name whose initials spell an acronym found there is that
    acronym, even without a parenthesis ("Open Screen Sound Library" ... "OSSL")."""
    acronyms = {}
    for n in names:
        if _ACRONYM.fullmatch(n) and len(n) <= 10 and sum(c.isupper() for c in n) >= 2:
            acronyms.setdefault(re.sub(r"s$", "", n).lower(), n)
    out = {}
    for n in names:
        words = [w for w in re.split(r"[\s\-]+", n) if w]
        if len(words) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in words):
            short = acronyms.get("".join(w[0] for w in words).lower())
            if short:
                out[norm(n)] = short
    return out


def _merge_key(surfaces: dict[str, str]) -> dict[str, str]:
    """Within one paper (normalised name -> a surface form): a name whose last words are another
    name found there is that name ("Inworld TTS-1" -> "TTS-1", but "HuMP-CAT" is not "CAT"), and
    so is a name with a footnote digit ("ChildGuard1"); a corpus's short name is its full name
    ("Androids" -> "Androids Corpus")."""
    out = {}
    keys = sorted(surfaces)
    for k in keys:  # "Androids" beside "Androids Corpus": the corpus's full name
        words = surfaces[k].split()
        if len(words) > 1 and words[-1].lower() in ("corpus", "dataset", "database", "benchmark") \
                and norm(" ".join(words[:-1])) in surfaces:
            out[norm(" ".join(words[:-1]))] = k
    for k in keys:
        if k in out:
            continue
        words = surfaces[k].split()
        tails = {norm(" ".join(words[i:])) for i in range(1, len(words))}
        best = max((o for o in keys if o != k and len(o) >= 3 and (o in tails or (
            k.startswith(o) and len(k) == len(o) + 1 and k[-1].isdigit()))), key=len, default=None)
        if best:
            out[k] = best
    return out


def _generic(label: str) -> bool:
    """A common noun phrase, not a name: no capital letter and no digit."""
    return not re.search(r"[A-Z0-9]", label)


def _is_novel(ms: list[Mention]) -> bool:
    """Introduced/proposed when a strong rule says so; a title name counts only if not merely used."""
    votes = [m for m in ms if m.novel]
    if not votes:
        return False
    strong = [m for m in votes if is_strong(m.rule)]
    return bool(strong) or len(votes) >= len(ms) / 2


_NUM = r"(?P<value>[+-]?\d+(?:\.\d+)?)\s*(?P<unit>%|％|pp|dB|ms)?"
_NOT_A_RESULT = re.compile(r"^\s*(?:[BMKk]\b|万|亿|小时|个|种|名|位|条|秒|hours?|h\b|speakers?|samples?|languages?|kHz|Hz|年|月|倍|x\b|×)")


_CHANGE = re.compile(r"提升|提高|降低|下降|减少|改善|增加|增长|领先|超过|超出|相对|improv|gain|reduc|increas|decreas|"
                     r"lower|higher|boost|outperform|surpass|\bby\b|\+|relative", re.I)


def find_results(paper: Paper, mentions: list[Mention], links: list[Link]) -> list[Result]:
    """Results stated in a sentence: a metric next to a number, on the nearest dataset named before it.

    "宏观F1 41.01%", "accuracy of 97.83%", "RAVDESS 97.83%（准确率）"; a change ("EER下降19.29%",
    "准确率提升4.0%", "improves UAR by 3%") is no score.
    """
    linked = {lk.entity for lk in links}
    by_sentence: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.type in ("Metric", "Dataset"):
            by_sentence[(m.field, m.sentence)].append(m)
    out: list[Result] = []
    seen = set()
    for (fld, sent), ms in by_sentence.items():
        metrics = [m for m in ms if m.type == "Metric"]
        datasets = [m for m in ms if m.type == "Dataset"]
        if not metrics:
            continue
        for m in metrics:
            m_iri = _entity_of(m, links)
            if m_iri is None or m_iri not in linked:
                continue
            pos = sent.find(m.text)
            if pos < 0:
                continue
            after = sent[pos + len(m.text):]
            hit = re.match(rf"[^\d。；;,，()（）]{{0,12}}?{_NUM}", after)
            vpos = pos + len(m.text) + (hit.start("value") if hit else 0)
            if hit is None or _NOT_A_RESULT.match(after[hit.end():]):
                before = sent[:pos]
                hit = re.search(rf"{_NUM}\s*(?:以上)?\s*(?:的)?\s*$", before)
                vpos = hit.start("value") if hit else -1
                if hit is None:
                    continue
            lead = (after[:hit.start("value")] if vpos > pos
                    else re.split(r"[，,。；;：:]", sent[max(0, vpos - 12):vpos])[-1])
            if _CHANGE.search(lead):
                continue  # "准确率提升4.0%", "EER下降19.29%", "improves accuracy by 3%": a change, not a score
            value = float(hit.group("value"))
            unit = (hit.group("unit") or "").replace("％", "%")
            ds = None
            prior = [d for d in datasets if 0 <= sent.find(d.text) < vpos]
            if prior:
                ds = _entity_of(max(prior, key=lambda d: sent.find(d.text)), links)
            key = (m_iri, ds, value)
            if key in seen:
                continue
            seen.add(key)
            out.append(Result(paper.iri, m_iri, value, unit, sent.strip(), ds))
    return out


def _entity_of(m: Mention, links: list[Link]) -> str | None:
    if m.concept:
        return m.concept
    k = norm(m.text)
    return next((lk.entity for lk in links if lk.type == m.type and norm(lk.matched) == k), None)


@functools.lru_cache(maxsize=1)
def _fields() -> frozenset[str]:
    from .extract.lexicon import lexicon
    return frozenset(norm(w) for lang in ("en", "zh") for w in lexicon().words(lang, "fields"))


def _field(ent: Entity) -> bool:
    """A research field rather than a task: its label or any alternative label is one (lexicon/*/fields.txt)."""
    return any(norm(x) in _fields() for x in (ent.label, *ent.alt_labels))


_MEANS_AFTER = re.compile(r"-(?:driven|based|powered|enabled|assisted|aided)\b|\s+for\b", re.I)


def _as_means(ms: list[Mention]) -> bool:
    """A title names the task of these mentions as its means: "Deep Learning for Classification of
    ...", "A Deep Learning-Driven Autonomous System for ..."."""
    for m in ms:
        i = m.sentence.find(m.text) if m.field == "title" else -1
        if i >= 0 and _MEANS_AFTER.match(m.sentence, i + len(m.text)):
            return True
    return False


_HAN = re.compile(r"[\u3400-\u9fff]")


def _gloss_of(gloss: list[str], name: list[str]) -> bool:
    """Each word of the gloss is, in order, a word of the name or an acronym of consecutive words
    of it ("dp text rewriting" / "differentially private text rewriting")."""
    i = 0
    for w in gloss:
        w = w.replace("-", "")
        if i < len(name) and name[i].replace("-", "") == w:
            i += 1
            continue
        if len(w) >= 2 and "".join(x[0] for x in name[i:i + len(w)]) == w:
            i += len(w)
            continue
        return False
    return i == len(name)


@functools.lru_cache(maxsize=1)
def _loose_heads() -> frozenset[str]:
    from .extract.lexicon import lexicon
    return frozenset(w.lower() for w in lexicon().words("en", "loose-task-heads"))


_TASK_HEAD_WORDS = frozenset({"recognition", "detection", "prediction", "classification", "estimation", "generation",
                              "analysis", "understanding", "task", "modeling", "modelling", "learning"})


def _words(label: str) -> set[str]:
    return set(re.split(r"[^a-z0-9]+", label.lower())) - {""}


def _content_words(label: str) -> set[str]:
    """The words of a task name that say what it is about (no head nouns, no short words)."""
    return {w for w in re.split(r"[^a-z0-9]+", label.lower()) if len(w) > 3 and w not in _TASK_HEAD_WORDS}


_PLURAL_ACRONYM = re.compile(r"(?![A-Za-z0-9-]*OPs$)[A-Z][A-Za-z0-9-]*[A-Z0-9]s")  # (not FLOPs: its s is its own)


def _same_name(a: str, b: str) -> bool:
    """Two spellings of one name, up to case, punctuation and a plural ending."""
    ka, kb = norm(a), norm(b)
    return ka == kb or ka.rstrip("s") == kb.rstrip("s")
