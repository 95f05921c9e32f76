"""Who is staff: the argon2 password hash from secrets or the environment, a constant-time check,
a per-session lockout after repeated wrong passwords, and the OIDC e-mail allow-list.

No Streamlit here: the session state is passed in as a plain mapping and the clock is the module
function `clock`, so tests can move time forward instead of sleeping."""

from __future__ import annotations

import enum
import os
import time
from collections.abc import Mapping, MutableMapping

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from observatory.errors import ObservatoryError

SECRET_KEY = "staff_password_hash"
ENV_VAR = "OSSERVATORIO_STAFF_HASH"
EMAILS_KEY = "staff_emails"
MAX_ATTEMPTS = 5
LOCKOUT_S = 60.0

#: session-state keys holding the rate-limit counters
FAILURES = "_staff_failures"
LOCKED_UNTIL = "_staff_locked_until"

_HASHER = PasswordHasher()


def clock() -> float:
    """Seconds on a monotonic clock; tests monkeypatch this to skip the 60 s wait."""
    return time.monotonic()


class SignIn(enum.Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"


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


def seconds_locked(state: Mapping) -> float:
    """Seconds left before this session may try again (0 when not locked)."""
    return max(0.0, float(state.get(LOCKED_UNTIL, 0.0)) - clock())


def attempt(state: MutableMapping, stored_hash: str, password: str) -> SignIn:
    """Check a password for one session, counting failures; the 5th wrong one locks for 60 s.

    While locked the password is not even checked, so guessing gains nothing."""
    if seconds_locked(state) > 0:
        return SignIn.LOCKED
    if verify(stored_hash, password):
        state[FAILURES] = 0
        state.pop(LOCKED_UNTIL, None)
        return SignIn.OK
    failures = int(state.get(FAILURES, 0)) + 1
    if failures >= MAX_ATTEMPTS:
        state[LOCKED_UNTIL] = clock() + LOCKOUT_S
        failures = 0
    state[FAILURES] = failures
    return SignIn.LOCKED if failures == 0 else SignIn.WRONG


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
