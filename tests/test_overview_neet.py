"""The overview's card from Qualità del lavoro e politiche: NEET 15-29 in the latest year, one card per
province, real BES data from the shipped snapshot, its sentence and its link to the page."""

from __future__ import annotations

from observatory import store
from observatory.indicators import quality
from tests.page_helpers import metrics, run

NBSP = "\u00a0"


def test_neet_cards_for_both_provinces(data_dir):
    latest = quality.latest(quality.series(store.read_dataset("bes_lavoro"), "neet", ["ITC42", "ITC43"]), "neet")
    assert store.read_manifest()["bes_lavoro"].provenance == "copia_verbatim"  # real, not demo
    at = run("pages/panoramica.py")
    cards = metrics(at)
    assert cards["NEET 15-29 anni, Como"] == (f"{latest['ITC42'].valore:.1f}".replace(".", ",") + f"{NBSP}%",
                                              "+0,1 p.p.")
    assert cards["NEET 15-29 anni, Lecco"] == (f"7,2{NBSP}%", "-2,0 p.p.")
    text = "\n".join(m.value for m in at.markdown)
    assert "Lecco, 2024: giovani di 15-29 anni che non lavorano e non studiano (NEET) 7,2" in text
    assert "(qualita-lavoro" in text  # the link to the page with the detail


def test_one_province_one_card(data_dir):
    at = run("pages/panoramica.py", territorio="013")
    assert [label for label in metrics(at) if label.startswith("NEET")] == ["NEET 15-29 anni, Como"]
