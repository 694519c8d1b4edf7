"""Errors as RFC 9457 problem details (``application/problem+json``)."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from kinerja.core.exceptions import ApplicationError

PROBLEM_TYPE = "about:blank"


def problem(api: NinjaAPI, request, status: int, title: str, detail: str = "", **extra):
    body = {"type": PROBLEM_TYPE, "title": title, "status": status}
    if detail:
        body["detail"] = detail
    body.update(extra)
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = "application/problem+json"
    return response


def install(api: NinjaAPI) -> None:
    @api.exception_handler(ApplicationError)
    def application_error(request, exc: ApplicationError):
        return problem(api, request, 400, _("The request was refused"), exc.message, **exc.extra)

    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        return problem(
            api, request, 422, _("The request is not valid"), errors=exc.errors
        )

    @api.exception_handler(AuthenticationError)
    def authentication_error(request, exc):
        return problem(api, request, 401, _("Authentication required"))

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return problem(api, request, 404, _("Not found"))

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        return problem(api, request, exc.status_code, str(exc.message))
