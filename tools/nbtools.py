"""노트북을 만들고 정리하는 작은 도구 (집필용, 책에는 포함되지 않음).

- ``strip(path)``: 출력·실행 번호를 지웁니다 (`make strip`).
- ``md(text)``, ``code(text, tags=...)``, ``write_notebook(path, cells, timeout=...)``:
  파이썬 스크립트로 노트북을 만들 때 씁니다 (templates/make_template.py 참고).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}


def md(text: str) -> nbformat.NotebookNode:
    """마크다운 셀."""
    return nbformat.v4.new_markdown_cell(text.strip("\n"))


def code(text: str, tags: list[str] | None = None) -> nbformat.NotebookNode:
    """코드 셀. ``tags`` 예: ``["remove-cell"]``, ``["skip-execution"]``."""
    cell = nbformat.v4.new_code_cell(text.strip("\n"))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def write_notebook(path: str | Path, cells: list, *, timeout: int) -> None:
    """출력 없는 노트북을 씁니다. ``timeout`` 은 셀 하나의 실행 제한(초)."""
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata["language_info"] = {"name": "python"}
    # 셀 하나의 실행 제한(초): nbmake는 execution.timeout, 책 빌드(myst-nb)는 mystnb.execution_timeout을 읽습니다.
    nb.metadata["execution"] = {"timeout": int(timeout)}
    nb.metadata["mystnb"] = {"execution_timeout": int(timeout)}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"c{i:03d}"
    nbformat.validate(nb)
    Path(path).write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def strip(path: str | Path) -> bool:
    """출력과 실행 번호를 지웁니다. 바뀌었으면 True."""
    p = Path(path)
    nb = nbformat.read(p, as_version=4)
    changed = False
    for cell in nb.cells:
        if cell.cell_type == "code":
            if cell.outputs or cell.execution_count is not None:
                changed = True
            cell.outputs = []
            cell.execution_count = None
        for key in ("execution", "collapsed", "scrolled"):
            if key in cell.metadata:
                del cell.metadata[key]
                changed = True
    if changed:
        p.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return changed


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        if strip(arg):
            print(f"정리함: {arg}")
