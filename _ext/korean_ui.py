"""테마와 확장이 쪽마다 붙이는 영어 문구를 한국어로 바꾸는 지역 확장.

pydata-sphinx-theme에는 한국어 번역이 없고(「Toggle primary sidebar」, 「Color mode」, 「Link to this heading」),
sphinx-book-theme와 myst-nb, sphinx-togglebutton, sphinx-copybutton에는 번역 카탈로그를 거치지 않는 영어 문구가
있습니다. 이 확장은

1. ``_ext/locale/ko/LC_MESSAGES/<카탈로그>.po``를 읽어 각 카탈로그(sphinx, booktheme, togglebutton, exercise)의
   번역보다 **앞서** 쓰이게 합니다 (패키지의 번역이 없거나 어색한 문구를 고칩니다).
2. 번역 함수를 거치지 않는 테마 템플릿의 문구는 ``_ext/templates/``의 같은 이름 템플릿으로 덮어씁니다.
3. 브라우저에서 만들어지는 문구(복사 단추, 접기 단추의 aria-label)는 ``_ext/static/korean_ui.js``가 고칩니다.
4. myst-nb의 접힌 코드 셀 머리말을 접힌 것에 맞게(「코드 보기」, 「실행 결과 보기」) 쓰고, 영어 aria-label을 뺍니다.
5. 실행 결과 그림의 대체 텍스트(alt)가 파일 경로가 되지 않게 「코드 실행 결과 그림」을 넣습니다.
6. Colab 실행 단추의 풍선 도움말을 「Colab에서 열기」로 씁니다 (테마는 "Launch on" + " Colab"을 이어 붙입니다).
7. PDF(LaTeX): 스핑크스가 모르는 언어 코드 ko를 알려 줘 경고를 없앱니다. 한국어 조판은 kotex가 맡으므로
   babel/polyglossia는 쓰지 않습니다 (_config.yml의 latex_elements).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform

HERE = Path(__file__).resolve().parent
LOCALE = HERE / "locale"
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

#: 접힌 코드 셀 머리말 (myst-nb는 설정 하나에 {type}=source/output/outputs/content를 영어로 채웁니다)
HIDDEN_CELL_PROMPTS = {
    "source": ("코드 보기", "코드 숨기기"),
    "output": ("실행 결과 보기", "실행 결과 숨기기"),
    "all": ("셀 보기", "셀 숨기기"),
}
OUTPUT_IMAGE_ALT = "코드 실행 결과 그림"


# ---- 1. 번역 카탈로그 -------------------------------------------------------------


def catalog_files(language: str) -> list[Path]:
    return sorted((LOCALE / language / "LC_MESSAGES").glob("*.po"))


def read_catalog(path: Path) -> dict[str, str]:
    """.po 파일의 번역(빈 번역과 머리말은 뺍니다)."""
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        catalog = read_po(f)
    return {m.id: m.string for m in catalog if m.id and m.string and isinstance(m.id, str)}


def install_catalogs(app: Sphinx) -> None:
    """이 책의 번역을 각 카탈로그 번역기의 맨 앞에 둡니다 (패키지 번역보다 우선)."""
    from gettext import GNUTranslations, NullTranslations

    from sphinx import locale

    language = app.config.language
    for path in catalog_files(language):
        name = path.stem
        messages = read_catalog(path)
        translator = locale.translators.get(("general", name))
        if translator is None or type(translator) is NullTranslations:
            fresh = GNUTranslations()
            fresh._catalog = {}  # type: ignore[attr-defined]
            fresh.plural = lambda n: int(n != 1)  # type: ignore[attr-defined]
            if translator is not None:
                fresh.add_fallback(translator)
            translator = fresh
            locale.translators[("general", name)] = translator
            if name == "sphinx":
                app.translator = translator
        translator._catalog.update(messages)  # type: ignore[attr-defined]


def catalog_digest(language: str) -> str:
    """번역 파일이 바뀌면 HTML 쪽을 모두 다시 쓰도록 설정값에 넣는 지문."""
    digest = hashlib.sha256()
    for path in catalog_files(language):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


# ---- 2·3. 템플릿과 스크립트 -----------------------------------------------------------


def configure(app: Sphinx, config: Config) -> None:
    config.templates_path = [str(TEMPLATES), *config.templates_path]
    config.html_static_path = [*config.html_static_path, str(STATIC)]
    config.korean_ui_catalog_digest = catalog_digest(config.language or "ko")


# ---- 4·5. 접힌 셀 머리말, 그림 대체 텍스트 -------------------------------------------------


class KoreanCellPrompts(SphinxPostTransform):
    """myst-nb가 접은 셀(hide-input/hide-output/hide-cell)의 머리말을 접힌 내용에 맞게 씁니다."""

    default_priority = 200  # myst-nb의 HideInputCells(199) 다음
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        from myst_nb.sphinx_ import HideCodeCellNode

        for node in self.document.findall(HideCodeCellNode):
            inside = {child.get("nb_element") for child in node.children}
            if "cell_code_source" in inside and "cell_code_output" in inside:
                kind = "all"
            elif "cell_code_source" in inside:
                kind = "source"
            else:
                kind = "output"
            node["prompt_show"], node["prompt_hide"] = HIDDEN_CELL_PROMPTS[kind]


def visit_hidden_cell(self: Any, node: nodes.Element) -> None:
    """myst-nb의 ``<details>``와 같되, 보이는 머리말을 가리는 영어 aria-label을 달지 않습니다."""
    from html import escape

    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def depart_hidden_cell(self: Any, node: nodes.Element) -> None:
    self.body.append("</details>\n")


class OutputImageAlt(SphinxPostTransform):
    """실행 결과 그림에 대체 텍스트가 없으면 docutils가 파일 경로를 넣으므로 한국어 설명을 답니다."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for image in self.document.findall(nodes.image):
            if image.get("alt"):
                continue
            parent = image.parent
            while parent is not None and parent.get("nb_element") != "cell_code_output":
                parent = parent.parent
            if parent is not None:
                image["alt"] = OUTPUT_IMAGE_ALT


# ---- 6. 실행 단추 ----------------------------------------------------------------------


def launch_tooltips(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """테마가 만든 실행 단추(「Launch on」 + 이름)의 풍선 도움말을 「이름에서 열기」로."""

    def walk(buttons: list[dict]) -> None:
        for button in buttons:
            walk(button.get("buttons", []))
            if button.get("type") == "link" and button.get("icon", "").startswith("_static/images/logo_"):
                button["tooltip"] = f"{button['text']}에서 열기"

    walk(context.get("header_buttons", []))


# ---- 7. LaTeX --------------------------------------------------------------------------


def latex_language() -> None:
    """스핑크스의 LaTeX 빌더에 언어 코드 ko(babel 이름 korean)를 알려 줍니다 (경고 「no Babel option」 방지)."""
    from sphinx.builders.latex.util import ExtBabel

    ExtBabel.language_codes = {**ExtBabel.language_codes, "ko": "korean"}


def setup(app: Sphinx) -> dict[str, Any]:
    from myst_nb.sphinx_ import HideCodeCellNode

    app.setup_extension("myst_nb")
    app.add_config_value("korean_ui_catalog_digest", "", "html")
    app.connect("config-inited", configure)
    app.connect("builder-inited", install_catalogs)
    app.connect("html-page-context", launch_tooltips, priority=900)
    app.add_js_file("korean_ui.js", priority=900)
    app.add_post_transform(KoreanCellPrompts)
    app.add_post_transform(OutputImageAlt)
    app.add_node(HideCodeCellNode, override=True, html=(visit_hidden_cell, depart_hidden_cell))
    latex_language()
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
