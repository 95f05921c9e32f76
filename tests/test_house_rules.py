"""House rules a reader can check in seconds, read from the code itself (AST): pages import only
the presentation layer and the views; Streamlit stays in observatory/ui; pages do not read files,
call the network or group data themselves."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PAGES = sorted((REPO / "pages").glob("*.py"))
#: what a page may import besides the standard library
PAGE_IMPORTS = ("streamlit", "observatory.ui", "observatory.views")


def imports(path: Path) -> list[str]:
    """Every module a file imports, dotted in full: `from observatory import views` is
    `observatory.views`, `import streamlit as st` is `streamlit`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # a relative import stays inside its own package
                found.append(f".{node.module or ''}")
            elif node.module == "observatory":
                found += [f"observatory.{alias.name}" for alias in node.names]
            elif node.module:
                found.append(node.module)
    return found


def _within(module: str, allowed: str) -> bool:
    return module == allowed or module.startswith(allowed + ".")


def test_the_import_reader_sees_every_form(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os.path\nimport streamlit as st\nfrom observatory import views, ui\n"
                      "from observatory.indicators import labour\nfrom . import x\n", encoding="utf-8")
    assert imports(sample) == ["os.path", "streamlit", "observatory.views", "observatory.ui",
                               "observatory.indicators", "."]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_import_only_the_presentation_layer_and_the_views(page):
    offenders = [m for m in imports(page) if m.split(".")[0] not in sys.stdlib_module_names
                 and not any(_within(m, allowed) for allowed in PAGE_IMPORTS)]
    assert offenders == [], f"{page.name} imports {offenders}: go through observatory.ui or observatory.views"


def test_streamlit_only_in_the_presentation_layer():
    package = REPO / "observatory"
    offenders = [str(p.relative_to(REPO)) for p in package.rglob("*.py")
                 if "ui" not in p.relative_to(package).parts[:1]
                 and any(_within(m, "streamlit") for m in imports(p))]
    assert offenders == []
    assert any(_within(m, "streamlit") for m in imports(package / "ui" / "widgets.py")), "the check reads imports"


def test_pages_do_not_wrangle_data():
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for forbidden in ("read_csv", "read_parquet", "requests.", "groupby(", "import requests"):
            assert forbidden not in text, f"{page.name} uses {forbidden}"


def test_page_files_are_named_as_their_urls():
    """A fresh server answers its first request the old `pages/` way, by file name: a deep link
    such as /mercato-lavoro to a file named otherwise showed "page not found" over the page."""
    from observatory import navigation

    for entry in navigation.PAGES:
        assert Path(entry.path).stem == entry.url_path, entry
