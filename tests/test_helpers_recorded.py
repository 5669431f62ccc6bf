"""helpers.recorded: 기록된 여러 시드 측정을 읽는 도우미."""

import json
from pathlib import Path

import pytest

from helpers import recorded

RECORDED = Path(__file__).resolve().parents[1] / "helpers" / "recorded"


def test_every_record_loads_and_names_its_command_and_machine():
    names = recorded.available()
    assert names, "helpers/recorded/에 기록이 하나도 없습니다"
    for name in names:
        record = recorded.load(name)
        assert record["command"].startswith("python tools/")
        assert {"cpu_count", "tensorflow", "keras"} <= set(record["machine"])
        assert all("seed" in row for row in record["rows"])


def test_imdb_final_recipes_cover_every_recipe_for_every_seed():
    record = recorded.load("imdb_final_recipes")
    seeds = [row["seed"] for row in record["rows"]]
    assert len(seeds) == len(set(seeds)) >= 11 and 42 in seeds
    for row in record["rows"]:
        for recipe in record["recipes"]:
            assert 0.5 < row[recipe] < 1.0, (row["seed"], recipe)


def test_records_are_packaged_with_helpers():
    text = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"recorded/*.json"' in text, "pyproject.toml의 package-data에 helpers/recorded/*.json이 없습니다 (Colab 설치)"


@pytest.mark.parametrize("bad, error", [(3, TypeError), ("../etc", ValueError), ("Imdb", ValueError)])
def test_bad_names_fail_loudly(bad, error):
    with pytest.raises(error):
        recorded.load(bad)


def test_missing_record_names_the_file_and_the_available_ones():
    with pytest.raises(FileNotFoundError, match="no_such_record.json.*imdb_final_recipes"):
        recorded.load("no_such_record")


def test_record_without_rows_is_an_error(tmp_path, monkeypatch):
    (RECORDED / "zz_test_empty.json").write_text(json.dumps({"rows": []}), encoding="utf-8")
    try:
        with pytest.raises(ValueError, match="rows"):
            recorded.load("zz_test_empty")
    finally:
        (RECORDED / "zz_test_empty.json").unlink()
