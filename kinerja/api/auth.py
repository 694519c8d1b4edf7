"""API authentication: the browser session (with CSRF) or a personal bearer token."""

from ninja.security import APIKeyCookie, HttpBearer

from kinerja.accounts.services import api_token_authenticate


class TokenAuth(HttpBearer):
    """``Authorization: Bearer knj_…``: a personal token, hashed at rest, revocable."""

    def authenticate(self, request, token):
        user = api_token_authenticate(token)
        if user is None:
            return None
        request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The logged-in browser session; unsafe methods also need the CSRF token."""

    param_name = "sessionid"

    def __init__(self) -> None:
        super().__init__(csrf=True)

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None
