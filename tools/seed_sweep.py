"""시드 훑기: 노트북 하나를 여러 시드로 실행해 glue로 붙인 값의 최소·최대와 확인 셀의 통과 여부를 봅니다.

사용법 (저장소 루트에서, make가 설정하는 데이터 미러 환경 변수와 함께):

    make sweep NB=chapters/02_mlp_backprop.ipynb            # 시드 0~9와 42
    make sweep NB=chapters/02_mlp_backprop.ipynb SEEDS="0 1 2"

시드는 환경 변수 DLBOOK_SEED로 `environment.setup`에 전해집니다(노트북은 고치지 않습니다). CI에서 돌리는 검사가
아니라, 숨은 확인 셀의 기준값을 정하기 전에 여러 시드에서 실제로 재 보는 일회성 도구입니다. 결과는 표로 출력하고
`--json 경로`를 주면 파일로도 남깁니다.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

GLUE_PREFIX = "application/papermill.record/"


def glued_values(nb: nbformat.NotebookNode) -> dict[str, object]:
    """실행된 노트북에서 glue로 붙인 값 {이름: 값}."""
    values: dict[str, object] = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            meta = out.get("metadata", {}).get("scrapbook")
            if not meta:
                continue
            text = out.get("data", {}).get(meta.get("mime_prefix", "") + "text/plain")
            if text is None:
                continue
            try:
                values[meta["name"]] = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                values[meta["name"]] = text
    return values


def run_once(path: Path, seed: int) -> dict:
    nb = nbformat.read(path, as_version=4)
    os.environ["DLBOOK_SEED"] = str(seed)
    client = NotebookClient(nb, timeout=nb.metadata.get("execution", {}).get("timeout", 600),
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    error = None
    try:
        client.execute()
    except CellExecutionError as exc:
        lines = [line for line in str(exc).splitlines() if "Error" in line]
        error = lines[-1] if lines else str(exc)[-300:]
    return {"seed": seed, "seconds": round(time.perf_counter() - start, 1), "error": error,
            "glue": glued_values(nb)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--seeds", default="0 1 2 3 4 5 6 7 8 9 42")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    seeds = [int(s) for s in args.seeds.split()]
    runs = []
    for seed in seeds:
        run = run_once(args.notebook, seed)
        runs.append(run)
        status = "통과" if run["error"] is None else f"실패: {run['error']}"
        print(f"시드 {seed:>3}: {run['seconds']:6.1f}초  {status}", flush=True)
    names = sorted({k for r in runs for k, v in r["glue"].items() if isinstance(v, (int, float))})
    print(f"\n{'glue 이름':32s} {'최소':>10s} {'최대':>10s}  (시드 {len(runs)}개)")
    for name in names:
        vals = [r["glue"][name] for r in runs if isinstance(r["glue"].get(name), (int, float))]
        print(f"{name:32s} {min(vals):10.4g} {max(vals):10.4g}")
    if args.json:
        args.json.write_text(json.dumps(runs, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if all(r["error"] is None for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
