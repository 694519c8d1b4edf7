"""One pagination for every list: ``?limit=&offset=`` in, ``{"items": […], "count": N}`` out."""

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
# Far beyond any real list, and small enough that offset + limit fits the 64-bit
# integers SQLite and PostgreSQL take (a larger one would be a server error, not a page).
MAX_OFFSET = 10**9


class PageIn(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="How many items to return.")
    offset: int = Field(
        0, ge=0, le=MAX_OFFSET, description="How many items to skip from the start."
    )


class PageOut(Schema):
    items: list
    count: int = Field(description="How many items the whole list has.")


class Pagination(LimitOffsetPagination):
    """Lists are ordered on a unique key, so pages neither overlap nor skip rows."""

    Input = PageIn
    Output = PageOut

    def __init__(self, **kwargs) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
