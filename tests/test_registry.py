"""The registry documents everything: every dataset column and every indicator (after Datasette's
test_docs), and every label exists in both languages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from observatory import datasets, labels
from observatory.indicators import registry

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("dataset_id", list(datasets.CATALOGUE))
def test_every_dataset_column_has_a_registry_entry(dataset_id):
    for column in datasets.CATALOGUE[dataset_id].schema.columns:
        assert column in registry.COLUMNS, f"{dataset_id}.{column} has no entry in registry.COLUMNS"


@pytest.mark.parametrize("indicator", list(registry.INDICATORS.values()), ids=lambda i: i.id)
def test_every_indicator_is_documented(indicator):
    assert indicator.label_it and indicator.label_en and indicator.unit
    assert indicator.definition_it.endswith(".") and indicator.definition_en.endswith(".")
    assert indicator.dataset in datasets.CATALOGUE or indicator.dataset in _planned_datasets()


def _planned_datasets() -> set[str]:
    """Datasets named in docs/architecture.md whose connector may not have landed yet."""
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    first_cells = re.findall(r"^\| (`[^|]+) \|", text, flags=re.MULTILINE)
    return {name for cell in first_cells for name in re.findall(r"`(\w+)`", cell)}


def test_indicators_used_by_pages_exist():
    used = set()
    for path in [*REPO.glob("pages/*.py"), *REPO.glob("observatory/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "indicator_id" and isinstance(node.value, ast.Constant):
                used.add(node.value.value)
    assert used <= set(registry.INDICATORS), used - set(registry.INDICATORS)


def test_every_label_key_used_in_code_exists():
    pattern = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""")
    missing = set()
    for path in [REPO / "app.py", *REPO.glob("pages/*.py"), *REPO.glob("observatory/**/*.py")]:
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            if key not in labels.TEXTS:
                missing.add(f"{path.name}: {key}")
    assert not missing, missing


def test_both_languages_are_filled_in():
    for key, (italian, english) in labels.TEXTS.items():
        assert italian.strip() and english.strip(), key


def test_italian_number_formats():
    assert labels.fmt_number(1234.5) == "1.234,5"
    assert labels.fmt_pct(3.4) == "3,4\u00a0%"
    assert labels.fmt_pct(3.4, lang="en") == "3.4%"
    assert labels.fmt_int(595513) == "595.513"
    assert labels.fmt_month("2025-01-01") == "gen 2025"
    assert labels.fmt_signed(-0.4, unit=" p.p.") == "−0,4 p.p."
    assert labels.fmt_number(float("nan")) == labels.MISSING
