"""The form guard: salted address hashes that change daily, one-time tokens."""

import datetime

import pytest
from django.core import signing

from kinerja.surveys import guard


def test_address_hash_hides_the_address_and_changes_daily(monkeypatch):
    first = guard.address_hash("203.0.113.7")
    assert "203.0.113.7" not in first and len(first) == 64
    assert guard.address_hash("203.0.113.7") == first
    assert guard.address_hash("203.0.113.8") != first
    monkeypatch.setattr(guard, "today", lambda: datetime.date(2031, 1, 2))
    assert guard.address_hash("203.0.113.7") != first


def test_token_is_one_time_and_bound_to_its_survey():
    token = guard.token_issue("pkm-a")
    with pytest.raises(guard.TokenError) as other:
        guard.token_consume(token, "pkm-b")
    assert not other.value.replayed
    guard.token_consume(token, "pkm-a")
    with pytest.raises(guard.TokenError) as again:
        guard.token_consume(token, "pkm-a")
    assert again.value.replayed


def test_token_signed_but_never_issued_is_refused():
    forged = signing.TimestampSigner(salt=guard.SIGNER_SCOPE).sign("pkm-a:made-up")
    with pytest.raises(guard.TokenError):
        guard.token_consume(forged, "pkm-a")


def test_token_expires(settings):
    settings.SURVEY_GUARD = {"token_max_age": -1}
    token = guard.token_issue("pkm-a")
    with pytest.raises(guard.TokenError):
        guard.token_consume(token, "pkm-a")
