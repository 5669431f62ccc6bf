"""학습자의 설치처럼: git에서 편집 불가로 설치한 helpers, 다른 파이썬, 읽기 전용 설치 폴더 (tools/install_audit.py).

- 지금 파이썬: 이 저장소의 가상 환경과 같은 버전으로.
- Python 3.12 + matplotlib 3.11 미만 (Colab과 같은 조합: 글꼴 모음을 모르는 matplotlib).
- Python 3.13.

pyenv 등에 그 파이썬이 없으면 까닭을 밝히고 건너뜁니다. 의존성을 설치한 가상 환경은 임시 폴더에
두고 다시 쓰므로(처음에만 PyPI에서 설치) 두 번째부터는 helpers만 새로 설치합니다.
"""

from __future__ import annotations

import os
import sys

import pytest

import install_audit

CASES = [
    pytest.param(None, [], id="current-python"),
    pytest.param("3.12", ["matplotlib<3.11"], id="py3.12-colab-like-matplotlib"),
    pytest.param("3.13", [], id="py3.13"),
]


@pytest.mark.parametrize("version, extra", CASES)
def test_installed_helpers_work_like_a_learners(version, extra):
    python = sys.executable if version is None else install_audit.find_python(version)
    if python is None:
        pytest.skip(f"Python {version}이 이 컴퓨터에 없어 건너뜁니다 (pyenv install {version})")
    try:
        report = install_audit.audit(python, extra)
    except RuntimeError as exc:  # 처음 가상 환경을 만들 때 PyPI에 닿지 못한 경우 등
        if os.environ.get("DLBOOK_CI"):
            raise
        pytest.skip(f"점검용 가상 환경을 만들지 못했습니다: {str(exc)[:500]}")
    assert install_audit.problems(report) == []
    assert report["non_editable"] and "site-packages" in report["helpers_file"]
    assert report["font"]["family"] == "NanumGothic KO", "휠의 나눔고딕이 1순위입니다"
    if "noto" in report:
        assert report["noto"]["family"] == "Noto Sans CJK KR" and report["noto"]["face"] == 1
    seaborn = [m for m in report["missing_dependencies"] if m["package"] == "seaborn"]
    assert all("pip install seaborn" in m["message"] for m in seaborn)


def test_planted_problem_is_reported():
    """심어 둔 위반: 탐침 보고에 문제가 있으면 problems()가 찾아냅니다."""
    report = {
        "non_editable": False,
        "helpers_file": "/repo/helpers/__init__.py",
        "imports": {"plotting": "ok", "glue": "ImportError: x"},
        "font": {"draw_problems": ["Glyph 54620 missing from font(s) DejaVu Sans."]},
        "leaked_modules": ["distutils"],
        "noto": {"family": "Noto Sans CJK JP", "face": 0, "draw_problems": []},
        "install_dir_changed": ["helpers/x.ttf"],
        "missing_dependencies": [
            {"package": "seaborn", "call": "plotting.set_theme()", "message": "No module named 'seaborn'",
             "korean": False, "names_package": True, "says_how": False}
        ],
    }
    found = install_audit.problems(report)
    assert len(found) == 7, found
