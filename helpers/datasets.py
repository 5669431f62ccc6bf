"""데이터 적재 도우미: 실제 로더를 감싸는 얇은 래퍼와 멀티-핫 인코딩 (4~8장).

학습자가 Colab에서 쓰는 그대로 ``keras.datasets`` / ``sklearn.datasets`` 로더를
부릅니다. 래퍼가 더하는 것은 두 가지뿐입니다.

1. 파일이 없을 때(오프라인 등) **어떤 파일이, 어느 환경 변수 아래에, 어떻게 받으면
   되는지** 말해 주는 한국어 오류 (:class:`DatasetUnavailableError`).
2. IMDB(6장): 케라스의 ``imdb.npz`` 가 없는 오프라인 환경에서는 데이터 미러의
   ``rebuilt/imdb_rebuilt.npz`` (원본 리뷰 50,000개를 케라스와 같은 방법으로 다시
   부호화한 실제 데이터)를 케라스 ``load_data`` 와 똑같은 단계로 읽습니다. 어느 파일을
   읽었는지 한 줄로 출력합니다.

오프라인 미러 사용법은 책의 「실행 환경 준비」 쪽과 README를 보세요
(``KERAS_HOME``, ``SCIKIT_LEARN_DATA``, ``DLBOOK_DATA_MIRROR``).
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
    "REUTERS_LABEL_NAMES_KO",
    "DATA_MIRROR_ENV",
    "IMDB_REBUILT_FILE",
    "DatasetUnavailableError",
    "LoadedData",
    "keras_datasets_dir",
    "load_boston_housing",
    "load_california_housing",
    "load_fashion_mnist",
    "load_imdb",
    "load_reuters",
    "imdb_rebuilt_path",
    "vectorize_sequences",
]

#: 오프라인 데이터 미러 폴더(예: ``../shared/datasets``)를 알려 주는 환경 변수. ``make`` 가 설정합니다.
#: 미러가 없는 학습자(Colab, 인터넷이 되는 컴퓨터)에게는 필요 없습니다.
DATA_MIRROR_ENV = "DLBOOK_DATA_MIRROR"
#: 미러 안에서 IMDB 재구성 파일의 상대 경로 (6장).
IMDB_REBUILT_FILE = "rebuilt/imdb_rebuilt.npz"

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

#: 로이터 토픽 레이블 0~45의 한국어 이름 (7장). 순서는 ``keras.datasets.reuters.get_label_names()`` 와 같습니다
#: (0 ``cocoa``, 1 ``grain``, …, 3 ``earn``, 4 ``acq``, …, 45 ``lead``).
REUTERS_LABEL_NAMES_KO: tuple[str, ...] = (
    "코코아", "곡물", "식물성 기름", "기업 실적", "인수·합병", "밀", "구리", "주택", "통화량", "커피",
    "설탕", "무역", "외환 보유액", "해운", "면화", "육류", "원유", "천연가스", "소비자 물가", "외환 시장",
    "금리", "국민총생산", "사료", "알루미늄", "유지 작물", "금", "주석", "전략 금속", "가축", "소매 판매",
    "산업 생산", "철강", "고무", "난방유", "고용", "경기 선행 지수", "국제 수지", "아연", "오렌지", "석유 화학",
    "달러", "휘발유", "은", "도매 물가", "돼지", "납",
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
    쓰면서, ``data.source`` 로 어느 파일에서 읽었는지 확인할 수 있습니다.
    """

    source: str

    def __new__(cls, items: Sequence[Any], *, source: str = "") -> "LoadedData":
        obj = super().__new__(cls, items)
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
    """``keras.datasets.fashion_mnist.load_data()`` 를 부릅니다 (4장).

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
    """``keras.datasets.reuters.load_data()`` 를 부릅니다 (7장).

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
    """``keras.datasets.boston_housing.load_data()`` 를 부릅니다 (8장).

    Raises:
        DatasetUnavailableError: ``boston_housing.npz`` 가 없고 내려받을 수도 없을 때.
    """
    import keras

    data = _call_loader(keras.datasets.boston_housing.load_data, ["boston_housing.npz"], "보스턴 주택 가격")
    return LoadedData(data, source="keras.datasets.boston_housing")


def load_california_housing(**kwargs: Any) -> Any:
    """``sklearn.datasets.fetch_california_housing()`` 을 부릅니다 (4장, 5장, 8장).

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


def imdb_rebuilt_path() -> Path | None:
    """오프라인 미러의 IMDB 재구성 파일 경로를 돌려줍니다. 미러를 쓰지 않으면 ``None`` (6장).

    미러 폴더는 환경 변수 ``DLBOOK_DATA_MIRROR`` 로 알려 줍니다(``make`` 가 설정). 파일이
    실제로 있는지는 확인하지 않습니다.
    """
    mirror = os.environ.get(DATA_MIRROR_ENV, "").strip()
    return Path(mirror) / IMDB_REBUILT_FILE if mirror else None


def _imdb_from_rebuilt(
    path: Path,
    *,
    num_words: int | None,
    skip_top: int,
    maxlen: int | None,
    seed: int,
    start_char: int | None,
    oov_char: int | None,
    index_from: int,
) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """재구성 파일을 ``keras.datasets.imdb.load_data`` 와 똑같은 단계로 읽습니다 (6장).

    케라스 3.15의 단계를 그대로 따르되 파이썬 반복 대신 NumPy로 계산합니다. 결과의 타입도 같습니다:
    파이썬 ``int`` 목록을 담은 object 배열과 int64 레이블.
    """
    with np.load(path) as f:
        splits = [
            (f[f"x_{name}_flat"], f[f"x_{name}_lengths"].astype(np.int64), f[f"y_{name}"].astype(np.int64))
            for name in ("train", "test")
        ]
    # 1) RandomState(seed) 하나로 훈련 세트, 그다음 테스트 세트를 섞습니다.
    rng = np.random.RandomState(seed)
    docs: list[tuple[list[np.ndarray], np.ndarray]] = []
    for flat, lengths, labels in splits:
        indices = np.arange(len(lengths))
        rng.shuffle(indices)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        # 2) 실제 단어 번호에 index_from을 더하고, start_char가 있으면 맨 앞에 붙입니다.
        seqs = []
        for i in indices:
            words = flat[starts[i]: starts[i] + lengths[i]].astype(np.int64) + index_from
            seqs.append(words if start_char is None else np.concatenate([[start_char], words]))
        docs.append((seqs, labels[indices]))
    # 3) maxlen이 있으면 길이가 maxlen 이상인 리뷰를 뺍니다 (케라스의 remove_long_seq).
    if maxlen:
        docs = [([s for s in seqs if len(s) < maxlen], labels[[len(s) < maxlen for s in seqs]])
                for seqs, labels in docs]
        if not len(docs[0][0]) or not len(docs[1][0]):
            raise ValueError(f"maxlen={maxlen}보다 짧은 리뷰가 하나도 남지 않았습니다. maxlen을 늘리세요.")
    # 4) num_words가 없으면 가장 큰 번호까지 모두 씁니다.
    if not num_words:
        num_words = max(int(s.max()) for seqs, _ in docs for s in seqs if len(s))
    # 5) skip_top <= 번호 < num_words 밖의 단어는 oov_char로 바꾸거나(oov_char가 None이면) 뺍니다.
    result = []
    for seqs, labels in docs:
        kept = []
        for s in seqs:
            inside = (s >= skip_top) & (s < num_words)
            kept.append((np.where(inside, s, oov_char) if oov_char is not None else s[inside]).tolist())
        result.append((np.array(kept, dtype="object"), labels))
    return result[0], result[1]


def load_imdb(
    num_words: int | None = 10_000,
    *,
    skip_top: int = 0,
    maxlen: int | None = None,
    seed: int = 113,
    start_char: int | None = 1,
    oov_char: int | None = 2,
    index_from: int = 3,
) -> LoadedData:
    """``keras.datasets.imdb.load_data()`` 와 똑같은 IMDB 영화 리뷰 데이터를 돌려줍니다 (6장).

    어느 파일을 읽을지는 있는 파일만 보고 정합니다(네트워크 연결은 확인하지 않습니다).

    1. 케라스 데이터 폴더(``$KERAS_HOME/datasets``)에 ``imdb.npz`` 가 있으면 케라스의
       ``load_data`` 를 그대로 부릅니다.
    2. ``imdb.npz`` 가 없고 오프라인 미러(환경 변수 ``DLBOOK_DATA_MIRROR``)에
       ``rebuilt/imdb_rebuilt.npz`` 가 있으면 그 파일을 케라스 ``load_data`` 와 같은 단계로
       읽습니다. 처음 다섯 훈련 리뷰와 첫 테스트 리뷰는 케라스의 번호와 똑같고, 그 밖의 리뷰
       순서만 다릅니다.
    3. 둘 다 없으면 케라스의 ``load_data`` 가 ``imdb.npz`` 를 내려받습니다(Colab 등).

    어느 쪽을 썼는지 한 줄로 출력하고 ``source`` 속성에도 남깁니다.

    Args:
        num_words: 빈도 상위 몇 개 단어만 남길지. 나머지는 ``oov_char`` (2)가 됩니다.
            ``None`` 이면 전부.
        skip_top, maxlen, seed, start_char, oov_char, index_from: 케라스 ``load_data`` 의 같은
            이름 인자와 같습니다.

    Returns:
        ``((x_train, y_train), (x_test, y_test))``: 파이썬 정수 목록을 담은 object 배열
        (리뷰 25,000개씩)과 0/1 int64 레이블 배열.

    Raises:
        DatasetUnavailableError: 두 파일이 모두 없고 ``imdb.npz`` 를 내려받을 수도 없을 때.
    """
    import keras

    options = dict(num_words=num_words, skip_top=skip_top, maxlen=maxlen, seed=seed,
                   start_char=start_char, oov_char=oov_char, index_from=index_from)
    keras_file = keras_datasets_dir() / "imdb.npz"
    rebuilt = imdb_rebuilt_path()
    if not keras_file.is_file() and rebuilt is not None and rebuilt.is_file():
        print(f"IMDB: 케라스의 imdb.npz가 없어 데이터 미러의 재구성 파일({rebuilt})을 케라스와 같은 단계로 읽습니다.")
        return LoadedData(_imdb_from_rebuilt(rebuilt, **options), source=IMDB_REBUILT_FILE)
    if keras_file.is_file():
        print(f"IMDB: 케라스 파일 imdb.npz를 읽습니다({keras_file}).")
    else:
        print("IMDB: 케라스 파일 imdb.npz를 내려받아 읽습니다(keras.datasets.imdb.load_data).")
    try:
        data = keras.datasets.imdb.load_data(**options)
    except Exception as exc:
        raise DatasetUnavailableError(_imdb_missing_message(keras_file, rebuilt, exc)) from exc
    return LoadedData(data, source="keras.datasets.imdb")


def _imdb_missing_message(keras_file: Path, rebuilt: Path | None, exc: BaseException) -> str:
    """IMDB 파일을 찾지 못했을 때의 한국어 안내."""
    if rebuilt is None:
        mirror = f"환경 변수 {DATA_MIRROR_ENV}가 설정되지 않아 데이터 미러를 찾지 않았습니다"
    else:
        mirror = f"데이터 미러에도 {IMDB_REBUILT_FILE}이(가) 없습니다(찾은 위치: {rebuilt})"
    return (
        f"IMDB 데이터를 불러오지 못했습니다. 필요한 파일: imdb.npz (찾은 위치: {keras_file}, 환경 변수 "
        f"KERAS_HOME={os.environ.get('KERAS_HOME', '(설정 안 됨)')}). {mirror}. "
        "해결법: 인터넷이 되는 컴퓨터에서 keras.datasets.imdb.load_data()를 한 번 실행하면 imdb.npz가 "
        "내려받아집니다. 오프라인이라면 저장소 옆 ../shared/datasets 미러를 쓰세요: `make` 명령은 "
        f"KERAS_HOME과 {DATA_MIRROR_ENV}를 자동으로 설정하고, 직접 실행할 때는 README의 '오프라인 데이터'대로 "
        f"설정합니다. 원래 오류: {exc!r}"
    )


def vectorize_sequences(sequences: Sequence[Sequence[int]], dimension: int = 10_000) -> np.ndarray:
    """단어 인덱스 목록들을 멀티-핫(multi-hot) float32 행렬로 바꿉니다 (6장 노트북의 함수와 같음, 7장).

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
