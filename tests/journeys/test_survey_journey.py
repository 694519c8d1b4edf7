"""Public satisfaction survey journey: a citizen on a cheap phone opens the survey from
the address printed under the poster's QR code, answers the nine questions and sends
them; HR, on a desktop, sees the unit's count and index move."""

import datetime

import pytest
from playwright.sync_api import expect

from kinerja.core.clock import today
from kinerja.regulation.ikm import ELEMENT_CODES, ELEMENTS_2017
from kinerja.surveys.models import Response, SurveyPeriod, SurveyUnit

pytestmark = pytest.mark.browser


def _survey(world) -> SurveyUnit:
    survey_unit = SurveyUnit.objects.create(
        unit=world.puskesmas, slug="pkm-kassi-kassi", population_served=100
    )
    period = SurveyPeriod.objects.create(
        agency=world.agency,
        unit=world.puskesmas,
        name="Triwulan berjalan",
        start_date=today() - datetime.timedelta(days=20),
        end_date=today() + datetime.timedelta(days=20),
    )
    # Two earlier answers, all "2": an index of 50.
    Response.objects.bulk_create(
        [
            Response(
                survey_unit=survey_unit,
                period=period,
                submitted_on=period.start_date,
                **dict.fromkeys(ELEMENT_CODES, 2),
            )
            for _ in range(2)
        ]
    )
    return survey_unit


def test_citizen_answers_from_qr_link_and_hr_sees_the_index(phone, desktop, world):
    survey_unit = _survey(world)

    desktop.login_as("hr")
    desktop.nav("Satisfaction surveys")
    desktop.click(survey_unit.unit.name)
    expect(desktop.page.locator("#survey-count")).to_have_text("2")
    expect(desktop.page.locator("#survey-ikm")).to_have_text("50,00")
    # The address printed under the poster's QR code (the same function builds both).
    poster_url = desktop.page.locator("#public-url").get_attribute("href")
    assert poster_url.endswith(f"/survei/{survey_unit.slug}/")

    phone.visit(poster_url.removeprefix(phone.base_url))
    expect(phone.page.get_by_role("heading", level=1)).to_be_visible()
    # English is one switch away, and back.
    phone.switch_language("en")
    expect(phone.page.locator("#element-u6")).to_contain_text(ELEMENTS_2017[5].question_en)
    phone.switch_language("id")
    expect(phone.page.locator("#element-u6")).to_contain_text(ELEMENTS_2017[5].question_id)
    for element in ELEMENTS_2017:
        best = element.answers_id[3]  # the page is in Indonesian: the official wording
        phone.page.locator(f"#element-{element.code}").get_by_label(best, exact=True).check()
    phone.page.get_by_text(phone.t("About you (optional)")).click()
    phone.page.get_by_label(phone.t("Sex")).select_option("F")
    phone.submit("Send my answers")
    expect(phone.page.locator("#survey-thanks")).to_be_visible()

    stored = Response.objects.exclude(u1=2).get()
    assert stored.answers == (4,) * 9 and stored.sex == "F"

    desktop.visit(f"/survei/unit/{survey_unit.uuid}/")
    expect(desktop.page.locator("#survey-count")).to_have_text("3")
    # (2 × 18 + 36) / 27 × 25 = 66.67 — grade C, provisional (3 of 80 required).
    expect(desktop.page.locator("#survey-ikm")).to_have_text("66,67")
    expect(desktop.page.locator("#survey-grade")).to_have_text("C")
    expect(desktop.page.locator("#survey-provisional")).to_be_visible()
