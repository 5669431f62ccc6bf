"""케라스 2 방식 검사: 실제 코드는 깨끗하고, 심어 둔 예는 모두 잡힙니다."""

import pytest

import quality
from quality import ROOT

CODE_FILES = (
    quality.chapter_notebooks()
    + sorted((ROOT / "templates").glob("*.ipynb"))
    + sorted((ROOT / "helpers").glob("*.py"))
)


@pytest.mark.parametrize("path", CODE_FILES, ids=[p.name for p in CODE_FILES])
def test_no_keras2_idioms(path):
    assert quality.idiom_problems([path]) == []


@pytest.mark.parametrize(
    "code",
    [
        "opt = keras.optimizers.SGD(lr=0.01)",
        "layers.Dense(30, activation='relu', input_shape=[8])",
        "layers.Dense(16, input_dim=10000)",
        "model.save('my_model.h5')",
        "keras.callbacks.ModelCheckpoint(\"best.h5\")",
        "from keras.wrappers.scikit_learn import KerasClassifier",
        "y_pred = model.predict_classes(x)",
        "model.fit_generator(gen)",
        "from keras.utils import np_utils",
        "with tf.device('/GPU:0'):\n    pass",
        "x = tf.constant(1.0, device='/device:GPU:0')",
    ],
)
def test_planted_idioms_are_caught(code):
    assert quality.idiom_problems_in_code(code, "planted"), code


@pytest.mark.parametrize(
    "code",
    [
        "model.save_weights('w.weights.h5')",
        "opt = keras.optimizers.SGD(learning_rate=0.01)",
        "inputs = keras.Input(shape=(8,))",
        "# 예전에는 lr=0.01 이나 input_shape= 를 썼습니다",
        "model.save('model.keras')",
        "proba = LogisticRegression().fit(X, y).predict_proba(X)",
    ],
)
def test_modern_code_is_not_flagged(code):
    assert quality.idiom_problems_in_code(code, "ok") == []
