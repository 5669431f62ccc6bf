"""tools/set_repository.py: 저장소 주소를 한 곳에서 바꾸면 모든 Colab 설치 셀이 함께 바뀝니다."""

import shutil

import pytest

import quality
import set_repository
from quality import ROOT


@pytest.fixture
def book_copy(tmp_path, monkeypatch):
    for rel in ["_config.yml", "templates/chapter_template.ipynb", "docs/setup.md", "docs/contributing.md"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    (tmp_path / "chapters").mkdir()
    shutil.copy(ROOT / "templates" / "chapter_template.ipynb", tmp_path / "chapters" / "01_x.ipynb")
    monkeypatch.setattr(set_repository, "ROOT", tmp_path)
    monkeypatch.setattr(set_repository, "CONFIG", tmp_path / "_config.yml")
    return tmp_path


def test_set_repository_updates_config_and_every_colab_cell(book_copy):
    new = "https://github.com/example-org/example-book"
    assert set_repository.main([new]) == 0
    assert quality.repository_url(book_copy) == new
    for nb in [book_copy / "chapters" / "01_x.ipynb", book_copy / "templates" / "chapter_template.ipynb"]:
        assert quality.colab_cell_problems(nb, new) == []
    assert f'git+{new}"' in (book_copy / "docs" / "setup.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", ["github.com/a/b", "https://github.com/a/b.git", "https://github.com/a/b/", "https://example.com/a/b"])
def test_set_repository_rejects_bad_urls(book_copy, bad):
    assert set_repository.main([bad]) == 2
