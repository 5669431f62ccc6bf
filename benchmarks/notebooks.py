"""노트북 실행 시간·메모리 벤치마크: `make benchmark`.

목차의 노트북을 하나씩(동시에 하나만) 처음부터 끝까지 실행하며 벽시계 시간과 커널 프로세스의 최대
메모리(RSS)를 재고, 아래 목표와 비교해 표로 출력합니다. 목표를 넘으면 0이 아닌 값으로 끝납니다.
속도·메모리 목표는 테스트가 아니라 여기에 둡니다(테스트는 시간에 좌우되지 않아야 하므로).

목표는 2코어 CPU 노트북 기준입니다 (강좌 전체 실행은 몇 분 안에 끝나야 합니다).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import nbformat
import psutil
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from toc_notebooks import toc_notebooks  # noqa: E402

#: 노트북별 목표: (최대 초, 최대 MiB)
TARGETS: dict[str, tuple[float, float]] = {
    "chapters/01_perceptron.ipynb": (60, 1500),
    "chapters/02_mlp_backprop.ipynb": (60, 1500),
    "chapters/03_activation_functions.ipynb": (60, 2000),
    "chapters/04_keras_basics.ipynb": (60, 3000),
    "chapters/05_keras_apis.ipynb": (40, 2000),
}
DEFAULT_TARGET = (180.0, 3000.0)
COURSE_TARGET_S = 10 * 60  # 강좌 전체


def run(path: Path) -> tuple[float, float]:
    """노트북 하나를 실행하고 (초, 최대 MiB)를 돌려줍니다."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=nb.metadata.get("execution", {}).get("timeout", 600),
                            resources={"metadata": {"path": str(path.parent)}})
    peak = 0.0
    stop = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not stop.is_set():
            km = client.km
            proc = getattr(getattr(km, "provisioner", None), "process", None) if km else None
            if proc is not None:
                try:
                    p = psutil.Process(proc.pid)
                    rss = p.memory_info().rss + sum(c.memory_info().rss for c in p.children(recursive=True))
                    peak = max(peak, rss / 2**20)
                except psutil.Error:
                    pass
            stop.wait(0.2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    start = time.perf_counter()
    try:
        client.execute()
    finally:
        elapsed = time.perf_counter() - start
        stop.set()
        watcher.join()
    return elapsed, peak


def main() -> int:
    print(f"CPU {os.cpu_count()}코어, 노트북을 하나씩 실행합니다.\n")
    print(f"{'노트북':45s} {'시간(초)':>9s} {'목표':>6s} {'최대 MiB':>9s} {'목표':>6s}")
    failed, total = False, 0.0
    for rel in toc_notebooks():
        seconds, mib = run(ROOT / rel)
        max_s, max_mib = TARGETS.get(rel, DEFAULT_TARGET)
        ok = seconds <= max_s and mib <= max_mib
        failed |= not ok
        total += seconds
        print(f"{rel:45s} {seconds:9.1f} {max_s:6.0f} {mib:9.0f} {max_mib:6.0f} {'' if ok else '  ← 목표 초과'}")
    print(f"\n강좌 전체: {total:.1f}초 (목표 {COURSE_TARGET_S}초)")
    failed |= total > COURSE_TARGET_S
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
