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


# ---- 3. 영어 UI 문구 ------------------------------------------------------------------------
# 테마, myst-nb, sphinx-exercise, sphinx-togglebutton, sphinx-copybutton, 실행 단추가 쪽에 넣는 문구(풍선 도움말,
# aria-label, 대체 텍스트 포함)에 영어가 남으면 안 됩니다. 허용: 코드(입력·출력), 수식, 참고 문헌, 고유 명사
# (Keras, TensorFlow, Colab, GitHub), 그리고 집필자가 원본에 쓴 영어(「퍼셉트론(perceptron)」의 원어, XOR, NumPy …).
# 원본에 없는 영어 문구는 도구가 넣은 것이므로 잡아냅니다 (번역: _ext/locale, _ext/templates, _ext/static).

PROPER_NOUNS = {"Keras", "TensorFlow", "Colab", "GitHub"}
UI_ATTRIBUTES = ["title", "aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "placeholder",
                 "alt", "label", "data-toggle-hint", "data-tooltip", "data-bs-title", "data-bs-original-title",
                 "data-bs-content"]
CODE = "pre, code, kbd, samp, .cell_output, .output"
MATH = "mjx-container, .math, math"
BIBLIOGRAPHY = ".citation, .bibtex-citation, [role=doc-biblioentry], .bibliography"

COLLECT_UI_STRINGS = """(root, [ATTRS, CODE, MATH, BIB]) => {
  const out = root === document.body ? [{where: 'document.title', text: document.title}] : [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!el || el.closest('script, style, noscript') || el.closest(CODE) || el.closest(MATH) || el.closest(BIB)) continue;
    const text = walker.currentNode.nodeValue.replace(/\\s+/g, ' ').trim();
    // 검색 결과의 본문 발췌는 앞뒤가 낱말 중간에서 잘립니다 ('excerpt': 원본의 일부이면 됩니다)
    const where = el.closest('#search-results .context') ? 'excerpt' : 'text <' + el.tagName.toLowerCase() + '>';
    if (/[A-Za-z]/.test(text)) out.push({where, text});
  }
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (el.closest('script, style') || el.closest(MATH) || el.closest(BIB)) continue;
    for (const name of ATTRS) {
      const value = el.getAttribute(name);
      if (value && /[A-Za-z]/.test(value)) out.push({where: name + ' <' + el.tagName.toLowerCase() + '>', text: value});
    }
    if (el.tagName === 'INPUT' && ['button', 'submit', 'reset'].includes(el.type) && /[A-Za-z]/.test(el.value))
      out.push({where: 'value <input>', text: el.value});
    if (el.closest('pre')) continue;  // 코드 글자(구문 강조 span)에는 덧붙인 글이 없습니다
    for (const pseudo of ['::before', '::after']) {
      const content = getComputedStyle(el, pseudo).content;
      if (content && content.startsWith('"') && /[A-Za-z]/.test(content))
        out.push({where: pseudo + ' <' + el.tagName.toLowerCase() + '>', text: content.slice(1, -1)});
    }
  }
  return out;
}"""

_ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:[ -][A-Za-z][A-Za-z'’]*)*")


@functools.lru_cache(maxsize=1)
def authored_text() -> str:
    """집필자가 쓴 글 전체: 목차의 원본(마크다운, 노트북의 마크다운·코드), 설정의 제목, 용어집 원본."""
    parts = [(ROOT / "_config.yml").read_text(encoding="utf-8"), (ROOT / "docs" / "terms.yml").read_text(encoding="utf-8")]
    for entry in quality.toc_entries():
        md, nb = ROOT / f"{entry}.md", ROOT / f"{entry}.ipynb"
        if md.is_file():
            parts.append(md.read_text(encoding="utf-8"))
        elif nb.is_file():
            parts += [c.source for c in nbformat.read(nb, as_version=4).cells]
    # Sphinx의 smartquotes가 곧은 작은따옴표를 굽은 것으로 바꾸므로(Hebb's → Hebb’s) 둘을 같게 봅니다.
    return re.sub(r"\s+", " ", "\n".join(parts)).replace("’", "'")


@functools.lru_cache(maxsize=4)
def _without_markup(text: str) -> str:
    """검색 발췌처럼 마크다운 표의 칸 구분, 코드 표시, 줄바꿈 태그(<br>)를 공백으로 바꾼 글."""
    return re.sub(r"\s+", " ", re.sub(r"<br\s*/?>|[`*|]", " ", text))


def english_ui_problems(strings: list[dict], authored: str) -> list[str]:
    """원본에 없는 영어 문구 (고유 명사, 파일 확장자 제외)."""
    problems = []
    for item in strings:
        text = item["text"]
        for match in _ENGLISH_RUN.finditer(text):
            run = match.group(0).replace("’", "'")  # smartquotes (authored_text 참고)
            if set(run.split()) <= PROPER_NOUNS:
                continue
            if match.start() > 0 and text[match.start() - 1] == "." and re.fullmatch(r"\.\w+", text.strip()):
                continue  # 내려받기 메뉴의 파일 형식(.ipynb, .pdf)
            # 검색 발췌는 마크업을 빼고 표의 칸을 공백 하나로 잇습니다(「0.87 GB | `iris…`」 → 「GB iris」).
            if item["where"] == "excerpt" and (run in authored or run in _without_markup(authored)):
                continue
            if re.search(r"(?<![A-Za-z])" + re.escape(run) + r"(?![A-Za-z])", authored):
                continue
            problems.append(f"{item['where']}: {run!r} (in {text[:80]!r})")
    return sorted(set(problems))


def ui_strings(page, within=None) -> list[dict]:
    """쪽 전체(또는 `within` 요소 아래)의 글자와 문구 속성."""
    root = within if within is not None else page.locator("body")
    return root.evaluate(COLLECT_UI_STRINGS, [UI_ATTRIBUTES, CODE, MATH, BIBLIOGRAPHY])


def test_planted_english_ui_is_caught(browser, tmp_path):
    (tmp_path / "page.html").write_text(
        """<html lang="ko"><head><title>1장. 퍼셉트론</title></head><body>
        <button aria-label="Toggle primary sidebar">≡</button>
        <p>퍼셉트론(perceptron)과 XOR</p>
        <pre>print("hello world")</pre>
        <span class="bibtex-citation"><a title="Some Author. Some Title. Press, 1999.">Author, 1999</a></span>
        <details><summary>Show code cell source</summary><pre>x = 1</pre></details>
        <img alt="Colab logo" src="data:,"> <a>Colab</a> <span>.ipynb</span>
        </body></html>""",
        encoding="utf-8",
    )
    httpd, url = _serve(tmp_path)
    try:
        page = Page(browser, url, "page.html")
        problems = english_ui_problems(ui_strings(page.page), "퍼셉트론(perceptron)과 XOR을 배웁니다")
        page.close()
    finally:
        httpd.shutdown()
    flagged = {re.search(r"'([^']*)' \(in", p).group(1) for p in problems}
    assert flagged == {"Toggle primary sidebar", "Show code cell source", "Colab logo"}, problems


def _ui_pages() -> list[str]:
    return [f"{entry}.html" for entry in quality.toc_entries()] + ["search.html"]


@pytest.mark.parametrize("path", _ui_pages())
def test_no_english_ui_text(open_page, path):
    p = open_page(path)
    page = p.page
    strings = ui_strings(page)
    # 눌러야 나오는 문구: 복사 단추(「복사했습니다」), 접힌 풀이의 안내(「눌러서 접기」)
    copy = page.locator("button.copybtn").first
    if copy.count():
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        copy.click(force=True)
        strings += ui_strings(page, copy)
    toggle = page.locator(".dropdown .admonition-title, details.hide summary").first
    if toggle.count():
        toggle.click(force=True)
        strings += ui_strings(page, toggle.locator(".."))
    problems = english_ui_problems(strings, authored_text())
    assert not problems, "영어 UI 문구 (_ext/locale 또는 _ext/templates에서 번역하세요):\n" + "\n".join(problems)


def test_no_english_ui_after_search(open_page):
    """검색 결과 쪽과, 검색어를 강조한 채 연 쪽(「검색 일치 숨기기」)."""
    chapter = quality.toc_entries()[[e.startswith("chapters/") for e in quality.toc_entries()].index(True)]
    for path in ["search.html?q=퍼셉트론을", f"{chapter}.html?highlight=퍼셉트론"]:
        p = open_page(path)
        p.page.wait_for_timeout(500)
        problems = english_ui_problems(ui_strings(p.page), authored_text())
        assert not problems, f"{path}: " + "\n".join(problems)


def test_one_search_box_per_page(open_page):
    p = open_page(f"{quality.toc_entries()[1]}.html")
    boxes = p.page.locator("input[name=q]:visible, button.search-button-field:visible")
    assert boxes.count() == 1, f"검색 상자가 {boxes.count()}개 보입니다"
