"""테스트 전용: 미러의 rebuilt/imdb_rebuilt.npz를 keras.datasets.imdb.load_data와 같은 모양으로 읽는 작은 로더.

../shared/datasets/README.md의 'Rebuilt data: IMDB reviews' 절의 방법 그대로입니다(RandomState(113)으로 훈련 세트,
이어서 테스트 세트를 섞고, start_char=1, index_from=3, num_words 이상은 oov_char=2). 6장 담당이
``helpers.datasets.load_imdb`` 를 이 파일을 읽도록 고치기 전까지, IMDB 기준 레시피(benchmarks/baselines/imdb.py)를
같은 약속으로 시험하는 데만 씁니다.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

MIRROR = Path(os.environ.get("DLBOOK_DATA_MIRROR", Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets"))
REBUILT = MIRROR / "rebuilt" / "imdb_rebuilt.npz"


def load(num_words: int | None = 10_000) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    data = np.load(REBUILT)
    rng = np.random.RandomState(113)
    splits = []
    for split in ("train", "test"):
        lengths = data[f"x_{split}_lengths"]
        docs = np.split(data[f"x_{split}_flat"], np.cumsum(lengths)[:-1])
        labels = data[f"y_{split}"].astype(np.int64)
        order = np.arange(len(docs))
        rng.shuffle(order)
        seqs = np.empty(len(docs), dtype=object)
        for i, j in enumerate(order):
            ids = docs[j].astype(np.int64) + 3
            if num_words:
                ids[ids >= num_words] = 2
            seqs[i] = [1, *ids.tolist()]
        splits.append((seqs, labels[order]))
    return splits[0], splits[1]
