"""인쇄용 PDF 검사 (`make pdf`가 _build/latex/book.pdf를 만든 뒤 `pytest -m pdf`로 실행).

스터디 모임은 장을 인쇄해서 봅니다. PDF에서 한글이 빠지거나 네모로 찍히지 않는지, 그림·수식·코드·표가 들어갔는지,
「Chapter 1」, 「Contents」 같은 영어 머리말이 남지 않았는지를 poppler-utils(pdftotext, pdffonts, pdfimages)와
LaTeX 기록 파일로 확인합니다. 기대값은 모두 원본(목차, 장 노트북, 마크다운)에서 읽습니다.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import nbformat
import pytest

import quality
from quality import ROOT

pytestmark = pytest.mark.pdf

LATEX = ROOT / "_build" / "latex"
PDF = LATEX / "book.pdf"
TEX = LATEX / "book.tex"
LOG = LATEX / "book.log"
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _run(*args: str) -> str:
    tool = shutil.which(args[0])
    if tool is None:
        pytest.fail(f"{args[0]}이(가) 없습니다: tools/install_system_deps.sh pdf (poppler-utils)")
    return subprocess.run([tool, *args[1:]], check=True, capture_output=True, text=True).stdout


@lru_cache(maxsize=1)
def pdf_text() -> str:
    if not PDF.is_file():
        pytest.fail(f"{PDF}가 없습니다: make pdf가 먼저 빌드합니다")
    return _run("pdftotext", "-enc", "UTF-8", str(PDF), "-")


def normalize(text: str) -> str:
    """줄바꿈·하이픈 나눔·공백 차이를 없앤 비교용 글자."""
    return re.sub(r"\s+", "", text)


def chapter_sources() -> list[tuple[str, nbformat.NotebookNode]]:
    return [
        (entry, nbformat.read(ROOT / f"{entry}.ipynb", as_version=4))
        for entry in quality.toc_entries()
        if (ROOT / f"{entry}.ipynb").is_file()
    ]


def pdffonts_rows() -> list[dict[str, str]]:
    lines = _run("pdffonts", str(PDF)).splitlines()[2:]
    rows = []
    for line in lines:
        # name type encoding emb sub uni object ID (이름에 공백이 없고 type에는 공백이 있을 수 있습니다)
        match = re.match(r"^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)", line)
        if match:
            rows.append({"name": match.group(1), "type": match.group(2).strip(), "emb": match.group(4)})
    return rows


def test_pdf_has_pages_for_every_chapter():
    pages = int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(PDF))).group(1))
    assert pages >= 2 * len(chapter_sources()), f"쪽 수({pages})가 장 수에 비해 너무 적습니다"


def test_no_missing_glyphs_in_latex_log():
    """XeLaTeX는 글꼴에 없는 글자를 찍지 않고 「Missing character」만 기록합니다 (한글이 빠지면 여기 남습니다)."""
    log = LOG.read_text(encoding="utf-8", errors="replace")
    missing = sorted(set(re.findall(r"Missing character: There is no (.) \((U\+[0-9A-F]+)\)", log)))
    assert not missing, (
        f"PDF 글꼴에 없는 글자: {missing}. _config.yml의 latex_elements.fontpkg에 "
        "\\newunicodechar{글자}{\\dlbookfallback{\"코드}}를 더하거나 글자를 바꾸세요"
    )


def test_hangul_fonts_are_embedded_outline_fonts():
    rows = pdffonts_rows()
    assert rows, "pdffonts가 글꼴을 찾지 못했습니다"
    type3 = [r["name"] for r in rows if "Type 3" in r["type"]]
    assert not type3, f"비트맵(Type 3) 글꼴이 있습니다: {type3}"
    cjk = [r for r in rows if "CJK" in r["name"]]
    assert cjk, "한글 글꼴(Noto CJK)이 PDF에 없습니다"
    assert all(r["emb"] == "yes" for r in cjk), "한글 글꼴이 PDF에 포함되지 않았습니다"


def test_hangul_text_is_extractable():
    text = pdf_text()
    assert "\ufffd" not in text, "PDF에서 뽑은 글자에 깨진 글자(U+FFFD)가 있습니다"
    assert len(HANGUL.findall(text)) > 5000, "PDF에서 한글이 거의 나오지 않습니다"


def test_every_chapter_title_and_exercise_is_in_the_pdf():
    text = normalize(pdf_text())
    for entry, nb in chapter_sources():
        title = nb.cells[0].source.splitlines()[0].lstrip("# ").strip()
        assert normalize(title) in text, f"{entry}: 장 제목 「{title}」이 PDF에 없습니다"
        markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        for chapter, k in re.findall(r":label:\s*ch(\d+)-ex(\d+)", markdown):
            number = f"{int(chapter)}.{int(k)}"
            assert normalize(f"연습 {number}") in text, f"{entry}: 「연습 {number}」 제목이 PDF에 없습니다"
            assert normalize(f"풀이 {number}") in text, f"{entry}: 「풀이 {number}」 제목이 PDF에 없습니다"


def test_code_figures_math_and_tables_appear():
    text = normalize(pdf_text())
    tex = TEX.read_text(encoding="utf-8")
    # 코드: 모든 장의 첫 코드 셀(Colab 설치 셀)
    assert normalize('if "google.colab" in sys.modules:') in text, "코드 셀이 PDF에 없습니다"
    # 그림: LaTeX가 넣은 그림마다 PDF에 이미지가 있어야 합니다
    figures = len(re.findall(r"\\sphinxincludegraphics", tex))
    images = [line for line in _run("pdfimages", "-list", str(PDF)).splitlines()[2:] if line.split()[2:3] == ["image"]]
    assert figures > 0 and len(images) >= figures, f"그림 {figures}개를 넣었는데 PDF의 이미지는 {len(images)}개입니다"
    # 수식: 원본에 수식이 있으면 수식 글꼴(Computer Modern 수학 글꼴)이 쓰여야 합니다
    sources = "\n".join(c.source for _, nb in chapter_sources() for c in nb.cells if c.cell_type == "markdown")
    if "$" in sources:
        names = " ".join(r["name"] for r in pdffonts_rows())
        assert re.search(r"CMMI|CMSY|LMMath|Math", names), "수식 글꼴이 PDF에 없습니다 (수식이 조판되지 않음)"
    # 표: 마크다운 표의 머리글 칸이 PDF에 있어야 합니다
    header_rows = [line for line in (ROOT / "intro.md").read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    assert header_rows, "intro.md에 표가 없습니다 (검사할 표를 다른 원본에서 고르세요)"
    cells = [c.strip() for c in header_rows[0].strip("|").split("|") if c.strip()]
    assert re.search(r"\\begin\{(tabulary|longtable|tabular)\}", tex)
    assert all(normalize(c) in text for c in cells), f"표 머리글 {cells}이 PDF에 없습니다"


#: LaTeX·스핑크스가 넣는 영어 머리말 (번역되지 않으면 PDF에 남는 것들)
ENGLISH_FURNITURE = re.compile(
    r"\bChapter\s+\d|^\s*(?:Contents|Bibliography|Index|Release|Python Module Index)\s*$"
    r"|continued from previous page|continues on next page|\bFig\.\s*\d|\bTable\s+\d|\bListing\s+\d"
    r"|\bPart\s+[IVX]+\b",
    re.M,
)


def test_no_english_page_furniture():
    found = sorted(set(m.group(0) for m in ENGLISH_FURNITURE.finditer(pdf_text())))
    assert not found, f"PDF에 영어 머리말이 남았습니다: {found}"


def test_planted_furniture_is_caught():
    assert ENGLISH_FURNITURE.search("Chapter 3. 활성화 함수")
    assert ENGLISH_FURNITURE.search("앞 쪽\nContents\n1장")
    assert not ENGLISH_FURNITURE.search("3장. 활성화 함수 (activation function)")
    assert not ENGLISH_FURNITURE.search("df.index는 pd.Index입니다")
