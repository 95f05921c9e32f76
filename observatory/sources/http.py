"""The one HTTP client every connector uses: a descriptive User-Agent, explicit timeouts, retries
with backoff on 429/5xx only (urllib3 Retry), a size cap, and errors turned into plain Italian."""

from __future__ import annotations

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from observatory import config
from observatory.errors import ObservatoryError

#: (connect, read) seconds; ISTAT needs a long read timeout, so connectors may pass their own.
DEFAULT_TIMEOUT = (10, 120)
RETRY_STATUSES = (429, 500, 502, 503, 504)


def make_session(retries: int = 3, backoff: float | None = None) -> requests.Session:
    """A session that retries 429/5xx with exponential backoff and never retries other 4xx."""
    retry = Retry(
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
    """GET a URL and read the whole body under a size cap.

    Returns the response (body in `.content`) when its status is in `ok_statuses`; any other
    outcome raises ObservatoryError naming the publisher and what went wrong, in Italian.
    """
    cap = config.max_download_bytes() if max_bytes is None else max_bytes
    try:
        response = session.get(url, params=params, headers=headers, timeout=timeout, stream=True)
        body = _read_capped(response, cap, publisher)
    except requests.exceptions.Timeout as exc:
        raise ObservatoryError(f"{publisher} non ha risposto in tempo ({url}).") from exc
    except requests.exceptions.ChunkedEncodingError as exc:
        raise ObservatoryError(f"La risposta di {publisher} è arrivata incompleta (troncata).") from exc
    except requests.exceptions.ConnectionError as exc:
        raise ObservatoryError(
            f"Impossibile raggiungere {publisher}: la connessione si è interrotta o il server non risponde."
        ) from exc
    except requests.exceptions.RequestException as exc:
        raise ObservatoryError(f"Errore di rete con {publisher}: {exc.__class__.__name__}.") from exc
    response._content = body
    if response.status_code not in ok_statuses:
        raise ObservatoryError(_status_message(publisher, response.status_code))
    return response


def _read_capped(response: requests.Response, cap: int, publisher: str) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > cap:
        response.close()
        raise ObservatoryError(f"La risposta di {publisher} supera il limite di {cap // (1024 * 1024)} MB.")
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=256 * 1024):
        size += len(chunk)
        if size > cap:
            response.close()
            raise ObservatoryError(f"La risposta di {publisher} supera il limite di {cap // (1024 * 1024)} MB.")
        chunks.append(chunk)
    body = b"".join(chunks)
    encoding = response.headers.get("Content-Encoding", "")
    if declared and declared.isdigit() and not encoding and len(body) < int(declared):
        raise ObservatoryError(f"La risposta di {publisher} è arrivata incompleta (troncata).")
    return body


def _status_message(publisher: str, status: int) -> str:
    if status == 403:
        return f"{publisher} ha rifiutato l'accesso (HTTP 403): riprovare più tardi o da un'altra rete."
    if status == 404:
        return f"{publisher}: risorsa non trovata (HTTP 404)."
    if status == 429:
        return f"{publisher} limita le richieste (HTTP 429) anche dopo i tentativi: riprovare più tardi."
    if status >= 500:
        return f"{publisher} ha un problema temporaneo (HTTP {status}) anche dopo i tentativi: riprovare più tardi."
    return f"{publisher} ha risposto con un errore (HTTP {status})."
