"""빌드된 책 검사 (make test가 노트북을 실행하고 책을 빌드한 뒤 `pytest -m browser`로 실행).

1. 실행된 노트북(.nbexec/chapters): 글리프 누락 경고(한글 깨짐), 진행 막대, 오류 출력이 없는지.
2. 헤드리스 크로미움으로 책을 열어: 한국어 본문, 그림, 수식 조판, Colab 링크, 접힌 풀이, 용어집,
   그리고 이 컴퓨터 밖으로 나가는 요청이 하나도 없는지.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from pathlib import Path

import nbformat
import pytest

import quality
from quality import ROOT

pytestmark = pytest.mark.browser

HTML = ROOT / "_build" / "html"
EXECUTED = ROOT / ".nbexec" / "chapters"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHAPTERS = [p.stem for p in quality.chapter_notebooks()]


# ---- 1. 실행된 노트북 ------------------------------------------------------------


def _outputs_text(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                parts.append(out.text)
            elif out.output_type == "error":
                parts.append("ERROR " + out.ename)
            else:
                parts.append(str(out.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def executed_problems(path: Path) -> list[str]:
    """실행된 노트북 출력의 문제: 글리프 누락(한글 깨짐), 진행 막대, 오류, 지나친 크기."""
    text = _outputs_text(path)
    problems = []
    if "missing from font" in text or "does not have a glyph" in text:
        problems.append("그림에서 글리프가 빠졌습니다 (한글 또는 기호가 네모로 그려짐)")
    # 케라스 진행 막대: "1875/1875 ━━━━━━━━━━━━━━━━━━━━ 2s 1ms/step" (summary()의 표 테두리와는 구별)
    if re.search(r"━+\s*\d+s\s*\d+\w*/step", text) or "\x08" in text:
        problems.append("케라스 진행 막대가 출력에 남았습니다 (fit/predict에 verbose=0 또는 2)")
    if "ERROR " in text:
        problems.append("오류 출력이 있습니다")
    if path.stat().st_size > 3_000_000:
        problems.append("실행된 노트북이 3 MB를 넘습니다")
    return problems


@pytest.mark.parametrize("stem", CHAPTERS)
def test_executed_notebook_is_clean(stem):
    path = EXECUTED / f"{stem}.ipynb"
    assert path.is_file(), f"{path}가 없습니다: make test가 노트북을 먼저 실행합니다"
    assert executed_problems(path) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("UserWarning: Glyph 54620 (\\N{HANGUL SYLLABLE HAN}) missing from font(s) DejaVu Sans.", "글리프"),
        ("Font 'default' does not have a glyph for '\\u2212' [U+2212]", "글리프"),
        ("1875/1875 ━━━━━━━━━━━━━━━━━━━━ 2s 1ms/step - accuracy: 0.8", "진행 막대"),
    ],
)
def test_planted_output_problems_are_caught(tmp_path, text, expected):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("stream", name="stderr", text=text)])]
    path = tmp_path / "planted.ipynb"
    nbformat.write(nb, path)
    assert any(expected in p for p in executed_problems(path))


def test_summary_table_is_not_a_progress_bar(tmp_path):
    nb = nbformat.v4.new_notebook()
    table = "┏━━━━━━━━━━━━━━┳━━━━━━━━┓\n┃ Layer (type) ┃ Param # ┃"
    nb.cells = [nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("stream", name="stdout", text=table)])]
    path = tmp_path / "summary.ipynb"
    nbformat.write(nb, path)
    assert executed_problems(path) == []


# ---- 2. 브라우저 ------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.fixture(scope="module")
def server():
    if not (HTML / "intro.html").is_file():
        pytest.fail("빌드된 책(_build/html)이 없습니다: make test 또는 make book을 먼저 실행하세요")
    httpd, url = _serve(HTML)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        pytest.fail("chromium이 없습니다: tools/install_system_deps.sh browser")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
        )
        yield b
        b.close()


class Page:
    """한 쪽을 열고, 밖으로 나가려는 요청을 기록하고 막습니다."""

    def __init__(self, browser, server: str, path: str):
        self.outside: list[str] = []
        self.page = browser.new_page()

        def route(r):
            url = r.request.url
            if url.startswith(server) or url.startswith("data:") or url.startswith("blob:"):
                r.continue_()
            else:
                self.outside.append(url)
                r.abort()

        self.page.route("**/*", route)
        self.page.goto(f"{server}/{path}", wait_until="load")
        self.page.wait_for_load_state("networkidle")

    def close(self):
        self.page.close()


@pytest.fixture
def open_page(browser, server):
    pages = []

    def opener(path):
        p = Page(browser, server, path)
        pages.append(p)
        return p

    yield opener
    for p in pages:
        p.close()


HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_planted_external_request_is_caught(browser, tmp_path):
    """심어 둔 위반: 밖으로 나가는 요청(CDN 스크립트)을 실제로 잡는지."""
    (tmp_path / "page.html").write_text(
        '<html><body>안녕<script src="https://cdn.example.com/x.js"></script></body></html>', encoding="utf-8"
    )
    httpd, url = _serve(tmp_path)
    try:
        page = Page(browser, url, "page.html")
        assert page.outside == ["https://cdn.example.com/x.js"]
        page.close()
    finally:
        httpd.shutdown()


@pytest.mark.parametrize("path", ["intro.html", "docs/setup.html", "docs/study_guide.html", "docs/glossary.html"])
def test_pages_are_korean_and_offline(open_page, path):
    p = open_page(path)
    assert p.page.evaluate("document.documentElement.lang") == "ko"
    text = p.page.inner_text("article")
    assert len(HANGUL.findall(text)) > 200, "한국어 본문이 보이지 않습니다"
    assert p.outside == [], f"밖으로 나가는 요청: {p.outside}"


def test_korean_ui(open_page):
    p = open_page("intro.html")
    placeholder = p.page.get_attribute("input[name=q]", "placeholder") or ""
    assert HANGUL.search(placeholder), f"검색 상자 안내문이 한국어가 아닙니다: {placeholder!r}"


def test_glossary_lists_terms(open_page):
    p = open_page("docs/glossary.html")
    terms = p.page.eval_on_selector_all("dl.glossary dt", "els => els.map(e => e.innerText)")
    expected = {t["ko"] for t in quality.load_terms()}
    assert expected <= {t.strip().rstrip("¶#").strip() for t in terms}


@pytest.mark.parametrize("stem", CHAPTERS)
def test_chapter_page(open_page, stem):
    p = open_page(f"chapters/{stem}.html")
    page = p.page
    assert p.outside == [], f"밖으로 나가는 요청: {p.outside}"
    # 한국어 본문과 장 제목
    title = nbformat.read(ROOT / "chapters" / f"{stem}.ipynb", as_version=4).cells[0].source.splitlines()[0][2:]
    assert title in page.inner_text("article h1")
    # Colab 실행 링크
    colab = page.eval_on_selector_all(
        "a[href^='https://colab.research.google.com/github/']", "els => els.map(e => e.href)"
    )
    assert any(href.endswith(f"chapters/{stem}.ipynb") for href in colab), colab
    # 그림: 실제로 불러와진 이미지가 있어야 합니다
    loaded = page.eval_on_selector_all(
        "article img", "els => els.filter(e => e.complete && e.naturalWidth > 0).length"
    )
    assert loaded >= 1, "그림이 없습니다"
    # 수식: 원본에 수식이 있으면 MathJax가 조판해야 합니다 (오프라인 MathJax)
    source = (ROOT / "chapters" / f"{stem}.ipynb").read_text(encoding="utf-8")
    if "$" in source:
        page.wait_for_selector("mjx-container", timeout=20_000)
        assert page.locator("mjx-container").count() > 0
    # 연습문제 풀이는 접혀 있어야 합니다
    assert page.locator(".solution").count() >= 1
    assert page.locator(".solution.dropdown, .solution .toggle, details.solution").count() >= 1
    # 숨은 확인 셀(remove-cell)의 코드는 책에 보이지 않아야 합니다
    nb = nbformat.read(ROOT / "chapters" / f"{stem}.ipynb", as_version=4)
    article = page.inner_text("article")
    hidden = [c for c in nb.cells if "remove-cell" in c.metadata.get("tags", [])]
    visible = "\n".join(c.source for c in nb.cells if c.cell_type == "code" and c not in hidden)
    checks_lines = [
        line.strip() for c in hidden for line in c.source.splitlines() if "checks." in line and line.strip() not in visible
    ]
    assert checks_lines, "숨은 확인 셀에 checks. 줄이 없습니다"
    assert not [line for line in checks_lines if line in article], "숨은 확인 셀의 코드가 책에 보입니다"
