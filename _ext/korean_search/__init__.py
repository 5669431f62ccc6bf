"""한국어 검색 언어: 조사가 붙은 낱말(「퍼셉트론을」, 「모델은」)로도 찾고, 그 낱말을 가르치는 장을 먼저 보여 줍니다.

스핑크스에는 한국어 검색 언어가 없어 색인이 영어처럼 만들어집니다: 띄어 쓴 어절이 조사째로 색인 낱말이 되므로
「퍼셉트론을」로는 「퍼셉트론은」만 쓴 쪽을 찾지 못합니다. 이 확장은 색인과 질문이 같은 단위를 쓰게 합니다.

- **색인(파이썬)**: 한글 덩어리는 음절 두 개씩 겹쳐 자른 조각(바이그램)과 음절 하나하나로, 영문·숫자·코드 식별자는
  지금처럼 낱말 그대로(영어 어간 추출 포함) 색인합니다. 「퍼셉트론을」 → 퍼셉·셉트·트론·론을 + 퍼·셉·트·론·을.
- **질문(브라우저)**: 낱말 끝의 조사·어미를 떼고(「퍼셉트론을」 → 「퍼셉트론」) 같은 방식으로 자른 조각을
  모두 가진 쪽을 찾습니다 (``splitQuery``). 조각은 색인에도 있으므로, 낱말을 본문에 쓴 쪽은 어떤 조사가
  붙어 있든 찾힙니다. 음절 하나짜리 낱말(「층」)은 음절로 찾습니다.
- **순위(``html_search_scorer``)**: 스핑크스는 본문에서 찾은 쪽에 모두 같은 점수를 줍니다. 이 책에서는 질문한
  낱말을 **가르치는 장** — 장 제목, 학습 목표, 요약, 절 제목에서 그 낱말을 부르는 장 — 을 먼저 보여 줍니다
  (제목이 부르면 가장 강하고, 학습 목표·요약·절 제목에서 부른 횟수가 많을수록 앞). 장마다 이 글자들은 빌드할 때
  문서에서 모아 검색 스크립트에 넣습니다.

조사 목록(``PARTICLES``)은 파이썬과 자바스크립트가 같은 것을 씁니다 (자바스크립트에는 빌드할 때 넣습니다).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.search.en import SearchEnglish

HERE = Path(__file__).resolve().parent

HANGUL = "\uac00-\ud7a3"
#: 색인 낱말: 한글 덩어리, 또는 한글이 아닌 글자·숫자·밑줄 덩어리
_TOKEN = re.compile(rf"[{HANGUL}]+|[^\W{HANGUL}]+")
_HANGUL_RUN = re.compile(rf"^[{HANGUL}]+$")

#: 질문 끝에서 떼는 조사와 어미 (긴 것부터 맞춰 봅니다).
PARTICLES: list[str] = sorted(
    {
        # 격조사·보조사
        "을", "를", "은", "는", "이", "가", "의", "에", "도", "만", "로", "으로", "와", "과",
        "에서", "에게", "한테", "께서", "부터", "까지", "마다", "처럼", "보다", "만큼", "밖에", "조차", "마저",
        "이나", "이든", "이며", "이란", "란", "라는", "이라는", "라고", "이라고", "로서", "으로서", "로써", "으로써",
        "로부터", "으로부터", "에서부터", "에게서",
        "에는", "에도", "에서는", "에서도", "에서의", "에게는", "으로는", "로는", "으로도", "로도", "으로의", "로의",
        "와는", "과는", "와의", "과의", "와도", "과도", "까지의", "부터의",
        # 서술격 조사·용언 어미 (「정규화하는」, 「역전파입니다」)
        "이다", "입니다", "이에요", "예요", "이야",
        "하는", "하고", "하기", "하며", "하면", "하여", "해서", "한다", "했다", "합니다", "된다", "되는", "되어", "됩니다",
    },
    key=lambda p: (-len(p), p),
)
#: 낱말 끝 음절이기도 한 한 음절 조사: 앞에 두 음절 이상 남을 때만 뗍니다 (「결과」, 「경로」, 「평가」는 그대로).
AMBIGUOUS = {"이", "가", "의", "에", "도", "만", "로", "와", "과"}


def is_hangul(text: str) -> bool:
    return bool(_HANGUL_RUN.match(text))


def strip_ending(word: str) -> str:
    """한글 낱말 끝의 조사·어미를 하나 뗍니다: 「퍼셉트론을」 → 「퍼셉트론」, 「결과」 → 「결과」."""
    for particle in PARTICLES:
        rest = len(word) - len(particle)
        if word.endswith(particle) and rest >= (2 if particle in AMBIGUOUS else 1):
            return word[:rest]
    return word


def ngrams(run: str) -> list[str]:
    """한글 덩어리의 음절 바이그램 (한 음절이면 그 음절)."""
    if len(run) < 2:
        return [run]
    return [run[i: i + 2] for i in range(len(run) - 1)]


def query_words(query: str) -> list[str]:
    """독자가 입력한 질문을 뜻하는 낱말들로: 한글은 조사·어미를 떼고, 영문·숫자는 소문자로.

    「Dense를」처럼 영문 뒤에 붙은 조사만의 덩어리는 버립니다. (브라우저 쪽 ``KoreanSearch.words``와 같습니다.)
    """
    words: list[str] = []
    for token in re.split(r"[^\w]+", query):
        runs = re.findall(rf"[{HANGUL}]+|[^{HANGUL}]+", token)
        for i, run in enumerate(runs):
            last = i == len(runs) - 1
            if is_hangul(run):
                if last and i > 0 and run in PARTICLES:
                    continue
                words.append(strip_ending(run) if last else run)
            else:
                words.append(run.lower())
    return [w for w in words if w]


class SearchKorean(SearchEnglish):
    """한국어 검색 언어 (영문 낱말은 영어 검색 언어와 같게: 포터 어간 추출, 영어 불용어)."""

    lang = "ko"
    language_name = "Korean"
    #: 장마다 가르치는 낱말을 찾을 글자 (빌드할 때 채웁니다: docname → {title, text})
    profiles: dict[str, dict[str, str]] = {}

    def split(self, input: str) -> list[str]:
        words: list[str] = []
        for token in _TOKEN.findall(input):
            if is_hangul(token):
                words += list(token) + (ngrams(token) if len(token) > 1 else [])
            else:
                words.append(token)
        return words

    def stem(self, word: str) -> str:
        return word if is_hangul(word) else super().stem(word)

    @property  # type: ignore[override]
    def js_splitter_code(self) -> str:
        code = (HERE / "search.js").read_text(encoding="utf-8")
        data = {"particles": PARTICLES, "ambiguous": sorted(AMBIGUOUS), "profiles": self.profiles}
        return code.replace("/*KOREAN_SEARCH_DATA*/null", json.dumps(data, ensure_ascii=False, sort_keys=True))


# ---- 가르치는 장: 제목, 학습 목표, 요약, 절 제목 -------------------------------------------------

GOALS = "학습 목표"
SUMMARY = "요약"
_CHAPTER_PREFIX = re.compile(r"^\s*\d+장\.\s*")


def teaching_profile(doctree: nodes.document) -> dict[str, str] | None:
    """학습 목표 절이 있는 문서(장)의 제목과, 학습 목표·요약·절 제목 글자. 장이 아니면 None."""
    sections = list(doctree.findall(nodes.section))
    if not sections:
        return None
    title_of = {id(s): s[0].astext().strip() if s.children and isinstance(s[0], nodes.title) else "" for s in sections}
    goals = [s for s in sections if title_of[id(s)] == GOALS]
    if not goals:
        return None
    text = [goals[0].astext()]
    text += [s.astext() for s in sections if title_of[id(s)] == SUMMARY]
    text += [title_of[id(s)] for s in sections[1:] if title_of[id(s)] not in (GOALS, SUMMARY)]
    return {"title": _CHAPTER_PREFIX.sub("", title_of[id(sections[0])]), "text": "\n".join(text)}


def _profiles(env: BuildEnvironment) -> dict[str, dict[str, str]]:
    if not hasattr(env, "korean_search_profiles"):
        env.korean_search_profiles = {}  # type: ignore[attr-defined]
    return env.korean_search_profiles  # type: ignore[attr-defined]


def collect_profile(app: Sphinx, doctree: nodes.document) -> None:
    profile = teaching_profile(doctree)
    store = _profiles(app.env)
    if profile:
        store[app.env.docname] = profile
    else:
        store.pop(app.env.docname, None)


def purge_profile(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _profiles(env).pop(docname, None)


def merge_profiles(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    _profiles(env).update({d: p for d, p in getattr(other, "korean_search_profiles", {}).items() if d in docnames})


def reread_without_profiles(app: Sphinx, env: BuildEnvironment, added: set, changed: set, removed: set) -> list[str]:
    """모은 장의 글자가 없으면(이 확장 없이 만든 이전 빌드의 환경) 모든 문서를 다시 읽어 모읍니다."""
    return [] if getattr(env, "korean_search_profiles", None) else sorted(env.found_docs)


def publish_profiles(app: Sphinx, env: BuildEnvironment) -> None:
    """검색 스크립트(language_data.js)를 쓰기 전에 장의 글자를 검색 언어에 넘깁니다."""
    profiles = _profiles(env)
    SearchKorean.profiles = {d: profiles[d] for d in sorted(profiles) if d in env.found_docs}


def use_scorer(app: Sphinx, config: Any) -> None:
    """순위 스크립트(scorer.js)를 html_search_scorer로 (책 설정에서 따로 정하지 않았다면)."""
    if not config.html_search_scorer:
        config.html_search_scorer = str(HERE / "scorer.js")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_search_language(SearchKorean)
    app.connect("config-inited", use_scorer)
    app.connect("doctree-read", collect_profile)
    app.connect("env-get-outdated", reread_without_profiles)
    app.connect("env-purge-doc", purge_profile)
    app.connect("env-merge-info", merge_profiles)
    app.connect("env-updated", publish_profiles)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
