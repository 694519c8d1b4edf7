import datetime
from types import SimpleNamespace

import pytest
from django.core.cache import cache

from kinerja.core.clock import today
from kinerja.regulation.ikm import ELEMENT_CODES
from kinerja.surveys.models import Response, ServiceOption, SurveyPeriod, SurveyUnit


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Tokens, rate limits and salts live in the cache: no test sees another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def survey(world):
    """The puskesmas runs a survey: 100 people served per period, one open period this
    quarter and an earlier one, one service."""
    on = today()
    unit = SurveyUnit.objects.create(
        unit=world.puskesmas, slug="pkm-kassi-kassi", population_served=100
    )
    current = SurveyPeriod.objects.create(
        agency=world.agency,
        unit=world.puskesmas,
        name="Triwulan ini",
        start_date=on - datetime.timedelta(days=30),
        end_date=on + datetime.timedelta(days=30),
    )
    earlier = SurveyPeriod.objects.create(
        agency=world.agency,
        unit=None,
        name="Triwulan lalu",
        start_date=on - datetime.timedelta(days=150),
        end_date=on - datetime.timedelta(days=60),
    )
    service = ServiceOption.objects.create(survey_unit=unit, name="Pemeriksaan umum")
    return SimpleNamespace(unit=unit, period=current, earlier=earlier, service=service, on=on)


def add_responses(survey_unit, period, answers_list, *, on=None, officer=None, **profile):
    """Bulk-create responses with the given answers (tuples of nine)."""
    on = on or period.start_date
    Response.objects.bulk_create(
        [
            Response(
                survey_unit=survey_unit,
                period=period,
                submitted_on=on,
                officer=officer,
                **dict(zip(ELEMENT_CODES, answers, strict=True)),
                **profile,
            )
            for answers in answers_list
        ]
    )
