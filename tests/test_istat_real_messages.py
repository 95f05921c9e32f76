"""ISTAT's real structure and data messages (../shared/sources/samples/istat_real): the DSD parser
reads the dimensions from `DimensionList` only, whatever else in the message names a Dimension."""

from __future__ import annotations

import re

import pytest

from observatory.errors import ObservatoryError
from observatory.sources import istat_sdmx
from tests.conftest import sample

REAL = "istat_real"


def real(name: str) -> bytes:
    return sample(f"{REAL}/{name}").read_bytes()


def references_children(flow: str, dsd_message: bytes) -> bytes:
    """What `dataflow/IT1/{flow}/1.0?references=children` answers: the flow's real Dataflow block (from
    the 2020 catalogue) followed by the real DataStructures block of its DSD, in one Structure message."""
    catalogue = real("ondata_dataflow_2020_subset.xml").decode("utf-8")
    block = re.search(rf'(<structure:Dataflow id="{flow}".*?</structure:Dataflow>)', catalogue, re.S).group(1)
    dsd = re.search(r"(<structure:DataStructures>.*</structure:DataStructures>)", dsd_message.decode("utf-8"),
                    re.S).group(1)
    head = catalogue[: catalogue.index("<structure:Dataflows>")]
    return (head + f"<structure:Dataflows>{block}</structure:Dataflows>{dsd}"
            "</message:Structures></message:Structure>").encode("utf-8")


def test_the_nsi_v8_dsd_with_dimension_refs_in_its_attribute_list():
    xml = real("sdmxtestdata_ISTAT_22_289-structure.xml")
    assert b"<structure:AttributeRelationship>" in xml and b'<Ref id="REF_AREA" />' in xml  # the trap
    assert istat_sdmx.parse_dimensions(xml, "22_289") == ["FREQ", "REF_AREA", "DATA_TYPE", "SEX", "AGE",
                                                         "MARITAL_STATUS"]


def test_a_references_children_answer_built_from_the_real_blocks():
    xml = references_children("22_289", real("sdmxtestdata_ISTAT_22_289-structure.xml"))
    assert istat_sdmx.parse_dimensions(xml, "22_289") == ["FREQ", "REF_AREA", "DATA_TYPE", "SEX", "AGE",
                                                         "MARITAL_STATUS"]


@pytest.mark.parametrize("name, expected", [
    ("ondata_DCIS_POPRES1_datastructure_2020.xml", ["FREQ", "ETA", "ITTER107", "SESSO", "STATO_CIV", "TIPO_INDDEM"]),
    ("ondata_DCIS_INCIDMORFER_COM_datastructure.xml", ["FREQ", "ESITO", "ITTER107", "TIPO_DATO"]),
])
def test_the_2020_dsds_with_groups_and_unprefixed_refs(name, expected):
    xml = real(name)
    assert b"GroupDimension" in xml
    assert istat_sdmx.parse_dimensions(xml, "any") == expected


def test_the_dataflow_catalogue_alone_has_no_dsd_and_says_so():
    with pytest.raises(ObservatoryError, match="non contiene la DSD DCCV_TAXOCCU1"):
        istat_sdmx.parse_dimensions(real("ondata_dataflow_2020_subset.xml"), "150_915")


def test_a_structure_specific_data_answer_instead_of_csv_is_an_italian_error():
    with pytest.raises(ObservatoryError, match="SDMX-ML invece che in SDMX-CSV"):
        istat_sdmx.read_sdmx_csv(real("sdmxtestdata_ISTAT_22_289.xml"), ["FREQ", "REF_AREA"], "22_289")


@pytest.mark.parametrize("body", ["NoRecordsFound", "No Records Found", "No Results Found",
                                  '{"error": "No records found for the query"}'])
def test_every_spelling_of_no_data(fixture_server, body):
    fixture_server.route("/data/x/A", body=body, status=404)
    session = istat_sdmx.session()
    assert istat_sdmx.call(session, fixture_server.url + "/data/x/A", params=None, accept="text/csv") is None
