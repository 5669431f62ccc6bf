"""책의 지역 확장(_ext/) 단위 테스트: 한국어 검색의 파이썬 쪽, 연습문제 번호, 번역 카탈로그.

연습문제 번호는 작은 스핑크스 프로젝트를 실제로 빌드(HTML과 LaTeX)해서 확인합니다 (몇 초).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from quality import ROOT

EXT = ROOT / "_ext"
sys.path.insert(0, str(EXT))

import exercise_titles  # noqa: E402
import korean_search  # noqa: E402
import korean_ui  # noqa: E402

# ---- 한국어 검색 (색인과 질문) ------------------------------------------------------------


@pytest.mark.parametrize(
    "word, stem",
    [
        ("퍼셉트론을", "퍼셉트론"), ("모델은", "모델"), ("역전파는", "역전파"), ("함수를", "함수"),
        ("층을", "층"), ("케라스에서", "케라스"), ("정규화하는", "정규화"),
        # 끝 음절이 조사처럼 보이는 두 음절 낱말은 그대로 둡니다
        ("결과", "결과"), ("경로", "경로"), ("평가", "평가"),
        ("퍼셉트론", "퍼셉트론"), ("층", "층"),
    ],
)
def test_strip_ending(word, stem):
    assert korean_search.strip_ending(word) == stem


def test_query_words():
    assert korean_search.query_words("손실 함수를") == ["손실", "함수"]
    assert korean_search.query_words("Dense를") == ["dense"]
    assert korean_search.query_words("tf.GradientTape로") == ["tf", "gradienttape"]
    assert korean_search.query_words("") == []


def test_index_and_query_agree_whatever_the_particle():
    """본문의 어떤 조사 형태로 색인해도, 질문(조사를 떼고 자른 조각)은 모두 색인에 있습니다."""
    lang = korean_search.SearchKorean({})
    for body in ["퍼셉트론을 배웁니다", "퍼셉트론은 오래되었다", "다층퍼셉트론의 층", "퍼셉트론"]:
        index = {lang.stem(w) for w in lang.split(body)}
        for query in ["퍼셉트론", "퍼셉트론을", "퍼셉트론은", "퍼셉트론의"]:
            pieces = [p for w in korean_search.query_words(query) for p in korean_search.ngrams(w)]
            assert set(pieces) <= index, (body, query)
    # 영문·코드 식별자는 지금처럼 낱말 그대로 (영어 어간 추출)
    assert lang.stem("Dense") == "dens" and "Dense" in lang.split("keras.layers.Dense(10)")


def test_search_script_carries_the_same_particles():
    lang = korean_search.SearchKorean({})
    code = lang.js_splitter_code
    assert "var splitQuery" in code and "KOREAN_SEARCH_DATA*/null" not in code
    assert all(f'"{p}"' in code for p in korean_search.PARTICLES)


# ---- 연습문제 번호 (작은 책을 빌드) -----------------------------------------------------------


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture(scope="module")
def tiny_book(tmp_path_factory):
    src = tmp_path_factory.mktemp("book")
    _write(src / "conf.py", f"""
        import sys
        sys.path.insert(0, {str(EXT)!r})
        extensions = ["myst_nb", "sphinx_exercise", "exercise_titles", "korean_ui"]
        language = "ko"
        exclude_patterns = ["_build"]
    """)
    _write(src / "index.md", """
        # 작은 책

        ```{toctree}
        front
        ch01
        ch02
        ```
    """)
    _write(src / "front.md", """
        # 앞쪽

        번호가 없는 쪽입니다. {numref}`ch02-ex1`을 보세요.
    """)
    exercise = "```{{exercise}}\n:label: {label}\n\n문제 {label}\n```\n\n```{{solution}} {label}\n:class: dropdown\n\n풀이 {label}\n```\n"
    _write(src / "ch01.md", "# 1장. 하나\n\n## 연습문제\n\n" + exercise.format(label="ch01-ex1")
           + exercise.format(label="ch01-ex2") + "\n{ref}`ch01-ex2`와 {numref}`ch01-ex1`\n")
    _write(src / "ch02.md", "# 2장. 둘\n\n## 연습문제\n\n" + exercise.format(label="ch02-ex1")
           + "\n1장의 {ref}`ch01-ex1`\n")
    outputs = {}
    for builder in ("html", "latex"):
        out = src / "_build" / builder
        result = subprocess.run(
            [sys.executable, "-m", "sphinx", "-b", builder, "-W", "-q", str(src), str(out)],
            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(EXT)},
        )
        assert result.returncode == 0, result.stderr
        outputs[builder] = out
    return outputs


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_exercise_and_solution_titles_are_numbered_per_chapter(tiny_book):
    ch01 = _text((tiny_book["html"] / "ch01.html").read_text(encoding="utf-8"))
    ch02 = _text((tiny_book["html"] / "ch02.html").read_text(encoding="utf-8"))
    for number in ("1.1", "1.2"):
        assert f"연습 {number}" in ch01 and f"풀이 {number}" in ch01
    assert "연습 2.1" in ch02 and "풀이 2.1" in ch02
    assert "연습 3" not in ch02 and "해답" not in ch01 + ch02  # 책 전체로 이어 세지 않고, 옛 제목도 없습니다


def test_references_to_exercises_use_the_same_numbers(tiny_book):
    ch01 = _text((tiny_book["html"] / "ch01.html").read_text(encoding="utf-8"))
    ch02 = _text((tiny_book["html"] / "ch02.html").read_text(encoding="utf-8"))
    front = _text((tiny_book["html"] / "front.html").read_text(encoding="utf-8"))
    assert "연습 1.2와 연습 1.1" in ch01  # {ref}와 {numref}
    assert "1장의 연습 1.1" in ch02
    assert "연습 2.1을" in front  # 번호 없는 앞쪽에서 가리켜도


def test_pdf_titles_use_the_same_numbers(tiny_book):
    tex = next(tiny_book["latex"].glob("*.tex")).read_text(encoding="utf-8")
    for number in ("1.1", "1.2", "2.1"):
        assert f"연습 {number}" in tex and f"풀이 {number}" in tex
    assert "해답" not in tex


def test_label_parsing():
    assert exercise_titles.chapter_number("ch04-ex3") == (4, 3)
    assert exercise_titles.chapter_number("ch10-ex12") == (10, 12)
    assert exercise_titles.chapter_number("my-exercise") is None


# ---- 번역 카탈로그 ------------------------------------------------------------------------


def test_catalogs_parse_and_translate_everything():
    files = korean_ui.catalog_files("ko")
    assert {f.stem for f in files} >= {"sphinx", "booktheme"}
    for path in files:
        messages = korean_ui.read_catalog(path)
        assert messages, f"{path.name}: 번역이 없습니다"
        # 자리표시(%(name)s), HTML 태그, 고유 명사와 약어(PDF, PyData)는 빼고 영어 낱말이 남았는지
        bare = {k: re.sub(r"%\(\w+\)s|<[^>]+>|PyData", "", v) for k, v in messages.items()}
        english = {k: v for k, v in bare.items() if re.search(r"[a-z]{3,}", v)}
        assert not english, f"{path.name}: 번역에 영어가 남았습니다: {english}"


def test_every_pydata_theme_message_is_translated():
    """pydata-sphinx-theme의 메시지 목록(sphinx.pot)에 있는 문구는 모두 이 책의 sphinx.po에 번역이 있어야 합니다.

    테마를 올려 새 문구가 생기면 이 테스트가 알려 줍니다."""
    from babel.messages.pofile import read_po
    import pydata_sphinx_theme

    pot = Path(pydata_sphinx_theme.__file__).parent / "locale" / "sphinx.pot"
    with pot.open("rb") as f:
        wanted = {m.id for m in read_po(f) if m.id}
    ours = korean_ui.read_catalog(korean_ui.LOCALE / "ko" / "LC_MESSAGES" / "sphinx.po")
    missing = sorted(wanted - set(ours) - {"Global Module Index", "Python Module Index"})  # 이 책에 없는 쪽
    assert not missing, f"_ext/locale/ko/LC_MESSAGES/sphinx.po에 번역이 없는 테마 문구: {missing}"
