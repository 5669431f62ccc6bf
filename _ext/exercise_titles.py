"""연습문제와 풀이의 제목을 장마다 「연습 2.1」, 「풀이 2.1」로 붙이는 지역 확장.

sphinx-exercise는 연습문제를 책 전체에서 이어 세고(「연습 17」), 풀이 제목을 「해답 연습 17」처럼 만듭니다.
목차의 자동 번호(numbered)를 켜면 장 번호가 붙지만, 본문에 직접 적은 「## 2.4 …」 절 제목에 번호가 한 번 더
붙고 앞쪽 안내 쪽까지 셉니다. 그래서 번호는 레이블에서 얻습니다: 집필 규칙대로 연습문제 레이블은
``chNN-exK``(NN: 장 번호, K: 장 안의 순서)이고(tools/quality.py의 모양 검사가 확인), 이 확장이

1. 스핑크스가 매긴 그림 번호 표(``env.toc_fignumbers``)에서 연습문제 번호를 ``(NN, K)``로 바꿉니다.
   그러면 연습문제 제목(「연습 2.1」), ``{numref}``와 ``{ref}`` 참조가 모두 같은 번호를 씁니다(HTML과 PDF).
2. 풀이 제목을 「풀이 2.1」로 바꿉니다 (본문이 부르는 이름이 풀이입니다).

레이블이 이 꼴이 아닌 연습문제는 sphinx-exercise의 번호를 그대로 둡니다.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

LABEL = re.compile(r"^ch(\d+)-ex(\d+)$")
SOLUTION_TITLE = "풀이"


def chapter_number(label: str) -> tuple[int, int] | None:
    """레이블 ``chNN-exK``에서 (장 번호, 장 안의 순서). 꼴이 다르면 None."""
    match = LABEL.match(label)
    return (int(match.group(1)), int(match.group(2))) if match else None


def renumber_exercises(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """스핑크스가 책 전체에서 이어 센 연습문제 번호를 레이블의 (장, 순서)로 바꿉니다.

    ``env-get-updated``에서 목차 수집기(번호 매기기) 다음에 실행되며, 번호가 바뀐 문서 이름을 돌려줍니다.
    """
    changed = []
    for docname, fignumbers in env.toc_fignumbers.items():
        for node_id, number in list(fignumbers.get("exercise", {}).items()):
            wanted = chapter_number(node_id)
            if wanted and tuple(number) != wanted:
                fignumbers["exercise"][node_id] = wanted
                changed.append(docname)
    return sorted(set(changed))


def exercise_number(env: BuildEnvironment, label: str) -> str | None:
    """연습문제 레이블의 번호 문자열(「2.1」). 연습문제가 아니거나 번호가 없으면 None."""
    entry = getattr(env, "sphinx_exercise_registry", {}).get(label)
    if not entry:
        return None
    number = env.toc_fignumbers.get(entry.get("docname", ""), {}).get("exercise", {}).get(label)
    return ".".join(map(str, number)) if number else None


class SolutionTitles(SphinxPostTransform):
    """풀이 제목 「해답 연습 2.1」(연습문제로 가는 링크 포함)을 「풀이 2.1」로 바꿉니다.

    풀이는 접혀 있고 제목 줄을 누르면 펼쳐지므로, 제목 안에 다른 곳으로 가는 링크를 두지 않습니다.
    sphinx-exercise의 제목 처리(우선순위 21, 22) 다음에 실행됩니다.
    """

    default_priority = 23

    def run(self, **kwargs: Any) -> None:
        from sphinx_exercise.nodes import solution_node

        registry = getattr(self.env, "sphinx_exercise_registry", {})
        titles: dict[str, str] = {}
        for node in self.document.findall(solution_node):
            number = exercise_number(self.env, node.get("target_label", ""))
            if number is None or not node.children or not isinstance(node.children[0], nodes.title):
                continue
            text = f"{SOLUTION_TITLE} {number}"
            node.children[0].replace_self(nodes.title(text, text))
            node["title"] = text
            titles[node.get("label", "")] = text
            if node.get("label") in registry:
                registry[node["label"]]["node"] = node
        # 풀이를 가리키는 참조의 글자도 같게 ({ref}`…` 가 풀이 레이블을 가리킬 때)
        for ref in self.document.findall(nodes.reference):
            text = titles.get(ref.get("refid", ""))
            if text and ref.children:
                ref.children[0].replace_self(nodes.inline(text, text))


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_exercise")
    # 목차 수집기(우선순위 500)가 그림 번호를 매긴 다음에 바꿉니다.
    app.connect("env-get-updated", renumber_exercises, priority=900)
    app.add_post_transform(SolutionTitles)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
