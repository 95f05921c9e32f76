"""Citable downloads: headings as the chart names its columns (it/en), values rounded as drawn with
full precision beside, names instead of territory codes, gaps kept as gaps; the Excel metadata
sheet; the citation text; the PNG's source band; long titles wrapped in the picture."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
from PIL import Image

from observatory import charts, citable, exports, store

FRAME = pd.DataFrame({"territorio": ["ITC42", "ITC43", "ITC42+ITC43"], "anno": [2024, 2024, 2024],
                      "valore": [11.631925924345545, 7556.7300000000005, None], "circa": [True, False, False],
                      "quota_0_14": [12.0, 13.0, 12.5]})
SPEC = {"title": {"text": "Un titolo"}, "layer": [{"encoding": {
    "y": {"field": "valore", "type": "quantitative", "title": "Occupati (migliaia) (l'asse parte da zero)",
          "axis": {"format": ",.1f"}},
    "x": {"field": "anno", "type": "ordinal"},
    "tooltip": [{"field": "valore", "title": "Occupati (migliaia)", "format": ",.1f"},
                {"field": "territorio", "title": "Territorio"}]}}]}


def record(**changes) -> store.DatasetRecord:
    values = dict(id="forze_lavoro", title="Forze di lavoro", publisher="ISTAT",
                  source_url="https://esploradati.istat.it/", licence="CC BY 4.0", provenance="ufficiale",
                  period_start="2018", period_end="2025", retrieved_at="2026-12-01T10:00:00+00:00", rows=10,
                  sha256="x")
    return store.DatasetRecord(**{**values, **changes})


def test_columns_are_headed_and_rounded_as_the_chart_shows_them():
    out = citable.citable(FRAME, SPEC, "it")
    assert list(out.columns) == ["Territorio", "Anno", "Occupati (migliaia)", "Valore approssimato («circa»)",
                                 "Quota 0-14 anni (%)", "Codice territorio", "Occupati (migliaia) (valore completo)"]
    assert out["Territorio"].tolist() == ["Como", "Lecco", "Como + Lecco"]
    assert out["Codice territorio"].tolist() == ["ITC42", "ITC43", "ITC42+ITC43"]
    assert out["Occupati (migliaia)"].tolist()[:2] == [11.6, 7556.7] and pd.isna(out["Occupati (migliaia)"][2])
    assert out["Occupati (migliaia) (valore completo)"].tolist()[:2] == [11.631925924345545, 7556.7300000000005]
    assert out["Valore approssimato («circa»)"].tolist() == ["sì", "no", "no"]
    csv = exports.to_csv(out).decode("utf-8-sig")
    assert "11,6;" in csv and "7556,7;" in csv and "11,631925924345545" in csv
    assert "ITC43" not in csv.splitlines()[2].split(";")[0] and ";;" in csv.splitlines()[3], "a gap stays a gap"


def test_english_headings_and_undrawn_numbers():
    out = citable.citable(FRAME.drop(columns=["valore"]), None, "en")
    assert list(out.columns)[:3] == ["Area", "Year", "Approximate value (“about”)"]
    assert out["Share aged 0-14 (%)"].tolist() == [12.0, 13.0, 12.5], "one decimal when not drawn"
    assert out["Year"].dtype == "Int64"


def test_the_excel_file_has_the_rows_and_a_metadata_sheet():
    found = [record()]
    meta = citable.metadata("Disoccupazione 2025", found, "https://oss.example/mercato-lavoro?sezione=tassi", "it",
                            rounded=True)
    data = exports.to_excel(citable.citable(FRAME, SPEC, "it"), "dati", meta, "metadati", ("voce", "valore"))
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["dati", "metadati"]
    rows = {r[0].value: r[1].value for r in book["metadati"].iter_rows(min_row=2)}
    assert rows["Titolo"] == "Disoccupazione 2025" and rows["Editore"] == "ISTAT"
    assert rows["Fonte"] == "ISTAT, Forze di lavoro (CC BY 4.0)" and rows["Licenza"] == "CC BY 4.0"
    assert rows["Periodo"] == "2018 – 2025" and rows["Dati aggiornati il"] == "1 dic 2026"
    assert rows["Indirizzo di questa vista"] == "https://oss.example/mercato-lavoro?sezione=tassi"
    assert rows["Provenienza"] == "ufficiale" and "valore completo" in rows["Arrotondamento"]
    assert book["dati"].cell(row=1, column=1).value == "Territorio"


def test_the_citation_names_title_source_period_link_and_demo():
    text = citable.citation("Disoccupazione 2025", [record()], "https://oss.example/v", "it", how="copia pubblica")
    assert text.startswith("«Disoccupazione 2025». Fonte: ISTAT, Forze di lavoro (CC BY 4.0) — copia pubblica.")
    assert "Periodo: 2018 – 2025." in text and "https://oss.example/v" in text
    demo = citable.citation("T", [record(provenance="dimostrativo")], "u", "en")
    assert "demo data" in demo and demo.startswith("“T”. Source:")


def test_the_png_gets_a_source_band_below_the_chart():
    chart = charts.recipe(charts.sorted_bars, pd.DataFrame({"nome": ["a", "b"], "valore": [1.0, 2.0]}),
                          category="nome", value="valore", title="Titolo", value_title="v", lang="it")
    png = charts.to_png(charts.spec(chart, "it"))
    banded = citable.with_source_band(png, ["Fonte: ISTAT, Forze di lavoro (CC BY 4.0)", "dati al 1 dic 2026"])
    before, after = Image.open(io.BytesIO(png)), Image.open(io.BytesIO(banded)).convert("RGB")
    assert after.width == before.width and after.height > before.height + 40
    assert after.crop((0, before.height, after.width, after.height)).convert("L").getextrema()[0] < 160


def test_a_long_title_is_wrapped_in_the_picture():
    long = "Assunzioni previste nel quarto trimestre del 2025 a Como e Lecco: " * 3
    wrapped = citable.wrap_title({"title": {"text": long, "anchor": "start"}}, width_px=600)
    lines = wrapped["title"]["text"]
    assert isinstance(lines, list) and len(lines) > 2 and " ".join(lines).split() == long.split()
    assert wrapped["title"]["anchor"] == "start"
    assert citable.wrap_title({"title": "Breve"}) == {"title": "Breve"}
