"""기준 레시피 스크립트가 함께 쓰는 것: 시계, 에포크별 목표 확인, '목표까지 시간' 계산, 명령행.

**목표까지 시간(time to target)의 정의** (benchmarks/README.md에도 적었습니다)

- 시계는 텐서플로·케라스를 임포트한 **뒤**, 데이터를 불러오기 **전**에 시작합니다. 임포트 시간은 두 레시피가
  똑같이 치르므로 빼고, 데이터 준비(불러오기, 정규화, 벡터화)는 넣습니다.
- 각 에포크가 끝날 때마다 목표 지표(예: 테스트 정확도)를 따로 재는데, 그동안은 시계를 멈춥니다. 이 측정은
  벤치마크만을 위한 것이라 어느 레시피도 원래 하지 않기 때문입니다. 레시피가 원래 하는 일(검증 세트 평가 등)은
  시간에 들어갑니다.
- 목표까지 시간 = 데이터 준비 + 모델 만들기 + 목표 지표가 처음으로 목표를 넘은 에포크가 끝날 때까지의 훈련 시간.
  K-겹 검증은 지표가 폴드 평균이므로, 에포크 e의 평균 지표가 처음으로 목표를 넘는 e를 찾고 모든 폴드의
  (모델 만들기 + e 에포크까지의 훈련) 시간을 더합니다 — `epochs=e`로 정했더라면 치렀을 시간입니다.
- 레시피를 끝까지 실행한 시간(전체 시간)과 그때의 최종 지표도 따로 기록합니다.
- 벽시계 시간은 ``time.perf_counter``, CPU 시간은 ``time.process_time`` (프로세스의 모든 스레드)입니다.
  최대 메모리는 이 스크립트를 실행한 부모(benchmarks/run.py)가 ``wait4``의 ``ru_maxrss``로 잽니다.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Target:
    """장이 약속하는 목표 지표 (장 노트북의 숨은 확인 셀과 같은 기준)."""

    metric: str  # 결과 파일의 키 (예: "test_accuracy")
    label: str  # 사람이 읽는 이름 (예: "테스트 정확도")
    goal: str  # ">=" (클수록 좋음) 또는 "<=" (작을수록 좋음)
    value: float
    chapter: str  # 이 목표를 약속하는 장 노트북

    def met(self, value: float | None) -> bool:
        if value is None:
            return False
        return value >= self.value if self.goal == ">=" else value <= self.value


@dataclass(frozen=True)
class Recipe:
    """레시피 하나: 노트의 레시피(seed) 또는 이 책의 레시피(course…)."""

    name: str
    label: str
    description: str
    source: str  # 어디서 온 레시피인지 (노트, 장 노트북의 절)


class Clock:
    """멈출 수 있는 벽시계·CPU 시계. :meth:`paused` 안에서 흐른 시간은 빼고 잽니다."""

    def __init__(self) -> None:
        self._wall0 = time.perf_counter()
        self._cpu0 = time.process_time()
        self.paused_wall = 0.0
        self.paused_cpu = 0.0

    def now(self) -> tuple[float, float]:
        """(벽시계 초, CPU 초): 시작부터 지금까지, 멈춘 시간은 뺀 값."""
        return (time.perf_counter() - self._wall0 - self.paused_wall,
                time.process_time() - self._cpu0 - self.paused_cpu)

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.paused_wall += time.perf_counter() - wall
            self.paused_cpu += time.process_time() - cpu


def stamp(clock: Clock) -> dict[str, float]:
    wall, cpu = clock.now()
    return {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3)}


def epoch_probe(clock: Clock, measure: Callable[[Any], float], log: list[dict[str, Any]]) -> Any:
    """에포크가 끝날 때마다 시각을 적고, 시계를 멈춘 채 목표 지표를 재는 케라스 콜백을 만듭니다."""
    import keras

    class _Probe(keras.callbacks.Callback):
        def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
            entry: dict[str, Any] = {"epoch": epoch + 1, **stamp(clock)}
            with clock.paused():
                entry["metric"] = float(measure(self.model))
            log.append(entry)

    return _Probe()


def batched_accuracy(model: Any, x: Any, y: Any, *, batch_size: int = 2000) -> float:
    """정확도를 조각마다 ``model(조각)`` 으로 잽니다 (목표 확인용).

    ``model.evaluate(x, y)`` 는 배열 전체를 텐서플로 데이터셋으로 복사하므로, 큰 입력(IMDB의 25,000 × 10,000 행렬)에서는
    측정이 레시피보다 메모리를 더 쓰게 됩니다. 조각 단위로 재면 한 조각 크기만 더 씁니다.
    출력이 한 열이면 0.5 기준의 이진 분류, 여러 열이면 ``argmax`` 로 봅니다.
    """
    import numpy as np

    correct = 0
    for start in range(0, len(y), batch_size):
        out = np.asarray(model(x[start:start + batch_size], training=False))
        pred = (out[:, 0] > 0.5).astype(int) if out.shape[-1] == 1 else out.argmax(axis=-1)
        correct += int(np.sum(pred == np.asarray(y[start:start + batch_size]).astype(int)))
    return correct / len(y)


def time_to_target(epochs: list[dict[str, Any]], target: Target) -> dict[str, Any] | None:
    """에포크 기록에서 목표를 처음 넘은 에포크의 누적 시간. 넘지 못했으면 ``None``."""
    for entry in epochs:
        if target.met(entry["metric"]):
            return {"epoch": entry["epoch"], "wall_s": entry["wall_s"], "cpu_s": entry["cpu_s"],
                    "metric": entry["metric"]}
    return None


def kfold_epochs(prep: dict[str, float], folds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """K-겹 기록을 '에포크 e로 정했더라면'의 누적 시간과 폴드 평균 지표로 바꿉니다.

    ``folds[k]`` 는 ``{"start": {...}, "epochs": [{"epoch", "wall_s", "cpu_s", "metric"}, ...]}`` 입니다.
    에포크 e의 시간 = 데이터 준비 + 모든 폴드의 (폴드 시작부터 e 에포크가 끝날 때까지).
    """
    if not folds:
        return []
    n = min(len(f["epochs"]) for f in folds)
    combined = []
    for e in range(n):
        wall = prep["wall_s"] + sum(f["epochs"][e]["wall_s"] - f["start"]["wall_s"] for f in folds)
        cpu = prep["cpu_s"] + sum(f["epochs"][e]["cpu_s"] - f["start"]["cpu_s"] for f in folds)
        metric = sum(f["epochs"][e]["metric"] for f in folds) / len(folds)
        combined.append({"epoch": e + 1, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "metric": metric})
    return combined


def versions() -> dict[str, str]:
    import keras
    import numpy as np
    import tensorflow as tf

    return {"python": sys.version.split()[0], "tensorflow": tf.__version__, "keras": keras.__version__,
            "numpy": np.__version__}


def main(workload: str, target: Target, recipes: dict[str, Recipe],
         run: Callable[[Recipe, argparse.Namespace], dict[str, Any]], argv: list[str] | None = None) -> int:
    """기준 레시피 스크립트의 공통 명령행: ``--recipe 이름 [--seed N] [--quick] [--json 경로]``."""
    parser = argparse.ArgumentParser(description=f"{workload}: 노트의 레시피와 이 책의 레시피를 잽니다.")
    parser.add_argument("--recipe", choices=sorted(recipes), required=True)
    parser.add_argument("--seed", type=int, default=int(os.environ.get("DLBOOK_SEED", "42")))
    parser.add_argument("--quick", action="store_true",
                        help="하네스 확인용: 데이터 일부와 적은 에포크 (결과 파일에는 기록되지 않습니다)")
    parser.add_argument("--json", type=Path, default=None, help="결과를 쓸 JSON 파일 (없으면 표준 출력)")
    _extend = getattr(run, "add_arguments", None)
    if _extend is not None:
        _extend(parser)
    args = parser.parse_args(argv)
    recipe = recipes[args.recipe]
    result = run(recipe, args)
    reached = time_to_target(result["epochs"], target)
    result = {"workload": workload, "recipe": asdict(recipe), "target": asdict(target), "seed": args.seed,
              "quick": args.quick, **result, "time_to_target": reached,
              "reached": reached is not None, "versions": versions()}
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    else:
        print(text)
    ttt = f"{reached['wall_s']:.1f}초 (에포크 {reached['epoch']})" if reached else "도달 못함"
    print(f"[{workload}/{recipe.name}] 목표까지 {ttt}, 전체 {result['total']['wall_s']:.1f}초, "
          f"최종 {target.label} {result['final_metric']:.4f}", file=sys.stderr)
    return 0
