"""빌드된 책의 검색을 헤드리스 크로미움에서 재는 도구 (tests/test_search.py와 보고용 명령이 함께 씁니다).

질문: docs/terms.yml의 한국어 용어를 그대로(`모델`), 목적격 조사를 붙여(`모델을`), 주제 조사를 붙여(`모델은`) 검색합니다.
정답: 그 용어를 본문에 두 번 이상 쓰는 장(chapters/) 쪽 전부. 재현율 = 찾은 정답 쪽 / 정답 쪽.

검색은 책의 search.html에 있는 스핀크스 검색 코드(searchtools.js와 이 책의 한국어 검색 언어)를 그대로 부릅니다:
`Search._parseQuery`와 `Search._performSearch`는 검색 상자에 입력했을 때 화면이 부르는 바로 그 함수입니다.

보고용: `.venv/bin/python tests/search_eval.py [_build/html]`
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

sys.path.insert(0, str(ROOT / "_ext"))

from korean_search import query_words  # noqa: E402
from toc_notebooks import toc_files  # noqa: E402

import yaml  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
HANGUL = re.compile(r"[\uac00-\ud7a3]")


# ---- 질문 만들기 ---------------------------------------------------------------


def has_final_consonant(word: str) -> bool:
    """마지막 글자에 받침이 있는지 (한글이 아니면 모음으로 끝나는 것으로 봅니다: TLU를, ReLU는)."""
    last = word.rstrip()[-1]
    if HANGUL.match(last):
        return (ord(last) - 0xAC00) % 28 != 0
    return False


def with_particle(word: str, kind: str) -> str:
    """`kind`가 'object'면 을/를, 'topic'이면 은/는을 붙입니다."""
    pairs = {"object": ("을", "를"), "topic": ("은", "는")}
    with_batchim, without = pairs[kind]
    return word + (with_batchim if has_final_consonant(word) else without)


def glossary_words(root: Path = ROOT) -> list[str]:
    terms = yaml.safe_load((root / "docs" / "terms.yml").read_text(encoding="utf-8"))
    return [t["ko"] for t in terms]


def chapter_pages(root: Path = ROOT) -> list[str]:
    """목차 순서대로 장 쪽의 문서 이름 (chapters/…)."""
    return [e for e in toc_files(root / "_toc.yml") if e.startswith("chapters/")]


# ---- 브라우저 --------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def page_texts(page, url: str, docnames: list[str]) -> dict[str, str]:
    """각 쪽 본문(article)의 글자 (검색 색인과 같은 범위: 접힌 풀이·코드 포함, 스크립트와 앞뒤 쪽 링크 제외)."""
    texts = {}
    for doc in docnames:
        page.goto(f"{url}/{doc}.html", wait_until="domcontentloaded")
        texts[doc] = page.evaluate(
            """() => { const m = (document.querySelector('article.bd-article') || document.querySelector('[role=main]')).cloneNode(true);
                       m.querySelectorAll('script, style, .headerlink').forEach(e => e.remove());
                       return m.textContent; }"""
        )
    return texts


def open_search(page, url: str) -> None:
    page.goto(f"{url}/search.html", wait_until="load")
    page.wait_for_function("() => typeof Search !== 'undefined' && Search.hasIndex()", timeout=30_000)


RUN_QUERY = """(q) => {
  const parsed = Search._parseQuery(q);
  const results = Search._performSearch(...parsed);
  // 화면은 배열의 끝에서부터 꺼내 보여 줍니다(_displayNextItem의 pop): 뒤집으면 화면 순서입니다.
  return results.slice().reverse().map(r => ({doc: r[0], title: r[1], anchor: r[2], score: r[4]}));
}"""


def search(page, query: str) -> list[dict]:
    """검색 결과를 화면에 보이는 순서대로 (search.html이 열려 있어야 합니다)."""
    return page.evaluate(RUN_QUERY, query)


def result_docs(results: list[dict]) -> list[str]:
    """결과의 문서 이름을 처음 나온 순서대로 (한 쪽의 여러 절은 한 번만)."""
    seen: list[str] = []
    for r in results:
        if r["doc"] not in seen:
            seen.append(r["doc"])
    return seen


def count(text: str, word: str) -> int:
    return text.lower().count(word.lower())


def recall_table(page, url: str, root: Path = ROOT, texts: dict[str, str] | None = None) -> dict:
    """형태(그대로·목적격·주제)마다 재현율(찾은 정답 쪽 / 정답 쪽, 놓친 것)과
    정밀도(찾은 장 쪽 가운데 질문의 낱말(조사를 뗀 것)을 모두 쓰는 쪽의 비율, 잘못 찾은 것)."""
    docs = chapter_pages(root)
    texts = texts or page_texts(page, url, docs)
    open_search(page, url)
    table = {}
    for form in ("bare", "object", "topic"):
        found = total = correct = returned = 0
        missed, wrong = [], []
        for word in glossary_words(root):
            expected = {d for d in docs if count(texts[d], word) >= 2}
            if not expected:
                continue
            query = word if form == "bare" else with_particle(word, form)
            got = set(result_docs(search(page, query)))
            found += len(expected & got)
            total += len(expected)
            missed += [(query, d) for d in sorted(expected - got)]
            for d in sorted(got & set(docs)):
                returned += 1
                if all(count(texts[d], w) for w in query_words(query)):
                    correct += 1
                else:
                    wrong.append((query, d))
        table[form] = {"found": found, "total": total, "missed": missed,
                       "correct": correct, "returned": returned, "wrong": wrong}
    return table


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def main(html: Path) -> None:
    from playwright.sync_api import sync_playwright

    httpd, url = serve(html)
    try:
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page()
            table = recall_table(page, url)
            for form, row in table.items():
                print(f"{form:7s} 재현율 {row['found']}/{row['total']} = {row['found'] / max(row['total'], 1):.3f}"
                      f"  정밀도 {row['correct']}/{row['returned']} = {row['correct'] / max(row['returned'], 1):.3f}")
                print("   놓친 것:", json.dumps(row["missed"][:40], ensure_ascii=False))
            for q in ["퍼셉트론을", "역전파는", "활성화 함수", "손실 함수를", "Dense", "딥러닝", "바나나", "자전거"]:
                res = search(page, q)
                print(f"{q}: {len(result_docs(res))}쪽 → " + ", ".join(
                    f"{r['doc']}{r['anchor']}({r['score']})" for r in res[:5]))
            browser.close()
    finally:
        httpd.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "html")
