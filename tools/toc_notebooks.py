"""_toc.yml에 있는 노트북(.ipynb) 경로를 한 줄에 하나씩 출력합니다 (Makefile과 테스트가 사용).

시스템 파이썬으로도 돌아가도록 PyYAML 없이 `file:` 줄만 읽습니다.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def toc_files(toc: Path = ROOT / "_toc.yml") -> list[str]:
    """_toc.yml의 모든 `file:`/`root:` 항목(확장자 없이)."""
    entries = []
    for line in toc.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*(?:-\s*)?(?:file|root):\s*(\S+)\s*$", line)
        if m:
            entries.append(m.group(1))
    return entries


def toc_notebooks() -> list[str]:
    """목차에 있는 노트북의 상대 경로."""
    return [f"{e}.ipynb" for e in toc_files() if (ROOT / f"{e}.ipynb").is_file()]


if __name__ == "__main__":
    sys.stdout.write("\n".join(toc_notebooks()) + "\n")
