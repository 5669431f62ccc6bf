"""책의 「실행 시간과 자원」 쪽(docs/runtime.md)을 벤치마크 결과에서 만듭니다: ``make runtime-page``.

읽는 것: benchmarks/results.json (make benchmark가 씀), benchmarks/budgets.yml (예산표),
benchmarks/gpu/*.json (실제 GPU 측정 기록; 없으면 GPU 열은 비어 있음). 쪽의 숫자는 모두 이 파일들에서 오며,
손으로 적은 측정값은 없습니다. 첫 줄의 '자동 생성' 표시 때문에 glue 검사(tools/quality.py)는 이 쪽을 건너뛰고,
tests/test_benchmarks.py가 쪽이 결과 파일과 어긋나지 않았는지 확인합니다.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import results  # noqa: E402

PAGE = ROOT / "docs" / "runtime.md"
MARKER = ("% 자동 생성: tools/runtime_page.py가 benchmarks/results.json, benchmarks/budgets.yml, "
          "benchmarks/gpu/*.json에서 만듭니다. 손으로 고치지 말고 `make benchmark` 또는 `make runtime-page`를 실행하세요.")
WORKLOAD_TITLES = {"fashion_mnist": "패션 MNIST", "boston": "보스턴 주택 가격 K-겹 검증", "imdb": "IMDB 영화 리뷰"}


def _s(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.0f}초" if value >= 100 else f"{value:.1f}초"


def _subject(word: str) -> str:
    """주격 조사 '이'/'가': 마지막 한글 음절에 받침이 있으면 '이'."""
    last = word[-1]
    if "가" <= last <= "힣":
        return "이" if (ord(last) - ord("가")) % 28 else "가"
    return "이(가)"


def _budget(value: float | None) -> str:
    return "—" if value is None else f"{value:g}초"


def _stat_s(stat: dict[str, Any] | None) -> str:
    if not stat:
        return "—"
    if stat["min"] == stat["max"]:
        return _s(stat["median"])
    return f"{_s(stat['median'])} ({stat['min']:.1f}~{stat['max']:.1f})"


def _num(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def _headline(headline: dict[str, Any]) -> str:
    parts = []
    for name, value in headline.items():
        short = name.removeprefix("headline_")
        if "median" in value:
            text = _num(value["median"])
            if value["min"] != value["max"]:
                text += f" ({_num(value['min'])}~{_num(value['max'])})"
        else:
            text = ", ".join(dict.fromkeys(_num(v) for v in value["values"]))
        parts.append(f"`{short}` {text}")
    return "<br>".join(parts) if parts else "—"


def _gpu_cell(nb: str, gpu_records: list[dict[str, Any]]) -> str:
    for record in reversed(gpu_records):  # 가장 최근 기록
        row = record["notebooks"].get(nb)
        if row:
            machine = record["machine"]
            return f"{_s(row['wall_s']['median'])} ({machine['gpus'][0]}, {machine['date'][:10]})"
    return ""


def _when_and_load(data: dict[str, Any]) -> tuple[list[str], list[int], list[float]]:
    """행과 기준 레시피가 잰 날짜, 실행 횟수, 1분 평균 부하(실행 시작과 끝)."""
    dates, runs, loads = [], [], []
    for row in data["notebooks"].values():
        dates.append(row["measured_at"])
        runs.append(row["runs"])
        la = row.get("load_average") or []
        loads += [la[i] for i in (0, 3) if i < len(la)]
    for entry in (data.get("baselines") or {}).values():
        dates.append(entry["measured_at"])
        runs += [rec["runs"] for rec in entry["recipes"].values()]
    return sorted(dates), sorted(set(runs)), loads


def _machine_section(data: dict[str, Any]) -> list[str]:
    m = data["machine"]
    dates, runs, loads = _when_and_load(data)
    first, last = dates[0][:16].replace("T", " "), dates[-1][:16].replace("T", " ")
    when = first if first == last else f"{first} ~ {last}"
    lines = [
        "## 측정 환경",
        "",
        "| 항목 | 값 |",
        "| --- | --- |",
        f"| CPU | {m['cpu_model']}, 쓸 수 있는 코어 {m['usable_cores']}개 |",
        f"| 메모리 | {m['memory_gb']} GB |",
        f"| GPU | {', '.join(m['gpus']) if m.get('gpus') else '없음'} |",
        f"| 소프트웨어 | 파이썬 {m['python']}, 텐서플로 {m['tensorflow']}, 케라스 {m['keras']}, NumPy {m['numpy']} |",
        f"| 운영 체제 | {m['os']} |",
        f"| 측정 날짜 | {when} |",
        f"| 실행 횟수 | 노트북·레시피마다 {runs[0] if len(runs) == 1 else f'{runs[0]}~{runs[-1]}'}회"
        " (각각 새 커널·새 프로세스에서, 한 번에 하나씩) |",
    ]
    if loads:
        low, high = min(loads), max(loads)
        lines.append(f"| 측정 중 부하 | 1분 평균 부하 {low}" + (f" ~ {high}" if high != low else "") + " |")
    lines += [
        "",
        "부하는 그 순간 CPU를 쓰거나 기다리는 작업 수의 평균입니다. 코어 수보다 크면 다른 작업과 CPU를 나눠 쓴 것이므로"
        " 벽시계 시간이 늘어납니다. CPU 시간은 부하의 영향을 훨씬 덜 받습니다.",
        "",
    ]
    return lines


def _chapter_section(data: dict[str, Any], budgets: dict[str, Any], gpu_records: list[dict[str, Any]]) -> list[str]:
    limit = budgets["peak_memory_gb"]
    fp = data.get("fingerprint")
    lines = [
        "## 장별 시간·메모리·결과",
        "",
        "| 장 | 실행 시간 (벽시계) | 예산 | CPU 시간 | 최대 메모리 | 대표 결과 | GPU (실측) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    other_machine = False
    for nb, row in data["notebooks"].items():
        budget = budgets["notebooks"].get(nb)
        over = budget is not None and row["wall_s"]["median"] > budget
        mem_over = row["peak_rss_gb"]["max"] > limit
        title = row.get("title") or nb
        if row.get("fingerprint") != fp:
            title += " †"
            other_machine = True
        lines.append(
            f"| {title} | {_stat_s(row['wall_s'])}{' (초과)' if over else ''} | {_budget(budget)} | "
            f"{_s(row['cpu_s']['median'])} | {row['peak_rss_gb']['max']:.2f} GB{' (초과)' if mem_over else ''} | "
            f"{_headline(row['headline'])} | {_gpu_cell(nb, gpu_records)} |"
        )
    total = data.get("course_total")
    if total:
        over = total["wall_s"] > budgets["course_seconds"]
        lines.append(f"| **강좌 전체** | {_s(total['wall_s'])}{' (초과)' if over else ''} | {_budget(budgets['course_seconds'])} | "
                     f"{_s(total['cpu_s'])} | | | |")
    lines += [
        "",
        f"- **실행 시간**: 커널이 준비된 뒤 첫 셀부터 마지막 셀까지 걸린 벽시계 시간의 중앙값이고, 괄호 안은 최소~최대입니다."
        " 패키지 설치, 데이터 내려받기, 커널 시작 시간은 빠집니다. 「(초과)」는 예산을 넘었다는 표시입니다.",
        "- **CPU 시간**: 그동안 커널 프로세스가 쓴 CPU 시간(사용자+시스템, 모든 코어의 합)의 중앙값입니다."
        " 텐서플로가 코어를 여러 개 쓰면 벽시계 시간보다 길어집니다.",
        f"- **최대 메모리**: 커널 프로세스(와 그 자식 프로세스)의 최대 상주 메모리(RSS)입니다. 예산은 장마다 {limit} GB"
        " (1 GB = 10억 바이트)입니다.",
        "- **대표 결과**: 각 장이 `headline_`으로 시작하는 이름으로 glue한 값을 그 실행에서 그대로 가져왔습니다"
        " (`environment.setup(seed=42)`의 기본 시드).",
        "- **GPU (실측)**: 누군가 실제 GPU에서 잰 기록(`benchmarks/gpu/`)이 있을 때만 그 날짜와 GPU 종류와 함께 적습니다."
        " 추정값은 적지 않으므로 기록이 없으면 비어 있습니다.",
    ]
    if other_machine:
        lines.append("- †: 이 행은 위 측정 환경과 다른 기계나 소프트웨어에서 따로 잰 값입니다.")
    lines.append("")
    return lines


def _baseline_section(data: dict[str, Any]) -> list[str]:
    baselines = data.get("baselines") or {}
    lines = [
        "## 노트의 레시피와 비교",
        "",
        "이 책이 바탕으로 삼은 강의 노트는 무거운 작업 세 가지를 더 느린 방법으로 훈련합니다. 같은 측정 실행 안에서,"
        " 같은 데이터로, 노트의 레시피와 이 책의 레시피를 번갈아 새 프로세스에서 실행해 비교합니다"
        " (`benchmarks/baselines/`).",
        "",
    ]
    if not baselines:
        return lines + ["아직 측정하지 않았습니다. `make benchmark`를 실행하세요.", ""]
    for workload, entry in baselines.items():
        target = entry["target"]
        goal = "≥" if target["goal"] == ">=" else "≤"
        title = WORKLOAD_TITLES.get(workload, workload)
        lines += [
            f"### {title}",
            "",
            f"목표: {target['label']} {goal} {target['value']} (`{target['chapter']}`의 기준)",
            "",
            f"| 레시피 | 내용 | 목표까지 시간: 벽시계 (CPU) | 전체 시간 | 최대 메모리 | 최종 {target['label']} |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for name, rec in entry["recipes"].items():
            recipe = rec["recipe"]
            if all(rec["reached"]):
                epochs = sorted(set(rec["epoch_reached"]))
                ep = "~".join(str(e) for e in (epochs[0], epochs[-1])) if len(epochs) > 1 else str(epochs[0])
                ttt = (f"{_s(rec['time_to_target_wall_s']['median'])} ({_s(rec['time_to_target_cpu_s']['median'])}),"
                       f" 에포크 {ep}")
            elif any(rec["reached"]):
                ttt = f"{sum(rec['reached'])}/{len(rec['reached'])}회만 도달"
            else:
                ttt = "도달하지 못함"
            final = rec["final_metric"]
            final_text = f"{final['median']:.4f}" + (f" ({final['min']:.4f}~{final['max']:.4f})"
                                                     if final["min"] != final["max"] else "")
            lines.append(f"| {recipe['label']} | {recipe['description']} | {ttt} | "
                         f"{_s(rec['total_wall_s']['median'])} | {rec['peak_rss_gb']['max']:.2f} GB | {final_text} |")
        lines.append("")
        for name, sp in entry.get("speedup", {}).items():
            label = entry["recipes"][name]["recipe"]["label"]
            if sp["wall"] is None:
                lines.append(f"- {label}: 목표에 닿지 못해 배속을 계산하지 않았습니다.")
                continue
            note = ("" if sp["seed_reached"] else
                    " 노트의 레시피는 목표에 닿지 못했으므로 그 전체 시간으로 나눈 값이며, 실제 비는 이보다 큽니다.")
            lines.append(f"- {label}: 목표까지 걸린 시간의 비(노트의 레시피 ÷ {label})는 벽시계 **{sp['wall']:.1f}**,"
                         f" CPU **{sp['cpu']:.1f}**입니다(1보다 크면 {label}{_subject(label)} 빠릅니다).{note}")
        chapter = data["notebooks"].get(target["chapter"])
        seed = entry["recipes"].get(results.SEED_RECIPE)
        if chapter and seed:
            ratio = seed["total_cpu_s"]["median"] / chapter["cpu_s"]["median"]
            lines.append(f"- {chapter.get('title') or target['chapter']} 노트북 **전체**(다른 실험까지 모두)의 CPU 시간"
                         f" {_s(chapter['cpu_s']['median'])}은 노트의 레시피 하나의 CPU 시간"
                         f" {_s(seed['total_cpu_s']['median'])}의 {1 / ratio:.2f}배입니다."
                         f" 그 장의 대표 결과: {_headline(chapter['headline']).replace('<br>', ', ')}.")
        lines.append("")
    lines += [
        "**목표까지 시간**은 데이터 준비(불러오기, 정규화, 벡터화)와 모델 만들기, 그리고 목표 지표가 처음으로 목표를 넘은"
        " 에포크가 끝날 때까지의 훈련 시간입니다. 텐서플로 임포트 시간은 두 레시피가 똑같이 치르므로 빼고, 에포크마다"
        " 목표 지표를 재는 동안은 시계를 멈춥니다(벤치마크만 하는 일이므로). K-겹 검증은 폴드 평균 지표가 처음 목표를"
        " 넘은 에포크 e까지 모든 폴드의 시간을 더합니다. **전체 시간**은 레시피를 끝까지 실행한 시간이고, 최대 메모리는"
        " 그 프로세스 전체의 최대 상주 메모리입니다. 노트의 레시피는 노트에 적힌 메모리를 그대로 쓰므로 장의 예산"
        " 대상이 아닙니다.",
        "",
    ]
    return lines


def _howto_section() -> list[str]:
    return [
        "## 다시 재기와 GPU 기록",
        "",
        "- 전체: `make benchmark` (모든 장과 노트의 레시피를 3회씩; `RUNS=5`로 횟수를 바꿉니다). 다른 작업이 없는"
        " 조용한 기계에서 실행하세요.",
        "- 한 장만: `make benchmark NB=chapters/04_keras_basics.ipynb` — 그 장의 행만 다시 재고 이 쪽을 다시 만듭니다.",
        "- 이 쪽만 다시 만들기: `make runtime-page`.",
        "- GPU 기록: Colab에서 *런타임 → 런타임 유형 변경 → GPU*를 고른 뒤, 새 셀에서 저장소를 내려받아"
        " `pip install -e .`를 하고 `python benchmarks/run.py --gpu-record --runs 1`을 실행합니다."
        " 만들어진 `benchmarks/gpu/날짜-GPU.json`을 커밋하고 `make runtime-page`를 실행하면 GPU 열이 채워집니다."
        " 자세한 절차는 `benchmarks/README.md`에 있습니다.",
        "",
    ]


def render(data: dict[str, Any] | None = None, budgets: dict[str, Any] | None = None,
           gpu_records: list[dict[str, Any]] | None = None) -> str:
    """쪽 전체를 문자열로 만듭니다 (인자가 없으면 커밋된 파일들을 읽습니다)."""
    data = results.load_results() if data is None else data
    budgets = results.load_budgets() if budgets is None else budgets
    gpu_records = results.load_gpu_records() if gpu_records is None else gpu_records
    lines = [
        MARKER,
        "",
        "# 실행 시간과 자원",
        "",
        "각 장의 노트북을 처음부터 끝까지 실행하는 데 드는 시간과 메모리, 그리고 그 실행이 낸 장의 대표 결과입니다."
        " 이 쪽의 숫자는 모두 `make benchmark`가 잰 결과 파일(`benchmarks/results.json`)과 예산표"
        "(`benchmarks/budgets.yml`)에서 자동으로 만들어지며, 손으로 적은 값은 없습니다."
        " 스터디 모임의 시간 계획({doc}`study_guide`)에 이 값을 쓰세요. Colab에서는 패키지 설치와 데이터"
        " 내려받기 시간이 더해집니다.",
        "",
    ]
    if not data.get("notebooks"):
        lines += ["아직 측정한 결과가 없습니다. `make benchmark`를 실행하세요.", ""]
    else:
        lines += _machine_section(data)
        lines += _chapter_section(data, budgets, gpu_records)
    lines += _baseline_section(data)
    lines += _howto_section()
    return "\n".join(lines).rstrip() + "\n"


def write_page(path: Path = PAGE, **kwargs: Any) -> Path:
    path.write_text(render(**kwargs), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"쪽을 만들었습니다: {write_page().relative_to(ROOT)}")
