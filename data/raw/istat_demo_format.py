"""The ISTAT formats the demo raw files and the test fixtures are written in: SDMX-ML 2.1 structure
(dataflow + DSD, codelists left out to keep files small) and SDMX-CSV 1.0 data."""

from __future__ import annotations

import csv
import io

#: Attribute columns after OBS_VALUE (the family seen in real ISTAT SDMX-CSV; exact tail [VERIFY]).
ATTRIBUTES = ("OBS_STATUS", "BREAK", "CONF_STATUS", "OBS_PRE_BREAK", "BASE_PER", "UNIT_MEAS", "UNIT_MULT",
              "METADATA_EN", "METADATA_IT")

_HEAD = """<?xml version="1.0" encoding="utf-8"?>
<message:Structure xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message" \
xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common" \
xmlns:structure="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure" \
xmlns:xml="http://www.w3.org/XML/1998/namespace">
  <message:Header>
    <message:ID>IDREF{flow}</message:ID>
    <message:Test>false</message:Test>
    <message:Prepared>2026-11-25T09:00:00</message:Prepared>
    <message:Sender id="IT1" />
  </message:Header>
  <message:Structures>
    <structure:Dataflows>
      <structure:Dataflow id="{flow}" agencyID="IT1" version="1.0" isFinal="true">
        <common:Name xml:lang="it">{name}</common:Name>
        <structure:Structure>
          <Ref id="{dsd}" version="1.0" agencyID="IT1" package="datastructure" class="DataStructure" />
        </structure:Structure>
      </structure:Dataflow>
    </structure:Dataflows>
    <structure:DataStructures>
      <structure:DataStructure id="{dsd}" agencyID="IT1" version="1.0" isFinal="true">
        <common:Name xml:lang="it">{name}</common:Name>
        <structure:DataStructureComponents>
          <structure:DimensionList id="DimensionDescriptor">
"""
_DIM = """            <structure:Dimension id="{dim}" position="{pos}">
              <structure:ConceptIdentity><Ref id="{dim}" maintainableParentID="CS_ISTAT" \
maintainableParentVersion="1.0" agencyID="IT1" class="Concept" package="conceptscheme" /></structure:ConceptIdentity>
            </structure:Dimension>
"""
_TAIL = """            <structure:TimeDimension id="TIME_PERIOD" position="{pos}">
              <structure:ConceptIdentity><Ref id="TIME_PERIOD" maintainableParentID="CS_ISTAT" \
maintainableParentVersion="1.0" agencyID="IT1" class="Concept" package="conceptscheme" /></structure:ConceptIdentity>
            </structure:TimeDimension>
          </structure:DimensionList>
          <structure:AttributeList id="AttributeDescriptor">
{attributes}          </structure:AttributeList>
          <structure:MeasureList id="MeasureDescriptor">
            <structure:PrimaryMeasure id="OBS_VALUE" />
          </structure:MeasureList>
        </structure:DataStructureComponents>
      </structure:DataStructure>
    </structure:DataStructures>
  </message:Structures>
</message:Structure>
"""


def structure_xml(flow: str, dsd: str, name: str, dims: list[str] | tuple[str, ...]) -> bytes:
    """An SDMX-ML 2.1 structure message for one dataflow and its DSD (what ?references=children returns,
    less the codelists and concept schemes)."""
    body = _HEAD.format(flow=flow, dsd=dsd, name=name)
    body += "".join(_DIM.format(dim=dim, pos=pos) for pos, dim in enumerate(dims, start=1))
    attributes = "".join(f'            <structure:Attribute id="{a}" assignmentStatus="Conditional" />\n'
                         for a in ATTRIBUTES)
    body += _TAIL.format(pos=len(dims) + 1, attributes=attributes)
    return body.encode("utf-8")


def sdmx_csv(flow: str, dims: list[str] | tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    """SDMX-CSV 1.0 as ISTAT writes it: DATAFLOW, dimensions, TIME_PERIOD, OBS_VALUE, attributes; LF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["DATAFLOW", *dims, "TIME_PERIOD", "OBS_VALUE", *ATTRIBUTES]
    writer.writerow(header)
    for row in rows:
        writer.writerow([f"IT1:{flow}(1.0)"] + [row.get(column, "") for column in header[1:]])
    return buffer.getvalue().encode("utf-8")
