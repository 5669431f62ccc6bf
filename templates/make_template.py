"""templates/chapter_template.ipynb를 만듭니다: `python templates/make_template.py`.

새 장을 쓸 때는 이 스크립트를 복사해 셀 내용을 바꾸거나, 만들어진 노트북을 복사해 쓰세요.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))  # 집필 도구 (책·노트북과는 무관)

from nbtools import code, md, write_notebook  # noqa: E402
import yaml  # noqa: E402

REPO = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]["url"]

cells = [
    md("""
# 0장. 장 제목

한두 문장으로 이 장이 무엇을 다루는지 소개합니다.
"""),
    md("""
## 학습 목표

- 목표 1
- 목표 2
"""),
    code(f'''
# Colab에서만 교재 도우미 패키지(helpers)를 설치합니다 (다른 환경에서는 건너뜀).
import sys

if "google.colab" in sys.modules:
    %pip install -q "git+{REPO}"
'''),
    code("""
from helpers import environment

env = environment.setup(seed=42)  # 시드 고정 + 실행 환경 보고
"""),
    code("""
import numpy as np
import matplotlib.pyplot as plt
from helpers import checks, plotting
from helpers.glue import glue

plotting.use_korean_font();
"""),
    md("""
## N.1 첫 번째 절

용어를 처음 쓸 때는 {term}`가중치`(weight)처럼 영어를 함께 적습니다.
"""),
    code("""
x = np.linspace(-3, 3, 50)
y = 2 * x + 1
"""),
    code("""
fig, ax = plt.subplots(figsize=(4, 3))
ax.plot(x, y)
ax.set(title="한글 제목", xlabel="입력 x", ylabel="출력 y")
plt.show()
"""),
    code("""
slope = np.polyfit(x, y, 1)[0]
glue("slope", slope)
"""),
    md("""
측정한 수를 본문에 적을 때는 손으로 옮기지 않고 `glue`로 붙입니다. 기울기는 {glue:text}`slope:.1f`입니다.
"""),
    md("""
## 요약

- 요점 1
- 요점 2
"""),
    md("""
## 연습문제

```{exercise}
:label: ch00-ex1

문제를 적습니다.
```

```{solution} ch00-ex1
:class: dropdown

풀이를 적습니다. 코드 풀이는 `python` 코드 블록으로 적습니다.
```
"""),
    md("""
## 스터디 토론 질문

1. 토론 질문 1
2. 토론 질문 2
"""),
    code("""
# 숨은 결과 확인: 본문이 약속한 내용을 실제로 확인합니다 (책에는 보이지 않음).
checks.close(y, 2 * x + 1, "예시 직선")
""", tags=["remove-cell"]),
]

if __name__ == "__main__":
    write_notebook(ROOT / "templates" / "chapter_template.ipynb", cells, timeout=120)
    print("templates/chapter_template.ipynb")
