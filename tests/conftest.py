"""테스트 공통 설정.

브라우저 테스트(``-m browser``)는 빌드된 책(``_build/html``)과 실행된 노트북 사본(``.nbexec``,
``make test`` 가 만듦)을 봅니다. 그것들이 없을 때:

- ``-m browser`` 로 브라우저 테스트를 콕 집어 실행하면(``make test`` 의 마지막 단계) 실패합니다.
- 그 밖의 실행(인자 없는 ``pytest``·``pytest --nbmake``)에서는 까닭을 밝히고 건너뜁니다.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import matplotlib
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))  # 품질 검사 도구 (tools/quality.py)

matplotlib.use("Agg")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

BUILT_BOOK = ROOT / "_build" / "html" / "intro.html"
EXECUTED = ROOT / ".nbexec" / "chapters"


def _browser_tests_requested(config: pytest.Config) -> bool:
    """``-m browser`` 처럼 브라우저 테스트를 직접 고른 실행인지 (``not browser`` 는 아님)."""
    expression = (config.option.markexpr or "").replace(" ", "")
    return "browser" in expression and "notbrowser" not in expression


def _missing_artifact(item: pytest.Item) -> str | None:
    """브라우저 테스트 하나가 필요로 하는데 없는 것 (있으면 None)."""
    fixtures = set(getattr(item, "fixturenames", ()))
    if fixtures & {"server", "built_html"} and not BUILT_BOOK.is_file():
        return f"빌드된 책({BUILT_BOOK.parent.relative_to(ROOT)})이 없습니다: `make book`이나 `make test`를 먼저 실행하세요"
    if "browser" in fixtures and not (shutil.which("chromium") or shutil.which("chromium-browser")):
        return "chromium이 없습니다: `bash tools/install_system_deps.sh browser`로 설치하세요"
    if item.name.startswith("test_executed_notebook_is_clean") and not EXECUTED.is_dir():
        return f"실행된 노트북 사본({EXECUTED.relative_to(ROOT)})이 없습니다: `make test`가 만듭니다"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _browser_tests_requested(config):
        return  # 직접 고른 브라우저 테스트는 건너뛰지 않습니다: 없으면 실패해야 합니다
    for item in items:
        if item.get_closest_marker("browser") is None:
            continue
        reason = _missing_artifact(item)
        if reason:
            item.add_marker(pytest.mark.skip(reason=f"브라우저 테스트를 건너뜁니다 — {reason}"))


@pytest.fixture(scope="session")
def built_html() -> Path:
    """빌드된 책의 HTML 폴더 (없으면 실패: 브라우저 테스트를 직접 고른 실행에서만 여기까지 옵니다)."""
    if not BUILT_BOOK.is_file():
        pytest.fail("빌드된 책(_build/html)이 없습니다: make test 또는 make book을 먼저 실행하세요")
    return BUILT_BOOK.parent
