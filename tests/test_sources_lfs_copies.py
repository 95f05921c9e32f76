"""`forze_lavoro` from the real public copies in data/raw/istat_lfs_provincial: the ISTAT databrowser
export (also a staff upload), the diset-viz `;` table, the derived inactivity, nothing invented."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from observatory import datasets, store
from observatory.errors import ObservatoryError
from observatory.pipeline import audit, uploads
from observatory.sources import disetviz, istat, istat_databrowser, lfs_copies
from observatory.sources.types import FetchContext
from tests.conftest import REPO

FOLDER = REPO / "data" / "raw" / "istat_lfs_provincial"
EXPORT = FOLDER / "ALAN-IS477__Provincial_data_150_915_DCCV_TAXOCCU1_5__CO_LC_LOM_IT.csv"
DISET = FOLDER / "diset-viz__istat_prov__unemp15-74_act15-64__CO_LC_LOM.csv"
TERRITORIES = ["ITC42", "ITC43", "ITC4", "IT"]


def value(frame, territory, indicator, year, sex="totale"):
    rows = frame[(frame["territorio"] == territory) & (frame["indicatore"] == indicator) & (frame["anno"] == year)
                 & (frame["sesso"] == sex)]
    return float(rows["valore"].item())


def test_the_verbatim_databrowser_export_parses():
    raw = EXPORT.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # the export's BOM and CRLF, kept byte for byte
    assert istat_databrowser.is_export(raw.decode("utf-8-sig"))
    frame = istat_databrowser.parse(raw, EXPORT.name, TERRITORIES, "copia_verbatim")
    assert len(frame) == 36 and set(frame["classe_eta"]) == {"15-89"} and set(frame["serie"]) == {"RFL2021"}
    assert value(frame, "ITC42", "tasso_occupazione", 2023) == pytest.approx(52.277329)
    assert value(frame, "IT", "tasso_occupazione", 2025, "femmine") == pytest.approx(39.628749)
    assert frame["stato_osservazione"].isna().all()  # blank OBS_STATUS is NA, not ""


def test_the_export_names_the_regulation_and_refuses_what_it_cannot_read():
    assert istat_databrowser.series_of("Provincial data (IT1,150_915_DF_DCCV_TAXOCCU1_5,1.0).csv") == "RFL2021"
    assert istat_databrowser.series_of("IT1,151_1193_DF_DCCV_TAXDISOCCU1_UNT2020_1,1.0.csv") == "UNT2020"
    text = EXPORT.read_bytes().decode("utf-8-sig")
    with pytest.raises(ObservatoryError, match="codice DATA_TYPE sconosciuto «WAGE_R»"):
        istat_databrowser.parse(text.replace(",EMP_R,", ",WAGE_R,").encode(), "x.csv", TERRITORIES, "caricato")
    blank = text.replace("52.277329", "")
    frame = istat_databrowser.parse(blank.encode(), "x.csv", TERRITORIES, "caricato")
    assert pd.isna(frame.loc[(frame["territorio"] == "ITC42") & (frame["anno"] == 2023)
                             & (frame["sesso"] == "totale"), "valore"].item())  # a gap, never 0
    with pytest.raises(ObservatoryError, match="SDMX-CSV with labels"):
        istat_databrowser.parse(b"a,b\r\n1,2\r\n", "x.csv", TERRITORIES, "caricato")


def test_the_diset_viz_table_parses():
    assert disetviz.is_layout(DISET.read_text(encoding="utf-8"))
    frame = disetviz.parse(DISET.read_bytes(), DISET.name, "copia_arrotondata")
    assert len(frame) == 48 and set(frame["territorio"]) == {"ITC42", "ITC43", "ITC4"}  # no Italia in the copy
    assert value(frame, "ITC42", "tasso_disoccupazione", 2020) == pytest.approx(5.594)
    assert value(frame, "ITC4", "tasso_attivita", 2024) == pytest.approx(72.071)
    assert set(frame.loc[frame["indicatore"] == "tasso_disoccupazione", "classe_eta"]) == {"15-74"}


def test_the_copies_build_the_real_dataset_and_nothing_else():
    ctx = FetchContext()
    frame = lfs_copies.build(REPO / "data" / "raw", ctx)
    datasets.validate("forze_lavoro", frame)
    assert len(frame) == 36 + 48 + 24
    inactive = frame[frame["indicatore"] == "tasso_inattivita"].set_index(["territorio", "anno"])["valore"]
    active = frame[frame["indicatore"] == "tasso_attivita"].set_index(["territorio", "anno"])["valore"]
    assert ((inactive + active) - 100).abs().max() < 1e-9  # the identity, per row
    assert frame.loc[frame["indicatore"] == "tasso_inattivita", "derivazione"].str.startswith("100 −").all()
    assert frame.loc[frame["indicatore"] != "tasso_inattivita", "derivazione"].isna().all()
    unemployment = frame[frame["indicatore"] == "tasso_disoccupazione"]
    assert "IT" not in set(unemployment["territorio"]) and set(unemployment["sesso"]) == {"totale"}
    assert not ((frame["indicatore"] == "tasso_occupazione") & (frame["classe_eta"] == "15-64")).any()
    kinds = frame.groupby("indicatore")["provenienza"].unique().map(list).to_dict()
    assert kinds["tasso_occupazione"] == ["copia_verbatim"] and kinds["tasso_disoccupazione"] == ["copia_arrotondata"]
    assert any("derivato" in note for note in ctx.notes)


def test_a_copy_edited_by_hand_is_refused(tmp_path):
    folder = tmp_path / "raw" / "istat_lfs_provincial"
    shutil.copytree(FOLDER, folder)
    path = folder / DISET.name
    path.write_text(path.read_text(encoding="utf-8").replace("5.594", "5.300"), encoding="utf-8")
    with pytest.raises(ObservatoryError, match="impronta diversa"):
        lfs_copies.build(tmp_path / "raw", FetchContext())
    sidecar = json.loads((folder / f"{EXPORT.name}.provenance.json").read_text(encoding="utf-8"))
    assert sidecar["copy"]["commit"] == "9f4b73750c173dae8bf32ae4322ce75021cda810"


def test_staff_can_upload_the_databrowser_export(data_dir):
    # the export holds the employment rate only: it covers less than the shipped archive, so staff confirm
    with pytest.raises(uploads.ShrinkingUpload, match="tasso_disoccupazione"):
        uploads.upload("forze_lavoro", EXPORT.read_bytes(), "Provincial data (IT1,150_915_DF,1.0).csv",
                       who="staff@test", base=data_dir / "snapshot")
    result = uploads.upload("forze_lavoro", EXPORT.read_bytes(), "Provincial data (IT1,150_915_DF,1.0).csv",
                            who="staff@test", base=data_dir / "snapshot", confirm_shrink=True)
    assert result.rows == 36 and (result.period_start, result.period_end) == ("2023", "2025")
    record = store.read_manifest(base=data_dir / "snapshot")["forze_lavoro"]
    assert record.provenance == "caricato"
    uploaded = store.read_dataset("forze_lavoro", base=data_dir / "snapshot")
    assert set(uploaded["provenienza"]) == {"caricato"}
    assert istat.parse_upload(EXPORT.read_bytes(), EXPORT.name).equals(uploaded)
    assert audit.read_last(1)["esito"].item() == audit.PARTIAL  # a confirmed shrink is never a plain success
