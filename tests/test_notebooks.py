"""노트북 형식 검사: 목차, 출력 없음, 장의 모양, Colab 설치 셀, 그리고 각 검사가 위반을 잡는지."""

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import quality
from quality import ROOT

NOTEBOOKS = quality.chapter_notebooks()
TEMPLATE = ROOT / "templates" / "chapter_template.ipynb"
ids = [p.name for p in NOTEBOOKS]


def test_there_are_chapters():
    assert NOTEBOOKS, "chapters/에 노트북이 없습니다"


def test_toc_and_chapters_agree():
    assert quality.toc_problems() == []


@pytest.mark.parametrize("path", NOTEBOOKS + [TEMPLATE], ids=ids + ["template"])
def test_committed_without_outputs(path):
    assert quality.output_problems(path) == []


@pytest.mark.parametrize("path", NOTEBOOKS + [TEMPLATE], ids=ids + ["template"])
def test_chapter_shape(path):
    assert quality.shape_problems(path) == []


@pytest.mark.parametrize("path", NOTEBOOKS + [TEMPLATE], ids=ids + ["template"])
def test_colab_cell_matches_repository_url(path):
    assert quality.colab_cell_problems(path, quality.repository_url()) == []


def test_docs_show_the_same_repository_url():
    url = quality.repository_url()
    for doc in ["docs/setup.md", "docs/contributing.md"]:
        text = (ROOT / doc).read_text(encoding="utf-8")
        assert f'git+{url}"' in text, doc
        assert text.count("git+https://") == text.count(f"git+{url}"), f"{doc}: 다른 저장소 주소"


# ---- 심어 둔 위반: 검사가 실제로 잡는지 -----------------------------------------


def _planted(tmp_path: Path, mutate) -> Path:
    nb = nbformat.read(TEMPLATE, as_version=4)
    mutate(nb)
    path = tmp_path / "99_planted.ipynb"
    nbformat.write(nb, path)
    return path


def test_planted_outputs_are_caught(tmp_path):
    def add_output(nb):
        cell = [c for c in nb.cells if c.cell_type == "code"][2]
        cell.execution_count = 1
        cell.outputs = [nbformat.v4.new_output("stream", text="hi")]

    assert quality.output_problems(_planted(tmp_path, add_output))


def test_planted_wrong_repository_url_is_caught(tmp_path):
    def other_url(nb):
        cell = [c for c in nb.cells if c.cell_type == "code"][0]
        cell.source = cell.source.replace(quality.repository_url(), "https://github.com/someone/else")

    problems = quality.colab_cell_problems(_planted(tmp_path, other_url), quality.repository_url())
    assert problems and "someone/else" in problems[0]


@pytest.mark.parametrize(
    "mutation, expected",
    [
        (lambda nb: nb.cells.pop(-1), "remove-cell"),
        (lambda nb: nb.cells.__setitem__(0, nbformat.v4.new_markdown_cell("# 제목")), "N장"),
        (lambda nb: [c.__setitem__("source", c.source.replace("## 요약", "## 정리")) for c in nb.cells], "요약"),
        (lambda nb: [c.__setitem__("source", c.source.replace(":class: dropdown", "")) for c in nb.cells], "풀이"),
        (lambda nb: nb.metadata.pop("execution"), "timeout"),
        (lambda nb: [c.__setitem__("source", c.source.replace(":label: ch00-ex1\n", ":label: ch00-ex1\n:nonumber:\n"))
                     for c in nb.cells], "nonumber"),
        (lambda nb: [c.__setitem__("source", c.source.replace("ch00-ex1", "ch00-ex2")) for c in nb.cells], "ch00-ex1"),
        (lambda nb: [c.__setitem__("source", c.source.replace("```{exercise}\n", "```{exercise} 0.1\n"))
                     for c in nb.cells], "부제"),
        (lambda nb: nb.cells.insert(3, nb.cells.pop(1)), "학습 목표"),  # 템플릿의 셀 1이 학습 목표
        (lambda nb: nb.metadata.pop("mystnb"), "mystnb.execution_timeout"),
        (lambda nb: nb.cells.insert(5, nbformat.v4.new_code_cell("model.fit(x, y, epochs=3)")), "verbose"),
        (lambda nb: [nb.cells.insert(5, nbformat.v4.new_code_cell("\n".join(["x = 1"] * 9))) for _ in range(12)],
         "중앙값"),
    ],
    ids=["no-hidden-asserts", "title", "section", "solution-visible", "timeout", "exercise-nonumber", "exercise-label-order",
         "exercise-subtitle", "goals-after-setup", "book-timeout", "fit-progress-bar", "long-cells"],
)
def test_planted_shape_violations_are_caught(tmp_path, mutation, expected):
    problems = quality.shape_problems(_planted(tmp_path, mutation))
    assert any(expected in p for p in problems), problems


def test_sklearn_fit_is_not_a_keras_fit():
    assert quality._keras_fit_calls("Perceptron().fit(X, y)") == []
    assert quality._keras_fit_calls("model.fit(x, y, epochs=f(3), verbose=2)") == ["x, y, epochs=f(3), verbose=2"]


def test_planted_toc_violation_is_caught(tmp_path):
    for name in ["_toc.yml", "intro.md"]:
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "chapters").mkdir()
    shutil.copy(TEMPLATE, tmp_path / "chapters" / "99_stray.ipynb")
    problems = quality.toc_problems(tmp_path)
    assert any("99_stray.ipynb이(가) _toc.yml에 없습니다" in p for p in problems)
    assert any("해당하는 파일이 없습니다" in p for p in problems)


def test_planted_failing_notebook_fails_nbmake(tmp_path):
    """노트북 실행 게이트(pytest --nbmake)가 실패하는 노트북을 실제로 잡는지."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("assert 1 + 1 == 3, '심어 둔 실패'")]
    path = tmp_path / "failing.ipynb"
    nbformat.write(nb, path)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbmake", "-p", "no:cacheprovider", "-q", str(path)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )
    assert result.returncode != 0
    assert "심어 둔 실패" in result.stdout


# ---- Colab 설치 셀의 변형: 추가 묶음(extra)이 필요한 장만 -----------------------------


def _with_first_cell(tmp_path: Path, name: str, source: str) -> Path:
    nb = nbformat.read(TEMPLATE, as_version=4)
    [c for c in nb.cells if c.cell_type == "code"][0].source = source
    path = tmp_path / name
    nbformat.write(nb, path)
    return path


def test_colab_extras_are_defined_in_pyproject():
    """COLAB_EXTRAS의 묶음이 pyproject.toml에 있고, 설치 셀의 패키지 이름이 프로젝트 이름과 같습니다."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    for name, extra in quality.COLAB_EXTRAS.items():
        assert (ROOT / "chapters" / name).is_file(), name
        assert extra in extras, f"pyproject.toml에 [{extra}] 묶음이 없습니다 ({name})"
        assert f'"{project["name"]}[{extra}] @ git+' in quality.expected_colab_cell(name, "https://github.com/a/b")
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    for requirement in extras["tuning"]:
        package = requirement.split(">=")[0]
        assert f"{package}==" in requirements, f"{package}가 requirements.txt에 고정되어 있지 않습니다"
    assert {r.split(">=")[0] for r in extras["tuning"]} == {"keras-tuner", "scikeras"}


def test_colab_extra_variant_only_for_listed_chapter(tmp_path):
    url = quality.repository_url()
    variant = quality.COLAB_CELL_WITH_EXTRA.format(extra="tuning", url=url)
    standard = quality.COLAB_CELL.format(url=url)
    listed = "10_hyperparameter_tuning.ipynb"
    assert quality.colab_cell_problems(_with_first_cell(tmp_path, listed, variant), url) == []
    # 목록에 없는 장은 변형을 쓸 수 없고, 목록의 장은 표준 셀이나 다른 묶음을 쓸 수 없습니다
    assert quality.colab_cell_problems(_with_first_cell(tmp_path, "99_planted.ipynb", variant), url)
    assert quality.colab_cell_problems(_with_first_cell(tmp_path, listed, standard), url)
    other_extra = quality.COLAB_CELL_WITH_EXTRA.format(extra="all", url=url)
    assert quality.colab_cell_problems(_with_first_cell(tmp_path, listed, other_extra), url)
