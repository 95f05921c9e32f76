"""Captions and labels that say what the screen shows (issue 16): a caption speaks of a dashed line
only under a chart that draws one; the business birth rate carries its unit."""

from __future__ import annotations

import pytest

from observatory import charts, labels, store
from observatory.views import imprese as view


def _dashed(block) -> bool:
    """Whether the chart's finished spec draws a dashed rule."""
    return "strokeDash" in str(charts.spec(block.chart, "it"))


@pytest.mark.parametrize("since", [2019, 2026])
def test_a_caption_speaks_of_a_dashed_line_only_where_one_is_drawn(data_dir, since):
    imprese = store.read_dataset("imprese")
    flows = view.flows(imprese, provinces=("013", "097"), sector=view.TOTAL, since=since, lang="it")
    if flows.empty:
        pytest.skip("no quarter since then in the shipped register")
    for block in (*flows.rates, flows.balance):
        assert ("tratteggiata" in block.caption) == _dashed(block), (since, block.key, block.caption)


def test_the_shipped_register_draws_no_break_and_its_captions_say_none(data_dir):
    """The shipped register has no ATECO 2007 → 2025 change in it: no rule, no dashed line said."""
    imprese = store.read_dataset("imprese")
    flows = view.flows(imprese, provinces=("013", "097"), sector=view.TOTAL, since=2019, lang="it")
    assert not any(_dashed(block) or "tratteggiata" in block.caption for block in (*flows.rates, flows.balance))


def test_a_register_with_the_classification_change_draws_and_says_it(full_data_dir):
    _, frames = full_data_dir
    flows = view.flows(frames["imprese"], provinces=("013", "097"), sector=view.TOTAL, since=2019, lang="it")
    if not any(_dashed(block) for block in flows.rates):
        pytest.skip("the synthetic register has no classification change either")
    assert all("tratteggiata" in block.caption for block in flows.rates if _dashed(block))


def test_the_birth_rate_card_carries_its_unit(data_dir):
    imprese = store.read_dataset("imprese")
    flows = view.flows(imprese, provinces=("097",), sector=view.TOTAL, since=2019, lang="it")
    labels_shown = {card.label for card in flows.cards}
    assert labels.t("biz.card.tasso_natalita", "it") in labels_shown
    assert all("per 100 imprese" in label for label in labels_shown if label.startswith("Tasso"))


def test_two_school_years_are_a_comparison_not_a_trend(data_dir):
    """Formazione › Andamento: seven school years are a trend; two are only compared, and say so."""
    from observatory.views import formazione

    students = store.read_dataset("studenti")
    years = sorted(students["anno_scolastico"].unique())
    assert len(years) >= 3  # 2018/19 – 2024/25 shipped
    trend = formazione.trend(students, provinces=("013", "097"), scope_label="Como + Lecco", lang="it")
    assert trend[0].chart.options["title"].startswith("Como + Lecco: dal ")
    two = students[students["anno_scolastico"].isin(years[-2:])]
    compared = formazione.trend(two, provinces=("013", "097"), scope_label="Como + Lecco", lang="it")
    title = compared[0].chart.options["title"]
    assert f"confronto tra il {years[-2]} e il {years[-1]}" in title and "dal " not in title, title
