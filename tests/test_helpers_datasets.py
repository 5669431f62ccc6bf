"""helpers.datasets 단위 테스트 (실제 로더를 부르는 테스트는 미러가 있을 때만)."""

import os

import numpy as np
import pytest

from helpers import datasets

MIRROR = os.environ.get("KERAS_HOME")


def test_vectorize_sequences_multi_hot():
    out = datasets.vectorize_sequences([[1, 3, 3], [], [0, 4]], dimension=5)
    assert out.dtype == np.float32
    np.testing.assert_array_equal(
        out, [[0, 1, 0, 1, 0], [0, 0, 0, 0, 0], [1, 0, 0, 0, 1]]
    )


def test_vectorize_sequences_matches_naive_loop():
    rng = np.random.default_rng(0)
    seqs = [list(rng.integers(0, 50, size=rng.integers(0, 30))) for _ in range(40)]
    naive = np.zeros((40, 50))
    for i, s in enumerate(seqs):
        naive[i, s] = 1.0
    np.testing.assert_array_equal(datasets.vectorize_sequences(seqs, 50), naive)


def test_vectorize_sequences_object_array_like_keras():
    seqs = np.empty(2, dtype=object)
    seqs[0], seqs[1] = [1, 2], [2]
    assert datasets.vectorize_sequences(seqs, 3).tolist() == [[0, 1, 1], [0, 0, 1]]


@pytest.mark.parametrize("bad", [[[1, 10]], [[-1]]])
def test_vectorize_sequences_index_out_of_range(bad):
    with pytest.raises(ValueError, match="범위"):
        datasets.vectorize_sequences(bad, dimension=10)


@pytest.mark.parametrize("dim", [0, -3, 2.5, True])
def test_vectorize_sequences_bad_dimension(dim):
    with pytest.raises(ValueError, match="dimension"):
        datasets.vectorize_sequences([[1]], dimension=dim)


def test_vectorize_sequences_bad_elements():
    with pytest.raises(ValueError, match="정수"):
        datasets.vectorize_sequences([[0.5, 1.5]], dimension=10)
    with pytest.raises(ValueError, match="정수"):
        datasets.vectorize_sequences([[[1, 2]], [[3]]], dimension=10)
    with pytest.raises(ValueError, match="문자열"):
        datasets.vectorize_sequences("abc", dimension=10)


def test_imdb_standin_structure():
    data = datasets.make_imdb_standin(num_words=100, size=50)
    assert data.standin is True
    (x_train, y_train), (x_test, y_test) = data
    assert len(x_train) == len(y_train) == len(x_test) == len(y_test) == 50
    assert set(np.unique(y_train)) == {0, 1}
    assert all(s[0] == 1 and max(s) < 100 and min(s) >= 1 for s in x_train)
    with pytest.raises(ValueError):
        datasets.make_imdb_standin(num_words=5)
    with pytest.raises(ValueError):
        datasets.make_imdb_standin(size=0)


def test_loaded_data_unpacks_like_a_tuple():
    data = datasets.LoadedData(((1, 2), (3, 4)), standin=False, source="x")
    (a, b), (c, d) = data
    assert (a, b, c, d) == (1, 2, 3, 4) and data.standin is False


def test_missing_keras_file_gives_clear_error(monkeypatch):
    def refuse():
        raise Exception("URL fetch failure on https://example.invalid/imdb.npz")

    with pytest.raises(datasets.DatasetUnavailableError) as info:
        datasets._call_loader(refuse, ["imdb.npz"], "IMDB")
    message = str(info.value)
    assert "imdb.npz" in message and "KERAS_HOME" in message and "README" in message


def test_imdb_without_permission_is_an_error_not_a_standin(monkeypatch, tmp_path):
    """환경 변수가 없으면 대체 데이터를 조용히 쓰지 않고 분명한 오류를 냅니다."""
    import keras

    monkeypatch.delenv(datasets.IMDB_STANDIN_ENV, raising=False)
    monkeypatch.setattr(datasets, "keras_datasets_dir", lambda: tmp_path)

    def offline(**kwargs):
        raise Exception("URL fetch failure (오프라인)")

    monkeypatch.setattr(keras.datasets.imdb, "load_data", offline)
    with pytest.raises(datasets.DatasetUnavailableError, match="imdb.npz"):
        datasets.load_imdb()


def test_imdb_standin_only_with_explicit_variable(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv(datasets.IMDB_STANDIN_ENV, "1")
    monkeypatch.setattr(datasets, "keras_datasets_dir", lambda: tmp_path)
    data = datasets.load_imdb(num_words=100)
    assert data.standin is True
    assert "합성 대체 데이터" in capsys.readouterr().out


def test_california_missing_file_error(tmp_path):
    with pytest.raises(datasets.DatasetUnavailableError, match="cal_housing_py3.pkz"):
        datasets.load_california_housing(data_home=str(tmp_path), download_if_missing=False)


@pytest.mark.skipif(not MIRROR, reason="오프라인 미러(KERAS_HOME)가 설정되지 않음")
def test_real_loaders_read_the_mirror():
    (x, y), (xt, yt) = datasets.load_fashion_mnist()
    assert x.shape == (60000, 28, 28) and xt.shape == (10000, 28, 28)
    (bx, by), _ = datasets.load_boston_housing()
    assert bx.shape == (404, 13)
    (rx, ry), _ = datasets.load_reuters(num_words=10_000)
    assert len(rx) == 8982
    housing = datasets.load_california_housing()
    assert housing.data.shape == (20640, 8)


@pytest.mark.skipif(not os.environ.get("DLBOOK_DATA_MIRROR"), reason="오프라인 미러를 쓰지 않음")
def test_mirror_matches_its_hashes_and_keras_home_is_writable():
    """미러 파일이 SHA256SUMS와 같고, KERAS_HOME이 쓰기 가능한지 (아니면 케라스가 /tmp로 조용히 바꿉니다)."""
    import hashlib
    from pathlib import Path

    mirror = Path(os.environ["DLBOOK_DATA_MIRROR"])
    lines = (mirror / "SHA256SUMS").read_text().split("\n")
    entries = [line.split(maxsplit=1) for line in lines if line.strip()]
    assert entries
    for digest, name in entries:
        path = mirror / name.strip().lstrip("*")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, name
    assert os.access(os.environ["KERAS_HOME"], os.W_OK)
    assert datasets.keras_datasets_dir().resolve() == (mirror / "keras" / "datasets").resolve()


def test_class_names():
    assert len(datasets.FASHION_MNIST_CLASS_NAMES) == len(datasets.FASHION_MNIST_CLASS_NAMES_KO) == 10
