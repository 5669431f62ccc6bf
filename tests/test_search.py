"""빌드된 책의 한국어 검색 (헤드리스 크로미움, `make test`의 브라우저 단계).

- 재현율: docs/terms.yml의 한국어 용어를 그대로·목적격 조사(을/를)·주제 조사(은/는)를 붙여 검색하면, 그 용어를
  본문에 두 번 이상 쓰는 장 쪽을 98% 이상 찾아야 합니다. 찾은 장 쪽의 98% 이상은 그 낱말을 실제로 써야 합니다(정밀도).
- 순위: 낱말을 가르치는 장(장 제목·학습 목표·요약·절 제목이 그 낱말을 부르는 장)이 첫 결과여야 합니다.
  가르치는 장은 원본 노트북에서 정합니다 (이 파일의 `teaching_chapter`).
- 책에 없는 낱말은 아무것도 찾지 않고, 영문·코드 식별자(`Dense`, `fit`)는 지금처럼 찾습니다.

검색 코드는 _ext/korean_search/ (색인: 파이썬, 질문과 순위: 자바스크립트)에 있습니다.
"""

from __future__ import annotations

import re
import sys

import nbformat
import pytest

import quality
import search_eval
from quality import ROOT

sys.path.insert(0, str(ROOT / "_ext"))
from korean_search import query_words  # noqa: E402

pytestmark = pytest.mark.browser

HTML = ROOT / "_build" / "html"
RANKING_QUERIES = ["퍼셉트론을", "역전파는", "활성화 함수", "손실 함수를", "Dense"]
ABSENT_WORDS = ["바나나", "자전거"]
CODE_WORDS = ["Dense", "fit"]
MIN_RECALL = 0.98


# ---- 가르치는 장 (원본에서) ---------------------------------------------------------------


def _sections(markdown: str) -> dict[str, str]:
    parts = re.split(r"(?m)^## ", markdown)
    return {part.splitlines()[0].strip(): part for part in parts[1:] if part.strip()}


def chapter_profiles() -> list[tuple[str, str, str]]:
    """목차 순서대로 (문서 이름, 장 제목, 학습 목표·요약·절 제목 글자)."""
    profiles = []
    for entry in quality.toc_entries():
        path = ROOT / f"{entry}.ipynb"
        if not path.is_file():
            continue
        nb = nbformat.read(path, as_version=4)
        markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        sections = _sections(markdown)
        if "학습 목표" not in sections:
            continue
        title = re.sub(r"^#\s*\d+장\.\s*", "", nb.cells[0].source.splitlines()[0])
        headings = [
            line.lstrip("#").strip()
            for line in markdown.splitlines()[1:]
            if line.startswith("#") and line.lstrip("#").strip() not in ("학습 목표", "요약")
        ]
        text = "\n".join([sections["학습 목표"], sections.get("요약", ""), *headings])
        profiles.append((entry, title, text))
    return profiles


def teaching_score(query: str, title: str, text: str) -> float:
    """장 제목이 부르면 100(+제목에서 차지하는 비율 ×10), 학습 목표·요약·절 제목에서 부를 때마다 10 (최대 90)."""
    words = query_words(query)
    phrase = " ".join(words)

    def count(body: str) -> int:
        body = body.lower()
        n = body.count(phrase)
        return n if n or len(words) == 1 else min(body.count(w) for w in words)

    in_title = count(title) > 0
    mentions = min(count(text), 9)
    title_score = 100 + round(10 * min(1, len(phrase) / max(len(title), 1))) if in_title else 0
    return title_score + 10 * mentions


def teaching_chapter(query: str) -> str | None:
    """질문한 낱말을 가르치는 장 (점수가 같으면 앞 장). 어느 장도 부르지 않으면 None."""
    best, best_score = None, 0.0
    for entry, title, text in chapter_profiles():
        score = teaching_score(query, title, text)
        if score > best_score:
            best, best_score = entry, score
    return best


def test_teaching_chapter_reads_titles_goals_and_summaries():
    profiles = chapter_profiles()
    assert profiles, "학습 목표가 있는 장이 없습니다"
    entry, title, _ = profiles[0]
    # 첫 장의 제목 낱말은 그 장이 가르칩니다 (제목이 부르는 장이 하나뿐이거나, 가장 많이 부르는 장)
    assert teaching_score(title, title, "") > teaching_score(title, "다른 제목", title * 9)


# ---- 브라우저 -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site():
    if not (HTML / "search.html").is_file():
        pytest.fail("빌드된 책(_build/html)이 없습니다: make test 또는 make book을 먼저 실행하세요")
    httpd, url = search_eval.serve(HTML)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="module")
def page(site):
    if not search_eval.CHROMIUM:
        pytest.fail("chromium이 없습니다: tools/install_system_deps.sh browser")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = search_eval.launch(p)
        pg = browser.new_page()
        yield pg
        browser.close()


@pytest.fixture(scope="module")
def texts(page, site):
    """장 쪽마다 본문 글자 (한 번만 읽습니다)."""
    return search_eval.page_texts(page, site, search_eval.chapter_pages())


@pytest.fixture(scope="module")
def recall(page, site, texts):
    return search_eval.recall_table(page, site, texts=texts)


@pytest.mark.parametrize("form", ["bare", "object", "topic"])
def test_glossary_recall(recall, form):
    row = recall[form]
    assert row["total"] > 0, "용어를 두 번 이상 쓰는 장이 없습니다"
    value = row["found"] / row["total"]
    assert value >= MIN_RECALL, f"재현율 {row['found']}/{row['total']} = {value:.3f}; 놓친 것: {row['missed'][:20]}"


@pytest.mark.parametrize("form", ["bare", "object", "topic"])
def test_glossary_precision(recall, form):
    """음절 조각으로 찾으므로, 찾은 장 쪽이 질문의 낱말을 정말 쓰는지도 봅니다."""
    row = recall[form]
    value = row["correct"] / max(row["returned"], 1)
    assert value >= MIN_RECALL, f"정밀도 {row['correct']}/{row['returned']} = {value:.3f}; 잘못 찾은 것: {row['wrong'][:20]}"


def test_python_and_browser_split_queries_alike(page, site):
    """색인·순위 검사(파이썬)와 브라우저가 질문을 같은 낱말로 나누는지."""
    search_eval.open_search(page, site)
    queries = [q for w in search_eval.glossary_words() for q in
               (w, search_eval.with_particle(w, "object"), search_eval.with_particle(w, "topic"))]
    queries += RANKING_QUERIES + ["Dense를", "tf.GradientTape로", "정확도는", "결과", "층을"]
    browser_words = page.evaluate("qs => qs.map(q => KoreanSearch.words(q))", queries)
    assert {q: w for q, w in zip(queries, browser_words)} == {q: query_words(q) for q in queries}


def _search_ui(page, site, query: str) -> list[str]:
    """검색 쪽(search.html?q=…)을 열어 화면에 나온 결과 링크의 문서 이름을 순서대로."""
    page.goto(f"{site}/search.html?q={query}", wait_until="load")
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-results .search-summary');"
        " return s && s.innerText.trim().length > 0; }",
        timeout=30_000,
    )
    hrefs = page.eval_on_selector_all("#search-results ul.search li > a", "els => els.map(e => e.getAttribute('href'))")
    return [re.sub(r"\.html.*$", "", h) for h in hrefs]


@pytest.mark.parametrize("query", RANKING_QUERIES)
def test_teaching_chapter_comes_first(page, site, query):
    expected = teaching_chapter(query)
    assert expected, f"「{query}」를 제목·학습 목표·요약·절 제목에서 부르는 장이 없습니다"
    docs = _search_ui(page, site, query)
    assert docs, f"「{query}」 검색 결과가 없습니다"
    assert docs[0] == expected, f"「{query}」의 첫 결과가 {docs[0]}입니다 (가르치는 장: {expected}); 결과: {docs[:6]}"
    # 결과에서 연 쪽은 바이그램 조각이 아니라 조사를 뗀 낱말을 강조합니다
    stored = page.evaluate("localStorage.getItem('sphinx_highlight_terms')")
    assert stored == " ".join(query_words(query))


@pytest.mark.parametrize("word", ABSENT_WORDS)
def test_words_the_book_does_not_use_find_nothing(page, site, texts, word):
    assert not any(word in t for t in texts.values()), f"이제 책이 「{word}」를 씁니다: 다른 낱말로 검사하세요"
    assert _search_ui(page, site, word) == []


@pytest.mark.parametrize("word", CODE_WORDS)
def test_code_identifiers_stay_searchable(page, site, texts, word):
    docs = search_eval.chapter_pages()
    expected = {d for d in docs if len(re.findall(rf"\b{word}\b", texts[d])) >= 2}
    assert expected, f"「{word}」를 쓰는 장이 없습니다"
    search_eval.open_search(page, site)
    got = set(search_eval.result_docs(search_eval.search(page, word)))
    assert expected <= got, f"「{word}」로 찾지 못한 장: {sorted(expected - got)}"
