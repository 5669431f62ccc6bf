"""저장소 주소를 바꿉니다: `make set-repository URL=https://github.com/OWNER/REPO`.

주소의 원본은 `_config.yml`의 `repository.url` 한 곳입니다. 이 스크립트는 그 값을 바꾸고,
같은 주소를 적어 둔 곳(모든 노트북의 Colab 설치 셀, docs/*.md의 예시)도 함께 고칩니다.
테스트(tests/test_notebooks.py, tests/test_set_repository.py)가 둘이 어긋나지 않았는지 확인합니다.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from quality import repository_url

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "_config.yml"
URL_RE = re.compile(r"^https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?<!\.git)$")




def files_with_url() -> list[Path]:
    """저장소 주소가 들어 있을 수 있는 파일들."""
    globs = ["chapters/*.ipynb", "templates/*.ipynb", "docs/*.md"]
    return [p for g in globs for p in sorted(ROOT.glob(g))]


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not URL_RE.match(argv[0]):
        print("사용법: make set-repository URL=https://github.com/OWNER/REPO (끝에 .git이나 / 없이)")
        return 2
    new, old = argv[0], repository_url(CONFIG.parent)
    if new == old:
        print("이미 같은 주소입니다.")
        return 0
    text = CONFIG.read_text(encoding="utf-8")
    CONFIG.write_text(text.replace(f"url: {old}", f"url: {new}", 1), encoding="utf-8")
    for path in files_with_url():
        body = path.read_text(encoding="utf-8")
        if old in body:
            path.write_text(body.replace(old, new), encoding="utf-8")
            print(f"고침: {path.relative_to(ROOT)}")
    print(f"저장소 주소: {old} → {new}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
