"""The staff area when sources answer with less, a file is refused or replaced, versions are restored
and the data folder is read-only: what staff read (never a plain success, never a traceback)."""

from __future__ import annotations

import dataclasses

import pytest

from observatory import datasets, store
from observatory.pipeline import audit, versions
from observatory.sources.types import CARRY_OVER, Coverage
from tests.readonly import read_only
from tests.test_staff_apptest import FETCHABLE, XLSX_MIME, app, catalogue, no_env_hash, plain, press_refresh, sign_in  # noqa: F401
from tests.test_uploads import GOOD_ROWS, TEST_DATASET, official_xlsx, snapshot_hashes

SHORTER = "TERRITORIO,ANNO,VALORE\nITC42,2023,61.5\nITC42,2024,62.5\n"  # Lecco 2023 is missing


def messages(at) -> str:
    return "\n".join(plain(str(e.value)) for kind in (at.error, at.warning, at.success) for e in kind)


def test_an_answer_that_refuses_to_shrink_is_an_error_and_can_be_accepted(data_dir, server):
    at = press_refresh(sign_in(app()), ["prova"])
    before = snapshot_hashes(data_dir)
    server.route("/dati/valori.csv", body=SHORTER, content_type="text/csv")
    at = press_refresh(at, ["prova"])
    assert not at.success and "Aggiornamento non riuscito" in messages(at)
    assert "la risposta copre meno della versione in linea: manca 1 combinazione di territorio × anno" in messages(at)
    assert snapshot_hashes(data_dir) == before
    assert audit.read_last(1).iloc[0]["esito"] == "non riuscito"
    at.checkbox(key="staff_refresh_shrink").check()
    at = press_refresh(at.run(), ["prova"])
    text = plain(at.warning[0].value)  # accepted: shown, but never as a plain success
    assert "Aggiornamento con copertura ridotta, come confermato" in text
    assert "«Dataset di prova (API)»: aggiornato, 2 righe — copertura ridotta, accettata: manca 1 combinazione" in text
    assert not at.success and store.read_manifest()["prova"].rows == 2
    entry = audit.read_last(1).iloc[0]
    assert entry["esito"] == "parziale" and "manca 1 combinazione" in entry["dettaglio"]


def test_an_answer_carried_over_is_a_warning_with_the_date(data_dir, server, monkeypatch):
    carrying = dataclasses.replace(FETCHABLE, coverage=Coverage(("territorio", "anno"), CARRY_OVER, "prova"))
    monkeypatch.setitem(datasets.CATALOGUE, "prova", carrying)
    at = press_refresh(sign_in(app()), ["prova"])
    server.route("/dati/valori.csv", body=SHORTER, content_type="text/csv")
    at = press_refresh(at, ["prova"])
    text = messages(at)
    assert not at.success and "Aggiornamento incompleto" in text
    assert "manca 1 combinazione di territorio × anno (tra: territorio ITC43; anno 2023): tenuta dalla " \
           "versione del" in text
    record = store.read_manifest()["prova"]
    assert record.carried_over and record.carried_over[0]["gruppi"] == [["ITC43", "2023"]]
    kept = store.read_dataset("prova").set_index(["territorio", "anno"])["valore"]
    assert kept.to_dict() == {("ITC42", 2023): 61.5, ("ITC42", 2024): 62.5, ("ITC43", 2023): 64.0}  # Lecco kept
    assert "⚠ incompleto: 1 gruppo tenuto dalla versione del" in "\n".join(m.value for m in at.markdown)
    assert audit.read_last(1).iloc[0]["esito"] == "parziale"


def test_a_read_only_data_folder_is_a_sentence_and_is_logged(data_dir, server, monkeypatch):
    at = sign_in(app())
    with read_only(data_dir / "snapshot", monkeypatch):
        at = press_refresh(at, ["prova"])
    text = messages(at)
    assert "La cartella dei dati del server non è scrivibile" in text
    assert "Errno" not in text and str(data_dir) not in text and not at.exception
    entry = audit.read_last(1).iloc[0]
    assert entry["esito"] == "non riuscito" and "non è scrivibile" in entry["dettaglio"]


def test_a_file_is_processed_once_and_a_refused_pick_never_reuploads_the_previous_one(data_dir, server):
    """Streamlit's uploader keeps the previous file when it refuses a new one (60 MB, .xlsm)."""
    at = sign_in(app())
    at.selectbox(key="staff_upload_dataset").set_value(TEST_DATASET.id)
    at.file_uploader(key="staff_upload_file").set_value(("prima.xlsx", official_xlsx(GOOD_ROWS), XLSX_MIME))
    at.button(key="staff_upload").click()
    at = at.run()
    assert "aggiornato dal file «prima.xlsx»" in messages(at)
    before = snapshot_hashes(data_dir)
    at.button(key="staff_upload").click()  # the uploader still holds «prima.xlsx»
    at = at.run()
    assert "Il file «prima.xlsx» è già stato elaborato" in messages(at) and not at.success
    assert snapshot_hashes(data_dir) == before
    at.file_uploader(key="staff_upload_file").set_value(("prima.xlsx", official_xlsx(GOOD_ROWS), XLSX_MIME))
    at.button(key="staff_upload").click()  # picked again on purpose: a new upload
    assert "aggiornato dal file «prima.xlsx»" in messages(at.run())


def test_a_smaller_upload_asks_for_the_confirmation(data_dir, server):
    at = sign_in(app())
    at.selectbox(key="staff_upload_dataset").set_value(TEST_DATASET.id)
    at.file_uploader(key="staff_upload_file").set_value(("tutto.xlsx", official_xlsx(GOOD_ROWS), XLSX_MIME))
    at.button(key="staff_upload").click()
    at = at.run()
    at.file_uploader(key="staff_upload_file").set_value(("poco.xlsx", official_xlsx(GOOD_ROWS[:1]), XLSX_MIME))
    at.button(key="staff_upload").click()
    at = at.run()
    assert "Il file «poco.xlsx» non è stato caricato: copre meno della versione in linea" in messages(at)
    assert store.read_manifest()[TEST_DATASET.id].rows == 3
    at.checkbox(key="staff_upload_shrink").check()
    at.button(key="staff_upload").click()  # the same file, now confirmed
    at = at.run()
    assert "aggiornato dal file «poco.xlsx»: 1 righe" in messages(at) and "Copertura ridotta confermata" in messages(at)
    assert store.read_manifest()[TEST_DATASET.id].rows == 1


def test_versions_are_listed_with_their_changelog_and_an_older_one_restored(data_dir, server):
    shipped = store.current_version()
    at = press_refresh(sign_in(app()), ["prova"])
    assert store.current_version() != shipped
    labels = [e.label for e in at.expander]
    assert any(label.startswith(shipped) and "completa" in label for label in labels)
    assert any("in linea" in label for label in labels)
    assert any("### prova" in m.value.replace("\\", "") for m in at.markdown)
    at.selectbox(key="staff_restore_version").set_value(shipped)
    at.button(key="staff_restore").click()
    at = at.run()
    assert f"La versione {shipped} è di nuovo in linea per tutti." in messages(at)
    assert "prova" not in store.read_manifest()
    assert versions.versions()[0].restored_from == shipped
    entry = audit.read_last(1).iloc[0]
    assert (entry["azione"], entry["cosa"], entry["esito"]) == ("ripristino", shipped, "riuscito")


@pytest.fixture
def server(request, monkeypatch):
    """The staff tests' publisher stand-in and test datasets, with no password hash in the environment."""
    request.getfixturevalue("no_env_hash")
    monkeypatch.setitem(datasets.CATALOGUE, TEST_DATASET.id, TEST_DATASET)
    return request.getfixturevalue("catalogue")
