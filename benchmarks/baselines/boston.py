"""보스턴 주택 가격 4-겹 검증: 노트의 레시피(배치 1, 100 에포크 × 4 폴드)와 8장의 레시피를 같은 데이터로 잽니다.

    python benchmarks/baselines/boston.py --recipe seed   --json out.json
    python benchmarks/baselines/boston.py --recipe course --json out.json

보통은 ``make benchmark`` (benchmarks/run.py)가 레시피마다 새 프로세스로 부릅니다. '목표까지 시간'의 정의는
common.py 맨 위에 있습니다. K-겹 검증은 폴드 평균 지표가 처음 목표를 넘은 에포크 e까지, 모든 폴드의 시간을
더합니다.

노트의 코드에는 표준화 버그(``train_data -= std``, ``/=``여야 함)가 있습니다. 여기서는 두 레시피 모두 올바르게
표준화합니다: 버그를 옮기면 노트의 지표만 나빠져 속도 비교가 흐려집니다. 폴드는 두 레시피 모두
``KFold(n_splits=4)`` (섞지 않음, 노트의 슬라이싱과 같은 분할)입니다. 폴드마다 에포크 끝의 검증 MAE는 시계를
멈추고 잽니다(노트의 레시피는 마지막에 한 번만 ``evaluate``하므로).

**8장이 바뀌면 COURSE를 8장의 레시피와 맞추세요** (K-겹 검증 절의 배치 크기·에포크·모델·옵티마이저).
8장은 폴드를 섞어 나누지만(``shuffle=True``) 여기서는 두 레시피가 같은 폴드를 쓰도록 섞지 않습니다. 8장의 코사인
감쇠는 80 에포크에 걸쳐 학습률을 낮추므로, 에포크 e의 '목표까지 시간'은 같은 80 에포크 일정의 e 에포크까지의
시간입니다(``epochs=e``로 처음부터 정했다면 일정이 달라졌을 것이므로 어림값입니다).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
from common import Recipe, Target  # noqa: E402

from helpers import datasets  # noqa: E402
from helpers.environment import quiet_import_tensorflow  # noqa: E402

quiet_import_tensorflow()
import keras  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.model_selection import KFold  # noqa: E402

WORKLOAD = "boston"
#: 8장이 약속하는 4-겹 평균 검증 MAE (단위: 천 달러)
TARGET = Target(metric="mean_val_mae", label="4-겹 평균 검증 MAE", goal="<=", value=2.6,
                chapter="chapters/08_regression.ipynb")
#: 노트의 레시피 (숄레 3장: 64-64-1, rmsprop, mse/mae, batch_size=1, num_epochs=100, k=4)
SEED = {"epochs": 100, "batch_size": 1, "folds": 4}
#: 8장 8.6절의 레시피: Adam, 학습률 0.01에서 0으로 코사인 감쇠(폴드마다 80 에포크에 걸쳐), 배치 32, 80 에포크
COURSE = {"epochs": 80, "batch_size": 32, "folds": 4, "learning_rate": 0.01}

RECIPES = {
    "seed": Recipe("seed", "노트의 레시피", "표준화, 64-64-1, RMSprop, MSE, 배치 1, 100 에포크 × 4 폴드",
                   "노트 (숄레 3장의 K-겹 검증)"),
    "course": Recipe("course", "이 책의 레시피", "표준화, 64-64-1, Adam(학습률 0.01에서 코사인 감쇠), MSE, 배치 32, 80 에포크 × 4 폴드",
                     "8장 8.6절 K-겹 검증 (chapters/08_regression.ipynb)"),
}


def build(n_features: int, settings: dict[str, Any], steps_per_epoch: int) -> keras.Model:
    """64-64-1 회귀 모델. 노트의 레시피는 RMSprop, 8장의 레시피는 코사인 감쇠 Adam으로 컴파일합니다."""
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(1),
    ])
    if "learning_rate" in settings:
        schedule = keras.optimizers.schedules.CosineDecay(
            settings["learning_rate"], decay_steps=settings["epochs"] * steps_per_epoch)
        optimizer: Any = keras.optimizers.Adam(learning_rate=schedule)
    else:
        optimizer = "rmsprop"
    model.compile(optimizer=optimizer, loss="mse", metrics=["mae"])
    return model


def run(recipe: Recipe, args: argparse.Namespace) -> dict[str, Any]:
    keras.utils.set_random_seed(args.seed)
    settings = dict(SEED if recipe.name == "seed" else COURSE)
    if args.quick:
        settings["epochs"] = 3
    clock = common.Clock()
    (train_data, train_targets), _ = datasets.load_boston_housing()
    mean, std = train_data.mean(axis=0), train_data.std(axis=0)
    train_data = (train_data - mean) / std
    prep = common.stamp(clock)

    folds = []
    for train_idx, val_idx in KFold(n_splits=settings["folds"]).split(train_data):
        val_x, val_y = train_data[val_idx], train_targets[val_idx]

        def val_mae(m: keras.Model, val_x: np.ndarray = val_x, val_y: np.ndarray = val_y) -> float:
            return float(np.mean(np.abs(np.asarray(m(val_x, training=False))[:, 0] - val_y)))

        start = common.stamp(clock)
        epochs: list[dict[str, Any]] = []
        model = build(train_data.shape[1], settings, -(-len(train_idx) // settings["batch_size"]))
        model.fit(train_data[train_idx], train_targets[train_idx], epochs=settings["epochs"],
                  batch_size=settings["batch_size"], verbose=0,
                  callbacks=[common.epoch_probe(clock, val_mae, epochs)])
        folds.append({"start": start, "epochs": epochs})
    total = common.stamp(clock)
    combined = common.kfold_epochs(prep, folds)
    return {"settings": settings, "prep": prep, "epochs": combined, "total": total,
            "final_metric": combined[-1]["metric"],
            "per_fold_final": [f["epochs"][-1]["metric"] for f in folds]}


if __name__ == "__main__":
    sys.exit(common.main(WORKLOAD, TARGET, RECIPES, run))
