"""Verifica dei numeri: each published figure beside the value the snapshot computes for the same
indicator, territory and period, with a status.

Statuses, in the order they are decided:
- `perimetro_diverso`: the publisher counts another perimeter (the Lecco observatory's hires are
  those of the employment centres of Lecco and Merate, not the province's as in the regional data);
- `errore_aritmetico`: the release contradicts itself (a balance that is not hires − terminations,
  a Como + Lecco total that is not the sum of the two, short-time work hours whose total is not the
  ordinary plus the extraordinary hours of the same page);
- `concorda`: the snapshot's value, rounded as the publisher rounds (its decimals), is the figure;
- `rivisto`: it differs and was published before the series was revised (ISTAT rebuilt the
  provincial labour-force series for the 2021 EU regulation: anything published before 2022 is an
  earlier vintage), or the publisher itself later republished another value for the same quantity;
- `diverso`: it differs and nothing known explains it (e.g. a truncated instead of rounded value);
- `non_calcolabile`: the snapshot has no such value, or only a demo dataset ("dati dimostrativi"
  never count as computable).
`motivo` says why in one code (the view words it); `confronto` what was compared."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping

import pandas as pd

from observatory.indicators import published
from observatory.indicators.published import months, page_year

STATUSES = ("concorda", "rivisto", "perimetro_diverso", "errore_aritmetico", "diverso", "non_calcolabile")
NEEDS = ("numeri_pubblicati", "forze_lavoro", "avviamenti", "cessazioni", "bes_lavoro")
COLUMNS = ["file", "riga", "dominio", "territorio", "indicatore", "periodo", "unita", "valore_testo",
           "valore_pubblicato", "valore_calcolato", "scarto", "stato", "motivo", "confronto", "fonte", "url",
           "data_pagina", "nota"]
#: figures published before this year predate ISTAT's current provincial labour-force series
LFS_SERIES_SINCE = 2022
#: published LFS indicator → (our indicator, age band: a note naming 15-89 wins over the default)
LFS = {"unemployment_rate": ("tasso_disoccupazione", "15-74"), "employment_rate": ("tasso_occupazione", "15-64")}
COB = {"avviamenti": "avviamenti", "assunzioni": "avviamenti", "attivazioni": "avviamenti", "cessazioni": "cessazioni"}
HIRES = ("avviamenti", "assunzioni", "attivazioni")
#: published BES indicator → our bes_lavoro indicator (BES dei territori, total sex)
BES = {"tasso_occupazione_20_64": "tasso_occupazione_20_64"}
#: a short-time work total and the parts one page may give of it
CIG_PARTS = {"cig_ore_autorizzate_totali": ("cigo_ore_autorizzate", "cigs_ore_autorizzate")}
#: the dataset each domain's figures would be checked against; while it is demo, that is the reason
DOMAIN_DATASETS = {"LFS": "forze_lavoro", "COB": "avviamenti", "Registro imprese": "imprese", "Excelsior": "excelsior",
                   "BES": "bes_lavoro"}


def decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in str(text) else 0


def _agrees(published: float, computed: float, places: int, slack: float) -> bool:
    return abs(computed - published) <= 0.5 * 10 ** -places + slack + 1e-9


def _lfs(row, forze: pd.DataFrame) -> tuple[float | None, str, float]:
    """(value or None, what was looked up, slack of the copy's rounding) for an LFS figure."""
    indicator, band = LFS[row.indicatore]
    band = "15-89" if "15-89" in str(row.nota or "") else band
    looked = f"forze_lavoro: {indicator} {band}, totale, {row.territorio_nuts}, {row.periodo}"
    if not str(row.periodo).isdigit():
        return None, looked, 0.0
    hit = forze[(forze["indicatore"] == indicator) & (forze["classe_eta"] == band) & (forze["sesso"] == "totale")
                & (forze["territorio"] == row.territorio_nuts) & (forze["anno"] == int(row.periodo))]
    hit = hit.dropna(subset=["valore"])
    if hit.empty:
        return None, looked, 0.0
    slack = 5e-4 if "provenienza" in hit and hit["provenienza"].iloc[0] == "copia_arrotondata" else 0.0
    return float(hit["valore"].iloc[0]), looked, slack


def _bes(row, bes: pd.DataFrame) -> tuple[float | None, str, float]:
    """(value or None, what was looked up, no slack: BES values are published in tenths) for a BES figure."""
    indicator = BES[row.indicatore]
    looked = f"bes_lavoro: {indicator}, totale, {row.territorio_nuts}, {row.periodo}"
    if not str(row.periodo).isdigit():
        return None, looked, 0.0
    hit = bes[(bes["indicatore"] == indicator) & (bes["sesso"] == "totale") & (bes["territorio"] == row.territorio_nuts)
              & (bes["anno"] == int(row.periodo))].dropna(subset=["valore"])
    return (None if hit.empty else float(hit["valore"].iloc[0])), looked, 0.0


def _cob(row, frames: Mapping[str, pd.DataFrame]) -> tuple[float | None, str]:
    """Hires, terminations or balance of a province over the figure's months (all months present)."""
    span = months(row.periodo)
    looked = f"avviamenti − cessazioni, {row.territorio_nuts}, {row.periodo}" if row.indicatore == "saldo" else \
        f"{COB.get(row.indicatore, row.indicatore)}, {row.territorio_nuts}, {row.periodo}"
    if span is None or row.territorio_nuts is None or "+" in str(row.territorio_nuts):
        return None, looked
    total = 0.0
    for dataset, sign in ((("avviamenti", 1), ("cessazioni", -1)) if row.indicatore == "saldo"
                          else ((COB[row.indicatore], 1),)):
        events = frames[dataset]
        rows = events[(events["territorio"] == row.territorio_nuts) & events["mese"].between(*span)]
        if rows["mese"].nunique() != (span[1].year - span[0].year) * 12 + span[1].month - span[0].month + 1:
            return None, looked
        total += sign * float(rows["eventi"].sum())
    return total, looked


@dataclasses.dataclass(frozen=True)
class _Figures:
    """The published figures grouped the two ways the checks look them up, with the release that
    counts for each quantity (published.releases: the rule the headlines follow)."""

    by_page: dict  # (url, periodo) → rows with a number
    latest: dict  # (file, riga) → (value of the latest release, its page date, this row's page date)

    @classmethod
    def of(cls, figures: pd.DataFrame) -> _Figures:
        numbers = published.releases(figures)
        return cls({k: g for k, g in numbers.groupby(["url", "periodo"])},
                   {(r.file, r.riga): (r.valore_ultimo, r.pagina_ultima, r.pagina) for r in numbers.itertuples()})


def _internal(row, figures: _Figures) -> tuple[float | None, float, str]:
    """(what the release's own figures give, tolerance, what) for a balance or a Como + Lecco total."""
    same = figures.by_page.get((row.url, row.periodo))
    if same is None:
        return None, 0.0, ""
    if row.indicatore == "saldo":
        mine = same[same["territorio"] == row.territorio]
        hires, ends = mine[mine["indicatore"].isin(HIRES)], mine[mine["indicatore"] == "cessazioni"]
        if len(hires) == 1 and len(ends) == 1 and not any(published.approximate(r.nota) for r in (*hires.itertuples(),
                                                                                    *ends.itertuples())):
            return float(hires["valore"].iloc[0] - ends["valore"].iloc[0]), 0.0, "saldo"
    if row.indicatore in CIG_PARTS:
        mine = same[same["territorio"] == row.territorio]
        parts = [mine[mine["indicatore"] == part] for part in CIG_PARTS[row.indicatore]]
        if all(len(p) == 1 for p in parts):
            return float(sum(p["valore"].iloc[0] for p in parts)), 0.0, "somma_parti"
    if "+" in str(row.territorio) and row.unita != "%":
        parts = same[(same["indicatore"] == row.indicatore) & same["territorio"].isin(row.territorio.split("+"))]
        if len(parts) == len(row.territorio.split("+")) == parts["territorio"].nunique():
            values = [row.valore, *parts["valore"]]
            tolerance = sum(0.5 * _rounding_unit(v) for v in values)
            return float(parts["valore"].sum()), tolerance, "somma"
    return None, 0.0, ""


def _rounding_unit(value: float) -> float:
    """10 for 17070, 1 for 17071: how coarsely a published count looks rounded."""
    if value != int(value) or value == 0:
        return 0.0
    unit, number = 1, int(abs(value))
    while number % 10 == 0:
        unit, number = unit * 10, number // 10
    return float(unit) if unit > 1 else 0.0


def _republished(row, figures: _Figures) -> float | None:
    """The value a later release gave to the same quantity, when it differs from this one (a page
    without a date is never taken as the earlier one)."""
    value, latest_page, own_page = figures.latest[(row.file, row.riga)]
    if own_page == (0, 0, 0) or latest_page <= own_page or value == row.valore:
        return None
    return float(value)


def _one(row, figures: _Figures, frames: Mapping[str, pd.DataFrame], demo: frozenset[str]) -> dict:
    out = {"valore_calcolato": None, "stato": "non_calcolabile", "motivo": "non_in_archivio", "confronto": ""}
    if row.dominio == "COB" and published.perimeter(row.fonte) == published.CPI:
        return {**out, "stato": "perimetro_diverso", "motivo": "cpi_lecco_merate"}
    own, tolerance, kind = _internal(row, figures) if not pd.isna(row.valore) else (None, 0.0, "")
    if own is not None and abs(own - row.valore) > tolerance:
        return {**out, "valore_calcolato": own, "stato": "errore_aritmetico", "motivo": kind,
                "confronto": "numeri della stessa pagina"}
    dataset = "forze_lavoro" if (row.dominio, row.indicatore) in {("LFS", k) for k in LFS} else (
        "avviamenti" if row.dominio == "COB" and row.indicatore in (*COB, "saldo") else (
            "bes_lavoro" if row.dominio == "BES" and row.indicatore in BES else None))
    if dataset is not None and not pd.isna(row.valore):
        needed = ("avviamenti", "cessazioni") if dataset == "avviamenti" else (dataset,)
        missing = [d for d in needed if d not in frames]
        if missing or any(d in demo for d in needed):
            computed, looked, slack = None, "", 0.0
            out["motivo"] = "dimostrativo" if not missing else "non_in_archivio"
        elif dataset == "forze_lavoro":
            computed, looked, slack = _lfs(row, frames["forze_lavoro"])
            out["motivo"] = "combinazione_assente"
        elif dataset == "bes_lavoro":
            computed, looked, slack = _bes(row, frames["bes_lavoro"])
            out["motivo"] = "combinazione_assente"
        else:
            (computed, looked), slack = _cob(row, frames), 0.0
            out["motivo"] = "combinazione_assente"
        out["confronto"] = looked
        if computed is not None:
            places = decimals(row.valore_testo)
            if _agrees(row.valore, computed, places, slack):
                return {**out, "valore_calcolato": computed, "stato": "concorda", "motivo": "arrotondamento"}
            if dataset == "forze_lavoro" and (page_year(row.data_pagina) or 9999) < LFS_SERIES_SINCE:
                return {**out, "valore_calcolato": computed, "stato": "rivisto", "motivo": "serie_precedente"}
            truncated = math.floor(computed * 10 ** places) / 10 ** places
            return {**out, "valore_calcolato": computed, "stato": "diverso",
                    "motivo": "troncato" if abs(truncated - row.valore) < 1e-9 else "scarto"}
    later = None if pd.isna(row.valore) else _republished(row, figures)
    if later is not None:
        return {**out, "valore_calcolato": later, "stato": "rivisto", "motivo": "ripubblicato",
                "confronto": "stesso dato in una pagina successiva"}
    if dataset is None and DOMAIN_DATASETS.get(row.dominio) in demo:
        out["motivo"] = "dimostrativo"
    return out


def verify(frames: Mapping[str, pd.DataFrame], demo: frozenset[str] = frozenset()) -> pd.DataFrame:
    """Every published figure (frames['numeri_pubblicati']) with the snapshot's value and its status.

    `frames` holds the datasets of NEEDS present in the snapshot; `demo` the snapshot's demo dataset ids."""
    figures = frames["numeri_pubblicati"]
    grouped = _Figures.of(figures)
    rows = [_one(row, grouped, frames, frozenset(demo)) for row in figures.itertuples(index=False)]
    out = pd.concat([figures.reset_index(drop=True), pd.DataFrame(rows)], axis=1)
    out = out.rename(columns={"valore": "valore_pubblicato"})
    out["valore_calcolato"] = pd.to_numeric(out["valore_calcolato"]).astype("Float64")
    out["scarto"] = (out["valore_calcolato"] - out["valore_pubblicato"]).round(6)
    return out[COLUMNS]


def counts(table: pd.DataFrame) -> dict[str, int]:
    """Figures per status, in STATUSES order (zeros kept)."""
    found = table["stato"].value_counts()
    return {status: int(found.get(status, 0)) for status in STATUSES}


def status_changes(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Figures whose status differs between two verifications (e.g. before and after a refresh).

    Columns: file, riga, territorio, indicatore, periodo, prima, dopo (a figure new or gone is
    'assente' on the other side)."""
    keys = ["file", "riga", "territorio", "indicatore", "periodo"]
    merged = before[[*keys, "stato"]].merge(after[[*keys, "stato"]], on=keys, how="outer",
                                            suffixes=("_prima", "_dopo"))
    merged = merged.rename(columns={"stato_prima": "prima", "stato_dopo": "dopo"}).fillna({"prima": "assente",
                                                                                           "dopo": "assente"})
    return merged[merged["prima"] != merged["dopo"]].sort_values(["file", "riga"]).reset_index(drop=True)
