"""Account writes: API tokens."""

import datetime

from django.db import transaction

from kinerja.accounts.models import TOKEN_PREFIX, ApiToken, User, hash_token
from kinerja.core.clock import now
from kinerja.core.services import log_action


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token for ``user``; returns it with the raw value, which is never stored."""
    raw, key_hash, prefix = ApiToken.generate()
    name = name.strip()
    token = ApiToken(user=user, name=name, key_hash=key_hash, prefix=prefix)
    token.full_clean()
    token.save()
    log_action(actor=user, action="accounts.api_token_create", obj=token, after={"name": name})
    return token, raw


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: User) -> None:
    if token.revoked_at is not None:
        return
    token.revoked_at = now()
    token.save(update_fields=["revoked_at", "updated_at"])
    log_action(actor=actor, action="accounts.api_token_revoke", obj=token)


# Recording every use would make every API read a write; to the minute is plenty to
# tell a token in use from a forgotten one.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


def api_token_authenticate(raw: str) -> User | None:
    """The active user owning this raw token, or None; records when it was last used."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    moment = now()
    if token.last_used_at is None or moment - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=moment)
    return token.user
