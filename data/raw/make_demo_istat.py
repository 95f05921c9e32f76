"""Write the demo ISTAT raw files under data/raw/istat/, at the paths the connector requests.

The values are CONSTRUCTED (seeded, plausible levels and trends), never real ISTAT figures; the
format is ISTAT's own (SDMX-ML structure, SDMX-CSV data). Run from the repository root:
    python data/raw/make_demo_istat.py
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from datetime import date
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent.parent)]

from istat_demo_format import sdmx_csv, structure_xml  # noqa: E402

from observatory import store  # noqa: E402
from observatory.sources import istat, istat_asia  # noqa: E402

OUT = HERE / "istat"
REAL_BASE = "https://esploradati.istat.it/SDMXWS/rest"
RETRIEVED = date(2026, 11, 25).isoformat()
YEARS = list(range(2004, 2026))
DSD = {"150_915": "DCCV_TAXOCCU1", "151_914": "DCCV_TAXDISOCCU1", "150_916": "DCCV_TAXATVT1",
       "152_913": "DCCV_TAXINATT1", "150_1189": "DCCV_TAXOCCU1_UNT2020", "151_1193": "DCCV_TAXDISOCCU1_UNT2020",
       "150_1191": "DCCV_TAXATVT1_UNT2020", "152_1196": "DCCV_TAXINATT1_UNT2020", istat_asia.FLOW: "DICA_ASIAULP"}
NAMES = {"tasso_occupazione": "Tasso di occupazione", "tasso_disoccupazione": "Tasso di disoccupazione",
         "tasso_attivita": "Tasso di attività", "tasso_inattivita": "Tasso di inattività"}

# Italy's path, 2004-2025 (shape of the real series: 2009 and 2012-14 crises, 2020 pandemic).
IT_EMP = [57.4, 57.5, 58.3, 58.6, 58.6, 57.4, 56.8, 56.8, 56.6, 55.5, 55.7, 56.3, 57.2, 58.0, 58.5, 59.0,
          58.1, 58.9, 60.1, 61.5, 62.2, 62.5]
IT_UNEM = [8.0, 7.7, 6.8, 6.1, 6.7, 7.8, 8.4, 8.4, 10.7, 12.1, 12.7, 11.9, 11.7, 11.2, 10.6, 10.0, 9.3, 9.5,
           8.1, 7.7, 6.6, 6.1]
IT_YOUTH = [23.5, 24.0, 21.6, 20.3, 21.2, 25.3, 27.9, 29.2, 35.3, 40.0, 42.7, 40.3, 37.8, 34.7, 32.2, 29.2,
            29.8, 29.7, 23.7, 22.7, 20.3, 19.5]


def rates(rng: np.random.Generator) -> dict[tuple[str, str], dict[str, np.ndarray]]:
    """(territory, sex) → indicator/age → yearly values."""
    out = {}
    years = np.array(YEARS) - 2004
    for area in istat.territories():
        noise = 0.0 if area == "IT" else (0.25 if area == "ITC4" else 0.9)
        lomb = area != "IT"
        emp = np.array(IT_EMP) + (8.8 - 0.08 * years if lomb else 0)
        emp += {"ITC42": -1.0, "ITC43": 0.6}.get(area, 0) + rng.normal(0, noise, len(years))
        unem = np.array(IT_UNEM) * (0.6 if lomb else 1) * {"ITC42": 1.0, "ITC43": 0.85}.get(area, 1)
        unem = np.clip(unem + rng.normal(0, noise * 0.6, len(years)), 1.5, None)
        youth = np.array(IT_YOUTH) * (0.68 if lomb else 1) + rng.normal(0, noise * 2, len(years))
        youth = np.clip(youth, 5, None)
        gap = (20 if lomb else 25) - (6 if lomb else 7.5) * years / 21
        for sex, sign, u_factor in (("9", 0, 1.0), ("1", 1, 0.88), ("2", -1, 1.15)):
            e = emp + sign * gap / 2 + (rng.normal(0, noise * 0.5, len(years)) if sign else 0)
            u = unem * u_factor
            act = e / (1 - u / 100)
            out[(area, sex)] = {"EMP_R/Y15-64": e, "EMP_R/Y15-89": e * 0.725, "UNEM_R/Y15-74": u,
                                "UNEM_R/Y15-24": youth * u_factor, "ACT_R/Y15-64": act, "INAC_R/Y15-64": 100 - act}
    return out


def lfs_rows(flow: istat.Flow, values, dims) -> list[dict[str, str]]:
    previous = flow.serie == istat.PREVIOUS
    wanted = [y for y in YEARS if (y <= 2020 if previous else y >= 2018)]
    rows = []
    for (area, sex), series in values.items():
        for age in flow.ages:
            for year in wanted:
                # the old regulation reads a little differently: a visible break at 2021
                shift = {"EMP_R": .3, "ACT_R": .3, "INAC_R": -.3}.get(flow.data_type, 0) if previous else 0
                value = series[f"{flow.data_type}/{age}"][YEARS.index(year)] + shift
                blank = area == "ITC43" and sex == "2" and age == "Y15-24" and year in (2005, 2006)
                row = {"FREQ": "A", "REF_AREA": area, "DATA_TYPE": flow.data_type, "SEX": sex, "AGE": age,
                       "TIME_PERIOD": str(year), "OBS_VALUE": "" if blank else f"{value:.6f}", **flow.fixed()}
                rows.append({k: v for k, v in row.items() if k in dims or k in ("TIME_PERIOD", "OBS_VALUE")})
    return rows


# ATECO 2007 groups common in the area: (code, weight, average persons employed per unit).
GROUPS = [("011", 3, 1.2), ("016", 1, 1.5), ("081", .2, 5), ("107", 1.5, 4), ("132", .8, 10), ("139", .8, 6),
          ("141", .8, 5), ("162", .7, 4), ("222", .8, 12), ("251", .9, 9), ("256", 1.8, 7), ("259", 1.0, 9),
          ("282", .6, 15), ("289", .6, 14), ("310", .6, 6), ("332", .7, 3), ("351", .3, 3), ("381", .2, 12),
          ("412", 3, 2.5), ("432", 3, 2.5), ("433", 3.5, 1.6), ("452", 1.2, 2.5), ("461", 2.5, 1.1),
          ("464", 1.5, 4), ("471", 1.2, 6), ("477", 2.8, 2.3), ("494", .8, 5), ("551", .6, 6), ("561", 4, 3.5),
          ("563", 1.8, 2.5), ("620", 1, 4), ("641", .5, 8), ("662", 1.5, 1.3), ("682", 4, .5), ("691", 3, 1.7),
          ("702", 1.8, 1.6), ("711", 4, 1.3), ("812", .7, 9), ("855", .5, 2.5), ("862", 3, 1.6),
          ("873", .1, 25), ("931", .4, 2), ("960", 3.5, 1.6)]


def asia_rows(rng: np.random.Generator, codes: list[str], population: dict[str, float]) -> list[dict[str, str]]:
    weights = np.array([g[1] for g in GROUPS]) / sum(g[1] for g in GROUPS)
    rows = []
    for code in codes:
        total_units = max(3, int(population.get(code, 2500) * 0.085 * rng.lognormal(0, .15)))
        units_2023 = rng.multinomial(total_units, weights)
        for year, units in ((2022, np.round(units_2023 * rng.uniform(.95, 1.03, len(GROUPS)))), (2023, units_2023)):
            staff = units * np.array([g[2] for g in GROUPS]) * rng.lognormal(0, .25, len(GROUPS))
            cells = [(g[0], int(u), s) for g, u, s in zip(GROUPS, units, staff) if u > 0]
            cells.append(("0010", sum(c[1] for c in cells), sum(c[2] for c in cells)))
            for ateco, count, persons in cells:
                for data_type, value in (("LU", str(count)), ("LUEMPDAA", f"{persons:.2f}")):
                    rows.append({"FREQ": "A", "REF_AREA": code, "DATA_TYPE": data_type,
                                 "ECON_ACTIVITY_NACE_2007": ateco, "PERS_EMPL_SIZE_CLASS": "TOTAL",
                                 "TIME_PERIOD": str(year), "OBS_VALUE": value})
    return rows


def write(relative: str, body: bytes, dataset: str) -> None:
    path = OUT / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    sidecar = {"publisher": "ISTAT", "url": f"{REAL_BASE}/{relative}", "retrieved": RETRIEVED,
               "licence": "CC BY 4.0", "sha256": hashlib.sha256(body).hexdigest(), "provenance": "dimostrativo",
               "datasets": [dataset], "note": "campione costruito nel formato dell'editore"}
    text = json.dumps(sidecar, ensure_ascii=False, indent=1) + "\n"
    Path(f"{path}.provenance.json").write_text(text, encoding="utf-8")


def main() -> None:
    rng = np.random.default_rng(20261125)
    shutil.rmtree(OUT, ignore_errors=True)
    values = rates(rng)
    for flow in istat.FLOWS:
        dims = list(flow.dims)
        write(f"dataflow/IT1/{flow.id}/1.0", structure_xml(flow.id, DSD[flow.id], NAMES[flow.indicatore], dims),
              "forze_lavoro")
        write(f"data/{flow.id}/{istat.flow_key(flow, dims)}", sdmx_csv(flow.id, dims, lfs_rows(flow, values, dims)),
              "forze_lavoro")
    dims = list(istat_asia.DIMS)
    write(f"dataflow/IT1/{istat_asia.FLOW}/1.0",
          structure_xml(istat_asia.FLOW, DSD[istat_asia.FLOW], "Unità locali e addetti", dims), "unita_locali")
    pop = store.read_dataset("popolazione", base=HERE.parent / "snapshot").groupby("comune_istat")["totale"].sum()
    population = {**pop.to_dict(), "013256": pop.get("013199", 0) + pop.get("013228", 0)}
    for batch in istat_asia.batches(istat_asia.municipalities()):
        body = sdmx_csv(istat_asia.FLOW, dims, asia_rows(rng, batch, population))
        write(f"data/{istat_asia.FLOW}/{istat_asia.batch_key(dims, batch)}", body, "unita_locali")
    total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"wrote {sum(1 for p in OUT.rglob('*') if p.is_file())} files, {total / 1e6:.2f} MB under {OUT}")


if __name__ == "__main__":
    main()
