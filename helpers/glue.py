"""측정한 수를 책 본문에 붙이는 도우미: myst-nb의 ``glue`` (1장에서 소개, 모든 장에서 사용).

본문에 적힌 측정값(정확도, 손실, 시간, 파라미터 수)은 손으로 옮겨 적지 않고, 그 값을 잰 실행에서
그대로 가져옵니다. 코드 셀에서 ``glue("test_acc", test_acc)`` 로 값을 붙여 두면 마크다운에서
``{glue:text}`test_acc:.3f``` 처럼 형식을 정해 꺼내 쓸 수 있습니다.

myst-nb가 없는 Colab에서도 돌아가도록 ``myst_nb.glue`` 를 임포트하지 않고, 그것이 내보내는 것과
같은 표시 데이터(``application/papermill.record/text/plain`` 과 ``scrapbook`` 메타데이터)를 직접
내보냅니다. 이 데이터는 노트북 화면에는 보이지 않습니다.
"""

from __future__ import annotations

import math
import numbers
import re
from typing import Any, Callable

__all__ = ["GLUE_PREFIX", "glue"]

#: myst-nb가 붙인 값을 찾는 MIME 접두사 (myst_nb.ext.glue.GLUE_PREFIX와 같음).
GLUE_PREFIX = "application/papermill.record/"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _display(bundle: dict[str, Any], metadata: dict[str, Any]) -> None:
    from IPython.display import display

    display(bundle, raw=True, metadata=metadata)


_emit: Callable[[dict[str, Any], dict[str, Any]], None] = _display


def _plain(value: Any) -> int | float | str:
    """NumPy 스칼라·0차원 배열을 파이썬 수로 바꿉니다 (``{glue:text}`` 의 형식 지정이 읽을 수 있게)."""
    if isinstance(value, bool):
        raise TypeError("참/거짓 값은 붙일 수 없습니다. 수나 문자열을 넘기세요.")
    if isinstance(value, str):
        return value
    if hasattr(value, "item") and getattr(value, "shape", ()) in ((), (1,)):
        value = value.item()  # np.float32, np.int64, 0차원 배열, 텐서의 .numpy()
    if isinstance(value, bool):
        raise TypeError("참/거짓 값은 붙일 수 없습니다. 수나 문자열을 넘기세요.")
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        result = float(value)
        if not math.isfinite(result):
            raise ValueError(f"유한하지 않은 값({result})은 본문에 붙일 수 없습니다. 측정이 잘못되지 않았는지 확인하세요.")
        return result
    raise TypeError(
        f"glue에는 수(int, float, NumPy 스칼라)나 문자열만 넘길 수 있습니다. 받은 타입: {type(value).__name__}"
    )


def glue(name: str, value: Any) -> Any:
    """측정값 ``value`` 를 이름 ``name`` 으로 책 본문에 붙입니다 (1장에서 소개, 모든 장).

    마크다운에서는 ``{glue:text}`name:형식``` 으로 씁니다. 형식은 파이썬 형식 지정과 같습니다:
    ``.3f`` (소수 셋째 자리), ``.1%`` (백분율), ``,`` (천 단위 쉼표), ``.1f`` (초).

    Args:
        name: 영문자·숫자·밑줄로 된 이름 (한 노트북 안에서 한 번만 씁니다).
        value: 수 또는 문자열. NumPy 스칼라는 파이썬 수로 바꿔 붙입니다.

    Returns:
        파이썬 수(또는 문자열)로 바꾼 값. 이어서 계산이나 출력에 쓸 수 있습니다.

    Raises:
        ValueError: 이름이 규칙에 맞지 않거나 값이 유한하지 않을 때.
        TypeError: 수나 문자열이 아닌 값(배열, 참/거짓 등)을 넘겼을 때.
    """
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(f"glue 이름은 영문자·숫자·밑줄로 쓰고 숫자로 시작하지 않아야 합니다. 받은 이름: {name!r}")
    plain = _plain(value)
    _emit({GLUE_PREFIX + "text/plain": repr(plain)}, {"scrapbook": {"name": name, "mime_prefix": GLUE_PREFIX}})
    return plain
