"""6장 최종 모델 레시피의 시드 훑기: 여러 시드에서 테스트 정확도를 재어 helpers/recorded/에 기록합니다.

6.5절의 표(「최종 모델을 만드는 방법」별 테스트 정확도의 최솟값·평균·최댓값)는 한 번의 실행으로 잴 수 없는
여러 시드의 측정입니다. 손으로 옮겨 적지 않도록 이 도구가 잰 값을 ``helpers/recorded/imdb_final_recipes.json``
에 남기고, 노트북은 :func:`helpers.recorded.load` 로 그 파일을 읽어 glue로 붙입니다(Colab에서도 helpers 패키지와
함께 설치됩니다). CI에서 돌리는 검사가 아니라, 레시피를 바꿨을 때 다시 실행하는 일회성 측정 도구입니다.

사용법 (저장소 루트에서, 데이터 미러 환경 변수와 함께 — make가 설정합니다):

    .venv/bin/python tools/imdb_recipe_sweep.py                  # 시드 0~9와 42
    .venv/bin/python tools/imdb_recipe_sweep.py --seeds "0 1"    # 빨리 확인

레시피는 6장 노트북의 코드와 같습니다(16-16-1 모델, RMSprop, 배치 512, 리뷰 번호를 tf.data에서 배치마다
멀티-핫으로 인코딩, 앞 10,000개가 검증 세트).

- ``fixed_4``: 원래 예제. 학습률 0.001 고정, 훈련 리뷰 25,000개로 4 에포크.
- ``restore_best``: 15,000개로 15 에포크 훈련하며 검증 손실이 가장 낮았던 에포크의 가중치로 되돌림.
- ``cosine_best``: (이 장) 위 훈련에서 검증 손실이 가장 낮았던 에포크 수만큼, 학습률 0.001에서 0까지 코사인
  감쇠로 25,000개를 훈련.
- ``cosine_4``, ``cosine_5``, ``cosine_6``: 코사인 감쇠로 4, 5, 6 에포크(에포크 수에 얼마나 민감한지).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "helpers" / "recorded" / "imdb_final_recipes.json"
RECIPES = ("fixed_4", "restore_best", "cosine_best", "cosine_4", "cosine_5", "cosine_6")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="0 1 2 3 4 5 6 7 8 9 42")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    seeds = [int(s) for s in args.seeds.split()]

    from helpers import environment
    from helpers.datasets import load_imdb

    tf = environment.quiet_import_tensorflow()
    import keras
    import numpy as np

    (train_data, train_labels), (test_data, test_labels) = load_imdb(num_words=10_000)
    encoder = keras.layers.CategoryEncoding(num_tokens=10_000, output_mode="multi_hot")

    def to_ragged(sequences):
        flat = np.concatenate(sequences).astype("int32")
        return tf.RaggedTensor.from_row_lengths(flat, row_lengths=[len(s) for s in sequences])

    def make_dataset(reviews, labels, shuffle_seed=None, batch_size=512):
        ds = tf.data.Dataset.from_tensor_slices(np.arange(reviews.nrows()))
        if shuffle_seed is not None:
            ds = ds.shuffle(len(labels), seed=shuffle_seed)
        ds = ds.batch(batch_size).map(lambda idx: (encoder(tf.gather(reviews, idx)), tf.gather(labels, idx)))
        return ds.prefetch(tf.data.AUTOTUNE)

    def build_model():
        return keras.Sequential([keras.Input(shape=(10_000,)), keras.layers.Dense(16, activation="relu"),
                                 keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])

    train_reviews, test_reviews = to_ragged(train_data), to_ragged(test_data)
    y_train, y_test = train_labels.astype("float32"), test_labels.astype("float32")
    x_val, partial_x = train_reviews[:10_000], train_reviews[10_000:]
    y_val, partial_y = y_train[:10_000], y_train[10_000:]
    test_ds = make_dataset(test_reviews, y_test)
    val_ds = make_dataset(x_val, y_val)

    def test_accuracy(model):
        return float(model.evaluate(test_ds, verbose=0)[1])

    def final_model(seed, epochs, cosine):
        keras.utils.set_random_seed(seed)
        full_ds = make_dataset(train_reviews, y_train, shuffle_seed=seed)
        model = build_model()
        lr = (keras.optimizers.schedules.CosineDecay(0.001, decay_steps=epochs * len(full_ds)) if cosine else 0.001)
        model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=lr), loss="binary_crossentropy",
                      metrics=["accuracy"])
        model.fit(full_ds, epochs=epochs, shuffle=False, verbose=0)
        return test_accuracy(model)

    rows = []
    for seed in seeds:
        start = time.perf_counter()
        keras.utils.set_random_seed(seed)
        model = build_model()
        model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
        stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=15, restore_best_weights=True)
        history = model.fit(make_dataset(partial_x, partial_y, shuffle_seed=seed), epochs=15,
                            validation_data=val_ds, shuffle=False, verbose=0, callbacks=[stop])
        best_epoch = int(np.argmin(history.history["val_loss"])) + 1
        row = {"seed": seed, "best_epoch": best_epoch, "restore_best": test_accuracy(model),
               "fixed_4": final_model(seed, 4, cosine=False),
               "cosine_best": final_model(seed, best_epoch, cosine=True)}
        for epochs in (4, 5, 6):
            row[f"cosine_{epochs}"] = (row["cosine_best"] if epochs == best_epoch
                                       else final_model(seed, epochs, cosine=True))
        rows.append(row)
        print(f"시드 {seed:>3} ({time.perf_counter() - start:5.1f}초): "
              + ", ".join(f"{k} {v:.4f}" if isinstance(v, float) else f"{k} {v}" for k, v in row.items()
                          if k != "seed"), flush=True)

    record = {
        "description": "6장 최종 모델 레시피별 IMDB 테스트 정확도 (tools/imdb_recipe_sweep.py)",
        "command": "python tools/imdb_recipe_sweep.py --seeds " + repr(" ".join(map(str, seeds))),
        "measured": dt.date.today().isoformat(),
        "machine": {"cpu_count": os.cpu_count(), "processor": platform.processor() or platform.machine(),
                    "python": platform.python_version(), "tensorflow": tf.__version__,
                    "keras": keras.__version__},
        "recipes": list(RECIPES),
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"기록: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
