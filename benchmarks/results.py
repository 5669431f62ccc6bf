"""결과 파일(benchmarks/results.json)과 예산표(benchmarks/budgets.yml)를 다루는 순수 함수들.

측정은 benchmarks/run.py가, 책의 쪽 생성은 tools/runtime_page.py가, 빠진 장 검사는
tests/test_benchmarks.py가 이 함수들을 씁니다.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any, Iterable

import yaml

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.json"
BUDGETS = ROOT / "benchmarks" / "budgets.yml"
GPU_DIR = ROOT / "benchmarks" / "gpu"
SCHEMA = 1
GB = 1e9
#: 기준 레시피 스크립트 (작업 이름 → 스크립트와 레시피 순서; 첫 레시피가 노트의 레시피)
WORKLOADS: dict[str, tuple[str, tuple[str, ...]]] = {
    "fashion_mnist": ("benchmarks/baselines/fashion_mnist.py", ("seed", "course")),
    "boston": ("benchmarks/baselines/boston.py", ("seed", "course")),
    "imdb": ("benchmarks/baselines/imdb.py", ("seed", "course", "streamed")),
}
SEED_RECIPE = "seed"


# ---------------------------------------------------------------------------
# 읽고 쓰기
# ---------------------------------------------------------------------------


def load_budgets(path: Path = BUDGETS) -> dict[str, Any]:
    """예산표를 읽고 모양을 확인합니다."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("course_seconds", "peak_memory_gb", "regression_factor", "notebooks"):
        if key not in data:
            raise ValueError(f"{path.name}: '{key}' 항목이 없습니다")
    for nb, seconds in data["notebooks"].items():
        if not isinstance(seconds, (int, float)) or seconds <= 0:
            raise ValueError(f"{path.name}: {nb}의 예산은 양수(초)여야 합니다: {seconds!r}")
    return data


def empty_results() -> dict[str, Any]:
    return {"schema": SCHEMA, "machine": None, "fingerprint": None, "notebooks": {}, "baselines": {},
            "seed_reference_cpu_s": None}


def load_results(path: Path = RESULTS) -> dict[str, Any]:
    if not path.is_file():
        return empty_results()
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("schema") != SCHEMA:
        raise ValueError(f"{path.name}: 결과 파일 형식 {data.get('schema')!r}을(를) 읽을 수 없습니다 (기대: {SCHEMA})")
    return data


def save_results(data: dict[str, Any], path: Path = RESULTS) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")


def load_gpu_records(directory: Path = GPU_DIR) -> list[dict[str, Any]]:
    """GPU 측정 기록(benchmarks/gpu/*.json)을 날짜순으로. 각 기록에는 날짜와 GPU 종류가 반드시 있어야 합니다."""
    records = []
    for path in sorted(directory.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        gpus = record.get("machine", {}).get("gpus")
        if not gpus or not record.get("machine", {}).get("date") or not record.get("notebooks"):
            raise ValueError(f"{path.name}: GPU 기록에는 machine.gpus, machine.date, notebooks가 있어야 합니다")
        record["file"] = path.name
        records.append(record)
    return sorted(records, key=lambda r: r["machine"]["date"])


# ---------------------------------------------------------------------------
# 통계
# ---------------------------------------------------------------------------


def stats(values: Iterable[float | None], digits: int = 3) -> dict[str, Any] | None:
    """중앙값·최소·최대와 원래 값들. 값이 하나도 없으면 ``None``."""
    vals = [float(v) for v in values if v is not None]
    if not vals:
        return None
    return {"median": round(statistics.median(vals), digits), "min": round(min(vals), digits),
            "max": round(max(vals), digits), "values": [round(v, digits) for v in vals]}


def _headline_stats(runs: list[dict[str, Any]]) -> dict[str, Any]:
    names: list[str] = []
    for run in runs:
        names += [n for n in run.get("headline", {}) if n not in names]
    out: dict[str, Any] = {}
    for name in names:
        values = [run.get("headline", {}).get(name) for run in runs]
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            out[name] = stats(values, digits=6)
        else:
            out[name] = {"values": values}
    return out


def aggregate_notebook(runs: list[dict[str, Any]], *, measured_at: str, fingerprint: str,
                       load_average: list[float]) -> dict[str, Any]:
    """같은 노트북의 여러 실행(measure.run_notebook의 결과)을 한 행으로."""
    if not runs or any(r.get("error") for r in runs):
        raise ValueError("실패한 실행이 있는 노트북은 결과 행으로 만들 수 없습니다")
    peaks = [r["peak_rss_bytes"] / GB for r in runs]
    return {
        "title": runs[-1].get("title", ""),
        "runs": len(runs),
        "wall_s": stats(r["wall_s"] for r in runs),
        "cpu_s": stats(r["cpu_s"] for r in runs),
        "startup_s": stats(r.get("startup_s") for r in runs),
        "peak_rss_gb": {"max": round(max(peaks), 3), "values": [round(p, 3) for p in peaks]},
        "headline": _headline_stats(runs),
        "measured_at": measured_at,
        "fingerprint": fingerprint,
        "load_average": load_average,
    }


def aggregate_recipe(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """같은 레시피의 여러 실행(기준 레시피 스크립트의 결과)을 하나로."""
    if not runs or any(r.get("error") for r in runs):
        raise ValueError("실패한 실행이 있는 레시피는 결과로 만들 수 없습니다")
    if any(r.get("quick") or r.get("settings", {}).get("limit") for r in runs):
        raise ValueError("--quick/--limit 실행은 결과 파일에 기록하지 않습니다")
    ttt = [r.get("time_to_target") for r in runs]
    return {
        "recipe": runs[-1]["recipe"],
        "settings": runs[-1].get("settings", {}),
        "runs": len(runs),
        "reached": [t is not None for t in ttt],
        "epoch_reached": [t["epoch"] if t else None for t in ttt],
        "time_to_target_wall_s": stats(t["wall_s"] if t else None for t in ttt),
        "time_to_target_cpu_s": stats(t["cpu_s"] if t else None for t in ttt),
        "prep_wall_s": stats(r["prep"]["wall_s"] for r in runs),
        "total_wall_s": stats(r["total"]["wall_s"] for r in runs),
        "total_cpu_s": stats(r["total"]["cpu_s"] for r in runs),
        "process_wall_s": stats(r["process"]["wall_s"] for r in runs),
        "process_cpu_s": stats(r["process"]["cpu_s"] for r in runs),
        "peak_rss_gb": {"max": round(max(r["process"]["peak_rss_bytes"] for r in runs) / GB, 3),
                        "values": [round(r["process"]["peak_rss_bytes"] / GB, 3) for r in runs]},
        "final_metric": stats((r["final_metric"] for r in runs), digits=4),
    }


def _time_for(recipe: dict[str, Any], clock: str) -> tuple[float | None, bool]:
    """목표까지 시간(모든 실행이 도달했을 때) 또는 전체 시간과, 도달 여부."""
    reached = bool(recipe["reached"]) and all(recipe["reached"])
    key = f"time_to_target_{clock}_s" if reached else f"total_{clock}_s"
    value = recipe.get(key)
    return (value["median"] if value else None), reached


def speedups(workload: dict[str, Any]) -> dict[str, Any]:
    """노트의 레시피 대비 각 레시피의 배속 (노트의 목표까지 시간 ÷ 이 레시피의 목표까지 시간).

    노트의 레시피가 목표에 닿지 못했으면 그 전체 시간을 쓰고 ``seed_reached=False`` 로 표시합니다
    (이때 배속은 실제보다 작게 나온 하한입니다). 이 레시피가 목표에 닿지 못했으면 배속은 ``None`` 입니다.
    """
    recipes = workload["recipes"]
    seed = recipes.get(SEED_RECIPE)
    out: dict[str, Any] = {}
    if not seed:
        return out
    for name, recipe in recipes.items():
        if name == SEED_RECIPE:
            continue
        entry: dict[str, Any] = {}
        for clock in ("wall", "cpu"):
            seed_time, seed_reached = _time_for(seed, clock)
            time, reached = _time_for(recipe, clock)
            entry[clock] = round(seed_time / time, 2) if (reached and seed_time and time) else None
            entry["seed_reached"], entry["reached"] = seed_reached, reached
        out[name] = entry
    return out


def seed_reference_cpu(baselines: dict[str, Any]) -> float | None:
    """노트의 레시피들의 CPU 시간(전체 실행, 중앙값)의 합: 기계 속도를 지우는 기준."""
    total = 0.0
    for workload in WORKLOADS:
        seed = baselines.get(workload, {}).get("recipes", {}).get(SEED_RECIPE)
        if not seed or not seed.get("total_cpu_s"):
            return None
        total += seed["total_cpu_s"]["median"]
    return round(total, 3)


def attach_ratios(notebooks: dict[str, Any], reference: float | None, source: str) -> None:
    """각 장의 CPU 시간 ÷ 노트 레시피 기준 CPU 시간을 행에 적습니다."""
    for row in notebooks.values():
        row["ratio_to_seed_cpu"] = round(row["cpu_s"]["median"] / reference, 4) if reference else None
        row["seed_reference"] = source if reference else None


def course_total(notebooks: dict[str, Any]) -> dict[str, float]:
    return {"wall_s": round(sum(r["wall_s"]["median"] for r in notebooks.values()), 1),
            "cpu_s": round(sum(r["cpu_s"]["median"] for r in notebooks.values()), 1)}


# ---------------------------------------------------------------------------
# 검사
# ---------------------------------------------------------------------------


def regressions(old: dict[str, Any], new: dict[str, Any], factor: float) -> list[str]:
    """커밋된 결과보다 '장 CPU 시간 ÷ 노트 레시피 CPU 시간'이 ``factor`` 배 넘게 커진 장."""
    problems = []
    for nb, row in new.get("notebooks", {}).items():
        before = old.get("notebooks", {}).get(nb, {}).get("ratio_to_seed_cpu")
        after = row.get("ratio_to_seed_cpu")
        if before and after and after / before > factor:
            problems.append(f"{nb}: 노트 레시피 대비 시간 비가 {before:.3f} → {after:.3f} "
                            f"({after / before:.2f}배, 허용 {factor}배)로 나빠졌습니다")
    return problems


def budget_problems(results: dict[str, Any], budgets: dict[str, Any], only: Iterable[str] | None = None) -> list[str]:
    """예산을 넘은 장, 예산이 없는 장(``only`` 가 있으면 그 장들만), 강좌 전체(모든 행의 합) 예산 초과."""
    problems = []
    limit_gb = budgets["peak_memory_gb"]
    selected = set(only) if only is not None else None
    for nb, row in results.get("notebooks", {}).items():
        if selected is not None and nb not in selected:
            continue
        budget = budgets["notebooks"].get(nb)
        wall = row["wall_s"]["median"]
        if budget is None:
            problems.append(f"{nb}: benchmarks/budgets.yml에 예산이 없습니다")
        elif wall > budget:
            problems.append(f"{nb}: 벽시계 시간 중앙값 {wall:.1f}초 > 예산 {budget}초")
        if row["peak_rss_gb"]["max"] > limit_gb:
            problems.append(f"{nb}: 최대 메모리 {row['peak_rss_gb']['max']:.2f} GB > 예산 {limit_gb} GB")
    if results.get("notebooks"):
        total = course_total(results["notebooks"])["wall_s"]
        if total > budgets["course_seconds"]:
            problems.append(f"강좌 전체: {total:.1f}초 > 예산 {budgets['course_seconds']}초")
    return problems


def coverage_problems(results: dict[str, Any], notebooks: Iterable[str]) -> list[str]:
    """목차의 장 가운데 결과 파일에 행이 없는 장."""
    rows = results.get("notebooks", {})
    return [nb for nb in notebooks if nb not in rows]
