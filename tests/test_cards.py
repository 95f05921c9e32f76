"""views.Card, the one card type of every page: how its change is written and coloured."""

from __future__ import annotations

from observatory.views import Card


def test_the_change_uses_the_true_minus_of_every_other_number_and_an_explicit_arrow():
    fall = Card("x", "1", -2.7, 1, " p.p.")
    assert (fall.delta("it"), fall.delta_arrow()) == ("\u22122,7 p.p.", "down")
    assert Card("x", "1", 0.5, 1, " p.p.").delta_arrow() == "up"
    assert Card("x", "1", 0.5, 1, " p.p.").delta("en") == "+0.5 p.p."
    assert Card("x", "1", None, 1).delta("it") is None


def test_a_card_colours_its_change_by_what_is_good_and_a_flat_change_not_at_all():
    down_is_good = Card("Disoccupazione", "4,0 %", -0.3, 1, " p.p.", higher_is_better=False)
    assert (down_is_good.delta_color(), down_is_good.delta_arrow()) == ("green", "down")
    assert Card("Disoccupazione", "4,0 %", 0.3, 1, " p.p.", higher_is_better=False).delta_color() == "red"
    assert Card("Iscrizioni", "10", 3, 0, higher_is_better=True).delta_color() == "green"
    assert Card("Iscrizioni", "10", -3, 0, higher_is_better=True).delta_color() == "red"
    assert Card("Studenti", "10", 3, 0).delta_color() == "off"  # neutral: no colour
    flat = Card("Iscrizioni", "10", -0.04, 1, " %", higher_is_better=True)
    assert (flat.delta("it"), flat.delta_color(), flat.delta_arrow()) == ("0,0 %", "off", "off")
