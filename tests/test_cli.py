"""`python -m observatory refresh|versions|restore` as staff run it: against a local server in ISTAT's
real NSI v8 layout, a partial answer never lowers coverage silently, and errors are sentences."""

from __future__ import annotations

import pytest

from observatory import cli, datasets, store
from observatory.pipeline import audit, coverage
from tests import test_sources_istat
from tests.readonly import read_only
from tests.test_sources_istat import FIX

REFRESH = ["refresh", "--dataset", "forze_lavoro", "--base-url"]


def header(flow: str) -> bytes:
    return (FIX / f"{flow}.csv").read_bytes().splitlines()[0] + b"\n"


def as_demo(dataset_id: str) -> None:
    """Mark the shipped dataset as a constructed sample: a demo version is no yardstick for real data,
    so the recorded answers (far smaller than the shipped public copy) can replace it."""
    frame = store.read_dataset(dataset_id)
    store.write_version([datasets.new_dataset(dataset_id, frame, provenance="dimostrativo")])


def test_refresh_against_the_nsi_v8_layout_updates_forze_lavoro(data_dir, fixture_server, capsys):
    """The structure answers carry the NSI v8 AttributeList with dimension references (the real message's
    layout, see test_istat_real_messages); the data answers are SDMX-CSV."""
    as_demo("forze_lavoro")
    test_sources_istat.serve(fixture_server)
    assert b"<structure:AttributeRelationship>" in (FIX / "structure" / "150_915.xml").read_bytes()
    assert cli.main([*REFRESH, f"istat={fixture_server.url}"]) == 0
    out = capsys.readouterr().out
    assert "forze_lavoro: aggiornato" in out and "versione attiva:" in out
    record = store.read_manifest()["forze_lavoro"]
    assert (record.provenance, record.complete) == ("ufficiale", True)
    assert audit.read_last(1).iloc[0]["esito"] == "riuscito"


def test_an_answer_smaller_than_the_shipped_copy_needs_confirmation(data_dir, fixture_server, capsys):
    """The shipped forze_lavoro holds ISTAT values through a public copy (2018–2025): the recorded answers
    cover much less, so the refresh is refused until staff accept the smaller coverage, and then it is
    reported as incomplete, never as a success."""
    shipped = store.read_manifest()["forze_lavoro"]
    assert shipped.provenance != "ufficiale"
    test_sources_istat.serve(fixture_server)
    assert cli.main([*REFRESH, f"istat={fixture_server.url}"]) == 1
    assert "copre meno della versione in linea" in capsys.readouterr().out
    assert store.read_manifest()["forze_lavoro"] == shipped
    assert cli.main([*REFRESH, f"istat={fixture_server.url}", "--accetta-riduzione", "forze_lavoro"]) \
        == cli.INCOMPLETE_EXIT
    assert "copertura" in capsys.readouterr().out
    assert store.read_manifest()["forze_lavoro"].provenance == "ufficiale"


def test_a_partial_answer_never_lowers_coverage_silently(data_dir, fixture_server, capsys):
    as_demo("forze_lavoro")
    test_sources_istat.serve(fixture_server)
    assert cli.main([*REFRESH, f"istat={fixture_server.url}"]) == 0
    frame = store.read_dataset("forze_lavoro")
    before = set(coverage.keys(frame, ("indicatore", "territorio", "anno")))
    capsys.readouterr()
    body = (FIX / "150_915.csv").read_bytes().replace(b"68.450000", b"68.550000")  # something new as well
    test_sources_istat.serve(fixture_server, overrides={"150_916": header("150_916"), "150_915": body})
    assert cli.main([*REFRESH, f"istat={fixture_server.url}"]) == cli.INCOMPLETE_EXIT
    out = capsys.readouterr().out
    assert "forze_lavoro: incompleto" in out and "copertura: manca 1 combinazione" in out
    assert "tasso_attivita" in out and "tenuta dalla versione del" in out and "ATTENZIONE" in out
    after = store.read_dataset("forze_lavoro")
    assert set(coverage.keys(after, ("indicatore", "territorio", "anno"))) == before
    assert store.read_manifest()["forze_lavoro"].carried_over  # marked, with its date
    entry = audit.read_last(1).iloc[0]
    assert entry["esito"] == "parziale" and "tasso_attivita" in entry["dettaglio"]


def test_versions_and_restore_from_the_command_line(data_dir, fixture_server, capsys):
    as_demo("forze_lavoro")
    shipped = store.current_version()
    test_sources_istat.serve(fixture_server)
    cli.main([*REFRESH, f"istat={fixture_server.url}"])
    capsys.readouterr()
    assert cli.main(["versions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "IN LINEA" in lines[0] and lines[1].startswith(shipped) and "completa" in lines[1]
    assert cli.main(["restore", shipped]) == 0
    assert f"La versione {shipped} è di nuovo in linea" in capsys.readouterr().out
    assert store.read_manifest()["forze_lavoro"].provenance == "dimostrativo"
    assert audit.read_last(1).iloc[0]["azione"] == "ripristino"
    assert cli.main(["restore", "19990101T000000000000Z"]) == 1
    assert "Errore: La versione «19990101T000000000000Z» non esiste" in capsys.readouterr().err


def test_a_read_only_data_folder_is_a_sentence(data_dir, fixture_server, capsys, monkeypatch):
    test_sources_istat.serve(fixture_server)
    with read_only(data_dir / "snapshot", monkeypatch):
        assert cli.main([*REFRESH, f"istat={fixture_server.url}"]) == 1
    err = capsys.readouterr().err
    assert "Errore: La cartella dei dati del server non è scrivibile" in err
    assert "Errno" not in err and str(data_dir) not in err and "Traceback" not in err
    assert audit.read_last(1).iloc[0]["esito"] == "non riuscito"


def test_an_unexpected_error_prints_no_traceback(data_dir, capsys, monkeypatch):
    def explode(args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli, "cmd_versions", explode)
    parser = cli.build_parser
    monkeypatch.setattr(cli, "build_parser", lambda: _with(parser(), explode))
    assert cli.main(["versions"]) == 1
    err = capsys.readouterr().err
    assert "Errore imprevisto" in err and "ZeroDivisionError" not in err and "Traceback" not in err
    assert "ZeroDivisionError" in (data_dir / "audit" / "errori.log").read_text(encoding="utf-8")


def _with(parser, func):
    for action in parser._subparsers._group_actions:
        action.choices["versions"].set_defaults(func=func)
    return parser


@pytest.fixture(autouse=True)
def _quiet_progress(monkeypatch):
    monkeypatch.setenv("TQDM_DISABLE", "1")
