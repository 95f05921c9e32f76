"""Downloads are safe: text cells that a spreadsheet would run as a formula come back as text."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from observatory import exports

FRAME = pd.DataFrame({
    "etichetta": ["=1+1", "+39 0341", "-sconto", "@SUM(A1)", "Lecco", "a=b"],
    "valore": [1.5, -2.25, 0.0, 3.0, -4.0, 1234.5],
    "conteggio": [1, -2, 3, 4, 5, 6],
})


def test_csv_round_trip_defuses_formulas_and_keeps_numbers():
    data = exports.to_csv(FRAME)
    assert data.startswith("\ufeff".encode("utf-8"))
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert back["etichetta"].tolist() == ["'=1+1", "'+39 0341", "'-sconto", "'@SUM(A1)", "Lecco", "a=b"]
    assert back["valore"].tolist() == [1.5, -2.25, 0.0, 3.0, -4.0, 1234.5]
    assert back["conteggio"].tolist() == [1, -2, 3, 4, 5, 6]


def test_excel_round_trip_stores_text_not_formulas_and_numbers_as_numbers():
    book = openpyxl.load_workbook(io.BytesIO(exports.to_excel(FRAME)))  # not data_only: formulas would show
    sheet = book["dati"]
    labels = [sheet.cell(row=r, column=1) for r in range(2, 8)]
    assert [c.value for c in labels] == ["'=1+1", "'+39 0341", "'-sconto", "'@SUM(A1)", "Lecco", "a=b"]
    assert all(c.data_type == "s" for c in labels)
    assert [sheet.cell(row=r, column=2).value for r in range(2, 8)] == [1.5, -2.25, 0, 3, -4, 1234.5]
    assert [sheet.cell(row=r, column=3).value for r in range(2, 8)] == [1, -2, 3, 4, 5, 6]
    assert all(sheet.cell(row=r, column=3).data_type == "n" for r in range(2, 8))


def test_the_original_frame_is_not_changed_and_other_text_dtypes_are_covered():
    frame = pd.DataFrame({"a": pd.Series(["=x", None], dtype="string"), "b": pd.Series(["-1", "2"], dtype=object)})
    safe = exports.neutralise(frame)
    assert safe["a"].tolist()[0] == "'=x" and pd.isna(safe["a"].tolist()[1])
    assert safe["b"].tolist() == ["'-1", "2"]  # a negative number stored as text is text
    assert frame["a"].tolist()[0] == "=x"


def test_demo_exports_say_so_inside_the_file():
    from observatory import charts

    frame = pd.DataFrame({"anno": [2024, 2025], "valore": [1.5, 2.5]})
    marked = exports.with_demo_warning(frame, "DATI DIMOSTRATIVI")
    back = pd.read_csv(io.BytesIO(exports.to_csv(marked)), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(back.columns) == ["avvertenza", "anno", "valore"]
    assert (back["avvertenza"] == "DATI DIMOSTRATIVI").all() and back["valore"].tolist() == [1.5, 2.5]
    chart = charts.recipe(charts.sorted_bars, frame.assign(nome=["a", "b"]), category="nome", value="valore",
                          title="Titolo", value_title="v", lang="it")
    spec = exports.spec_with_warning(charts.spec(chart, "it"), "DATI DIMOSTRATIVI")
    assert spec["title"]["text"] == "Titolo" and spec["title"]["subtitle"] == "DATI DIMOSTRATIVI"
    assert charts.to_png(spec)[:8] == b"\x89PNG\r\n\x1a\n"


def test_exports_of_a_public_copy_say_so_inside_the_file():
    noted = exports.with_note(FRAME, "provenienza_dei_dati", "copia pubblica, valori dell'editore invariati")
    back = pd.read_csv(io.BytesIO(exports.to_csv(noted)), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(back.columns)[0] == "provenienza_dei_dati"
    assert set(back["provenienza_dei_dati"]) == {"copia pubblica, valori dell'editore invariati"}
    assert back["valore"].tolist() == FRAME["valore"].tolist()
