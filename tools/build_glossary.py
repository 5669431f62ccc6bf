"""docs/terms.yml에서 용어집 쪽(docs/glossary.md)을 만듭니다: `make glossary`.

`python tools/build_glossary.py --check`는 파일을 쓰지 않고, 지금 파일이
terms.yml과 다르면 0이 아닌 값으로 끝납니다 (테스트가 사용).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TERMS = ROOT / "docs" / "terms.yml"
GLOSSARY = ROOT / "docs" / "glossary.md"


def load_terms(path: Path = TERMS) -> list[dict]:
    """terms.yml을 읽고 형식을 확인합니다."""
    terms = yaml.safe_load(path.read_text(encoding="utf-8"))
    seen: set[str] = set()
    for t in terms:
        missing = {"ko", "en", "meaning", "reject"} - set(t)
        if missing:
            raise ValueError(f"{path}: 용어 {t!r}에 {sorted(missing)} 항목이 없습니다.")
        if t["ko"] in seen:
            raise ValueError(f"{path}: 용어 '{t['ko']}'가 두 번 나옵니다.")
        seen.add(t["ko"])
    return terms


def render(terms: list[dict]) -> str:
    """용어집 마크다운을 만듭니다 (가나다순)."""
    lines = [
        "# 용어집",
        "",
        "이 책은 한 개념에 한 가지 한국어 용어만 씁니다. 본문에서 용어를 처음 쓸 때는",
        "`가중치(weight)`처럼 영어를 함께 적습니다. 이 쪽은 `docs/terms.yml`에서 자동으로",
        "만들어지며(`make glossary`), CI가 본문에 다른 표기(오른쪽 열)가 섞이지 않았는지 확인합니다.",
        "",
        "```{glossary}",
    ]
    for t in sorted(terms, key=lambda t: t["ko"]):
        lines.append(t["ko"])
        reject = f" (쓰지 않는 표기: {', '.join(t['reject'])})" if t["reject"] else ""
        lines.append(f"  {t['en']} — {t['meaning']}{reject}")
        lines.append("")
    lines[-1:] = ["```", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    text = render(load_terms())
    if "--check" in argv:
        if not GLOSSARY.is_file() or GLOSSARY.read_text(encoding="utf-8") != text:
            print("docs/glossary.md가 docs/terms.yml과 다릅니다. `make glossary`를 실행하세요.")
            return 1
        return 0
    GLOSSARY.write_text(text, encoding="utf-8")
    print(f"{GLOSSARY.relative_to(ROOT)}: 용어 {text.count(chr(10) + '  ')}개")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
