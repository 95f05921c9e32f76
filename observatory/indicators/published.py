"""Published figures as headlines where the archive has no real micro-data (hires and terminations,
business registrations and closures, Excelsior planned hires): which release of a figure counts, the
series per territory and period, and each figure with its publisher, page and date.

The rules live here once; cards, charts, sentences, slides, exports and the verification use them:
- a figure is one quantity (territory, indicator, period); when several releases give it, the one on
  the latest page counts and the others are said to differ (revisions between releases);
- the Lecco provincial observatory counts the contracts of the employment centres of Lecco and
  Merate, not the province's: another perimeter, never mixed with or summed to the province's;
- an area's total is the published Como + Lecco figure, else the sum of its provinces' figures from
  the same release; figures of different releases or perimeters are never summed;
- a count published as approximate ("approx" in the note) is said to be so ("circa")."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

#: sources whose counts are of the Lecco and Merate employment centres, not of the province
CPI_SOURCES = ("Osservatorio provinciale mercato del lavoro Lecco", "CPI Lecco", "Lecco e Merate")
PROVINCE, CPI = "provincia", "cpi_lecco_merate"
#: topic → (published domain, published indicator → registry indicator)
TOPICS: dict[str, tuple[str, dict[str, str]]] = {
    "lavoro": ("COB", {"avviamenti": "assunzioni", "assunzioni": "assunzioni", "attivazioni": "assunzioni",
                       "cessazioni": "cessazioni", "saldo": "saldo"}),
    "imprese": ("Registro imprese", {"iscrizioni": "iscrizioni", "cessazioni_non_ufficio": "cessazioni_imprese",
                                     "imprese_registrate": "imprese_registrate"}),
    "excelsior": ("Excelsior", {"entrate_previste": "entrate_previste",
                                "difficolta_reperimento_share": "quota_difficile"}),
}
#: the datasets whose real micro-data would make a topic's published figures second best
MICRODATA = {"lavoro": ("avviamenti", "cessazioni"), "imprese": ("imprese",), "excelsior": ("excelsior",)}
COLUMNS = ["territorio", "indicatore", "periodo", "tipo", "inizio", "fine", "valore", "circa", "perimetro",
           "fonte", "url", "data_pagina", "altre_versioni", "nota", "provenienza", "file", "riga"]
_PARTS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}


def page_key(text: str) -> tuple[int, int, int]:
    """A page date as a sortable (year, month, day): '2025-11-05', '2020-02', 'n.d. (2023-07)',
    '2018 (n.d.)'; (0, 0, 0) when the page has no date."""
    found = re.search(r"((?:19|20)\d\d)(?:-(\d\d))?(?:-(\d\d))?", str(text))
    if found is None:
        return 0, 0, 0
    return tuple(int(part or 0) for part in found.groups())  # type: ignore[return-value]


def page_year(text: str) -> int | None:
    """The year a page was published: '2021-04' → 2021, 'n.d. (2024)' → 2024, 'n.d.' → None."""
    return page_key(text)[0] or None


def span(period: str) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """(kind, first, last) of a published period: '2019' year, '2019-Q2' quarter, '2019-H1' half,
    '2020-M1-9' months, '2025-09 (month)' or '2022-04' month (first and last as months' first days),
    '2022-12-31' a date (a stock on that day), '2023-01-01/2023-07-18' days and '2022-06/2023-05' months
    from one to another; None for anything else."""
    text = str(period).strip()
    if re.fullmatch(r"\d{4}", text):
        return "anno", pd.Timestamp(int(text), 1, 1), pd.Timestamp(int(text), 12, 1)
    if (found := re.fullmatch(r"(\d{4})-(Q[1-4]|H[12])", text)) is not None:
        low, high = _PARTS[found[2]]
        return ("trimestre" if found[2][0] == "Q" else "semestre",
                pd.Timestamp(int(found[1]), low, 1), pd.Timestamp(int(found[1]), high, 1))
    if (found := re.fullmatch(r"(\d{4})-M(\d{1,2})-(\d{1,2})", text)) is not None:
        return "mesi", pd.Timestamp(int(found[1]), int(found[2]), 1), pd.Timestamp(int(found[1]), int(found[3]), 1)
    if (found := re.fullmatch(r"(\d{4})-(\d\d)(?: \(month\))?", text)) is not None:
        month = pd.Timestamp(int(found[1]), int(found[2]), 1)
        return "mese", month, month
    if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        day = pd.Timestamp(text)
        return "data", day, day
    if (found := re.fullmatch(r"(\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)", text)) is not None:
        return "giorni", pd.Timestamp(found[1]), pd.Timestamp(found[2])
    if (found := re.fullmatch(r"(\d{4}-\d\d)/(\d{4}-\d\d)", text)) is not None:
        return "intervallo_mesi", pd.Timestamp(found[1] + "-01"), pd.Timestamp(found[2] + "-01")
    return None


def last_day(period: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last day a published period covers ('2024-Q1' → 1 Jan, 31 Mar); None when undated."""
    found = span(period)
    if found is None:
        return None
    kind, first, last = found
    return first, last if kind in ("data", "giorni") else last + pd.offsets.MonthEnd(0)


def months(period: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last month of a published flow period ('2019', '2019-Q2', '2019-H1', '2020-M1-9')."""
    found = span(period)
    return None if found is None or found[0] in ("data", "giorni") else (found[1], found[2])


def perimeter(source: str) -> str:
    """'cpi_lecco_merate' for the Lecco observatory's employment-centre counts, else 'provincia'."""
    return CPI if any(marker in str(source) for marker in CPI_SOURCES) else PROVINCE


def publisher(source: str) -> str:
    """The publisher a source line starts with ('CCIAA Como-Lecco', 'Quadrante Lavoro', 'Excelsior'),
    to tell releases of one publisher from figures of different ones."""
    found = re.match(r"[\w\-]+(?: [\w\-]+)?", str(source).strip())
    return found[0] if found else str(source)


def approximate(note) -> bool:
    return str(note or "").lower().startswith("approx")


def releases(numeri_pubblicati: pd.DataFrame) -> pd.DataFrame:
    """Every figure with a number, with its perimeter, its page date as a key (`pagina`) and the
    release that counts for its quantity (territory, indicator, period, unit, perimeter): `ultima`
    marks the latest page (the last row among equal dates), `valore_ultimo`/`pagina_ultima` give
    that release's value and page date."""
    rows = numeri_pubblicati[numeri_pubblicati["valore"].notna()].copy()
    rows["perimetro"] = rows["fonte"].map(perimeter)
    rows["pagina"] = rows["data_pagina"].map(page_key)
    rows = rows.sort_values(["pagina", "file", "riga"], kind="stable")
    keys = ["territorio", "indicatore", "periodo", "unita", "perimetro"]
    last = rows.groupby(keys, sort=False).tail(1)
    rows["ultima"] = rows.index.isin(last.index)
    rows = rows.join(last.set_index(keys)[["valore", "pagina"]].rename(
        columns={"valore": "valore_ultimo", "pagina": "pagina_ultima"}), on=keys)
    return rows.sort_values(["file", "riga"])


def _others(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Per quantity, the values earlier releases gave when they differ from the latest one
    ('17767 (pagina 2019 (n.d.))'), for exports. Columns: `keys`, altre_versioni."""
    earlier = rows[~rows["ultima"] & (rows["valore"] != rows["valore_ultimo"])]
    text = pd.Series([f"{v:g} (pagina {page})" for v, page in zip(earlier["valore"], earlier["data_pagina"])],
                     index=earlier.index, dtype=object, name="altre_versioni")
    if text.empty:
        return pd.DataFrame(columns=[*keys, "altre_versioni"])
    return text.groupby([earlier[k] for k in keys]).agg("; ".join).reset_index()


def figures(numeri_pubblicati: pd.DataFrame, topic: str) -> pd.DataFrame:
    """The figures of one topic (TOPICS), one row per territory, indicator, period and perimeter:
    the latest release, with the values earlier releases gave when they differ (`altre_versioni`).
    Columns: COLUMNS; `territorio` is the NUTS code ('ITC42', 'ITC42+ITC43'), `indicatore` the
    registry's, `tipo` the kind of period (span), `circa` an approximate count."""
    domain, names = TOPICS[topic]
    rows = releases(numeri_pubblicati)
    rows = rows[(rows["dominio"] == domain) & rows["indicatore"].isin(names) & rows["territorio_nuts"].notna()]
    spans = rows["periodo"].map(span)
    rows = rows[spans.notna()].assign(_span=spans[spans.notna()])
    if rows.empty:
        return pd.DataFrame(columns=COLUMNS).astype({"inizio": "datetime64[ns]", "fine": "datetime64[ns]"})
    keys = ["territorio", "indicatore", "periodo", "unita", "perimetro"]
    latest = rows[rows["ultima"]]
    others = latest[keys].merge(_others(rows, keys), on=keys, how="left")["altre_versioni"].fillna("")
    out = pd.DataFrame({
        "territorio": latest["territorio_nuts"], "indicatore": latest["indicatore"].map(names),
        "periodo": latest["periodo"], "tipo": latest["_span"].str[0],
        "inizio": pd.to_datetime(latest["_span"].str[1]), "fine": pd.to_datetime(latest["_span"].str[2]),
        "valore": latest["valore"].astype(float),
        "circa": latest["nota"].map(approximate), "perimetro": latest["perimetro"], "fonte": latest["fonte"],
        "url": latest["url"], "data_pagina": latest["data_pagina"],
        "altre_versioni": others.to_numpy(),
        "nota": latest["nota"], "provenienza": latest["provenienza"], "file": latest["file"], "riga": latest["riga"]})
    return out.sort_values(["territorio", "indicatore", "inizio"]).reset_index(drop=True)[COLUMNS]


def scope_code(nuts) -> str:
    """The code of an area of provinces as the published figures write it: 'ITC42+ITC43'."""
    return "+".join(nuts)


def in_scope(rows: pd.DataFrame, indicator: str, nuts, kind: str, until: int | None = None) -> pd.DataFrame:
    """One indicator's figures of a kind of period for the area of `nuts` (province perimeter):
    a province's own figures, or for several provinces the published total, else the sum of the
    provinces' figures of one release (same source and page) when every province has one. Rows
    are in COLUMNS with `territorio` the area's code and, for a sum, the provinces' sources."""
    code = scope_code(nuts)
    rows = rows[(rows["indicatore"] == indicator) & (rows["tipo"] == kind) & (rows["perimetro"] == PROVINCE)]
    if until is not None:
        rows = rows[rows["inizio"].dt.year <= until]
    own = rows[rows["territorio"] == code]
    if len(nuts) > 1:
        parts = rows[rows["territorio"].isin(nuts) & ~rows["periodo"].isin(own["periodo"])]
        sums = []
        for _, group in parts.groupby(["periodo", "fonte", "data_pagina"], sort=False):
            if set(group["territorio"]) == set(nuts) and len(group) == len(nuts):
                first = group.iloc[0]
                sums.append({**first.to_dict(), "territorio": code, "valore": float(group["valore"].sum()),
                             "circa": bool(group["circa"].any()), "url": " ".join(dict.fromkeys(group["url"])),
                             "altre_versioni": "; ".join(v for v in group["altre_versioni"] if v)})
        own = pd.concat([own, pd.DataFrame(sums, columns=COLUMNS)], ignore_index=True) if sums else own
    return own.sort_values("inizio").reset_index(drop=True)[COLUMNS]


@dataclasses.dataclass(frozen=True)
class Figure:
    """A published figure as a headline quotes it: its value, period and release, and the value of
    the same period a year earlier from the same source (None when not published)."""

    territorio: str
    indicatore: str
    periodo: str
    tipo: str
    inizio: pd.Timestamp
    fine: pd.Timestamp
    valore: float
    circa: bool
    fonte: str
    url: str
    data_pagina: str
    altre_versioni: str
    precedente: float | None = None
    periodo_precedente: str | None = None


def _figure(row, before=None) -> Figure:
    """A Figure from a row of `in_scope` (and the row of the year before)."""
    return Figure(row["territorio"], row["indicatore"], row["periodo"], row["tipo"], row["inizio"], row["fine"],
                  float(row["valore"]), bool(row["circa"]), row["fonte"], row["url"], row["data_pagina"],
                  row["altre_versioni"] or "", None if before is None else float(before["valore"]),
                  None if before is None else before["periodo"])


def latest(series: pd.DataFrame) -> Figure | None:
    """The latest figure of a series of one territory and indicator (`in_scope`), with the same
    period a year before when the same source published it."""
    if series.empty:
        return None
    last = series.sort_values("fine").iloc[-1]
    year = pd.DateOffset(years=1)
    year_before = series[(series["inizio"] == last["inizio"] - year) & (series["fine"] == last["fine"] - year)
                         & (series["fonte"] == last["fonte"])]
    return _figure(last, year_before.iloc[0] if len(year_before) else None)


def at(series: pd.DataFrame, periodo: str) -> Figure | None:
    """The figure of one period in a series (`in_scope`), None when it was not published."""
    found = series[series["periodo"] == periodo]
    return None if found.empty else _figure(found.iloc[0])


def change(figure: Figure) -> float | None:
    """Change in percent on the same period a year earlier (None without it)."""
    if figure.precedente in (None, 0):
        return None
    return (figure.valore - figure.precedente) / figure.precedente * 100


def other_perimeter(rows: pd.DataFrame, territory: str, indicator: str) -> Figure | None:
    """The latest figure of a territory counted on another perimeter (the Lecco employment centres)."""
    found = rows[(rows["territorio"] == territory) & (rows["indicatore"] == indicator)
                 & (rows["perimetro"] != PROVINCE)]
    return None if found.empty else _figure(found.sort_values("fine").iloc[-1])
