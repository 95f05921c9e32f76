"""One number, one function: on the same snapshot the card, the page chart's data and title, the
sentence, the slide title, its notes and the PowerPoint agree, also when a province lacks a period.

The expected figures are computed here from the synthetic frames (tests/synthetic.py), and the
gap variants drop one province's month or year: the area's total is then a gap for that period
(never a smaller sum), so every place moves to the latest period both provinces published."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation

from observatory import labels, store
from observatory.present import decks, export
from observatory.views import competenze, imprese, mercato_lavoro, panoramica
from tests import synthetic

BOTH, NUTS = ("013", "097"), ["ITC42", "ITC43"]
NBSP = "\u00a0"


def record(dataset_id: str) -> store.DatasetRecord:
    return store.DatasetRecord(id=dataset_id, title=dataset_id, publisher="Test", source_url="http://127.0.0.1/",
                               licence="CC BY 4.0", provenance="dimostrativo", period_start=None, period_end=None,
                               retrieved_at="2026-11-25T10:00:00+00:00", rows=1, sha256="0" * 64)


def frames() -> dict[str, pd.DataFrame]:
    return {"forze_lavoro": synthetic.forze_lavoro(), "avviamenti": synthetic.flows(1),
            "cessazioni": synthetic.flows(2), "imprese": synthetic.imprese(), "excelsior": synthetic.excelsior()}


def slide_and_pptx(data: dict[str, pd.DataFrame], slide_id: str) -> tuple[decks.Slide, str, str]:
    """The slide of the deck built from `data`, and the title and notes of its PowerPoint page."""
    deck = decks.build_deck(data, {k: record(k) for k in data}, decks.DeckOptions(BOTH, slides=(slide_id,)))
    slide = next(s for s in deck.slides if s.id == slide_id)
    buffer = io.BytesIO()
    Image.new("RGB", (8, 4), "white").save(buffer, format="PNG")  # the picture is not what is compared
    prs = Presentation(io.BytesIO(export.to_pptx(deck, "it", {slide_id: buffer.getvalue()})))
    page = prs.slides[0]
    return slide, page.shapes.title.text, page.notes_slide.notes_text_frame.text


def chart_rows(slide: decks.Slide) -> pd.DataFrame:
    """The rows the slide's chart draws (its first data set), with `mese` as text 'YYYY-MM-DD'."""
    spec = slide.chart().to_dict()
    layer = spec["layer"][0] if "data" in spec["layer"][0] else spec
    rows = pd.DataFrame(spec["datasets"][layer["data"]["name"]])
    return rows.assign(mese=pd.to_datetime(rows["mese"]).dt.strftime("%Y-%m-%d"))


def without(frame: pd.DataFrame, territory: str, **match) -> pd.DataFrame:
    """`frame` without the rows of `territory` whose columns equal `match` (a period not published)."""
    mask = frame["territorio"] == territory
    for column, value in match.items():
        mask &= frame[column] == value
    return frame[~mask].reset_index(drop=True)


def twelve_months(frame: pd.DataFrame, column: str, end: str, **match) -> float:
    """Sum of `column` over both provinces in the 12 months up to `end`, computed here."""
    rows = frame[frame["territorio"].isin(NUTS)]
    for key, value in match.items():
        rows = rows[rows[key] == value]
    last = pd.Timestamp(end)
    return float(rows.loc[(rows["mese"] > last - pd.DateOffset(months=12)) & (rows["mese"] <= last), column].sum())


# --- hires, terminations and balance over 12 months ------------------------------------------------

@pytest.mark.parametrize(("gap", "end", "month"), [(False, "2024-12-01", "dic 2024"), (True, "2024-05-01", "mag 2024")])
def test_hires_agree_on_card_sentence_chart_slide_and_pptx(gap, end, month):
    data = frames()
    if gap:  # Lecco did not publish June 2024: every 12-month window through it is a gap
        data["avviamenti"] = without(data["avviamenti"], "ITC43", mese=pd.Timestamp("2024-06-01"))
    starts, ends = data["avviamenti"], data["cessazioni"]
    hires, terminations = twelve_months(starts, "eventi", end), twelve_months(ends, "eventi", end)
    hires_text, ends_text = labels.fmt_int(hires), labels.fmt_int(terminations)
    balance_text = labels.fmt_signed(hires - terminations, 0)

    headline = panoramica.hires_cards(starts, ends, provinces=BOTH, lang="it")[0]
    assert (headline.card.value, headline.card.description) == (hires_text, f"fino a {month}")
    assert f"fino a {month}" in headline.sentence and hires_text in headline.sentence
    assert ends_text in headline.sentence and balance_text in headline.sentence

    page = mercato_lavoro.flows(starts, ends, provinces=BOTH, sector=mercato_lavoro.ALL_SECTORS, period="12m",
                                lang="it")
    drawn = page.lines.frame.set_index(["mese", "misura"])["valore"]
    assert drawn[(pd.Timestamp(end), "assunzioni")] == hires
    assert drawn[(pd.Timestamp(end), "cessazioni")] == terminations
    assert page.balance.frame.set_index("mese")["saldo_12m"][pd.Timestamp(end)] == hires - terminations
    if gap:  # the windows through the missing month are gaps in the chart's rows, not smaller sums
        assert (pd.Timestamp("2024-06-01"), "assunzioni") not in drawn.index
    sectors = competenze.hires_by_sector(starts, territories=tuple(NUTS), scope_label="Como + Lecco", lang="it")
    assert sectors.frame["eventi"].sum() == hires and sectors.frame["al"].iloc[0] == pd.Timestamp(end)

    slide, title, notes = slide_and_pptx(data, "assunzioni")
    assert hires_text in slide.title and balance_text in slide.title and month in slide.title
    assert all(text in slide.notes for text in (hires_text, ends_text, balance_text, month))
    assert (title, notes) == (slide.title, slide.notes)
    lines = chart_rows(slide).set_index(["mese", "territorio"])["valore"]
    assert lines.index.is_unique and lines.index.get_level_values("mese").max() == end
    assert lines.xs(end, level="mese").sum() == hires  # one line per province, adding up to the title


# --- firm registrations, closures, stock and rates ---------------------------------------------

@pytest.mark.parametrize(("gap", "end", "month"), [(False, "2025-09-01", "set 2025"), (True, "2025-05-01", "mag 2025")])
def test_firm_flows_agree_on_card_sentence_quarters_slide_and_pptx(gap, end, month):
    data = frames()
    if gap:  # Lecco did not publish June 2025 (flows and stock)
        data["imprese"] = without(data["imprese"], "ITC43", mese=pd.Timestamp("2025-06-01"))
    firms = data["imprese"]
    born = twelve_months(firms, "iscrizioni", end, settore_ateco="TOTALE")
    closed = twelve_months(firms, "cessazioni", end, settore_ateco="TOTALE")
    born_text, closed_text = labels.fmt_int(born), labels.fmt_int(closed)
    balance_text = labels.fmt_signed(born - closed, 0)

    headline = panoramica.firm_cards(firms, provinces=BOTH, lang="it")[0]
    assert (headline.card.value, headline.card.description) == (born_text, f"fino a {month}")
    assert all(text in headline.sentence for text in (born_text, closed_text, balance_text))

    slide, title, notes = slide_and_pptx(data, "imprese")
    assert born_text in slide.title and closed_text in slide.title and month in slide.title
    assert balance_text in slide.notes and (title, notes) == (slide.title, slide.notes)
    lines = chart_rows(slide).set_index(["mese", "serie"])["valore"]
    assert lines.index.is_unique and lines.index.get_level_values("mese").max() == end
    assert (lines[(end, "iscrizioni")], lines[(end, "cessazioni")]) == (born, closed)

    page = imprese.flows(firms, provinces=BOTH, sector="TOTALE", since=2024, lang="it")
    quarters = page.balance.frame.set_index("periodo")
    cards = {card.label: card.value for card in page.cards}
    assert quarters.index[-1] == "2025-T3" and cards["Iscrizioni"] == labels.fmt_int(quarters["iscrizioni"].iloc[-1])
    if not gap:  # the 12 months to September are the four quarters to 2025-T3
        assert quarters.loc[["2024-T4", "2025-T1", "2025-T2", "2025-T3"], "iscrizioni"].sum() == born
        stock = firms[firms["territorio"].isin(NUTS) & (firms["settore_ateco"] == "TOTALE")
                      & (firms["mese"] == "2025-06-01")]["attive"].sum()
        rate = labels.fmt_number(quarters["iscrizioni"].iloc[-1] / stock * 100, 2)
        assert cards["Tasso di natalità per 100 imprese"] == rate
    else:  # the quarter with the missing month is a gap, and so is the next rate: its stock is unknown
        assert pd.isna(quarters.loc["2025-T2", "iscrizioni"]) and pd.isna(quarters.loc["2025-T2", "saldo"])
        assert cards["Tasso di natalità per 100 imprese"] == labels.MISSING
        rates = page.rates[0].frame
        assert rates[(rates["territorio"] == "CO+LC") & (rates["periodo"] == "2025-T3")]["tasso_natalita"].isna().all()


# --- labour-force rates, their latest value and the series break ----------------------------------

def rates_from_2018() -> pd.DataFrame:
    """The synthetic rates with the series break where ISTAT's data puts it (RFL2021 from 2018)."""
    forze = synthetic.forze_lavoro()
    return forze.assign(serie=forze["serie"].where(forze["anno"] < 2018, "RFL2021"))


@pytest.mark.parametrize("gap", [False, True])
def test_unemployment_agrees_on_cards_chart_slide_and_pptx_and_both_mark_the_same_break(gap):
    data = {**frames(), "forze_lavoro": rates_from_2018()}
    if gap:  # Lecco's 2024 rates are not published: its latest value is 2023's, said with its year
        data["forze_lavoro"] = without(data["forze_lavoro"], "ITC43", anno=2024)
    forze = data["forze_lavoro"]
    value = forze[(forze["territorio"] == "ITC43") & (forze["indicatore"] == "tasso_disoccupazione")
                  & (forze["sesso"] == "totale")].sort_values("anno").iloc[-1]
    year = int(value["anno"])
    shown = labels.fmt_pct(value["valore"]) + ("" if year == 2024 else f" ({year})")

    overview = {h.card.label: h for h in panoramica.rate_cards(forze, provinces=BOTH, lang="it")}
    assert overview["Disoccupazione, Lecco"].card.value == labels.fmt_pct(value["valore"])
    assert overview["Disoccupazione, Lecco"].card.description == f"anno {year}"
    page = mercato_lavoro.rates(forze, provinces=BOTH, indicator="tasso_disoccupazione", sex="totale", lang="it")
    assert {c.label: c.value for c in page.cards}[f"Tasso di disoccupazione, Lecco · {year}"] == \
        labels.fmt_pct(value["valore"])
    drawn = page.rates.frame.set_index(["territorio", "anno"])["valore"]
    assert drawn[("ITC43", year)] == value["valore"]
    assert f"Lecco {shown}" in page.rates.chart.options["title"]

    slide, title, notes = slide_and_pptx(data, "disoccupazione")
    assert f"Lecco {shown}" in slide.title and f"Lecco {shown}" in slide.notes
    assert (title, notes) == (slide.title, slide.notes)
    spec = slide.chart().to_dict()
    rules = [layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "rule"]
    assert [spec["datasets"][r["data"]["name"]][0]["anno"] for r in rules] == [2018]
    assert page.rates.chart.options["break_at"] == 2018


# --- Excelsior planned hires ----------------------------------------------------------------------

def excelsior_with_totals() -> pd.DataFrame:
    """The synthetic groups, each province's published total (not the groups' sum, as Excelsior
    rounds and suppresses cells) and a later year that only Como has."""
    groups = synthetic.excelsior()
    extra = pd.DataFrame([(2025, "ITC42", "totale", "Totale", 7930.0, 51.0),
                          (2025, "ITC43", "totale", "Totale", 8010.0, 49.0),
                          (2026, "ITC42", "totale", "Totale", 9000.0, 60.0)], columns=list(groups.columns))
    frame = pd.concat([groups, extra], ignore_index=True)
    frame[["entrate", "quota_difficile"]] = frame[["entrate", "quota_difficile"]].astype("Float64")
    return frame


@pytest.mark.parametrize("published", [False, True])
def test_planned_hires_agree_on_card_slide_and_pptx(published):
    data = frames()
    if published:
        data["excelsior"] = excelsior_with_totals()
    ex = data["excelsior"]
    basis = ex[(ex["anno"] == 2025) & (ex["dimensione"] == ("totale" if published else "gruppo_professionale"))]
    total = basis["entrate"].sum()
    hard = (basis["entrate"] * basis["quota_difficile"]).sum() / total
    total_text, hard_text = labels.fmt_int(total), labels.fmt_pct(hard)

    page = competenze.planned(ex, territories=tuple(NUTS), scope_label="Como + Lecco", lang="it")
    assert [c.value for c in page.cards] == [total_text, hard_text]
    assert page.cards_caption.endswith("2025"), "2026 has Como only: a gap for the area, not a smaller total"
    slide, title, notes = slide_and_pptx(data, "competenze")
    assert total_text in slide.title and hard_text in slide.title and "2025" in slide.title
    assert (title, notes) == (slide.title, slide.notes)
    groups = ex[(ex["anno"] == 2025) & (ex["dimensione"] == "gruppo_professionale")]["entrate"].sum()
    assert total == (7930 + 8010 if published else groups) and (total != groups) == published
    assert NBSP in hard_text


# --- the same through the pages, on a snapshot with gaps -------------------------------------------

def test_the_pages_and_the_deck_say_the_same_on_a_snapshot_with_gaps(full_data_dir):
    from tests.page_helpers import chart_titles, metrics, run

    data_dir, written = full_data_dir
    gapped = {"avviamenti": without(written["avviamenti"], "ITC43", mese=pd.Timestamp("2024-06-01")),
              "imprese": without(written["imprese"], "ITC43", mese=pd.Timestamp("2025-06-01")),
              "forze_lavoro": without(written["forze_lavoro"], "ITC43", anno=2024)}
    store.write_version([store.NewDataset(id=k, frame=v, title=k, publisher="Test", source_url="http://127.0.0.1/",
                                          licence="CC BY 4.0", provenance="dimostrativo") for k, v in gapped.items()],
                        base=data_dir / "snapshot")
    hires = labels.fmt_int(twelve_months(gapped["avviamenti"], "eventi", "2024-05-01"))
    born = labels.fmt_int(twelve_months(gapped["imprese"], "iscrizioni", "2025-05-01", settore_ateco="TOTALE"))
    forze = gapped["forze_lavoro"]
    lecco = forze[(forze["territorio"] == "ITC43") & (forze["indicatore"] == "tasso_disoccupazione")
                  & (forze["sesso"] == "totale") & (forze["anno"] == 2023)]["valore"].iloc[0]

    overview = run("pages/panoramica.py")
    cards = metrics(overview)
    described = {m.label: m.proto.delta_description for m in overview.metric}
    assert cards["Assunzioni, ultimi 12 mesi"][0] == hires
    assert described["Assunzioni, ultimi 12 mesi"] == "fino a mag 2024"
    assert cards["Nuove imprese, ultimi 12 mesi"][0] == born
    assert cards["Disoccupazione, Lecco"][0] == labels.fmt_pct(lecco)
    assert described["Disoccupazione, Lecco"] == "anno 2023"
    flows = chart_titles(run("pages/mercato-lavoro.py", sezione="flussi", vista="12m"))[0]
    assert flows.startswith(f"Como + Lecco: {hires} assunzioni nei 12 mesi fino a mag 2024")
    rates = chart_titles(run("pages/mercato-lavoro.py"))[0]
    assert f"Lecco {labels.fmt_pct(lecco)} (2023)" in rates

    snapshot = {k: store.read_dataset(k) for k in ("forze_lavoro", "avviamenti", "cessazioni", "imprese")}
    deck = decks.build_deck(snapshot, store.read_manifest(),
                            decks.DeckOptions(BOTH, slides=("disoccupazione", "assunzioni", "imprese")))
    titles = {s.id: s.title for s in deck.slides}
    assert f"Lecco {labels.fmt_pct(lecco)} (2023)" in titles["disoccupazione"]
    assert hires in titles["assunzioni"] and "mag 2024" in titles["assunzioni"]
    assert born in titles["imprese"] and "mag 2025" in titles["imprese"]
