"""The Fonti page: every dataset with its provenance, the public copy its values come from and how to
cite the observatory; every indicator's definition; and "Verifica dei numeri", each published figure
beside the archive's value with its status. Tables are handed over as Arrow tables, built once per
snapshot version and language: Streamlit sends them as they are instead of converting a DataFrame
on every rerun."""

from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import pyarrow as pa

from observatory import datasets as catalogue
from observatory import labels, provenance, store
from observatory.indicators import registry
from observatory.indicators import verification as checks

#: the datasets the verification view compares published figures with
VERIFICATION_NEEDS = checks.NEEDS

ALL_STATUSES = "tutti"


def _arrow(frame: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(frame, preserve_index=False)


@dataclasses.dataclass(frozen=True, eq=False)
class DatasetsView:
    """The datasets as cards (one Markdown text each: provenance, period, last update and licence
    readable at any width, never behind a horizontal scroll), the full table, the name of its link
    column, and the citation line."""

    table: pa.Table
    url_column: str
    citation: str
    copies: tuple[str, ...] = ()  # one Markdown line per dataset built from public copies
    cards: tuple[str, ...] = ()


Copies = tuple[tuple[str, str, str, str, str, str], ...]


def datasets(*, records: tuple[store.DatasetRecord, ...], lang: str, today: str, copies: Copies = ()) -> DatasetsView:
    """`records` are the manifest's records; `today` (ISO date) is the consultation date cited;
    `copies` the public copies of data/raw (mirror.public_copies: dataset, repository, path, commit, kind, link)."""
    by_id = {record.id: record for record in records}
    return DatasetsView(_arrow(datasets_table(by_id, lang, copies)), labels.t("sources.col.url", lang),
                        citation(by_id, lang, date.fromisoformat(today)), copies_list(by_id, copies, lang),
                        dataset_cards(by_id, lang))


def publishers(record: store.DatasetRecord) -> tuple[str, str]:
    """(whose data it is, who republishes it where we read it; "" when nobody): the register is
    InfoCamere's, republished by the Marche chamber; the record's own publisher otherwise."""
    dataset = catalogue.CATALOGUE.get(record.id)
    if dataset is None:
        return record.publisher, ""
    return dataset.author or record.publisher, dataset.republisher


def dataset_cards(records: dict[str, store.DatasetRecord], lang: str) -> tuple[str, ...]:
    """One card text per dataset: title, publisher and republisher, provenance, period, last update,
    licence and the link to the source."""
    t = labels.translator(lang)
    cards = []
    for r in records.values():
        author, republisher = publishers(r)
        period = " – ".join(p for p in (r.period_start, r.period_end) if p) or labels.MISSING
        publisher = f"{t('sources.col.publisher')}: {author}" + (
            f" · {t('sources.col.republisher')}: {republisher}" if republisher else "")
        cards.append("  \n".join((
            f"**{r.title}**", publisher,
            f"{t('sources.col.provenance')}: {t(f'provenance.{r.provenance}')}",
            f"{t('sources.col.period')}: {period} · "
            f"{t('sources.col.updated')}: {labels.fmt_date(r.retrieved_at, lang)}",
            f"{t('sources.col.licence')}: {r.licence}" + (f" · [{t('sources.col.url')}]({r.source_url})"
                                                          if r.source_url else ""))))
    return tuple(cards)


def _copied(record: store.DatasetRecord, copies: Copies) -> list[tuple[str, str, str, str, str]]:
    """The distinct public copies of a dataset still built from them (not after a refresh)."""
    if record.provenance not in provenance.COPIES:
        return []
    return list(dict.fromkeys((repo, path, commit[:7], kind, link) for dataset_id, repo, path, commit, kind, link
                              in copies if dataset_id == record.id))


def copies_list(records: dict[str, store.DatasetRecord], copies: Copies, lang: str) -> tuple[str, ...]:
    """'**Title** (publisher): [repository, file @ commit](link) — what the copy did; …' per dataset."""
    lines = []
    for record in records.values():
        found = _copied(record, copies)
        if found:
            items = "; ".join(f"[{repo}, `{path}` @ {commit}]({link}) — {labels.t(f'provenance.{kind}', lang)}"
                              for repo, path, commit, kind, link in found)
            lines.append(labels.t("sources.copies.line", lang, title=record.title, publisher=record.publisher,
                                  items=items))
    return tuple(lines)


def indicators(*, lang: str) -> pa.Table:
    """Every indicator of the registry with its definition, unit, dataset and caveats."""
    return _arrow(indicators_table(lang))


def copy_text(record: store.DatasetRecord, copies: Copies, lang: str) -> str:
    """The public copies a dataset's values come from: 'repository, file @ commit (what the copy did)'.
    Only while the dataset is still built from them: after a refresh from the publisher it is not."""
    if record.provenance == "trascritto":
        return labels.t("provenance.trascritto", lang)
    return "; ".join(f"{repo}, {path} @ {commit} ({labels.t(f'provenance.{kind}', lang)})"
                     for repo, path, commit, kind, _ in _copied(record, copies)) or labels.t("sources.copy.none", lang)


def datasets_table(records: dict[str, store.DatasetRecord], lang: str, copies: Copies = ()) -> pd.DataFrame:
    rows = []
    for r in records.values():
        period = " – ".join(p for p in (r.period_start, r.period_end) if p) or labels.MISSING
        author, republisher = publishers(r)
        rows.append({
            labels.t("sources.col.dataset", lang): r.title,
            labels.t("sources.col.publisher", lang): author,
            labels.t("sources.col.republisher", lang): republisher or labels.MISSING,
            labels.t("sources.col.provenance", lang): labels.t(f"provenance.{r.provenance}", lang),
            labels.t("sources.col.copy", lang): copy_text(r, copies, lang),
            labels.t("sources.col.period", lang): period,
            labels.t("sources.col.updated", lang): labels.fmt_date(r.retrieved_at, lang),
            labels.t("sources.col.rows", lang): labels.fmt_int(r.rows, lang),
            labels.t("sources.col.licence", lang): r.licence,
            labels.t("sources.col.url", lang): r.source_url,
        })
    return pd.DataFrame(rows)


def indicators_table(lang: str) -> pd.DataFrame:
    return pd.DataFrame([{
        labels.t("sources.col.indicator", lang): i.label(lang),
        labels.t("sources.col.definition", lang): i.definition(lang),
        labels.t("sources.col.unit", lang): i.unit,
        labels.t("sources.col.dataset", lang): i.dataset,
        labels.t("sources.col.caveats", lang): i.caveats_en if lang == "en" else i.caveats_it,
    } for i in registry.INDICATORS.values()])


def citation(records: dict[str, store.DatasetRecord], lang: str, today: date | None = None) -> str:
    day = labels.fmt_date(today or date.today(), lang)
    publishers = sorted({r.publisher for r in records.values()})
    return labels.t("sources.citation", lang, day=day, publishers="; ".join(publishers))


# --- Verifica dei numeri -------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True, eq=False)
class VerificationView:
    """Every published figure with its status: the summary line, the status filter's choices with
    their names (and counts), the table shown (Arrow, filtered), the rows offered for download."""

    summary: str
    statuses: tuple[str, ...]
    status_names: dict[str, str]
    table: pa.Table
    url_column: str
    rows: pd.DataFrame
    caption: str


def _number(value, places: int, lang: str) -> str:
    return labels.MISSING if value is None or pd.isna(value) else labels.fmt_number(value, places, lang)


def verification(*frames: pd.DataFrame, ids: tuple[str, ...], demo: tuple[str, ...], lang: str,
                 status: str = ALL_STATUSES) -> VerificationView:
    """`frames` are the snapshot's datasets named in `ids` (those of checks.NEEDS it holds),
    `demo` the snapshot's demo dataset ids; `status` filters the table (the counts stay whole)."""
    t = labels.translator(lang)
    checked = checks.verify(dict(zip(ids, frames)), frozenset(demo))
    order = {s: i for i, s in enumerate(checks.STATUSES)}
    checked = checked.sort_values(["stato", "file", "riga"], key=lambda s: s.map(order) if s.name == "stato" else s)
    counts = checks.counts(checked)
    parts = ", ".join(f"{t(f'verify.status.{s}')} {labels.fmt_int(n, lang)}" for s, n in counts.items() if n)
    names = {ALL_STATUSES: t("verify.all"),
             **{s: f"{t(f'verify.status.{s}')} ({labels.fmt_int(n, lang)})" for s, n in counts.items() if n}}
    shown = checked if status == ALL_STATUSES else checked[checked["stato"] == status]
    places = lambda row: max(checks.decimals(row.valore_testo), 3 if row.unita == "%" else 0)  # noqa: E731
    table = pd.DataFrame({
        t("verify.col.territory"): shown["territorio"], t("verify.col.indicator"): shown["indicatore"],
        t("verify.col.period"): shown["periodo"],
        t("verify.col.published"): [r.valore_testo if pd.isna(r.valore_pubblicato) else
                                    _number(r.valore_pubblicato, checks.decimals(r.valore_testo), lang)
                                    for r in shown.itertuples()],
        t("verify.col.unit"): shown["unita"],
        t("verify.col.computed"): [_number(r.valore_calcolato, places(r), lang) for r in shown.itertuples()],
        t("verify.col.gap"): [_number(r.scarto, places(r), lang) for r in shown.itertuples()],
        t("verify.col.status"): shown["stato"].map(lambda s: t(f"verify.status.{s}")),
        t("verify.col.reason"): shown["motivo"].map(lambda m: t(f"verify.reason.{m}")),
        t("verify.col.compared"): shown["confronto"], t("verify.col.source"): shown["fonte"],
        t("verify.col.url"): shown["url"], t("verify.col.date"): shown["data_pagina"],
        t("verify.col.note"): shown["nota"],
    })
    return VerificationView(t("verify.summary", total=labels.fmt_int(len(checked), lang), parts=parts),
                            tuple(names), names, _arrow(table), t("verify.col.url"), shown.reset_index(drop=True),
                            t("verify.caption"))
