"""설치 점검의 탐침: ``pip install git+…`` 으로 설치한 helpers를 학습자처럼 써 보고 JSON으로 보고합니다.

tools/install_audit.py가 점검용 가상 환경의 파이썬으로 ``python -c`` 로 실행합니다 (저장소가 아니라
설치된 helpers를 임포트하도록 저장소 밖의 폴더에서). 혼자 실행해도 됩니다: ``python tools/install_probe.py``.
이 파일은 표준 라이브러리와 helpers가 설치하는 패키지(numpy, matplotlib)만 씁니다.
"""

import importlib
import importlib.util
import json
import logging
import os
import re
import sys
import time
import warnings
from pathlib import Path

NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
HANGUL = re.compile(r"[가-힣]")


def draw_problems(family=None):
    """한글 제목·축과 로그 축(10⁻²)을 그려 글리프 누락 경고와 로그를 모읍니다."""
    import matplotlib
    import matplotlib.pyplot as plt

    messages = []

    class Catch(logging.Handler):
        def emit(self, record):
            messages.append(record.getMessage())

    handler = Catch()
    logging.getLogger("matplotlib").addHandler(handler)
    rc = {"font.family": [family, "DejaVu Sans"]} if family else {}
    try:
        with warnings.catch_warnings(record=True) as caught, matplotlib.rc_context(rc):
            warnings.simplefilter("always")
            fig, ax = plt.subplots()
            ax.semilogy([1, 2, 3], [1e-3, 1e-2, 1.0])
            ax.set(title="한글 제목: 검증 손실", xlabel="에포크", ylabel="손실")
            fig.canvas.draw()
            ticks = [t.get_text() for t in ax.get_yticklabels()]
            plt.close(fig)
    finally:
        logging.getLogger("matplotlib").removeHandler(handler)
    problems = [str(w.message) for w in caught if "glyph" in str(w.message).lower()]
    problems += [m for m in messages if "glyph" in m.lower()]
    if not any("10^{-2}" in t for t in ticks):
        problems.append(f"로그 축 눈금이 예상과 다릅니다: {ticks}")
    return problems


def missing_dependency_messages():
    """helpers가 설치하지 않는 패키지(TensorFlow 등)가 없을 때 각 함수가 내는 오류."""
    from helpers import datasets, environment, glue, plotting

    calls = {
        "tensorflow": ("environment.setup()", lambda: environment.setup(seed=1)),
        "keras": ("datasets.load_boston_housing()", datasets.load_boston_housing),
        "sklearn": ("datasets.load_california_housing()", datasets.load_california_housing),
        "seaborn": ("plotting.set_theme()", plotting.set_theme),
        "IPython": ('glue.glue("x", 1.0)', lambda: glue.glue("x", 1.0)),
    }
    results = []
    for package, (label, call) in calls.items():
        if importlib.util.find_spec(package) is not None:
            continue
        try:
            call()
        except Exception as exc:
            message = f"{type(exc).__name__}: {exc}"
            results.append(
                {
                    "package": package,
                    "call": label,
                    "message": message,
                    "korean": bool(HANGUL.search(message)),
                    "names_package": package.lower() in message.lower(),
                    "says_how": "install" in message,
                }
            )
        else:
            results.append({"package": package, "call": label, "message": "(오류 없음)", "korean": True,
                            "names_package": True, "says_how": True})
    return results


def main():
    report = {"python": sys.version.split()[0]}
    import matplotlib

    matplotlib.use("Agg")
    report["matplotlib"] = matplotlib.__version__
    import helpers

    report["helpers_file"] = helpers.__file__
    report["non_editable"] = "site-packages" in helpers.__file__ and "__editable__" not in helpers.__file__
    report["imports"] = {}
    for name in ("checks", "datasets", "environment", "glue", "plotting"):
        try:
            importlib.import_module(f"helpers.{name}")
            report["imports"][name] = "ok"
        except Exception as exc:
            report["imports"][name] = f"{type(exc).__name__}: {exc}"
    from helpers import plotting

    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        family = plotting.use_korean_font()
    report["font"] = {
        "family": family,
        "source": str(plotting._active.source),
        "face": plotting._active.face,
        "file": str(plotting._active.file),
        "seconds": round(time.perf_counter() - start, 3),
        "warnings": [str(w.message) for w in caught if issubclass(w.category, plotting.KoreanFontWarning)],
        "draw_problems": draw_problems(),
    }
    report["leaked_modules"] = [m for m in ("koreanize_matplotlib", "distutils") if m in sys.modules]
    if NOTO.is_file():
        noto = plotting.register_korean_font([NOTO])
        report["noto"] = {"family": noto.family, "face": noto.face, "file": str(noto.file),
                          "draw_problems": draw_problems(noto.family)}
    report["missing_dependencies"] = missing_dependency_messages()
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
