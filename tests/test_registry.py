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
            if isinstance(node, ast.keyword) and node.arg in ("indicator_id", "indicator") \
                    and isinstance(node.value, ast.Constant) and node.value.value is not None:
                used.add(node.value.value)
    assert "saldo_imprese" in used and "assunzioni_12m" in used, "the check reads both keywords"
    assert used <= set(registry.INDICATORS), used - set(registry.INDICATORS)


def test_the_registry_drives_zero_baselines_decimals_negatives_and_maps():
    import pandas as pd

    from observatory import charts, store, views

    frame = pd.DataFrame({"anno": [2023, 2024], "territorio": ["ITC43"] * 2, "valore": [5.0, -1.0]})
    lines = {"x": "anno", "y": "valore", "territory": "territorio", "title": "", "y_title": "", "names": {},
             "lang": "it"}

    def y_axis(chart) -> dict:
        return chart.to_dict()["layer"][0]["encoding"]["y"]

    counts, rate = y_axis(charts.trend_lines(frame, indicator="assunzioni", **lines)), y_axis(
        charts.trend_lines(frame, indicator="tasso_disoccupazione", **lines))
    assert counts["scale"]["zero"] is True and counts["axis"]["format"] == ",.0f"
    assert rate["scale"]["zero"] is False and rate["axis"]["format"] == ",.1f"
    bars = {"category": "territorio", "value": "valore", "title": "", "value_title": "", "lang": "it"}
    assert "condition" in charts.sorted_bars(frame, indicator="saldo_imprese", **bars).to_dict()["encoding"]["color"]
    assert "condition" not in charts.sorted_bars(frame, indicator="iscrizioni", **bars).to_dict()["encoding"]["color"]
    comuni = store.read_dataset("comuni").head(3)
    values = comuni[["comune_istat", "comune"]].assign(valore=1.0)
    with pytest.raises(ValueError, match="cannot be mapped"):
        views.map_view(values, comuni, indicator_id="tasso_disoccupazione", title="", caption="", dataset_ids=(),
                       lang="it")
    assert views.map_view(values, comuni, indicator_id="popolazione", title="", caption="", dataset_ids=(),
                          lang="it").indicator_id == "popolazione"


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


def test_one_minus_sign_and_the_italian_article_before_a_number():
    """Issue 16: '−' everywhere (the charts' d3 writes it too); "l'8,2 %", not "il 8,2 %"."""
    assert labels.fmt_number(-1234.5, 1) == "\u22121.234,5" and labels.fmt_int(-3) == "\u22123"
    assert labels.fmt_pct(-0.4) == "\u22120,4\u00a0%"
    assert labels.elide("è il 8,2 % della domanda, il 11 %, dal 1,5 %") == "è l'8,2 % della domanda, l'11 %, dall'1,5 %"
    assert labels.elide("il 10 %, il 1.500, nel 2024, il 2018/19, il 1° trim.") == \
        "il 10 %, il 1.500, nel 2024, il 2018/19, il 1° trim."
    title = labels.t("skills.chart.shares.title", "it", territory="Lecco", area="Tecnica", demand="8,2 %",
                     supply="80 %")
    assert "è l'8,2 % della domanda ma l'80 % degli studenti" in title
