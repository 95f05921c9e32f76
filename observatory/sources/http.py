"""The one HTTP client every connector uses: a descriptive User-Agent, explicit timeouts, retries
with backoff on 429/5xx only (urllib3 Retry), a size cap, a deadline, and errors in plain Italian.

Time is bounded three ways, so a refresh always ends and releases its lock: a Retry-After longer
than config.max_retry_after_s() ends the attempt instead of sleeping; every wait and every socket
read is capped by the deadline the refresh sets around each dataset (`deadline`); and the body is
read one network chunk at a time (read1), checking the deadline in between, so a server that
drips a byte every few seconds — which never trips a read timeout — is cut off too."""

from __future__ import annotations

import contextlib
import contextvars
import email.utils
import math
import time
from pathlib import Path

import requests
import urllib3.exceptions as u3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from observatory import config
from observatory.errors import ObservatoryError

#: (connect, read) seconds; ISTAT needs a long read timeout, so connectors may pass their own.
DEFAULT_TIMEOUT = (10, 120)
RETRY_STATUSES = (429, 500, 502, 503, 504)
CHUNK = 256 * 1024

_DEADLINE: contextvars.ContextVar[tuple[float, float] | None] = contextvars.ContextVar("deadline", default=None)


class DeadlineExceeded(ObservatoryError):
    """The time allowed to a dataset (or to the whole refresh) is over."""


@contextlib.contextmanager
def deadline(seconds: float):
    """Every call of this module inside the block ends by `seconds` from now (nested: the earlier wins)."""
    end = time.monotonic() + max(0.0, seconds)
    outer = _DEADLINE.get()
    token = _DEADLINE.set((end, seconds) if outer is None or end < outer[0] else outer)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def remaining() -> float:
    """Seconds left before the current deadline (infinite outside one)."""
    current = _DEADLINE.get()
    return math.inf if current is None else current[0] - time.monotonic()


def check_deadline(publisher: str) -> None:
    if remaining() <= 0:
        budget = _DEADLINE.get()[1]
        raise DeadlineExceeded(
            f"superato il tempo massimo ({_duration(budget)}) mentre {publisher} rispondeva: il dataset non è stato "
            "aggiornato e resta la versione precedente; riprovare più tardi.")


def _duration(seconds: float) -> str:
    if round(seconds) == 1:
        return "1 secondo"
    if seconds < 120:
        return f"{seconds:.0f} secondi" if seconds >= 1 else f"{seconds:.1f} secondi".replace(".", ",")
    return f"{seconds / 60:.0f} minuti"


class BoundedRetry(Retry):
    """urllib3 Retry that never waits past the Retry-After cap or the deadline: it gives up instead,
    and the caller reports the status with the wait the publisher asked for."""

    def get_retry_after(self, response):
        try:
            return super().get_retry_after(response)
        except u3.InvalidHeader:
            return None  # a malformed Retry-After falls back to the backoff

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        new = super().increment(method, url, response, error, _pool, _stacktrace)
        wait = new.get_retry_after(response) if response is not None and new.respect_retry_after_header else None
        wait = new.get_backoff_time() if wait is None else wait
        if wait > config.max_retry_after_s() or wait >= remaining():
            raise u3.MaxRetryError(_pool, url, error or u3.ResponseError("wait too long"))
        return new


def make_session(retries: int = 3, backoff: float | None = None) -> requests.Session:
    """A session that retries 429/5xx with exponential backoff and never retries other 4xx."""
    retry = BoundedRetry(
        total=retries,
        connect=retries,
        read=False,  # a read timeout on a slow publisher is not retried: it would only double the wait
        status=retries,
        status_forcelist=RETRY_STATUSES,
        backoff_factor=config.retry_backoff_s() if backoff is None else backoff,
        allowed_methods=frozenset({"GET", "HEAD"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = config.USER_AGENT
    return session


def bounded_timeout(timeout: tuple[float, float]) -> tuple[float, float]:
    """(connect, read) seconds, neither past the deadline."""
    left = max(0.05, remaining())
    return min(timeout[0], left), min(timeout[1], left)


def get(
    session: requests.Session,
    url: str,
    *,
    publisher: str,
    params: dict | None = None,
    headers: dict | None = None,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    max_bytes: int | None = None,
    ok_statuses: tuple[int, ...] = (200,),
) -> requests.Response:
    """GET a URL and read the whole body under a size cap and the deadline.

    Returns the response (body in `.content`) when its status is in `ok_statuses`; any other
    outcome raises ObservatoryError naming the publisher and what went wrong, in Italian.
    """
    cap = config.max_download_bytes() if max_bytes is None else max_bytes
    chunks: list[bytes] = []
    with _errors(publisher, url):
        check_deadline(publisher)
        response = session.get(url, params=params, headers=headers, timeout=bounded_timeout(timeout), stream=True)
        if response.status_code in ok_statuses:
            _read(response, cap, publisher, chunks.append)
        else:
            response.close()
    response._content = b"".join(chunks)
    if response.status_code not in ok_statuses:
        raise ObservatoryError(status_message(publisher, response.status_code, response.headers.get("Retry-After")))
    return response


def download(session: requests.Session, url: str, target: Path, *, publisher: str, cap: int,
             params: dict | None = None, timeout: tuple[float, float] = (10, 300)) -> int:
    """Stream `url` to the file `target` under `cap` bytes and the deadline; returns the bytes written."""
    written = 0
    with _errors(publisher, url), target.open("wb") as handle:
        check_deadline(publisher)
        response = session.get(url, params=params, timeout=bounded_timeout(timeout), stream=True)
        if response.status_code != 200:
            response.close()
            raise ObservatoryError(status_message(publisher, response.status_code,
                                                  response.headers.get("Retry-After")))

        def write(chunk: bytes) -> None:
            nonlocal written
            written += len(chunk)
            handle.write(chunk)

        _read(response, cap, publisher, write)
    return written


@contextlib.contextmanager
def _errors(publisher: str, url: str):
    """Network and protocol failures as Italian ObservatoryErrors (a deadline wins over a timeout)."""
    try:
        yield
    except ObservatoryError:
        raise
    except (requests.exceptions.Timeout, u3.TimeoutError) as exc:
        check_deadline(publisher)
        raise ObservatoryError(f"{publisher} non ha risposto in tempo ({url}).") from exc
    except (requests.exceptions.ChunkedEncodingError, u3.ProtocolError, u3.IncompleteRead) as exc:
        raise ObservatoryError(f"La risposta di {publisher} è arrivata incompleta (troncata).") from exc
    except (requests.exceptions.ContentDecodingError, u3.DecodeError) as exc:
        raise ObservatoryError(f"La risposta di {publisher} è compressa in modo illeggibile (dati danneggiati).") \
            from exc
    except requests.exceptions.ConnectionError as exc:
        check_deadline(publisher)
        raise ObservatoryError(
            f"Impossibile raggiungere {publisher}: la connessione si è interrotta o il server non risponde."
        ) from exc
    except (requests.exceptions.RequestException, u3.HTTPError) as exc:
        raise ObservatoryError(f"Errore di rete con {publisher}: la richiesta non è andata a buon fine.") from exc


def _read(response: requests.Response, cap: int, publisher: str, sink) -> None:
    """Read the body one network chunk at a time into `sink`, under the size cap and the deadline."""
    declared = response.headers.get("Content-Length")
    too_big = f"La risposta di {publisher} supera il limite di {cap // (1024 * 1024)} MB."
    if declared and declared.isdigit() and int(declared) > cap:
        response.close()
        raise ObservatoryError(too_big)
    size = 0
    try:
        while True:
            check_deadline(publisher)
            chunk = response.raw.read1(CHUNK, decode_content=True)
            if not chunk:
                break
            size += len(chunk)
            if size > cap:
                raise ObservatoryError(too_big)
            sink(chunk)
    finally:
        response.close()
    encoding = response.headers.get("Content-Encoding", "")
    if declared and declared.isdigit() and not encoding and size < int(declared):
        raise ObservatoryError(f"La risposta di {publisher} è arrivata incompleta (troncata).")


def asked_wait(retry_after: str | None) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), None when absent or unreadable."""
    if not retry_after:
        return None
    text = retry_after.strip()
    if text.isdigit():
        return float(text)
    parsed = email.utils.parsedate_tz(text)
    return None if parsed is None else max(0.0, email.utils.mktime_tz(parsed) - time.time())


def status_message(publisher: str, status: int, retry_after: str | None = None) -> str:
    wait = asked_wait(retry_after)
    if wait is not None and wait > config.max_retry_after_s() and status in (429, 503):
        return (f"{publisher} chiede di riprovare tra {_duration(wait)} (HTTP {status}): l'aggiornamento non aspetta "
                "tanto e si ferma qui; riprovare più tardi.")
    if status == 403:
        return f"{publisher} ha rifiutato l'accesso (HTTP 403): riprovare più tardi o da un'altra rete."
    if status == 404:
        return f"{publisher}: risorsa non trovata (HTTP 404)."
    if status == 429:
        return f"{publisher} limita le richieste (HTTP 429) anche dopo i tentativi: riprovare più tardi."
    if status >= 500:
        return f"{publisher} ha un problema temporaneo (HTTP {status}) anche dopo i tentativi: riprovare più tardi."
    return f"{publisher} ha risposto con un errore (HTTP {status})."
