"""Staff sign-in rules: hash from secrets or environment, constant-time verify, failures counted per
address and overall across sessions and processes with a growing lockout (a clock the tests move
instead of sleeping), OIDC allow-list, hash command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from observatory import auth, cli
from observatory.errors import ObservatoryError

#: a cheap argon2id hash (verify reads the cost from the hash): many tests here verify tens of times
HASH = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash("giusta")


REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def clock(monkeypatch):
    now = [1_700_000_000.0]
    monkeypatch.setattr(auth, "clock", lambda: now[0])
    return now


@pytest.fixture
def counters(tmp_path, monkeypatch):
    """A fresh counter file (and in-process fallback) per test."""
    monkeypatch.setenv("OSSERVATORIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(auth, "_COUNTERS", auth._Counters())
    return tmp_path / "data" / "audit" / "accessi.sqlite"


def test_hash_verifies_only_the_right_password_and_never_contains_it():
    assert auth.hash_password("giusta").startswith("$argon2id$")
    assert HASH.startswith("$argon2id$") and "giusta" not in HASH
    assert auth.verify(HASH, "giusta")
    assert not auth.verify(HASH, "sbagliata")
    assert not auth.verify(HASH, "")


def test_a_malformed_hash_is_a_configuration_error_in_italian():
    with pytest.raises(ObservatoryError, match="hash-password"):
        auth.verify("non-un-hash", "giusta")


def test_hash_comes_from_secrets_first_then_the_environment(monkeypatch):
    monkeypatch.delenv(auth.ENV_VAR, raising=False)
    assert auth.configured_hash({}) is None
    assert auth.configured_hash(None) is None
    monkeypatch.setenv(auth.ENV_VAR, "  $argon2id$da-ambiente \n")
    assert auth.configured_hash({}) == "$argon2id$da-ambiente"
    assert auth.configured_hash({"staff_password_hash": "$argon2id$da-secrets"}) == "$argon2id$da-secrets"
    monkeypatch.setenv(auth.ENV_VAR, "   ")
    assert auth.configured_hash({}) is None


def test_five_wrong_passwords_lock_the_address_for_sixty_seconds(clock, counters):
    assert [auth.attempt(HASH, "no", "10.0.0.1") for _ in range(4)] == [auth.SignIn.WRONG] * 4
    assert auth.attempt(HASH, "no", "10.0.0.1") is auth.SignIn.LOCKED
    assert auth.seconds_locked("10.0.0.1") == 60
    assert auth.attempt(HASH, "giusta", "10.0.0.1") is auth.SignIn.LOCKED  # not even checked while locked
    clock[0] += 59.5
    assert auth.attempt(HASH, "giusta", "10.0.0.1") is auth.SignIn.LOCKED
    clock[0] += 1
    assert auth.seconds_locked("10.0.0.1") == 0
    assert auth.attempt(HASH, "giusta", "10.0.0.1") is auth.SignIn.OK


def test_each_further_failure_doubles_the_lockout_up_to_an_hour(clock, counters):
    for _ in range(5):
        auth.attempt(HASH, "no", "10.0.0.1")
    waits = []
    for _ in range(8):
        clock[0] += auth.seconds_locked("10.0.0.1") + 0.1
        assert auth.attempt(HASH, "no", "10.0.0.1") is auth.SignIn.LOCKED
        waits.append(auth.seconds_locked("10.0.0.1"))
    assert waits == [120, 240, 480, 960, 1920, 3600, 3600, 3600]


def test_a_reload_or_a_new_session_does_not_reset_the_count(clock, counters):
    """The count is per address, not per session: the old lockout lived in st.session_state."""
    for _ in range(3):
        auth.attempt(HASH, "no", "10.0.0.1")
    for _ in range(2):  # "a new tab"
        last = auth.attempt(HASH, "no", "10.0.0.1")
    assert last is auth.SignIn.LOCKED
    assert auth.seconds_locked("10.0.0.2") == 0  # another address is not locked


def test_a_right_password_resets_the_address(clock, counters):
    for _ in range(4):
        auth.attempt(HASH, "no", "10.0.0.1")
    assert auth.attempt(HASH, "giusta", "10.0.0.1") is auth.SignIn.OK
    assert [auth.attempt(HASH, "no", "10.0.0.1") for _ in range(4)] == [auth.SignIn.WRONG] * 4


def test_twenty_failures_from_many_addresses_lock_everyone(clock, counters):
    for n in range(auth.MAX_ATTEMPTS_ALL - 1):
        assert auth.attempt(HASH, "no", f"10.0.1.{n}") is auth.SignIn.WRONG
    assert auth.attempt(HASH, "no", "10.0.2.1") is auth.SignIn.LOCKED
    assert auth.seconds_locked("192.168.1.9") == 60  # a new address too: the guessing is spread
    assert auth.attempt(HASH, "giusta", "192.168.1.9") is auth.SignIn.LOCKED


COUNT_IN_ANOTHER_PROCESS = """
import sys
from observatory import auth
for _ in range(5):
    auth.attempt(sys.argv[1], "no", "10.9.9.9", path=sys.argv[2])
"""


def test_failures_in_another_process_count_here(counters, tmp_path):
    path = tmp_path / "audit" / "accessi.sqlite"
    subprocess.run([sys.executable, "-c", COUNT_IN_ANOTHER_PROCESS, HASH, str(path)], cwd=REPO, check=True,
                   env={**os.environ, "PYTHONPATH": str(REPO)})
    assert auth.seconds_locked("10.9.9.9", path=path) > 50
    assert auth.attempt(HASH, "giusta", "10.9.9.9", path=path) is auth.SignIn.LOCKED


def test_an_unusable_counter_file_still_counts_in_the_process(clock, counters):
    counters.mkdir(parents=True)  # a folder where the database should be: SQLite cannot open it
    for _ in range(4):
        assert auth.attempt(HASH, "no", "10.0.0.7") is auth.SignIn.WRONG
    assert auth.attempt(HASH, "no", "10.0.0.7") is auth.SignIn.LOCKED
    assert auth.seconds_locked("10.0.0.7") == 60


def test_oidc_allow_list():
    secrets = {"auth": {"client_id": "x"}, "staff_emails": ["Anna@Esempio.it", " luca@esempio.it "]}
    assert auth.oidc_configured(secrets) and not auth.oidc_configured({}) and not auth.oidc_configured(None)
    assert auth.is_staff_email("anna@esempio.it", secrets)
    assert auth.is_staff_email("LUCA@esempio.it", secrets)
    assert not auth.is_staff_email("capo@esempio.it", secrets)
    assert not auth.is_staff_email(None, secrets)
    assert auth.allowed_emails({"staff_emails": "a@x.it, b@x.it"}) == {"a@x.it", "b@x.it"}


def test_hash_password_command_prints_a_hash_of_the_typed_password(monkeypatch, capsys):
    typed = iter(["segreta", "segreta"])
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt="": next(typed))
    assert cli.main(["hash-password"]) == 0
    printed = capsys.readouterr().out.strip()
    assert auth.verify(printed, "segreta") and "segreta" not in printed


def test_hash_password_command_refuses_mismatch_and_empty(monkeypatch, capsys):
    typed = iter(["una", "altra", "", ""])
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt="": next(typed))
    assert cli.main(["hash-password"]) == 1
    assert cli.main(["hash-password"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "non coincidono" in captured.err and "vuota" in captured.err
