"""그림 도우미: 한글 글꼴과 학습 곡선 (1장에서 소개, 모든 장에서 사용).

한글 제목·축 이름이 네모(□)로 깨지지 않도록 나눔고딕 글꼴을 matplotlib에 등록합니다.
``koreanize_matplotlib`` 를 *임포트하지 않고* 그 휠에 들어 있는 글꼴 파일만
``font_manager.addfont`` 로 등록합니다. (그 패키지는 임포트할 때 ``distutils`` 를
쓰는데, Colab의 Python 3.12에는 ``distutils`` 가 없습니다.)
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib import font_manager
from matplotlib.ticker import MaxNLocator

__all__ = [
    "KOREAN_FONT_CANDIDATES",
    "find_korean_font_files",
    "plot_history",
    "plot_model",
    "set_theme",
    "use_korean_font",
]

#: 시스템에 설치된 글꼴을 찾을 때 확인하는 폴더와 파일 이름 (우선순위 순).
KOREAN_FONT_CANDIDATES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",  # Debian/Ubuntu fonts-nanum
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # fonts-noto-cjk
    "/Library/Fonts/AppleSDGothicNeo.ttc",
    "/System/Library/Fonts/AppleSDGothicNeo.ttc",
    "C:/Windows/Fonts/malgun.ttf",
)

#: 학습 기록 키의 한국어 이름.
_METRIC_NAMES_KO: dict[str, str] = {
    "loss": "손실",
    "accuracy": "정확도",
    "binary_accuracy": "정확도",
    "sparse_categorical_accuracy": "정확도",
    "categorical_accuracy": "정확도",
    "mae": "평균 절대 오차(MAE)",
    "mse": "평균 제곱 오차(MSE)",
    "mean_absolute_error": "평균 절대 오차(MAE)",
    "mean_squared_error": "평균 제곱 오차(MSE)",
    "root_mean_squared_error": "RMSE",
    "learning_rate": "학습률",
}

_active_family: str | None = None
_FAMILY_SUFFIX = "KO"  # 빼기 기호를 더한 사본의 가족 이름 꼬리표 (예: "NanumGothic KO")


def find_korean_font_files() -> list[Path]:
    """등록할 수 있는 한글 글꼴 파일 목록을 돌려줍니다 (1장).

    1순위는 ``koreanize-matplotlib`` 휠 안의 나눔고딕 파일(설치만 되어 있으면 어디서나
    같음), 그다음은 운영체제에 설치된 나눔·Noto CJK·애플·맑은 고딕 글꼴입니다.
    """
    files: list[Path] = []
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            font_dir = Path(location) / "fonts"
            regular = font_dir / "NanumGothic.ttf"
            if regular.is_file():
                files.append(regular)
                files.extend(sorted(p for p in font_dir.glob("NanumGothic*.ttf") if p != regular))
    files.extend(Path(p) for p in KOREAN_FONT_CANDIDATES if Path(p).is_file())
    return files


def _with_minus_sign(path: Path) -> Path:
    """빼기 기호(U+2212)가 없는 글꼴에 그 글리프를 하이픈 모양으로 더한 사본을 돌려줍니다.

    나눔고딕에는 U+2212가 없습니다. 일반 글자는 ``axes.unicode_minus=False`` 로 피하지만,
    로그 축 눈금(``10^{-2}``)처럼 수식 모드로 그리는 글자는 matplotlib이 항상 U+2212를
    쓰고, 수식 모드는 글꼴 대체를 하지 않아 네모로 나옵니다. 그래서 글꼴의 문자표(cmap)에
    U+2212 → 하이픈 글리프 대응만 더한 사본을 임시 폴더에 한 번 만들어 씁니다(0.3초 정도).
    fontTools는 matplotlib의 의존성이라 항상 있습니다.
    """
    try:
        from fontTools.ttLib import TTFont
    except ImportError:  # pragma: no cover - matplotlib이 있으면 항상 있습니다
        return path
    cache_dir = Path(tempfile.gettempdir()) / "dlbook-fonts"
    target = cache_dir / f"{path.stem}-minus-v2-{path.stat().st_size}.ttf"
    if target.is_file():
        return target
    font = TTFont(str(path))
    cmap = font.getBestCmap() or {}
    if 0x2212 in cmap or 0x2D not in cmap:
        return path
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[0x2212] = table.cmap.get(0x2D, cmap[0x2D])
    # 시스템에 같은 이름의 원본 글꼴(fonts-nanum)이 있어도 이 사본이 선택되도록 가족 이름을 바꿉니다.
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = f"{record.toUnicode()} {_FAMILY_SUFFIX}"
        elif record.nameID == 6:
            record.string = f"{record.toUnicode()}-{_FAMILY_SUFFIX}"
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    font.save(str(partial))
    os.replace(partial, target)
    return target


def use_korean_font() -> str:
    """matplotlib에 한글 글꼴을 등록하고 기본 글꼴로 지정합니다 (1장).

    여러 번 불러도 안전합니다. ``sns.set_theme()`` 은 글꼴 설정을 덮어쓰므로,
    seaborn 테마를 바꾼 뒤에는 이 함수를 다시 부르거나 :func:`set_theme` 을 쓰세요.
    :func:`plot_history` 는 그릴 때마다 이 함수를 부릅니다.

    Returns:
        지정한 글꼴 가족 이름 (예: ``"NanumGothic"``).

    Raises:
        RuntimeError: 한글 글꼴 파일을 하나도 찾지 못했을 때.
    """
    global _active_family
    files = find_korean_font_files()
    if not files:
        raise RuntimeError(
            "한글 글꼴을 찾지 못했습니다. `pip install koreanize-matplotlib`로 나눔고딕이 든 "
            "패키지를 설치하거나(설치만 하면 되고 임포트는 필요 없습니다), "
            "Debian/Ubuntu에서는 `apt-get install fonts-nanum`을 실행하세요."
        )
    if _active_family is None:
        usable = [_with_minus_sign(path) for path in files]
        for path in usable:
            font_manager.fontManager.addfont(str(path))
        _active_family = font_manager.FontProperties(fname=str(usable[0])).get_name()
    # 한글 글꼴에 없는 기호(수학 기호 등)는 DejaVu Sans로 대신 그립니다(글꼴 대체).
    matplotlib.rcParams["font.family"] = [_active_family, "DejaVu Sans"]
    sans = [f for f in matplotlib.rcParams["font.sans-serif"] if f != _active_family]
    matplotlib.rcParams["font.sans-serif"] = [_active_family, *sans]
    # 한글 글꼴에는 유니코드 빼기 기호(U+2212)가 없어 음수 눈금이 깨지므로 ASCII '-'를 씁니다.
    matplotlib.rcParams["axes.unicode_minus"] = False
    return _active_family


def set_theme(**kwargs: Any) -> str:
    """``seaborn.set_theme`` 을 부른 뒤 한글 글꼴을 다시 적용합니다 (1장).

    Args:
        **kwargs: ``seaborn.set_theme`` 에 그대로 넘길 인자 (예: ``style="whitegrid"``).

    Returns:
        적용한 한글 글꼴 가족 이름.
    """
    import seaborn as sns

    sns.set_theme(**kwargs)
    return use_korean_font()


def _history_dict(history: Any) -> dict[str, list[float]]:
    """Keras ``History``, dict, pandas DataFrame을 ``{키: 값 목록}`` 으로 바꿉니다."""
    if hasattr(history, "history") and isinstance(history.history, Mapping):
        data = history.history
    elif isinstance(history, Mapping):
        data = history
    elif hasattr(history, "to_dict") and hasattr(history, "columns"):
        data = {str(c): list(history[c]) for c in history.columns}
    else:
        raise TypeError(
            "history에는 model.fit()이 돌려준 History, 그 .history 딕셔너리, "
            f"또는 pandas DataFrame을 넘겨야 합니다. 받은 타입: {type(history).__name__}"
        )
    if not data:
        raise ValueError("학습 기록이 비어 있습니다. model.fit()이 한 에포크라도 돌았는지 확인하세요.")
    return {str(k): [float(v) for v in vals] for k, vals in data.items()}


def plot_history(
    history: Any,
    metrics: Sequence[str] | None = None,
    *,
    title: str | None = None,
    ax: Any = None,
) -> Any:
    """훈련/검증 학습 곡선을 지표마다 하나의 축에 그립니다 (1장에서 소개, 모든 장에서 사용).

    ``loss`` 와 ``val_loss`` 처럼 ``val_`` 이 붙은 짝은 같은 축에 "훈련"/"검증"으로
    함께 그립니다. 축 이름과 범례는 한국어입니다.

    Args:
        history: ``model.fit()`` 이 돌려준 ``History``, ``history.history`` 딕셔너리,
            또는 열 이름이 지표인 pandas DataFrame.
        metrics: 그릴 지표 이름 (``val_`` 없이). ``None`` 이면 ``val_`` 이 아닌 모든 키.
        title: 그림 전체 제목.
        ax: 지표가 하나일 때 그릴 matplotlib 축. ``None`` 이면 새 그림을 만듭니다.

    Returns:
        matplotlib ``Figure``.

    Raises:
        TypeError: ``history`` 의 타입이 맞지 않을 때.
        KeyError: 요청한 지표가 기록에 없을 때 (있는 키 목록과 함께).
        ValueError: 기록이 비었거나, 지표가 여럿인데 ``ax`` 를 하나만 넘겼을 때.
    """
    import matplotlib.pyplot as plt

    data = _history_dict(history)
    if metrics is None:
        metrics = [k for k in data if not k.startswith("val_")]
    elif isinstance(metrics, str):
        metrics = [metrics]
    metrics = list(metrics)
    if not metrics:
        raise ValueError("그릴 지표가 없습니다. metrics 인자를 확인하세요.")
    for name in metrics:
        if name not in data:
            hint = ""
            if name in {"acc", "val_acc"}:
                hint = " 케라스 3에서는 'acc'가 아니라 'accuracy'입니다."
            raise KeyError(
                f"학습 기록에 '{name}' 키가 없습니다. 있는 키: {sorted(data)}.{hint}"
            )
    if ax is not None and len(metrics) != 1:
        raise ValueError("ax를 넘길 때는 지표를 하나만 지정하세요.")

    use_korean_font()
    if ax is None:
        fig, axes = plt.subplots(1, len(metrics), figsize=(5 * len(metrics), 3.6), squeeze=False)
        axes_list = list(axes[0])
    else:
        fig, axes_list = ax.figure, [ax]
    for axis, name in zip(axes_list, metrics):
        values = data[name]
        epochs = range(1, len(values) + 1)
        label_ko = _METRIC_NAMES_KO.get(name, name)
        few = len(values) <= 40  # 점이 많으면 표식 없이 선만 그립니다
        axis.plot(epochs, values, "o-" if few else "-", markersize=3, label=f"훈련 {label_ko}")
        if f"val_{name}" in data:
            axis.plot(epochs, data[f"val_{name}"], "s--" if few else "--", markersize=3, label=f"검증 {label_ko}")
        axis.set_xlabel("에포크")
        axis.xaxis.set_major_locator(MaxNLocator(integer=True))  # 에포크는 정수
        axis.set_ylabel(label_ko)
        axis.grid(True, alpha=0.3)
        axis.legend()
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_model(model: Any, title: str, *, dpi: int = 80, figsize: tuple[float, float] = (6.0, 6.0)) -> Any:
    """케라스 모델의 구조 그림을 한국어 제목과 함께 보여 줍니다 (4장에서 소개, 5장).

    ``keras.utils.plot_model`` 은 그림을 파일로 저장합니다. 저장소 폴더에 그림 파일이 쌓이지 않도록
    임시 폴더에 저장한 뒤 matplotlib으로 불러와 제목을 붙이고, 임시 파일은 지웁니다.
    층 이름은 영어로 짓습니다(한글 층 이름은 텐서플로 백엔드에서 오류가 납니다, 4장).

    Args:
        model: 케라스 모델 (``keras.Model``, ``keras.Sequential`` 포함).
        title: 그림 제목 (한국어 가능).
        dpi: 구조 그림의 해상도. 층이 많으면 줄입니다.
        figsize: matplotlib 그림 크기(인치).

    Returns:
        matplotlib ``Figure``.

    Raises:
        TypeError: ``model`` 이 케라스 모델이 아닐 때.
        ValueError: ``title`` 이 비었거나 ``dpi`` 가 양수가 아닐 때.
        RuntimeError: 그림 파일이 만들어지지 않았을 때 (pydot이나 Graphviz가 없을 때).
    """
    import keras
    import matplotlib.pyplot as plt

    if not isinstance(model, keras.Model):
        raise TypeError(f"model에는 케라스 모델을 넘겨야 합니다. 받은 타입: {type(model).__name__}")
    if not isinstance(title, str) or not title.strip():
        raise ValueError("title에는 비어 있지 않은 그림 제목을 넘기세요.")
    if isinstance(dpi, bool) or not isinstance(dpi, int) or dpi <= 0:
        raise ValueError(f"dpi는 양의 정수여야 합니다. 받은 값: {dpi!r}")
    use_korean_font()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.png"
        keras.utils.plot_model(model, to_file=str(path), show_shapes=True, show_layer_names=True, dpi=dpi)
        if not path.is_file():
            raise RuntimeError(
                "모델 그림 파일이 만들어지지 않았습니다. pydot(`pip install pydot`)과 Graphviz"
                "(Debian/Ubuntu: `apt-get install graphviz`)가 설치되어 있는지 확인하세요. Colab에는 둘 다 있습니다."
            )
        image = plt.imread(path)
    fig, ax = plt.subplots(figsize=figsize)
    ax.imshow(image)
    ax.set_title(title)
    ax.axis("off")
    fig.tight_layout()
    return fig
