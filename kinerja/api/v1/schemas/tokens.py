"""Schemas of the personal API token endpoints."""

import datetime
from uuid import UUID

from ninja import Field, Schema

# Printable text with at least one visible character: no control characters, which
# PostgreSQL cannot store (NUL) and no person types.
NAME_PATTERN = r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$"


class TokenOut(Schema):
    """A personal token as listed: never its value, only the first characters."""

    uuid: UUID
    name: str
    prefix: str = Field(description="The token's first characters, to recognise it.")
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    revoked_at: datetime.datetime | None
    is_active: bool


class TokenCreateIn(Schema):
    name: str = Field(
        min_length=1,
        max_length=100,
        pattern=NAME_PATTERN,
        description="What the token is for, e.g. 'monthly report script'.",
    )


class TokenCreateOut(TokenOut):
    token: str = Field(description="The token itself. Shown this once; only a hash is kept.")
