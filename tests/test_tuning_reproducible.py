"""10장의 재현성 약속: 같은 시드로 케라스 튜너의 RandomSearch를 두 번 돌리면 같은 최고 하이퍼파라미터가 나옵니다.

장 전체의 탐색을 두 번 돌리는 대신, 캘리포니아 주택 가격의 작은 부분집합에서 시도 2번짜리 탐색으로 확인합니다.
튜너의 기록은 임시 폴더(pytest의 tmp_path)에 씁니다.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
MIRROR = ROOT.parent / "shared" / "datasets" / "sklearn"


@pytest.fixture(scope="module")
def housing_subset():
    """훈련 샘플 400개, 검증 샘플 200개 (10장과 같은 로더)."""
    from helpers import datasets

    with pytest.MonkeyPatch.context() as mp:  # 이 로드에만 적용하고 다른 테스트의 환경은 그대로 둡니다
        if not os.environ.get("SCIKIT_LEARN_DATA") and MIRROR.is_dir():
            mp.setenv("SCIKIT_LEARN_DATA", str(MIRROR))  # make 없이 pytest를 부를 때의 오프라인 미러
        housing = datasets.load_california_housing()
    X, y = housing.data.astype("float32"), housing.target.astype("float32")
    return (X[:400], y[:400]), (X[400:600], y[400:600])


def _search_once(directory: Path, data, seed: int):
    import keras
    import keras_tuner as kt

    (X_tr, y_tr), (X_va, y_va) = data
    mean, var = X_tr.mean(axis=0), X_tr.var(axis=0)

    def build(hp):
        model = keras.Sequential([keras.Input(shape=(8,)), keras.layers.Normalization(mean=mean, variance=var)])
        model.add(keras.layers.Dense(hp.Choice("n_units", [8, 16, 32, 64]), activation="relu"))
        model.add(keras.layers.Dense(1))
        learning_rate = hp.Float("learning_rate", 1e-4, 3e-2, sampling="log")
        model.compile(loss="mse", optimizer=keras.optimizers.Adam(learning_rate=learning_rate))
        return model

    keras.utils.set_random_seed(seed)
    tuner = kt.RandomSearch(build, objective="val_loss", max_trials=2, seed=seed,
                            directory=str(directory), project_name="repro")
    tuner.search(X_tr, y_tr, epochs=2, batch_size=64, validation_data=(X_va, y_va), verbose=0)
    best = tuner.oracle.get_best_trials(1)[0]
    return best.hyperparameters.values, best.score


# keras-tuner 1.4.8 안의 threading 호출이 내는 폐기 예고 경고 (라이브러리 내부, 결과와 무관)
@pytest.mark.filterwarnings("ignore:currentThread\\(\\) is deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:getName\\(\\) is deprecated:DeprecationWarning")
def test_same_seed_gives_same_best_trial(tmp_path, housing_subset):
    first_hp, first_score = _search_once(tmp_path / "a", housing_subset, seed=7)
    second_hp, second_score = _search_once(tmp_path / "b", housing_subset, seed=7)
    assert first_hp == second_hp
    assert np.isclose(first_score, second_score, rtol=1e-5), (first_score, second_score)
    assert not any(ROOT.glob("repro*")), "튜너 기록이 저장소에 남았습니다"
