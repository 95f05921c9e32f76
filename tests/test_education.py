"""Student indicators on small hand-computed inputs."""

from __future__ import annotations

import pandas as pd
import pytest

from observatory.indicators import education


def rows():
    data = [("2023/24", "097042", "liceo", "SCIENTIFICO", 100, 60),
            ("2024/25", "097042", "liceo", "SCIENTIFICO", 120, 70),
            ("2024/25", "097042", "tecnico", "TECNOLOGICO", 60, 10), ("2024/25", "013075", "iefp", "IEFP", 20, 5),
            ("2024/25", "013075", "liceo", "CLASSICO", 20, 15)]
    frame = pd.DataFrame(data, columns=["anno_scolastico", "comune_istat", "tipo_percorso", "percorso", "totale",
                                        "femmine"])
    frame["indirizzo"] = frame["percorso"]
    return frame


def test_scope_years_and_trend():
    lecco = education.in_scope(rows(), ("097",))
    assert len(lecco) == 3 and education.years(lecco) == ["2023/24", "2024/25"]
    trend = education.by_track_and_year(rows())
    assert trend[(trend["anno_scolastico"] == "2024/25")
                 & (trend["tipo_percorso"] == "liceo")]["studenti"].item() == 140
    assert trend["tipo_percorso"].tolist()[0] == "liceo"


def test_fields_shares_and_names():
    fields = education.by_field(rows(), "2024/25")
    assert fields.iloc[0]["percorso"] == "SCIENTIFICO" and fields.iloc[0]["quota"] == pytest.approx(120 / 220 * 100)
    assert fields.set_index("percorso").loc["IEFP", "nome"] == "IeFP"
    assert education.by_field(rows(), "2024/25", "liceo")["quota"].sum() == pytest.approx(100)


def test_summary_compares_with_the_previous_year():
    now = education.summary(rows(), "2024/25")
    assert now["totale"] == 220 and now["anno_precedente"] == "2023/24" and now["totale_precedente"] == 100
    assert now["quote"]["tecnico"] == pytest.approx(60 / 220 * 100) and now["quote"]["professionale"] == 0
    assert education.summary(rows(), "2023/24")["anno_precedente"] is None


def test_municipalities_without_schools_are_missing_not_zero():
    comuni = pd.DataFrame({"comune_istat": ["097042", "097001", "013075"], "comune": ["Lecco", "Abbadia", "Como"],
                           "provincia_istat": ["097", "097", "013"], "provincia": ["Lecco", "Lecco", "Como"]})
    out = education.by_municipality(rows(), comuni, ("097",), "2024/25").set_index("comune_istat")
    assert out.loc["097042", "valore"] == 180 and pd.isna(out.loc["097001", "valore"]) and "013075" not in out.index
