"""Fonti page: the datasets table (one row per manifest record, links to the source, the citation)
and the indicators table (one row per registry indicator), one view at a time."""

from __future__ import annotations

import json

from observatory import store
from observatory.indicators import registry
from tests.pagetest import open_page


def _table(at):
    """The (only) dataframe drawn, as pandas."""
    frames = at.dataframe
    assert len(frames) == 1, "one table per view"
    return frames[0].value


def test_datasets_view_lists_every_dataset_and_how_to_cite(data_dir):
    records = store.read_manifest()
    at = open_page("fonti")
    assert not at.exception, [e.value for e in at.exception]
    table = _table(at)
    assert list(table["Dataset"]) == [r.title for r in records.values()]
    assert list(table["Fonte"]) == [r.source_url for r in records.values()]
    assert list(table["Righe"]) == [f"{r.rows:,}".replace(",", ".") for r in records.values()]
    assert json.loads(at.dataframe[0].proto.columns)["Fonte"]["type_config"]["type"] == "link"
    citation = at.code[0].value
    assert citation.startswith("Osservatorio Lecco 2.0") and records[next(iter(records))].publisher in citation


def test_indicators_view_defines_every_indicator(data_dir):
    at = open_page("fonti", sezione="indicatori")
    assert not at.exception
    table = _table(at)
    assert list(table["Indicatore"]) == [i.label("it") for i in registry.INDICATORS.values()]
    assert list(table["Definizione"]) == [i.definition("it") for i in registry.INDICATORS.values()]
    assert not at.code, "the citation belongs to the datasets view"


def test_english(data_dir):
    at = open_page("fonti", lang="en", sezione="indicatori")
    assert not at.exception
    assert list(_table(at)["Indicator"]) == [i.label("en") for i in registry.INDICATORS.values()]
    at = open_page("fonti", lang="en")
    assert "Source" in _table(at).columns


def test_a_damaged_manifest_is_reported(data_dir):
    (data_dir / "snapshot" / "versions" / store.current_version() / "manifest.json").write_text("rotto")
    at = open_page("fonti")
    assert not at.exception
    assert at.main.error and "illeggibile" in at.main.error[0].value


def test_datasets_view_names_the_public_copy_and_the_original_publisher(data_dir):
    at = open_page("fonti")
    table = _table(at).set_index("Dataset")
    records = store.read_manifest()
    labour = table.loc[records["forze_lavoro"].title]
    assert labour["Editore"] == "ISTAT"
    assert labour["Provenienza"] == "copia pubblica, valori dell'editore arrotondati dalla copia"
    copy = labour["Copia pubblica (repository, file, commit)"]
    assert "github.com/nmaiese/diset-viz, app/static/data/nuovi/istat_prov.csv @ c0b435b" in copy
    assert "github.com/ethancmallory/ALAN-IS477" in copy and "9f4b737" in copy
    students = table.loc[records["studenti"].title]
    assert students["Editore"] == "Ministero dell'Istruzione e del Merito"
    assert "github.com/ondata/religione-cattolica-scuola, elaborazioni/alunni-scuole.csv @ 9df9b20" in \
        students["Copia pubblica (repository, file, commit)"]
    assert table.loc[records["numeri_pubblicati"].title, "Provenienza"] == "trascritto dai comunicati dell'editore"
    assert table.loc[records["comuni"].title, "Copia pubblica (repository, file, commit)"] == "–"


def test_verification_view_lists_every_published_figure(data_dir):
    at = open_page("fonti", sezione="verifica")
    assert not at.exception, [e.value for e in at.exception]
    table = _table(at)
    assert len(table) == 225
    assert table["Stato"].iloc[0] == "concorda"  # figures the archive reproduces come first
    assert any(c.value.startswith("225 numeri pubblicati: concorda 4") for c in at.caption)  # + BES Lecco 72,8
    slip = open_page("fonti", sezione="verifica", stato="errore_aritmetico")
    rows = _table(slip)
    assert len(rows) == 1 and rows["Pubblicato"].item() == "4.602" and rows["Calcolato dall'archivio"].item() == "4.512"
    assert "assunzioni meno cessazioni" in rows["Perché"].item()
    revised = _table(open_page("fonti", sezione="verifica", stato="rivisto")).set_index("Periodo")
    assert revised.loc["2020", "Calcolato dall'archivio"] == "5,594" and revised.loc["2020", "Pubblicato"] == "5,3"
    assert len(slip.get("popover")) == 1  # the download menu of exactly these rows


def test_verification_never_counts_demo_data(full_data_dir):
    at = open_page("fonti", sezione="verifica")  # every synthetic dataset is demo here
    table = _table(at)
    assert set(table["Stato"]) == {"non calcolabile dall'archivio"}
    assert any("solo dati dimostrativi" in reason for reason in table["Perché"])
    english = open_page("fonti", lang="en", sezione="verifica")
    assert set(_table(english)["Status"]) == {"not computable from the archive"}


def test_datasets_view_lists_the_public_copies_with_links(data_dir):
    at = open_page("fonti")
    text = next(m.value for m in at.markdown if "github.com/nmaiese/diset-viz" in m.value)
    assert ("[github.com/nmaiese/diset-viz, `app/static/data/nuovi/istat_prov.csv` @ c0b435b]"
            "(https://github.com/nmaiese/diset-viz/blob/c0b435b1fc16467a5d5ae2aa3ebe5c12649c4f6f/app/static/data/"
            "nuovi/istat_prov.csv) — copia pubblica, valori dell'editore arrotondati dalla copia") in text
    assert "**Studenti per scuola: ordine, tipo di scuola e comune** (Ministero dell'Istruzione e del Merito)" in text


def test_dataset_cards_show_provenance_period_update_and_licence_and_the_republisher(data_dir):
    """Issue 16: the facts a reader checks are in cards (no horizontal scroll at any width), the
    register is InfoCamere's with the Marche chamber as republisher, and licences carry no
    editorial marker."""
    records = store.read_manifest()
    at = open_page("fonti")
    cards = [m.value for m in at.markdown if m.value.startswith("**")]
    assert len(cards) == len(records)
    by_title = {card.split("**")[1]: card for card in cards}
    for record in records.values():
        card = by_title[record.title]
        assert "Provenienza:" in card and "Periodo:" in card and "Ultimo aggiornamento:" in card
        assert f"Licenza: {record.licence}" in card
    firms = by_title[records["imprese"].title]
    assert "Editore: InfoCamere" in firms and "Ripubblicato da: CCIAA Marche" in firms
    table = _table(at).set_index("Dataset")
    assert table.loc[records["imprese"].title, "Ripubblicato da"] == "CCIAA Marche (open data)"
    assert not [r.licence for r in records.values() if "verificare" in r.licence or "[" in r.licence]
