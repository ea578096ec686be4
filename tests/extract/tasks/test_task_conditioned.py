"""conditioned: a generation conditioned on another input also names the X-to-Y task."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("conditioned", "We study video-guided text-to-music generation for short clips.",
                 [("video-guided text-to-music generation", "video-to-music-generation")], id="en-guided"),
    pytest.param("conditioned", "本文研究视频引导的音乐生成。", [("视频引导的音乐生成", "video-to-music-generation")], id="zh-guided"),
    pytest.param("conditioned", "We study text-to-music generation for short clips.", [], id="en-no-condition"),
]


@pytest.mark.parametrize("strategy,text,expected", CASES)
def test_conditioned(task_strategy, strategy, text, expected):
    assert task_strategy(strategy, text) == expected
