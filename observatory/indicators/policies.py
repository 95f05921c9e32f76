"""Labour policies as published (`numeri_pubblicati`): short-time work hours authorised by INPS
(cassa integrazione, as reported by UIL del Lario, UIL and CISL Lombardia) and the GOL programme in
the province of Lecco (Provincia di Lecco on Regione Lombardia's SIUL data).

Each figure keeps the period and perimeter it was published for: hours of different periods are
never added or set against each other, a change is the one the release reported. One function per
number: the page, the unions' lens and the slides call these."""

from __future__ import annotations

import dataclasses

import pandas as pd

from observatory.indicators import published_lookup

CIG, GOL = "CIG", "GOL"
#: CIG measures as transcribed → what they count
CIG_MEASURES = {"cig_ore_autorizzate_totali": "totale", "cig_ore_autorizzate_cigo_cigs": "cigo_cigs",
                "cigo_ore_autorizzate": "cigo", "cigs_ore_autorizzate": "cigs",
                "cig_ore_autorizzate_tessile": "tessile", "cig_ore_autorizzate_meccanica_metallurgia": "meccanica",
                "cig_ore_autorizzate_metalmeccanica": "metalmeccanica"}
#: the measures of all of a territory's authorised hours (the headline), the broadest first
HEADLINE = ("totale", "cigo_cigs")
CHANGE_ONLY = "cig_ore_autorizzate_var_pct"
TABLE_COLUMNS = ["riga", "territorio", "territorio_nuts", "misura", "periodo", "inizio", "fine", "valore",
                 "variazione_riportata", "rispetto_a", "unita", "fonte", "url", "data_pagina", "nota"]


def cig_hours(figures: pd.DataFrame) -> pd.DataFrame:
    """Every published figure of authorised hours (and the changes published without hours), oldest
    period first: one row per figure, `misura` in CIG_MEASURES' values or 'variazione', the change the
    release reported (`variazione_riportata`, percent) and the period it compares with (`rispetto_a`)."""
    rows = published_lookup.with_spans(figures[(figures["dominio"] == CIG) & figures["valore"].notna()])
    hours = rows[rows["indicatore"].isin(CIG_MEASURES)]
    changes = [published_lookup.reported_change(n) for n in hours["nota"]]
    hours = hours.assign(misura=hours["indicatore"].map(CIG_MEASURES),
                         variazione_riportata=[c.percent if c else None for c in changes],
                         rispetto_a=[c.rispetto_a if c else None for c in changes])
    only = rows[rows["indicatore"] == CHANGE_ONLY]
    only = only.assign(misura="variazione", variazione_riportata=only["valore"], valore=None,
                       rispetto_a=only["nota"].map(published_lookup.reference_period))
    out = pd.concat([hours, only], ignore_index=True)[TABLE_COLUMNS]
    out["valore"] = pd.to_numeric(out["valore"]).astype("Float64")
    out["variazione_riportata"] = pd.to_numeric(out["variazione_riportata"]).astype("Float64")
    return out.sort_values(["fine", "territorio", "misura"]).reset_index(drop=True)


def latest_hours(table: pd.DataFrame, territory_nuts: str, until: int | None = None) -> pd.Series | None:
    """A territory's latest figure of all its authorised hours (total, else ordinary + extraordinary)
    from `cig_hours`, or None."""
    rows = table[(table["territorio_nuts"] == territory_nuts) & table["misura"].isin(HEADLINE)
                 & table["valore"].notna()]
    if until is not None:
        rows = rows[rows["fine"].dt.year <= until]
    if rows.empty:
        return None
    rows = rows.assign(_rank=rows["misura"].map(HEADLINE.index)).sort_values(["fine", "_rank"],
                                                                              ascending=[True, False])
    return rows.iloc[-1].drop("_rank")


def later_changes(table: pd.DataFrame, territory_nuts: str, after: pd.Timestamp) -> pd.DataFrame:
    """Changes published without hours for periods ending after `after` (e.g. Como 2024: +45 %)."""
    rows = table[(table["territorio_nuts"] == territory_nuts) & (table["misura"] == "variazione")]
    return rows[rows["fine"] > after].reset_index(drop=True)


def ordinary_vs_extraordinary(table: pd.DataFrame, territory_nuts: str) -> pd.DataFrame:
    """The periods for which one release gives both ordinary (CIGO) and extraordinary (CIGS) hours of
    a territory: periodo, fine, misura, valore (one release's own split, never two releases mixed)."""
    rows = table[(table["territorio_nuts"] == territory_nuts) & table["misura"].isin(("cigo", "cigs"))]
    both = rows.groupby(["url", "periodo"])["misura"].transform("nunique") == 2
    return rows[both][["periodo", "fine", "misura", "valore", "fonte", "url"]].reset_index(drop=True)


@dataclasses.dataclass(frozen=True)
class GolProgress:
    """The latest count of GOL service agreements in the province and the year's target of the same
    release (`quota` = agreements / that target, percent), and every other target published."""

    patti: float
    periodo: str
    fine: pd.Timestamp
    obiettivo: float | None
    quota: float | None
    fonte: str
    url: str
    obiettivi: pd.DataFrame  # periodo, valore, data_pagina, fonte, url of every target


def gol_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Every GOL figure as published, oldest period first, with the span of its period."""
    rows = published_lookup.with_spans(figures[(figures["dominio"] == GOL) & figures["valore"].notna()])
    return rows.sort_values(["fine", "riga"]).reset_index(drop=True)


def gol_progress(table: pd.DataFrame, territory: str = "Lecco") -> GolProgress | None:
    """Service agreements signed so far against the year's target (from `gol_figures`), or None."""
    mine = table[table["territorio"] == territory]
    signed = mine[mine["indicatore"] == "gol_patti_servizio_sottoscritti"]
    if signed.empty:
        return None
    last = signed.iloc[-1]
    targets = mine[mine["indicatore"] == "gol_target_aderenti"]
    year_targets = targets[targets["anno"] == last["fine"].year]
    same = year_targets[year_targets["url"] == last["url"]]
    target = float(same["valore"].iloc[0]) if not same.empty else None
    share = float(last["valore"]) / target * 100 if target else None
    return GolProgress(float(last["valore"]), last["periodo"], last["fine"], target, share, last["fonte"], last["url"],
                       targets[["periodo", "valore", "data_pagina", "fonte", "url"]].reset_index(drop=True))
