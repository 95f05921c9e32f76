"""Write the demo ISTAT ASIA raw files (local units, `unita_locali`) under data/raw/istat/, at the paths
the connector requests.

The values are CONSTRUCTED (seeded), never real ISTAT figures; the format is ISTAT's own (SDMX-ML
structure, SDMX-CSV data). No local-unit count is published for Como or Lecco in
data/raw/published_figures: the only yardstick is the registered firms, so a province's local units in
a year are UNITS_PER_FIRM × its registered firms at the year's end (published_figures_Como_Lecco.csv
rows 96/97 for 2022; for 2023 the mean of rows 111/112 and 114/115, 30/09/2023 and 31/03/2024), an
assumption of the same order (ASIA leaves out farms and counts professionals, the register does the
opposite); municipalities share them by population. The labour-force rates are no longer constructed:
`forze_lavoro` is built from the public copies of ISTAT's values in data/raw/istat_lfs_provincial.
Run from the repository root:
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

from demo_calibration import FILE, figure, split  # noqa: E402
from istat_demo_format import sdmx_csv, structure_xml  # noqa: E402

from observatory import store  # noqa: E402
from observatory.sources import istat_asia  # noqa: E402

OUT = HERE / "istat"
REAL_BASE = "https://esploradati.istat.it/SDMXWS/rest"
RETRIEVED = date(2026, 11, 25).isoformat()
DSD = {istat_asia.FLOW: "DICA_ASIAULP"}
UNITS_PER_FIRM = 0.9
#: year → province code → (registered firms at the year's end, the rows it comes from)
REGISTERED = {2022: {"013": (figure(96), "riga 96"), "097": (figure(97), "riga 97")},
              2023: {"013": ((figure(111) + figure(114)) / 2, "media delle righe 111 e 114"),
                     "097": ((figure(112) + figure(115)) / 2, "media delle righe 112 e 115")}}

# ATECO 2007 groups common in the area: (code, weight, average persons employed per unit).
GROUPS = [("011", 3, 1.2), ("016", 1, 1.5), ("081", .2, 5), ("107", 1.5, 4), ("132", .8, 10), ("139", .8, 6),
          ("141", .8, 5), ("162", .7, 4), ("222", .8, 12), ("251", .9, 9), ("256", 1.8, 7), ("259", 1.0, 9),
          ("282", .6, 15), ("289", .6, 14), ("310", .6, 6), ("332", .7, 3), ("351", .3, 3), ("381", .2, 12),
          ("412", 3, 2.5), ("432", 3, 2.5), ("433", 3.5, 1.6), ("452", 1.2, 2.5), ("461", 2.5, 1.1),
          ("464", 1.5, 4), ("471", 1.2, 6), ("477", 2.8, 2.3), ("494", .8, 5), ("551", .6, 6), ("561", 4, 3.5),
          ("563", 1.8, 2.5), ("620", 1, 4), ("641", .5, 8), ("662", 1.5, 1.3), ("682", 4, .5), ("691", 3, 1.7),
          ("702", 1.8, 1.6), ("711", 4, 1.3), ("812", .7, 9), ("855", .5, 2.5), ("862", 3, 1.6),
          ("873", .1, 25), ("931", .4, 2), ("960", 3.5, 1.6)]


def units_by_municipality(rng: np.random.Generator, codes: list[str], population: dict[str, float]) -> dict:
    """year → municipality → local units: each province's calibrated total shared by population (± 15 %)."""
    weight = {code: max(population.get(code, 2500), 1) * rng.lognormal(0, .15) for code in codes}
    out = {}
    for year, provinces in REGISTERED.items():
        out[year] = {}
        for province, (registered, _) in provinces.items():
            mine = [code for code in codes if code.startswith(province)]
            drift = rng.uniform(.97, 1.03, len(mine)) if year != 2023 else np.ones(len(mine))
            parts = split(round(UNITS_PER_FIRM * registered), np.array([weight[c] for c in mine]) * drift)
            out[year].update(zip(mine, parts.tolist()))
    return out


def asia_rows(rng: np.random.Generator, codes: list[str], units: dict[int, dict[str, int]]) -> list[dict[str, str]]:
    weights = np.array([g[1] for g in GROUPS]) / sum(g[1] for g in GROUPS)
    mix = {code: rng.dirichlet(weights * 60) for code in codes}  # each municipality its own mix
    rows = []
    for code in codes:
        for year in sorted(units):
            counts = rng.multinomial(units[year][code], mix[code])
            staff = counts * np.array([g[2] for g in GROUPS]) * rng.lognormal(0, .25, len(GROUPS))
            cells = [(g[0], int(u), s) for g, u, s in zip(GROUPS, counts, staff) if u > 0]
            cells.append(("0010", sum(c[1] for c in cells), sum(c[2] for c in cells)))
            for ateco, count, persons in cells:
                for data_type, value in (("LU", str(count)), ("LUEMPDAA", f"{persons:.2f}")):
                    rows.append({"FREQ": "A", "REF_AREA": code, "DATA_TYPE": data_type,
                                 "ECON_ACTIVITY_NACE_2007": ateco, "PERS_EMPL_SIZE_CLASS": "TOTAL",
                                 "TIME_PERIOD": str(year), "OBS_VALUE": value})
    return rows


def write(relative: str, body: bytes, dataset: str, calibrated: bool = True) -> None:
    path = OUT / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    sidecar = {"publisher": "ISTAT", "url": f"{REAL_BASE}/{relative}", "retrieved": RETRIEVED,
               "licence": "CC BY 4.0", "sha256": hashlib.sha256(body).hexdigest(), "provenance": "dimostrativo",
               "datasets": [dataset], "note": NOTE if calibrated else "struttura costruita nel formato dell'editore",
               **({"calibrazione": CALIBRATION} if calibrated else {})}
    text = json.dumps(sidecar, ensure_ascii=False, indent=1) + "\n"
    Path(f"{path}.provenance.json").write_text(text, encoding="utf-8")


NOTE = (f"COSTRUITO da data/raw/make_demo_istat.py (seme 20261125) nel formato dell'editore: nessun numero di "
        f"unità locali pubblicato per Como e Lecco; per provincia unità locali = {UNITS_PER_FIRM} × imprese "
        f"registrate a fine anno ({FILE}, righe 96, 97 per il 2022; medie delle righe 111/114 e 112/115 per il "
        "2023), ripartite tra i comuni secondo la popolazione; settori e addetti ipotizzati.")
CALIBRATION = {"unita_per_impresa": UNITS_PER_FIRM,
               "obiettivi": [{"provincia_istat": province, "anno": year, "imprese_registrate": registered,
                              "unita_locali": round(UNITS_PER_FIRM * registered), "fonte": f"{FILE} {where}"}
                             for year, provinces in REGISTERED.items()
                             for province, (registered, where) in provinces.items()]}


def main() -> None:
    rng = np.random.default_rng(20261125)
    shutil.rmtree(OUT, ignore_errors=True)
    dims = list(istat_asia.DIMS)
    write(f"dataflow/IT1/{istat_asia.FLOW}/1.0",
          structure_xml(istat_asia.FLOW, DSD[istat_asia.FLOW], "Unità locali e addetti", dims), "unita_locali",
          calibrated=False)
    pop = store.read_dataset("popolazione", base=HERE.parent / "snapshot").groupby("comune_istat")["totale"].sum()
    population = pop.to_dict()  # current codes: Uggiate con Ronago (013256) is one municipality
    codes = istat_asia.municipalities()
    units = units_by_municipality(rng, codes, population)
    for batch in istat_asia.batches(codes):
        body = sdmx_csv(istat_asia.FLOW, dims, asia_rows(rng, batch, units))
        write(f"data/{istat_asia.FLOW}/{istat_asia.batch_key(dims, batch)}", body, "unita_locali")
    total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"wrote {sum(1 for p in OUT.rglob('*') if p.is_file())} files, {total / 1e6:.2f} MB under {OUT}")


if __name__ == "__main__":
    main()
