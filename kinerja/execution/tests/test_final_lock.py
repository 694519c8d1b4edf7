"""A final evaluation locks the window (issue 4 item 7): feedback, realisations, evidence
and the report's reopening are refused, through the services, the pages and the API.

The evaluation model is reached through ``Skp.evaluations`` (appraisal sits above
execution in the layers, so it is not imported here).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.execution.enums import ReportStatus
from kinerja.execution.models import Evidence, FeedbackMessage, PeriodReport, Realisation
from kinerja.execution.services.evidence import (
    evidence_add_file,
    evidence_add_link,
    evidence_delete,
)
from kinerja.execution.services.feedback import feedback_post
from kinerja.execution.services.finality import is_locked
from kinerja.execution.services.realisation import (
    realisation_save,
    report_reopen,
    report_submit,
)
from kinerja.execution.tests.realisation_world import PDF_BYTES, build
from kinerja.planning.models import Skp
from kinerja.regulation.predicate import EmployeePredicate, Rating

API = "/api/v1"
FEEDBACK_LOCKED = (
    "The evaluation of this window is final: its feedback is closed. A final "
    "result changes only through an objection."
)
REPORT_LOCKED = (
    "The evaluation of this window is final: its report, realisations and evidence "
    "can no longer be changed. A final result changes only through an objection."
)


def _evaluation(skp, window, *, status="final"):
    model = Skp._meta.get_field("evaluations").related_model
    rated = status == "final"
    return model.objects.create(
        skp=skp,
        window=window,
        status=status,
        results_rating=Rating.AS_EXPECTED if rated else "",
        behaviour_rating=Rating.AS_EXPECTED if rated else "",
        predicate=EmployeePredicate.BAIK if rated else "",
    )


def _indonesian(msgid: str) -> str:
    with translation.override("id"):
        return gettext(msgid)


# --- the rule ----------------------------------------------------------------------------


def test_is_locked_by_window_or_annual_final_only(fw):
    windows = list(fw.period.windows.order_by("number"))
    assert not is_locked(skp=fw.skp, window=windows[0])
    draft = _evaluation(fw.skp, windows[0], status="draft")
    assert not is_locked(skp=fw.skp, window=windows[0])
    draft.delete()
    _evaluation(fw.skp, windows[0])
    assert is_locked(skp=fw.skp, window=windows[0])
    assert not is_locked(skp=fw.skp, window=windows[1])
    # Another SKP's final evaluation locks nothing here.
    assert not is_locked(skp=fw.plan.kasi, window=windows[0])
    _evaluation(fw.skp, None)
    assert is_locked(skp=fw.skp, window=windows[1])
    assert is_locked(skp=fw.skp.pk, window=None)


# --- feedback ----------------------------------------------------------------------------


def test_feedback_post_refused_when_final(fw):
    feedback_post(
        skp=fw.skp,
        window=fw.window,
        core_value="akuntabel",
        text="Awal",
        actor=fw.world.users["section_head"],
    )
    _evaluation(fw.skp, fw.window)
    logged = ActivityLog.objects.count()
    with pytest.raises(ApplicationError) as error:
        feedback_post(
            skp=fw.skp,
            window=fw.window,
            core_value="akuntabel",
            text="Sesudah final",
            actor=fw.world.users["section_head"],
        )
    assert error.value.message == gettext(FEEDBACK_LOCKED)
    with pytest.raises(ApplicationError):
        feedback_post(
            skp=fw.skp,
            window=fw.window,
            core_value="akuntabel",
            text="Balas",
            actor=fw.world.users["staff"],
        )
    assert FeedbackMessage.objects.count() == 1
    assert ActivityLog.objects.count() == logged


def test_feedback_post_refused_when_annual_final(fw):
    _evaluation(fw.skp, None)
    with pytest.raises(ApplicationError):
        feedback_post(
            skp=fw.skp,
            window=fw.window,
            result=fw.result,
            text="x",
            actor=fw.world.users["section_head"],
        )
    assert not FeedbackMessage.objects.exists()


def test_feedback_page_closed_when_final(client, fw):
    _evaluation(fw.skp, fw.window)
    client.force_login(fw.world.users["section_head"])
    page = client.get(reverse("execution:feedback_page", args=[fw.skp.uuid, fw.window.number]))
    assert page.status_code == 200
    assert b'class="feedback-form"' not in page.content
    assert b'id="feedback-locked"' in page.content
    url = reverse("execution:feedback_post", args=[fw.skp.uuid, fw.window.number])
    response = client.post(
        url, {"thread": "v-akuntabel", "text": "Sesudah final"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert b'id="thread-v-akuntabel-error"' in response.content
    assert _indonesian(FEEDBACK_LOCKED).encode() in response.content
    assert not FeedbackMessage.objects.exists()


def test_api_feedback_refused_when_final(client, fw):
    _evaluation(fw.skp, fw.window)
    client.force_login(fw.world.users["section_head"])
    path = f"{API}/skps/{fw.skp.uuid}/feedback/{fw.window.number}"
    response = client.post(
        path, {"core_value": "akuntabel", "text": "Sesudah final"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert not FeedbackMessage.objects.exists()
    assert not any(thread["can_write"] for thread in client.get(path).json())


# --- realisations, evidence, reopening ------------------------------------------------------


@pytest.fixture
def rw(world):
    return build(world)


def _fill(world, rw):
    staff = world.users["staff"]
    realisation_save(report=rw.report, indicator=rw.quantity, value="10", actor=staff)
    realisation_save(report=rw.report, indicator=rw.time, value="3", actor=staff)
    realisation_save(report=rw.report, indicator=rw.narrative, narrative="Lengkap", actor=staff)


def test_realisation_and_evidence_refused_when_final(world, rw):
    staff = world.users["staff"]
    realisation_save(report=rw.report, indicator=rw.quantity, value="5", actor=staff)
    link = evidence_add_link(
        report=rw.report, indicator=rw.quantity, url="https://example.org/bukti", actor=staff
    )
    _evaluation(rw.skp, rw.window)
    logged = ActivityLog.objects.count()
    with pytest.raises(ApplicationError) as error:
        realisation_save(report=rw.report, indicator=rw.quantity, value="9", actor=staff)
    assert error.value.message == gettext(REPORT_LOCKED)
    with pytest.raises(ApplicationError):
        evidence_add_link(
            report=rw.report, indicator=rw.quantity, url="https://example.org/lagi", actor=staff
        )
    with pytest.raises(ApplicationError):
        evidence_add_file(
            report=rw.report,
            indicator=rw.quantity,
            upload=SimpleUploadedFile("b.pdf", PDF_BYTES, content_type="application/pdf"),
            actor=staff,
        )
    with pytest.raises(ApplicationError):
        evidence_delete(evidence=link, actor=staff)
    assert Realisation.objects.get().value == 5
    assert list(Evidence.objects.all()) == [link]
    assert ActivityLog.objects.count() == logged


def test_report_reopen_refused_when_final(world, rw):
    _fill(world, rw)
    report_submit(report=rw.report, actor=world.users["staff"])
    _evaluation(rw.skp, None)
    with pytest.raises(ApplicationError) as error:
        report_reopen(report=rw.report, reason="Tambah bukti", actor=world.users["section_head"])
    assert error.value.message == gettext(REPORT_LOCKED)
    rw.report.refresh_from_db()
    assert rw.report.status == ReportStatus.SUBMITTED


def test_report_page_locked_when_final(client, world, rw):
    _evaluation(rw.skp, rw.window)
    client.force_login(world.users["staff"])
    page = client.get(reverse("execution:report_detail", args=[rw.report.uuid]))
    assert page.status_code == 200
    assert page.context["locked"] is True
    assert page.context["can_edit"] is False
    assert page.context["can_submit"] is False
    assert b'id="report-locked"' in page.content
    url = reverse("execution:realisation_save", args=[rw.report.uuid, rw.quantity.uuid])
    client.post(url, {"value": "4"}, HTTP_HX_REQUEST="true")
    assert not Realisation.objects.filter(value__isnull=False).exists()


def test_report_reopen_page_refused_when_final(client, world, rw):
    _fill(world, rw)
    report_submit(report=rw.report, actor=world.users["staff"])
    _evaluation(rw.skp, rw.window)
    client.force_login(world.users["section_head"])
    page = client.get(reverse("execution:report_detail", args=[rw.report.uuid]))
    assert page.context["can_reopen"] is False
    client.post(reverse("execution:report_reopen", args=[rw.report.uuid]), {"reason": "Ulang"})
    assert PeriodReport.objects.get(pk=rw.report.pk).status == ReportStatus.SUBMITTED


def test_api_realisation_refused_when_final(client, world, rw):
    _evaluation(rw.skp, rw.window)
    client.force_login(world.users["staff"])
    response = client.put(
        f"{API}/reports/{rw.report.uuid}/realisations/{rw.quantity.uuid}",
        {"value": "2"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert not Realisation.objects.exists()


def test_evaluation_page_feedback_closed_when_final(client, fw):
    url = reverse("appraisal:evaluation", args=[fw.skp.uuid, str(fw.window.uuid)])
    client.force_login(fw.world.users["section_head"])
    assert b'class="feedback-form"' in client.get(url).content
    _evaluation(fw.skp, fw.window)
    response = client.get(url)
    assert response.status_code == 200
    assert b'class="feedback-form"' not in response.content
