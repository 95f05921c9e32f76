"""One table of ATECO section names for both classifications, with the connectors' own codes."""

from __future__ import annotations

import pytest

from observatory import ateco, labels
from observatory.sources import camcom


def test_the_register_codes_have_names_not_the_code_twice():
    assert ateco.section_name("J+K", "it", ateco.ATECO_2025) == "J+K · Informazione e comunicazione"
    assert ateco.section_name("X", "it", ateco.ATECO_2025) == "X · Imprese non classificate"
    assert ateco.section_name("X", "en", ateco.ATECO_2025) == "X · Unclassified businesses"
    assert ateco.section_name("ND", "it") == "ND · Non classificato"
    assert ateco.section_name(ateco.TOTAL, "it", ateco.ATECO_2025) == "Tutti i settori"


@pytest.mark.parametrize("code", camcom.SECTORS)
def test_every_code_the_register_publishes_is_named(code):
    name = ateco.section_name(code, "it", ateco.BY_DATASET["imprese"])
    assert name != code and name.split(" · ")[-1] != code


def test_a_section_keeps_its_name_across_the_break():
    """The connector re-letters 2007 sections to 2025 (K → L …): the same activity, the same words."""
    for old, new in camcom.ATECO_2007_TO_2025.items():
        if old in ("J", "X"):
            continue
        before = ateco.section_name(old, "it", ateco.ATECO_2007).split(" · ", 1)[1]
        after = ateco.section_name(new, "it", ateco.ATECO_2025).split(" · ", 1)[1]
        assert before == after, (old, new)
    assert ateco.section_name("L", "it", ateco.ATECO_2025) == "L · Attività finanziarie e assicurative"


def test_both_languages_are_filled_in():
    keys = [k for k in labels.TEXTS if k.startswith("ateco.")]
    assert len(keys) > 40 and all(all(labels.TEXTS[k]) for k in keys)
