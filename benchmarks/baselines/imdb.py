"""IMDB 감성 분류: 노트의 레시피(float64 파이썬 반복문 벡터화)와 6장의 레시피를 같은 데이터로 잽니다.

    python benchmarks/baselines/imdb.py --recipe seed     --json out.json   # 노트: float64 반복문 (약 4 GB 이상)
    python benchmarks/baselines/imdb.py --recipe course   --json out.json   # 6장: float32 벡터화
    python benchmarks/baselines/imdb.py --recipe streamed --json out.json   # 6장의 가벼운 방법: 배치마다 멀티-핫

보통은 ``make benchmark`` (benchmarks/run.py)가 레시피마다 새 프로세스로 부르며, 그래서 세 방법의 최대 메모리를
따로 잴 수 있습니다(커널 하나로는 두 방법의 최대 메모리를 나눠 잴 수 없습니다). '목표까지 시간'의 정의는
common.py 맨 위에 있습니다.

데이터는 ``helpers.datasets.load_imdb(num_words=10_000)`` 로 불러옵니다. 그 반환값은
``keras.datasets.imdb.load_data(num_words=10000)`` 과 같습니다(정수 목록의 object 배열, int64 레이블).
``--loader 모듈:함수`` 로 같은 약속을 지키는 다른 로더를 줄 수 있습니다(테스트용).

**6장이 바뀌면 COURSE와 streamed 레시피를 6장의 레시피와 맞추세요.**
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
from common import Recipe, Target  # noqa: E402

from helpers.environment import quiet_import_tensorflow  # noqa: E402

tf = quiet_import_tensorflow()
import keras  # noqa: E402
import numpy as np  # noqa: E402

WORKLOAD = "imdb"
#: 시험용: 같은 약속을 지키는 다른 로더 '모듈:이름' (make benchmark가 부를 때도 적용됩니다)
LOADER_ENV = "DLBOOK_BENCH_IMDB_LOADER"
NUM_WORDS = 10_000
#: 6장이 약속하는 테스트 정확도 (모든 시드에서)
TARGET = Target(metric="test_accuracy", label="테스트 정확도", goal=">=", value=0.875,
                chapter="chapters/06_binary_classification.ipynb")
#: 노트의 레시피 (숄레 3장의 마지막 모델: 전체 훈련 세트로 4 에포크, 배치 512)
SEED = {"epochs": 4, "batch_size": 512}
#: 6장의 레시피 — 6장이 확정되면 맞출 것 (지금 값은 노트와 같은 훈련에 벡터화만 바꾼 것)
COURSE = {"epochs": 4, "batch_size": 512}

RECIPES = {
    "seed": Recipe("seed", "노트의 레시피",
                   "float64 파이썬 반복문 멀티-핫, 16-16-1, RMSprop, 배치 512, 4 에포크",
                   "노트 (숄레 3장의 vectorize_sequences)"),
    "course": Recipe("course", "이 책의 레시피",
                     "float32 멀티-핫(helpers.datasets.vectorize_sequences), 16-16-1, RMSprop, 배치 512, 4 에포크",
                     "6장 (chapters/06_binary_classification.ipynb)"),
    "streamed": Recipe("streamed", "이 책의 가벼운 방법",
                       "tf.data로 배치마다 멀티-핫(전체 행렬을 만들지 않음), 16-16-1, RMSprop, 배치 512, 4 에포크",
                       "6장 (chapters/06_binary_classification.ipynb)"),
}


def vectorize_sequences_notes(sequences: Any, dimension: int = NUM_WORDS) -> np.ndarray:
    """노트의 벡터화 그대로: float64 행렬을 만들고 문서마다 파이썬 반복문으로 채웁니다."""
    results = np.zeros((len(sequences), dimension))
    for i, sequence in enumerate(sequences):
        results[i, sequence] = 1.0
    return results


def _ragged(sequences: Any) -> Any:
    lengths = np.fromiter((len(s) for s in sequences), dtype=np.int64, count=len(sequences))
    flat = np.concatenate([np.asarray(s, dtype=np.int64) for s in sequences])
    return tf.RaggedTensor.from_row_lengths(flat, lengths)


def _multi_hot(ids: Any, label: Any) -> tuple[Any, Any]:
    rows = ids.value_rowids()
    index = tf.stack([rows, ids.flat_values], axis=1)
    shape = tf.stack([ids.nrows(), tf.constant(NUM_WORDS, tf.int64)])
    dense = tf.scatter_nd(index, tf.ones_like(rows, dtype=tf.float32), shape)
    return tf.minimum(dense, 1.0), label


def streamed_dataset(sequences: Any, labels: np.ndarray, batch_size: int, *, shuffle_seed: int | None) -> Any:
    """정수 목록을 배치 단위로만 멀티-핫으로 바꾸는 tf.data 파이프라인."""
    ds = tf.data.Dataset.from_tensor_slices((_ragged(sequences), labels.astype("float32")))
    if shuffle_seed is not None:
        ds = ds.shuffle(len(labels), seed=shuffle_seed, reshuffle_each_iteration=True)
    return ds.batch(batch_size).map(_multi_hot, num_parallel_calls=tf.data.AUTOTUNE).prefetch(tf.data.AUTOTUNE)


def build() -> keras.Model:
    model = keras.Sequential([
        keras.Input(shape=(NUM_WORDS,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def _loader(spec: str) -> Callable[..., Any]:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def run(recipe: Recipe, args: argparse.Namespace) -> dict[str, Any]:
    keras.utils.set_random_seed(args.seed)
    settings = dict(SEED if recipe.name == "seed" else COURSE)
    limit = args.limit or (2000 if args.quick else None)
    if args.quick:
        settings["epochs"] = 2
    load = _loader(args.loader)
    clock = common.Clock()
    (train_data, train_labels), (test_data, test_labels) = load(num_words=NUM_WORDS)
    if limit:
        train_data, train_labels = train_data[:limit], train_labels[:limit]
        test_data, test_labels = test_data[:limit], test_labels[:limit]
    batch = settings["batch_size"]
    if recipe.name == "streamed":
        train = streamed_dataset(train_data, train_labels, batch, shuffle_seed=args.seed)
        test = streamed_dataset(test_data, test_labels, 2048, shuffle_seed=None)
        fit_args: dict[str, Any] = {"x": train, "shuffle": False}  # 섞기는 파이프라인이 합니다

        def test_accuracy(m: keras.Model) -> float:
            correct = total = 0
            for x_batch, y_batch in test:
                pred = np.asarray(m(x_batch, training=False))[:, 0] > 0.5
                correct += int(np.sum(pred == (y_batch.numpy() > 0.5)))
                total += len(pred)
            return correct / total
    else:
        if recipe.name == "seed":
            x_train, x_test = vectorize_sequences_notes(train_data), vectorize_sequences_notes(test_data)
        else:
            from helpers.datasets import vectorize_sequences

            x_train, x_test = vectorize_sequences(train_data, NUM_WORDS), vectorize_sequences(test_data, NUM_WORDS)
        y_train = np.asarray(train_labels).astype("float32")
        y_test = np.asarray(test_labels).astype("float32")
        fit_args = {"x": x_train, "y": y_train, "batch_size": batch}

        def test_accuracy(m: keras.Model) -> float:
            return common.batched_accuracy(m, x_test, y_test)
    prep = common.stamp(clock)

    model = build()
    epochs: list[dict[str, Any]] = []
    model.fit(**fit_args, epochs=settings["epochs"], verbose=0,
              callbacks=[common.epoch_probe(clock, test_accuracy, epochs)])
    total = common.stamp(clock)
    with clock.paused():
        final = float(test_accuracy(model))
    return {"settings": {**settings, "limit": limit}, "prep": prep, "epochs": epochs, "total": total,
            "final_metric": final}


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--loader", default=os.environ.get(LOADER_ENV, "helpers.datasets:load_imdb"),
                        help="load_data(num_words=...)와 같은 것을 돌려주는 함수 '모듈:이름' "
                             f"(기본: helpers.datasets:load_imdb, 환경 변수 {LOADER_ENV}로 바꿀 수 있음)")
    parser.add_argument("--limit", type=int, default=None,
                        help="훈련·테스트 문서를 앞에서 N개만 씁니다 (하네스 확인용, 결과 파일에는 기록되지 않습니다)")


run.add_arguments = _arguments  # type: ignore[attr-defined]

if __name__ == "__main__":
    sys.exit(common.main(WORKLOAD, TARGET, RECIPES, run))
