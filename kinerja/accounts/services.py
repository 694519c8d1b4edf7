"""Account writes: API tokens."""

from django.db import transaction

from kinerja.accounts.models import ApiToken, User, hash_token
from kinerja.core.clock import now
from kinerja.core.services import log_action


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token for ``user``; returns it with the raw value, which is never stored."""
    raw, key_hash, prefix = ApiToken.generate()
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


def api_token_authenticate(raw: str) -> User | None:
    """The active user owning this raw token, or None; records when it was last used."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now())
    return token.user
