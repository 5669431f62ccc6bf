"""숨은 결과 확인 셀(``remove-cell`` 태그)에서 쓰는 assert 도우미 (모든 장).

본문이 약속한 것("테스트 정확도 0.88 이상", "손실이 줄어든다", "기울기가 일치한다")을
실제 측정값과 비교하고, 어긋나면 **무엇을 약속했고 무엇이 측정되었는지** 말해 주는
``AssertionError`` 를 일으킵니다. 통과하면 한 줄로 확인 결과를 출력합니다.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = [
    "at_least",
    "at_most",
    "close",
    "decreased",
    "relative_error",
]


def _scalar(value: Any, name: str) -> float:
    try:
        result = float(np.asarray(value).item())
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name}은(는) 숫자 하나여야 합니다. 받은 값: {value!r}") from exc
    if not np.isfinite(result):
        raise AssertionError(f"{name} 측정값이 유한한 수가 아닙니다: {result}")
    return result


def at_least(measured: Any, bound: float, what: str) -> float:
    """측정값이 약속한 하한 이상인지 확인합니다 (예: 정확도, 모든 장).

    Args:
        measured: 측정한 값 (숫자 하나).
        bound: 본문이 약속한 하한.
        what: 무엇을 쟀는지 (예: ``"패션 MNIST 테스트 정확도"``).

    Returns:
        측정값(float).

    Raises:
        AssertionError: ``measured < bound`` 일 때.
    """
    value = _scalar(measured, what)
    if value < bound:
        raise AssertionError(f"약속: {what} ≥ {bound} / 측정: {value:.6g}")
    print(f"확인: {what} = {value:.4g} (≥ {bound})")
    return value


def at_most(measured: Any, bound: float, what: str) -> float:
    """측정값이 약속한 상한 이하인지 확인합니다 (예: 손실, 오차, 모든 장).

    Raises:
        AssertionError: ``measured > bound`` 일 때.
    """
    value = _scalar(measured, what)
    if value > bound:
        raise AssertionError(f"약속: {what} ≤ {bound} / 측정: {value:.6g}")
    print(f"확인: {what} = {value:.4g} (≤ {bound})")
    return value


def decreased(values: Sequence[float], what: str = "손실", *, factor: float = 1.0) -> tuple[float, float]:
    """기록의 마지막 값이 첫 값의 ``factor`` 배 미만으로 줄었는지 확인합니다 (모든 장).

    Args:
        values: 에포크별 값 (예: ``history.history["loss"]``). 2개 이상.
        what: 무엇의 기록인지.
        factor: 0 < factor ≤ 1. 예를 들어 0.5면 "절반 아래로 줄었다"를 확인합니다.

    Returns:
        ``(첫 값, 마지막 값)``.

    Raises:
        ValueError: 값이 2개 미만이거나 ``factor`` 가 범위를 벗어났을 때.
        AssertionError: 충분히 줄지 않았을 때.
    """
    if not 0 < factor <= 1:
        raise ValueError(f"factor는 0보다 크고 1 이하여야 합니다. 받은 값: {factor}")
    seq = [float(v) for v in values]
    if len(seq) < 2:
        raise ValueError(f"{what} 기록이 2개 이상 있어야 줄었는지 볼 수 있습니다. 받은 개수: {len(seq)}")
    first, last = seq[0], seq[-1]
    if not np.isfinite(last) or last >= first * factor:
        raise AssertionError(
            f"약속: {what}이(가) 처음 {first:.6g}의 {factor}배 미만으로 줄어든다 / 측정: 마지막 {last:.6g}"
        )
    print(f"확인: {what} {first:.4g} → {last:.4g}")
    return first, last


def relative_error(a: Any, b: Any) -> float:
    """두 배열의 상대 오차 ``‖a − b‖ / max(‖a‖ + ‖b‖, 1e-12)`` (2장 기울기 점검).

    Raises:
        ValueError: 두 배열의 모양이 다를 때.
    """
    x = np.asarray(a, dtype=np.float64)
    y = np.asarray(b, dtype=np.float64)
    if x.shape != y.shape:
        raise ValueError(f"모양이 다른 두 배열은 비교할 수 없습니다: {x.shape} vs {y.shape}")
    return float(np.linalg.norm(x - y) / max(np.linalg.norm(x) + np.linalg.norm(y), 1e-12))


def close(a: Any, b: Any, what: str, *, tol: float = 1e-6) -> float:
    """두 배열의 상대 오차(:func:`relative_error`)가 ``tol`` 미만인지 확인합니다 (2장, 3장).

    Returns:
        상대 오차.

    Raises:
        ValueError: 모양이 다를 때.
        AssertionError: 상대 오차가 ``tol`` 이상일 때.
    """
    err = relative_error(a, b)
    if not err < tol:
        raise AssertionError(f"약속: {what}의 상대 오차 < {tol:g} / 측정: {err:.3e}")
    print(f"확인: {what} 상대 오차 {err:.2e} (< {tol:g})")
    return err
