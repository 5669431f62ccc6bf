"""용어 검사: 한 개념 한 용어, 처음 쓸 때 영어 병기, 용어집과 terms.yml 일치."""

import subprocess
import sys

import nbformat
import pytest

import quality
from quality import ROOT

TERMS = quality.load_terms()
NOTEBOOKS = quality.chapter_notebooks()


def test_terms_file_is_well_formed():
    kos = [t["ko"] for t in TERMS]
    assert len(kos) == len(set(kos))
    all_rejects = [v for t in TERMS for v in t["reject"]]
    assert not set(all_rejects) & set(kos), "쓰지 않는 표기가 다른 용어와 겹칩니다"


def test_no_rejected_variants_in_korean_text():
    assert quality.rejected_term_problems(quality.korean_texts(), TERMS) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_first_use_has_english(path):
    assert quality.first_use_problems(path, TERMS) == []


def test_glossary_page_matches_terms_file():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_glossary.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_planted_rejected_variant_is_caught():
    texts = [("planted", "이 모델은 과적합되었습니다. 에폭마다 손실을 봅니다.")]
    problems = quality.rejected_term_problems(texts, TERMS)
    assert any("과대적합" in p for p in problems) and any("에포크" in p for p in problems)


def test_rejected_variant_in_code_comment_is_caught(tmp_path, monkeypatch):
    (tmp_path / "chapters").mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1  # 레이어를 하나 더 쌓습니다")]
    nbformat.write(nb, tmp_path / "chapters" / "99.ipynb")
    (tmp_path / "docs").mkdir()
    problems = quality.rejected_term_problems(quality.korean_texts(tmp_path), TERMS)
    assert any("'층'" in p for p in problems)


def test_inline_code_and_fences_are_not_prose():
    text = quality.prose("`model.fit(epochs=30)` 에폭\n```python\n# 에폭\n```\n{term}`가중치 <가중치>`(weight)")
    assert text.count("에폭") == 1 and "가중치(weight)" in text


def test_four_backtick_directives_keep_prose_and_drop_inner_code():
    md = "````{solution} ex1\n:class: dropdown\n\n에폭 설명\n```python\n# 레이어\n```\n````\n"
    text = quality.prose(md)
    assert "에폭 설명" in text and "레이어" not in text and "dropdown" not in text


def _nb_with(tmp_path, markdown):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 1장. 가중치"), nbformat.v4.new_markdown_cell(markdown)]
    path = tmp_path / "01_x.ipynb"
    nbformat.write(nb, path)
    return path


def test_planted_first_use_without_english_is_caught(tmp_path):
    path = _nb_with(tmp_path, "가중치는 중요합니다. 나중에 가중치(weight)라고 씁니다.")
    assert any("가중치(weight)" in p for p in quality.first_use_problems(path, TERMS))


@pytest.mark.parametrize(
    "markdown",
    ["{term}`가중치`(weight)는 중요합니다.", "가중치(Weight, $w$)를 봅니다.", "입력의 가중치(weight)"],
)
def test_first_use_with_english_passes(tmp_path, markdown):
    path = _nb_with(tmp_path, markdown)
    assert not [p for p in quality.first_use_problems(path, TERMS) if "'가중치'" in p]


def test_term_inside_longer_word_is_not_a_first_use(tmp_path):
    path = _nb_with(tmp_path, "은닉층(hidden layer)과 출력층을 지나는 층(layer)")
    assert not [p for p in quality.first_use_problems(path, TERMS) if "'층'" in p]
