"""그림 도우미: 한글 글꼴과 학습 곡선 (1장에서 소개, 모든 장에서 사용).

한글 제목·축 이름이 네모(□)로 깨지지 않도록 한글 글꼴 **하나**를 골라 matplotlib에
등록합니다. 1순위는 ``koreanize-matplotlib`` 휠에 든 나눔고딕입니다(Colab이든 내 컴퓨터든
``pip`` 으로 설치하면 어디서나 같은 글꼴이라 그림이 똑같아 보입니다). 그 휠이 없으면
운영체제의 글꼴을 씁니다: Debian/Ubuntu의 나눔고딕·Noto Sans CJK, macOS의 애플 SD 산돌고딕
Neo·애플고딕, 윈도의 맑은 고딕. ``.ttf``·``.otf`` 와 글꼴 모음(``.ttc``·``.otc``)을 모두
읽으며, 글꼴 모음에서는 이름과 언어로 한국어 글꼴을 고릅니다(``NotoSansCJK-Regular.ttc`` 에서는
0번이 아니라 1번 "Noto Sans CJK KR"). 읽을 수 없는 파일은 그 파일을 밝힌 경고 한 번과 함께
건너뜁니다.

``koreanize_matplotlib`` 는 *임포트하지 않고* 휠 안의 글꼴 파일만 씁니다. (그 패키지는
임포트할 때 ``distutils`` 를 쓰는데, Colab의 Python 3.12에는 ``distutils`` 가 없습니다.)
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import tempfile
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import matplotlib
from matplotlib import font_manager, ft2font
from matplotlib.ticker import MaxNLocator

__all__ = [
    "KOREAN_FONT_CANDIDATES",
    "KoreanFont",
    "KoreanFontWarning",
    "find_korean_font_files",
    "plot_history",
    "plot_model",
    "register_korean_font",
    "set_theme",
    "use_korean_font",
]

#: 운영체제에 설치된 한글 글꼴 파일 (우선순위 순). 휠의 나눔고딕이 없을 때만 봅니다.
KOREAN_FONT_CANDIDATES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",  # Debian/Ubuntu fonts-nanum
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # Debian/Ubuntu fonts-noto-cjk
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",  # Arch noto-fonts-cjk
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",  # Fedora
    "/System/Library/Fonts/AppleSDGothicNeo.ttc",  # macOS 애플 SD 산돌고딕 Neo
    "/Library/Fonts/AppleSDGothicNeo.ttc",
    "/System/Library/Fonts/Supplemental/AppleGothic.ttf",  # macOS 애플고딕
    "/Library/Fonts/AppleGothic.ttf",
    os.path.join(os.environ.get("WINDIR", "C:\\Windows"), "Fonts", "malgun.ttf"),  # 윈도 맑은 고딕
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

#: 한글 글꼴인지 확인할 때 쓰는 글자 (책의 그림에 실제로 나오는 글자).
_HANGUL = {ord(ch) for ch in "한글손실정확도에포크훈련검증"}
_MINUS = 0x2212  # 유니코드 빼기 기호: 로그 축 눈금 10⁻²처럼 수식 모드로 그리는 글자에 쓰입니다
_WANTED = _HANGUL | {_MINUS, 0x2D}
_FAMILY_SUFFIX = "KO"  # 빼기 기호를 더한 사본의 가족 이름 꼬리표 (예: "NanumGothic KO")
_COPY_VERSION = "v3"  # 사본을 만드는 방법이 바뀌면 올립니다 (캐시 파일 이름에 들어감)
_WINDOWS_KOREAN, _MAC_KOREAN = 0x0412, 23  # name 표의 한국어 언어 번호 (윈도, 매킨토시)

#: matplotlib 3.11부터는 글꼴 모음의 모든 글꼴을 번호와 함께 등록합니다. 그 전 버전(Colab 등)은
#: 0번 글꼴만 보므로, 다른 번호의 글꼴은 단일 글꼴 파일로 꺼내 등록합니다.
_NATIVE_COLLECTIONS = hasattr(font_manager, "FontPath")

_active: KoreanFont | None = None


class KoreanFontWarning(UserWarning):
    """한글 글꼴 후보 하나를 건너뛸 때의 경고 (파일 이름과 까닭을 밝힙니다)."""


@dataclass(frozen=True)
class KoreanFont:
    """:func:`register_korean_font` 가 고른 한글 글꼴 (1장).

    Attributes:
        family: matplotlib에서 쓰는 가족 이름 (예: ``"NanumGothic KO"``, ``"Noto Sans CJK KR"``).
        source: 후보 목록에 있던 원본 파일.
        face: 글꼴 모음(.ttc/.otc) 안의 번호. 단일 글꼴 파일은 0.
        file: matplotlib에 실제로 등록한 파일 (원본, 또는 캐시에 만든 사본).
    """

    family: str
    source: Path
    face: int
    file: Path


def _bundled_nanum() -> list[Path]:
    """``koreanize-matplotlib`` 휠에 든 나눔고딕 파일 (임포트하지 않고 위치만 찾습니다)."""
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return []
    found = (Path(location) / "fonts" / "NanumGothic.ttf" for location in spec.submodule_search_locations)
    return [path for path in found if path.is_file()]


def find_korean_font_files() -> list[Path]:
    """한글 글꼴 후보 파일을 우선순위 순으로 돌려줍니다 (1장).

    1순위는 ``koreanize-matplotlib`` 휠 안의 나눔고딕(설치만 되어 있으면 어디서나 같은 글꼴),
    그다음은 :data:`KOREAN_FONT_CANDIDATES` 가운데 이 컴퓨터에 있는 파일입니다. 파일을 열어
    보지는 않습니다: 실제로 쓸 글꼴은 :func:`register_korean_font` 가 앞에서부터 골라냅니다.
    """
    return [*_bundled_nanum(), *(Path(p) for p in KOREAN_FONT_CANDIDATES if Path(p).is_file())]


def _is_collection(path: Path) -> bool:
    """글꼴 모음(.ttc/.otc)인지 파일 머리의 표식(``ttcf``)으로 판단합니다 (확장자를 믿지 않음)."""
    with open(path, "rb") as handle:
        return handle.read(4) == b"ttcf"


def _open_faces(handle: BinaryIO, collection: bool) -> list[Any]:
    """열린 파일의 글꼴들을 표를 필요할 때만 읽는(lazy) fontTools ``TTFont`` 목록으로 엽니다."""
    from fontTools.ttLib import TTCollection, TTFont  # matplotlib의 의존성이라 항상 있습니다

    if collection:
        return list(TTCollection(handle, lazy=True).fonts)
    return [TTFont(handle, lazy=True)]


def _face_rank(font: Any) -> tuple[bool, bool, bool, int]:
    """글꼴 모음에서 한국어 본문 글꼴일수록 큰 값: 한국어 이름 > 고정폭 아님 > Regular > 굵기 400."""
    names = font["name"]
    family = names.getBestFamilyName() or ""
    korean = bool(re.search(r"\b(KR|K|Korean)\b", family)) or any(
        (record.platformID, record.langID) in {(3, _WINDOWS_KOREAN), (1, _MAC_KOREAN)} for record in names.names
    )
    regular = (names.getBestSubFamilyName() or "").lower() in {"regular", "normal", "book", "roman"}
    weight = font["OS/2"].usWeightClass if "OS/2" in font else 400
    return korean, "mono" not in family.lower(), regular, -abs(weight - 400)


def _codepoints(path: Path, face: int, font: Any, wanted: Iterable[int]) -> set[int]:
    """``wanted`` 가운데 글꼴에 있는 코드 포인트. FreeType(빠름)을 쓰고, 옛 matplotlib이 열지
    못하는 글꼴 모음의 1번 이후 글꼴만 fontTools로 문자표를 읽습니다."""
    if face == 0 or _NATIVE_COLLECTIONS:
        ft = ft2font.FT2Font(str(path), face_index=face) if face else ft2font.FT2Font(str(path))
        return {cp for cp in wanted if ft.get_char_index(cp)}
    _synthetic_glyph_order(font)
    cmap = font.getBestCmap() or {}
    return {cp for cp in wanted if cp in cmap}


def _synthetic_glyph_order(font: Any) -> None:
    """글리프 이름 대신 번호만 쓰게 합니다: CFF 글꼴 전체를 읽고 다시 쓰는 일(수십 초)을 피합니다."""
    if "_dlbook_synthetic" not in font.__dict__:
        font.setGlyphOrder([f"glyph{i:05d}" for i in range(font["maxp"].numGlyphs)])
        font.__dict__["_dlbook_synthetic"] = True


def _cache_dirs() -> list[Path]:
    """사본을 둘 폴더 후보: matplotlib 캐시 폴더, 그다음 임시 폴더."""
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return [Path(matplotlib.get_cachedir()) / "dlbook-fonts", Path(tempfile.gettempdir()) / f"dlbook-fonts-{user}"]


def _copy_stem(path: Path, face: int) -> str:
    """원본 파일(경로·크기·수정 시각)과 글꼴 번호로 정해지는 사본 파일 이름 (확장자 없이)."""
    stat = path.stat()
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{face}|{_COPY_VERSION}"
    return f"{path.stem}-{face}-{hashlib.sha1(key.encode()).hexdigest()[:12]}"


def _cached_copy(path: Path, face: int) -> Path | None:
    """전에 만든 사본이 있으면 그 경로 (한글이 있는 것은 만들 때 이미 확인했습니다)."""
    stem = _copy_stem(path, face)
    return next((d / f"{stem}{ext}" for d in _cache_dirs() for ext in (".ttf", ".otf") if (d / f"{stem}{ext}").is_file()), None)


def _write_copy(font: Any, add_minus: bool, stem: str) -> Path:
    """글꼴 하나를 단일 글꼴 파일로 씁니다. ``add_minus`` 면 빼기 기호를 더하고 가족 이름에
    꼬리표를 붙입니다(같은 이름의 원본 글꼴이 설치되어 있어도 이 사본이 쓰이도록).

    문자표(cmap)와 이름표(name) 말고는 원본의 표를 바이트 그대로 옮깁니다.
    """
    font.recalcBBoxes = font.recalcTimestamp = False
    if add_minus:
        _synthetic_glyph_order(font)
        cmap = font.getBestCmap() or {}
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[_MINUS] = table.cmap.get(0x2D, cmap[0x2D])
        for record in font["name"].names:
            if record.nameID in (1, 4, 16):
                record.string = f"{record.toUnicode()} {_FAMILY_SUFFIX}"
            elif record.nameID == 6:
                record.string = f"{record.toUnicode()}-{_FAMILY_SUFFIX}"
    name = stem + (".otf" if font.sfntVersion == "OTTO" else ".ttf")  # CFF 윤곽선이면 OpenType
    errors = []
    for folder in _cache_dirs():
        target = folder / name
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            font.save(str(partial))
            os.replace(partial, target)  # 동시에 여러 커널이 만들어도 반쯤 쓴 파일은 보이지 않습니다
            return target
        except OSError as exc:
            errors.append(f"{folder}: {exc}")
            partial.unlink(missing_ok=True)
    raise OSError("글꼴 사본을 쓸 폴더가 없습니다 (" + "; ".join(errors) + ")")


def _register(path: Path, face: int, file: Path, index: int) -> KoreanFont:
    """``file`` 의 ``index`` 번 글꼴을 matplotlib에 등록하고(이미 있으면 그대로) 정보를 돌려줍니다."""
    ft = ft2font.FT2Font(str(file), face_index=index) if index else ft2font.FT2Font(str(file))
    registered = any(
        Path(entry.fname) == file and getattr(entry, "index", 0) == index for entry in font_manager.fontManager.ttflist
    )
    if not registered:
        font_manager.fontManager.addfont(str(file))  # 3.11부터는 글꼴 모음의 모든 글꼴이 등록됩니다
    return KoreanFont(family=ft.family_name, source=path, face=face, file=file)


def _prepare(path: Path) -> KoreanFont:
    """후보 파일 하나에서 한글 글꼴을 골라 matplotlib이 쓸 수 있게 준비하고 등록합니다.

    단일 글꼴 파일은 FreeType(matplotlib)만으로 확인하고, fontTools는 사본을 만들거나
    글꼴 모음에서 글꼴을 고를 때만 씁니다 (장마다 시작 시간을 아낍니다).

    Raises:
        ValueError: 한글이 있는 글꼴이 파일에 없을 때.
        Exception: 파일을 읽을 수 없을 때 (fontTools·FreeType·파일 시스템의 오류 그대로).
    """
    collection = _is_collection(path)
    if not collection:
        cached = _cached_copy(path, 0)
        if cached is not None:
            return _register(path, 0, cached, 0)
        present = _codepoints(path, 0, None, _WANTED)
        if _HANGUL <= present and not _needs_minus(present):
            return _register(path, 0, path, 0)
    with open(path, "rb") as handle:  # 읽다가 실패해도 파일은 닫힙니다
        faces = _open_faces(handle, collection)
        order = sorted(range(len(faces)), key=lambda i: _face_rank(faces[i]), reverse=True)
        for face in order:
            cached = _cached_copy(path, face)
            if cached is not None:
                return _register(path, face, cached, 0)
            present = _codepoints(path, face, faces[face], _WANTED)
            if not _HANGUL <= present:
                continue
            if not _needs_minus(present) and (face == 0 or _NATIVE_COLLECTIONS):
                return _register(path, face, path, face)  # 원본을 그대로 씁니다
            copy = _write_copy(faces[face], _needs_minus(present), _copy_stem(path, face))
            return _register(path, face, copy, 0)
    raise ValueError("한글 글자가 있는 글꼴이 없습니다")


def _needs_minus(present: set[int]) -> bool:
    """빼기 기호가 없고 하이픈은 있어 빼기 기호를 하이픈 모양으로 더해야 하는지."""
    return _MINUS not in present and 0x2D in present


def register_korean_font(files: Sequence[Path | str] | None = None) -> KoreanFont:
    """한글 글꼴 하나를 골라 matplotlib에 등록하고 그 정보를 돌려줍니다 (1장).

    ``files`` (기본값: :func:`find_korean_font_files`)를 앞에서부터 보며 처음으로 쓸 수 있는
    글꼴 **하나만** 처리합니다. 빼기 기호(U+2212)가 없는 글꼴(나눔고딕)은 그 글리프를 더한
    사본을 matplotlib 캐시 폴더에 한 번 만들어 씁니다: 로그 축 눈금(10⁻²)처럼 수식 모드로
    그리는 글자는 글꼴 대체가 되지 않아, 빼기 기호가 없으면 네모로 나오기 때문입니다.
    읽을 수 없거나 한글이 없는 파일은 :class:`KoreanFontWarning` 경고 한 번과 함께 건너뜁니다.

    Args:
        files: 후보 글꼴 파일 (우선순위 순).

    Returns:
        :class:`KoreanFont`.

    Raises:
        RuntimeError: 쓸 수 있는 한글 글꼴이 하나도 없을 때 (설치 방법을 알려 줍니다).
    """
    candidates = [Path(f) for f in (find_korean_font_files() if files is None else files)]
    skipped = []
    for path in candidates:
        try:
            return _prepare(path)
        except Exception as exc:  # 글꼴 하나가 장 전체를 멈추게 하지 않습니다
            reason = f"{type(exc).__name__}: {exc}"
            skipped.append(f"{path} ({reason})")
            warnings.warn(f"한글 글꼴 파일을 쓸 수 없어 건너뜁니다: {path} ({reason})", KoreanFontWarning, stacklevel=3)
    tried = "".join(f"\n  - {item}" for item in skipped) or " (후보 파일이 하나도 없습니다)"
    raise RuntimeError(
        "한글 글꼴을 찾지 못했습니다. `pip install koreanize-matplotlib`으로 나눔고딕이 든 패키지를 "
        "설치하거나(설치만 하면 되고 임포트는 필요 없습니다), Debian/Ubuntu에서는 "
        "`sudo apt-get install fonts-nanum`을 실행하세요. 살펴본 파일:" + tried
    )


def use_korean_font() -> str:
    """matplotlib에 한글 글꼴을 등록하고 기본 글꼴로 지정합니다 (1장).

    여러 번 불러도 안전합니다: 글꼴은 처음 한 번만 고르고 등록합니다
    (:func:`register_korean_font`). ``sns.set_theme()`` 은 글꼴 설정을 덮어쓰므로,
    seaborn 테마를 바꾼 뒤에는 이 함수를 다시 부르거나 :func:`set_theme` 을 쓰세요.
    :func:`plot_history` 는 그릴 때마다 이 함수를 부릅니다.

    Returns:
        지정한 글꼴 가족 이름 (예: ``"NanumGothic KO"``).

    Raises:
        RuntimeError: 쓸 수 있는 한글 글꼴 파일을 하나도 찾지 못했을 때.
    """
    global _active
    if _active is None:
        _active = register_korean_font()
    family = _active.family
    # 한글 글꼴에 없는 기호(수학 기호 등)는 DejaVu Sans로 대신 그립니다(글꼴 대체).
    matplotlib.rcParams["font.family"] = [family, "DejaVu Sans"]
    sans = [f for f in matplotlib.rcParams["font.sans-serif"] if f != family]
    matplotlib.rcParams["font.sans-serif"] = [family, *sans]
    # 눈금의 음수는 ASCII '-'로 씁니다 (글꼴마다 빼기 기호 모양이 달라 그림이 달라 보이지 않도록).
    matplotlib.rcParams["axes.unicode_minus"] = False
    return family


def set_theme(**kwargs: Any) -> str:
    """``seaborn.set_theme`` 을 부른 뒤 한글 글꼴을 다시 적용합니다 (1장).

    Args:
        **kwargs: ``seaborn.set_theme`` 에 그대로 넘길 인자 (예: ``style="whitegrid"``).

    Returns:
        적용한 한글 글꼴 가족 이름.

    Raises:
        ImportError: seaborn이 설치되어 있지 않을 때 (설치 방법을 알려 줍니다).
    """
    try:
        import seaborn as sns
    except ImportError as exc:
        raise ImportError(
            "set_theme에는 seaborn이 필요합니다. `pip install seaborn`으로 설치하세요 "
            "(Colab과 requirements.txt에는 들어 있습니다)."
        ) from exc
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
