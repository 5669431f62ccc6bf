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


def test_loaded_data_unpacks_like_a_tuple():
    data = datasets.LoadedData(((1, 2), (3, 4)), source="x")
    (a, b), (c, d) = data
    assert (a, b, c, d) == (1, 2, 3, 4) and data.source == "x"
    assert not hasattr(datasets, "make_imdb_standin")


def test_missing_keras_file_gives_clear_error(monkeypatch):
    def refuse():
        raise Exception("URL fetch failure on https://example.invalid/reuters.npz")

    with pytest.raises(datasets.DatasetUnavailableError) as info:
        datasets._call_loader(refuse, ["reuters.npz"], "로이터")
    message = str(info.value)
    assert "reuters.npz" in message and "KERAS_HOME" in message and "README" in message


# ---- IMDB (6장): imdb.npz가 있으면 케라스, 없으면 미러의 재구성 파일 -------------------------------

def _tiny_imdb(rng_seed=0, n=(12, 9), vocab=40):
    """작은 IMDB 모양 데이터: 단어 순위(1부터, 오프셋 없음)의 목록과 0/1 레이블 (훈련, 테스트)."""
    rng = np.random.default_rng(rng_seed)
    splits = []
    for size in n:
        seqs = [rng.integers(1, vocab, size=rng.integers(1, 15)).tolist() for _ in range(size)]
        splits.append((seqs, rng.integers(0, 2, size=size)))
    return splits


def _write_rebuilt(path, splits):
    """미러의 재구성 파일 형식(int32 flat + 길이, int8 레이블)으로 씁니다."""
    arrays = {}
    for name, (seqs, labels) in zip(("train", "test"), splits):
        arrays[f"x_{name}_flat"] = np.concatenate([np.asarray(s, dtype=np.int32) for s in seqs])
        arrays[f"x_{name}_lengths"] = np.array([len(s) for s in seqs], dtype=np.int32)
        arrays[f"y_{name}"] = np.asarray(labels, dtype=np.int8)
    np.savez_compressed(path, **arrays)


def _write_keras_npz(path, splits):
    """케라스 imdb.npz 형식(파이썬 int 목록의 object 배열, int64 레이블)으로 씁니다."""
    arrays = {}
    for name, (seqs, labels) in zip(("train", "test"), splits):
        x = np.empty(len(seqs), dtype=object)
        for i, s in enumerate(seqs):
            x[i] = list(s)
        arrays[f"x_{name}"], arrays[f"y_{name}"] = x, np.asarray(labels, dtype=np.int64)
    np.savez(path, **arrays)


@pytest.mark.parametrize(
    "options",
    [
        dict(num_words=10),
        dict(num_words=None),
        dict(num_words=25, skip_top=5),
        dict(num_words=30, maxlen=9),
        dict(num_words=20, oov_char=None),
        dict(num_words=20, start_char=None, index_from=0),
        dict(num_words=20, start_char=None),
        dict(num_words=15, seed=7),
    ],
    ids=["num_words", "all_words", "skip_top", "maxlen", "drop_oov", "no_start_no_offset", "no_start", "seed"],
)
def test_rebuilt_reader_matches_keras_load_data(monkeypatch, tmp_path, options):
    """같은 리뷰를 케라스 형식 파일로 케라스의 load_data에, 재구성 형식 파일로 도우미에 넣으면 결과가 같습니다."""
    from keras.src.datasets import imdb as keras_imdb

    splits = _tiny_imdb()
    _write_keras_npz(tmp_path / "imdb.npz", splits)
    _write_rebuilt(tmp_path / "imdb_rebuilt.npz", splits)
    monkeypatch.setattr(keras_imdb, "get_file", lambda **kwargs: str(tmp_path / "imdb.npz"))
    options = {"skip_top": 0, "maxlen": None, "seed": 113, "start_char": 1, "oov_char": 2, "index_from": 3, **options}
    expected = keras_imdb.load_data(**options)
    got = datasets._imdb_from_rebuilt(tmp_path / "imdb_rebuilt.npz", **options)
    for (x_exp, y_exp), (x_got, y_got) in zip(expected, got):
        assert x_got.dtype == x_exp.dtype == object and x_got.shape == x_exp.shape
        assert [list(s) for s in x_got] == [list(s) for s in x_exp]
        assert all(type(w) is int for s in x_got for w in s)
        assert y_got.dtype == y_exp.dtype == np.int64
        np.testing.assert_array_equal(y_got, y_exp)


def _fake_imdb_dirs(monkeypatch, tmp_path, *, keras_file, rebuilt_file, mirror_env=True):
    keras_dir, mirror = tmp_path / "keras_datasets", tmp_path / "mirror"
    keras_dir.mkdir()
    (mirror / "rebuilt").mkdir(parents=True)
    if keras_file:
        (keras_dir / "imdb.npz").write_bytes(b"placeholder")
    if rebuilt_file:
        _write_rebuilt(mirror / datasets.IMDB_REBUILT_FILE, _tiny_imdb())
    monkeypatch.setattr(datasets, "keras_datasets_dir", lambda: keras_dir)
    if mirror_env:
        monkeypatch.setenv(datasets.DATA_MIRROR_ENV, str(mirror))
    else:
        monkeypatch.delenv(datasets.DATA_MIRROR_ENV, raising=False)
    return keras_dir, mirror


def _mock_keras_load_data(monkeypatch, result=None, error=None):
    import keras

    calls = []

    def load_data(**kwargs):
        calls.append(kwargs)
        if error is not None:
            raise error
        return result

    monkeypatch.setattr(keras.datasets.imdb, "load_data", load_data)
    return calls


KERAS_RESULT = ((np.array([[1, 14]], dtype=object), np.array([1])), (np.array([[1, 2]], dtype=object), np.array([0])))


def test_imdb_prefers_keras_file_when_present(monkeypatch, tmp_path, capsys):
    """imdb.npz가 케라스 데이터 폴더에 있으면 (재구성 파일이 있어도) 케라스의 load_data를 그대로 부릅니다."""
    _fake_imdb_dirs(monkeypatch, tmp_path, keras_file=True, rebuilt_file=True)
    calls = _mock_keras_load_data(monkeypatch, result=KERAS_RESULT)
    data = datasets.load_imdb(num_words=10_000)
    assert data == KERAS_RESULT and data.source == "keras.datasets.imdb"
    assert calls == [dict(num_words=10_000, skip_top=0, maxlen=None, seed=113, start_char=1, oov_char=2, index_from=3)]
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "imdb.npz" in out


def test_imdb_reads_rebuilt_file_when_keras_file_is_absent(monkeypatch, tmp_path, capsys):
    _fake_imdb_dirs(monkeypatch, tmp_path, keras_file=False, rebuilt_file=True)
    calls = _mock_keras_load_data(monkeypatch, error=AssertionError("케라스 로더를 부르면 안 됩니다"))
    (x_train, y_train), (x_test, y_test) = data = datasets.load_imdb(num_words=20)
    assert calls == [] and data.source == datasets.IMDB_REBUILT_FILE
    assert len(x_train) == 12 and len(x_test) == 9 and y_train.dtype == np.int64
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "imdb_rebuilt.npz" in out


def test_imdb_downloads_with_keras_without_mirror(monkeypatch, tmp_path, capsys):
    """미러가 없는 학습자(Colab 등): 케라스의 load_data가 imdb.npz를 내려받습니다. 연결 확인은 하지 않습니다."""
    _fake_imdb_dirs(monkeypatch, tmp_path, keras_file=False, rebuilt_file=False, mirror_env=False)
    calls = _mock_keras_load_data(monkeypatch, result=KERAS_RESULT)
    data = datasets.load_imdb()
    assert len(calls) == 1 and data.source == "keras.datasets.imdb"
    assert "내려받" in capsys.readouterr().out


@pytest.mark.parametrize("mirror_env", [True, False], ids=["mirror-without-file", "no-mirror"])
def test_imdb_missing_everywhere_gives_korean_error(monkeypatch, tmp_path, mirror_env):
    _fake_imdb_dirs(monkeypatch, tmp_path, keras_file=False, rebuilt_file=False, mirror_env=mirror_env)
    _mock_keras_load_data(monkeypatch, error=Exception("URL fetch failure (오프라인)"))
    with pytest.raises(datasets.DatasetUnavailableError) as info:
        datasets.load_imdb()
    message = str(info.value)
    assert "imdb.npz" in message and "불러오지 못했습니다" in message
    assert "keras.datasets.imdb.load_data()" in message and "내려받" in message  # 받는 방법
    assert datasets.DATA_MIRROR_ENV in message and "README" in message
    if mirror_env:
        assert "imdb_rebuilt.npz" in message


REBUILT = datasets.imdb_rebuilt_path()
needs_rebuilt = pytest.mark.skipif(
    REBUILT is None or not REBUILT.is_file(), reason="데이터 미러의 IMDB 재구성 파일이 없음 (DLBOOK_DATA_MIRROR)"
)


@pytest.fixture(scope="module")
def imdb_10k():
    return datasets._imdb_from_rebuilt(REBUILT, num_words=10_000, skip_top=0, maxlen=None, seed=113,
                                       start_char=1, oov_char=2, index_from=3)


@needs_rebuilt
def test_rebuilt_imdb_has_kerass_published_first_reviews(imdb_10k):
    """케라스가 공개한 첫 리뷰들의 번호·길이·레이블과 같습니다 (미러의 README 참고)."""
    (x_train, y_train), (x_test, y_test) = imdb_10k
    assert x_train[0][:10] == [1, 14, 22, 16, 43, 530, 973, 1622, 1385, 65]
    assert [len(s) for s in x_train[:5]] == [218, 189, 141, 550, 147]
    assert y_train[:5].tolist() == [1, 0, 0, 1, 0]
    assert len(x_test[0]) == 68 and y_test[0] == 0
    assert x_test[0][:10] == [1, 591, 202, 14, 31, 6, 717, 10, 10, 2]
    assert x_train.shape == x_test.shape == (25_000,) and x_train.dtype == object
    assert y_train.dtype == y_test.dtype == np.int64
    assert np.bincount(y_train).tolist() == np.bincount(y_test).tolist() == [12_500, 12_500]
    assert all(type(w) is int for w in x_train[0])


@needs_rebuilt
def test_rebuilt_imdb_num_words_maps_rare_words_to_2(imdb_10k):
    (x_all, _), _ = datasets._imdb_from_rebuilt(REBUILT, num_words=None, skip_top=0, maxlen=None, seed=113,
                                                start_char=1, oov_char=2, index_from=3)
    (x_10k, _), _ = imdb_10k
    assert max(max(s) for s in x_10k) == 9_999
    rare = 0
    for full, cut in zip(x_all[:500], x_10k[:500]):
        full, cut = np.array(full), np.array(cut)
        assert full.shape == cut.shape  # 드문 단어는 빠지지 않고 2로 바뀝니다
        np.testing.assert_array_equal(cut, np.where(full < 10_000, full, 2))
        rare += int((full >= 10_000).sum())
    assert rare > 0


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


def test_reuters_label_names_ko_match_keras_order():
    import keras

    names = keras.datasets.reuters.get_label_names()  # 파일 없이 돌려주는 고정 목록
    ko = datasets.REUTERS_LABEL_NAMES_KO
    assert len(ko) == len(names) == 46 and len(set(ko)) == 46
    assert (names[3], ko[3]) == ("earn", "기업 실적") and (names[4], ko[4]) == ("acq", "인수·합병")
    assert (names[0], ko[0]) == ("cocoa", "코코아") and (names[45], ko[45]) == ("lead", "납")
