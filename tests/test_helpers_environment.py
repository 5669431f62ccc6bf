"""helpers.environment 단위 테스트."""

import subprocess
import sys

import numpy as np
import pytest

from helpers import environment


def test_setup_seeds_and_reports(capsys):
    report = environment.setup(seed=7)
    first = np.random.rand(3)
    environment.setup(seed=7, verbose=False)
    np.testing.assert_array_equal(first, np.random.rand(3))
    out = capsys.readouterr().out
    assert "TensorFlow" in out and "Keras" in out and "장치" in out
    assert report.device in {"CPU"} or report.device.startswith("GPU")
    assert report.backend == "tensorflow"


def test_keras_random_is_seeded():
    import keras

    environment.setup(seed=3, verbose=False)
    a = keras.random.normal((2,)).numpy()
    environment.setup(seed=3, verbose=False)
    np.testing.assert_array_equal(a, keras.random.normal((2,)).numpy())


@pytest.mark.parametrize("bad", [-1, 1.5, "42", True])
def test_setup_rejects_bad_seed(bad):
    with pytest.raises((TypeError, ValueError), match="seed"):
        environment.setup(seed=bad)


def test_report_str_for_gpu():
    report = environment.EnvironmentReport(1, "3.12", "2.21", "3.15", "tensorflow", ("/physical_device:GPU:0",))
    assert "GPU 1개" in str(report)


def test_quiet_import_hides_tensorflow_startup_noise():
    code = "from helpers import environment; environment.quiet_import_tensorflow(); print('ok')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == "ok"
    assert "oneDNN" not in result.stderr and "absl" not in result.stderr, result.stderr


def test_seed_override_from_environment(monkeypatch, capsys):
    monkeypatch.setenv(environment.SEED_ENV, "5")
    report = environment.setup(seed=42)
    assert report.seed == 5 and report.overridden
    first = np.random.rand(2)
    monkeypatch.delenv(environment.SEED_ENV)
    environment.setup(seed=5, verbose=False)
    np.testing.assert_array_equal(first, np.random.rand(2))
    assert "DLBOOK_SEED로 지정" in capsys.readouterr().out


@pytest.mark.parametrize("bad", ["-1", "abc", "1.5"])
def test_seed_override_rejects_bad_values(monkeypatch, bad):
    monkeypatch.setenv(environment.SEED_ENV, bad)
    with pytest.raises(ValueError, match="DLBOOK_SEED"):
        environment.setup(seed=42)


def test_empty_seed_override_is_ignored(monkeypatch):
    monkeypatch.setenv(environment.SEED_ENV, "")
    assert environment.setup(seed=9, verbose=False).seed == 9
