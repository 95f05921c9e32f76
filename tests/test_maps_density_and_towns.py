"""Maps that compare towns of different sizes and say where they are (issue 16): the population map
offers residents per km² beside the counts, and every map names the provincial capitals and the
largest towns."""

from __future__ import annotations

from observatory import geo, store
from observatory.indicators import population
from tests.pagetest import maps_drawn, open_page


def _towns(deck: dict) -> list[str]:
    return [row["name"] for layer in deck["layers"] if layer["id"] == "citta" for row in layer["data"]]


def test_areas_are_close_to_istat_s_official_surfaces(data_dir):
    areas = geo.areas_km2(store.read_dataset("comuni"))
    # ISTAT's surfaces: Como 37,12 km², Lecco 45,93 km² (the shipped boundaries are simplified)
    assert abs(areas["013075"] - 37.12) / 37.12 < 0.03 and abs(areas["097042"] - 45.93) / 45.93 < 0.03


def test_the_population_map_offers_density_and_names_the_main_towns(data_dir):
    pop, comuni = store.read_dataset("popolazione"), store.read_dataset("comuni")
    density = population.density_by_municipality(pop, comuni, ("013", "097")).dropna(subset=["valore"])
    at = open_page("panoramica", sezione="mappa", misura="densita")
    assert not at.exception, [e.value for e in at.exception]
    assert at.subheader[0].value.startswith("Abitanti per km² per comune, Como + Lecco: il più denso è "
                                            f"{density.iloc[0]['comune']}")
    deck = maps_drawn(at)[0]
    painted = {f["properties"]["comune"]: f["properties"]["valore"]
               for f in next(layer for layer in deck["layers"] if layer["id"] == "comuni")["data"]["features"]}
    residents = population.residents_by_municipality(pop, comuni, ("013", "097"))
    # the counts map would paint Como as the largest; by density it is not the top
    assert residents.iloc[0]["comune"] == "Como" and density.iloc[0]["comune"] != "Como"
    assert painted["Como"] != f"{int(residents.iloc[0]['valore']):,}".replace(",", ".")
    assert {"Como", "Lecco"} <= set(_towns(deck)) and len(_towns(deck)) == 6


def test_counts_stay_the_default_and_the_other_maps_name_their_towns(data_dir):
    at = open_page("panoramica", sezione="mappa")
    assert at.subheader[0].value.startswith("Popolazione residente per comune")
    assert {"Como", "Lecco"} <= set(_towns(maps_drawn(at)[0]))
    at = open_page("imprese", sezione="comuni", territorio="097")
    assert not at.exception, [e.value for e in at.exception]
    assert "Lecco" in _towns(maps_drawn(at)[0]) and "Como" not in _towns(maps_drawn(at)[0])
    at = open_page("formazione", sezione="mappa")
    assert not at.exception, [e.value for e in at.exception]
    assert {"Como", "Lecco"} <= set(_towns(maps_drawn(at)[0]))
