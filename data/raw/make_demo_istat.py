"""Write the demo ISTAT ASIA raw files (local units, `unita_locali`) under data/raw/istat/, at the paths
the connector requests.

The values are CONSTRUCTED (seeded, plausible levels), never real ISTAT figures; the format is
ISTAT's own (SDMX-ML structure, SDMX-CSV data). The labour-force rates are no longer constructed:
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

from istat_demo_format import sdmx_csv, structure_xml  # noqa: E402

from observatory import store  # noqa: E402
from observatory.sources import istat_asia  # noqa: E402

OUT = HERE / "istat"
REAL_BASE = "https://esploradati.istat.it/SDMXWS/rest"
RETRIEVED = date(2026, 11, 25).isoformat()
DSD = {istat_asia.FLOW: "DICA_ASIAULP"}

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
