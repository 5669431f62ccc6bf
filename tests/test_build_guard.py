"""초록색 빌드는 오래되지도, 오류를 보여 주지도 않습니다 (tools/build_guard.py, Makefile).

심어 둔 실패: 작은 책(이 저장소의 _config.yml·Makefile·tools/·helpers/ 복사본에 노트북 하나)에서
도우미를 망가뜨리고 빌드하면 실패하고, 다시 빌드해도 실패하며, 도우미를 고치면 노트북을 다시
실행해 통과하고 어느 쪽에도 traceback이 없어야 합니다. ``make book`` 의 빌드 명령과 ``make test``
의 경로(pytest --nbmake 결과를 캐시에 넣고 빌드)를 모두 봅니다. 과정 전체를 실행하지 않으므로
몇십 초면 끝납니다.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import build_guard
from build_guard import page_problems

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PLANTED = 'raise RuntimeError("심어 둔 도우미 실패")\n'


# ---- HTML 검사 --------------------------------------------------------------------


def _page(tmp_path: Path, body: str) -> Path:
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
    return page


def test_error_output_in_page_is_caught(tmp_path):
    body = (
        '<div class="cell_output docutils container"><div class="output traceback highlight-ipythontb notranslate">'
        '<div class="highlight"><pre>RuntimeError  Traceback (most recent call last)</pre></div></div></div>'
    )
    assert page_problems(_page(tmp_path, body))


def test_traceback_in_stream_output_is_caught(tmp_path):
    body = (
        '<div class="output stderr highlight-myst-ansi notranslate"><div class="highlight"><pre><span></span>'
        "Traceback (most recent call last):\n  File &quot;x.py&quot;, line 1</pre></div></div>"
    )
    assert page_problems(_page(tmp_path, body))


def test_clean_page_and_traceback_in_prose_pass(tmp_path):
    """본문(예: 흔한 실수 설명의 코드 블록)에 적은 traceback은 실행 오류가 아닙니다."""
    body = (
        '<div class="highlight-none notranslate"><div class="highlight"><pre>Traceback (most recent call last):'
        '</pre></div></div><div class="output stream highlight-myst-ansi notranslate"><div class="highlight">'
        "<pre>정확도: 0.91</pre></div></div>"
    )
    assert page_problems(_page(tmp_path, body)) == []


@pytest.mark.browser
def test_built_book_pages_show_no_traceback(built_html):
    """이 책을 빌드한 결과: 어느 쪽에도 실행 오류가 보이지 않습니다 (make의 verify와 같은 검사)."""
    assert build_guard.built_book_problems(built_html) == []


def test_fingerprint_follows_helpers_and_requirements(tmp_path):
    (tmp_path / "helpers").mkdir()
    (tmp_path / "helpers" / "a.py").write_text("x = 1\n")
    (tmp_path / "requirements.txt").write_text("numpy==2\n")
    first = build_guard.fingerprint(tmp_path)
    (tmp_path / "helpers" / "__pycache__").mkdir()
    (tmp_path / "helpers" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    assert build_guard.fingerprint(tmp_path) == first, "바이트코드는 지문에 들어가지 않습니다"
    (tmp_path / "helpers" / "a.py").write_text("x = 2\n")
    second = build_guard.fingerprint(tmp_path)
    assert second != first
    (tmp_path / "requirements.txt").write_text("numpy==3\n")
    assert build_guard.fingerprint(tmp_path) != second


# ---- 심어 둔 실패: 작은 책 --------------------------------------------------------------


def make_mini_book(folder: Path) -> Path:
    """이 저장소의 빌드 설정·명령과 도우미 복사본, 그리고 ``helpers`` 를 임포트하는 작은 노트북 하나."""
    book = folder / "book"
    book.mkdir()
    for name in ("_config.yml", "references.bib", "Makefile", "pyproject.toml", "conftest.py"):
        shutil.copy2(ROOT / name, book / name)
    for name in ("tools", "helpers", "_ext"):  # _ext: 책 빌드의 지역 확장 (한국어 검색, 연습문제 제목)
        shutil.copytree(ROOT / name, book / name, ignore=shutil.ignore_patterns("__pycache__"))
    (book / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: chapters/01_tiny\n")
    (book / "intro.md").write_text("# 작은 책\n\n심어 둔 실패를 확인하는 책입니다.\n", encoding="utf-8")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 1장. 작은 장\n\n도우미를 임포트합니다."),
        nbformat.v4.new_code_cell("import helpers\nprint('표식', helpers.MARK, helpers.__file__)"),
    ]
    (book / "chapters").mkdir()
    nbformat.write(nb, book / "chapters" / "01_tiny.ipynb")
    return book


def set_helper(book: Path, mark: str, *, broken: bool = False) -> None:
    init = (ROOT / "helpers" / "__init__.py").read_text(encoding="utf-8")
    (book / "helpers" / "__init__.py").write_text(init + f"MARK = {mark!r}\n" + (PLANTED if broken else ""))


def make(book: Path, *targets: str) -> subprocess.CompletedProcess:
    """이 저장소의 Makefile 목표를 작은 책에서 실행합니다 (가상 환경은 지금 것을 씁니다)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    env["PYTHONPATH"] = str(book)  # 커널이 작은 책의 helpers 복사본을 임포트하도록
    command = ["make", "--no-print-directory", f"BIN={BIN}", f"PYTHON={sys.executable}", "JOBS=0", *targets]
    return subprocess.run(command, cwd=book, env=env, capture_output=True, text=True, timeout=900)


def page_text(book: Path) -> str:
    return (book / "_build" / "html" / "chapters" / "01_tiny.html").read_text(encoding="utf-8")


@pytest.mark.skipif(not shutil.which("make"), reason="make가 없습니다")
def test_planted_failing_helper_never_gives_a_stale_green_build(tmp_path):
    book = make_mini_book(tmp_path)

    # make book의 빌드 명령: 망가진 도우미 → 실패, 다시 빌드해도 실패
    set_helper(book, "v1", broken=True)
    first = make(book, "book-from-cache")
    assert first.returncode != 0, first.stdout[-3000:]
    second = make(book, "book-from-cache")
    assert second.returncode != 0, "다시 빌드했더니 실패한 노트북을 그대로 두고 통과했습니다\n" + second.stdout[-3000:]
    assert "Executing notebook failed" in second.stdout + second.stderr, "두 번째 빌드가 노트북을 다시 실행해야 합니다"

    # 도우미를 고치면 다시 실행해 통과하고, 어느 쪽에도 traceback이 없습니다
    set_helper(book, "v2")
    fixed = make(book, "book-from-cache")
    assert fixed.returncode == 0, fixed.stdout[-3000:] + fixed.stderr[-3000:]
    assert "표식 v2" in page_text(book) and str(book / "helpers") in page_text(book)
    assert build_guard.built_book_problems(book / "_build" / "html") == []

    # make test의 경로: pytest --nbmake가 실패하면 이어지는 책 빌드도 실패합니다
    set_helper(book, "v3", broken=True)
    assert make(book, "notebooks").returncode != 0
    after = make(book, "book-from-cache")
    assert after.returncode != 0, "nbmake가 실패한 뒤의 책 빌드가 오래된 결과로 통과했습니다\n" + after.stdout[-3000:]

    # 고친 뒤 make test의 경로: nbmake의 결과를 캐시에서 꺼내 쓰고(다시 실행하지 않음) 통과
    set_helper(book, "v4")
    green = make(book, "notebooks", "book-from-cache")
    assert green.returncode == 0, green.stdout[-3000:] + green.stderr[-3000:]
    assert "Executing notebook" not in green.stdout + green.stderr, "책 빌드가 노트북을 또 실행했습니다"
    assert "표식 v4" in page_text(book)
    assert build_guard.built_book_problems(book / "_build" / "html") == []
