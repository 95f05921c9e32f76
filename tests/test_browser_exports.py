"""Downloads as a leader gets them in a real browser: under the first chart of Mercato del lavoro,
the CSV with the headings and roundings on screen, the Excel file with its metadata sheet, the PNG
with its source line, and «Cita questo dato» with title, source, period and this view's link."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from observatory import labels
from tests import browser

pytestmark = pytest.mark.skipif(browser.chromium_missing_reason() is not None,
                                reason=browser.chromium_missing_reason() or "")

PUBLIC = "https://lavoro.esempio.it"


@pytest.fixture(scope="module")
def labour_page(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    data_dir = browser.copy_snapshot(tmp_path_factory.mktemp("data"))
    with browser.streamlit_server(data_dir, {"OSSERVATORIO_PUBLIC_URL": PUBLIC}) as url, \
            sync_playwright() as playwright:
        chromium = browser.launch_browser(playwright)
        context = chromium.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
        page = context.new_page()
        page.goto(url + "/mercato-lavoro")
        browser.wait_rendered(page)
        yield page
        chromium.close()


def download(page, label: str) -> bytes:
    page.get_by_role("button", name=labels.t("download.menu")).first.click()
    with page.expect_download() as started:
        page.get_by_role("button", name=label).first.click()
    data = started.value.path().read_bytes()
    page.keyboard.press("Escape")
    return data


def test_the_csv_is_headed_and_rounded_as_the_chart_shows_it(labour_page):
    import pandas as pd

    frame = pd.read_csv(io.BytesIO(download(labour_page, labels.t("download.csv"))), sep=";", decimal=",",
                        encoding="utf-8-sig")
    assert {"Territorio", "Periodo"} <= set(frame.columns), list(frame.columns)
    assert not [c for c in frame.columns if "_" in c], "no internal column names"
    assert {"Como", "Lecco"} <= set(frame["Territorio"]) and "ITC43" not in set(frame["Territorio"])
    shown = next(c for c in frame.columns if c.startswith("Valore") and "completo" not in c)
    assert (frame[shown].dropna() == frame[shown].dropna().round(1)).all(), "one decimal, as on the axis"
    assert any("valore completo" in c for c in frame.columns), "full precision kept beside"


def test_the_excel_file_has_a_metadata_sheet(labour_page):
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(download(labour_page, labels.t("download.xlsx"))))
    assert book.sheetnames == ["dati", "metadati"]
    meta = {row[0].value: row[1].value for row in book["metadati"].iter_rows(min_row=2)}
    for field in ("Titolo", "Fonte", "Editore", "Licenza", "Provenienza", "Periodo", "Dati aggiornati il",
                  "Indirizzo di questa vista", "Come citarlo"):
        assert meta.get(field), field
    assert "ISTAT" in meta["Editore"] and "CC BY" in meta["Licenza"]
    assert meta["Indirizzo di questa vista"].startswith(PUBLIC + "/mercato-lavoro?")
    assert "disoccupazione" in meta["Titolo"].lower()


def test_the_png_carries_its_source_line_below_the_chart(labour_page):
    import os

    from PIL import Image

    data = download(labour_page, labels.t("download.png"))
    if os.environ.get("OSSERVATORIO_SCREENSHOTS"):
        (Path(os.environ["OSSERVATORIO_SCREENSHOTS"]) / "export-mercato-lavoro.png").write_bytes(data)
    image = Image.open(io.BytesIO(data)).convert("RGB")
    rule = (208, 215, 222)  # the line that opens the source band (citable.with_source_band)
    rows = [y for y in range(image.height // 2, image.height)
            if sum(image.getpixel((x, y)) == rule for x in range(0, image.width, 4)) > image.width // 4 * 0.8]
    assert rows, "a source band under the chart"
    band = image.crop((0, rows[0] + 2, image.width, image.height)).convert("L")
    assert band.getextrema()[0] < 160, "text written in the band"


def test_cite_this_figure_gives_title_source_period_and_link(labour_page):
    labour_page.get_by_role("button", name=labels.t("cite.menu")).first.click()
    code = labour_page.locator('[data-testid="stPopoverBody"] [data-testid="stCode"]').first
    code.wait_for(timeout=30_000)
    text = code.inner_text()
    labour_page.keyboard.press("Escape")
    assert "disoccupazione" in text.lower() and "ISTAT" in text and "Periodo:" in text
    assert f"{PUBLIC}/mercato-lavoro?" in text
