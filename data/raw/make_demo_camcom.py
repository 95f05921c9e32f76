"""Write CONSTRUCTED InfoCamere registry files in the exact layout of opendata.marche.camcom.it, at full scale
and calibrated on the Registro imprese figures the Chamber of Commerce Como-Lecco published.

Per province (Como, Lecco), in published_figures_Como_Lecco.csv:
- registrations (iscrizioni) equal rows 121/123 (2022), 133/135 (2022-M1-9), 139/141 (2023-Q1),
  145/147 (2023-M1-9), 127/129 (2024), 151/153 (2024-Q1), 157/159 (2024-M1-9);
- closures (cessazioni) equal the published closures other than ex-officio deletions of the same periods
  (rows 122/124, 134/136, 140/142, 146/148, 128/130, 152/154, 158/160) and give the 2023 natural
  balance of row 161 (Como + Lecco +275, its note: Lecco +107);
- active firms (attive) at each published date are QUOTA_ATTIVE × the registered firms published for it
  (rows 96–118, eight dates from 30/06/2022 to 31/12/2024): active firms are not published for the
  provinces, and registered ones include inactive firms; the share is an assumption of this demo, not
  a figure. Sector shares at
  31/12/2022 follow row 163 (agriculture, industry, construction, trade, services of Como + Lecco).
Months no figure fixes (and 2025–2026, and the other territories) follow a stated prior. The whole
series is in ATECO 2025 sections (the real file starts in April 2025). Seeded: byte-identical on every
run; provenance "dimostrativo". Run: python data/raw/make_demo_camcom.py"""

from __future__ import annotations

import calendar
import csv
import io
from pathlib import Path

import numpy as np
from _sidecar import write_sidecar
from demo_calibration import FILE, Target, monthly_totals, months_of, note_figure, published, row, split

OUT = Path(__file__).resolve().parent / "camcom"
REAL_BASE = "https://opendata.marche.camcom.it/data"
SEED = 20261125
MONTHS = [(y, m) for y in range(2022, 2027) for m in range(1, 13) if (y, m) <= (2026, 10)]
QUOTA_ATTIVE = 0.88
SECTIONS = {  # ATECO 2025 section label → (group of row 163, share of active firms within the group)
    "A Agricoltura, silvicoltura e pesca": ("agri", 1.0),
    "B Estrazione di minerali da cave e miniere": ("industria", 0.005),
    "C Attivita' manifatturiere": ("industria", 0.965),
    "D Fornitura di energia elettrica, gas, vapore e aria condizionata": ("industria", 0.015),
    "E Fornitura di acqua; reti fognarie, attivita' di gestione dei rifiuti e risanamento": ("industria", 0.015),
    "F Costruzioni": ("costruzioni", 1.0),
    "G Commercio all'ingrosso e al dettaglio": ("commercio", 1.0),
    "H Trasporto e magazzinaggio": ("servizi", 0.055),
    "I Attivita' dei servizi di alloggio e di ristorazione": ("servizi", 0.175),
    "J Attivita' editoriali, di trasmissione e di produzione e distribuzione di contenuti": ("servizi", 0.018),
    "K Telecomunicazioni, programmazione e consulenza informatica e altri servizi d'informazione": ("servizi", 0.04),
    "L Attivita' finanziarie e assicurative": ("servizi", 0.055),
    "M Attivita' immobiliari": ("servizi", 0.16),
    "N Attivita' professionali, scientifiche e tecniche": ("servizi", 0.10),
    "O Attivita' amministrative e di servizi di supporto": ("servizi", 0.08),
    "P Amministrazione pubblica e difesa; assicurazione sociale obbligatoria": ("servizi", 0.0003),
    "Q Istruzione": ("servizi", 0.011),
    "R Attivita' dei servizi sanitari e di assistenza sociale": ("servizi", 0.014),
    "S Attivita' artistiche, sportive e di intrattenimento": ("servizi", 0.028),
    "T Altre attivita' di servizi": ("servizi", 0.2317),
    "X Imprese non classificate": ("servizi", 0.032),
}
#: row 163 (registered firms of Como + Lecco by sector, 31/12/2022); 'industria' is manufacturing less construction
GROUPS = {"agri": 3237, "industria": 22776 - 12354, "costruzioni": 12354, "commercio": 15957, "servizi": 30845}
LECCO_TILT = {"industria": 1.3}  # Lecco is more manufacturing than Como (assumed)
#: rows of the published figures per province: registered firms at a date, registrations, closures
STOCK = {"Como": (105, 102, 96, 108, 111, 114, 117, 99), "Lecco": (106, 103, 97, 109, 112, 115, 118, 100)}
FLOWS = {"Como": ((121, 133, 139, 145, 127, 151, 157), (122, 134, 140, 146, 128, 152, 158)),
         "Lecco": ((123, 135, 141, 147, 129, 153, 159), (124, 136, 142, 148, 130, 154, 160))}
#: other territories: (active firms, registrations a month), not calibrated
OTHERS = {"ITALIA": (5_052_000, 28_000), "LOMBARDIA": (815_000, 4_900), "Varese": (61_000, 330),
          "Milano": (296_000, 2_100), "Bergamo": (85_000, 480), "PIEMONTE": (380_000, 2_100),
          "Torino": (190_000, 1_100)}
ORDER = ["ITALIA", "LOMBARDIA", "Varese", "Como", "Lecco", "Milano", "Bergamo", "PIEMONTE", "Torino"]
REG_SEASON = np.array([1.6, 1.1, 1.1, 1.0, 1.0, 0.95, 0.9, 0.55, 0.95, 1.05, 1.0, 0.8])
END_SEASON = np.array([3.2, 1.2, 1.0, 0.8, 0.75, 0.75, 0.7, 0.45, 0.7, 0.8, 0.8, 1.1])


def month_ends() -> list[str]:
    return [f"{calendar.monthrange(y, m)[1]:02d}/{m:02d}/{y}" for y, m in MONTHS]


def prior(rng, yearly: float, season: np.ndarray) -> np.ndarray:
    return np.array([yearly / season.sum() * season[m - 1] for _, m in MONTHS]) * rng.lognormal(0, 0.06, len(MONTHS))


def saldo_2023() -> dict[str, Target]:
    """Row 161: natural balance of Como + Lecco in 2023 (275) and its note (Lecco +107), so Como +168."""
    lecco = int(note_figure(161, "Lecco 2023 = +107"))
    return {"Lecco": Target("2023", lecco, f"{FILE} riga 161, nota «Lecco 2023 = +107»", (161,)),
            "Como": Target("2023", int(float(row(161)["value"])) - lecco, f"{FILE} riga 161 (275) meno la nota (107)",
                           (161,))}


def province_flows(rng, name: str) -> tuple[np.ndarray, np.ndarray, list[dict]]:
    """Monthly registrations and closures of a province meeting its published figures."""
    regs, ends = ([published(n) for n in rows] for rows in FLOWS[name])
    iscrizioni = monthly_totals(MONTHS, prior(rng, regs[0].value, REG_SEASON), regs)  # 2022's level elsewhere
    balance = saldo_2023()[name]
    first, last = (MONTHS.index(m) for m in months_of("2023"))
    ends_2023 = Target("2023", int(iscrizioni[first:last + 1].sum()) - balance.value,
                       f"iscrizioni 2023 meno il saldo ({balance.source})", balance.rows)
    cessazioni = monthly_totals(MONTHS, prior(rng, ends[0].value, END_SEASON), [*ends, ends_2023])
    calibration = [t.record(territorio=name, misura="iscrizioni") for t in regs]
    calibration += [t.record(territorio=name, misura="cessazioni (non d'ufficio)") for t in (*ends, ends_2023)]
    return iscrizioni, cessazioni, calibration


def stock_path(iscrizioni: np.ndarray, cessazioni: np.ndarray, anchors: dict[int, int]) -> np.ndarray:
    """Active firms month by month: the anchored months hold their value, months between follow the natural
    balance plus the other changes (deletions, reactivations) spread evenly; before and after, the balance
    and the average of those changes."""
    natural = iscrizioni - cessazioni
    out = np.zeros(len(MONTHS), dtype=np.int64)
    marks = sorted(anchors)
    for a, b in zip(marks[:-1], marks[1:]):
        other = anchors[b] - anchors[a] - int(natural[a + 1:b + 1].sum())
        out[a] = anchors[a]
        out[a + 1:b + 1] = anchors[a] + np.cumsum(natural[a + 1:b + 1] + split(other, np.ones(b - a)))
    drift = round((anchors[marks[-1]] - anchors[marks[0]] - natural[marks[0] + 1:marks[-1] + 1].sum())
                  / (marks[-1] - marks[0]))
    for i in range(marks[0] - 1, -1, -1):
        out[i] = out[i + 1] - natural[i + 1] - drift
    for i in range(marks[-1] + 1, len(MONTHS)):
        out[i] = out[i - 1] + natural[i] + drift
    return out


def province(rng, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[dict]]:
    iscrizioni, cessazioni, calibration = province_flows(rng, name)
    anchors = {}
    for number in STOCK[name]:
        month = months_of(row(number)["period"])[0]
        anchors[MONTHS.index(month)] = round(QUOTA_ATTIVE * int(float(row(number)["value"])))
        calibration.append(published(number).record(territorio=name, misura=f"attive = {QUOTA_ATTIVE} × registrate",
                                                    attive=anchors[MONTHS.index(month)]))
    calibration.append({"territorio": name, "misura": "quote di settore al 31/12/2022", "righe": [163]})
    return iscrizioni, cessazioni, stock_path(iscrizioni, cessazioni, anchors), calibration


def other(rng, stock: int, monthly: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    iscrizioni = monthly_totals(MONTHS, prior(rng, monthly * 12, REG_SEASON), [])
    cessazioni = monthly_totals(MONTHS, prior(rng, monthly * 12 * 0.93, END_SEASON), [])
    attive = stock + np.cumsum(iscrizioni - cessazioni - round(stock * 0.004 / 12))
    return iscrizioni, cessazioni, attive


def group_shares() -> dict[str, dict[str, float]]:
    """Share of each group of row 163 in each province's firms on 31/12/2022: Lecco tilted to industry
    (assumed), Como the rest of the two provinces' published split (weighted by rows 96, 97)."""
    registered = {name: float(row(STOCK[name][2])["value"]) for name in STOCK}
    tilted = {g: v * LECCO_TILT.get(g, 1.0) for g, v in GROUPS.items()}
    lecco = {g: v / sum(tilted.values()) for g, v in tilted.items()}
    both = sum(registered.values())
    como = {g: GROUPS[g] / sum(GROUPS.values()) * both - lecco[g] * registered["Lecco"] for g in GROUPS}
    return {"Como": {g: v / sum(como.values()) for g, v in como.items()}, "Lecco": lecco,
            "altri": {g: v / sum(GROUPS.values()) for g, v in GROUPS.items()}}


def section_shares(groups: dict[str, float]) -> np.ndarray:
    """Sections × months: each group's share split by SECTIONS, drifting slowly from industry and trade to
    services (assumed), as of December 2022."""
    years = np.array([y + (m - 12) / 12 - 2022 for y, m in MONTHS])
    rows = []
    for group, within in SECTIONS.values():
        slope = 0.01 if group == "servizi" else -0.012 if group in ("industria", "commercio") else 0.0
        rows.append(groups[group] * within * (1 + slope * years))
    table = np.array(rows)
    return table / table.sum(axis=0)


def by_section(rng, totals: np.ndarray, shares: np.ndarray, noise: float) -> np.ndarray:
    """Each month's total split over the sections (they add up to it exactly)."""
    weights = shares * (rng.lognormal(0, noise, shares.shape) if noise else 1.0)
    return np.array([split(int(t), weights[:, i]) for i, t in enumerate(totals)]).T


def territory_rows(rng, measures: tuple[np.ndarray, np.ndarray, np.ndarray], groups) -> list[np.ndarray]:
    """(iscrizioni, cessazioni, attive) as sections × months: registrations often start unclassified (X)."""
    stock = section_shares(groups)
    unclassified = list(SECTIONS).index("X Imprese non classificate")
    births = stock.copy()
    births[unclassified] = 0
    births = births / births.sum(axis=0) * 0.72
    births[unclassified] = 0.28
    iscrizioni, cessazioni, attive = measures
    return [by_section(rng, iscrizioni, births, 0.1), by_section(rng, cessazioni, stock, 0.1),
            by_section(rng, attive, stock, 0.0)]


def write_file(name: str, table: dict[str, list[np.ndarray]], measure: int) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(["Territorio", "Settore Ateco 2025", *month_ends()])
    for territory in ORDER:
        values = table[territory][measure]
        writer.writerow([territory, "TOTALE", *values.sum(axis=0).tolist()])
        for label, line in zip(SECTIONS, values):
            writer.writerow([territory, label, *line.tolist()])
    path = OUT / name
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    shares, table, calibration = group_shares(), {}, []
    for territory in ORDER:
        if territory in STOCK:
            *measures, found = province(rng, territory)
            calibration.extend(found)
        else:
            measures = other(rng, *OTHERS[territory])
        table[territory] = territory_rows(rng, tuple(measures), shares.get(territory, shares["altri"]))
    rows_used = sorted({n for c in calibration for n in c["righe"]})
    files = {"Iscrizioni-Imprese-Italia.csv": (0, "iscrizioni mensili"),
             "Cancellazioni-Imprese-Italia.csv": (1, "cessazioni mensili"),
             "Stock-Imprese-Attive-Italia.csv": (2, "imprese attive a fine mese")}
    for name, (measure, what) in files.items():
        path = write_file(name, table, measure)
        write_sidecar(
            path, publisher="CCIAA Marche su dati InfoCamere", url=f"{REAL_BASE}/{name}", licence="CC BY 4.0",
            datasets=["imprese"],
            note=(f"COSTRUITO da data/raw/make_demo_camcom.py (seme {SEED}): {what} per territorio e sezione ATECO "
                  "2025, 01/2022 → 10/2026, nel formato del file reale (';', colonne gg/mm/aaaa, righe TOTALE). Como e "
                  f"Lecco calibrati sul Registro imprese pubblicato ({FILE}, righe {', '.join(map(str, rows_used))}): "
                  "iscrizioni e cessazioni non d'ufficio uguali a quelle dei periodi pubblicati, imprese attive = "
                  f"{QUOTA_ATTIVE:.2f} × registrate alle date pubblicate (quota ipotizzata: le attive non sono "
                  "pubblicate); gli altri mesi e territori seguono un andamento ipotizzato. Elenco in «calibrazione»."),
            calibrazione={"quota_attive": QUOTA_ATTIVE, "obiettivi": calibration},
        )
        print(f"{path.name}: {path.stat().st_size / 1024:.0f} kB")


if __name__ == "__main__":
    main()
