"""Schemathesis against the API's OpenAPI schema: every operation, fed data generated
from the schema, as an HR admin (who sees the most in the world).

The requests carry a bearer token and a logged-in session with its CSRF token, so the
operations open to tokens run as the token and those open only to the session (creating
a token) run as the session. Checks: no server error, and every response matches what
the schema documents for its status code and media type, problem details included.
"""

import json
from uuid import UUID

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from kinerja.accounts.models import ApiToken
from kinerja.accounts.services import api_token_create
from kinerja.api.api import api
from kinerja.org.models import Agency, Employee, Position, Unit
from kinerja.planning.enums import AnnexKind
from kinerja.planning.models import (
    AnnexItem,
    AssessmentPeriod,
    CascadeLink,
    Indicator,
    PlannedResult,
    Skp,
)
from kinerja.planning.services import annex_item_add
from kinerja.planning.tests import conftest as planning_fixtures

# Built while the tests are collected, exactly as /api/v1/openapi.json serves it, so each
# operation becomes its own test. (``schemathesis.pytest.from_fixture`` would build it
# per test instead, but does not work with pytest 9: it sets ``Node._nodeid``.)
schema = schemathesis.openapi.from_dict(
    json.loads(json.dumps(api.get_openapi_schema(), cls=DjangoJSONEncoder))
)

# Any 32 alphanumeric characters make a valid CSRF secret; the cookie and the header
# only have to agree.
CSRF_TOKEN = "fuzz" * 8

# Which real objects a generated UUID may be swapped for, by the collection in the path
# or by the name of the query parameter.
QUERY_COLLECTIONS = {
    "agency": "agencies",
    "unit": "units",
    "parent": "units",
    "period": "periods",
    "employee": "employees",
}
# Approved plans down a reporting line and a draft, for the planning operations.
plan = planning_fixtures.plan


@pytest.fixture
def app(world):
    """The real WSGI application, answering in this thread on the test's transaction."""
    # The WSGI handler closes "old" connections when a request starts and ends, which
    # would throw away the test's transaction and the world in it; Django's test client
    # disconnects the same receiver for the same reason.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def credentials(world):
    user = world.users["hr"]
    _token, raw = api_token_create(user=user, name="schemathesis")
    browser = Client()
    browser.force_login(user)
    session = browser.cookies[django_settings.SESSION_COOKIE_NAME].value
    return {
        "headers": {"Authorization": f"Bearer {raw}", "X-CSRFToken": CSRF_TOKEN},
        "cookies": {
            django_settings.SESSION_COOKIE_NAME: session,
            django_settings.CSRF_COOKIE_NAME: CSRF_TOKEN,
        },
    }


@pytest.fixture
def real_ids(world, credentials, plan):
    """Ids of real objects in both agencies, and of spare tokens to revoke: random UUIDs
    alone would only ever reach the "does not exist" branch."""
    for _ in range(3):
        api_token_create(user=world.users["hr"], name="spare")
    spare = ApiToken.objects.filter(name="spare")
    annex_item_add(skp=plan.staff, kind=AnnexKind.RESOURCE_SUPPORT, text="Laptop")
    ids = {"tokens": spare.values_list("uuid", flat=True)}
    ids.update(_survey_ids(world))
    ids.update(_document_ids(world, plan))
    ids.update(_objection_ids(world, plan))
    for collection, model in [
        ("agencies", Agency),
        ("units", Unit),
        ("positions", Position),
        ("employees", Employee),
        ("periods", AssessmentPeriod),
        ("skps", Skp),
        ("results", PlannedResult),
        ("indicators", Indicator),
        ("links", CascadeLink),
        ("annex", AnnexItem),
    ]:
        ids[collection] = model.objects.order_by("pk").values_list("uuid", flat=True)
    return {collection: [str(value) for value in values] for collection, values in ids.items()}


def _survey_ids(world) -> dict:
    """A public survey with a period open today (the surveys operations)."""
    import datetime

    from kinerja.core.clock import today
    from kinerja.surveys.models import SurveyPeriod, SurveyUnit

    survey = SurveyUnit.objects.create(unit=world.puskesmas, slug="fuzz-pkm", population_served=100)
    SurveyPeriod.objects.create(
        agency=world.agency,
        unit=world.puskesmas,
        name="Fuzz",
        start_date=today() - datetime.timedelta(days=5),
        end_date=today() + datetime.timedelta(days=5),
    )
    return {"survey-units": [survey.uuid], "surveys": [survey.slug]}


def _document_ids(world, plan) -> dict:
    """A final evaluation (its PDF) and the HR admin's bulk document job."""
    from kinerja.appraisal.models import Evaluation
    from kinerja.reporting.models import DocumentBatch

    window = plan.period.windows.order_by("number").first()
    evaluation = Evaluation.objects.create(
        skp=plan.kasi,
        window=window,
        status="final",
        results_rating="as_expected",
        behaviour_rating="as_expected",
        predicate="baik",
        assessor=world.division_head,
    )
    batch = DocumentBatch.objects.create(
        unit=world.section, period=plan.period, window=window, requested_by=world.users["hr"]
    )
    return {"evaluations": [evaluation.uuid], "document-batches": [batch.uuid]}


def _objection_ids(world, plan) -> dict:
    """An objection of the nurse to a final annual result (the objection operations):
    HR over the nurse reads it; deciding is the assessor's superior's."""
    from kinerja.appraisal.models import Evaluation, Objection
    from kinerja.core.clock import now, today
    from kinerja.planning.services import skp_create

    skp = skp_create(employee=world.nurse, period=plan.period, on=plan.period.start_date)
    evaluation = Evaluation.objects.create(
        skp=skp,
        status="final",
        results_rating="as_expected",
        behaviour_rating="as_expected",
        predicate="baik",
        assessor=world.puskesmas_head,
        finalised_at=now(),
    )
    objection = Objection.objects.create(
        evaluation=evaluation,
        filed_by=world.nurse,
        reasons="Fuzz",
        decide_by=today(),
        decider=world.head_of_office,
        previous_results_rating="as_expected",
        previous_behaviour_rating="as_expected",
        previous_predicate="baik",
    )
    return {"objections": [objection.uuid]}


def point_at_real_objects(case, real_ids: dict[str, list[str]]) -> None:
    """Swap most generated UUIDs for real ones, deterministically (the generated value
    picks which), and keep some random ones for the "does not exist" branch."""
    collection = case.path.removeprefix("/api/v1/").split("/")[0]
    for values, pool_for in [
        (case.path_parameters, lambda name: real_ids.get(collection, [])),
        (case.query, lambda name: real_ids.get(QUERY_COLLECTIONS.get(name), [])),
    ]:
        for name, value in (values or {}).items():
            try:
                generated = UUID(str(value))
            except ValueError:
                continue
            pool = pool_for(name)
            slot = generated.int % (len(pool) + 1)
            if slot < len(pool):
                values[name] = pool[slot]


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case, app, credentials, real_ids):
    point_at_real_objects(case, real_ids)
    case.call_and_validate(
        app=app,
        headers=credentials["headers"],
        cookies=credentials["cookies"],
        checks=[not_a_server_error, response_schema_conformance],
    )
