"""AppTest of the Presenta page: setup view, choice of slides and territory, navigation, auto-advance
state and the deck in the URL (slides, territorio, periodo, slide, autoplay)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from observatory import labels, store
from observatory.present import decks

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "pages/presenta.py"


#: the address a browser opened the page at in these tests: not this computer, so QR codes carry it
BROWSER_URL = "https://osservatorio.example.it/presenta"


def open_page(query: dict | None = None, browser_url: str | None = BROWSER_URL) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    if browser_url:
        at.context = {"url": browser_url}  # what st.context.url reads: the browser's address
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def expected_deck(provinces=("013", "097"), slides=decks.SLIDE_IDS) -> decks.Deck:
    frames = {}
    for dataset_id in decks.ALL_NEEDS:
        try:
            frames[dataset_id] = store.read_dataset(dataset_id)
        except Exception:  # noqa: BLE001 — a dataset the snapshot lacks
            pass
    return decks.build_deck(frames, store.read_manifest(), decks.DeckOptions(provinces, slides))


def slide_title(at: AppTest) -> str:
    return at.title[0].value


def counter(at: AppTest) -> str:
    return [m.value for m in at.markdown if "slide-line" in m.value][-1]


def test_setup_lists_the_deck_and_starts_it(full_data_dir):
    at = open_page()
    assert slide_title(at) == labels.t("present.setup.title")
    deck = expected_deck()
    summary = next(m.value for m in at.markdown if m.value.startswith("1. "))
    for slide in deck.slides:
        assert slide.title in summary
    assert at.subheader[0].value == labels.t("present.setup.deck", count=9)
    at.button(key="present-start").click().run()
    assert at.query_params["slide"] == "1"
    assert slide_title(at) == deck.slides[0].title


def test_next_and_previous_move_through_the_deck_and_the_url(full_data_dir):
    deck = expected_deck()
    at = open_page({"slide": "1"})
    assert slide_title(at) == deck.slides[0].title
    assert at.button(key="slide-prev").disabled
    at.button(key="slide-next").click().run()
    assert slide_title(at) == deck.slides[1].title and at.query_params["slide"] == "2"
    assert "2 / 9" in counter(at)
    at.button(key="slide-next").click().run()
    at.button(key="slide-prev").click().run()
    assert slide_title(at) == deck.slides[1].title
    at.button(key="slide-next-page").click().run()  # a clicker's PageDown
    assert slide_title(at) == deck.slides[2].title
    at.button(key="slide-exit").click().run()
    assert "slide" not in at.query_params
    assert slide_title(at) == labels.t("present.setup.title")


def test_the_url_opens_a_chosen_deck_at_a_chosen_slide(full_data_dir):
    at = open_page({"slides": "chiusura,disoccupazione,titolo", "territorio": "097", "slide": "2"})
    deck = expected_deck(("097",), ("titolo", "disoccupazione", "chiusura"))
    assert slide_title(at) == deck.slides[1].title
    assert "Lecco" in slide_title(at) and "Como" not in slide_title(at)
    assert "2 / 3" in counter(at)
    at.button(key="slide-next").click().run()
    assert slide_title(at) == labels.t("present.closing.title")
    assert at.button(key="slide-next").disabled
    assert at.get("image"), "the closing slide shows the QR code"


def test_autoplay_state_from_the_url_and_the_pause_button(full_data_dir):
    at = open_page({"slide": "3", "autoplay": "20"})
    assert at.session_state["_present_autoplay_s"] == 20
    assert at.session_state["_present_armed"] is True  # the timed fragment ran and will advance next tick
    assert at.button(key="slide-play").label == labels.t("present.nav.pause")
    at.button(key="slide-play").click().run()
    assert "autoplay" not in at.query_params and at.session_state["_present_autoplay_s"] == 0
    assert at.button(key="slide-play").label == labels.t("present.nav.play")
    at.button(key="slide-play").click().run()
    assert at.query_params["autoplay"] == "20"
    assert slide_title(at) == expected_deck().slides[2].title  # pausing never moves the slide


def test_choosing_slides_and_autoplay_updates_the_url_and_the_territory_is_the_sidebars(full_data_dir):
    at = open_page({"territorio": "097"})  # the sidebar's choice, as it writes it in the URL
    assert labels.t("present.setup.territory") not in [r.label for r in at.main.radio], "no second territory selector"
    assert "**Lecco**" in " ".join(c.value for c in at.caption)
    at.multiselect(key="_present_slides").set_value(["titolo", "assunzioni"]).run()
    assert at.query_params["slides"] == "titolo,assunzioni"
    assert at.subheader[0].value == labels.t("present.setup.deck", count=2)
    summary = next(m.value for m in at.markdown if m.value.startswith("1. "))
    assert expected_deck(("097",), ("titolo", "assunzioni")).slides[1].title in summary
    at.selectbox(key="_present_autoplay").set_value(30).run()
    assert at.query_params["autoplay"] == "30"
    at.select_slider(key="_present_period").set_value((2019, 2022)).run()
    assert at.query_params["periodo"] == "2019-2022"
    assert "dic 2022" in next(m.value for m in at.markdown if m.value.startswith("1. "))
    link = at.code[0].value
    assert "slides=titolo%2Cassunzioni" in link and "territorio=097" in link and "slide=1" in link
    assert link.startswith("https://osservatorio.example.it/presenta?")


def test_a_municipality_in_the_sidebar_makes_its_provinces_deck(full_data_dir):
    at = open_page({"territorio": "comune", "comune": "097049"})
    caption = " ".join(c.value for c in at.caption)
    assert "**Lecco (la provincia di" in caption, caption
    summary = next(m.value for m in at.markdown if m.value.startswith("1. "))
    assert expected_deck(("097",)).slides[0].title in summary


def test_geography_only_snapshot_says_which_slides_are_left_out_and_why(geo_only_data_dir):
    at = open_page()
    reasons = " ".join(i.value for i in at.main.info)
    assert "forze_lavoro" in reasons and labels.t("present.slide.assunzioni") in reasons
    at.button(key="present-start").click().run()
    at.button(key="slide-next").click().run()
    assert slide_title(at) == expected_deck().slides[1].title  # the population map
    assert not any("dimostrativi" in b.proto.label for b in at.get("badge"))


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_slide_renders_in_both_languages(full_data_dir, lang):
    at = open_page({"slide": "1", "lang": lang})
    for _ in range(8):
        at.button(key="slide-next").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert at.title[0].value.strip()
    assert at.query_params["slide"] == "9"


def test_downloads_are_drawn_only_when_their_menu_is_open(full_data_dir):
    at = open_page()
    assert not at.get("download_button"), "a closed menu draws no download buttons"
    at.session_state["present-downloads"] = True  # the presenter opens the menu
    at.run()
    buttons = {b.key: b.proto.label for b in at.get("download_button")}
    assert buttons == {"present-pptx": labels.t("present.download.pptx"),
                       "present-pdf": labels.t("present.download.pdf")}


def slide_picture(at) -> bytes:
    """The PNG a chart slide shows (a data URL in an st.image)."""
    import base64

    url = at.get("image")[0].proto.imgs[0].url
    assert url.startswith("data:image/png;base64,"), url[:40]
    return base64.b64decode(url.split(",", 1)[1])


def test_a_chart_slide_shows_the_powerpoints_picture_rendered_once_per_deck(full_data_dir, monkeypatch):
    """The slideshow shows the picture the PowerPoint and the PDF carry; each is rendered once per
    deck, so changing slides (forward, back, again) renders nothing."""
    import threading

    from observatory.present import export

    for thread in threading.enumerate():  # earlier tests' decks, still rendering in the background
        if thread.name == "deck-pictures":
            thread.join()
    rendered = []
    real = export.chart_image
    monkeypatch.setattr(export, "chart_image", lambda slide, lang: rendered.append(slide.id) or real(slide, lang))
    at = open_page({"slide": "3"})  # unemployment over time
    deck = expected_deck()
    first = slide_picture(at)
    assert first == real(deck.slides[2], "it"), "the same picture as the files'"
    assert not at.get("vega_lite_chart")
    assert at.get("image")[0].proto.imgs[0].alt == deck.slides[2].title, "the picture says what it shows"
    for _ in range(2):
        for _step in range(len(deck.slides) - 3):
            at.button(key="slide-next").click().run()
            assert not at.exception
        for _step in range(len(deck.slides) - 3):
            at.button(key="slide-prev").click().run()
    assert slide_title(at) == deck.slides[2].title and slide_picture(at) == first
    charted = [s.id for s in deck.slides if s.chart is not None]
    assert sorted(rendered) == sorted(charted), "every chart rendered exactly once"
    at.button(key="slide-prev").click().run()
    at.button(key="slide-prev").click().run()
    assert not at.get("vega_lite_chart") and at.get("image"), "the title slide has the QR code, no chart"


def test_the_shipped_deck_quotes_published_figures_where_the_micro_data_is_demo(data_dir):
    """Hires, businesses and planned hires are demo micro-data in the shipped snapshot: their slides'
    titles are the published headlines (the same as the pages'), with no demo mark."""
    from observatory.views import published_figures

    figures = store.read_dataset("numeri_pubblicati")
    deck = expected_deck()
    slides = {s.id: s for s in deck.slides}
    flows = published_figures.published_flows(figures, provinces=("013", "097"), lang="it")
    firms = published_figures.published_firms(figures, provinces=("013", "097"), lang="it")
    planned = published_figures.published_planned(figures, provinces=("013", "097"), scope_label="Como + Lecco",
                                                  lang="it")
    assert slides["assunzioni"].title == flows.hires.chart.options["title"]
    assert slides["imprese"].title == firms.stock.chart.options["title"]
    assert planned.cards[0].value in slides["competenze"].title
    for slide_id in ("assunzioni", "imprese", "competenze"):
        assert not slides[slide_id].demo and slides[slide_id].datasets == ("numeri_pubblicati",)
        assert "trascritto" in slides[slide_id].notes
    at = open_page()
    summary = next(m.value for m in at.markdown if m.value.startswith("1. "))
    assert "dati dimostrativi" not in summary, "no slide of the shipped deck is demo"
    assert slides["assunzioni"].title in summary


def qr_text(image_element) -> str:
    """What a phone reads from a QR code drawn as an st.image (a PNG data URL)."""
    import base64
    import io

    import zxingcpp
    from PIL import Image

    url = image_element.proto.imgs[0].url
    png = base64.b64decode(url.split(",", 1)[1])
    return zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))[0].text


def test_the_qr_code_carries_the_configured_public_address(full_data_dir, monkeypatch):
    monkeypatch.setenv("OSSERVATORIO_PUBLIC_URL", "https://lavoro.pattolecco.example/")
    at = open_page({"slide": "1"}, browser_url="http://127.0.0.1:8611/presenta")
    assert qr_text(at.get("image")[0]) == "https://lavoro.pattolecco.example"
    at.button(key="slide-exit").click().run()
    assert "OSSERVATORIO_PUBLIC_URL" in " ".join(c.value for c in at.caption)
    assert not at.warning, "a configured public address needs no warning"
    assert at.code[0].value.startswith("https://lavoro.pattolecco.example/presenta?")


def test_without_configuration_the_qr_code_carries_the_browsers_address(full_data_dir):
    at = open_page({"slide": "1"}, browser_url="http://osservatorio.lan:8611/presenta")
    assert qr_text(at.get("image")[0]) == "http://osservatorio.lan:8611"


def test_a_loopback_address_is_warned_about_and_printed_only_when_chosen(full_data_dir):
    at = open_page(browser_url="http://localhost:8611/presenta")
    warning = at.warning[0].value
    assert "http://localhost:8611" in warning and "OSSERVATORIO_PUBLIC_URL" in warning
    assert at.title[0].value == labels.t("present.setup.title") and at.main.children  # the warning comes first
    assert "present-start" in [b.key for b in at.button]
    at.button(key="present-start").click().run()
    assert not at.get("image"), "no QR code carries a loopback address nobody chose"
    at.button(key="slide-exit").click().run()
    at.checkbox(key="_present_loopback_ok_box").check().run()
    at.button(key="present-start").click().run()
    assert qr_text(at.get("image")[0]) == "http://localhost:8611", "chosen for a rehearsal, and kept while presenting"
