"""API authentication: a personal bearer token, or the browser session with CSRF."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.security.base import AuthBase
from ninja.utils import check_csrf

from kinerja.accounts.services import api_token_authenticate
from kinerja.api.problems import InvalidToken


class TokenAuth(HttpBearer):
    """``Authorization: Bearer knj_…``: a personal token, hashed at rest, revocable."""

    openapi_description = (
        "A personal token, created on the account page or with POST /api/v1/tokens. "
        "It acts as its owner and stops working when revoked or when the account is "
        "deactivated."
    )

    def __call__(self, request: HttpRequest):
        if "Authorization" not in request.headers:
            return None
        user = super().__call__(request)
        # A header that does not hold a valid token is refused outright, never retried as
        # the session: a client that sends a token means that token.
        if user is None:
            raise InvalidToken
        return user

    def authenticate(self, request: HttpRequest, token: str):
        user = api_token_authenticate(token)
        if user is not None:
            # Views and ``access`` read ``request.user``, whatever authenticated it.
            request.user = user
        return user


class SessionAuth(AuthBase):
    """The logged-in browser session. Requests that change data also need the CSRF token
    (``X-CSRFToken`` header), as every form on the site does; reads do not."""

    openapi_type = "apiKey"
    openapi_in = "cookie"
    openapi_name = settings.SESSION_COOKIE_NAME
    openapi_description = (
        "The browser session of a logged-in user (used by the pages and the docs page). "
        "POST, PUT, PATCH and DELETE also need the CSRF token in the X-CSRFToken header."
    )

    # Read by django-ninja's docs page, which then sends the CSRF token with its requests.
    csrf = True

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        # Checked only for a logged-in session, so an anonymous request gets a 401 that
        # says "log in", not a CSRF refusal.
        if check_csrf(request) is not None:
            raise HttpError(403, _("The CSRF token is missing or incorrect."))
        return user
