"""강좌 벤치마크: ``make benchmark`` (전체) / ``make benchmark NB=chapters/…`` (한 장만).

목차의 노트북을 하나씩(동시에 하나만) 새 커널에서 여러 번 실행하며 벽시계 시간, 커널의 CPU 시간, 최대 메모리,
장의 대표 결과(``headline_*`` glue 값)를 재고, 같은 실행 안에서 노트의 레시피와 이 책의 레시피를 같은 데이터로
잽니다(benchmarks/baselines/). 결과는 benchmarks/results.json에 쓰고, 책의 「실행 시간과 자원」 쪽
(docs/runtime.md)을 다시 만듭니다. 예산(benchmarks/budgets.yml)을 넘거나, 장의 시간이 노트 레시피 대비 커밋된
값보다 크게 나빠졌으면 0이 아닌 값으로 끝납니다(결과는 그래도 씁니다 — 측정이 곧 사실이므로).

    python benchmarks/run.py                       # 전체: 모든 장 + 기준 레시피, 3회
    python benchmarks/run.py --nb chapters/04_keras_basics.ipynb   # 그 장의 행만 다시 재기
    python benchmarks/run.py --baselines-only      # 기준 레시피만 다시 재기
    python benchmarks/run.py --gpu-record          # (GPU 기계, 예: Colab) GPU 기록 만들기

자세한 정의와 절차는 benchmarks/README.md에 있습니다.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from benchmarks import measure, results  # noqa: E402
from toc_notebooks import toc_notebooks  # noqa: E402


def _fmt_s(stat: dict[str, Any] | None) -> str:
    if not stat:
        return "—"
    return f"{stat['median']:.1f} ({stat['min']:.1f}~{stat['max']:.1f})"


def _headline_text(headline: dict[str, Any]) -> str:
    parts = []
    for name, value in headline.items():
        short = name.removeprefix(measure.HEADLINE_PREFIX)
        parts.append(f"{short}={value:.4g}" if isinstance(value, (int, float)) else f"{short}={value}")
    return ", ".join(parts) or "(headline_ 값 없음)"


def measure_notebooks(notebooks: list[str], log: dict[str, list[dict[str, Any]]]) -> None:
    for nb in notebooks:
        if any(r.get("error") for r in log.setdefault(nb, [])):
            continue  # 이미 실패한 노트북은 다시 실행하지 않습니다
        record = measure.run_notebook(ROOT / nb)
        log[nb].append(record)
        if record["error"]:
            print(f"  {nb}: 실패 — {record['error']}", flush=True)
        else:
            print(f"  {nb}: 벽시계 {record['wall_s']:.1f}초, CPU {record['cpu_s']:.1f}초, "
                  f"최대 {record['peak_rss_bytes'] / results.GB:.2f} GB, {_headline_text(record['headline'])}",
                  flush=True)


def measure_baselines(rnd: int, log: dict[str, dict[str, list[dict[str, Any]]]], workloads: list[str]) -> None:
    """레시피를 번갈아 실행합니다: 홀수 회차는 노트→책, 짝수 회차는 책→노트 (A/B/B/A)."""
    for workload in workloads:
        script, names = results.WORKLOADS[workload]
        order = names if rnd % 2 == 0 else tuple(reversed(names))
        for name in order:
            record = measure.run_script([script, "--recipe", name])
            log.setdefault(workload, {}).setdefault(name, []).append(record)
            if record["error"]:
                print(f"  {workload}/{name}: 실패 — {record['error']}", flush=True)
                continue
            ttt = record["time_to_target"]
            reached = f"{ttt['wall_s']:.1f}초(에포크 {ttt['epoch']})" if ttt else "도달 못함"
            print(f"  {workload}/{name}: 목표까지 {reached}, 전체 {record['total']['wall_s']:.1f}초, "
                  f"최종 {record['final_metric']:.4f}, 프로세스 CPU {record['process']['cpu_s']:.1f}초, "
                  f"최대 {record['process']['peak_rss_bytes'] / results.GB:.2f} GB", flush=True)


def aggregate_baselines(log: dict[str, dict[str, list[dict[str, Any]]]], measured_at: str,
                        fingerprint: str) -> tuple[dict[str, Any], list[str]]:
    out: dict[str, Any] = {}
    failures = []
    for workload, recipes in log.items():
        entry: dict[str, Any] = {"target": None, "recipes": {}, "measured_at": measured_at, "fingerprint": fingerprint}
        for name, runs in recipes.items():
            errors = [r["error"] for r in runs if r.get("error")]
            if errors:
                failures.append(f"{workload}/{name}: {errors[0]}")
                continue
            try:
                entry["recipes"][name] = results.aggregate_recipe(runs)
            except ValueError as exc:
                failures.append(f"{workload}/{name}: {exc}")
                continue
            entry["target"] = runs[-1]["target"]
        if len(entry["recipes"]) == len(recipes):
            entry["speedup"] = results.speedups(entry)
            out[workload] = entry
    return out, failures


def finalize(data: dict[str, Any]) -> None:
    """기준 CPU 시간, 장별 비율, 강좌 합계를 다시 계산합니다."""
    reference = data.get("seed_reference_cpu_s")
    same = data.get("baselines_measured_at")
    for row in data["notebooks"].values():
        row["ratio_to_seed_cpu"] = round(row["cpu_s"]["median"] / reference, 4) if reference else None
        row["seed_reference"] = (None if not reference else
                                 "same run" if row.get("measured_at") == same else "other run")
    data["course_total"] = results.course_total(data["notebooks"]) if data["notebooks"] else None


def print_summary(data: dict[str, Any], budgets: dict[str, Any], measured: list[str]) -> None:
    print(f"\n{'노트북':45s} {'벽시계 초 중앙값(범위)':>22s} {'예산':>5s} {'CPU 초':>7s} {'최대 GB':>7s}  대표 결과")
    for nb, row in data["notebooks"].items():
        mark = "*" if nb in measured else " "
        print(f"{mark}{nb:44s} {_fmt_s(row['wall_s']):>22s} {budgets['notebooks'].get(nb, '—')!s:>5s} "
              f"{row['cpu_s']['median']:7.1f} {row['peak_rss_gb']['max']:7.2f}  {_headline_text({k: v.get('median', v.get('values')) for k, v in row['headline'].items()})}")
    if data.get("course_total"):
        print(f"강좌 전체(중앙값의 합): 벽시계 {data['course_total']['wall_s']:.1f}초 (예산 {budgets['course_seconds']}초), "
              f"CPU {data['course_total']['cpu_s']:.1f}초   (* = 이번에 잰 행)")
    for workload, entry in data.get("baselines", {}).items():
        target = entry["target"]
        print(f"\n[{workload}] 목표: {target['label']} {target['goal']} {target['value']}")
        for name, rec in entry["recipes"].items():
            print(f"  {name:9s} 목표까지 {_fmt_s(rec['time_to_target_wall_s'])}초 (CPU {_fmt_s(rec['time_to_target_cpu_s'])}), "
                  f"전체 {_fmt_s(rec['total_wall_s'])}초, 최대 {rec['peak_rss_gb']['max']:.2f} GB, "
                  f"최종 {rec['final_metric']['median']:.4f}")
        for name, sp in entry.get("speedup", {}).items():
            print(f"  → {name}: 노트 대비 {sp['wall']}배 (벽시계) / {sp['cpu']}배 (CPU)"
                  + ("" if sp["seed_reached"] else "  [노트의 레시피는 목표에 닿지 못함: 전체 시간과 비교한 하한]"))


def gpu_record(notebooks: list[str], runs: int) -> int:
    """GPU 기계(예: Colab GPU 런타임)에서 노트북을 재어 benchmarks/gpu/에 기록합니다."""
    machine = measure.describe_machine()
    if not machine["gpus"]:
        print("GPU가 보이지 않습니다(nvidia-smi). GPU 기록은 GPU가 있는 기계에서만 만듭니다.", file=sys.stderr)
        return 2
    log: dict[str, list[dict[str, Any]]] = {}
    for rnd in range(runs):
        print(f"\n== {rnd + 1}/{runs}회차", flush=True)
        measure_notebooks(notebooks, log)
    rows = {nb: results.aggregate_notebook(r, measured_at=machine["date"], fingerprint=measure.fingerprint(machine),
                                           load_average=measure.load_average())
            for nb, r in log.items() if not any(x.get("error") for x in r)}
    record = {"schema": results.SCHEMA, "machine": machine, "notebooks": rows}
    slug = re.sub(r"[^A-Za-z0-9]+", "-", machine["gpus"][0]).strip("-")
    path = results.GPU_DIR / f"{machine['date'][:10]}-{slug}.json"
    results.GPU_DIR.mkdir(exist_ok=True)
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nGPU 기록: {path.relative_to(ROOT)} — 이 파일을 커밋하고 `make runtime-page`를 실행하세요.")
    return 0 if len(rows) == len(notebooks) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="강좌 벤치마크 (benchmarks/README.md)")
    parser.add_argument("--runs", type=int, default=3, help="노트북·레시피마다 실행 횟수 (기본 3)")
    parser.add_argument("--nb", nargs="*", default=[], help="이 노트북들의 행만 다시 잽니다 (목차에 있어야 함)")
    parser.add_argument("--baselines", action="store_true", help="--nb와 함께: 기준 레시피도 다시 잽니다")
    parser.add_argument("--baselines-only", action="store_true", help="기준 레시피만 다시 잽니다")
    parser.add_argument("--workloads", nargs="*", default=list(results.WORKLOADS), choices=list(results.WORKLOADS),
                        help="다시 잴 기준 작업 (기본: 모두)")
    parser.add_argument("--skip-baselines", action="store_true", help="전체 실행에서 기준 레시피를 건너뜁니다")
    parser.add_argument("--dry-run", action="store_true", help="결과 파일과 쪽을 고치지 않습니다")
    parser.add_argument("--gpu-record", action="store_true", help="GPU 기계에서: benchmarks/gpu/에 GPU 기록을 씁니다")
    parser.add_argument("--output", type=Path, default=results.RESULTS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    toc = toc_notebooks()
    nbs = [n.removeprefix("./") for n in args.nb]
    unknown = [n for n in nbs if n not in toc]
    if unknown:
        parser.error(f"목차(_toc.yml)에 없는 노트북: {', '.join(unknown)}")
    if args.gpu_record:
        return gpu_record(nbs or toc, args.runs)

    full = not nbs and not args.baselines_only
    notebooks = [] if args.baselines_only else (nbs or toc)
    with_baselines = args.baselines_only or args.baselines or (full and not args.skip_baselines)
    budgets = results.load_budgets()
    old = results.load_results(args.output)
    machine = measure.describe_machine()
    fp = measure.fingerprint(machine)
    if old.get("fingerprint") and old["fingerprint"] != fp and not full:
        print(f"경고: 커밋된 결과는 다른 기계·소프트웨어에서 잰 것입니다 ({old['fingerprint']} ≠ {fp}). "
              "한 파일에 두 기계의 값이 섞입니다: 되도록 전체 실행(make benchmark)을 하세요.", file=sys.stderr)

    print(f"기계: {machine['cpu_model']}, 코어 {machine['usable_cores']}개, TF {machine['tensorflow']}, "
          f"Keras {machine['keras']}, Python {machine['python']}")
    print(f"노트북 {len(notebooks)}개 × {args.runs}회" + (", 기준 레시피 포함" if with_baselines else ""), flush=True)
    started, load_start = time.perf_counter(), measure.load_average()
    nb_log: dict[str, list[dict[str, Any]]] = {}
    bl_log: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for rnd in range(args.runs):
        print(f"\n== {rnd + 1}/{args.runs}회차 (부하 {measure.load_average()})", flush=True)
        measure_notebooks(notebooks, nb_log)
        if with_baselines:
            measure_baselines(rnd, bl_log, args.workloads)
    load_end = measure.load_average()
    measured_at = dt.datetime.now().astimezone().isoformat(timespec="seconds")

    failures = [f"{nb}: {next(r['error'] for r in runs if r.get('error'))}"
                for nb, runs in nb_log.items() if any(r.get("error") for r in runs)]
    rows = {nb: results.aggregate_notebook(runs, measured_at=measured_at, fingerprint=fp,
                                           load_average=load_start + load_end)
            for nb, runs in nb_log.items() if not any(r.get("error") for r in runs)}
    baselines, bl_failures = aggregate_baselines(bl_log, measured_at, fp)
    failures += bl_failures

    data = results.empty_results() if full else copy.deepcopy(old)
    if full and not with_baselines:  # 기준 레시피를 다시 재지 않았으면 커밋된 것을 그대로 둡니다
        for key in ("baselines", "seed_reference_cpu_s", "baselines_measured_at"):
            if key in old:
                data[key] = old[key]
    if full or not data.get("notebooks"):
        data.update({"machine": machine, "fingerprint": fp, "runs": args.runs,
                     "load_average": {"start": load_start, "end": load_end}})
    if full:
        # 전체 실행: 목차 순서대로, 목차에 없는 장의 행은 버립니다.
        data["notebooks"] = {nb: rows[nb] for nb in toc if nb in rows}
        for nb in toc:
            if nb not in rows and nb in old.get("notebooks", {}):
                data["notebooks"][nb] = old["notebooks"][nb]  # 실패한 장은 이전 행을 남기고 실패로 알립니다
    else:
        merged = {**data.get("notebooks", {}), **rows}
        data["notebooks"] = {nb: merged[nb] for nb in toc if nb in merged}
    if baselines:
        data["baselines"] = {**data.get("baselines", {}), **baselines}
        if len(baselines) == len(results.WORKLOADS):
            data["seed_reference_cpu_s"] = results.seed_reference_cpu(data["baselines"])
            data["baselines_measured_at"] = measured_at
    finalize(data)

    problems = results.budget_problems(data, budgets, only=None if full else list(rows))
    flagged = results.regressions(old, {"notebooks": {nb: data["notebooks"][nb] for nb in rows}},
                                  budgets["regression_factor"])

    if rows and not data.get("seed_reference_cpu_s"):
        print("참고: 노트 레시피 세 개의 기준 CPU 시간이 없어 장별 악화(시간 비)는 비교하지 못했습니다.")
    print_summary(data, budgets, list(rows))
    elapsed = time.perf_counter() - started
    print(f"\n측정에 걸린 시간: {elapsed / 60:.1f}분, 부하(1·5·15분 평균) 시작 {load_start} → 끝 {load_end}")
    for title, items in (("실패", failures), ("예산 초과", problems), ("노트 레시피 대비 시간 비 악화", flagged)):
        for item in items:
            print(f"[{title}] {item}")

    if not rows and not baselines:
        print("\n잰 것이 없어 결과 파일과 쪽을 그대로 둡니다.")
    elif not args.dry_run:
        results.save_results(data, args.output)
        print(f"\n결과: {args.output}")
        if args.output == results.RESULTS:
            from runtime_page import write_page

            print(f"쪽: {write_page(data=data).relative_to(ROOT)}")
    return 1 if (failures or problems or flagged) else 0


if __name__ == "__main__":
    sys.exit(main())
