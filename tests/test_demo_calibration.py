"""The constructed datasets of the shipped snapshot are at real scale: per province and period their totals
equal the published figures they were calibrated on, both read from the snapshot (numeri_pubblicati and
the demo dataset). They stay `dimostrativo`, and Verifica dei numeri never counts them as computable."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from observatory import store
from observatory.indicators import verification
from tests.conftest import REPO

SNAPSHOT = REPO / "data" / "snapshot"
RAW = REPO / "data" / "raw"
NUTS = {"Como": "ITC42", "Lecco": "ITC43"}
DEMO = ("avviamenti", "cessazioni", "proroghe", "trasformazioni", "imprese", "unita_locali", "excelsior")


def read(dataset_id: str) -> pd.DataFrame:
    return store.read_dataset(dataset_id, base=SNAPSHOT)


@pytest.fixture(scope="module")
def figures() -> pd.DataFrame:
    frame = read("numeri_pubblicati")
    return frame[frame["file"] == "published_figures_Como_Lecco.csv"].set_index("riga")


def sidecar(relative: str) -> dict:
    return json.loads((RAW / f"{relative}.provenance.json").read_text(encoding="utf-8"))


def unit(value: float) -> int:
    """How coarsely an approximate figure is rounded (84000 → 1000)."""
    step, number = 1, int(abs(value))
    while number and number % 10 == 0:
        step, number = step * 10, number // 10
    return step


def quoted(figures: pd.DataFrame, riga: int, phrase: str) -> float:
    """A figure quoted in the note of a published row, which must contain `phrase`."""
    assert phrase in str(figures.loc[riga, "nota"]), (riga, figures.loc[riga, "nota"])
    return float(re.findall(r"[+-]?\d[\d,]*(?:\.\d+)?", phrase)[-1].replace(",", ""))


def superseded(figures: pd.DataFrame) -> set[int]:
    """Rows a later page republished with another value (the earlier vintage is not calibrated on)."""
    out = set()
    numbers = figures[figures["valore"].notna()].reset_index()
    for _, same in numbers.groupby(["territorio", "indicatore", "periodo", "unita"]):
        years = same["data_pagina"].map(verification.page_year).fillna(0)
        out |= set(same.loc[(years < years.max()) & (same["valore"] != same.loc[years.idxmax(), "valore"]), "riga"])
    return out


def months(period: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    date = re.fullmatch(r"(\d{4})-(\d{2})-\d{2}", period)
    if date:
        month = pd.Timestamp(int(date.group(1)), int(date.group(2)), 1)
        return month, month
    return verification.months(period)


def total(frame: pd.DataFrame, column: str, territories, period: str) -> float:
    """Sum of `column` over the period's months, every month present for every territory."""
    first, last = months(period)
    rows = frame[frame["territorio"].isin(territories) & frame["mese"].between(first, last)]
    expected = ((last.year - first.year) * 12 + last.month - first.month + 1) * len(territories)
    assert rows.groupby(["territorio", "mese"]).ngroups == expected, (territories, period)
    return float(rows[column].sum())


def test_the_demo_datasets_stay_dimostrativo():
    manifest = store.read_manifest(base=SNAPSHOT)
    assert {d: manifest[d].provenance for d in DEMO} == dict.fromkeys(DEMO, "dimostrativo")


def test_cob_totals_equal_the_published_hires_terminations_and_balances(figures):
    frames = {d: read(d) for d in ("avviamenti", "cessazioni", "proroghe", "trasformazioni")}
    first, last = frames["avviamenti"]["mese"].min(), frames["avviamenti"]["mese"].max()
    old = superseded(figures)
    compared = []
    for riga, row in figures[(figures["dominio"] == "COB") & figures["territorio"].isin(NUTS)].iterrows():
        span = verification.months(row["periodo"])
        if span is None or span[0] < first or span[1] > last or riga in old:
            continue
        where = [NUTS[row["territorio"]]]
        if row["indicatore"] == "saldo":
            got = total(frames["avviamenti"], "eventi", where, row["periodo"]) - total(
                frames["cessazioni"], "eventi", where, row["periodo"])
        else:
            got = total(frames[verification.COB[row["indicatore"]]], "eventi", where, row["periodo"])
        slack = unit(row["valore"]) / 2 if str(row["nota"]).startswith("approx") else 0
        assert abs(got - row["valore"]) <= slack, (riga, row["territorio"], row["periodo"], got, row["valore"])
        compared.append(riga)
    assert old == {45, 46, 47, 48}  # 2019-Q2 as first published; the 2020 note revised it
    assert compared == [*range(11, 17), *range(29, 45), *range(53, 69)]
    notes = [(61, "37,000 proroghe", "proroghe", "Como", "2023"), (61, "11,000 trasformazioni", "trasformazioni",
                                                                     "Como", "2023"),
             (64, "cessazioni ~22,000", "cessazioni", "Lecco", "2022-H2"),
             (66, "cessazioni ~11,200", "cessazioni", "Lecco", "2023-Q3")]
    for riga, phrase, dataset_id, name, period in notes:
        value = quoted(figures, riga, phrase)
        assert abs(total(frames[dataset_id], "eventi", [NUTS[name]], period) - value) <= unit(value) / 2, phrase
    for riga, phrase, period in ((66, "saldo +180", "2023-Q3"), (67, "saldo +2,653", "2025-H1")):
        balance = total(frames["avviamenti"], "eventi", ["ITC43"], period) - total(
            frames["cessazioni"], "eventi", ["ITC43"], period)
        assert balance == quoted(figures, riga, phrase)
    yearly = frames["avviamenti"][frames["avviamenti"]["territorio"].isin(NUTS.values())]
    assert (yearly.groupby(yearly["mese"].dt.year)["eventi"].sum() > 85_000).all()  # ≈ 100.000 a year, not 258


def test_business_register_matches_the_published_registrations_closures_and_stock(figures):
    frame = read("imprese")
    totals = frame[frame["settore_ateco"] == "TOTALE"]
    share = sidecar("camcom/Stock-Imprese-Attive-Italia.csv")["calibrazione"]["quota_attive"]
    compared = []
    for riga, row in figures[figures["dominio"] == "Registro imprese"].iterrows():
        where = [NUTS[name] for name in row["territorio"].split("+")]
        indicator, period = row["indicatore"], row["periodo"]
        if indicator == "imprese_registrate":
            got, expected = total(totals, "attive", where, period), round(share * row["valore"])
            assert abs(got - expected) <= len(where) - 1, (riga, got, expected)  # each province rounded once
        elif indicator in ("iscrizioni", "cessazioni_non_ufficio", "saldo_naturale"):
            births, ends = (total(totals, c, where, period) for c in ("iscrizioni", "cessazioni"))
            got = {"iscrizioni": births, "cessazioni_non_ufficio": ends, "saldo_naturale": births - ends}[indicator]
            assert got == row["valore"], (riga, row["territorio"], indicator, period, got)
        else:
            continue
        compared.append(riga)
    assert compared == [*range(95, 162)]  # all but the artisan firms and the label of row 163
    lecco_2023 = quoted(figures, 161, "Lecco 2023 = +107")
    assert total(totals, "iscrizioni", ["ITC43"], "2023") - total(totals, "cessazioni", ["ITC43"], "2023") == lecco_2023


def test_business_sectors_follow_the_published_split_of_december_2022(figures):
    label = figures.loc[163, "valore_testo"]
    published = {name: float(value) for name, value in re.findall(r"(\w+) (\d+)", label)}
    assert published == {"agri": 3237, "manifatturiere": 22776, "costruzioni": 12354, "commercio": 15957,
                         "servizi": 30845}
    frame = read("imprese")
    stock = frame[(frame["mese"] == "2022-12-01") & frame["territorio"].isin(NUTS.values())
                  & (frame["settore_ateco"] != "TOTALE")].groupby("settore_ateco")["attive"].sum()
    share = sidecar("camcom/Stock-Imprese-Attive-Italia.csv")["calibrazione"]["quota_attive"]
    groups = {"agri": stock[["A"]].sum(), "manifatturiere": stock[list("BCDEF")].sum(), "costruzioni": stock["F"],
              "commercio": stock["G"], "servizi": stock.drop(list("ABCDEFG")).sum()}
    for name, value in published.items():
        assert abs(groups[name] - share * value) <= 2, (name, groups[name], share * value)  # two roundings


def test_excelsior_years_add_up_the_published_quarters(figures):
    frame = read("excelsior")
    totals = frame[frame["dimensione"] == "totale"].set_index(["territorio", "anno"])
    known: dict[tuple[str, int, int], float] = {}
    rows = figures[(figures["dominio"] == "Excelsior") & (figures["indicatore"] == "entrate_previste")]
    quarterly = rows["periodo"].str.fullmatch(r"\d{4}-Q\d") & rows["territorio"].isin(["Como", "Lecco", "Como+Lecco"])
    for _, row in rows[quarterly].iterrows():
        known[row["territorio"], int(row["periodo"][:4]), int(row["periodo"][-1])] = row["valore"]
    known["Como", 2023, 3] = quoted(figures, 75, "Q3-2023 Como 13,480")
    known["Como+Lecco", 2024, 2] = quoted(figures, 75, "Q2-2024 Lario 20,310")
    known["Como", 2024, 1] = quoted(figures, 78, "Q1-2024 Como 14,700")
    known["Lecco", 2024, 1] = quoted(figures, 78, "Lecco 7,490")
    for (name, year, quarter), value in list(known.items()):  # a province from Como + Lecco less the other
        other = "Lecco" if name == "Como" else "Como"
        if name != "Como+Lecco" and ("Como+Lecco", year, quarter) in known and (other, year, quarter) not in known:
            known[other, year, quarter] = known["Como+Lecco", year, quarter] - value
    stated = {(q["territorio"], q["anno"], q["trimestre"]): q["entrate"]
              for q in sidecar("excelsior/excelsior_como_lecco_2023-2025.xlsx")["calibrazione"]["trimestri"]}
    for (name, year, quarter), value in known.items():
        if name == "Como+Lecco":
            assert stated["Como", year, quarter] + stated["Lecco", year, quarter] == value, (year, quarter)
        else:
            assert stated[name, year, quarter] == value, (name, year, quarter)
    assert sum(1 for key in known if key[0] != "Como+Lecco") == 16  # the rest are estimated, and say so
    for name, nuts in NUTS.items():
        for year in (2023, 2024, 2025):
            assert totals.loc[(nuts, year), "entrate"] == sum(stated[name, year, q] for q in range(1, 5))
    latest = totals.xs(2025, level="anno")
    weighted = (latest["entrate"] * latest["quota_difficile"]).sum() / latest["entrate"].sum()
    assert round(weighted, 1) == figures.loc[89, "valore"]  # Como + Lecco, 2025-Q3: 50.1 %
    graduates = frame[(frame["anno"] == 2023) & (frame["categoria"] == "Livello universitario")].set_index("territorio")
    for name, nuts in NUTS.items():
        share = graduates.loc[nuts, "entrate"] / totals.loc[(nuts, 2023), "entrate"] * 100
        assert round(share, 1) == quoted(figures, 72, f"{name} {'16.7' if name == 'Como' else '14.3'}")


def test_local_units_per_province_follow_the_published_registered_firms(figures):
    units = read("unita_locali")
    comuni = read("comuni")[["comune_istat", "provincia_istat"]]
    by_province = units[units["settore_ateco"] == "TOTALE"].merge(comuni, on="comune_istat")
    got = by_province.groupby(["provincia_istat", "anno"])["unita_locali"].sum()
    factor = sidecar(next(p.relative_to(RAW).as_posix()[:-len(".provenance.json")]
                          for p in (RAW / "istat" / "data").rglob("*.provenance.json")))["calibrazione"]
    registered = {("013", 2022): figures.loc[96, "valore"], ("097", 2022): figures.loc[97, "valore"],
                  ("013", 2023): (figures.loc[111, "valore"] + figures.loc[114, "valore"]) / 2,
                  ("097", 2023): (figures.loc[112, "valore"] + figures.loc[115, "valore"]) / 2}
    assert {k: round(factor["unita_per_impresa"] * v) for k, v in registered.items()} == got.to_dict()


def test_verification_never_counts_the_demo_as_computable():
    manifest = store.read_manifest(base=SNAPSHOT)
    frames = {d: read(d) for d in verification.NEEDS}
    demo = frozenset(d for d in frames if manifest[d].provenance == "dimostrativo")
    assert {"avviamenti", "cessazioni"} <= demo
    checked = verification.verify(frames, demo)
    demo_domains = checked[checked["dominio"].isin(["COB", "Registro imprese", "Excelsior"])]
    assert not demo_domains["stato"].isin(["concorda", "diverso"]).any()
    assert (demo_domains.loc[demo_domains["stato"] == "non_calcolabile", "motivo"] == "dimostrativo").sum() >= 38
    counted = verification.verify(frames, frozenset())  # what a slip would show: the demo "agrees"
    assert (counted[counted["dominio"] == "COB"]["stato"] == "concorda").sum() >= 30
