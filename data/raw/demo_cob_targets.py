"""What the constructed Comunicazioni Obbligatorie are calibrated on, per dataset and province, and the prior
(level × seasonality) that fills the months no published figure fixes.

Every target is a row of published_figures_Como_Lecco.csv (Quadrante Lavoro / UIL Lario for 2019–2020,
the Provincia di Como for 2023, the Osservatorio provinciale di Lecco for 2022–2025), or a figure its
note quotes; approximate figures get an exact count that rounds to them. The earlier vintage of 2019-Q2
(rows 45–48, republished in the 2020 note) is not used. Nothing is published for the rest of Lombardy:
its level is the observatory's assumption (≈ 120.000 hires a month), not a figure."""

from __future__ import annotations

import numpy as np
from demo_calibration import Target, approximate, published, quoted

YEARS = range(2019, 2026)
MONTHS = [(year, month) for year in YEARS for month in range(1, 13)]

TARGETS: dict[str, dict[str, list[Target]]] = {
    "avviamenti": {
        "COMO": [published(11), published(34), published(30), published(33), published(29),
                 approximate(61, 84_250)],
        "LECCO": [published(14), published(36), published(32), published(55), published(59), published(35),
                  published(31), published(53), published(57), approximate(64, 21_016), published(66),
                  published(67)],
    },
    "cessazioni": {
        "COMO": [published(12), published(42), published(38), published(41), published(37),
                 approximate(62, 80_750)],
        "LECCO": [published(15), published(44), published(40), published(56), published(60), published(43),
                  published(39), published(54), published(58), quoted(64, "cessazioni ~22,000", "2022-H2", 22_000),
                  quoted(66, "cessazioni ~11,200", "2023-Q3", 11_167), published(68)],
    },
    "proroghe": {"COMO": [quoted(61, "37,000 proroghe", "2023")], "LECCO": []},
    "trasformazioni": {"COMO": [quoted(61, "11,000 trasformazioni", "2023")], "LECCO": []},
}
#: balances the targets above must also give (hires − terminations of the same period): rows 13, 16
#: (2019), 63 (Como 2023, ≈ 3.500), 65 (Lecco 2022-H2, −984) and the notes of rows 66 and 67
BALANCES = {("COMO", "2019"): 13, ("LECCO", "2019"): 16, ("COMO", "2023"): 63, ("LECCO", "2022-H2"): 65}

#: 2019 hires a month before seasonality: Como and Lecco from rows 11 and 14; the rest of Lombardy assumed
BASE = {"COMO": 69_185 / 12, "LECCO": 35_222 / 12, "REST": 109_000}
#: hires in a year against 2019, outside the months a published figure fixes (assumed: the 2023 Como
#: figure is 1,22 × 2019, Lecco 2025-H1 is 1,20 × 2019-H1)
LEVEL = {2019: 1.00, 2020: 0.93, 2021: 1.06, 2022: 1.17, 2023: 1.21, 2024: 1.20, 2025: 1.19}
COVID = {(2020, 3): 0.60, (2020, 4): 0.30, (2020, 5): 0.55, (2020, 6): 0.85}
#: terminations, extensions and transformations per hire (proroghe and trasformazioni from the note of row
#: 61: ≈ 37.000 and 11.000 against ≈ 84.000 hires in Como in 2023)
PER_HIRE = {"avviamenti": 1.0, "cessazioni": 0.97, "proroghe": 37_000 / 84_250, "trasformazioni": 11_000 / 84_250}
SEASON = {
    "avviamenti": [1.15, 0.95, 1.05, 1.00, 1.05, 1.05, 0.95, 0.55, 1.25, 1.10, 0.95, 0.75],
    "cessazioni": [0.80, 0.80, 0.90, 0.90, 0.95, 1.25, 1.10, 0.95, 1.15, 0.95, 0.85, 1.40],
    "proroghe": [1.30, 0.90, 1.00, 0.95, 1.00, 1.05, 1.00, 0.70, 1.00, 1.00, 0.95, 1.15],
    "trasformazioni": [1.60, 0.90, 0.95, 0.90, 0.90, 0.95, 1.00, 0.60, 0.95, 1.00, 0.95, 1.30],
}


def prior(dataset_id: str, scope: str) -> np.ndarray:
    """Expected events a month for one scope (COMO, LECCO, REST) where nothing published fixes them."""
    season = np.array(SEASON[dataset_id]) / np.mean(SEASON[dataset_id])
    covid = 1.0 if dataset_id == "avviamenti" else 0.5  # terminations fell less than hires in spring 2020
    return np.array([BASE[scope] * PER_HIRE[dataset_id] * LEVEL[y] * season[m - 1]
                     * (1 - (1 - COVID.get((y, m), 1.0)) * covid) for y, m in MONTHS])
