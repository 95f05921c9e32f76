"""The shared HTTP client against the fixture server: retries, caps, truncation, Italian errors."""

import email.utils
import time

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


def test_a_long_retry_after_ends_the_attempt_instead_of_sleeping(fixture_server):
    """urllib3 alone would sleep 3600 s (up to 21,600 s a try) with the refresh lock held."""
    fixture_server.route("/x", body="ok")
    fixture_server.fail("/x", status=429, times=5, headers={"Retry-After": "3600"})
    with pytest.raises(ObservatoryError, match="chiede di riprovare tra 60 minuti \\(HTTP 429\\)"):
        http.get(http.make_session(), fixture_server.url + "/x", publisher="Prova")
    assert len(fixture_server.requests) == 1


def test_a_retry_after_date_tomorrow_ends_the_attempt(fixture_server):
    tomorrow = email.utils.formatdate(time.time() + 86_400, usegmt=True)
    fixture_server.route("/x", body="ok")
    fixture_server.fail("/x", status=503, times=5, headers={"Retry-After": tomorrow})
    with pytest.raises(ObservatoryError, match="chiede di riprovare tra 14\\d\\d minuti \\(HTTP 503\\)"):
        http.get(http.make_session(), fixture_server.url + "/x", publisher="Prova")
    assert len(fixture_server.requests) == 1


def test_a_short_retry_after_is_honoured_and_a_malformed_one_falls_back(fixture_server):
    fixture_server.route("/x", body="ok")
    fixture_server.fail("/x", status=429, times=1, headers={"Retry-After": "0"})
    fixture_server.fail("/x", status=503, times=1, headers={"Retry-After": "domani, forse"})
    assert http.get(http.make_session(), fixture_server.url + "/x", publisher="Prova").text == "ok"
    assert len(fixture_server.requests) == 3


def test_a_server_dripping_bytes_is_cut_off_by_the_deadline(fixture_server):
    """One byte every 0.2 s never trips the 120 s read timeout; 4,000 bytes would take 800 s."""
    fixture_server.route("/x", body="a" * 4000)
    fixture_server.fail("/x", status=200, drip=0.2, times=1)
    with http.deadline(1.0), pytest.raises(http.DeadlineExceeded, match="superato il tempo massimo \\(1 secondo\\)"):
        http.get(http.make_session(retries=0), fixture_server.url + "/x", publisher="Prova")


def test_a_hanging_server_is_cut_off_by_the_deadline_not_the_read_timeout(fixture_server):
    fixture_server.route("/x", body="ok")
    fixture_server.fail("/x", status=200, delay=30, times=1)
    with http.deadline(0.5), pytest.raises(http.DeadlineExceeded, match="tempo massimo"):
        http.get(http.make_session(retries=0), fixture_server.url + "/x", publisher="Prova")


def test_no_request_starts_after_the_deadline(fixture_server):
    fixture_server.route("/x", body="ok")
    with http.deadline(0), pytest.raises(http.DeadlineExceeded):
        http.get(http.make_session(), fixture_server.url + "/x", publisher="Prova")
    assert fixture_server.requests == []


def test_retries_stop_at_the_deadline(fixture_server):
    fixture_server.fail("/x", status=503, times=10)
    with http.deadline(0.3), pytest.raises(ObservatoryError, match="problema temporaneo|tempo massimo"):
        http.get(http.make_session(retries=3, backoff=1.0), fixture_server.url + "/x", publisher="Prova")
    assert len(fixture_server.requests) < 4  # a backoff of 2-4 s does not fit in 0.3 s


def test_download_to_a_file_honours_the_cap_and_the_deadline(fixture_server, tmp_path):
    fixture_server.route("/big", body="b" * 5000)
    target = tmp_path / "out.csv"
    assert http.download(http.make_session(), fixture_server.url + "/big", target, publisher="Prova",
                         cap=10_000) == 5000
    assert target.read_bytes() == b"b" * 5000
    with pytest.raises(ObservatoryError, match="limite"):
        http.download(http.make_session(), fixture_server.url + "/big", target, publisher="Prova", cap=1000)
    fixture_server.fail("/big", status=200, drip=0.2, times=1)
    with http.deadline(0.6), pytest.raises(http.DeadlineExceeded):
        http.download(http.make_session(), fixture_server.url + "/big", target, publisher="Prova", cap=10_000)
