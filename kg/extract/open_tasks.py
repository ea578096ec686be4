"""Open-vocabulary tasks: task names a text states in a frame, whether or not the vocabulary has them.

Digests say what a paper is about in a few fixed frames: `该论文属于X任务`, `针对X任务`,
`the task of X`, `X task`, `we address X`, a title's `... for X`. The frames and the words that
end a task name are data (ontology/lexicon/{zh,en}/open-task-*.txt, zh/task-heads.txt,
zh/fields.txt, zh/not-task-names.txt); this module only reads them and finds, in a plain
string, the task names with their offsets. Pure functions: the spaCy component that turns them
into task spans is kg.extract.tasks.TaskInference.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..vocab import norm, rule_words
from .lexicon import LexiconError, lexicon

_HAN = "\u3400-\u9fff"
# characters a Chinese task name may contain: Han, Latin letters and digits, and the joiners of
# names such as "视觉-语言导航", "3D重建", "6D位姿估计"
_ZH_NAME = rf"[{_HAN}A-Za-z0-9\-·/]"
# ... and what a frame's X may run over before the name's last 的 ("大语言模型（LLMs）的工具调用")
_ZH_X = rf"[{_HAN}A-Za-z0-9\-·/（）()\ue000]"
# an English gloss written after a Chinese name: "越狱攻击（jailbreak attack）", "惯性里程计（inertial
# odometry，IO）" (a phrase of several words or a long one; one word alone is read as an acronym), or
# another Chinese name of it ("视觉SLAM（同步定位与建图）");
# find_zh reads the text with each gloss as one placeholder character, _GLOSS_MARK
_GLOSS = re.compile(r"[（(]\s*(?P<gloss>[A-Za-z][A-Za-z0-9'’/&+.\-]*(?:\s+[A-Za-z0-9][A-Za-z0-9'’/&+.\-]*){1,7}"
                    r"|[A-Za-z][A-Za-z0-9'’/&+.\-]{16,40}"
                    rf"|(?![如即含包例指简])[{_HAN}]{{2,10}})"  # (a Chinese other name: "人格塑造（角色训练）")
                    r"(?:\s*[，,;；]\s*(?P<acr>[A-Za-z][A-Za-z0-9\-]{1,15}))?\s*[）)]")
_GLOSS_MARK = "\ue000"
_ACRONYM = re.compile(r"\s*[（(]\s*([A-Za-z][A-Za-z0-9\-]{1,15})\s*[）)]\s*")
_ZH_LEAD = re.compile(r"^(?:[了着在将把为从]|对(?![话比抗齐象称偶])|该论文|本文|论文(?=的|中)|该研究|该工作|本研究|一种|一个|一类|一项|这一|这类|此类|复杂的?|多种|各种|典型的?|经典的?|具有挑战性的|具挑战性的|新兴的?|关键的?|重要的?|基于[^的]{1,12}的)")
_ZH_NAME_END = re.compile(rf"[{_HAN}A-Za-z0-9]$")
_ZH_SPLIT = re.compile(r"[与和及、]|以及")
_TRAILING_ACRONYM = re.compile(r"[（(]\s*([A-Za-z][A-Za-z0-9\-]{1,15})\s*[）)]$")


@dataclass(frozen=True)
class OpenTask:
    """A task name stated in a frame: offsets in the text, the name as written, and how it was found."""

    start: int
    end: int
    label: str
    rule: str  # "task-frame" (Chinese or English frame) or "task-title" (a title's "for X")
    confidence: float
    field: bool = False  # a research field ("自然语言处理"): a broad task, kept only when the paper states no other
    fallback: bool = False  # found by a weak cue ("解决X问题", "for X" in running text): kept only when the paper states no other
    acronym: str | None = None  # "视觉语言导航（VLN）任务": the acronym given with it
    part: bool = False  # one of coordinated names ("偏见检测与缓解" -> 偏见检测, 缓解)
    gloss: str | None = None  # "越狱攻击（jailbreak attack）任务": the English name given with it
    written: str | None = None  # the name as written, when a model kind it opens with is cut off (大语言模型安全评测)
    context: bool = False  # the task a stated task is set in ("多跳问答中的检索增强生成任务" -> 多跳问答)
    known_only: bool = False  # a task only when the vocabulary has the name ("灵巧操作的视触觉策略学习" -> 灵巧操作)


def _pattern_lines(path) -> list[str]:
    """The patterns of a frames file (the Lexicon holds literal words only): one per line, # comments."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon file missing (kg.extract needs it)") from None
    return [line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()]


@functools.lru_cache(maxsize=None)
def _zh() -> tuple:
    lex = lexicon()
    frames: dict[tuple[str, str], tuple[float, str]] = {}
    for line in lex.words("zh", "open-task-frames"):
        left, right, conf, kind = line.split("\t")
        frames[(left, right)] = (float(conf), kind)
    # a LEFT written "^面向" opens a sentence only ("面向量化交易，本文……"): its frame is looked up
    # under "^" + LEFT when the match opens the text or follows a sentence end
    lefts = sorted({lf.lstrip("^") for lf, _ in frames}, key=len, reverse=True)
    rights = sorted({r for _, r in frames}, key=len, reverse=True)
    right_alt = "|".join(map(re.escape, (r for r in rights if r)))
    # a frame whose RIGHT is empty ends at the end of the clause
    # (研究 of 研究生/研究者/研究员/研究所/研究院 is a noun's first half: "研究生级任务" states no task)
    rx = re.compile(rf"(?P<left>{'|'.join(map(re.escape, lefts))})(?!(?<=研究)[生者员所院])(?P<x>{_ZH_X}{{2,30}}?)"
                    rf"(?P<acr>{_ACRONYM.pattern})?(?P<right>{right_alt}|(?=[，,。；;：:！？\n]|$))")
    # the same frame ending at a later RIGHT of the clause ("属于多机器人任务与运动规划任务"): what
    # follows a first RIGHT up to the next one
    ext = re.compile(rf"(?P<x>{_ZH_X}{{1,28}}?)(?P<acr>{_ACRONYM.pattern})?(?P<right>{right_alt})")
    heads = tuple(sorted(lex.words("zh", "task-heads"), key=len, reverse=True))
    kind_words = lex.words("zh", "model-kind-endings")
    not_names = frozenset(norm(w) for w in lex.words("zh", "not-task-names"))
    fields = frozenset(norm(w) for w in lex.words("zh", "fields"))
    return rx, frames, heads, not_names, fields, kind_words, ext


# what makes a task an X-based one in Chinese: "基于X的" and "X驱动的/引导的" before a task name
# (kg.extract.tasks.frames keeps it when X is no method: 基于骨架的动作识别, not 基于Transformer的)
_BASED = r"(?:基于(?P<x>[\u3400-\u9fff]{1,6})|(?P<y>[\u3400-\u9fff]{1,4})(?:驱动|引导))的"
ZH_BASED_ON = re.compile(_BASED + "$")  # right before a task name
ZH_BASED_LEAD = re.compile(_BASED)  # opening the words before a known task inside a name


def _clean_zh(x: str) -> tuple[str, int]:
    """The task name inside a frame's X, and its offset in X: lead words off, the part after the
    last 的 ("医学影像中的病灶分割" -> "病灶分割")."""
    off = 0
    for sep in ("中的", "的"):
        i = x.rfind(sep)
        if i >= 0 and len(x) - i - len(sep) >= 2:
            off += i + len(sep)
            x = x[i + len(sep):]
            break
    i = x.rfind("在")
    if 0 <= i and len(x) - i - 1 >= 2:  # "语音模型在复杂情感识别": what comes after 在
        off += i + 1
        x = x[i + 1:]
    qualities = _zh_qualities()
    while True:
        m, keep = _ZH_LEAD.match(x), 2
        if m is None:  # (a quality before a two-character name is part of it: 高效推理, 鲁棒微调)
            m, keep = qualities.match(x), 3
        if not m or len(x) - m.end() < keep:
            break
        off += m.end()
        x = x[m.end():]
    return x, off


@functools.lru_cache(maxsize=None)
def _zh_qualities() -> re.Pattern:
    """Qualities that open a task name and are no part of it (zh/task-lead-qualities.txt: 鲁棒, 高效)."""
    words = sorted(lexicon().words("zh", "task-lead-qualities"), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))})的?")


def _zh_ok(name: str, strong: bool) -> bool:
    _rx, _frames, heads, not_names, _fields, kind_words, _ext = _zh()
    if len(name) < 2 or len(name) > 18 or norm(name) in not_names:
        return False
    if any(name.endswith(k) for k in kind_words):
        return False  # "视觉-语言模型": a kind of model, not a task
    if name.endswith(lexicon().words("zh", "not-task-name-endings")) or name.endswith("的"):
        return False  # "…微调后跨(任务)", "执行复杂(任务)": 任务 of a compound or after a quality; "…能力的(任务)"
    if re.search(r"提出|通过|利用(?!$)|使用|采用|实现|构建|设计(?!$)|包括|以及|进行|是否|如何|不|难|了|提升|提高|[，,。；;：:（）()]", name):
        # (设计 ending the name is the noun: "智能硬件设计任务")
        return False
    if not re.search(rf"[{_HAN}]", name):
        return False
    return strong or name.endswith(heads)


def _zh_candidates(text: str, m: re.Match) -> list[tuple[int, int, str, str | None]]:
    """The X a frame match may end with: at its first RIGHT, and at each later RIGHT of the same
    name-like run ("属于具身智能中的任务歧义检测任务", "属于金融领域大模型评测任务"): (start, end of X,
    RIGHT, acronym given before RIGHT)."""
    _rx, _frames, _heads, _not, _fields, _kinds, ext = _zh()
    acr = m.group("acr")
    out = [(m.start("x"), m.end("x"), m.group("right"), _ACRONYM.match(acr).group(1) if acr else None)]
    pos = m.end()
    while m.group("right") and pos < len(text):
        e = ext.match(text, pos)
        if e is None or e.end("x") - m.start("x") > 32:
            break
        a = e.group("acr")
        out.append((m.start("x"), e.end("x"), e.group("right"), _ACRONYM.match(a).group(1) if a else None))
        pos = e.end()
    return out


def _zh_good(x: str, kind: str, heads: tuple[str, ...]) -> bool:
    """An X that is a whole task name: not a modifier ending in 的/中 ("具身智能中的"), not a field
    frame's X when a task frame follows, and ending with a task head word."""
    return kind == "task" and not x.endswith(("的", "中", "之")) and x.endswith(heads)


def _compress_glosses(text: str) -> tuple[str, list[int], dict[int, tuple[str, str | None]]]:
    """The text with each English gloss ("（jailbreak attack）") as one _GLOSS_MARK, the original
    offset of each of its characters (and of its end), and each mark's gloss and acronym."""
    out, orig, glosses, pos = [], [], {}, 0
    for m in _GLOSS.finditer(text):
        out.append(text[pos:m.start()])
        orig.extend(range(pos, m.start()))
        glosses[len(orig)] = (re.sub(r"\s+", " ", m.group("gloss")).strip(), m.group("acr"))
        out.append(_GLOSS_MARK)
        orig.append(m.start())
        pos = m.end()
    out.append(text[pos:])
    orig.extend(range(pos, len(text) + 1))
    return "".join(out), orig, glosses


@functools.lru_cache(maxsize=None)
def _zh_subjects() -> tuple[str, ...]:
    """What a task name may open with that is the kind of model studied, no part of the task
    (zh/task-subjects.txt: 大语言模型越狱攻击 -> 越狱攻击), longest first."""
    return tuple(sorted(lexicon().words("zh", "task-subjects"), key=len, reverse=True))


def _strip_subject(name: str, heads: tuple[str, ...]) -> tuple[str, int]:
    """The name without the model kind it opens with ("大语言模型（LLM）语言适配" -> 语言适配), and the
    offset of what is left; the name as written when what is left is a bare head word
    ("大语言模型对齐": alignment of LLMs is the task)."""
    not_names = _zh()[3]
    for subj in _zh_subjects():
        if name.startswith(subj):
            rest = name[len(subj):]
            m = _ACRONYM.match(rest)
            cut = len(subj) + (m.end() if m else 0)
            rest = name[cut:]
            if len(rest) >= 2 and (rest not in heads and norm(rest) not in not_names or m) \
                    and not rest.startswith(("的", "中")):  # (大语言模型训练: no bare 训练)
                return rest, cut
            break
    return name, 0


def find_zh(text: str) -> list[OpenTask]:
    """Tasks stated in Chinese frames: `该论文属于X任务`, `针对X任务`, `属于X领域` (a field); an English
    gloss given with the name (`越狱攻击（jailbreak attack）任务`) is kept with it."""
    if "（" not in text and "(" not in text:
        return _find_zh(text, {})
    c, orig, glosses = _compress_glosses(text)
    if not glosses:
        return _find_zh(text, {})
    from dataclasses import replace as _replace
    return [_replace(t, start=orig[t.start], end=orig[t.end]) for t in _find_zh(c, glosses)]


def _find_zh(text: str, glosses: dict[int, tuple[str, str | None]]) -> list[OpenTask]:
    rx, frames, heads, _not, fields, _kinds, _ext = _zh()
    out: list[OpenTask] = []
    for m in rx.finditer(text):
        left = m.group("left")
        opens = m.start() == 0 or text[m.start() - 1] in _ZH_SENTENCE_END
        cands = [(s, e, r, a, frames.get((left, r)) or (frames.get(("^" + left, r)) if opens else None))
                 for s, e, r, a in _zh_candidates(text, m)]
        cands = [c for c in cands if c[4] is not None]
        if not cands:
            continue
        # the first X that is a whole task name (the shortest one when none is)
        good = [c for c in cands if _zh_good(text[c[0]:c[1]].rstrip(_GLOSS_MARK), c[4][1], heads)]
        xs, xe, right, acronym, frame = good[0] if good else cands[0]
        conf, kind = frame
        gloss = None
        if xe > xs and text[xe - 1] == _GLOSS_MARK:  # "越狱攻击（jailbreak attack）任务": the name's English gloss
            gloss, acronym = glosses[xe - 1][0], acronym or glosses[xe - 1][1]
            xe -= 1
        raw = text[xs:xe]
        x, off = _clean_zh(raw)
        if x in heads and raw[:len(raw) - len(x)].endswith("的"):
            # "差分隐私文本改写（DP text rewriting）的评估问题": a bare head after 的 is the study of
            # the task before it
            before = raw[:len(raw) - len(x) - 1]
            x, off = _clean_zh(before[:-1] if before.endswith(("中", "之")) else before)  # (自然语言处理中的推理)
            if x.endswith(_GLOSS_MARK):
                gloss, acronym = glosses[xs + off + len(x) - 1]
                x = x[:-1]
        x2, off2 = _strip_subject(x, heads)
        written = x if off2 and _GLOSS_MARK not in x and not re.search(r"[（(]", x) else None
        x, off = x2, off + off2
        start = xs + off
        strong = conf >= 0.8 or kind == "field" or gloss is not None  # (a name given with its English one is a name)
        if not right and (not _ZH_NAME_END.search(raw) or len(raw) > 24):
            continue  # (a clause-long X with no frame word after it is no name)
        if "了" in x:
            continue  # (a verb phrase, "研究对比了A与B": no name, nor any part of it)
        parts = _zh_parts(text, x, start, heads, glosses, acronym, gloss)
        for name, s, acr, gl in parts:
            if _GLOSS_MARK in name or not _zh_ok(name, strong):
                continue
            is_field = kind == "field" or norm(name) in fields
            out.append(OpenTask(s, s + len(name), name, "task-frame", conf * (0.7 if is_field else 1.0),
                                field=is_field, fallback=conf < 0.75, acronym=acr, part=len(parts) > 1,
                                gloss=gl, written=written if len(parts) == 1 else None))
        # the task the stated one is set in: "多跳问答（multi-hop question answering）中的检索增强生成任务",
        # "端到端自动驾驶中的运动规划任务" (a task name, or one given with its English gloss; not a field)
        if kind == "task" and strong and out and out[-1].start >= xs:
            for cs, ce, cname, cgloss, cacr, bare in _zh_context(text, xs, xe, glosses, heads, fields):
                out.append(OpenTask(cs, ce, cname, "task-frame", conf * 0.9, acronym=cacr, gloss=cgloss, context=True,
                                    known_only=bare))
    # "针对3D重建中稀疏视角生成效率低的问题": a problem stated inside a task, the task (a weak cue)
    for m in _ZH_PROBLEM_IN.finditer(text):
        if any(t.start <= m.start("a") < t.end or m.start("a") <= t.start < m.end() for t in out):
            continue
        name, off = _clean_zh(m.group("a"))
        name2, off2 = _strip_subject(name, heads)
        name, s = name2, m.start("a") + off + off2
        if norm(name) in fields or name in heads or not _zh_ok(name, False):
            continue
        out.append(OpenTask(s, s + len(name), name, "task-frame", 0.6, fallback=True))
    out.sort(key=lambda t: (t.start, -t.end))
    return out


_ZH_SENTENCE_END = frozenset("。！？；;!?\n|")
_ZH_PROBLEM_IN = re.compile(rf"(?:针对|解决|研究|聚焦于?|关注)(?P<a>{_ZH_NAME}{{2,14}}?)(?:中的?|场景下的?)"
                            rf"[^，,。；;：:！？\n]{{1,40}}?问题")
_ZH_CONTEXT_SEP = re.compile(r"(?:中|下|场景下|任务中)?的")


def _zh_parts(text: str, x: str, start: int, heads: tuple[str, ...], glosses: dict,
              acronym: str | None, gloss: str | None) -> list[tuple[str, int, str | None, str | None]]:
    """The task names of a frame's name: itself, or each of coordinated names when each ends with a
    task head ("三维重建与渲染优化"), each with the acronym or English gloss written after it
    ("无源域适应（SFDA）与行人重识别（ReID）", "目标检测（object detection）与图像分类"; the last one's
    is the frame's): (name, start, acronym, gloss)."""
    pieces = []
    for p in _ZH_SPLIT.split(x):
        g = a = None
        if p.endswith(_GLOSS_MARK):
            pos = text.index(p, start) + len(p) - 1
            g, a = glosses[pos]
            p = p[:-1]
        m = _TRAILING_ACRONYM.search(p)
        if m:
            a, p = m.group(1), p[:m.start()]
        pieces.append((p, a, g))
    if len(pieces) < 2 or not all(len(p) >= 2 for p, _a, _g in pieces):
        return [(x, start, acronym, gloss)]
    # each part a task name (a task head, or its own acronym or gloss); or, when the frame gives no
    # acronym or gloss of the whole ("任务与运动规划（TAMP）" is one task), one part ending with a head
    # and each a short name ("AI治理与智能体监管", "AI审计与评估报告")
    named = [p.endswith(heads) or a is not None or g is not None for p, a, g in pieces]
    if not all(named) and (acronym or gloss or not any(named)
                           or not all((n or len(p) >= 3) and len(p) <= 10 and not p.endswith(("任务", "问题"))
                                      for (p, _a, _g), n in zip(pieces, named))):
        return [(x, start, acronym, gloss)]
    parts, pos = [], start
    for k, (p, a, g) in enumerate(pieces):
        i = text.index(p, pos)
        pos = i + len(p)
        q = _zh_qualities().match(p)  # "三维重建与鲁棒位姿跟踪": each part without its quality
        if q and len(p) - q.end() >= 2 and norm(p[q.end():]) not in _zh()[4]:  # (可解释人工智能 is no field)
            p, i = p[q.end():], i + q.end()
        if k == len(pieces) - 1:
            a, g = a or acronym, g or gloss
        parts.append((p, i, a, g))
    return parts


def _zh_context(text: str, xs: int, xe: int, glosses: dict, heads: tuple[str, ...], fields: frozenset):
    """The tasks before "中的" in a frame's X, when they are task names (not a field), and before a
    bare "的" ("灵巧操作的视触觉策略学习"), where only a task the vocabulary names counts (音频感知的… is a
    modifier): [(start, end, name, gloss, acronym, bare)]."""
    raw = text[xs:xe]
    m = None
    for m in _ZH_CONTEXT_SEP.finditer(raw):
        pass
    if m is None:
        return []
    a = raw[:m.start()]
    name, off = _clean_zh(a)
    name2, off2 = _strip_subject(name, heads)
    name, off = name2, off + off2
    out = []
    for p, s, acr, gloss in _zh_parts(text, name, xs + off, heads, glosses, None, None):
        if p.endswith(_GLOSS_MARK):
            gloss, acr = glosses[s + len(p) - 1]
            p = p[:-1]
        am = _TRAILING_ACRONYM.search(p)
        if am:
            acr, p = acr or am.group(1), p[:am.start()]
        if _GLOSS_MARK in p or norm(p) in fields or not _zh_ok(p, gloss is not None):
            continue
        out.append((s, s + len(p), p, gloss, acr, m.group() == "的"))
    return out


# ----------------------------------------------------------------------------------------- English

_EN_STOP = frozenset("""a an the of and or for with in on to by via using from into onto over under at as is are
was were be been being can could may might will would shall should this that these those its their our we they
it which who whom whose such both either each every all any some many much more most less few several various
other new novel existing current prior previous recent proposed based driven aware guided enabled powered
assisted empowered inspired oriented improved improving
enhanced enhancing efficient effective robust accurate better simple strong general generic unified joint
towards toward through across between within without beyond alongside along beside besides against among amid upon than while when where how what why not no
further also even only just very highly task tasks problem problems challenge challenges setting settings
approach approaches method methods framework frameworks model models system systems study paper work""".split())
_EN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-']*")
_FOR_END = re.compile(r"\s*(?:[,.;:()]|$|\b(?:and|with|in|on|under|from|using|via|by)\b)")
_FOR_END_TITLE = re.compile(r"\s*(?:[,.;:()?!—]|--|$|\b(?:and|with|in|on|at|under|from|using|via|by|for|of|through"
                            r"|across|beyond|without|within"
                            r"|tasks?|problems?|capabilit(?:y|ies)|abilit(?:y|ies)|skills?|benchmarks?|datasets?)\b)", re.I)
# a title phrase right after these is how the paper works, not what it addresses
_MEANS_BEFORE = re.compile(r"\b(?:via|using|through|with|by|leveraging|exploiting|based on)\s+$", re.I)


def _trie_alternation(words) -> str:
    """A regex matching exactly the alternation of the words longest first ("a|b|..." sorted by
    length, descending), written as a trie: the words sharing a prefix share its match, so a
    position where no word starts fails at once instead of trying every word (the words' own
    ordering is kept: at one position every word that can match is a prefix of the longest, and
    the trie's optional tails are greedy, so the longer is tried first)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:  # the word may stop here: its longer continuations first (greedy)
            return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + body + ")?"
        return body

    return emit(trie)


@functools.lru_cache(maxsize=None)
def _en() -> tuple[frozenset, list[tuple[re.Pattern, float, bool, re.Pattern | None, bool]], frozenset]:
    """The head nouns, the frames (pattern, confidence, title only, what must follow X: see _need,
    and whether the frame is scanned only just before each place that follows: _frame_matches)
    and the qualifiers of English task phrases."""
    heads = lexicon().lower_set("en", "open-task-heads")
    head_alt = _trie_alternation(heads)  # = "|".join(heads sorted longest first), much faster
    frames = []
    for line in _pattern_lines(lexicon().path("en", "open-task-frames")):
        pattern, conf, *scope = line.split("\t")
        need = _need(pattern)
        windowed = need is not None and not pattern.startswith("^") and not need.pattern.startswith("(?=")
        # X: the phrase's last word, a head noun (plural allowed); the phrase is read leftwards from it
        # (each word of `pre` is possessive, ++: giving back a letter could never let the space match)
        # (a phrase starts at a word: "InfoSeeking task" holds no "Seeking task")
        pattern = pattern.replace("X", rf"(?<![\w'-])(?P<pre>(?:[\w'-]++ ){{0,{_PRE_WORDS}}}?)(?P<head>(?i:{head_alt})(?:s|es)?)\b")
        frames.append((re.compile(pattern, re.I), float(conf), bool(scope and scope[0] == "title"), need, windowed))
    # (less the qualifiers that name a narrower task of their own: "few-shot", "streaming")
    qualifiers = (frozenset(w for w in rule_words("generic-qualifiers.txt")) | lexicon().lower_set("en", "study-qualifiers")) \
        - task_forming_qualifiers()
    return heads, frames, qualifiers


def _need(pattern: str) -> re.Pattern | None:
    """For a frame that starts with X: the frame's text after X as a regex of its own, which any
    match of the frame must contain (where the head noun ends). A text where it is not found holds
    no match of the frame, so the frame's costly scan (X can start anywhere) is skipped."""
    head, sep, rest = pattern.partition("X")
    if not (sep and head in ("", "^") and rest):
        return None
    try:
        return re.compile(rest, re.I)
    except re.error:  # the rest is no regex alone (X inside a group): no shortcut
        return None


_PRE_WORDS = 5  # the words of X before its head noun, at most
_WORD_MAX = 30  # the longest word for which _frame_matches' window holds (longer: the whole text is scanned)
_LONG_WORD = re.compile(rf"[\w'-]{{{_WORD_MAX + 1}}}")


@functools.lru_cache(maxsize=None)
def _window() -> int:
    """How far before what follows X a frame's match can start: X's words, its head noun (plural)
    and their spaces."""
    return _PRE_WORDS * (_WORD_MAX + 1) + max(map(len, _en()[0])) + 2


def _frame_matches(rx: re.Pattern, need: re.Pattern, text: str):
    """rx.finditer(text) for a frame that starts with X and ends with what `need` finds, scanned
    only in the window before each place `need` finds (X can start anywhere: a scan of the whole
    text tries the head nouns at every character). The same matches: X starts at a word and is
    at most _window() characters long, and a match that ends at a later place `need` finds
    cannot start before one that ends at an earlier place (X's words are read lazily)."""
    if _LONG_WORD.search(text):
        yield from rx.finditer(text)
        return
    window = _window()
    last = 0
    for n in need.finditer(text):
        if n.end() <= last:
            continue
        # (a match found here ends where n ends: one ending at an earlier place was found there)
        m = rx.search(text, max(last, n.start() - window), n.end())
        if m is not None:
            yield m
            last = m.end()


@functools.lru_cache(maxsize=None)
def task_forming_qualifiers() -> frozenset[str]:
    """Qualifiers that name a narrower task of their own ("Few-Shot Knowledge Graph Completion",
    "Joint Multi-Agent Motion Forecasting"): words of a task phrase even where _EN_STOP lists them."""
    return lexicon().lower_set("en", "task-forming-qualifiers")


@functools.lru_cache(maxsize=None)
def _quality_suffixes() -> frozenset:
    return lexicon().lower_set("en", "quality-suffixes")


# a quality before these is part of a thing's name, not a quality of a task ("Neural Network Inference")
NETWORK_NOUNS = frozenset({"network", "networks", "net", "nets"})


def _en_phrase(text: str, head_start: int, head_end: int, title: bool, left: int = 0) -> tuple[int, str] | None:
    """The task phrase ending with the head noun at head_start: up to four modifier words before
    it, stopping at function words, adverbs, numbers-only words and (in a title) lower-case words."""
    _heads, _frames, qualifiers = _en()
    words = list(_EN_WORD.finditer(text[max(0, head_start - 80):head_start]))
    base = max(0, head_start - 80)
    start = head_start
    lower_stops = title and title_case(text)  # (a lower-case word of a Title Case title is no word of its task's name)
    taken = 0
    for w in reversed(words):
        if base + w.start() < left:
            break  # the frame's own words ("we address") are no part of the phrase
        word = w.group()
        gap = text[base + w.end():start]
        if gap.strip(" -") or (gap and "\n" in gap):
            break  # punctuation between: the phrase ends there
        low = word.lower()
        # (a task-forming qualifier qualifies a task name, not a bare head: "Early Joint Learning of ...")
        if low in _EN_STOP and not (taken and low in task_forming_qualifiers()) or low.endswith("ly") and not title \
                or low in lexicon().lower_set("en", "phrase-verbs") \
                or re.fullmatch(r"[\d.]+|\d+-[a-z]+", low) or low in lexicon().lower_set("en", "number-words") or taken >= 4:
            break  # ("three reasoning benchmarks", "a 21-task simulation benchmark": a count, no word of the task)
        if "-" in low and low.rsplit("-", 1)[1] in _quality_suffixes():
            break  # "Transformer-Based", "Text-driven", "Noise-Aware": a property of the method, no word of the task
        if lower_stops and not (word[0].isupper() or word[0].isdigit()):
            break
        sentence_start = not text[:base + w.start()].strip() or re.search(r"[.!?。]\s*$", text[:base + w.start()])
        if not title and word[0].isupper() and not re.fullmatch(r"[A-Z0-9][A-Z0-9\-]+", word) and not sentence_start:
            break  # a capitalised word inside a sentence belongs to a name, not to a task phrase
        start = base + w.start()
        taken += 1
    # leading qualities make no task of their own ("efficient", "zero-shot", "verifiable" stay in the
    # name only when they are not first)
    phrase = text[start:head_end]
    while True:
        first, _, rest = phrase.partition(" ")
        # (a task-forming qualifier before another quality names no task of its own: "Multilingual
        # Zero-shot Singing Voice Synthesis")
        stacked = first.lower() in task_forming_qualifiers() and rest.partition(" ")[2] \
            and rest.partition(" ")[0].lower() in qualifiers
        if rest and rest.partition(" ")[0].lower() in NETWORK_NOUNS:
            break  # "Neural Network Inference", "Deep Network Pruning": the quality is part of the thing's name
        if rest and (first.lower() in qualifiers or stacked or re.fullmatch(r"[a-z]{3,}(?:able|ible)", first.lower())):
            start += len(first) + 1
            phrase = rest
            second, _, after = phrase.partition(" ")
            if second.lower() == "scale" and after and f"{first.lower()}-scale" in qualifiers:
                start += len(second) + 1  # "large scale SLAM": the quality "large-scale" written apart
                phrase = after
            continue
        break
    if " " not in phrase.strip() and "-" not in phrase:
        return None  # a bare head noun ("detection") names no task
    return start, phrase


_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z\-']*")


def title_case(title: str) -> bool:
    """The title is written in Title Case ("Diffusion-Based Learning of Contact Plans"), not in
    sentence case ("Diffusion-based learning of contact plans for agile locomotion"): most of
    its words after the first that are no function words start with a capital."""
    words = [w for w in _TITLE_WORD.findall(title)[1:] if w.lower() not in _EN_STOP]
    return not words or sum(w[0].isupper() for w in words) * 2 >= len(words)


def _spells_title_name(title: str, phrase: str) -> bool:
    """The phrase is the long form of the name a title opens with ("DEPO: Dual-Efficiency
    Preference Optimization ..."): its initials spell that name."""
    m = re.match(r"\s*([A-Z][A-Za-z0-9\-]{1,15})\s*:", title)
    if m is None:
        return False
    initials = "".join(w[0].lower() for w in re.split(r"[\s\-]+", phrase) if w)
    name = re.sub(r"[^a-z]", "", m.group(1).lower())
    return len(initials) >= 2 and (name == initials or name.startswith(initials) and len(initials) >= 3)


def find_en(text: str, title: bool) -> list[OpenTask]:
    """Tasks stated in English frames (`the task of X`, `X task`, `we address X`, `for X`)."""
    _heads, frames, _q = _en()
    out: list[OpenTask] = []
    seen: set[tuple[int, int]] = set()
    for rx, conf, title_only, need, windowed in frames:
        if title_only and not title:
            continue
        if need is not None and need.search(text) is None:
            continue  # what must follow X is nowhere in the text
        if title and conf < 0.75 and not title_only:
            conf = 0.85  # a title's "… for X" is the paper's task
        for m in _frame_matches(rx, need, text) if windowed else rx.finditer(text):
            hs, he = m.start("head"), m.end("head")
            if rx.pattern.startswith("(?:for"):
                # "for X" is only a task when X ends its clause (in a title: its noun phrase, or
                # before a light noun: "for Evaluating Table Reasoning Capabilities", not "Towards
                # Information Seeking Agency")
                if not (_FOR_END_TITLE if title else _FOR_END).match(text[he:]):
                    continue
            got = _en_phrase(text, hs, he, title, m.start("pre"))
            if got is None:
                continue
            s, phrase = got
            if title and _MEANS_BEFORE.search(text[:s]):
                continue  # "... through Gradient Optimization for ...": the means, not the task
            if title and (_spells_title_name(text, phrase) or _spells_title_name(text, text[text.find(":") + 1:he])):
                continue  # "DEPO: Dual-Efficiency Preference Optimization for ...": the method's long form
            if (s, he) in seen:
                continue
            seen.add((s, he))
            out.append(OpenTask(s, he, phrase, "task-title" if title else "task-frame", conf,
                                fallback=conf < 0.75))
    return out


def find_open_tasks(text: str, title: bool = False) -> list[OpenTask]:
    """Every open-vocabulary task stated in a text, in order of position."""
    found = find_zh(text) if re.search(rf"[{_HAN}]", text) else []
    found += find_en(text, title)
    found.sort(key=lambda t: (t.start, -t.end))
    out: list[OpenTask] = []
    for t in found:  # overlapping finds: the first (longest at a position) wins
        if out and t.start < out[-1].end:
            continue
        out.append(t)
    return out
