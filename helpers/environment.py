"""실행 환경 준비: 시드 고정과 환경 보고 (모든 장의 첫 코드 셀, 1장에서 처음 소개).

노트북 첫머리에서 ``environment.setup(seed=42)`` 한 번이면
파이썬·NumPy·케라스(TensorFlow)의 난수 시드를 고정하고, 어떤 버전과 장치(CPU/GPU)
위에서 실행 중인지 출력합니다. 같은 노트북이 CPU와 Colab GPU에서 그대로 돌아가도록
장치 이름을 코드에 적지 않습니다.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import platform
import sys
from dataclasses import dataclass, field
from types import ModuleType
from typing import Iterator

__all__ = ["SEED_ENV", "EnvironmentReport", "quiet_import_tensorflow", "seed_override", "setup"]

#: 이 환경 변수에 정수를 넣으면 노트북을 고치지 않고도 :func:`setup` 의 시드를 바꿉니다
#: (예: ``DLBOOK_SEED=1 make nbtest NB=chapters/02_mlp_backprop.ipynb``). 여러 시드에서 본문의
#: 주장이 성립하는지 확인하는 시드 훑기에 씁니다.
SEED_ENV = "DLBOOK_SEED"


@contextlib.contextmanager
def _stderr_silenced() -> Iterator[None]:
    """파일 디스크립터 2(stderr)를 잠시 /dev/null로 돌립니다.

    TensorFlow 2.21은 C++ 쪽에서 oneDNN/absl 안내 문구를 stderr에 직접 씁니다.
    ``TF_CPP_MIN_LOG_LEVEL``로는 일부가 남고, ``TF_ENABLE_ONEDNN_OPTS=0``은 속도를
    최대 절반까지 잃으므로, 임포트하는 동안만 fd 2를 막습니다.
    """
    # 주피터 커널에서는 sys.stderr.fileno()가 커널이 전달하는 fd 2가 아니라 원래 stderr의
    # 사본을 가리킵니다. TensorFlow의 C++ 코드는 항상 fd 2에 쓰므로 fd 2를 직접 막습니다.
    fd = 2
    try:
        saved = os.dup(fd)
    except OSError:  # fd 2가 아예 없는 특수한 환경
        yield
        return
    try:
        with open(os.devnull, "w") as devnull:
            with contextlib.suppress(Exception):
                sys.stderr.flush()
            os.dup2(devnull.fileno(), fd)
            try:
                yield
            finally:
                os.dup2(saved, fd)
    finally:
        os.close(saved)


def quiet_import_tensorflow() -> ModuleType:
    """TensorFlow를 시작 잡음 없이 임포트해 돌려줍니다 (1장).

    이미 임포트되어 있으면 그 모듈을 그대로 돌려줍니다. 임포트 실패는 숨기지 않고
    그대로 다시 일으킵니다(오류 메시지는 fd 2가 복구된 뒤에 보입니다).

    Returns:
        ``tensorflow`` 모듈.
    """
    if "tensorflow" in sys.modules:
        return sys.modules["tensorflow"]
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    with _stderr_silenced():
        try:
            tf = importlib.import_module("tensorflow")
        except Exception as exc:  # 조용히 삼키지 않습니다
            error = exc
        else:
            error = None
    if error is not None:
        raise ImportError(
            "TensorFlow를 임포트하지 못했습니다. `make book` 또는 "
            "`pip install -r requirements.txt`로 설치했는지 확인하세요. "
            f"원래 오류: {error!r}"
        ) from error
    return tf


@dataclass(frozen=True)
class EnvironmentReport:
    """:func:`setup` 이 돌려주는 실행 환경 요약 (1장)."""

    seed: int
    python: str
    tensorflow: str
    keras: str
    backend: str
    gpus: tuple[str, ...] = field(default_factory=tuple)
    overridden: bool = False

    @property
    def device(self) -> str:
        """사람이 읽는 장치 설명: ``"GPU 1개 (...)"`` 또는 ``"CPU"``."""
        if self.gpus:
            return f"GPU {len(self.gpus)}개 ({', '.join(self.gpus)})"
        return "CPU"

    def __str__(self) -> str:
        return (
            f"Python {self.python} | TensorFlow {self.tensorflow} | "
            f"Keras {self.keras} (백엔드: {self.backend}) | 장치: {self.device} | "
            f"시드: {self.seed}" + (f" ({SEED_ENV}로 지정)" if self.overridden else "")
        )


def seed_override() -> int | None:
    """환경 변수 ``DLBOOK_SEED`` 에 적힌 시드를 돌려줍니다. 없으면 ``None`` (1장).

    Raises:
        ValueError: 값이 0 이상의 정수가 아닐 때 (무엇이 잘못되었는지 한국어로 알려 줍니다).
    """
    raw = os.environ.get(SEED_ENV, "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise ValueError(f"환경 변수 {SEED_ENV}는 0 이상의 정수여야 합니다. 받은 값: {raw!r}")
    return int(raw)


def setup(seed: int = 42, *, verbose: bool = True) -> EnvironmentReport:
    """난수 시드를 고정하고 실행 환경을 보고합니다 (모든 장의 첫 셀, 1장에서 소개).

    ``keras.utils.set_random_seed`` 는 파이썬 ``random``, NumPy, TensorFlow의
    시드를 한꺼번에 고정합니다. GPU 목록은 ``tf.config.list_physical_devices("GPU")``
    로 얻으므로 같은 코드가 CPU와 GPU에서 모두 돌아갑니다.

    환경 변수 ``DLBOOK_SEED`` (:data:`SEED_ENV`)가 있으면 인자 대신 그 값을 쓰고, 보고 줄에
    그 사실을 밝힙니다. 노트북의 다른 난수(``np.random.default_rng``, ``random_state``)는
    돌려받은 ``report.seed`` 로 정해야 시드 하나로 장 전체가 바뀝니다.

    Args:
        seed: 0 이상의 정수 시드.
        verbose: 참이면 환경 요약을 한 줄 출력합니다.

    Returns:
        :class:`EnvironmentReport`.

    Raises:
        TypeError: ``seed`` 가 정수가 아닐 때.
        ValueError: ``seed`` 가 음수이거나 ``DLBOOK_SEED`` 가 0 이상의 정수가 아닐 때.
    """
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"seed는 정수여야 합니다. 받은 값: {seed!r}")
    if seed < 0:
        raise ValueError(f"seed는 0 이상이어야 합니다. 받은 값: {seed}")
    override = seed_override()
    if override is not None:
        seed = override

    tf = quiet_import_tensorflow()
    import keras

    # 장치 목록을 처음 읽을 때 TensorFlow가 C++ 안내 문구를 한 번 더 쓰므로 그동안도 막습니다.
    with _stderr_silenced():
        keras.utils.set_random_seed(seed)
        gpus = tuple(d.name for d in tf.config.list_physical_devices("GPU"))
    report = EnvironmentReport(
        seed=seed,
        python=platform.python_version(),
        tensorflow=tf.__version__,
        keras=keras.__version__,
        backend=keras.backend.backend(),
        gpus=gpus,
        overridden=override is not None,
    )
    if verbose:
        print(report)
    return report
