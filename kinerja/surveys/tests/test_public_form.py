"""The public form: no login, one-time token, honeypot, rate limit, duplicates; every
refusal counted, nothing personal stored."""

import re

import pytest
from django.urls import reverse

from kinerja.regulation.ikm import ELEMENT_CODES
from kinerja.surveys import guard
from kinerja.surveys.enums import RejectionReason
from kinerja.surveys.models import RejectedSubmission, Response


def form_url(survey):
    return reverse("surveys:public_form", args=[survey.unit.slug])


def fresh_token(client, survey) -> str:
    page = client.get(form_url(survey))
    assert page.status_code == 200
    return re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)


def answers(value=4, **extra):
    data = {code: str(value) for code in ELEMENT_CODES}
    data.update(extra)
    return data


def rejected(survey, reason) -> int:
    row = RejectedSubmission.objects.filter(survey_unit=survey.unit, reason=reason).first()
    return row.count if row else 0


def test_public_form_opens_without_login_with_nine_questions(client, survey):
    page = client.get(form_url(survey))
    assert page.status_code == 200
    html = page.content.decode()
    for code in ELEMENT_CODES:
        assert f'name="{code}"' in html
    assert "Sangat kompeten" in html  # the official wording, in Indonesian by default
    assert 'name="website"' in html
    assert "<script" not in html  # light: one stylesheet, works without JavaScript
    assert 'id="language-select"' in html


def test_public_form_valid_submission_is_stored_and_thanks(client, survey, world):
    token = fresh_token(client, survey)
    data = answers(3, token=token, sex="F", age_band="30-39", service=str(survey.service.pk))
    data["officer"] = str(world.nurse.pk)
    response = client.post(form_url(survey), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("surveys:public_thanks", args=[survey.unit.slug])
    stored = Response.objects.get()
    assert stored.answers == (3,) * 9
    assert stored.sex == "F" and stored.officer == world.nurse
    assert stored.period == survey.period and stored.submitted_on == survey.on


def test_public_form_missing_element_is_refused_and_counted(client, survey):
    data = answers(4, token=fresh_token(client, survey))
    del data["u5"]
    response = client.post(form_url(survey), data)
    assert response.status_code == 400
    assert Response.objects.count() == 0
    assert rejected(survey, RejectionReason.INVALID) == 1
    assert b'id="u5-error"' in response.content


@pytest.mark.parametrize("value", ["0", "5", "x", "-1"])
def test_public_form_out_of_range_value_is_refused(client, survey, value):
    data = answers(4, token=fresh_token(client, survey))
    data["u3"] = value
    assert client.post(form_url(survey), data).status_code == 400
    assert Response.objects.count() == 0
    assert rejected(survey, RejectionReason.INVALID) == 1


def test_public_form_replayed_token_is_refused(client, survey):
    token = fresh_token(client, survey)
    assert client.post(form_url(survey), answers(4, token=token)).status_code == 302
    again = client.post(form_url(survey), answers(3, token=token))
    assert again.status_code == 400
    assert Response.objects.count() == 1
    assert rejected(survey, RejectionReason.TOKEN_REPLAYED) == 1


def test_public_form_forged_or_missing_token_is_refused(client, survey):
    assert client.post(form_url(survey), answers(4, token="forged:abc")).status_code == 400
    assert client.post(form_url(survey), answers(4)).status_code == 400
    assert Response.objects.count() == 0
    assert rejected(survey, RejectionReason.TOKEN_INVALID) == 2


def test_public_form_honeypot_filled_is_refused(client, survey):
    data = answers(4, token=fresh_token(client, survey), website="http://spam.example")
    assert client.post(form_url(survey), data).status_code == 400
    assert Response.objects.count() == 0
    assert rejected(survey, RejectionReason.HONEYPOT) == 1


def test_public_form_flooding_from_one_address_is_rate_limited(client, survey, settings):
    settings.SURVEY_GUARD = {"rate_limit": 3, "duplicate_window": 1}
    statuses = []
    for value in [1, 2, 3, 4, 4, 3]:
        data = answers(value, token=fresh_token(client, survey), sex="M" if value == 4 else "F")
        statuses.append(client.post(form_url(survey), data).status_code)
    assert statuses == [302, 302, 302, 429, 429, 429]
    assert Response.objects.count() == 3
    assert rejected(survey, RejectionReason.RATE_LIMITED) == 3


def test_public_form_other_address_is_not_limited(client, survey, settings):
    settings.SURVEY_GUARD = {"rate_limit": 1}
    client.post(form_url(survey), answers(4, token=fresh_token(client, survey)))
    token = fresh_token(client, survey)
    other = client.post(form_url(survey), answers(3, token=token), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302
    assert Response.objects.count() == 2


def test_public_form_duplicate_answers_from_same_address_are_refused(client, survey):
    first = client.post(form_url(survey), answers(4, token=fresh_token(client, survey), sex="F"))
    assert first.status_code == 302
    second = client.post(form_url(survey), answers(4, token=fresh_token(client, survey), sex="F"))
    assert second.status_code == 409
    assert Response.objects.count() == 1
    assert rejected(survey, RejectionReason.DUPLICATE) == 1
    different = client.post(form_url(survey), answers(3, token=fresh_token(client, survey)))
    assert different.status_code == 302


def test_public_form_officer_outside_unit_is_refused(client, survey, world):
    data = answers(4, token=fresh_token(client, survey), officer=str(world.staff.pk))
    assert client.post(form_url(survey), data).status_code == 400
    assert Response.objects.count() == 0


def test_public_form_closed_when_no_period_or_paused(client, survey):
    survey.unit.is_active = False
    survey.unit.save()
    page = client.get(form_url(survey))
    assert b'id="survey-closed"' in page.content
    data = answers(4, token=guard.token_issue(survey.unit.slug))
    assert client.post(form_url(survey), data).status_code == 400
    assert rejected(survey, RejectionReason.CLOSED) == 1
    assert Response.objects.count() == 0


def test_public_form_unknown_slug_is_404(client, survey):
    assert client.get("/survei/tidak-ada/").status_code == 404


def test_public_form_stores_nothing_beyond_the_form(client, survey):
    client.post(
        form_url(survey),
        answers(4, token=fresh_token(client, survey)),
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT="Cheap phone",
    )
    stored = Response.objects.values().get()
    assert set(stored) == {
        "id", "uuid", "survey_unit_id", "period_id", *ELEMENT_CODES, "age_band", "sex",
        "education", "occupation", "service_id", "officer_id", "submitted_on",
    }  # fmt: skip
    assert "203.0.113.7" not in str(stored)


def test_public_form_english_wording(client, survey):
    client.cookies["django_language"] = "en"
    page = client.get(form_url(survey), HTTP_ACCEPT_LANGUAGE="en")
    assert b"Very competent" in page.content


def test_public_thanks_page(client, survey):
    page = client.get(reverse("surveys:public_thanks", args=[survey.unit.slug]))
    assert page.status_code == 200
    assert b'id="survey-thanks"' in page.content
