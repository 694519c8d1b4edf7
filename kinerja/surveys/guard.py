"""Abuse resistance of the public survey form, without a captcha.

* a one-time token per page view: signed (so it cannot be forged), registered in the
  cache when the page is shown and consumed on submission (so it cannot be replayed);
* a honeypot field people never see;
* a per-address rate limit;
* duplicate detection: the same answers and profile from the same address within a
  window.

The address is never stored: it is hashed with a random salt that lives only in the
cache and changes every day, so yesterday's hashes cannot be linked to anything. With
the default local-memory cache each process keeps its own counters; the scaled set-up's
Redis cache shares them.
"""

import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from kinerja.core.clock import today

SIGNER_SCOPE = "kinerja.surveys.form-token"


@dataclass(frozen=True)
class GuardSettings:
    token_max_age: int = 2 * 60 * 60  # seconds a form may stay open
    rate_limit: int = 20  # submissions per address per window (a puskesmas Wi-Fi is shared)
    rate_window: int = 10 * 60
    duplicate_window: int = 24 * 60 * 60


def guard_settings() -> GuardSettings:
    """``settings.SURVEY_GUARD`` (a dict) overrides the defaults."""
    return GuardSettings(**getattr(settings, "SURVEY_GUARD", {}))


def _salt() -> str:
    key = f"surveys:salt:{today().isoformat()}"
    return cache.get_or_set(key, secrets.token_hex(16), timeout=2 * 24 * 60 * 60)


def address_hash(address: str) -> str:
    """The address, hashed with today's salt (kept in the cache only)."""
    return hashlib.sha256(f"{_salt()}|{address}".encode()).hexdigest()


def token_issue(slug: str) -> str:
    """A fresh one-time token for one view of ``slug``'s form."""
    nonce = secrets.token_urlsafe(16)
    cache.set(f"surveys:token:{nonce}", slug, timeout=guard_settings().token_max_age)
    return signing.TimestampSigner(salt=SIGNER_SCOPE).sign(f"{slug}:{nonce}")


class TokenError(Exception):
    def __init__(self, replayed: bool) -> None:
        super().__init__("replayed" if replayed else "invalid")
        self.replayed = replayed


def token_consume(token: str, slug: str) -> None:
    """Accept ``token`` once for ``slug``; raise ``TokenError`` otherwise."""
    limits = guard_settings()
    try:
        value = signing.TimestampSigner(salt=SIGNER_SCOPE).unsign(
            token or "", max_age=limits.token_max_age
        )
    except signing.BadSignature as error:
        raise TokenError(replayed=False) from error
    token_slug, _, nonce = value.rpartition(":")
    if token_slug != slug:
        raise TokenError(replayed=False)
    # ``add`` is atomic: of two submissions racing with one token, one wins.
    if not cache.add(f"surveys:used:{nonce}", 1, timeout=limits.token_max_age):
        raise TokenError(replayed=True)
    if cache.get(f"surveys:token:{nonce}") != slug:
        # Signed by us but never issued by this cache (or expired from it).
        raise TokenError(replayed=False)
    cache.delete(f"surveys:token:{nonce}")


def rate_limited(address_key: str) -> bool:
    """Count one submission from the address; True once it is over the limit."""
    limits = guard_settings()
    key = f"surveys:rate:{address_key}"
    cache.add(key, 0, timeout=limits.rate_window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=limits.rate_window)
        count = 1
    return count > limits.rate_limit


def _duplicate_key(address_key: str, slug: str, fingerprint: str) -> str:
    digest = hashlib.sha256(f"{address_key}|{slug}|{fingerprint}".encode()).hexdigest()
    return f"surveys:dup:{digest}"


def is_duplicate(address_key: str, slug: str, fingerprint: str) -> bool:
    return cache.get(_duplicate_key(address_key, slug, fingerprint)) is not None


def remember_submission(address_key: str, slug: str, fingerprint: str) -> None:
    cache.set(
        _duplicate_key(address_key, slug, fingerprint),
        1,
        timeout=guard_settings().duplicate_window,
    )
