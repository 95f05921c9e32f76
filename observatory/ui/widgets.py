"""Widgets every page repeats: demo badge, source caption, downloads, map legend and table."""

from __future__ import annotations

import dataclasses
import html
import importlib
import threading
import weakref

import pandas as pd
import streamlit as st
from streamlit import dataframe_util

from observatory import (
    chart_titles,
    charts,
    citable,
    exports,
    labels,
    maps,
    navigation,
    provenance,
    store,
    style,
    views,
)
from observatory.ui import address, data, filters, state
from observatory.ui.state import lang, t

VIEW_KEY = "sezione"


def is_demo(*dataset_ids: str) -> bool:
    """Whether any of these datasets is a constructed sample."""
    records = data.manifest()
    return any(i in records and records[i].is_demo for i in dataset_ids)


def demo_caption(text: str, *dataset_ids: str) -> None:
    """A caption that starts with the demo badge when any dataset is a constructed sample."""
    badge = f":orange-badge[⚠️ {t('badge.demo')}] {t('badge.demo_help')}  \n" if is_demo(*dataset_ids) else ""
    st.caption(badge + text)


def source_line(record: store.DatasetRecord, code_lang: str | None = None, how: str = "") -> str:
    """Source, period, last update and licence of a dataset, in one line, then how its values
    reached us when they were not downloaded from the publisher (`how`, default the dataset's)."""
    code_lang = code_lang or lang()
    span = labels.fmt_span(record.period_start, record.period_end)  # 2023 – 2023 → 2023
    period = f"{labels.t('freshness.period', code_lang)} {span} · " if span != labels.MISSING else ""  # boundaries
    how = how or provenance_phrase(record, code_lang=code_lang)
    return (f"{record.publisher} · {period}"
            f"{labels.t('freshness.updated', code_lang)} {labels.fmt_date(record.retrieved_at, code_lang)} · "
            f"{record.licence}" + (f" · {how}" if how else ""))


def provenance_phrase(record: store.DatasetRecord, frame: pd.DataFrame | None = None,
                      code_lang: str | None = None) -> str:
    """How the numbers drawn reached us (observatory.provenance.phrase) in the page's language."""
    return provenance.phrase(record.provenance, frame, code_lang or lang())


def provenance_of(dataset_ids: tuple[str, ...], frame: pd.DataFrame | None = None) -> str:
    """The provenance phrase of the datasets drawn, for captions and the first column of exports."""
    records = data.manifest()
    rows = frame if len(dataset_ids) == 1 else None
    return "; ".join(p for p in (provenance_phrase(records[i], rows) for i in dataset_ids if i in records) if p)


def demo_lines(lines) -> None:
    """One caption of (text, dataset ids) lines: the demo badge on the lines drawn from a constructed
    sample only, its explanation once at the end."""
    flags = [is_demo(*ids) for _, ids in lines]
    badge = f":orange-badge[⚠️ {t('badge.demo')}]"
    shown = [f"{badge} {text}" if flag else text for (text, _), flag in zip(lines, flags)]
    st.caption("  \n".join(shown + ([t("badge.demo_help")] if any(flags) else [])))


def sources_caption(dataset_ids: tuple[str, ...], extra: str = "", frame: pd.DataFrame | None = None) -> bool:
    """One caption under a chart: the demo badge when any dataset is a constructed sample (with
    its explanation), then one line per distinct source (hires and terminations share theirs) and
    the chart's note. One element, since every element costs a rerun time. Returns whether demo.
    A chart of one dataset whose rows say their provenance (`frame`) gets those rows' kinds."""
    records = data.manifest()
    demo = is_demo(*dataset_ids)
    sources = {}
    for dataset_id in dataset_ids:
        if dataset_id in records:
            sources.setdefault((records[dataset_id].publisher, records[dataset_id].period_end), records[dataset_id])
    code_lang = lang()
    rows = frame if len(dataset_ids) == 1 else None
    lines = [source_line(record, code_lang, provenance_phrase(record, rows, code_lang)) for record in sources.values()]
    if extra:
        lines.append(extra)
    if demo:
        lines.insert(0, f":orange-badge[⚠️ {t('badge.demo')}] {t('badge.demo_help')}")
    if lines:
        st.caption("  \n".join(lines))
    return demo


def downloads(frame: pd.DataFrame, name: str, key: str, chart=None, demo: bool = False, how: str = "",
              dataset_ids: tuple[str, ...] = ()) -> None:
    """CSV and Excel downloads of exactly the rows drawn (formula-safe), and the chart as PNG.

    They sit in one "Scarica" menu whose buttons are drawn only while it is open, and whose files
    are built only when clicked (deferred callables): a rerun with the menu closed costs one
    element. The files can be quoted on their own (observatory.citable): columns headed as on
    screen, values rounded as drawn, the Excel file with a metadata sheet, the PNG with its source
    line and data date. Files drawn from constructed samples say so inside them too: a warning
    column and a subtitle on the image; files of a public copy or transcribed figures say so in a
    first column (`how`)."""
    with st.popover(t("download.menu"), icon=":material/download:", key=f"{key}-downloads",
                    on_change="rerun") as menu:
        if not menu.open:
            return
        code_lang = lang()
        if how:
            frame = exports.with_note(frame, t("provenance.export_column"), how)
        if demo:
            frame = exports.with_demo_warning(frame, t("badge.demo_export"))
            chart = exports.spec_with_warning(chart, t("badge.demo_export")) if isinstance(chart, dict) else chart
        spec = chart if isinstance(chart, dict) else None
        found = citable.records_of(dataset_ids, data.manifest())
        quoted = citable.citable(frame, spec, code_lang)
        title = citable.title_of(spec) or name
        meta = citable.metadata(title, found, address.view_url(), code_lang, how,
                                rounded=len(quoted.columns) > len(frame.columns))
        st.download_button(t("download.csv"), lambda: exports.to_csv(quoted), file_name=f"{name}.csv",
                           mime="text/csv", key=f"{key}-csv", icon=":material/download:", on_click="ignore")
        st.download_button(t("download.xlsx"), lambda: exports.to_excel(
                               quoted, t("export.sheet.data"), meta, t("export.sheet.meta"),
                               (t("export.meta.field"), t("export.meta.value"))), file_name=f"{name}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           key=f"{key}-xlsx", icon=":material/download:", on_click="ignore")
        if chart is not None:
            st.download_button(t("download.png"), lambda: _png(chart, found, code_lang), file_name=f"{name}.png",
                               mime="image/png", key=f"{key}-png", icon=":material/image:", on_click="ignore")


def _png(chart, found: list[store.DatasetRecord], code_lang: str) -> bytes:
    """The chart's picture, its long title wrapped, with the source line and the data date below."""
    spec = citable.wrap_title(chart) if isinstance(chart, dict) else chart
    lines = [labels.t("export.png.source", code_lang, sources=citable.sources_text(found))] if found else []
    if found:
        lines.append(labels.t("export.png.data_date", code_lang, date=citable.retrieved_text(found, code_lang))
                     + f" · {labels.t('export.meta.period', code_lang)} {citable.period_text(found)}")
    return citable.with_source_band(charts.to_png(spec), lines) if lines else charts.to_png(spec)


def cite(chart_spec_full: dict, key: str, dataset_ids: tuple[str, ...], how: str = "") -> None:
    """«Cita questo dato»: the text to paste under a quoted figure (title, source, period, link), in
    a menu drawn only while it is open."""
    with st.popover(t("cite.menu"), icon=":material/format_quote:", key=f"{key}-cite", on_change="rerun") as menu:
        if not menu.open:
            return
        found = citable.records_of(dataset_ids, data.manifest())
        st.caption(t("cite.lead"))
        st.code(citable.citation(citable.title_of(chart_spec_full), found, address.view_url(), lang(), how=how),
                language=None, wrap_lines=True)


def map_legend(classes: list[maps.LegendClass], title: str, decimals: int = 0, missing: str = "n.d.") -> None:
    """Legend with the class breaks, as coloured swatches (HTML with inline styles only)."""
    rows = "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:14px">'
        f'<span style="width:18px;height:14px;background:{c.color};border:1px solid #888;margin-right:6px"></span>'
        f"{labels.fmt_number(c.low, decimals, lang())} – {labels.fmt_number(c.high, decimals, lang())}</span>"
        for c in classes
    )
    missing = ('<span style="display:inline-flex;align-items:center"><span style="width:18px;height:14px;'
               f'background:#d9d9d9;border:1px solid #888;margin-right:6px"></span>{html.escape(missing)}</span>')
    st.html(f'<div style="font-size:0.9rem"><b>{title}</b><br/>{rows}{missing}</div>')


@dataclasses.dataclass(frozen=True)
class ChartSpec:
    """A finished chart twice over: the full Vega-Lite spec (for the PNG export) and the same spec
    with its data sets already serialised to Arrow and its title wrapping to the screen's width
    (chart_titles.wrapping), which is what Streamlit sends to the browser."""

    full: dict
    drawn: dict


def arrow_datasets(spec: dict) -> dict:
    """`spec` with every tabular data set as Arrow bytes (Streamlit's own conversion, done once:
    left to Streamlit, it converts the rows again on every rerun). GeoJSON stays as it is, since
    Vega-Lite reads it directly."""
    datasets = {name: dataframe_util.convert_anything_to_arrow_bytes(rows) if _is_table(rows) else rows
                for name, rows in spec.get("datasets", {}).items()}
    return {**spec, "datasets": datasets} if datasets else spec


def _is_table(rows) -> bool:
    """Rows of a table (a list of records), as opposed to GeoJSON features."""
    return isinstance(rows, list) and bool(rows) and isinstance(rows[0], dict) and rows[0].get("type") != "Feature"


@st.cache_resource(ttl=3600, max_entries=512, show_spinner=False, hash_funcs=data.FRAME_HASH)
def _recipe_spec(builder_path: str, frame: pd.DataFrame, options: tuple, lang_code: str) -> ChartSpec:
    """The spec of a chart recipe, built and validated once per distinct data and options."""
    module_name, _, name = builder_path.rpartition(".")
    builder = getattr(importlib.import_module(module_name), name)
    full = charts.spec(charts.recipe(builder, frame, **dict(options)), lang_code)
    return ChartSpec(full, arrow_datasets(chart_titles.wrapping(full)))


#: specs remembered on the recipe object itself, for recipes that live in a cached page view
_BY_RECIPE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_BY_RECIPE_LOCK = threading.Lock()


def chart_spec(chart, lang_code: str) -> ChartSpec:
    """A chart's finished spec; recipes come from the cache, built charts are converted once."""
    if isinstance(chart, charts.Recipe):
        with _BY_RECIPE_LOCK:
            known = _BY_RECIPE.get(chart, {}).get(lang_code)
        if known is not None:
            return known
        path = f"{chart.builder.__module__}.{chart.builder.__qualname__}"
        found = _recipe_spec(path, chart.frame, tuple(sorted(chart.options.items())), lang_code)
        with _BY_RECIPE_LOCK:
            _BY_RECIPE.setdefault(chart, {})[lang_code] = found
        return found
    full = charts.spec(chart, lang_code)
    return ChartSpec(full, arrow_datasets(chart_titles.wrapping(full)))


def chart_block(chart, frame: pd.DataFrame, *, name: str, key: str, dataset_ids: tuple[str, ...],
                caption: str = "") -> None:
    """A chart (or a charts.recipe), one caption with the demo badge and its sources, and the
    download and citation menus for exactly its data: four elements."""
    spec = chart_spec(chart, lang())
    st.vega_lite_chart(spec.drawn, theme=None, width="stretch", key=f"{key}-chart")
    demo = sources_caption(dataset_ids, caption, frame)
    how = provenance_of(dataset_ids, frame)
    with st.container(horizontal=True, gap="small"):
        downloads(frame, name, key, spec.full, demo=demo, how=how, dataset_ids=dataset_ids)
        cite(spec.full, key, dataset_ids, how)


def block(item) -> None:
    """Draw a views.ChartBlock: chart, badge, source caption and the download menu."""
    chart_block(item.chart, item.frame, name=item.name, key=item.key, dataset_ids=item.dataset_ids,
                caption=item.caption)


def card(item: views.Card, width: int | str = "stretch") -> None:
    """One headline card: the value with its change (▲/▼ coloured by what is good for that
    indicator, none when it rounds to zero) and its description; without a value, the card's
    frame with its note."""
    if item.value is None:
        missing_card(title=item.label, message=item.note, detail=item.detail)
        return
    st.metric(item.label, item.value, item.delta(lang()), delta_color=item.delta_color(),
              delta_arrow=item.delta_arrow(), delta_description=item.description, help=item.help, border=True,
              width=width)


def missing_card(*, title: str, message: str, detail: str = "") -> None:
    """The card's frame with a short note when its dataset is not in the snapshot (detail in small type)."""
    with st.container(border=True):
        st.markdown(f"**{title}**")
        st.info(message, icon=":material/info:")
        if detail:
            st.caption(detail)


def cards(items, width: int | str = style.CARD_WIDTH) -> None:
    """A row of views.Card in one horizontal container: fixed-width cards spread over the row on a
    wide screen, wrapping on a phone (`width="stretch"`: a short row's cards share the width)."""
    with st.container(horizontal=True, horizontal_alignment="distribute"):
        for item in items:
            card(item, width=width)


def province_note(sel, why_key: str) -> None:
    """With one municipality selected, the line above a page's province-level figures that says
    whose they are ("dato provinciale: Lecco") and why the town has none of its own (`why_key`)."""
    if sel.municipality is None:
        return
    st.info(t("scope.provincial", province=state.province_name(sel), municipality=sel.label, why=t(why_key)),
            icon=":material/location_city:")


def view_key(url_path: str) -> str:
    """The view picker's widget key on one page: each page keeps its own choice (pages share view
    codes such as `mappa`, and one page's choice must not open another page's view)."""
    return f"{VIEW_KEY}-{url_path}"


def view_picker(url_path: str) -> str:
    """The row of buttons choosing which of the page's views to draw (navigation.PageEntry.views);
    only that view runs, so a rerun draws one view instead of the whole page. The choice is in the
    URL by code (`?sezione=comuni`), the same in both languages. Returns the code."""
    code_lang = lang()
    names = {code: labels.t(key, code_lang) for code, key in navigation.entry(url_path).views}
    return filters.url_choice(labels.t("view.picker", code_lang), list(names), key=view_key(url_path),
                              url_key=VIEW_KEY, default=next(iter(names)), format_func=names.get,
                              widget="segmented")
