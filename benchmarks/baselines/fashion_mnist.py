"""패션 MNIST: 노트의 레시피(SGD, 배치 32, 30 에포크)와 4장의 레시피를 같은 데이터로 잽니다.

    python benchmarks/baselines/fashion_mnist.py --recipe seed   --json out.json
    python benchmarks/baselines/fashion_mnist.py --recipe course --json out.json

보통은 직접 부르지 않고 ``make benchmark`` (benchmarks/run.py)가 레시피마다 새 프로세스로 부릅니다.
'목표까지 시간'의 정의는 common.py 맨 위에 있습니다.

**4장이 바뀌면 COURSE를 4장의 레시피와 맞추세요** (4.9절의 코사인 감쇠 모델과 숨은 확인 셀의 기준).
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

WORKLOAD = "fashion_mnist"
#: 4장의 숨은 확인 셀이 약속하는 테스트 정확도
TARGET = Target(metric="test_accuracy", label="테스트 정확도", goal=">=", value=0.88,
                chapter="chapters/04_keras_basics.ipynb")
#: 노트의 레시피 (제롱 10장의 패션 MNIST 분류기 그대로: float64 /255, 검증 5,000장, "sgd", 기본 배치 32)
SEED = {"epochs": 30, "batch_size": 32}
#: 4장 4.9절의 마지막 레시피 (float32 /255, 검증 5,000장, Adam 학습률 0.002에서 0으로 코사인 감쇠, 배치 256, 10 에포크)
COURSE = {"epochs": 10, "batch_size": 256, "learning_rate": 0.002}

RECIPES = {
    "seed": Recipe("seed", "노트의 레시피",
                   "픽셀/255(float64), 300-100-10 ReLU, SGD(학습률 0.01), 배치 32, 30 에포크",
                   "노트 (제롱 10장의 패션 MNIST 분류기)"),
    "course": Recipe("course", "이 책의 레시피",
                     "픽셀/255(float32), 300-100-10 ReLU, Adam(학습률 0.002에서 코사인 감쇠), 배치 256, 10 에포크",
                     "4장 4.9절 (chapters/04_keras_basics.ipynb)"),
}


def build() -> keras.Model:
    return keras.Sequential([
        keras.Input(shape=(28, 28)),
        keras.layers.Flatten(),
        keras.layers.Dense(300, activation="relu"),
        keras.layers.Dense(100, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])


def run(recipe: Recipe, args: argparse.Namespace) -> dict[str, Any]:
    keras.utils.set_random_seed(args.seed)
    clock = common.Clock()
    (X_full, y_full), (X_test, y_test) = datasets.load_fashion_mnist()
    if recipe.name == "seed":
        X_valid, X_train = X_full[:5000] / 255.0, X_full[5000:] / 255.0
        y_valid, y_train = y_full[:5000], y_full[5000:]
        X_test = X_test / 255.0
        settings = dict(SEED)
    else:
        X_full = X_full.astype("float32") / 255.0
        X_test = X_test.astype("float32") / 255.0
        X_train, y_train = X_full[:-5000], y_full[:-5000]
        X_valid, y_valid = X_full[-5000:], y_full[-5000:]
        settings = dict(COURSE)
    if args.quick:
        X_train, y_train, settings["epochs"] = X_train[:2000], y_train[:2000], 2
    prep = common.stamp(clock)

    model = build()
    if recipe.name == "seed":
        model.compile(loss="sparse_categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
    else:
        steps = -(-len(X_train) // settings["batch_size"])
        schedule = keras.optimizers.schedules.CosineDecay(
            initial_learning_rate=settings["learning_rate"], decay_steps=settings["epochs"] * steps)
        model.compile(loss="sparse_categorical_crossentropy",
                      optimizer=keras.optimizers.Adam(learning_rate=schedule), metrics=["accuracy"])

    def test_accuracy(m: keras.Model) -> float:
        return common.batched_accuracy(m, X_test, y_test)

    epochs: list[dict[str, Any]] = []
    model.fit(X_train, y_train, epochs=settings["epochs"], batch_size=settings["batch_size"],
              validation_data=(X_valid, y_valid), verbose=0,
              callbacks=[common.epoch_probe(clock, test_accuracy, epochs)])
    total = common.stamp(clock)
    with clock.paused():
        final = float(test_accuracy(model))
    return {"settings": settings, "prep": prep, "epochs": epochs, "total": total, "final_metric": final}


if __name__ == "__main__":
    sys.exit(common.main(WORKLOAD, TARGET, RECIPES, run))
