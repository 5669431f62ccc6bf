"""helpers.glue 단위 테스트: myst-nb의 glue와 같은 표시 데이터를 내보내는지."""

import ast

import numpy as np
import pytest

from helpers import glue as glue_module
from helpers.glue import glue


@pytest.fixture
def emitted(monkeypatch):
    calls = []
    monkeypatch.setattr(glue_module, "_emit", lambda bundle, metadata: calls.append((bundle, metadata)))
    return calls


@pytest.mark.parametrize(
    "value, expected",
    [(np.float32(0.5), 0.5), (np.int64(266_610), 266_610), (np.array(0.25), 0.25), (3, 3), (0.1234, 0.1234), ("SGD", "SGD")],
)
def test_glue_emits_plain_python_values(emitted, value, expected):
    assert glue("x_1", value) == expected
    bundle, metadata = emitted[0]
    assert metadata == {"scrapbook": {"name": "x_1", "mime_prefix": glue_module.GLUE_PREFIX}}
    text = bundle[glue_module.GLUE_PREFIX + "text/plain"]
    assert ast.literal_eval(text) == expected  # myst-nb의 {glue:text}`x_1:.3f`가 형식을 적용할 수 있어야 합니다
    assert type(ast.literal_eval(text)) is type(expected)


def test_glue_matches_myst_nb_format(emitted):
    """myst-nb가 설치된 곳에서는 myst_nb.glue가 내보내는 것과 같은 모양이어야 합니다."""
    myst_glue = pytest.importorskip("myst_nb.ext.glue")
    assert glue_module.GLUE_PREFIX == myst_glue.GLUE_PREFIX
    glue("acc", 0.9)
    bundle, metadata = emitted[0]
    cell = {"cell_type": "code", "outputs": [{"output_type": "display_data", "data": bundle, "metadata": metadata}]}
    import nbformat

    extracted = dict(myst_glue.extract_glue_data_cell(nbformat.from_dict(cell)))
    assert extracted["acc"]["data"]["text/plain"] == "0.9"


@pytest.mark.parametrize("name", ["", "1st", "a:b", "정확도", None])
def test_glue_rejects_bad_names(emitted, name):
    with pytest.raises(ValueError, match="glue 이름"):
        glue(name, 1.0)


@pytest.mark.parametrize("value", [np.array([1.0, 2.0]), [1, 2], {"a": 1}, True, np.bool_(True)])
def test_glue_rejects_non_numbers(emitted, value):
    with pytest.raises(TypeError):
        glue("x", value)


@pytest.mark.parametrize("value", [float("nan"), np.float32("inf")])
def test_glue_rejects_non_finite(emitted, value):
    with pytest.raises(ValueError, match="유한"):
        glue("x", value)
