"""helpers.plotting 단위 테스트: 한글이 실제로 그려지는지 (글리프 누락 경고 = 실패).

글꼴 후보 목록을 바꾼 시나리오(휠의 나눔고딕을 숨김, 글꼴 모음(.ttc)이 맨 앞, 읽을 수 없는 파일,
글꼴 없음)는 깨끗한 matplotlib 상태에서 보도록 시나리오마다 새 파이썬 프로세스에서 실행합니다.
"""

import json
import os
import shutil
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pytest

from helpers import plotting

ROOT = Path(__file__).resolve().parents[1]
#: Debian/Ubuntu fonts-noto-cjk의 글꼴 모음. CI는 이 패키지를 설치합니다 (tools/install_system_deps.sh test).
NOTO_CJK = Path(os.environ.get("DLBOOK_NOTO_CJK_TTC", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"))


def render_korean_figure() -> None:
    """한글 제목·축 이름이 있는 그림을 실제로 그립니다 (Agg 렌더러)."""
    fig, ax = plt.subplots()
    ax.plot([-2, -1, 0, 1], [1, -1, 2, -3])
    ax.set(title="한글 제목: 훈련 손실", xlabel="에포크", ylabel="손실")
    fig.canvas.draw()
    plt.close(fig)


def test_korean_figure_renders_without_missing_glyphs():
    family = plotting.use_korean_font()
    assert family
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" 경고를 실패로
        render_korean_figure()
    assert matplotlib.rcParams["axes.unicode_minus"] is False


def test_log_axis_minus_and_mixed_math_render(caplog):
    """로그 축 눈금(10^{-3}, 수식 모드)과 한글+수식이 섞인 제목도 글리프 누락 없이 그려집니다."""
    plotting.use_korean_font()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plt.subplots()
        ax.semilogy([1, 2, 3], [1e-6, 1e-3, 1.0])
        ax.set_title(r"시그모이드 $\sigma(z) = 1/(1+e^{-z})$의 그레이디언트")
        fig.canvas.draw()
        plt.close(fig)
    assert "does not have a glyph" not in caplog.text


def test_detector_catches_missing_hangul():
    """심어 둔 위반: 한글 글꼴 없이 그리면 경고가 나야 이 테스트 방식이 의미가 있습니다."""
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        with pytest.warns(UserWarning, match="missing from font"):
            render_korean_figure()


def test_font_survives_seaborn_theme_via_set_theme():
    import seaborn as sns

    sns.set_theme()  # seaborn이 글꼴 목록을 덮어씁니다
    plotting.set_theme(style="whitegrid")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render_korean_figure()
    sns.reset_orig()


def test_plot_history_reapplies_font_after_seaborn():
    import seaborn as sns

    sns.set_theme()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = plotting.plot_history({"loss": [1.0, 0.5], "val_loss": [1.1, 0.7]}, title="학습 곡선")
        fig.canvas.draw()
    plt.close(fig)
    sns.reset_orig()


def test_use_korean_font_does_not_import_koreanize_or_distutils():
    """Colab(Python 3.12)에는 distutils가 없습니다: koreanize_matplotlib을 임포트하면 안 됩니다."""
    code = (
        "import sys, matplotlib; matplotlib.use('Agg');"
        "from helpers import plotting; plotting.use_korean_font();"
        "bad = [m for m in ('koreanize_matplotlib', 'distutils') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_font_files_found():
    files = plotting.find_korean_font_files()
    assert files and files[0].name == "NanumGothic.ttf"
    assert "koreanize_matplotlib" in str(files[0]), "휠의 나눔고딕이 1순위여야 합니다"


# ---- 글꼴 후보 시나리오 (새 프로세스) -------------------------------------------------

PROBE = textwrap.dedent(
    r"""
    import json, logging, sys, time, warnings
    from pathlib import Path
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from helpers import plotting

    spec = json.loads(sys.argv[1])
    plotting._cache_dirs = lambda: [Path(spec["cache"])]  # 사본은 테스트의 임시 폴더에
    if not spec["wheel"]:
        plotting._bundled_nanum = lambda: []  # 휠의 나눔고딕을 숨깁니다 (지우지 않고)
    if spec["candidates"] is not None:
        plotting.KOREAN_FONT_CANDIDATES = tuple(spec["candidates"])
    if spec["native"] is not None:
        plotting._NATIVE_COLLECTIONS = spec["native"]  # False: 글꼴 모음을 모르는 옛 matplotlib처럼
    glyph_log = []
    class Catch(logging.Handler):
        def emit(self, record):
            glyph_log.append(record.getMessage())
    logging.getLogger("matplotlib").addHandler(Catch())
    result = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        start = time.perf_counter()
        try:
            result["family"] = plotting.use_korean_font()
        except RuntimeError as exc:
            result["error"] = str(exc)
        result["seconds"] = time.perf_counter() - start
    result["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
    if "family" in result:
        font = plotting._active
        result.update(source=str(font.source), face=font.face, file=str(font.file))
        with warnings.catch_warnings(record=True) as drawn:
            warnings.simplefilter("always")
            fig, ax = plt.subplots()
            ax.semilogy([1, 2, 3], [1e-3, 1e-2, 1.0])  # 눈금 10⁻³, 10⁻²: 수식 모드의 빼기 기호
            ax.plot([1, 2], [0.5, 0.1], label="훈련 손실")
            ax.set(title="한글 제목: 검증 정확도", xlabel="에포크", ylabel="손실")
            ax.legend()
            fig.canvas.draw()
        result["ticks"] = [t.get_text() for t in ax.get_yticklabels()]
        result["draw_warnings"] = [str(w.message) for w in drawn] + [m for m in glyph_log if "glyph" in m]
    print(json.dumps(result, ensure_ascii=False))
    """
)


def run_scenario(tmp_path: Path, candidates=None, *, wheel: bool = True, native=None) -> dict:
    """새 프로세스에서 후보 목록을 바꿔 ``use_korean_font()`` 를 부르고 한글 그림을 그립니다."""
    spec = {
        "cache": str(tmp_path / "font-cache"),
        "wheel": wheel,
        "candidates": None if candidates is None else [str(c) for c in candidates],
        "native": native,
    }
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(spec)], capture_output=True, text=True, cwd=tmp_path, timeout=300
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def assert_draws_korean(result: dict) -> None:
    assert "error" not in result, result.get("error")
    assert result["draw_warnings"] == [], "글리프가 빠졌습니다 (네모로 그려짐)"
    assert any("10^{-2}" in tick for tick in result["ticks"]), result["ticks"]


@pytest.fixture(scope="session")
def font_files(tmp_path_factory) -> dict[str, Path]:
    """시나리오용 글꼴 파일: fontTools로 만든 진짜 글꼴 모음과 읽을 수 없는 파일."""
    from fontTools.ttLib import TTCollection, TTFont

    folder = tmp_path_factory.mktemp("fonts")
    nanum = plotting._bundled_nanum()[0]
    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    # macOS 흉내: 0번은 한글이 없는 글꼴, 1번이 한국어 글꼴 (NotoSansCJK-Regular.ttc처럼)
    mac = folder / "System" / "Library" / "Fonts" / "AppleSDGothicNeo.ttc"
    mac.parent.mkdir(parents=True)
    collection = TTCollection()
    collection.fonts = [TTFont(str(dejavu), lazy=True), TTFont(str(nanum), lazy=True)]
    collection.save(str(mac))
    broken = folder / "Library" / "Fonts" / "Broken.ttc"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"ttcf" + b"\x00\x02\x00\x00" + os.urandom(64))  # 글꼴 모음인 척하는 깨진 파일
    empty = folder / "empty.ttf"
    empty.write_bytes(b"")
    debian = folder / "usr" / "share" / "fonts" / "truetype" / "nanum" / "NanumGothic.ttf"
    debian.parent.mkdir(parents=True)
    shutil.copyfile(nanum, debian)  # fonts-nanum과 같은 파일 (휠의 나눔고딕과 같은 글꼴)
    windows = folder / "Windows" / "Fonts" / "malgun.ttf"  # 맑은 고딕 자리에 둔 단일 TTF
    windows.parent.mkdir(parents=True)
    shutil.copyfile(nanum, windows)
    return {"mac": mac, "broken": broken, "empty": empty, "debian": debian, "windows": windows}


def test_built_collection_is_a_real_collection(font_files):
    from fontTools.ttLib import TTCollection

    faces = TTCollection(str(font_files["mac"]), lazy=True).fonts
    assert [f["name"].getBestFamilyName() for f in faces] == ["DejaVu Sans", "NanumGothic"]


@pytest.mark.parametrize("native", [True, False], ids=["matplotlib-3.11+", "older-matplotlib"])
def test_simulated_macos_list_collection_and_unreadable_file_first(tmp_path, font_files, native):
    """깨진 파일과 빈 파일이 맨 앞, 그다음 한국어 글꼴이 1번인 글꼴 모음: 경고만 남기고 한글이 그려집니다."""
    result = run_scenario(
        tmp_path, [font_files["broken"], font_files["empty"], font_files["mac"]], wheel=False, native=native
    )
    assert_draws_korean(result)
    assert result["source"] == str(font_files["mac"]) and result["face"] == 1
    assert result["family"] == "NanumGothic KO"  # 빼기 기호를 더한 사본
    assert len(result["warnings"]) == 2, result["warnings"]
    assert str(font_files["broken"]) in result["warnings"][0] and "건너뜁니다" in result["warnings"][0]
    assert str(font_files["empty"]) in result["warnings"][1]


def test_wheel_nanum_wins_and_other_candidates_are_not_opened(tmp_path, font_files):
    """휠의 나눔고딕이 있으면 그것만 처리합니다: 뒤의 깨진 파일은 열어 보지도 않습니다(경고 없음)."""
    result = run_scenario(tmp_path, [font_files["broken"], font_files["mac"]], wheel=True)
    assert_draws_korean(result)
    assert "koreanize_matplotlib" in result["source"] and result["family"] == "NanumGothic KO"
    assert result["warnings"] == []


def test_debian_nanum_when_wheel_hidden(tmp_path, font_files):
    result = run_scenario(tmp_path, [font_files["debian"], font_files["mac"]], wheel=False)
    assert_draws_korean(result)
    assert result["source"] == str(font_files["debian"]) and result["family"] == "NanumGothic KO"


def test_windows_single_ttf(tmp_path, font_files):
    result = run_scenario(tmp_path, [font_files["windows"]], wheel=False)
    assert_draws_korean(result)
    assert result["source"] == str(font_files["windows"])


def test_no_usable_font_is_a_clear_korean_error(tmp_path, font_files):
    result = run_scenario(tmp_path, [font_files["broken"]], wheel=False)
    assert "한글 글꼴을 찾지 못했습니다" in result["error"]
    assert "pip install koreanize-matplotlib" in result["error"] and str(font_files["broken"]) in result["error"]
    result = run_scenario(tmp_path, [], wheel=False)
    assert "후보 파일이 하나도 없습니다" in result["error"]


def test_noto_sans_cjk_kr_from_installed_collection(tmp_path):
    """CI에는 fonts-noto-cjk가 설치됩니다: 휠을 숨기면 .ttc의 1번 글꼴 "Noto Sans CJK KR"을 씁니다."""
    if not NOTO_CJK.is_file():
        message = f"{NOTO_CJK}가 없습니다: `bash tools/install_system_deps.sh test`로 fonts-noto-cjk를 설치하세요"
        if os.environ.get("DLBOOK_CI"):
            pytest.fail(message)  # CI에서는 건너뛰지 않습니다: 글꼴 모음 경로가 매번 실행되어야 합니다
        pytest.skip(message)
    result = run_scenario(tmp_path, [NOTO_CJK], wheel=False)
    assert_draws_korean(result)
    assert result["family"] == "Noto Sans CJK KR" and result["face"] == 1
    assert result["file"] == str(NOTO_CJK), "빼기 기호가 있는 글꼴은 사본을 만들지 않습니다"
    assert result["warnings"] == []


def test_plot_history_accepts_history_dict_and_dataframe():
    import pandas as pd

    class History:
        history = {"loss": [1.0, 0.8], "accuracy": [0.5, 0.6], "val_loss": [1.2, 1.0], "val_accuracy": [0.4, 0.5]}

    fig = plotting.plot_history(History())
    assert len(fig.axes) == 2
    assert fig.axes[0].get_xlabel() == "에포크"
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["훈련 손실", "검증 손실"]
    plt.close(fig)
    fig = plotting.plot_history(pd.DataFrame(History.history), metrics="accuracy")
    assert len(fig.axes) == 1
    ticks = [t for t in fig.axes[0].get_xticks() if 1 <= t <= 2]
    assert ticks and all(float(t).is_integer() for t in ticks), "에포크 눈금은 정수여야 합니다"
    plt.close(fig)


def test_plot_history_missing_key_is_clear():
    with pytest.raises(KeyError, match="accuracy"):
        plotting.plot_history({"loss": [1.0]}, metrics=["acc"])
    with pytest.raises(KeyError, match="있는 키"):
        plotting.plot_history({"loss": [1.0]}, metrics=["mae"])


def test_plot_history_bad_inputs():
    with pytest.raises(TypeError, match="History"):
        plotting.plot_history([1, 2, 3])
    with pytest.raises(ValueError, match="비어"):
        plotting.plot_history({})
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="하나만"):
        plotting.plot_history({"loss": [1.0], "accuracy": [0.1]}, ax=ax)
    plt.close(fig)


# ---- plot_model (4장, 5장) ------------------------------------------------------


def _tiny_model():
    from helpers import environment

    environment.quiet_import_tensorflow()
    import keras

    return keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2, name="hidden")], name="tiny")


@pytest.mark.skipif(__import__("shutil").which("dot") is None, reason="Graphviz(dot)가 없습니다")
def test_plot_model_shows_structure_with_korean_title(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # 작업 폴더에 그림 파일이 남지 않는지도 봅니다
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = plotting.plot_model(_tiny_model(), "작은 모델: 은닉층 하나")
        fig.canvas.draw()
    ax = fig.axes[0]
    assert ax.get_title() == "작은 모델: 은닉층 하나"
    assert ax.images and ax.images[0].get_array().shape[0] > 10
    assert list(tmp_path.iterdir()) == []
    plt.close(fig)


def test_plot_model_bad_inputs():
    with pytest.raises(TypeError, match="케라스 모델"):
        plotting.plot_model("model", "제목")
    model = _tiny_model()
    with pytest.raises(ValueError, match="제목"):
        plotting.plot_model(model, "  ")
    with pytest.raises(ValueError, match="dpi"):
        plotting.plot_model(model, "제목", dpi=0)


def test_plot_model_without_graphviz_fails_loudly(monkeypatch):
    import keras

    model = _tiny_model()
    monkeypatch.setattr(keras.utils, "plot_model", lambda *args, **kwargs: None)  # pydot이 없을 때처럼 파일 없음
    with pytest.raises(RuntimeError, match="Graphviz"):
        plotting.plot_model(model, "제목")
