"""The API root: /api/v1, OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs.

Every router asks ``access`` before it reads or writes, exactly as the views do.
"""

from ninja import NinjaAPI

from kinerja.api import problems
from kinerja.api.auth import SessionAuth, TokenAuth
from kinerja.api.v1 import org

api = NinjaAPI(
    title="Kinerja API",
    version="1",
    description=(
        "Performance management for Indonesian civil servants. Authenticate with a "
        "personal token (Authorization: Bearer) or the browser session."
    ),
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api-v1",
)
problems.install(api)
api.add_router("/", org.router)
