"""kg_task_inference: tasks a text names without writing their label whole -> doc.spans["kg_tasks"].

The strategies (registered with @task_strategy, kg.extract.registry) run over one TaskIndex in the
order declared in ORDER; each receives the tasks found so far and returns the ones it adds:

  vocabulary      passing.py        the vocabulary's task matches, less those named in passing
                                    (as a tool: "利用预训练ASR模型"; as labels of data; as a borrowed field)
  coordination    coordination.py   "Emotion and Intent Recognition", "语音情感和意图识别" name two tasks
  verb-phrases    verb_phrases.py   "Generating Music From Text", "从文本生成音乐", "难以生成共情回复"
  conditioned     conditioned.py    "Video-Guided Text-to-Music Generation" -> video-to-music generation
  specialise      specialise.py     情感 + 语音合成 -> emotional text-to-speech; "zero-shot" + TTS
  title-phrases   title_phrases.py  (titles) new task names, synonym heads
  shared-modifier coordination.py   (titles) "Singing Transcription, Alignment, and ... Annotation"
  model-kind      title_phrases.py  (titles) "X: A Spoken Language Model" -> spoken language modeling
  open-tasks      frames.py         tasks stated in a frame (该论文属于X任务, the task of X), kg.extract.open_tasks
  title-topic     title_topic.py    (titles) "Detecting Personal Data in ..." -> personal data detection
  title-conjunct  coordination.py   (titles) "Vehicle Tracking and Collision Prediction": the second task too
  title-subject   subject.py        (titles) "LLM Reinforcement Learning", "Pruning of LLMs" -> LLM pruning
  title-paradigm  title_paradigm.py (titles) "A Framework for Curriculum Learning": a method that also
                                    names a problem, made the title's topic, is the paper's task
  title-last      title_last.py     (titles) "... for Cooperative Docking Between ...": a last resort, kept
                                    only for a paper that states no task

Results go to doc.spans["kg_tasks"] (label "Task", kb_id the concept; "" for a new task, whose name
and broader task are in doc.user_data["kg_task_names"] / ["kg_task_broader"]; a task stated in a
frame has its OpenTask in doc.user_data["kg_task_open"]).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...vocab import Vocabulary
from ..registry import TASK_STRATEGIES, TaskStrategy
from . import conditioned, coordination, frames, passing, specialise, subject, title_last, title_paradigm, title_phrases, title_topic, verb_phrases  # noqa: F401  (registers them)
from .common import is_title
from .index import TaskIndex

ORDER = ("vocabulary", "coordination", "verb-phrases", "conditioned", "specialise",
         "title-phrases", "shared-modifier", "model-kind", "open-tasks", "title-topic", "title-conjunct", "title-subject",
         "title-paradigm", "title-last")
if set(ORDER) != set(TASK_STRATEGIES) or len(ORDER) != len(TASK_STRATEGIES):
    raise RuntimeError(f"kg.extract.tasks.ORDER does not list the registered task strategies: "
                       f"{sorted(set(ORDER) ^ set(TASK_STRATEGIES))}")
STRATEGIES: tuple[TaskStrategy, ...] = tuple(TASK_STRATEGIES[n] for n in ORDER)


@Language.factory("kg_task_inference")
def make_task_inference(nlp: Language, name: str):
    return TaskInference(nlp.get_pipe("kg_vocab_matcher").vocabulary)


class TaskInference:
    """Runs the task strategies in ORDER over one TaskIndex."""

    def __init__(self, vocabulary: Vocabulary):
        self.index = TaskIndex(vocabulary)
        self.vocabulary = vocabulary

    def run(self, doc: Doc, names: tuple[str, ...] | None = None) -> list[Span]:
        """The task spans of the strategies (all, or those named, in ORDER)."""
        title = is_title(doc)
        found: list[Span] = []
        for s in STRATEGIES:
            if (names is None or s.name in names) and (title or not s.title_only):
                found.extend(s.func(self.index, doc, found))
        return found

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["kg_tasks"] = self.run(doc)
        return doc


__all__ = ["ORDER", "STRATEGIES", "TaskIndex", "TaskInference"]
