"""Verifica dei numeri: every status on a real published figure (data/raw/published_figures), the
published-figures dataset itself, and the changelog section a refresh writes when a status changes."""

from __future__ import annotations

import pandas as pd
import pytest

from observatory import datasets, store
from observatory.indicators import verification
from observatory.pipeline import changelog
from observatory.sources import bes_copies, lfs_copies, published
from observatory.sources.types import FetchContext
from tests.conftest import REPO

RAW = REPO / "data" / "raw"
MAIN = "published_figures_Como_Lecco.csv"
POLICIES = "published_figures_policies_Como_Lecco.csv"


@pytest.fixture(scope="module")
def frames():
    shipped = REPO / "data" / "snapshot"
    return {"numeri_pubblicati": published.build(RAW, FetchContext()),
            "forze_lavoro": lfs_copies.build(RAW, FetchContext()),
            "bes_lavoro": bes_copies.build(RAW, FetchContext()),
            "avviamenti": store.read_dataset("avviamenti", base=shipped),
            "cessazioni": store.read_dataset("cessazioni", base=shipped)}


@pytest.fixture(scope="module")
def checked(frames):
    return verification.verify(frames, frozenset({"avviamenti", "cessazioni"})).set_index(["file", "riga"])


def figure(checked, row: int, file: str = MAIN):
    return checked.loc[(file, row)]


def test_every_published_row_is_in_the_dataset(frames):
    figures = frames["numeri_pubblicati"]
    datasets.validate("numeri_pubblicati", figures)
    assert len(figures) == 163 + 62 and figures.groupby("file").size().to_dict() == {MAIN: 163, POLICIES: 62}
    assert set(figures["provenienza"]) == {"trascritto"}
    row = figures[(figures["file"] == MAIN) & (figures["riga"] == 25)].iloc[0]
    assert (row["territorio"], row["indicatore"], row["periodo"], row["valore"]) == ("Como", "saldo", "2017", 4602)
    assert row["nota"] == "as published; 63,276-58,764 = 4,512" and row["url"].startswith("https://www.laprovinciadicomo")
    labels_only = figures[figures["valore"].isna()]
    assert len(labels_only) == 3 and labels_only["valore_testo"].str.len().gt(20).all()  # labels kept as text


def test_agrees_after_the_publishers_rounding(checked):
    como = figure(checked, 4)  # Como employment 15-89, 2023: 52.3 published, ISTAT 52.277329
    assert como["stato"] == "concorda" and como["valore_calcolato"] == pytest.approx(52.277329)
    assert "15-89" in como["confronto"]
    lombardia = figure(checked, 1)  # Lombardia unemployment 2022: 4.9 published, 4.855 in the rounded copy
    assert lombardia["stato"] == "concorda" and lombardia["valore_calcolato"] == pytest.approx(4.855)


def test_a_bes_figure_agrees_with_the_bes_copy(checked):
    lecco = figure(checked, 47, POLICIES)  # Lecco employment 20-64, 2024: 72,8 in the press and in the BES copy
    assert (lecco["territorio"], lecco["indicatore"], lecco["periodo"]) == ("Lecco", "tasso_occupazione_20_64", "2024")
    assert (lecco["stato"], lecco["motivo"]) == ("concorda", "arrotondamento")
    assert lecco["valore_calcolato"] == pytest.approx(72.8) and "bes_lavoro" in lecco["confronto"]
    undated = checked[(checked["dominio"] == "BES") & (checked["periodo"] == "latest (n.d.)")]
    assert len(undated) == 3 and set(undated["stato"]) == {"non_calcolabile"}  # no year, nothing to compare


def test_revised_since_publication(checked):
    como = figure(checked, 5)  # Como 2020 unemployment: 5.3 published in April 2021, 5.594 in today's series
    assert (como["stato"], como["motivo"]) == ("rivisto", "serie_precedente")
    assert como["valore_calcolato"] == pytest.approx(5.594) and como["scarto"] == pytest.approx(0.294)
    again = figure(checked, 45)  # Como hires 2019-Q2: 17,767 in the 2019 note, 17,930 in the 2020 one
    assert (again["stato"], again["motivo"], again["valore_calcolato"]) == ("rivisto", "ripubblicato", 17930)
    target = figure(checked, 38, POLICIES)  # GOL 2023 target: 5,697 in May 2023, 5,769 in the July note
    assert (target["stato"], target["motivo"], target["valore_calcolato"]) == ("rivisto", "ripubblicato", 5769)
    assert figure(checked, 43, POLICIES)["stato"] == "non_calcolabile"  # the later one stands


def test_different_perimeter(checked):
    lecco = figure(checked, 66)  # Osservatorio provinciale Lecco, hires 2023-Q3: the CPI of Lecco and Merate
    assert (lecco["stato"], lecco["motivo"]) == ("perimetro_diverso", "cpi_lecco_merate")
    assert pd.isna(lecco["valore_calcolato"])


def test_short_time_work_total_against_its_parts(frames):
    """Lecco 2025-Q3: 804,646 hours = 789,742 ordinary + 14,904 extraordinary on the same page; a page whose
    parts do not add up is a slip."""
    figures = frames["numeri_pubblicati"]
    assert verification.verify(frames).set_index(["file", "riga"]).loc[(POLICIES, 24), "stato"] == "non_calcolabile"
    slipped = figures.copy()
    cigs = (slipped["file"] == POLICIES) & (slipped["indicatore"] == "cigs_ore_autorizzate") & \
        (slipped["periodo"] == "2025-Q3")
    slipped.loc[cigs, "valore"] = 24904.0
    checked = verification.verify({**frames, "numeri_pubblicati": slipped}).set_index(["file", "riga"])
    total = checked.loc[(POLICIES, 24)]
    assert (total["stato"], total["motivo"], total["valore_calcolato"]) == ("errore_aritmetico", "somma_parti", 814646)


def test_publishers_arithmetic_slip(checked):
    saldo = figure(checked, 25)  # Como 2017: +4,602 printed where 63,276 − 58,764 = 4,512
    assert (saldo["stato"], saldo["motivo"], saldo["valore_calcolato"]) == ("errore_aritmetico", "saldo", 4512)
    assert figure(checked, 12)["stato"] != "errore_aritmetico"  # Como 2019: 69,185 − 66,884 = 2,301 as printed
    assert figure(checked, 69)["stato"] == "non_calcolabile"  # Como + Lecco 2023-Q4 = 11,020 + 6,050 as printed


def test_differs_without_a_known_reason(checked):
    como = figure(checked, 2)  # Como 2023 unemployment: 5.4 published, 5.455 (rounds to 5.5) in the copy
    assert (como["stato"], como["motivo"]) == ("diverso", "troncato")


def test_not_computable_from_the_snapshot(checked, frames):
    assert (figure(checked, 10)["stato"], figure(checked, 10)["motivo"]) == ("non_calcolabile",
                                                                             "combinazione_assente")  # Como 2012
    assert figure(checked, 6)["motivo"] == "combinazione_assente"  # employment 15-64, not in the copies
    hires = figure(checked, 11)  # Como 2019 hires: the snapshot's flows are demo, which never count
    assert (hires["stato"], hires["motivo"]) == ("non_calcolabile", "dimostrativo")
    cig = checked[(checked["dominio"] == "CIG")]
    assert set(cig["stato"]) == {"non_calcolabile"} and set(cig["motivo"]) == {"non_in_archivio"}
    demo = verification.verify(frames, frozenset({"forze_lavoro", "avviamenti", "cessazioni"}))
    assert demo.set_index(["file", "riga"]).loc[(MAIN, 4), "motivo"] == "dimostrativo"


def test_counts_cover_every_figure(checked):
    counts = verification.counts(checked.reset_index())
    assert sum(counts.values()) == 225 and list(counts) == list(verification.STATUSES)
    assert counts["concorda"] == 4 and counts["errore_aritmetico"] == 1 and counts["rivisto"] == 6


def test_a_refresh_that_changes_a_status_says_so(tmp_path, frames):
    base = tmp_path / "snapshot"
    items = [datasets.new_dataset(i, frames[i], provenance=kind) for i, kind in
             (("numeri_pubblicati", "trascritto"), ("forze_lavoro", "copia_arrotondata"),
              ("avviamenti", "dimostrativo"), ("cessazioni", "dimostrativo"))]
    store.write_version(items, validate=datasets.validate, base=base)
    refreshed = frames["forze_lavoro"].copy()
    older = refreshed.iloc[[0]].assign(territorio="ITC42", indicatore="tasso_disoccupazione", classe_eta="15-74",
                                       sesso="totale", anno=2012, valore=6.08, serie="UNT2020", provenienza="ufficiale")
    refreshed = pd.concat([refreshed.assign(provenienza="ufficiale"), older], ignore_index=True)
    section = changelog.verification_section(base, [datasets.new_dataset("forze_lavoro", refreshed,
                                                                         provenance="ufficiale")])
    assert len(section) == 1 and section[0].startswith("### Verifica dei numeri")
    assert "- numeri che cambiano stato: 1" in section[0]
    assert "Como, unemployment_rate 2012: non_calcolabile → concorda" in section[0]
    unchanged = changelog.verification_section(base, [datasets.new_dataset("avviamenti", frames["avviamenti"],
                                                                           provenance="dimostrativo")])
    assert "nessun numero pubblicato cambia stato" in unchanged[0]
    changes = verification.status_changes(verification.verify(frames, frozenset()),
                                          verification.verify(frames, frozenset({"forze_lavoro"})))
    assert set(changes["dopo"]) == {"non_calcolabile"} and (changes["prima"] == "concorda").sum() == 3


def test_a_topic_whose_dataset_is_demo_says_so(frames):
    checked = verification.verify(frames, frozenset({"avviamenti", "cessazioni", "imprese", "excelsior"}))
    reasons = checked.groupby("dominio")["motivo"].agg(set).to_dict()
    assert reasons["Registro imprese"] == {"dimostrativo"} and reasons["Excelsior"] == {"dimostrativo"}
    assert reasons["CIG"] == {"non_in_archivio"}  # no dataset measures it, demo or not
