"""One place for territory, paths, source base URLs and tunables; every value can be overridden
by an environment variable so tests, an offline mirror or another Italian area need no code change."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

#: ISTAT province codes of the territory (Como 013, Lecco 097). Another area: set OSSERVATORIO_PROVINCE.
DEFAULT_PROVINCES = ("013", "097")

DEFAULT_BASE_URLS = {
    "istat": "https://esploradati.istat.it/SDMXWS/rest",
    "lombardia": "https://www.dati.lombardia.it",
    "camcom": "https://opendata.marche.camcom.it/data",
    "mim": "https://dati.istruzione.it/opendata/opendata/catalogo/elements1",
}

USER_AGENT = "OsservatorioLecco2.0/0.1 (osservatorio mercato del lavoro Como-Lecco; python-requests)"

#: Seconds between two ISTAT calls: past ~5 calls a minute ISTAT blocks the caller's address.
DEFAULT_ISTAT_INTERVAL_S = 12.0


def provinces() -> tuple[str, ...]:
    """Province codes of the configured territory, zero-padded to three digits."""
    raw = os.environ.get("OSSERVATORIO_PROVINCE", ",".join(DEFAULT_PROVINCES))
    return tuple(code.strip().zfill(3) for code in raw.split(",") if code.strip())


def data_dir() -> Path:
    """Root of the data folder: the shipped snapshot lives in `<data_dir>/snapshot`."""
    return Path(os.environ.get("OSSERVATORIO_DATA_DIR", REPO_ROOT / "data"))


def snapshot_dir() -> Path:
    return data_dir() / "snapshot"


def raw_dir() -> Path:
    """Raw publisher files the shipped snapshot is rebuilt from (`make snapshot`)."""
    return data_dir() / "raw"


def audit_log_path() -> Path:
    return data_dir() / "audit" / "audit.jsonl"


def base_url(source: str) -> str:
    """Base URL of a publisher; OSSERVATORIO_BASE_URL_<SOURCE> points it at a mirror or a test server."""
    override = os.environ.get(f"OSSERVATORIO_BASE_URL_{source.upper()}")
    return (override or DEFAULT_BASE_URLS[source]).rstrip("/")


def istat_interval_s() -> float:
    return float(os.environ.get("OSSERVATORIO_ISTAT_INTERVAL", DEFAULT_ISTAT_INTERVAL_S))


def retry_backoff_s() -> float:
    """Backoff factor for retries on 429/5xx (tests set it to 0 so they never sleep)."""
    return float(os.environ.get("OSSERVATORIO_RETRY_BACKOFF", "2"))


def max_download_bytes() -> int:
    return int(os.environ.get("OSSERVATORIO_MAX_DOWNLOAD_BYTES", str(200 * 1024 * 1024)))


def max_upload_bytes() -> int:
    return int(os.environ.get("OSSERVATORIO_MAX_UPLOAD_BYTES", str(50 * 1024 * 1024)))


def _seconds(name: str, default: float) -> float:
    return float(os.environ.get(name, default))


def max_retry_after_s() -> float:
    """Longest wait a publisher's Retry-After may impose; a longer one ends the attempt at once."""
    return _seconds("OSSERVATORIO_MAX_RETRY_AFTER", 60)


def dataset_deadline_s() -> float:
    """Longest time one dataset of a refresh may take (ISTAT's throttle alone needs minutes)."""
    return _seconds("OSSERVATORIO_DATASET_DEADLINE", 30 * 60)


def refresh_deadline_s() -> float:
    """Longest time a whole refresh may take: it then ends and releases its lock, whatever the sources do."""
    return _seconds("OSSERVATORIO_REFRESH_DEADLINE", 90 * 60)


def upload_memory_mb() -> int:
    """Memory an uploaded file may take while it is parsed, in the child process that parses it."""
    return int(os.environ.get("OSSERVATORIO_UPLOAD_MEMORY_MB", "1024"))


def upload_timeout_s() -> float:
    """Longest time the child process may spend parsing an uploaded file."""
    return _seconds("OSSERVATORIO_UPLOAD_TIMEOUT", 60)


def max_member_inflate_bytes() -> int:
    """Largest size one member of an uploaded xlsx may inflate to (a sheet's XML): a zip bomb stops here."""
    return int(os.environ.get("OSSERVATORIO_MAX_MEMBER_INFLATE_BYTES", str(100 * 1024 * 1024)))


def signin_db_path() -> Path:
    """Failed sign-ins, per client address and overall, shared by every process (beside the audit log)."""
    return audit_log_path().parent / "accessi.sqlite"


def dashboard_url() -> str:
    """Public address of the dashboard, printed as a QR code on the slides; "" when not configured
    (the presentation then uses the address the presenter's browser opened, observatory.present.link)."""
    return os.environ.get("OSSERVATORIO_PUBLIC_URL", "").strip()
