"""강좌 벤치마크의 파일 검사와 계산 검사 (시간을 재는 테스트는 없습니다: 속도는 make benchmark가 판단합니다)."""

from __future__ import annotations

import json
import os
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import quality  # noqa: E402
import runtime_page  # noqa: E402
from benchmarks import measure, results  # noqa: E402
from benchmarks.baselines import common  # noqa: E402
from toc_notebooks import toc_files, toc_notebooks  # noqa: E402

# ---------------------------------------------------------------------------
# 커밋된 파일 검사 (CI)
# ---------------------------------------------------------------------------


def test_results_cover_every_chapter_in_toc():
    """목차의 모든 장에 측정 결과 행이 있어야 합니다. 없으면 조용한 기계에서 재고 결과를 커밋하세요."""
    missing = results.coverage_problems(results.load_results(), toc_notebooks())
    assert missing == [], (
        f"benchmarks/results.json에 결과가 없는 장: {missing}. "
        "조용한 기계에서 `make benchmark`(전체) 또는 `make benchmark NB=<장 노트북>`(그 장만)을 실행하고 "
        "benchmarks/results.json과 docs/runtime.md를 커밋하세요."
    )


def test_results_rows_are_complete():
    data = results.load_results()
    for nb, row in data["notebooks"].items():
        assert row["wall_s"]["median"] > 0 and row["cpu_s"]["median"] > 0, nb
        assert row["peak_rss_gb"]["max"] > 0, nb
        assert row["runs"] == len(row["wall_s"]["values"]), nb
    if data["notebooks"]:
        assert data["machine"]["cpu_model"] and data["machine"]["usable_cores"] and data["machine"]["tensorflow"]


def test_every_chapter_has_a_budget():
    budgets = results.load_budgets()
    missing = [nb for nb in toc_notebooks() if nb not in budgets["notebooks"]]
    assert missing == [], f"benchmarks/budgets.yml에 예산이 없는 장: {missing}"


def test_runtime_page_is_generated_from_the_committed_results():
    page = runtime_page.PAGE.read_text(encoding="utf-8")
    assert page == runtime_page.render(), (
        "docs/runtime.md가 benchmarks/results.json·budgets.yml·gpu/에서 만든 내용과 다릅니다. "
        "손으로 고치지 말고 `make runtime-page`로 다시 만드세요."
    )


def test_runtime_page_is_marked_generated_and_linked():
    first = runtime_page.PAGE.read_text(encoding="utf-8").split("\n", 1)[0]
    assert quality.GENERATED_MARKER in first
    assert "docs/runtime" in toc_files()
    for doc in ("docs/setup.md", "docs/study_guide.md"):
        assert "{doc}`runtime`" in (ROOT / doc).read_text(encoding="utf-8"), f"{doc}가 실행 시간 쪽을 가리키지 않습니다"


# ---------------------------------------------------------------------------
# 계산
# ---------------------------------------------------------------------------

ACC = common.Target(metric="test_accuracy", label="테스트 정확도", goal=">=", value=0.88, chapter="chapters/x.ipynb")
MAE = common.Target(metric="mae", label="MAE", goal="<=", value=2.6, chapter="chapters/y.ipynb")


def test_time_to_target_is_the_first_epoch_that_meets_the_goal():
    epochs = [{"epoch": 1, "wall_s": 5.0, "cpu_s": 8.0, "metric": 0.85},
              {"epoch": 2, "wall_s": 9.0, "cpu_s": 15.0, "metric": 0.881},
              {"epoch": 3, "wall_s": 13.0, "cpu_s": 22.0, "metric": 0.87}]
    assert common.time_to_target(epochs, ACC) == {"epoch": 2, "wall_s": 9.0, "cpu_s": 15.0, "metric": 0.881}
    assert common.time_to_target(epochs[:1], ACC) is None
    assert common.time_to_target([{"epoch": 1, "wall_s": 1, "cpu_s": 1, "metric": 2.6}], MAE)["epoch"] == 1


def test_kfold_time_adds_every_fold_up_to_the_same_epoch():
    prep = {"wall_s": 1.0, "cpu_s": 1.5}
    folds = [
        {"start": {"wall_s": 1.0, "cpu_s": 1.5},
         "epochs": [{"epoch": 1, "wall_s": 3.0, "cpu_s": 4.5, "metric": 3.0},
                    {"epoch": 2, "wall_s": 5.0, "cpu_s": 7.5, "metric": 2.4}]},
        {"start": {"wall_s": 6.0, "cpu_s": 9.0},
         "epochs": [{"epoch": 1, "wall_s": 8.0, "cpu_s": 12.0, "metric": 3.2},
                    {"epoch": 2, "wall_s": 10.0, "cpu_s": 15.0, "metric": 2.7}]},
    ]
    combined = common.kfold_epochs(prep, folds)
    assert combined[0] == {"epoch": 1, "wall_s": 1.0 + 2.0 + 2.0, "cpu_s": 1.5 + 3.0 + 3.0, "metric": 3.1}
    assert combined[1]["wall_s"] == 1.0 + 4.0 + 4.0 and combined[1]["metric"] == pytest.approx(2.55)
    assert common.time_to_target(combined, MAE)["epoch"] == 2


def test_clock_excludes_paused_time():
    import time

    clock = common.Clock()
    with clock.paused():
        time.sleep(0.2)
    wall, _ = clock.now()
    assert wall < 0.1


def _recipe(ttt_wall, total_wall, reached=True, final=0.89, cpu_factor=2.0):
    runs = []
    for k in range(3):
        ttt = {"epoch": 3, "wall_s": ttt_wall + k, "cpu_s": cpu_factor * (ttt_wall + k), "metric": final} if reached else None
        runs.append({"recipe": {"name": "x", "label": "x", "description": "d", "source": "s"}, "settings": {},
                     "time_to_target": ttt, "prep": {"wall_s": 1.0, "cpu_s": 1.0},
                     "total": {"wall_s": total_wall + k, "cpu_s": cpu_factor * (total_wall + k)},
                     "process": {"wall_s": total_wall + 5, "cpu_s": 2 * total_wall, "peak_rss_bytes": 1.5e9},
                     "final_metric": final, "error": None})
    return results.aggregate_recipe(runs)


def test_speedup_uses_time_to_target_and_marks_an_unreached_seed():
    entry = {"recipes": {"seed": _recipe(100, 300), "course": _recipe(10, 20)}}
    sp = results.speedups(entry)["course"]
    assert sp["wall"] == pytest.approx(101 / 11, rel=1e-3) and sp["seed_reached"] and sp["reached"]
    entry = {"recipes": {"seed": _recipe(100, 300, reached=False), "course": _recipe(10, 20)}}
    sp = results.speedups(entry)["course"]
    assert sp["wall"] == pytest.approx(301 / 11, rel=1e-3) and not sp["seed_reached"]
    entry = {"recipes": {"seed": _recipe(100, 300), "course": _recipe(10, 20, reached=False)}}
    assert results.speedups(entry)["course"]["wall"] is None


def test_quick_runs_are_never_recorded():
    run = {"quick": True, "settings": {}, "error": None}
    with pytest.raises(ValueError, match="quick"):
        results.aggregate_recipe([run])


def _row(wall, cpu, peak_gb=0.5, headline=None):
    runs = [{"title": "1장. 시험", "wall_s": wall, "cpu_s": cpu, "startup_s": 1.0, "peak_rss_bytes": peak_gb * 1e9,
             "headline": headline or {"headline_test_acc": 0.9}, "error": None}]
    return results.aggregate_notebook(runs, measured_at="2025-01-01T00:00:00+00:00", fingerprint="fp",
                                      load_average=[0.1, 0.1, 0.1, 0.2, 0.1, 0.1])


def test_budget_problems_and_course_total():
    budgets = {"course_seconds": 20, "peak_memory_gb": 3, "regression_factor": 1.5,
               "notebooks": {"chapters/a.ipynb": 10, "chapters/b.ipynb": 10}}
    data = {"notebooks": {"chapters/a.ipynb": _row(9, 12), "chapters/b.ipynb": _row(12, 14, peak_gb=3.2),
                          "chapters/c.ipynb": _row(1, 1)}}
    problems = results.budget_problems(data, budgets)
    assert any("b.ipynb: 벽시계" in p for p in problems)
    assert any("b.ipynb: 최대 메모리" in p for p in problems)
    assert any("c.ipynb: benchmarks/budgets.yml에 예산이 없습니다" in p for p in problems)
    assert any(p.startswith("강좌 전체") for p in problems)
    assert not any("a.ipynb" in p for p in problems)
    only_a = results.budget_problems(data, budgets, only=["chapters/a.ipynb"])
    assert [p for p in only_a if "ipynb" in p] == []


def test_regression_is_flagged_above_the_factor_only():
    old = {"notebooks": {"chapters/a.ipynb": {"ratio_to_seed_cpu": 0.10}, "chapters/b.ipynb": {"ratio_to_seed_cpu": 0.10}}}
    new = {"notebooks": {"chapters/a.ipynb": {"ratio_to_seed_cpu": 0.16}, "chapters/b.ipynb": {"ratio_to_seed_cpu": 0.14},
                         "chapters/c.ipynb": {"ratio_to_seed_cpu": 0.5}}}
    flagged = results.regressions(old, new, 1.5)
    assert len(flagged) == 1 and "chapters/a.ipynb" in flagged[0]


def test_coverage_problems_lists_missing_chapters():
    data = {"notebooks": {"chapters/a.ipynb": {}}}
    assert results.coverage_problems(data, ["chapters/a.ipynb", "chapters/b.ipynb"]) == ["chapters/b.ipynb"]


def test_headline_statistics_over_runs():
    runs = [{"wall_s": 1, "cpu_s": 1, "peak_rss_bytes": 1e8, "error": None,
             "headline": {"headline_acc": v, "headline_name": "A"}} for v in (0.9, 0.91, 0.9)]
    row = results.aggregate_notebook(runs, measured_at="t", fingerprint="f", load_average=[])
    assert row["headline"]["headline_acc"]["median"] == 0.9 and row["headline"]["headline_acc"]["max"] == 0.91
    assert row["headline"]["headline_name"] == {"values": ["A", "A", "A"]}


def test_failed_runs_are_not_recorded():
    with pytest.raises(ValueError):
        results.aggregate_notebook([{"error": "NameError"}], measured_at="t", fingerprint="f", load_average=[])


# ---------------------------------------------------------------------------
# 생성되는 쪽
# ---------------------------------------------------------------------------


def _fake_results():
    data = results.empty_results()
    data.update({"machine": {"cpu_model": "Test CPU", "usable_cores": 2, "logical_cores": 2, "physical_cores": 1,
                             "memory_gb": 8.0, "gpus": [], "os": "Linux", "python": "3.11", "tensorflow": "2.21.0",
                             "keras": "3.15.1", "numpy": "2.4", "date": "2025-01-01T00:00:00+00:00"},
                 "fingerprint": "fp", "runs": 3, "load_average": {"start": [0.5, 0.5, 0.5], "end": [0.7, 0.6, 0.5]}})
    data["notebooks"] = {"chapters/04_keras_basics.ipynb": _row(50, 80, headline={"headline_test_acc": 0.8947}),
                         "chapters/01_perceptron.ipynb": _row(7, 8)}
    data["notebooks"]["chapters/01_perceptron.ipynb"]["fingerprint"] = "other"
    data["baselines"] = {"fashion_mnist": {"target": vars(ACC) | {"chapter": "chapters/04_keras_basics.ipynb"},
                                           "recipes": {"seed": _recipe(100, 300), "course": _recipe(10, 20)},
                                           "measured_at": "2025-01-01T00:00:00+00:00", "fingerprint": "fp"}}
    data["baselines"]["fashion_mnist"]["speedup"] = results.speedups(data["baselines"]["fashion_mnist"])
    data["course_total"] = results.course_total(data["notebooks"])
    return data


def test_page_shows_measurements_budgets_and_ratios():
    budgets = results.load_budgets()
    gpu = [{"machine": {"gpus": ["Tesla T4"], "date": "2025-02-03T10:00:00+00:00"},
            "notebooks": {"chapters/04_keras_basics.ipynb": {"wall_s": {"median": 12.3}}}}]
    page = runtime_page.render(data=_fake_results(), budgets=budgets, gpu_records=gpu)
    assert page.split("\n", 1)[0].startswith("% 자동 생성")
    assert "# 실행 시간과 자원" in page
    assert "Test CPU, 쓸 수 있는 코어 2개" in page
    assert f"| {_row(50, 80)['title']} | 50.0초 | {budgets['notebooks']['chapters/04_keras_basics.ipynb']}초 |" in page
    assert "`test_acc` 0.8947" in page
    assert "12.3초 (Tesla T4, 2025-02-03)" in page
    assert "†" in page  # 다른 기계에서 잰 행
    assert "벽시계 **9.2**" in page  # 101/11
    assert "도달" not in page.split("## 노트의 레시피와 비교")[1].split("**목표까지 시간**")[0].replace("도달하지", "")


def test_page_without_results_says_how_to_measure():
    page = runtime_page.render(data=results.empty_results(), budgets=results.load_budgets(), gpu_records=[])
    assert "`make benchmark`를 실행하세요" in page


def test_gpu_records_need_date_and_gpu(tmp_path):
    (tmp_path / "bad.json").write_text(json.dumps({"machine": {"gpus": []}, "notebooks": {"a": {}}}), encoding="utf-8")
    with pytest.raises(ValueError, match="GPU 기록"):
        results.load_gpu_records(tmp_path)
    (tmp_path / "bad.json").unlink()
    good = {"machine": {"gpus": ["Tesla T4"], "date": "2025-02-03"}, "notebooks": {"a": {"wall_s": {"median": 1}}}}
    (tmp_path / "good.json").write_text(json.dumps(good), encoding="utf-8")
    assert results.load_gpu_records(tmp_path)[0]["file"] == "good.json"


# ---------------------------------------------------------------------------
# 측정 도구 (작은 노트북과 작은 스크립트로; 시간 값은 검사하지 않습니다)
# ---------------------------------------------------------------------------


def _notebook(tmp_path, *sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 9장. 시험")] + [nbformat.v4.new_code_cell(s) for s in sources]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "t.ipynb"
    nbformat.write(nb, path)
    return path


def test_run_notebook_collects_headline_values_and_resources(tmp_path):
    path = _notebook(tmp_path, "from helpers.glue import glue",
                     "import numpy as np\nx = np.ones((2000, 2000))\nglue('headline_test_acc', np.float32(0.875))",
                     "glue('other_value', 1.5)\nglue('headline_name', '패션')")
    record = measure.run_notebook(path)
    assert record["error"] is None
    assert record["title"] == "9장. 시험"
    assert record["headline"] == {"headline_test_acc": 0.875, "headline_name": "패션"}
    assert record["wall_s"] > 0 and record["cpu_s"] > 0
    assert record["peak_rss_bytes"] > 2000 * 2000 * 8  # 32 MB 배열이 보여야 합니다


def test_run_notebook_reports_a_failing_cell(tmp_path):
    path = _notebook(tmp_path, "x = 1", "raise ValueError('일부러 낸 오류')")
    record = measure.run_notebook(path)
    assert record["error"] and "ValueError" in record["error"]


def test_run_script_measures_child_cpu_and_peak_memory(tmp_path):
    script = tmp_path / "s.py"
    script.write_text(textwrap.dedent("""
        import json, sys, time
        block = bytearray(300 * 1000 * 1000)  # 300 MB
        for i in range(0, len(block), 4096):
            block[i] = 1
        end = time.process_time() + 0.3
        while time.process_time() < end:
            pass
        json.dump({"ok": True}, open(sys.argv[sys.argv.index("--json") + 1], "w"))
    """), encoding="utf-8")
    result = measure.run_script([str(script)])
    assert result["error"] is None and result["ok"] is True
    assert result["process"]["peak_rss_bytes"] > 300e6
    assert result["process"]["cpu_s"] >= 0.3
    failing = tmp_path / "f.py"
    failing.write_text("raise SystemExit('실패')", encoding="utf-8")
    assert "종료 코드 1" in measure.run_script([str(failing)])["error"]


def test_machine_description_names_cpu_cores_and_versions():
    machine = measure.describe_machine()
    assert machine["cpu_model"] and machine["usable_cores"] >= 1
    assert machine["tensorflow"] and machine["keras"] and machine["python"] and machine["date"]


def test_imdb_mirror_loader_keeps_the_keras_contract():
    """IMDB 기준 레시피를 시험하는 작은 로더가 keras.datasets.imdb.load_data(num_words=10000)와 같은 것을 돌려주는지."""
    sys.path.insert(0, str(ROOT / "tests"))
    import _imdb_mirror

    (x_train, y_train), (x_test, y_test) = _imdb_mirror.load(num_words=10_000)
    assert x_train.dtype == object and y_train.dtype == "int64" and len(x_train) == len(x_test) == 25_000
    assert x_train[0][:10] == [1, 14, 22, 16, 43, 530, 973, 1622, 1385, 65]
    assert [len(x) for x in x_train[:5]] == [218, 189, 141, 550, 147] and list(y_train[:5]) == [1, 0, 0, 1, 0]
    assert len(x_test[0]) == 68 and y_test[0] == 0
    assert max(max(x) for x in x_train) == 9999 and 2 in x_train[0] and isinstance(x_train[0][0], int)


def test_notes_vectorisation_matches_the_course_vectorisation():
    """노트의 float64 반복문과 helpers.datasets.vectorize_sequences는 같은 행렬을 만듭니다 (dtype만 다름)."""
    import numpy as np

    from benchmarks.baselines import imdb
    from helpers.datasets import vectorize_sequences

    seqs = [[1, 5, 5, 9], [2], []]
    notes = imdb.vectorize_sequences_notes(seqs, dimension=10)
    assert notes.dtype == np.float64
    np.testing.assert_array_equal(notes, vectorize_sequences(seqs, 10))
