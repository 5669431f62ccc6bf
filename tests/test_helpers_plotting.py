"""helpers.plotting 단위 테스트: 한글이 실제로 그려지는지 (글리프 누락 경고 = 실패)."""

import subprocess
import sys
import warnings

import matplotlib
import matplotlib.pyplot as plt
import pytest

from helpers import plotting


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
