"""Staff sign-in rules: hash from secrets or environment, constant-time verify, lockout after five
wrong passwords with a clock the tests move instead of sleeping, OIDC allow-list, hash command."""

from __future__ import annotations

import pytest

from observatory import auth, cli
from observatory.errors import ObservatoryError

HASH = auth.hash_password("giusta")


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(auth, "clock", lambda: now[0])
    return now


def test_hash_verifies_only_the_right_password_and_never_contains_it():
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


def test_five_wrong_passwords_lock_the_session_for_sixty_seconds(clock):
    state = {}
    assert [auth.attempt(state, HASH, "no") for _ in range(4)] == [auth.SignIn.WRONG] * 4
    assert auth.attempt(state, HASH, "no") is auth.SignIn.LOCKED
    assert auth.seconds_locked(state) == 60
    assert auth.attempt(state, HASH, "giusta") is auth.SignIn.LOCKED  # not even checked while locked
    clock[0] += 59.5
    assert auth.attempt(state, HASH, "giusta") is auth.SignIn.LOCKED
    clock[0] += 1
    assert auth.seconds_locked(state) == 0
    assert auth.attempt(state, HASH, "giusta") is auth.SignIn.OK


def test_a_right_password_resets_the_count_and_sessions_are_separate(clock):
    state, other = {}, {}
    for _ in range(4):
        auth.attempt(state, HASH, "no")
    assert auth.attempt(state, HASH, "giusta") is auth.SignIn.OK
    assert [auth.attempt(state, HASH, "no") for _ in range(4)] == [auth.SignIn.WRONG] * 4
    for _ in range(5):
        auth.attempt(other, HASH, "no")
    assert auth.seconds_locked(other) == 60 and auth.seconds_locked(state) == 0


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
