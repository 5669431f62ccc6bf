"""한국어 본문의 강조 표시 검사: '**용어(term)**입니다'처럼 별표가 그대로 보이게 되는 곳을 찾습니다."""

from pathlib import Path

import pytest

import quality
from quality import ROOT

SOURCES = [p for p in quality.chapter_notebooks()] + [
    ROOT / "intro.md", ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))
]


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_emphasis_renders(path: Path):
    if path.suffix == ".ipynb":
        texts = [(f"{path.name} 셀 {i}", c.source) for i, c in enumerate(quality.read_nb(path).cells)
                 if c.cell_type == "markdown"]
    else:
        texts = [(path.name, path.read_text(encoding="utf-8"))]
    assert [p for where, text in texts for p in quality.emphasis_problems(text, where)] == []


@pytest.mark.parametrize(
    "text",
    ["**다층 퍼셉트론(MLP)**입니다.", "*목적 함수(objective function)*라고도 부릅니다.", "**`keras.Input`**은 층이 아닙니다.",
     "가중치**(weight)**를 봅니다."],
)
def test_planted_broken_emphasis_is_caught(text):
    assert quality.emphasis_problems(text, "planted")


@pytest.mark.parametrize(
    "text",
    ["**다층 퍼셉트론**(MLP)입니다.", "**열 하나가 뉴런 하나**입니다.", "- **층**(layer): 텐서", "* 목록 항목\n* 둘째 항목",
     "수식 $a * b * c$ 와 `x ** 2`", "| **Adam (실행)** | 128 |", "**굵게 (괄호)** 다음에 공백"],
)
def test_valid_emphasis_is_not_flagged(text):
    assert quality.emphasis_problems(text, "ok") == []
