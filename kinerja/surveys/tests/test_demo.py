"""The demo surveys: adequate, too few and lopsided units in the last full quarter."""

import datetime

from kinerja.org.enums import UnitKind
from kinerja.org.tests.factories import UnitFactory
from kinerja.regulation.sampling import DAY_CONCENTRATED, SAMPLE_BELOW_REQUIRED
from kinerja.surveys.demo import demo_surveys_create
from kinerja.surveys.models import Response, SurveyUnit
from kinerja.surveys.selectors import periods_of, survey_results


def test_demo_surveys_adequate_too_few_and_lopsided(world):
    for n in (2, 3):
        UnitFactory(agency=world.agency, parent=world.health, name=f"Puskesmas {n}",
                    code=f"PKM-{n}", kind=UnitKind.HEALTH_CENTRE)  # fmt: skip
    on = datetime.date(2026, 11, 20)
    made = demo_surveys_create(agency=world.agency, seed=7, on=on)
    assert made.units == 3 and made.responses == Response.objects.count()
    findings = []
    for survey_unit in SurveyUnit.objects.order_by("unit__code"):
        past = next(p for p in periods_of(survey_unit) if p.name == "Triwulan III 2026")
        results = survey_results(survey_unit, past)
        findings.append({f.code for f in results.sample.findings})
        assert results.index.index is not None
    assert set() in findings
    assert {SAMPLE_BELOW_REQUIRED} in findings
    assert any(DAY_CONCENTRATED in f for f in findings)
    again = demo_surveys_create(agency=world.agency, seed=7, on=on)
    assert again.units == 0  # idempotent
