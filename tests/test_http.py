"""The shared HTTP client against the fixture server: retries, caps, truncation, Italian errors."""

import pytest

from observatory.errors import ObservatoryError
from observatory.sources import http


def test_retries_a_500_then_succeeds(fixture_server):
    fixture_server.route("/x", body="ok")
    fixture_server.fail("/x", status=500, times=2)
    response = http.get(http.make_session(), fixture_server.url + "/x", publisher="Prova")
    assert response.text == "ok"
    assert len(fixture_server.requests) == 3


def test_does_not_retry_a_403(fixture_server):
    fixture_server.route("/x", body="ok")
    fixture_server.fail("/x", status=403, times=1)
    with pytest.raises(ObservatoryError, match="403"):
        http.get(http.make_session(), fixture_server.url + "/x", publisher="Prova")
    assert len(fixture_server.requests) == 1


def test_gives_up_after_persistent_503(fixture_server):
    fixture_server.fail("/x", status=503, times=10)
    with pytest.raises(ObservatoryError, match="problema temporaneo"):
        http.get(http.make_session(retries=2), fixture_server.url + "/x", publisher="Prova")
    assert len(fixture_server.requests) == 3


def test_truncated_body_is_an_error(fixture_server):
    fixture_server.route("/x", body="a" * 10_000)
    fixture_server.fail("/x", status=200, truncate=True, times=5)
    with pytest.raises(ObservatoryError, match="incompleta|connessione"):
        http.get(http.make_session(retries=0), fixture_server.url + "/x", publisher="Prova")


def test_size_cap(fixture_server):
    fixture_server.route("/x", body="a" * 5000)
    with pytest.raises(ObservatoryError, match="limite"):
        http.get(http.make_session(), fixture_server.url + "/x", publisher="Prova", max_bytes=1000)


def test_timeout_is_an_italian_error(fixture_server):
    fixture_server.route("/x", body="ok")
    fixture_server.fail("/x", status=200, delay=1.0, times=1)
    with pytest.raises(ObservatoryError, match="non ha risposto in tempo"):
        http.get(http.make_session(retries=0), fixture_server.url + "/x", publisher="Prova", timeout=(1, 0.3))


def test_user_agent_is_descriptive(fixture_server):
    fixture_server.route("/x", body="ok")
    http.get(http.make_session(), fixture_server.url + "/x", publisher="Prova")
    assert "Osservatorio" in fixture_server.requests[0].headers["User-Agent"]
