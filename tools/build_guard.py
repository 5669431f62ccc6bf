"""책 빌드가 오래된 결과나 실행 오류를 보여 주지 않게 지킵니다 (make book·make test가 사용).

사용법::

    python tools/build_guard.py prepare   # 노트북을 실행하거나 책을 빌드하기 전에
    python tools/build_guard.py verify    # 책 빌드가 끝난 뒤에 (빌드된 HTML 검사)

``prepare``

1. ``helpers/`` 아래의 파일과 ``requirements.txt`` 의 지문(SHA-256)이 실행 캐시를 만들 때와
   다르면 실행 캐시(``_config.yml`` 의 ``execute.cache``)와 Sphinx 환경(``_build/.doctrees``)을
   지웁니다. 노트북의 결과는 도우미와 패키지에 달려 있는데, jupyter-cache는 노트북의 코드만 보고
   Sphinx는 원본 파일의 수정 시각만 보기 때문입니다. 모든 노트북이 다시 실행됩니다.
2. 지난 빌드가 ``verify`` 를 통과하지 못했으면(실패·중단·오류가 보이는 쪽) Sphinx 환경을 지웁니다.
   Sphinx는 실행이 실패한 문서도 "최신"으로 기록해 두므로, 그대로 두면 다음 빌드가 그 문서를 다시
   읽지 않고 오류가 보이는 쪽을 남긴 채 0으로 끝납니다. 환경을 지우면 모든 문서를 다시 읽고, 성공한
   노트북은 캐시에서 꺼내며(빠름) 캐시에 없는 노트북(실행이 실패한 것)은 다시 실행합니다.
3. "검증 전" 표시를 남깁니다. ``verify`` 만 이 표시를 지웁니다.

``verify``
    ``_build/html`` 의 모든 쪽에서 실행 오류 출력(traceback)을 찾습니다. 하나라도 있으면 쪽과 함께
    알리고 실패합니다(종료 코드 1). 없으면 "검증 전" 표시를 지웁니다.
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
STATE = BUILD / ".build-guard"
DEPS_FILE = STATE / "deps.sha256"
UNVERIFIED = STATE / "unverified"
DOCTREES = BUILD / ".doctrees"
HTML = BUILD / "html"

#: 노트북 실행 결과를 좌우하는 파일 (바뀌면 모든 노트북을 다시 실행합니다).
DEPENDENCIES = ("helpers", "requirements.txt")

#: myst-nb가 실행 오류(error 출력)를 그리는 모양.
_ERROR_OUTPUT = re.compile(r'class="output traceback\b')
#: 스트림(stdout/stderr) 출력 안의 파이썬 traceback.
_STREAM_OUTPUT = re.compile(r'<div class="output (?:stream|stderr)[^"]*"><div class="highlight"><pre>(.*?)</pre>', re.S)
_TRACEBACK = "Traceback (most recent call last)"


def execution_cache() -> Path:
    """``_config.yml`` 의 ``execute.cache``."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return ROOT / config["execute"]["cache"]


def fingerprint(root: Path = ROOT) -> str:
    """:data:`DEPENDENCIES` 의 모든 파일(경로와 내용)의 SHA-256."""
    digest = hashlib.sha256()
    for name in DEPENDENCIES:
        base = root / name
        files = sorted(base.rglob("*")) if base.is_dir() else [base]
        for path in files:
            if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _remove(path: Path, why: str) -> None:
    if path.exists():
        shutil.rmtree(path)
        print(f"[build_guard] {why}: {path.relative_to(ROOT)}를 지웠습니다")


def prepare() -> int:
    current = fingerprint()
    recorded = DEPS_FILE.read_text().strip() if DEPS_FILE.is_file() else None
    if recorded != current:
        why = "helpers/ 또는 requirements.txt가 바뀌어 모든 노트북을 다시 실행합니다"
        if recorded is None:
            why = "실행 캐시가 어떤 helpers/·requirements.txt로 만들어졌는지 몰라 모든 노트북을 다시 실행합니다"
        _remove(execution_cache(), why)
        _remove(DOCTREES, why)
    elif UNVERIFIED.exists():
        _remove(DOCTREES, "지난 빌드가 검증을 통과하지 못해 모든 쪽을 다시 읽습니다")
    STATE.mkdir(parents=True, exist_ok=True)
    DEPS_FILE.write_text(current + "\n")
    UNVERIFIED.touch()
    return 0


def page_problems(page: Path) -> list[str]:
    """빌드된 쪽 하나에 보이는 실행 오류."""
    text = page.read_text(encoding="utf-8", errors="replace")
    problems = []
    if _ERROR_OUTPUT.search(text):
        problems.append("셀 실행 오류(traceback)가 출력되어 있습니다")
    for block in _STREAM_OUTPUT.findall(text):
        if _TRACEBACK in html.unescape(re.sub(r"<[^>]+>", "", block)):
            problems.append("출력에 파이썬 traceback이 있습니다")
            break
    return problems


def built_book_problems(html_dir: Path = HTML) -> list[str]:
    """``html_dir`` 아래 모든 쪽의 실행 오류 (빈 목록이면 통과)."""
    if not (html_dir / "index.html").is_file() and not any(html_dir.glob("*.html")):
        return [f"빌드된 책이 없습니다: {html_dir}"]
    return [
        f"{page.relative_to(html_dir)}: {problem}"
        for page in sorted(html_dir.rglob("*.html"))
        if "_static" not in page.relative_to(html_dir).parts
        for problem in page_problems(page)
    ]


def verify() -> int:
    problems = built_book_problems()
    if problems:
        print("[build_guard] 빌드된 책에 실행 오류가 보입니다 (다음 빌드는 이 쪽들을 다시 만듭니다):", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    UNVERIFIED.unlink(missing_ok=True)
    return 0


def main(argv: list[str]) -> int:
    commands = {"prepare": prepare, "verify": verify}
    if len(argv) != 1 or argv[0] not in commands:
        print(__doc__)
        return 2
    return commands[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
