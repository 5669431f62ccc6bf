"""책의 품질 검사 함수 모음 (tests/가 사용합니다).

각 함수는 문제 목록(문자열 리스트)을 돌려주며, 빈 목록이면 통과입니다. 테스트는 실제 책에
대해 빈 목록을 기대하고, 일부러 심은 위반 사례에 대해서는 문제를 찾아내는지 확인합니다.
"""

from __future__ import annotations

import io
import re
import statistics
import tokenize
from pathlib import Path
from typing import Iterable

import nbformat
import yaml

from toc_notebooks import toc_files

ROOT = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------------------
# 공통
# ---------------------------------------------------------------------------


def toc_entries(root: Path = ROOT) -> list[str]:
    """_toc.yml의 모든 항목(확장자 없는 경로). Makefile과 같은 읽기 방법(tools/toc_notebooks.py)을 씁니다."""
    return toc_files(root / "_toc.yml")


def chapter_notebooks(root: Path = ROOT) -> list[Path]:
    """chapters/ 아래의 모든 노트북."""
    return sorted((root / "chapters").glob("*.ipynb"))


def read_nb(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def repository_url(root: Path = ROOT) -> str:
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    return config["repository"]["url"]


# ---------------------------------------------------------------------------
# 목차와 노트북 형식
# ---------------------------------------------------------------------------


def toc_problems(root: Path = ROOT) -> list[str]:
    """목차에 없는 노트북, 파일이 없는 목차 항목."""
    entries = toc_entries(root)
    problems = []
    for entry in entries:
        if not any((root / f"{entry}{ext}").is_file() for ext in (".md", ".ipynb")):
            problems.append(f"_toc.yml의 '{entry}'에 해당하는 파일이 없습니다")
    listed = {f"{e}.ipynb" for e in entries}
    for nb in chapter_notebooks(root):
        rel = nb.relative_to(root).as_posix()
        if rel not in listed:
            problems.append(f"{rel}이(가) _toc.yml에 없습니다")
    return problems


def output_problems(path: Path) -> list[str]:
    """출력이나 실행 번호가 남은 셀."""
    nb = read_nb(path)
    return [
        f"{path.name} 셀 {i}: 출력 또는 실행 번호가 남아 있습니다 (make strip)"
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]


COLAB_CELL = '''# Colab에서만 교재 도우미 패키지(helpers)를 설치합니다 (다른 환경에서는 건너뜀).
import sys

if "google.colab" in sys.modules:
    %pip install -q "git+{url}"'''

# Colab에 없는 패키지가 필요한 장만 helpers를 pyproject.toml의 추가 묶음(extra)과 함께 설치합니다.
# 이 표에 있는 장은 아래 변형 셀을, 나머지 장은 표준 셀을 글자 하나까지 그대로 씁니다.
COLAB_EXTRAS = {"10_hyperparameter_tuning.ipynb": "tuning"}  # keras-tuner, scikeras

COLAB_CELL_WITH_EXTRA = '''# Colab에서만 교재 도우미 패키지(helpers)를 튜닝 도구(keras-tuner, scikeras)와 함께 설치합니다 (다른 환경에서는 건너뜀).
import sys

if "google.colab" in sys.modules:
    %pip install -q "dlbook-ko-helpers[{extra}] @ git+{url}"'''

SECTION_ORDER = ["## 학습 목표", "## 요약", "## 연습문제", "## 스터디 토론 질문"]


def expected_colab_cell(name: str, url: str) -> str:
    """노트북 파일 이름 ``name`` 의 첫 코드 셀이어야 하는 Colab 설치 셀 (COLAB_EXTRAS의 장만 변형)."""
    extra = COLAB_EXTRAS.get(name)
    if extra is None:
        return COLAB_CELL.format(url=url)
    return COLAB_CELL_WITH_EXTRA.format(extra=extra, url=url)


def colab_cell_problems(path: Path, url: str) -> list[str]:
    """첫 코드 셀이 저장소 주소와 맞는 Colab 설치 셀인지 (COLAB_EXTRAS의 장은 추가 묶음을 설치하는 변형)."""
    nb = read_nb(path)
    codes = [c for c in nb.cells if c.cell_type == "code"]
    if not codes:
        return [f"{path.name}: 코드 셀이 없습니다"]
    expected = expected_colab_cell(path.name, url)
    if codes[0].source.strip() != expected:
        found = re.findall(r"git\+(\S+?)\"", codes[0].source)
        return [
            f"{path.name}: 첫 코드 셀이 표준 Colab 설치 셀과 다릅니다 "
            f"(저장소 주소 기대값 {url}, 찾은 값 {found or '없음'})"
        ]
    return []


def shape_problems(path: Path) -> list[str]:
    """장의 모양: 제목, 설정 셀, 절 순서, 연습문제, 숨은 확인 셀, 셀 길이, 시간 제한."""
    nb = read_nb(path)
    name = path.name
    problems: list[str] = []
    cells = nb.cells
    if not cells or cells[0].cell_type != "markdown" or not re.match(r"^# \d+장\. \S", cells[0].source):
        problems.append(f"{name}: 첫 셀은 '# N장. 제목' 마크다운이어야 합니다")
    codes = [c for c in cells if c.cell_type == "code"]
    if len(codes) < 2 or "environment.setup(seed=" not in codes[1].source:
        problems.append(f"{name}: 두 번째 코드 셀에서 environment.setup(seed=...)를 불러야 합니다")
    headings = [
        line.strip()
        for c in cells
        if c.cell_type == "markdown"
        for line in c.source.splitlines()
        if line.startswith("## ")
    ]
    positions = []
    for section in SECTION_ORDER:
        hits = [i for i, h in enumerate(headings) if h == section]
        if len(hits) != 1:
            problems.append(f"{name}: '{section}' 절이 정확히 한 번 있어야 합니다 (찾은 횟수 {len(hits)})")
            positions.append(-1)
        else:
            positions.append(hits[0])
    if -1 not in positions:
        if positions != sorted(positions):
            problems.append(f"{name}: 절 순서는 {' → '.join(SECTION_ORDER)} 여야 합니다")
        elif positions[1] - positions[0] < 2:
            problems.append(f"{name}: 학습 목표와 요약 사이에 본문 절(## N.1 …)이 있어야 합니다")
    markdown = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    # 학습 목표는 독자가 처음 보는 것: 첫 코드 셀(설치·설정)보다 앞에 있어야 합니다.
    first_code = next((i for i, c in enumerate(cells) if c.cell_type == "code"), len(cells))
    if not any(c.cell_type == "markdown" and "## 학습 목표" in c.source for c in cells[:first_code]):
        problems.append(f"{name}: '## 학습 목표'는 첫 코드 셀(설치·설정 셀)보다 앞에 있어야 합니다")
    # 연습문제 머리(부제와 :옵션: 줄)를 한 번에 읽습니다.
    headers = re.findall(r"```\{exercise\}([^\n]*)\n((?::[^\n]*\n)*)", markdown)
    labels = [m.group(1) for _, options in headers if (m := re.search(r":label:\s*(\S+)", options))]
    if not labels:
        problems.append(f"{name}: 연습문제({{exercise}})가 없습니다")
    # 연습문제 번호는 장마다 1부터입니다. 제목(「연습 2.1」, 「풀이 2.1」)은 책 빌드의 지역 확장(_ext/)이
    # 레이블 chNN-exK에서 만듭니다. 그래서 부제와 :nonumber: 없이 레이블만 순서대로 답니다.
    chapter = re.match(r"^# (\d+)장", cells[0].source) if cells and cells[0].cell_type == "markdown" else None
    for k, (subtitle, options) in enumerate(headers, start=1):
        expected = f"ch{int(chapter.group(1)):02d}-ex{k}" if chapter else f"chNN-ex{k}"
        label = re.search(r":label:\s*(\S+)", options)
        if subtitle.strip() or ":nonumber:" in options or not label or label.group(1) != expected:
            problems.append(
                f"{name}: {k}번째 연습문제는 부제와 :nonumber: 없이 '```{{exercise}}' 다음 줄에 "
                f"':label: {expected}'를 달아야 합니다"
            )
    for label in labels:
        if not re.search(r"```\{solution\}\s*" + re.escape(label) + r"\s*\n(?::[^\n]*\n)*:class:\s*dropdown", markdown):
            problems.append(f"{name}: 연습문제 {label}의 접힌 풀이({{solution}} … :class: dropdown)가 없습니다")
    # 숨은 결과 확인 셀: 마지막 셀은 remove-cell 태그를 단 코드 셀이고 checks를 씁니다.
    last = cells[-1] if cells else None
    if last is None or last.cell_type != "code" or "remove-cell" not in last.metadata.get("tags", []):
        problems.append(f"{name}: 마지막 셀은 'remove-cell' 태그를 단 결과 확인 코드 셀이어야 합니다")
    else:
        hidden = [c for c in codes if "remove-cell" in c.metadata.get("tags", [])]
        if not any("checks." in c.source for c in hidden):
            problems.append(f"{name}: 숨은 확인 셀에서 helpers.checks로 결과를 확인해야 합니다")
    lengths = [len(c.source.strip().splitlines()) for c in codes]
    if lengths and statistics.median(lengths) > 5:
        problems.append(f"{name}: 코드 셀 줄 수의 중앙값이 {statistics.median(lengths)}줄입니다 (5줄 이하)")
    timeout = nb.metadata.get("execution", {}).get("timeout")
    if not isinstance(timeout, int) or timeout <= 0:
        problems.append(f"{name}: 노트북 메타데이터 execution.timeout(초)이 없습니다")
    elif nb.metadata.get("mystnb", {}).get("execution_timeout") != timeout:
        problems.append(f"{name}: 메타데이터 mystnb.execution_timeout이 execution.timeout({timeout})과 같아야 합니다 (책 빌드용)")
    for i, c in enumerate(codes):
        for call in _keras_fit_calls(c.source):
            if "verbose=" not in call:
                problems.append(f"{name} 코드 셀 {i}: fit()에 verbose=2(또는 0)를 주세요 (진행 막대가 출력을 부풀립니다)")
    return problems


_KERAS_FIT_ARGS = ("epochs=", "batch_size=", "validation_data=", "validation_split=", "callbacks=")


def _keras_fit_calls(source: str) -> list[str]:
    """케라스 fit() 호출의 인자 문자열들 (scikit-learn의 fit(X, y)과 구별하려고 케라스 인자가 있는 것만)."""
    calls = []
    for match in re.finditer(r"\.fit\(", source):
        depth, end = 0, match.end() - 1
        for end in range(match.end() - 1, len(source)):
            depth += {"(": 1, ")": -1}.get(source[end], 0)
            if depth == 0:
                break
        args = source[match.end(): end]
        if any(key in args for key in _KERAS_FIT_ARGS):
            calls.append(args)
    return calls


# ---------------------------------------------------------------------------
# 케라스 2 방식 (코드에만 적용; 본문 설명은 허용)
# ---------------------------------------------------------------------------

IDIOMS: list[tuple[str, re.Pattern[str]]] = [
    ("lr= (케라스 3에서는 learning_rate=)", re.compile(r"\blr\s*=")),
    ("input_shape= (keras.Input(shape=...)을 쓰세요)", re.compile(r"\binput_shape\s*=")),
    ("input_dim= (keras.Input(shape=...)을 쓰세요)", re.compile(r"\binput_dim\s*=")),
    ("keras.wrappers.scikit_learn (scikeras를 쓰세요)", re.compile(r"wrappers\.scikit_learn")),
    ("predict_classes (np.argmax(model.predict(...))를 쓰세요)", re.compile(r"\bpredict_classes\b")),
    ("fit_generator/evaluate_generator/predict_generator (fit/evaluate/predict를 쓰세요)",
     re.compile(r"\b(fit|evaluate|predict)_generator\b")),
    ("np_utils (keras.utils.to_categorical을 쓰세요)", re.compile(r"\bnp_utils\b")),
    ("'.h5' 모델 파일 (.keras, 가중치는 .weights.h5)", re.compile(r"""(?<!\.weights)\.h5['"]""")),
    ("장치 이름 하드코딩 (CPU/GPU 어디서나 돌게 두세요)",
     re.compile(r"""['"](/?(job:[^'"]*/)?(device:)?[GC]PU:\d+)['"]|\btf\.device\(""")),
]


def _split_comments(source: str) -> tuple[str, str]:
    """파이썬 코드를 (주석을 지운 코드, 주석들)로 나눕니다. IPython 매직 줄(%, !)은 코드로 둡니다."""
    lines = source.splitlines()
    magic = {i for i, line in enumerate(lines) if line.lstrip().startswith(("%", "!"))}
    python = "\n".join("" if i in magic else line for i, line in enumerate(lines))
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(python).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return re.sub(r"#.*", "", source), "\n".join(re.findall(r"#.*", source))
    comments = []
    for token in tokens:
        if token.type == tokenize.COMMENT:
            row, col = token.start
            lines[row - 1] = lines[row - 1][:col]
            comments.append(token.string)
    return "\n".join(lines), "\n".join(comments)


def idiom_problems_in_code(source: str, where: str) -> list[str]:
    """코드 문자열에서 케라스 2 방식을 찾습니다."""
    code, _ = _split_comments(source)
    return [f"{where}: {label}" for label, pattern in IDIOMS if pattern.search(code)]


def idiom_problems(paths: Iterable[Path]) -> list[str]:
    """노트북의 코드 셀과 파이썬 파일에서 케라스 2 방식을 찾습니다."""
    problems: list[str] = []
    for path in paths:
        if path.suffix == ".ipynb":
            for i, cell in enumerate(read_nb(path).cells):
                if cell.cell_type == "code":
                    problems += idiom_problems_in_code(cell.source, f"{path.name} 셀 {i}")
        else:
            problems += idiom_problems_in_code(path.read_text(encoding="utf-8"), path.name)
    return problems


# ---------------------------------------------------------------------------
# 용어
# ---------------------------------------------------------------------------


def load_terms(root: Path = ROOT) -> list[dict]:
    return yaml.safe_load((root / "docs" / "terms.yml").read_text(encoding="utf-8"))


_ROLE = re.compile(r"\{term\}`([^`<]+?)(?:\s*<[^>]+>)?`")
_OTHER_ROLE = re.compile(r"\{[a-z:-]+\}`[^`]*`")
_FENCE = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1\s*$", re.S | re.M)
_DIRECTIVE = re.compile(r"^[`~]{3,}\{")
_INLINE = re.compile(r"`[^`\n]*`")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def prose(markdown: str) -> str:
    """마크다운에서 코드(펜스, 인라인)와 역할 구문을 걷어 낸 본문. {term}`X`는 X로 남깁니다."""
    text = _FENCE.sub(lambda m: _directive_body(m.group(0)) if _DIRECTIVE.match(m.group(0)) else "", markdown)
    text = _ROLE.sub(lambda m: m.group(1), text)
    text = _OTHER_ROLE.sub("", text)
    return _INLINE.sub("", text)


def _directive_body(block: str) -> str:
    """```{exercise} 같은 지시어 블록은 본문이므로 남기되, 그 안의 코드 블록은 지웁니다."""
    lines = block.splitlines()[1:-1]
    body = "\n".join(line for line in lines if not line.startswith(":"))
    return prose(body)


def korean_texts(root: Path = ROOT) -> list[tuple[str, str]]:
    """(위치, 한국어 본문) 목록: 노트북 마크다운·코드 주석, docs/*.md, intro.md, README.md."""
    texts = []
    for nb_path in chapter_notebooks(root):
        for i, cell in enumerate(read_nb(nb_path).cells):
            body = prose(cell.source) if cell.cell_type == "markdown" else _split_comments(cell.source)[1]
            texts.append((f"{nb_path.name} 셀 {i}", body))
    for md_path in [root / "intro.md", root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        if md_path.is_file() and md_path.name != "glossary.md":
            text = _ENGLISH_SUMMARY.sub("", md_path.read_text(encoding="utf-8"))
            texts.append((md_path.relative_to(root).as_posix(), prose(text)))
    return texts


#: README의 영어 요약 인용 단락 (한국어 본문 검사에서 뺍니다).
_ENGLISH_SUMMARY = re.compile(r"^> \*\*English summary\.\*\*.*?(?=^(?!>))", re.S | re.M)


def rejected_term_problems(texts: Iterable[tuple[str, str]], terms: list[dict]) -> list[str]:
    """용어집이 쓰지 않기로 한 표기가 본문에 있는지.

    용어 바로 뒤 괄호 속의 영어 병기(``텐서플로(TensorFlow)``)는 다른 표기가 아니라 원어이므로 허용합니다.
    """
    problems = []
    for where, text in texts:
        for term in terms:
            glossed = re.sub(re.escape(term["ko"]) + r"[*_]*\s*\([^)]*\)", term["ko"], text)
            for variant in term["reject"]:
                if variant in glossed:
                    problems.append(f"{where}: '{variant}' 대신 '{term['ko']}'를 쓰세요")
    return problems


def _english_core(en: str) -> str:
    return re.sub(r"\s*\(.*\)\s*$", "", en).lower()


def _starts_word(text: str, index: int, term: str) -> bool:
    """term이 index에서 낱말의 시작인지 (앞 글자가 한글·영문자가 아님)."""
    if index == 0:
        return True
    prev = text[index - 1]
    if _HANGUL.match(term[0]):
        return not _HANGUL.match(prev)
    return not prev.isalnum()


def first_use_problems(path: Path, terms: list[dict]) -> list[str]:
    """장에서 용어를 처음 쓸 때 '한국어(English)' 꼴인지 (제목 줄 제외)."""
    nb = read_nb(path)
    lines = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            lines += [line for line in prose(cell.source).splitlines() if not line.lstrip().startswith("#")]
    text = "\n".join(lines)
    problems = []
    for term in terms:
        ko = term["ko"]
        start = 0
        while True:
            index = text.find(ko, start)
            if index < 0 or _starts_word(text, index, ko):
                break
            start = index + 1
        if index < 0:
            continue
        after = text[index + len(ko): index + len(ko) + 80]
        match = re.match(r"[*_]*\s*\(([^)]*(?:\([^)]*\))?[^)]*)\)", after)  # **굵게**(English)도 허용
        english = _english_core(term["en"])
        normalized = lambda s: re.sub(r"[\s-]+", " ", s.lower())  # noqa: E731
        if not match or normalized(english) not in normalized(match.group(1)):
            snippet = text[max(0, index - 10): index + len(ko) + 20].replace("\n", " ")
            problems.append(f"{path.name}: '{ko}'를 처음 쓸 때 '{ko}({english})'처럼 영어를 함께 적으세요: …{snippet}…")
    return problems


# ---------------------------------------------------------------------------
# 한국어 강조 표시: "**용어(term)**입니다"는 CommonMark에서 굵게 되지 않습니다
# ---------------------------------------------------------------------------

_MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.S)
_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") | {"“", "”", "‘", "’", "·", "…", "（", "）"}


def _flanking(prev: str, nxt: str) -> tuple[bool, bool]:
    """CommonMark 규칙에 따른 (왼쪽 flanking, 오른쪽 flanking). 빈 문자열은 줄의 끝."""
    ws_prev, ws_next = (prev == "" or prev.isspace()), (nxt == "" or nxt.isspace())
    p_prev, p_next = prev in _PUNCT, nxt in _PUNCT
    left = not ws_next and (not p_next or ws_prev or p_prev)
    right = not ws_prev and (not p_prev or ws_next or p_next)
    return left, right


def emphasis_problems(markdown: str, where: str) -> list[str]:
    """짝이 맞지 않아 글자 그대로 보이게 될 `**`/`*` 강조를 찾습니다.

    CommonMark에서 닫는 `**`는 앞이 문장 부호이면 뒤도 공백·문장 부호여야 합니다. 그래서
    `**다층 퍼셉트론(MLP)**입니다`는 굵게 되지 않고 별표가 그대로 보입니다.
    `**다층 퍼셉트론**(MLP)입니다`처럼 괄호를 강조 밖으로 빼면 됩니다.
    """
    text = _FENCE.sub("", markdown)
    text = _MATH.sub("M", text)
    text = re.sub(r"`[^`\n]*`", "`c`", text)
    problems = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"^\s*([*+-]|\d+\.)\s+", "", line) for line in paragraph.splitlines()]
        body = "\n".join(lines)
        for size in (2, 1):
            runs = [m for m in re.finditer(r"(?<!\*)\*+(?!\*)", body) if len(m.group(0)) == size]
            opening = True
            for m in runs:
                prev = body[m.start() - 1] if m.start() else ""
                nxt = body[m.end()] if m.end() < len(body) else ""
                left, right = _flanking(prev, nxt)
                ok = left if opening else right
                if not ok:
                    snippet = body[max(0, m.start() - 20): m.end() + 10].replace("\n", " ")
                    kind = "여는" if opening else "닫는"
                    problems.append(f"{where}: {kind} '{'*' * size}'가 강조로 인식되지 않습니다: …{snippet}…")
                    break
                opening = not opening
    return problems


# ---------------------------------------------------------------------------
# 측정값은 glue로: 본문의 측정 수치는 손으로 적지 않고 그 값을 잰 실행에서 가져옵니다
# ---------------------------------------------------------------------------

GLUE_ALLOWLIST = ROOT / "tools" / "glue_allowlist.yml"
#: 측정을 말하는 낱말. 이 근처의 소수·백분율, 그리고 모든 'N초'는 glue로 붙여야 합니다.
_MEASURE_WORDS = re.compile(r"정확도|손실|오차|MSE|MAE|RMSE")
_MEASURED_NUMBER = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)*\s*초(?!기|과)|\d+(?:\.\d+)?\s*%|\d+\.\d+)")
_WINDOW = 20  # 측정 낱말을 찾는 범위 (숫자 앞뒤 글자 수)
#: 생성된 문서는 숫자를 결과 파일에서 만들므로 손으로 적은 것이 아닙니다.
GENERATED_MARKER = "자동 생성"


def load_glue_allowlist(path: Path = GLUE_ALLOWLIST) -> list[dict]:
    """허용 목록: 측정값이 아닌 수(이론값, 목표, 인용)와 그 이유. 항목마다 file, pattern, reason."""
    if not path.is_file():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for entry in entries:
        if not str(entry.get("reason", "")).strip() or not entry.get("pattern") or not entry.get("file"):
            raise ValueError(f"{path.name}: 항목마다 file, pattern, reason이 있어야 합니다: {entry}")
    return entries


def measured_texts(root: Path = ROOT) -> list[tuple[str, str, str]]:
    """(파일 이름, 위치, 본문) 목록: 장 노트북의 마크다운 셀과 intro.md, README.md, docs/*.md (생성된 문서 제외)."""
    texts = []
    for nb_path in chapter_notebooks(root):
        for i, cell in enumerate(read_nb(nb_path).cells):
            if cell.cell_type == "markdown":
                texts.append((nb_path.name, f"{nb_path.name} 셀 {i}", prose(cell.source)))
    for md_path in [root / "intro.md", root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        if not md_path.is_file():
            continue
        text = md_path.read_text(encoding="utf-8")
        if GENERATED_MARKER in text.split("\n", 1)[0] or md_path.name == "glossary.md":
            continue
        rel = md_path.relative_to(root).as_posix()
        texts.append((rel, rel, prose(_ENGLISH_SUMMARY.sub("", text))))
    return texts


def unglued_number_problems(
    texts: Iterable[tuple[str, str, str]], allow: list[dict], used: set[int] | None = None
) -> list[str]:
    """측정 낱말(정확도, 손실, 오차 …) 근처의 소수·백분율과 모든 'N초'가 glue 없이 적혀 있는 곳.

    ``{glue:text}`` 역할은 :func:`prose` 가 걷어 내므로 glue로 붙인 수는 걸리지 않습니다. 수식은 이론이므로 뺍니다.
    허용 목록 항목(``file``, ``pattern``: 숫자 주변 글자에 대한 정규식, ``reason``)에 맞으면 통과하고,
    ``used`` 에 그 항목의 번호를 더합니다(쓰이지 않는 항목을 찾는 데 씁니다).
    """
    problems = []
    for file, where, text in texts:
        for line in _MATH.sub(" ", text).splitlines():
            if line.lstrip().startswith("#"):
                continue  # 제목의 절 번호(## 3.5 …)
            for m in _MEASURED_NUMBER.finditer(line):
                window = line[max(0, m.start() - _WINDOW): m.end() + _WINDOW]
                if not (m.group(0).rstrip().endswith("초") or _MEASURE_WORDS.search(window)):
                    continue
                hits = [k for k, e in enumerate(allow) if e["file"] == file and re.search(e["pattern"], window)]
                if hits:
                    if used is not None:
                        used.update(hits)
                    continue
                problems.append(
                    f"{where}: 측정값 '{m.group(0).strip()}'을(를) 손으로 적었습니다 — glue로 붙이거나 "
                    f"(helpers.glue.glue + {{glue:text}}), 측정값이 아니면 tools/glue_allowlist.yml에 이유와 함께 "
                    f"적으세요: …{window.strip()}…"
                )
    return problems
