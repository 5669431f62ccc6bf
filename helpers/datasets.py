"""데이터 적재 도우미: 실제 로더를 감싸는 얇은 래퍼와 멀티-핫 인코딩 (4~7장).

학습자가 Colab에서 쓰는 그대로 ``keras.datasets`` / ``sklearn.datasets`` 로더를
부릅니다. 래퍼가 더하는 것은 두 가지뿐입니다.

1. 파일이 없을 때(오프라인 등) **어떤 파일이, 어느 환경 변수 아래에, 어떻게 받으면
   되는지** 말해 주는 한국어 오류 (:class:`DatasetUnavailableError`).
2. IMDB의 ``imdb.npz`` 가 없는 CI 환경 전용 대체 데이터. 환경 변수
   ``DLBOOK_IMDB_STANDIN=1`` 이 *명시적으로* 켜져 있을 때만 쓰이고, 쓰일 때는
   큰 경고문을 출력하며 결과에 ``standin=True`` 표시가 붙습니다. 책·Colab·독자
   환경에서는 기본으로 꺼져 있어 조용히 데이터를 바꿔치기하는 일은 없습니다.

오프라인 미러 사용법은 책의 「실행 환경 준비」 쪽과 README를 보세요
(``KERAS_HOME``, ``SCIKIT_LEARN_DATA``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Callable

import numpy as np

__all__ = [
    "FASHION_MNIST_CLASS_NAMES",
    "FASHION_MNIST_CLASS_NAMES_KO",
    "IMDB_STANDIN_ENV",
    "DatasetUnavailableError",
    "LoadedData",
    "keras_datasets_dir",
    "load_boston_housing",
    "load_california_housing",
    "load_fashion_mnist",
    "load_imdb",
    "load_reuters",
    "make_imdb_standin",
    "vectorize_sequences",
]

#: 이 변수가 "1"일 때만 IMDB 대체 데이터를 허용합니다 (CI 전용).
IMDB_STANDIN_ENV = "DLBOOK_IMDB_STANDIN"

#: 패션 MNIST 레이블 0~9의 영어 이름 (4장).
FASHION_MNIST_CLASS_NAMES: tuple[str, ...] = (
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
)
#: 패션 MNIST 레이블 0~9의 한국어 이름 (4장).
FASHION_MNIST_CLASS_NAMES_KO: tuple[str, ...] = (
    "티셔츠/탑", "바지", "풀오버", "드레스", "코트",
    "샌들", "셔츠", "스니커즈", "가방", "앵클 부츠",
)

_MIRROR_HELP = (
    "오프라인이라면 저장소 옆 ../shared/datasets 미러를 쓰도록 환경 변수를 설정하세요 "
    "(README의 '오프라인 데이터' 참고: `make` 명령은 자동으로 설정합니다). "
    "인터넷이 되는 컴퓨터에서는 같은 로더를 한 번 실행하면 파일이 내려받아집니다."
)


class DatasetUnavailableError(RuntimeError):
    """데이터 파일을 찾을 수도, 내려받을 수도 없을 때 일어나는 오류."""


class LoadedData(tuple):
    """로더의 반환값과 똑같이 풀어 쓸 수 있는 튜플에 출처 표시를 더한 것.

    ``(x_train, y_train), (x_test, y_test) = load_imdb()`` 처럼 원래 로더와 똑같이
    쓰면서, ``data.standin`` 으로 대체 데이터인지 확인할 수 있습니다.
    """

    standin: bool
    source: str

    def __new__(cls, items: Sequence[Any], *, standin: bool = False, source: str = "") -> "LoadedData":
        obj = super().__new__(cls, items)
        obj.standin = standin
        obj.source = source
        return obj


def keras_datasets_dir() -> Path:
    """케라스가 데이터 파일을 찾는 폴더(``$KERAS_HOME/datasets``)를 돌려줍니다."""
    try:
        from keras.src.backend.config import keras_home  # 공개 API가 없어 내부 함수를 씁니다

        home = keras_home()
    except ImportError:  # pragma: no cover - 케라스 내부 구조가 바뀐 경우
        home = os.environ.get("KERAS_HOME", os.path.expanduser("~/.keras"))
    return Path(home) / "datasets"


def _call_loader(loader: Callable[[], Any], files: Sequence[str], dataset: str) -> Any:
    """실제 로더를 부르고, 실패하면 파일 이름과 해결법을 담은 오류로 바꿉니다."""
    try:
        return loader()
    except Exception as exc:
        folder = keras_datasets_dir()
        missing = [f for f in files if not (folder / f).is_file()]
        names = ", ".join(missing or files)
        raise DatasetUnavailableError(
            f"{dataset} 데이터를 불러오지 못했습니다. 필요한 파일: {names} "
            f"(찾은 위치: {folder}, 환경 변수 KERAS_HOME={os.environ.get('KERAS_HOME', '(설정 안 됨)')}). "
            f"{_MIRROR_HELP} 원래 오류: {exc!r}"
        ) from exc


def load_fashion_mnist() -> LoadedData:
    """``keras.datasets.fashion_mnist.load_data()`` 를 부릅니다 (4장, 6장).

    Returns:
        ``((x_train, y_train), (x_test, y_test))``: uint8 이미지 (60000, 28, 28)와
        (10000, 28, 28), 0~9 정수 레이블.

    Raises:
        DatasetUnavailableError: 파일이 없고 내려받을 수도 없을 때.
    """
    import keras

    files = [
        f"fashion-mnist/{n}"
        for n in (
            "train-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
        )
    ]
    data = _call_loader(keras.datasets.fashion_mnist.load_data, files, "패션 MNIST")
    return LoadedData(data, source="keras.datasets.fashion_mnist")


def load_reuters(num_words: int | None = 10_000, **kwargs: Any) -> LoadedData:
    """``keras.datasets.reuters.load_data()`` 를 부릅니다 (6장).

    Args:
        num_words: 빈도 상위 몇 개 단어만 남길지. ``None`` 이면 전부.
        **kwargs: 원래 로더에 그대로 넘길 인자.

    Raises:
        DatasetUnavailableError: ``reuters.npz`` 가 없고 내려받을 수도 없을 때.
    """
    import keras

    data = _call_loader(
        lambda: keras.datasets.reuters.load_data(num_words=num_words, **kwargs),
        ["reuters.npz"], "로이터",
    )
    return LoadedData(data, source="keras.datasets.reuters")


def load_boston_housing() -> LoadedData:
    """``keras.datasets.boston_housing.load_data()`` 를 부릅니다 (7장).

    Raises:
        DatasetUnavailableError: ``boston_housing.npz`` 가 없고 내려받을 수도 없을 때.
    """
    import keras

    data = _call_loader(keras.datasets.boston_housing.load_data, ["boston_housing.npz"], "보스턴 주택 가격")
    return LoadedData(data, source="keras.datasets.boston_housing")


def load_california_housing(**kwargs: Any) -> Any:
    """``sklearn.datasets.fetch_california_housing()`` 을 부릅니다 (4장, 7장).

    Args:
        **kwargs: 원래 함수에 넘길 인자 (예: ``as_frame=True``).

    Returns:
        scikit-learn의 ``Bunch`` (``data``, ``target``, ``feature_names`` …).

    Raises:
        DatasetUnavailableError: ``cal_housing_py3.pkz`` 가 없고 내려받을 수도 없을 때.
    """
    from sklearn.datasets import fetch_california_housing, get_data_home

    try:
        return fetch_california_housing(**kwargs)
    except Exception as exc:
        home = get_data_home(kwargs.get("data_home"))
        raise DatasetUnavailableError(
            "캘리포니아 주택 가격 데이터를 불러오지 못했습니다. 필요한 파일: cal_housing_py3.pkz "
            f"(찾은 위치: {home}, 환경 변수 SCIKIT_LEARN_DATA="
            f"{os.environ.get('SCIKIT_LEARN_DATA', '(설정 안 됨)')}). {_MIRROR_HELP} 원래 오류: {exc!r}"
        ) from exc


def make_imdb_standin(num_words: int = 10_000, *, seed: int = 0, size: int = 25_000) -> LoadedData:
    """IMDB와 구조만 같은 **합성** 대체 데이터를 만듭니다 (CI 전용, 5장).

    단어 인덱스 목록(맨 앞은 시작 토큰 1, 실제 단어는 3 이상)과 0/1 레이블이
    훈련·테스트 각 ``size`` 개씩입니다. 긍정/부정마다 조금 더 자주 나오는 단어가 있어
    모델이 배울 거리는 있지만, 실제 영화 평 데이터가 **아닙니다**.

    Raises:
        ValueError: ``num_words`` 가 10 미만이거나 ``size`` 가 양수가 아닐 때.
    """
    if num_words < 10:
        raise ValueError(f"num_words는 10 이상이어야 합니다. 받은 값: {num_words}")
    if size <= 0:
        raise ValueError(f"size는 양수여야 합니다. 받은 값: {size}")
    rng = np.random.default_rng(seed)
    cue_count = max(1, (num_words - 3) // 20)
    positive_cues = rng.choice(np.arange(3, num_words), size=cue_count, replace=False)
    negative_cues = rng.choice(np.setdiff1d(np.arange(3, num_words), positive_cues), size=cue_count, replace=False)

    def split() -> tuple[np.ndarray, np.ndarray]:
        labels = rng.permutation(np.arange(size) % 2).astype(np.int64)
        lengths = rng.integers(40, 400, size=size)
        words = rng.integers(3, num_words, size=int(lengths.sum()))
        cue_mask = rng.random(words.size) < 0.08
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        owner = np.repeat(labels, lengths)
        cues = np.where(owner == 1, rng.choice(positive_cues, words.size), rng.choice(negative_cues, words.size))
        words = np.where(cue_mask, cues, words)
        seqs = np.empty(size, dtype=object)
        for i, (s, n) in enumerate(zip(starts, lengths)):
            seqs[i] = [1, *words[s : s + n].tolist()]
        return seqs, labels

    train, test = split(), split()
    return LoadedData((train, test), standin=True, source="합성 대체 데이터 (실제 IMDB 아님)")


def load_imdb(num_words: int | None = 10_000, **kwargs: Any) -> LoadedData:
    """``keras.datasets.imdb.load_data()`` 를 부릅니다 (5장).

    ``imdb.npz`` 가 케라스 데이터 폴더에 없고 환경 변수 ``DLBOOK_IMDB_STANDIN=1`` 이
    켜져 있을 때만(CI 전용) 합성 대체 데이터를 돌려주며, 그때는 경고문을 출력하고
    ``standin=True`` 로 표시합니다. 그 밖의 경우 파일이 없으면 원래 로더가 내려받기를
    시도하고, 실패하면 :class:`DatasetUnavailableError` 를 일으킵니다.

    Args:
        num_words: 빈도 상위 몇 개 단어만 남길지.
        **kwargs: 원래 로더에 그대로 넘길 인자.
    """
    import keras

    if not (keras_datasets_dir() / "imdb.npz").is_file() and os.environ.get(IMDB_STANDIN_ENV) == "1":
        print(
            "=" * 70 + "\n"
            "⚠️  경고: imdb.npz가 없어 **합성 대체 데이터**를 씁니다 "
            f"({IMDB_STANDIN_ENV}=1).\n"
            "    아래 결과는 실제 IMDB 영화 평 결과가 아닙니다. 결과 확인(assert)은 건너뜁니다.\n"
            + "=" * 70
        )
        return make_imdb_standin(num_words or 10_000)
    data = _call_loader(lambda: keras.datasets.imdb.load_data(num_words=num_words, **kwargs), ["imdb.npz"], "IMDB")
    return LoadedData(data, source="keras.datasets.imdb")


def vectorize_sequences(sequences: Sequence[Sequence[int]], dimension: int = 10_000) -> np.ndarray:
    """단어 인덱스 목록들을 멀티-핫(multi-hot) float32 행렬로 바꿉니다 (5장, 6장).

    ``i`` 번째 행의 ``j`` 열은 ``i`` 번째 문서에 단어 ``j`` 가 한 번이라도 나오면 1.0,
    아니면 0.0 입니다. 파이썬 이중 반복 대신 NumPy 인덱싱 한 번으로 채우므로 IMDB
    25 000개 문서도 1초 안팎, float32라 메모리는 float64의 절반입니다.

    Args:
        sequences: 정수 단어 인덱스 목록의 목록 (``imdb.load_data`` 의 ``x_train`` 등).
        dimension: 열 개수 (= ``num_words``). 모든 인덱스는 ``0 <= j < dimension`` 이어야 합니다.

    Returns:
        ``(len(sequences), dimension)`` 모양의 float32 배열.

    Raises:
        ValueError: ``dimension`` 이 양수가 아니거나, 범위를 벗어난 인덱스가 있거나,
            원소가 정수 목록이 아닐 때.
    """
    if isinstance(dimension, bool) or not isinstance(dimension, (int, np.integer)) or dimension <= 0:
        raise ValueError(f"dimension은 양의 정수여야 합니다. 받은 값: {dimension!r}")
    if isinstance(sequences, (str, bytes)):
        raise ValueError("sequences에는 정수 인덱스 목록의 목록을 넘겨야 합니다 (문자열이 아니라).")
    n = len(sequences)
    lengths = np.fromiter((len(s) for s in sequences), dtype=np.int64, count=n)
    flat: np.ndarray
    if lengths.sum():
        try:
            flat = np.concatenate([np.asarray(s) for s in sequences if len(s)])
        except ValueError as exc:
            raise ValueError(f"sequences의 원소는 1차원 정수 목록이어야 합니다: {exc}") from exc
        if flat.ndim != 1 or not np.issubdtype(flat.dtype, np.integer):
            raise ValueError(
                f"sequences의 원소는 1차원 정수 목록이어야 합니다. 받은 원소 dtype: {flat.dtype}"
            )
    else:
        flat = np.zeros(0, dtype=np.int64)
    if flat.size:
        lo, hi = int(flat.min()), int(flat.max())
        if lo < 0 or hi >= dimension:
            bad = hi if hi >= dimension else lo
            raise ValueError(
                f"단어 인덱스 {bad}가 범위 [0, {dimension})를 벗어났습니다. "
                f"load_data(num_words=...)와 같은 dimension을 쓰세요."
            )
    result = np.zeros((n, dimension), dtype=np.float32)
    rows = np.repeat(np.arange(n), lengths)
    result[rows, flat] = 1.0
    return result
