"""기록된 측정값 읽기: 한 번의 실행으로 잴 수 없는 여러 시드의 측정 (6장에서 소개).

어떤 주장(「이 방법은 어느 시드에서도 테스트 정확도가 흔들리지 않는다」)은 시드를 여러 개 바꿔 가며 재야
확인할 수 있습니다. 장을 한 번 실행하는 동안에는 잴 수 없으므로, 측정 도구(예: ``tools/imdb_recipe_sweep.py``)가
잰 값을 ``helpers/recorded/<이름>.json`` 에 남기고, 노트북은 :func:`load` 로 읽어 glue로 본문에 붙입니다.
파일은 helpers 패키지와 함께 설치되므로 Colab에서도 같은 값을 읽습니다.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

__all__ = ["load", "available"]

_NAME = re.compile(r"^[a-z0-9_]+$")


def available() -> list[str]:
    """기록된 측정의 이름 목록 (6장)."""
    folder = resources.files("helpers") / "recorded"
    return sorted(p.name[: -len(".json")] for p in folder.iterdir() if p.name.endswith(".json"))


def load(name: str) -> dict[str, Any]:
    """기록된 측정 ``name`` (예: ``"imdb_final_recipes"``)을 읽어 돌려줍니다 (6장).

    돌려주는 사전에는 측정한 명령(``command``), 날짜(``measured``), 기계(``machine``), 시드별 값(``rows``,
    사전의 목록)이 들어 있습니다.

    Raises:
        TypeError: ``name`` 이 문자열이 아닐 때.
        ValueError: ``name`` 이 영어 소문자·숫자·밑줄이 아닐 때.
        FileNotFoundError: 그런 기록이 없을 때 (있는 이름을 알려 줍니다).
    """
    if not isinstance(name, str):
        raise TypeError(f"name은 문자열이어야 합니다. 받은 값: {name!r}")
    if not _NAME.match(name):
        raise ValueError(f"기록 이름은 영어 소문자·숫자·밑줄로만 씁니다. 받은 값: {name!r}")
    path = resources.files("helpers") / "recorded" / f"{name}.json"
    if not path.is_file():
        raise FileNotFoundError(
            f"기록된 측정 '{name}'이 없습니다 (helpers/recorded/{name}.json). 있는 기록: {available()}"
        )
    record = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(record.get("rows"), list) or not record["rows"]:
        raise ValueError(f"helpers/recorded/{name}.json에 시드별 값(rows)이 없습니다.")
    return record
