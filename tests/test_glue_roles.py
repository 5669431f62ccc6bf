"""본문의 glue 역할 검사: ``{glue:text}`이름:형식` ``의 모양이 맞고, 그 이름을 같은 노트북의 코드가 glue로 붙이는지.

백틱 하나가 빠지면(``{glue:text}`acc:.3f} 떨어졌습니다``) 역할이 다음 백틱까지 번져 문단이 깨지지만,
노트북 실행과 다른 검사는 통과합니다. 책을 빌드하기 전에 여기서 잡습니다.
"""

import re

import pytest

import quality

NOTEBOOKS = quality.chapter_notebooks()
#: 인라인 역할 ``{glue}``·``{glue:text}``·``{glue:md}`` 뒤의 백틱 안 내용(백틱이 없으면 빈 문자열).
#: ``{glue:figure}`` 같은 지시문은 울타리 안에 쓰므로 검사하지 않습니다.
_ROLE = re.compile(r"\{glue(?::(?:text|md))?\}(`[^`]*`)?")
#: 이름(파이썬 식별자)과 선택적인 형식. 형식에는 공백과 중괄호가 들어가지 않습니다.
_CONTENT = re.compile(r"`([A-Za-z_]\w*)(?::[^\s{}`]*)?`")
#: glue("이름", …), glue(f"이름_{k}", …), 그리고 이름을 변수로 넘기는 glue(name, …)
_GLUE_CALL = re.compile(r"""\bglue\(\s*(f?)(["'])([^"']*)\2|\bglue\(\s*[^\s"'f)]""")


def _glued_names(code: str) -> re.Pattern | None:
    """코드가 glue로 붙이는 이름과 맞는 정규식. 이름을 변수로 넘기면 알 수 없으므로 None."""
    patterns = []
    for m in _GLUE_CALL.finditer(code):
        if m.group(3) is None:
            return None
        name = m.group(3)
        patterns.append(re.sub(r"\\\{[^}]*\\\}", r"\\w+", re.escape(name)) if m.group(1) else re.escape(name))
    return re.compile("|".join(patterns) or "(?!)")


def glue_role_problems(markdown_cells: list[tuple[int, str]], code: str, where: str) -> list[str]:
    """모양이 깨진 glue 역할과, 코드가 glue로 붙이지 않는 이름을 찾습니다."""
    glued = _glued_names(code)
    problems = []
    for k, text in markdown_cells:
        for m in _ROLE.finditer(text):
            content = m.group(1) or ""
            name = _CONTENT.fullmatch(content)
            if not name:
                problems.append(f"{where} 셀 {k}: glue 역할의 모양이 깨졌습니다(백틱이 빠졌나요?): {m.group(0)[:60]!r}")
            elif glued is not None and not glued.fullmatch(name.group(1)):
                problems.append(f"{where} 셀 {k}: '{name.group(1)}'을(를) glue로 붙이는 코드 셀이 없습니다")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_glue_roles_are_well_formed_and_glued(path):
    cells = quality.read_nb(path).cells
    markdown = [(k, c.source) for k, c in enumerate(cells) if c.cell_type == "markdown"]
    code = "\n".join(c.source for c in cells if c.cell_type == "code")
    assert glue_role_problems(markdown, code, path.name) == []


@pytest.mark.parametrize(
    "text",
    ["정확도가 {glue:text}`drop:.3f} 떨어졌습니다. 훈련 정확도도 {glue:text}`acc:.3f`입니다.",
     "정확도는 {glue:text}`missing:.3f`입니다.", "정확도는 {glue:text} acc입니다."],
)
def test_planted_broken_or_unknown_roles_are_caught(text):
    assert glue_role_problems([(0, text)], 'glue("acc", 0.9)\nglue("drop", 0.1)', "planted")


def test_valid_roles_pass():
    text = "{glue:text}`acc:.3f`, {glue:text}`n:,`개, {glue:text}`share:.1%`, {glue:text}`name`, {glue:text}`loss_adam:.2f`"
    code = 'glue("acc", a)\nglue("n", n)\nx = glue("share", s)\nglue(\'name\', "x")\nglue(f"loss_{key}", v)'
    assert glue_role_problems([(0, text)], code, "ok") == []


def test_names_passed_as_variables_skip_the_name_check():
    assert glue_role_problems([(0, "{glue:text}`anything:.3f`")], "glue(name, v)", "ok") == []
