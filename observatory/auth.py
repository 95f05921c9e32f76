"""Who is staff: the argon2 password hash from secrets or the environment, a constant-time check,
failed sign-ins counted per client address and overall with a growing lockout, and the OIDC e-mail
allow-list.

The counters live in a small SQLite file beside the audit log (config.signin_db_path()), so a reload,
a new tab, another session or another app process behind nginx all see the same count: five wrong
passwords from one address lock it for 60 s, doubling with every further failure (up to an hour);
twenty from all addresses together lock everyone the same way. While locked, the password is not
even checked. No Streamlit here; the clock is the module function `clock` (wall time, comparable
across processes), so tests move time forward instead of sleeping."""

from __future__ import annotations

import enum
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Mapping
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from observatory import config
from observatory.errors import ObservatoryError

SECRET_KEY = "staff_password_hash"
ENV_VAR = "OSSERVATORIO_STAFF_HASH"
EMAILS_KEY = "staff_emails"
MAX_ATTEMPTS = 5  # wrong passwords from one address before it is locked
MAX_ATTEMPTS_ALL = 20  # wrong passwords from every address together before everyone is locked
LOCKOUT_S = 60.0  # the first lockout; each further failure doubles it
MAX_LOCKOUT_S = 3600.0
FORGET_AFTER_S = 24 * 3600.0  # a count with no failure for this long starts again from zero
EVERYONE = "*"

_HASHER = PasswordHasher()
_LOG = logging.getLogger(__name__)


def clock() -> float:
    """Seconds of wall time (shared by every process); tests monkeypatch this to skip the waits."""
    return time.time()


class SignIn(enum.Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"


class _Counters:
    """Failures by key ("ip:1.2.3.4", EVERYONE) in SQLite; in memory when the file cannot be written."""

    def __init__(self) -> None:
        self._memory: dict[str, tuple[int, float, float]] = {}
        self._lock = threading.Lock()

    def _db(self, path: Path) -> sqlite3.Connection:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=10, isolation_level=None)
        db.execute("CREATE TABLE IF NOT EXISTS failures (key TEXT PRIMARY KEY, count INTEGER NOT NULL, "
                   "last REAL NOT NULL, locked_until REAL NOT NULL)")
        return db

    def read(self, keys: list[str], path: Path) -> dict[str, tuple[int, float, float]]:
        try:
            db = self._db(path)
            try:
                marks = ",".join("?" * len(keys))
                rows = db.execute(f"SELECT key, count, last, locked_until FROM failures WHERE key IN ({marks})",
                                  keys).fetchall()
            finally:
                db.close()
            return {key: (count, last, until) for key, count, last, until in rows}
        except (OSError, sqlite3.Error):
            _LOG.warning("sign-in counters not readable, kept in memory", exc_info=True)
            with self._lock:
                return {k: self._memory[k] for k in keys if k in self._memory}

    def update(self, keys: list[str], change, path: Path) -> dict[str, tuple[int, float, float] | None]:
        """Read `keys`, apply `change(rows) -> {key: row or None}` and write it, in one transaction (two
        processes failing at once both count)."""
        try:
            db = self._db(path)
            try:
                db.execute("BEGIN IMMEDIATE")
                marks = ",".join("?" * len(keys))
                rows = {k: (c, last, until) for k, c, last, until in db.execute(
                    f"SELECT key, count, last, locked_until FROM failures WHERE key IN ({marks})", keys)}
                changes = change(rows)
                for key, value in changes.items():
                    if value is None:
                        db.execute("DELETE FROM failures WHERE key = ?", (key,))
                    else:
                        db.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?)", (key, *value))
                db.execute("COMMIT")
            finally:
                db.close()
        except (OSError, sqlite3.Error):
            _LOG.warning("sign-in counters not writable, kept in memory", exc_info=True)
            with self._lock:
                changes = change({k: self._memory[k] for k in keys if k in self._memory})
        with self._lock:  # the process's own copy: the fallback when the file cannot be used
            for key, value in changes.items():
                if value is None:
                    self._memory.pop(key, None)
                else:
                    self._memory[key] = value
        return changes


_COUNTERS = _Counters()


def _keys(client: str) -> list[str]:
    return [f"ip:{client or 'sconosciuto'}", EVERYONE]


def seconds_locked(client: str, *, path: Path | None = None) -> float:
    """Seconds left before `client` may try again (0 when neither it nor everyone is locked)."""
    now = clock()
    rows = _COUNTERS.read(_keys(client), Path(path or config.signin_db_path()))
    return max([0.0] + [until - now for _, _, until in rows.values()])


def _failed(count: int, last: float, now: float, threshold: int) -> tuple[int, float, float]:
    count = 1 if now - last > FORGET_AFTER_S else count + 1
    delay = 0.0 if count < threshold else min(MAX_LOCKOUT_S, LOCKOUT_S * 2 ** (count - threshold))
    return count, now, now + delay


def configured_hash(secrets: Mapping | None = None) -> str | None:
    """The staff password hash: `staff_password_hash` in secrets.toml first, then the environment."""
    value = str((secrets or {}).get(SECRET_KEY) or os.environ.get(ENV_VAR) or "").strip()
    return value or None


def hash_password(password: str) -> str:
    """An argon2id hash to paste in secrets.toml or OSSERVATORIO_STAFF_HASH."""
    if not password:
        raise ObservatoryError("La password non può essere vuota.")
    return _HASHER.hash(password)


def verify(stored_hash: str, password: str) -> bool:
    """True when `password` matches; argon2's verify compares in constant time."""
    try:
        return _HASHER.verify(stored_hash, password)
    except VerifyMismatchError:
        return False
    except InvalidHashError as exc:
        raise ObservatoryError(
            "L'hash della password dello staff configurato non è valido: rigenerarlo con "
            "`python -m observatory hash-password`."
        ) from exc
    except VerificationError:
        return False


def attempt(stored_hash: str, password: str, client: str, *, path: Path | None = None) -> SignIn:
    """Check a password from `client` (its address), counting failures for it and for everyone; the
    failure that reaches a threshold locks, and every further one doubles the lockout."""
    path = Path(path or config.signin_db_path())
    if seconds_locked(client, path=path) > 0:
        return SignIn.LOCKED
    own, everyone = _keys(client)
    if verify(stored_hash, password):
        _COUNTERS.update([own], lambda rows: {own: None}, path)
        return SignIn.OK
    now = clock()

    def failed(rows):
        return {own: _failed(*rows.get(own, (0, now, 0.0))[:2], now, MAX_ATTEMPTS),
                everyone: _failed(*rows.get(everyone, (0, now, 0.0))[:2], now, MAX_ATTEMPTS_ALL)}

    changes = _COUNTERS.update([own, everyone], failed, path)
    return SignIn.LOCKED if any(until > now for _, _, until in changes.values()) else SignIn.WRONG


def oidc_configured(secrets: Mapping | None) -> bool:
    """True when an `[auth]` section exists in secrets.toml (Streamlit's st.login)."""
    return bool((secrets or {}).get("auth"))


def allowed_emails(secrets: Mapping | None) -> set[str]:
    """The `staff_emails` allow-list (a list or a comma-separated string), lower-cased."""
    raw = (secrets or {}).get(EMAILS_KEY) or []
    items = raw.split(",") if isinstance(raw, str) else list(raw)
    return {str(item).strip().lower() for item in items if str(item).strip()}


def is_staff_email(email: str | None, secrets: Mapping | None) -> bool:
    return bool(email) and email.strip().lower() in allowed_emails(secrets)
