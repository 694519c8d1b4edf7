"""The user's own personal API tokens: list, create (the value is shown once), revoke."""

from uuid import UUID

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.pagination import paginate

from kinerja.accounts.models import ApiToken
from kinerja.accounts.services import api_token_create, api_token_revoke
from kinerja.api.auth import SessionAuth
from kinerja.api.pagination import Pagination
from kinerja.api.v1.schemas.tokens import TokenCreateIn, TokenCreateOut, TokenOut

router = Router(tags=["tokens"])


def _own_tokens(request: HttpRequest):
    # A token is its owner's alone: nobody else, not even a superadmin, lists or revokes it.
    return ApiToken.objects.filter(user=request.user)


@router.get("/tokens", response=list[TokenOut], summary="Your tokens, newest first")
@paginate(Pagination)
def token_list(request: HttpRequest):
    return _own_tokens(request).order_by("-created_at", "-pk")


@router.post(
    "/tokens",
    response={201: TokenCreateOut},
    auth=[SessionAuth()],
    summary="Create a token (from a logged-in session only)",
    description=(
        "The response holds the token itself, shown this once. A token cannot create "
        "tokens, so revoking a leaked one is enough to shut out whoever holds it."
    ),
)
def token_create(request: HttpRequest, payload: TokenCreateIn):
    token, raw = api_token_create(user=request.user, name=payload.name)
    # The raw value rides on the instance only for this response; it is never stored.
    token.token = raw
    return Status(201, token)


@router.delete(
    "/tokens/{uuid}",
    response={204: None},
    summary="Revoke a token",
    description="The token stops working at once. Revoking a revoked token changes nothing.",
)
def token_revoke(request: HttpRequest, uuid: UUID):
    token = get_object_or_404(_own_tokens(request), uuid=uuid)
    api_token_revoke(token=token, actor=request.user)
    return Status(204, None)
