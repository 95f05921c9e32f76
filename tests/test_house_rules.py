"""House rules a reader can check in seconds: Streamlit stays in the presentation layer; pages
do not read files, call the network or group data themselves."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_streamlit_only_in_the_presentation_layer():
    offenders = [str(p.relative_to(REPO)) for p in (REPO / "observatory").rglob("*.py")
                 if "ui" not in p.relative_to(REPO / "observatory").parts and "streamlit" in imported_modules(p)]
    assert offenders == []


def test_pages_do_not_wrangle_data():
    for page in (REPO / "pages").glob("*.py"):
        text = page.read_text(encoding="utf-8")
        for forbidden in ("read_csv", "read_parquet", "requests.", "groupby(", "import requests"):
            assert forbidden not in text, f"{page.name} uses {forbidden}"


def test_page_files_are_named_as_their_urls():
    """A fresh server answers its first request the old `pages/` way, by file name: a deep link
    such as /mercato-lavoro to a file named otherwise showed "page not found" over the page."""
    from observatory import navigation

    for entry in navigation.PAGES:
        assert Path(entry.path).stem == entry.url_path, entry
