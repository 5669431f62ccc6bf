"""pytest 설정 (저장소 루트): 인자 없는 ``pytest --nbmake`` 가 약속한 그대로 돌게 합니다.

- ``pytest --nbmake`` 는 ``tests/`` 의 단위·품질 테스트와 ``_toc.yml`` 에 있는 모든 노트북을
  실행합니다 (``pyproject.toml`` 의 ``testpaths``). 목차를 그때그때 읽으므로 장이 늘어도 고칠 곳이
  없습니다. ``chapters/`` 에 있어도 목차에 없는 노트북은 건너뜁니다(직접 경로를 주면 실행).
  ``--nbmake`` 없이 ``pytest`` 만 부르면 노트북은 실행하지 않습니다.
- 오프라인 데이터 미러: 저장소 옆 ``../shared/datasets`` (또는 환경 변수 ``DATA_MIRROR``)가 있으면,
  어떤 커널보다 먼저 Makefile과 같은 환경 변수를 설정합니다. ``KERAS_HOME`` 은 쓰기 가능한
  ``_build/keras_home`` 에 미러의 ``datasets`` 를 가리키는 심볼릭 링크를 두고 그 폴더를 가리킵니다
  (케라스는 쓸 수 없는 ``KERAS_HOME`` 을 조용히 ``/tmp/.keras`` 로 바꿔 내려받으려 합니다).
  ``KERAS_HOME`` 이 이미 있으면(``make`` 가 설정한 경우 등) 아무것도 바꾸지 않습니다.
- 브라우저 테스트(빌드된 책이 필요)는 ``tests/conftest.py`` 가 책이 없을 때 까닭과 함께 건너뜁니다.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "tools"))

from toc_notebooks import toc_notebooks  # noqa: E402  (PyYAML 없이 _toc.yml을 읽습니다)


def _wire_data_mirror() -> None:
    """Makefile의 ``data`` 목표와 같은 일: 미러가 있으면 로더가 그것을 읽게 합니다."""
    if os.environ.get("KERAS_HOME"):
        return
    mirror = Path(os.environ.get("DATA_MIRROR") or ROOT.parent / "shared" / "datasets").resolve()
    if not (mirror / "keras" / "datasets").is_dir():
        return
    home = ROOT / "_build" / "keras_home"
    home.mkdir(parents=True, exist_ok=True)
    link = home / "datasets"
    if not (link.is_symlink() and link.resolve() == (mirror / "keras" / "datasets").resolve()):
        temporary = home / f".datasets.{os.getpid()}"
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(mirror / "keras" / "datasets", target_is_directory=True)
        os.replace(temporary, link)  # 여러 프로세스가 동시에 해도 안전합니다
    os.environ["KERAS_HOME"] = str(home)
    os.environ["DLBOOK_DATA_MIRROR"] = str(mirror)
    os.environ["SCIKIT_LEARN_DATA"] = str(mirror / "sklearn")


_wire_data_mirror()
_TOC_NOTEBOOKS = {(ROOT / path).resolve() for path in toc_notebooks()}


def pytest_ignore_collect(collection_path: Path, config) -> bool | None:
    """``chapters/`` 의 노트북 가운데 목차에 없는 것은 모으지 않습니다 (직접 준 경로는 예외)."""
    if collection_path.suffix == ".ipynb" and collection_path.parent.resolve() == (ROOT / "chapters").resolve():
        return collection_path.resolve() not in _TOC_NOTEBOOKS or None
    return None
