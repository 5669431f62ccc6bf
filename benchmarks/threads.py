"""CI·``make test`` 속도 측정: nbmake를 한 번에 하나(직렬) 또는 둘(``-n 2``)로, 커널의 스레드 수를 제한하거나 말고.

``make test``의 ``notebooks`` 단계는 ``pytest --nbmake -n 2``로 노트북 두 개를 동시에 실행합니다. 2코어 기계에서
텐서플로 커널 두 개가 저마다 코어 수만큼 스레드 풀을 만들면 서로 CPU를 빼앗을 수 있습니다. 이 도구는 같은 노트북
묶음을 여러 설정으로 번갈아(A/B/C/A/B/C …) 실행해 전체 벽시계 시간과 CPU 시간, 노트북별 시간을 비교합니다.
조용한 기계에서 실행하세요 — 다른 작업이 있으면 비율도 흔들립니다.

    make benchmark-threads                                   # 목차의 모든 노트북, 설정 3개, 2회씩
    make benchmark-threads THREADS_ARGS="--reps 3 --configs serial,n2,n2-limit1,n2-intra1"
    python benchmarks/threads.py --notebooks chapters/01_perceptron.ipynb chapters/02_mlp_backprop.ipynb --reps 1

결과는 표로 출력하고 benchmarks/ci_parallelism.json에 씁니다(설정별 중앙값, 첫 설정 대비 비율, 회차별 값).
Makefile의 ``JOBS``(``-n``)나 스레드 환경 변수를 바꾸기 전에 이 측정으로 근거를 남기세요.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from benchmarks import measure  # noqa: E402
from toc_notebooks import toc_notebooks  # noqa: E402

_LIMIT1 = {"TF_NUM_INTRAOP_THREADS": "1", "TF_NUM_INTEROP_THREADS": "1", "OMP_NUM_THREADS": "1",
           "OPENBLAS_NUM_THREADS": "1"}
#: 설정 이름 → (pytest-xdist 작업자 수, 0이면 직렬; 커널에 더할 환경 변수)
CONFIGS: dict[str, tuple[int, dict[str, str]]] = {
    "serial": (0, {}),
    "n2": (2, {}),
    "n2-limit1": (2, _LIMIT1),
    "n2-intra1": (2, {k: v for k, v in _LIMIT1.items() if k != "TF_NUM_INTEROP_THREADS"}),
    "serial-limit1": (0, _LIMIT1),
}
DEFAULT_CONFIGS = "serial,n2,n2-limit1"
OUTPUT = ROOT / "benchmarks" / "ci_parallelism.json"


def run_config(name: str, notebooks: list[str]) -> dict[str, Any]:
    """노트북 복사본을 새 임시 폴더에 두고 ``make notebooks``와 같은 pytest 명령으로 실행합니다."""
    workers, extra = CONFIGS[name]
    tmp = Path(tempfile.mkdtemp(prefix="dlbook-ci-threads-"))
    try:
        chapters = tmp / "chapters"
        chapters.mkdir()
        for nb in notebooks:
            shutil.copy(ROOT / nb, chapters)
        junit = tmp / "junit.xml"
        cmd = [sys.executable, "-m", "pytest", "--nbmake", "--overwrite", "-q", "-p", "no:cacheprovider",
               f"--junitxml={junit}", str(chapters)]
        if workers:
            cmd[3:3] = ["-n", str(workers)]
        env = {**os.environ, **extra}
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        output = proc.stdout.read() if proc.stdout else ""
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        per_notebook: dict[str, float] = {}
        if junit.is_file():
            for case in ET.parse(junit).getroot().iter("testcase"):
                per_notebook[Path(case.get("file") or case.get("name", "")).name or case.get("name", "")] = float(case.get("time", 0))
        return {"config": name, "workers": workers, "env": extra, "wall_s": round(wall, 2),
                "cpu_s": round(usage.ru_utime + usage.ru_stime, 2), "ok": proc.returncode == 0,
                "per_notebook_s": per_notebook, "tail": "" if proc.returncode == 0 else output[-2000:]}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def summarize(runs: list[dict[str, Any]], configs: list[str]) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    for name in configs:
        mine = [r for r in runs if r["config"] == name and r["ok"]]
        if not mine:
            summary[name] = None
            continue
        summary[name] = {"wall_s_median": round(statistics.median(r["wall_s"] for r in mine), 2),
                         "cpu_s_median": round(statistics.median(r["cpu_s"] for r in mine), 2),
                         "wall_s": [r["wall_s"] for r in mine], "cpu_s": [r["cpu_s"] for r in mine]}
    base = summary.get(configs[0])
    for name in configs:
        if summary.get(name) and base:
            summary[name]["wall_ratio_to_first"] = round(summary[name]["wall_s_median"] / base["wall_s_median"], 3)
            # 회차마다 같은 회차의 첫 설정과 비교한 비율 (교대로 실행했으므로 부하 변화가 덜 섞입니다)
            summary[name]["paired_ratios"] = [round(a / b, 3) for a, b in zip(summary[name]["wall_s"], base["wall_s"])]
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--configs", default=DEFAULT_CONFIGS,
                        help=f"쉼표로 구분한 설정 이름 (가능: {', '.join(CONFIGS)}; 첫 설정이 비교 기준)")
    parser.add_argument("--reps", type=int, default=2, help="설정마다 반복 횟수 (설정을 번갈아 실행)")
    parser.add_argument("--notebooks", nargs="*", default=None, help="실행할 노트북 (기본: 목차의 모든 노트북)")
    parser.add_argument("--json", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    unknown = [c for c in configs if c not in CONFIGS]
    if unknown:
        parser.error(f"알 수 없는 설정: {unknown} (가능: {list(CONFIGS)})")
    notebooks = args.notebooks or toc_notebooks()
    machine = measure.describe_machine()
    print(f"노트북 {len(notebooks)}개, 설정 {configs}, {args.reps}회씩 번갈아 실행 "
          f"({machine['cpu_model']}, 코어 {machine['usable_cores']}개)", flush=True)
    runs = []
    for rep in range(args.reps):
        order = configs[rep % len(configs):] + configs[:rep % len(configs)]  # 회차마다 시작 설정을 돌립니다
        for name in order:
            load = measure.load_average()
            result = run_config(name, notebooks)
            result.update(rep=rep + 1, load_before=load)
            runs.append(result)
            status = "통과" if result["ok"] else "실패"
            print(f"  {rep + 1}회차 {name:14s} 벽시계 {result['wall_s']:7.1f}초  CPU {result['cpu_s']:7.1f}초  "
                  f"{status}  (부하 {load})", flush=True)
            if not result["ok"]:
                print(result["tail"], file=sys.stderr)
    summary = summarize(runs, configs)
    print(f"\n{'설정':14s} {'벽시계 중앙값':>12s} {'CPU 중앙값':>10s} {'첫 설정 대비':>10s}  회차별 비율")
    for name in configs:
        s = summary.get(name)
        if s:
            print(f"{name:14s} {s['wall_s_median']:12.1f} {s['cpu_s_median']:10.1f} "
                  f"{s.get('wall_ratio_to_first', float('nan')):10.3f}  {s.get('paired_ratios')}")
        else:
            print(f"{name:14s} (성공한 실행 없음)")
    record = {"machine": machine, "notebooks": notebooks, "configs": {c: CONFIGS[c][1] | {"workers": CONFIGS[c][0]}
                                                                      for c in configs},
              "reps": args.reps, "runs": runs, "summary": summary}
    args.json.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\n결과: {args.json}")
    return 0 if all(r["ok"] for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
