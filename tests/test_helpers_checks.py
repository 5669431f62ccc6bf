"""helpers.checks 단위 테스트."""

import numpy as np
import pytest

from helpers import checks


def test_at_least_passes_and_reports(capsys):
    assert checks.at_least(0.9, 0.88, "정확도") == pytest.approx(0.9)
    assert "정확도" in capsys.readouterr().out


def test_at_least_failure_names_promise_and_measurement():
    with pytest.raises(AssertionError, match=r"약속: 정확도 ≥ 0.88 / 측정: 0.87"):
        checks.at_least(0.87, 0.88, "정확도")


def test_at_most():
    checks.at_most(np.float32(0.3), 0.4, "MSE")
    with pytest.raises(AssertionError, match="MSE ≤ 0.4"):
        checks.at_most(0.5, 0.4, "MSE")


def test_non_scalar_and_nan_are_rejected():
    with pytest.raises(TypeError, match="숫자 하나"):
        checks.at_least([0.1, 0.2], 0.1, "정확도")
    with pytest.raises(AssertionError, match="유한한 수가 아닙니다"):
        checks.at_least(float("nan"), 0.1, "정확도")


def test_decreased():
    assert checks.decreased([1.0, 0.5, 0.2], factor=0.5) == (1.0, 0.2)
    with pytest.raises(AssertionError, match="줄어든다"):
        checks.decreased([1.0, 0.9], factor=0.5)
    with pytest.raises(AssertionError):
        checks.decreased([1.0, float("nan")])
    with pytest.raises(ValueError, match="2개 이상"):
        checks.decreased([1.0])
    with pytest.raises(ValueError, match="factor"):
        checks.decreased([1.0, 0.5], factor=0)


def test_relative_error_and_close():
    assert checks.relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert checks.relative_error(np.zeros(3), np.zeros(3)) == 0.0
    checks.close([1.0, 2.0], [1.0, 2.0 + 1e-9], "그레이디언트")
    with pytest.raises(AssertionError, match="상대 오차"):
        checks.close([1.0, 2.0], [1.0, 2.1], "그레이디언트")
    with pytest.raises(ValueError, match="모양"):
        checks.relative_error(np.zeros(3), np.zeros(4))
