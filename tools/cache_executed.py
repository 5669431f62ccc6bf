"""pytest --nbmake로 실행한 노트북 복사본의 결과를 책 빌드 캐시에 넣습니다 (make test가 사용).

사용법: `python tools/cache_executed.py .nbexec/chapters`

jupyter-book(myst-nb)의 `execute_notebooks: cache`는 노트북의 코드 셀 내용과 메타데이터의
해시로 캐시를 찾습니다. 여기서는 **원본 노트북**(chapters/…)에 실행된 복사본의 출력을 셀마다
옮겨 붙인 다음 그 원본 경로로 캐시에 넣습니다. 해시는 원본과 똑같으므로 책 빌드는 노트북을
다시 실행하지 않고 이 출력을 씁니다. 셀 구성이 다르면(복사 후 원본이 바뀐 경우) 넣지 않고
알리며, 그때 책 빌드가 그 노트북을 직접 실행합니다. 실행 오류가 출력된 노트북은 넣지 않고
실패합니다(종료 코드 1).

캐시를 언제 비우고 책 빌드가 무엇을 다시 읽을지는 tools/build_guard.py가 정합니다
(make notebooks가 이 도구보다 먼저 `build_guard.py prepare`를 부릅니다).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import yaml
from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn

ROOT = Path(__file__).resolve().parents[1]


def cache_path() -> Path:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return ROOT / config["execute"]["cache"]


def merge_outputs(source: nbformat.NotebookNode, executed: nbformat.NotebookNode) -> bool:
    """실행본의 출력을 원본에 옮깁니다. 셀 구성이 같으면 True."""
    if len(source.cells) != len(executed.cells):
        return False
    for src, ran in zip(source.cells, executed.cells):
        if src.cell_type != ran.cell_type or src.source != ran.source:
            return False
        if src.cell_type == "code":
            src.outputs = ran.outputs
            src.execution_count = ran.execution_count
    return True


def has_error_output(nb: nbformat.NotebookNode) -> bool:
    """실행 오류(error 출력)가 있는 노트북인지: 그런 결과는 캐시에 넣지 않습니다."""
    return any(out.get("output_type") == "error" for cell in nb.cells for out in cell.get("outputs", []))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    executed_dir = Path(argv[0])
    cache = get_cache(str(cache_path()))
    count, failed = 0, []
    for executed_path in sorted(executed_dir.glob("*.ipynb")):
        source_path = ROOT / "chapters" / executed_path.name
        source = nbformat.read(source_path, as_version=4)
        executed = nbformat.read(executed_path, as_version=4)
        if has_error_output(executed):
            failed.append(str(source_path.relative_to(ROOT)))
            continue
        if not merge_outputs(source, executed):
            print(f"건너뜀(원본이 바뀜): {source_path.relative_to(ROOT)}")
            continue
        cache.cache_notebook_bundle(
            CacheBundleIn(source, str(source_path), data={"source": "pytest --nbmake"}),
            check_validity=False,
            overwrite=True,
        )
        count += 1
    print(f"책 빌드 캐시에 실행 결과 {count}개를 넣었습니다: {cache_path().relative_to(ROOT)}")
    if failed:
        print(f"실행 오류가 출력된 노트북은 캐시에 넣지 않았습니다: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
