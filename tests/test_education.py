"""Student indicators on small hand-computed inputs, and on the real shipped copies."""

from __future__ import annotations

import pandas as pd
import pytest

from observatory import store
from observatory.indicators import education, headlines
from tests.conftest import REPO


def rows():
    data = [  # anno, code, provincia, comune, ordine, tipo, tipologia, totale
        ("2020/21", "LCEE00001X", "097", "097042", "primaria", "primaria", "EE", 300),
        ("2020/21", "LCPS00001X", "097", "097042", "secondaria_secondo_grado", "liceo", "PS", 100),
        ("2023/24", "LCAA00001X", "097", "097042", "infanzia", "infanzia", "AA", 50),
        ("2023/24", "LCEE00001X", "097", "097042", "primaria", "primaria", "EE", 280),
        ("2023/24", "LCPS00001X", "097", "097042", "secondaria_secondo_grado", "liceo", "PS", 110),
        ("2024/25", "LCAA00001X", "097", "097042", "infanzia", "infanzia", "AA", 45),
        ("2024/25", "LCEE00001X", "097", "097042", "primaria", "primaria", "EE", 270),
        ("2024/25", "LCPS00001X", "097", "097042", "secondaria_secondo_grado", "liceo", "PS", 120),
        ("2024/25", "LCTD00001X", "097", None, "secondaria_secondo_grado", "tecnico", "TD", 60),
        ("2024/25", "COTF00001X", "013", "013075", "secondaria_secondo_grado", "tecnico", "TF", 40),
    ]
    frame = pd.DataFrame(data, columns=["anno_scolastico", "codice_scuola", "provincia_istat", "comune_istat",
                                        "ordine", "tipo_scuola", "tipologia", "totale"])
    frame["totale"] = frame["totale"].astype("Int64")
    return frame


def test_scope_counts_unplaced_schools_in_their_province():
    lecco = education.in_scope(rows(), ("097",))
    assert len(lecco) == 9 and education.years(lecco) == ["2020/21", "2023/24", "2024/25"]
    assert lecco.loc[lecco["anno_scolastico"] == "2024/25", "totale"].sum() == 45 + 270 + 120 + 60
    assert education.unplaced(lecco, "2024/25") == (1, 60, pytest.approx(60 / 495 * 100))
    assert education.unplaced(lecco, "2023/24") == (0, 0, 0.0)


def test_years_with_fewer_orders_are_never_compared():
    frame = rows()
    assert education.partial_years(frame) == ["2020/21"]
    assert education.comparable_previous(frame, "2024/25") == "2023/24"
    assert education.comparable_previous(frame, "2023/24") is None  # 2020/21 has no infanzia
    now = education.summary(frame, "2023/24")
    assert now["prima"] is None and now["ora"]["totale"] == 440 and now["ora"]["infanzia"] == 50


def test_latest_enrolment_is_the_overview_number():
    found = education.latest_enrolment(rows(), ("013", "097"))
    assert found == education.Enrolment("2024/25", 535, "2023/24", 440)
    assert headlines.students_latest(rows(), ("013", "097")) == found  # one function, called from both
    assert education.latest_enrolment(rows(), ("016",)) is None


def test_types_kinds_and_choices():
    by_type = education.by_type(rows(), "2024/25").set_index("tipo_scuola")
    assert list(by_type.index) == ["infanzia", "primaria", "liceo", "tecnico"]  # page order, no empty types
    assert by_type.loc["tecnico", "studenti"] == 100 and by_type["quota"].sum() == pytest.approx(100)
    kinds = education.by_school_kind(rows(), "2024/25")
    assert kinds["tipologia"].tolist() == ["PS", "TD", "TF"]
    assert kinds["quota"].iloc[0] == pytest.approx(120 / 220 * 100)
    assert education.by_school_kind(rows(), "2024/25", "tecnico")["studenti"].sum() == 100
    assert education.select(rows(), "secondaria_secondo_grado")["tipo_scuola"].nunique() == 2
    trend = education.by_group_and_year(rows())
    assert trend["ordine"].tolist()[0] == "infanzia"
    assert "2020/21" not in set(trend.loc[trend["ordine"] == "infanzia", "anno_scolastico"])  # absent, not 0
    upper = education.by_group_and_year(education.select(rows(), "secondaria_secondo_grado"), "tipo_scuola")
    assert upper.set_index(["anno_scolastico", "tipo_scuola"]).loc[("2024/25", "tecnico"), "studenti"] == 100
    kinds = rows().assign(provenienza=["copia_aggregata"] * 2 + ["copia_verbatim"] * 8)
    mixed = education.by_group_and_year(kinds).set_index(["anno_scolastico", "ordine"])["provenienza"]
    assert mixed[("2020/21", "primaria")] == "copia_aggregata" and mixed[("2024/25", "primaria")] == "copia_verbatim"


def test_municipalities_without_schools_are_missing_not_zero():
    comuni = pd.DataFrame({"comune_istat": ["097042", "097001", "013075"], "comune": ["Lecco", "Abbadia", "Como"],
                           "provincia_istat": ["097", "097", "013"], "provincia": ["Lecco", "Lecco", "Como"]})
    out = education.by_municipality(rows(), comuni, ("097",), "2024/25").set_index("comune_istat")
    assert out.loc["097042", "valore"] == 435 and pd.isna(out.loc["097001", "valore"]) and "013075" not in out.index
    licei = education.by_municipality(rows(), comuni, ("097",), "2024/25", "liceo").set_index("comune_istat")
    assert licei.loc["097042", "valore"] == 120


def test_the_shipped_snapshot_has_the_real_students():
    """The Ministry's counts (PROVENANCE of data/raw/mim_schools): Como 73,346 and Lecco 43,642 in 2024/25."""
    studenti = store.read_dataset("studenti", base=REPO / "data" / "snapshot")
    found = education.latest_enrolment(studenti, ("013", "097"))
    assert found.anno_scolastico == "2024/25" and found.totale == 73_346 + 43_642
    assert education.latest_enrolment(studenti, ("013",)).totale == 73_346
    sites, students, share = education.unplaced(education.in_scope(studenti, ("013", "097")), "2024/25")
    assert (sites, students) == (12, 605) and share == pytest.approx(0.517, abs=0.001)
    assert education.partial_years(studenti) == ["2018/19", "2019/20", "2020/21"]
