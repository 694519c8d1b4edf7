"""Errors as RFC 9457 problem details (``application/problem+json``).

Every error the API returns has the same shape, whoever produced it: an endpoint, a
service rule, django-ninja's own checks (authentication, validation), a wrong method, an
unknown path or an unexpected exception. A client needs one error parser::

    {"type": "about:blank", "title": "Not found", "status": 404, "detail": "…"}

A 422 adds ``errors`` (where and what), a refused domain rule may add its own members.
"""

import json
import logging
from functools import wraps
from http import HTTPStatus
from typing import Any

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.http.multipartparser import MultiPartParserError
from django.urls import URLPattern, re_path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from pydantic import ConfigDict, Field

from kinerja.api.field_messages import field_message
from kinerja.core.exceptions import ApplicationError

logger = logging.getLogger("kinerja.api")

MEDIA_TYPE = "application/problem+json"
# RFC 9457 §4.2.1: "about:blank" says the status code is all there is to know; the title
# is then the (translated) status phrase.
PROBLEM_TYPE = "about:blank"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

TITLES = {
    400: gettext_lazy("Bad request"),
    401: gettext_lazy("Authentication required"),
    403: gettext_lazy("Forbidden"),
    404: gettext_lazy("Not found"),
    405: gettext_lazy("Method not allowed"),
    422: gettext_lazy("The request is not valid"),
    429: gettext_lazy("Too many requests"),
    500: gettext_lazy("Server error"),
}


class InvalidToken(AuthenticationError):
    """An ``Authorization`` header was sent but holds no valid token."""


class FieldErrorOut(Schema):
    loc: list[str | int] = Field(description="Where: the part of the request, then the field.")
    msg: str
    type: str


class ProblemOut(Schema):
    """An RFC 9457 problem; members beyond these may be added by a specific error."""

    model_config = ConfigDict(extra="allow", title="Problem")

    type: str = Field(description="A URI naming the kind of problem.")
    title: str = Field(description="A short, human-readable summary of the problem kind.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field("", description="What went wrong this time, for a person to read.")


class ValidationProblemOut(ProblemOut):
    model_config = ConfigDict(extra="allow", title="ValidationProblem")

    errors: list[FieldErrorOut]


def title_for(status: int) -> str:
    return str(TITLES.get(status) or HTTPStatus(status).phrase)


def problem(status: int, detail: str = "", **extra: Any) -> HttpResponse:
    body: dict[str, Any] = {"type": PROBLEM_TYPE, "title": title_for(status), "status": status}
    if detail:
        body["detail"] = str(detail)
    for key, value in extra.items():
        body.setdefault(key, value)
    return HttpResponse(
        json.dumps(body, cls=DjangoJSONEncoder), status=status, content_type=MEDIA_TYPE
    )


def _field_errors(exc: ValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": list(error.get("loc", ())), "msg": field_message(error), "type": error["type"]}
        for error in exc.errors
    ]


def _model_errors(exc: DjangoValidationError) -> list[dict[str, Any]]:
    if not hasattr(exc, "error_dict"):
        return [{"loc": ["body"], "msg": message, "type": "invalid"} for message in exc.messages]
    return [
        {"loc": ["body", field], "msg": message, "type": "invalid"}
        for field, messages in exc.message_dict.items()
        for message in messages
    ]


def install(api: NinjaAPI) -> None:
    """Replace django-ninja's error handlers with problem-details ones."""

    @api.exception_handler(ApplicationError)
    def application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
        return problem(400, exc.message, **exc.extra)

    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return problem(
            422, _("Some values in the request are not valid."), errors=_field_errors(exc)
        )

    @api.exception_handler(DjangoValidationError)
    def model_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return problem(
            422, _("Some values in the request are not valid."), errors=_model_errors(exc)
        )

    @api.exception_handler(AuthenticationError)
    def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        if isinstance(exc, InvalidToken):
            response = problem(
                401, _("The token is unknown, revoked, or belongs to an inactive account.")
            )
            response["WWW-Authenticate"] = 'Bearer realm="kinerja", error="invalid_token"'
            return response
        response = problem(
            401, _("Log in, or send a personal token as 'Authorization: Bearer <token>'.")
        )
        response["WWW-Authenticate"] = 'Bearer realm="kinerja"'
        return response

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        # Never the exception's text: it may name the object that was looked for.
        return problem(404, _("There is nothing here, or you may not see it."))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 400:
            # Only django-ninja raises a 400 HttpError (a body it cannot parse), with an
            # English-only text; our own refusals are ApplicationError.
            return problem(400, _("The request cannot be read."))
        return problem(exc.status_code, str(exc.message))

    @api.exception_handler(PermissionDenied)
    def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return problem(403, _("You may not do this."))

    # What Django itself answers with 400 (``response_for_exception``): a body that cannot
    # be parsed (e.g. multipart without a boundary), and requests it finds suspicious.
    @api.exception_handler(MultiPartParserError)
    @api.exception_handler(BadRequest)
    def bad_request(request: HttpRequest, exc: Exception) -> HttpResponse:
        return problem(400, _("The request cannot be read."))

    @api.exception_handler(SuspiciousOperation)
    def suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
        logging.getLogger(f"django.security.{type(exc).__name__}").error(str(exc))
        return problem(400, _("The request cannot be read."))

    @api.exception_handler(Exception)
    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        # The traceback goes to the log, never to the client.
        logger.error("Unhandled error in %s %s", request.method, request.path, exc_info=exc)
        return problem(500, _("Something went wrong on our side. Please try again later."))


# --- outside django-ninja's operations ---------------------------------------------------


def _guard(view, *, safe_only: bool):
    """Wrap a URL's view so a wrong method or a 404 also answers with a problem."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if safe_only and request.method not in SAFE_METHODS:
            response = HttpResponseNotAllowed(sorted(SAFE_METHODS))
        else:
            try:
                response = view(request, *args, **kwargs)
            except Http404:
                return problem(404, _("There is nothing here, or you may not see it."))
        if isinstance(response, HttpResponseNotAllowed):
            # django-ninja collects the methods in a set: sort them for a stable header.
            allowed = ", ".join(sorted(m.strip() for m in response["Allow"].split(",")))
            response = problem(
                405, _("This address accepts only: %(methods)s.") % {"methods": allowed}
            )
            response["Allow"] = allowed
        return response

    # django-ninja's operations check CSRF themselves (session auth only); the schema,
    # the docs page and the fallback below never change anything.
    guarded.csrf_exempt = True
    return guarded


def _unknown_path(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    return problem(404, _("There is nothing here, or you may not see it."))


def guard_urls(patterns: list, *, safe_only: set[str]) -> list:
    """The API's URL patterns with problem answers for 404 and 405, plus a fallback
    so an unknown path under the API is a problem too, not an HTML page."""
    guarded = [
        URLPattern(
            p.pattern,
            _guard(p.callback, safe_only=p.name in safe_only),
            p.default_args,
            p.name,
        )
        for p in patterns
    ]
    guarded.append(re_path(r"^.*$", _guard(_unknown_path, safe_only=False)))
    return guarded


# --- OpenAPI ------------------------------------------------------------------------------


def _ref(name: str) -> dict[str, Any]:
    return {"content": {MEDIA_TYPE: {"schema": {"$ref": f"#/components/schemas/{name}"}}}}


def document(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the problem responses each operation can give to the OpenAPI schema."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in (ProblemOut, ValidationProblemOut):
        definition = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(definition.pop("$defs", {}))
        components[definition["title"]] = definition

    descriptions = {
        400: gettext_lazy("A rule of the domain refused the request."),
        401: gettext_lazy("No valid session or token."),
        403: gettext_lazy("Session requests that change data need the CSRF token."),
        404: gettext_lazy("Does not exist, or you may not see it."),
        422: gettext_lazy("Some values in the request are not valid."),
    }
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            statuses = set()
            unsafe = method.upper() not in SAFE_METHODS
            if operation.get("security"):
                statuses.add(401)
                if unsafe:
                    statuses.add(403)
            if unsafe:
                statuses.add(400)
            if "{" in path:
                statuses.add(404)
            if operation.get("parameters") or operation.get("requestBody"):
                statuses.add(422)
            responses = operation.setdefault("responses", {})
            for status in sorted(statuses):
                if status in responses or str(status) in responses:
                    continue
                name = "ValidationProblem" if status == 422 else "Problem"
                responses[status] = {"description": str(descriptions[status]), **_ref(name)}
    return schema
