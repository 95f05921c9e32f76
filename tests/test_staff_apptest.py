"""The staff area driven through Streamlit's AppTest: sign-in (right, wrong, lockout, not configured,
OIDC), refresh against the fixture server (success, failure, a second refresh while one runs in
another process) and uploads; every failure leaves the snapshot files byte-for-byte intact.

The staff area is tested through `sidebar.render()` in a small script: AppTest runs only the page
file on every run after the first when pages live in `pages/`, so the full app's sidebar would
vanish after the first click (see test_the_full_app_shows_the_staff_area_closed)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from observatory import auth, datasets, exports, labels, store
from observatory.pipeline import audit, refresh
from observatory.sources import http
from observatory.sources.types import Dataset
from observatory.ui import staff
from tests.test_uploads import GOOD_ROWS, PNG, SCHEMA, TEST_DATASET, official_xlsx, snapshot_hashes

REPO = Path(__file__).resolve().parent.parent
PASSWORD = "cruscotto-2025"
HASH = auth.hash_password(PASSWORD)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BODY = "TERRITORIO,ANNO,VALORE\nITC42,2023,61.5\nITC43,2023,64.0\nITC42,2024,62.25\n"


def staff_app():
    from observatory.ui import sidebar

    sidebar.render()


def fetch_prova(ctx):
    """A connector in the house style: one session, base URL from the context, publisher's CSV."""
    response = http.get(http.make_session(), f"{ctx.base_url('prova')}/dati/valori.csv", publisher="Editore di prova")
    frame = pd.read_csv(io.BytesIO(response.content)).rename(columns=str.lower)
    frame["territorio"] = frame["territorio"].astype("str")
    frame["valore"] = frame["valore"].astype("Float64")
    ctx.progress(f"{len(frame)} righe lette")
    return frame


FETCHABLE = Dataset(id="prova", title_it="Dataset di prova (API)", title_en="Test dataset (API)",
                    publisher="Editore di prova", source_url="http://127.0.0.1/", licence="CC BY 4.0",
                    schema=SCHEMA, fetch=fetch_prova, period_column="anno", source="prova")


@pytest.fixture
def catalogue(monkeypatch, fixture_server):
    monkeypatch.setitem(datasets.CATALOGUE, FETCHABLE.id, FETCHABLE)
    monkeypatch.setitem(datasets.CATALOGUE, TEST_DATASET.id, TEST_DATASET)
    monkeypatch.setenv("OSSERVATORIO_BASE_URL_PROVA", fixture_server.url)
    fixture_server.route("/dati/valori.csv", body=BODY, content_type="text/csv; charset=utf-8")
    return fixture_server


def app(secrets: dict | None = None, user: dict | None = None) -> AppTest:
    """The sidebar with the staff area opened, as a member of staff does before signing in."""
    at = AppTest.from_function(staff_app, default_timeout=60)
    for key, value in (secrets if secrets is not None else {"staff_password_hash": HASH}).items():
        at.secrets[key] = value
    if user is not None:
        at.user = user
    at.session_state[staff.BOX] = True
    return at.run()


def texts(at: AppTest) -> str:
    kinds = (at.error, at.warning, at.success, at.info, at.caption, at.markdown)
    return "\n".join(plain(str(element.value)) for kind in kinds for element in kind)


def plain(markdown: str) -> str:
    """Text as the reader sees it: the staff area escapes Markdown in its messages."""
    return re.sub(r"\\(.)", r"\1", markdown)


def sign_in(at: AppTest, password: str = PASSWORD, name: str = "Anna") -> AppTest:
    at.text_input(key="staff_name").input(name)
    at.text_input(key="staff_password").input(password)
    next(b for b in at.button if b.label == "Entra").click()
    return at.run()


def signed_in(at: AppTest) -> bool:
    return any(b.key == "staff_refresh" for b in at.button)


@pytest.fixture
def no_env_hash(monkeypatch):
    monkeypatch.delenv(auth.ENV_VAR, raising=False)


def full_app(opened: bool) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.secrets["altro"] = "x"  # secrets without a hash, whatever .streamlit/secrets.toml says
    if opened:
        at.session_state[staff.BOX] = True
    return at.run()


def test_the_full_app_shows_the_staff_area_closed(data_dir, no_env_hash):
    at = full_app(opened=False)
    assert not at.exception
    assert "Area staff" in [e.label for e in at.sidebar.expander]
    # closed, the area draws nothing but its expander: a reader's rerun does not pay for it
    assert "nessuna password configurata" not in texts(at)
    at = full_app(opened=True)  # (AppTest reruns only the page after a first run: a fresh session)
    assert not at.exception
    assert "nessuna password configurata" in texts(at)
    assert not any(t.key == "staff_password" for t in at.text_input)


def test_the_closed_staff_area_draws_no_sign_in_form(data_dir, no_env_hash):
    at = AppTest.from_function(staff_app, default_timeout=60)
    at.secrets["staff_password_hash"] = HASH
    at.run()
    assert "Area staff" in [e.label for e in at.sidebar.expander]
    assert not at.text_input and not at.button
    at.session_state[staff.BOX] = True
    assert any(t.key == "staff_password" for t in at.run().text_input)


def test_right_password_opens_the_staff_area(data_dir, no_env_hash):
    at = sign_in(app())
    assert not at.exception
    assert signed_in(at)
    assert "Accesso come Anna (password)" in texts(at)
    assert [t.label for t in at.tabs] == ["Aggiorna", "Carica", "Versioni", "Registro"]
    record = store.read_manifest()["popolazione"]
    assert (f"**Popolazione residente per età e sesso**  \nufficiale · periodo 2023 · aggiornato il "
            f"{labels.fmt_date(record.retrieved_at)} · {labels.fmt_int(record.rows)} righe · "
            "API dell'editore") in texts(at)
    next(b for b in at.button if b.key == "staff_out").click()
    assert not signed_in(at.run())


def test_wrong_password_is_refused(data_dir, no_env_hash):
    at = sign_in(app(), password="indovino")
    assert not signed_in(at)
    assert "Password errata." in [plain(e.value) for e in at.error]


def test_five_wrong_passwords_lock_the_address_until_the_clock_moves(data_dir, no_env_hash, monkeypatch):
    now = [1_700_000_000.0]
    monkeypatch.setattr(auth, "clock", lambda: now[0])
    at = app()
    for _ in range(4):
        at = sign_in(at, password="indovino")
    at = sign_in(at, password="indovino")
    assert "Troppi tentativi errati: riprovare tra 60 secondi." in [plain(e.value) for e in at.error]
    at = sign_in(at)  # the right password, but still locked
    assert not signed_in(at) and any("Troppi tentativi" in e.value for e in at.error)
    assert not signed_in(sign_in(app()))  # a reload (a new session) is still locked: the count is not per session
    now[0] += 61
    assert signed_in(sign_in(at))


def test_markdown_in_the_staff_name_is_shown_as_text(data_dir, no_env_hash):
    at = sign_in(app(), name="![x](http://127.0.0.1:9/x.png) **capo**")
    caption = next(c.value for c in at.caption if c.value.startswith("Accesso come"))
    assert caption == "Accesso come \\!\\[x\\]\\(http://127.0.0.1:9/x.png\\) \\*\\*capo\\*\\* \\(password\\)"
    assert "![" not in caption and "**capo**" not in caption


def test_hash_from_the_environment_variable(data_dir, monkeypatch):
    monkeypatch.setenv(auth.ENV_VAR, HASH)
    assert signed_in(sign_in(app({"altro": "x"})))


def test_no_hash_configured_keeps_the_area_closed(data_dir, no_env_hash):
    at = app({"altro": "x"})
    assert "python -m observatory hash-password" in texts(at)
    assert not at.text_input and not signed_in(at)


OIDC = {"auth": {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 40,
                 "client_id": "id", "client_secret": "s",
                 "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"},
        "staff_emails": ["anna@esempio.it"]}


def test_oidc_login_button_and_allow_list(data_dir, no_env_hash):
    at = app(OIDC)
    assert any(b.label == "Accedi con il tuo account" for b in at.button)
    assert not signed_in(at)
    at = app(OIDC, user={"is_logged_in": True, "email": "Anna@esempio.it"})
    assert signed_in(at) and "Accesso come Anna@esempio.it" in texts(at)
    at = app(OIDC, user={"is_logged_in": True, "email": "capo@esempio.it"})
    assert not signed_in(at)
    assert "L'account capo@esempio.it non è abilitato all'area staff." in [plain(w.value) for w in at.warning]


def press_refresh(at: AppTest, ids: list[str]) -> AppTest:
    at.multiselect(key="staff_refresh_ids").set_value(ids)
    at.button(key="staff_refresh").click()
    return at.run()


def test_refresh_success_goes_live_and_is_logged(data_dir, no_env_hash, catalogue):
    at = sign_in(app())
    choice = at.multiselect(key="staff_refresh_ids")
    fetchable = [d.id for d in datasets.CATALOGUE.values() if d.fetch is not None]
    assert choice.value == fetchable and fetchable[-1] == "prova"  # every fetchable dataset by default
    assert choice.options[-1] == "Dataset di prova (API)"
    at = press_refresh(at, ["prova"])
    assert not at.exception
    message = plain(at.success[0].value)
    assert "Aggiornamento completato" in message and "«Dataset di prova (API)»: aggiornato, 3 righe" in message
    record = store.read_manifest()["prova"]
    assert (record.provenance, record.rows, record.period_end) == ("ufficiale", 3, "2024")
    assert store.read_dataset("prova")["valore"].tolist() == [61.5, 64.0, 62.25]
    assert "**Dataset di prova (API)**  \nufficiale · periodo 2023 – 2024" in texts(at)  # the list shows it
    entry = audit.read_last(1).iloc[0]
    assert (entry["chi"], entry["azione"], entry["cosa"], entry["esito"]) == \
        ("Anna (password)", "aggiornamento", "prova", "riuscito")
    log = at.dataframe[-1].value
    assert log.iloc[0]["Chi"] == "Anna (password)"


def test_refresh_failure_keeps_the_previous_snapshot_and_says_why(data_dir, no_env_hash, catalogue):
    catalogue.fail("/dati/", status=500, times=20)
    at = sign_in(app())
    before = snapshot_hashes(data_dir)
    at = press_refresh(at, ["prova"])
    message = plain(at.error[0].value)
    assert "Aggiornamento non riuscito: resta in uso la versione precedente" in message
    assert "«Dataset di prova (API)» non aggiornato: Editore di prova ha un problema temporaneo (HTTP 500)" in message
    assert snapshot_hashes(data_dir) == before
    assert audit.read_last(1).iloc[0]["esito"] == "non riuscito"


CHILD = textwrap.dedent("""
    import sys
    import pandas as pd
    from observatory import datasets
    from observatory.pipeline import refresh
    from observatory.sources.types import Dataset
    from tests.test_uploads import SCHEMA

    def slow_fetch(ctx):
        print("scarico", flush=True)
        sys.stdin.readline()  # the test says when the publisher "answers"
        return pd.DataFrame({"territorio": pd.Series(["ITC42"], dtype="str"), "anno": [2024],
                             "valore": pd.Series([1.0], dtype="Float64")})

    datasets.CATALOGUE["lento"] = Dataset(id="lento", title_it="Lento", title_en="Slow", publisher="p",
                                          source_url="u", licence="l", schema=SCHEMA, fetch=slow_fetch)
    report = refresh.refresh(["lento"])
    print("fatto", report.version, flush=True)
""")


def test_a_second_refresh_while_another_process_refreshes_is_told_to_wait(data_dir, no_env_hash, catalogue):
    at = sign_in(app())
    before = snapshot_hashes(data_dir)
    child = subprocess.Popen([sys.executable, "-c", CHILD], cwd=REPO, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "scarico"  # the other process holds the refresh lock
        with pytest.raises(store.SnapshotBusy, match="già in corso"):
            refresh.refresh(["prova"])
        at = press_refresh(at, ["prova"])
        assert "Un aggiornamento dei dati è già in corso: riprovare tra qualche minuto." in \
            [plain(w.value) for w in at.warning]
        assert snapshot_hashes(data_dir) == before
        assert audit.read_last(1).iloc[0]["esito"] == "non riuscito"
        child.stdin.write("\n")
        child.stdin.flush()
        done = child.stdout.readline().split()
        assert child.wait(timeout=60) == 0 and done[0] == "fatto"
    finally:
        child.kill() if child.poll() is None else None
    assert store.current_version() == done[1]
    at = press_refresh(at, ["prova"])  # the lock is free again
    assert "Aggiornamento completato" in plain(at.success[0].value)
    at = press_refresh(at, ["prova"])  # the publisher has nothing new
    assert "Nessuna novità dalle fonti" in plain(at.success[0].value) and "«Dataset di prova (API)»: invariato" in \
        plain(at.success[0].value)


def upload(at: AppTest, content: bytes, name: str, dataset_id: str = TEST_DATASET.id) -> AppTest:
    at.selectbox(key="staff_upload_dataset").set_value(dataset_id)
    at.file_uploader(key="staff_upload_file").set_value((name, content, XLSX_MIME))
    at.button(key="staff_upload").click()
    return at.run()


def test_upload_of_a_valid_file_goes_live(data_dir, no_env_hash, catalogue):
    at = upload(sign_in(app()), official_xlsx(GOOD_ROWS), "tavola.xlsx")
    assert not at.exception
    assert "«Dataset di prova (caricamento)» aggiornato dal file «tavola.xlsx»: 3 righe" in plain(at.success[0].value)
    assert store.read_manifest()[TEST_DATASET.id].provenance == "caricato"
    assert at.dataframe[-1].value.iloc[0]["Esito"] == "riuscito"


@pytest.mark.parametrize("content, name, expected", [
    (official_xlsx(GOOD_ROWS, headers=("Provincia (NUTS)", "Anno", "Importo")), "tavola.xlsx",
     "foglio «Tavola 1»: manca la colonna «Valore»"),
    (PNG, "tavola.xlsx", "non è un file Excel"),
], ids=["wrong-columns", "renamed-binary"])
def test_rejected_uploads_list_the_problems_and_change_nothing(data_dir, no_env_hash, catalogue,
                                                               content, name, expected):
    at = sign_in(app())
    before = snapshot_hashes(data_dir)
    at = upload(at, content, name)
    message = plain(at.error[0].value)
    assert "Il file «tavola.xlsx» non è stato caricato e i dati in linea non sono cambiati" in message
    assert expected in message
    assert snapshot_hashes(data_dir) == before


def test_cells_quoted_in_messages_cannot_become_markdown_images(data_dir, no_env_hash, catalogue):
    rows = [("![x](http://127.0.0.1:9/x.png)", 2023, 1)]
    at = upload(sign_in(app()), official_xlsx(rows), "tavola.xlsx")
    assert "valore «\\!\\[x\\]\\(http://127.0.0.1:9/x.png\\)»" in at.error[0].value


def test_oversized_upload_is_refused(data_dir, no_env_hash, catalogue, monkeypatch):
    monkeypatch.setenv("OSSERVATORIO_MAX_UPLOAD_BYTES", "2000")
    at = sign_in(app())
    before = snapshot_hashes(data_dir)
    at = upload(at, official_xlsx(GOOD_ROWS), "tavola.xlsx")
    assert "oltre il limite di 0,0 MB" in plain(at.error[0].value)
    assert snapshot_hashes(data_dir) == before


def test_table_layout_re_upload_of_an_export(data_dir, no_env_hash, catalogue):
    at = sign_in(app())
    at.selectbox(key="staff_upload_dataset").set_value("popolazione")
    at = at.run()
    assert at.radio(key="staff_layout_popolazione").options == [
        "tabella con le colonne del dataset (come l'esportazione CSV)"]
    assert "comune_istat, anno, eta, maschi, femmine, totale" in texts(at)
    frame = store.read_dataset("popolazione")
    at = upload(at, exports.to_csv(frame), "popolazione.csv", dataset_id="popolazione")
    assert f"aggiornato dal file «popolazione.csv»: {labels.fmt_int(len(frame))} righe" in plain(at.success[0].value)
