"""The API root: /api/v1, OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs.

Every router asks ``access`` before it reads or writes, exactly as the views do. A later
capability adds its router here: ``api.add_router("/", <domain>.router)``.
"""

from ninja import NinjaAPI, Swagger

from kinerja.api import problems
from kinerja.api.auth import SessionAuth, TokenAuth
from kinerja.api.v1 import evaluation, multirater, org, planning, surveys, tokens


class KinerjaAPI(NinjaAPI):
    """django-ninja with problem details everywhere, in the responses and in the schema."""

    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        docs = {"openapi-json", "openapi-view"}
        return problems.guard_urls(patterns, safe_only=docs), app_name, namespace

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return problems.document(schema)


api = KinerjaAPI(
    title="Kinerja API",
    version="1",
    description=(
        "Performance management for Indonesian civil servants (ASN).\n\n"
        "**Authentication**: a personal token (`Authorization: Bearer knj_…`, created on "
        "the account page) or the browser session; with the session, requests that change "
        "data also send the CSRF token (`X-CSRFToken`).\n\n"
        "**Errors** are RFC 9457 problem details (`application/problem+json`) with "
        "`type`, `title`, `status` and `detail`; a 422 adds `errors`.\n\n"
        "**Lists** take `limit` (1–200, default 50) and `offset`, and answer "
        '`{"items": [...], "count": N}` where `count` is the length of the whole list.\n\n'
        "You see what you may see in the application: anything else answers 404."
    ),
    auth=[TokenAuth(), SessionAuth()],
    # Swagger UI's files are served from this server (``ninja`` in INSTALLED_APPS); no
    # validator badge either, which would ask an outside server about the schema.
    docs=Swagger(settings={"validatorUrl": None}),
    urls_namespace="api-v1",
)
problems.install(api)
api.add_router("/", org.router)
api.add_router("/", tokens.router)
api.add_router("/", planning.router)
api.add_router("/", multirater.router)
api.add_router("/", surveys.router)

# Organisation results, the distribution check and the assessment policy.
from kinerja.api.v1 import organisation_results  # noqa: E402

api.add_router("/", organisation_results.router)
api.add_router("/", evaluation.router)

# Continuous feedback, performance guidance (B.1.8, B.1.9) and attendance.
from kinerja.api.v1 import feedback  # noqa: E402

api.add_router("/", feedback.router)

# Realisations and evidence per reporting window.
from kinerja.api.v1 import realisation  # noqa: E402

api.add_router("/", realisation.router)

# Objections (keberatan) and credit points.
from kinerja.api.v1 import objections  # noqa: E402

api.add_router("/", objections.router)

# Evaluation documents (PDF), bulk document jobs and compliance lists.
from kinerja.api.v1 import documents  # noqa: E402

api.add_router("/", documents.router)
